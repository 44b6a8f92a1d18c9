/*
 * resolve.c - one answer per respondent and skill, then the raw tallies.
 *
 * Records of a period are bucketed by respondent (a counting sort on the respondent
 * index) and ordered within the bucket by (submitted, seq): a missing time is earliest,
 * and equal times fall back to reading order (later row in a file, later source in the
 * configuration). The latest record gives authority and role. For each skill the latest
 * non-missing answer wins, under the rater policy: manager_first takes the manager's latest
 * answer where there is one, else the self-assessment's; latest takes whichever came last;
 * self_only ignores managers' answers. Training, language preference and barriers come
 * from the latest record that answers them.
 */
#include <glib.h>
#include <string.h>

#include "people.h"
#include "tna/threads.h"

/* Record a comes before record b (indices of a period: reading order). */
static int record_before(const tna_period_data *pd, uint32_t a, uint32_t b)
{
    int64_t ta = pd->records[a].submitted, tb = pd->records[b].submitted;
    return ta != tb ? ta < tb : a < b;
}

void people_free(people *pp)
{
    g_free(pp->p);
    g_free(pp->merged);
    g_free(pp->self_level);
    g_free(pp->mgr_level);
    memset(pp, 0, sizeof *pp);
}

/* What the two resolving threads share; each resolves a range of respondent buckets. */
typedef struct resolve_job {
    const tna_model *m;
    const tna_period_data *pd;
    const uint32_t *start, *order;
    people *pp;
    bool managers;
    uint32_t r_lo, r_hi; /* respondent buckets */
    size_t first;        /* index of the range's first person */
    size_t first_merged; /* index in pp->merged of the range's first multi-record person */
} resolve_job;

static gpointer resolve_range(gpointer data)
{
    const resolve_job *job = data;
    const tna_model *m = job->m;
    const tna_period_data *pd = job->pd;
    people *pp = job->pp;
    size_t ns = m->n_skills, n = job->first, merged = job->first_merged;
    uint32_t *order = (uint32_t *)job->order; /* each job sorts only its own buckets */
    uint8_t *latest = g_new(uint8_t, 3 * ns + 1);
    uint8_t *self = latest + ns, *mgr = self + ns;
    for (uint32_t r = job->r_lo; r < job->r_hi; r++) {
        uint32_t lo = job->start[r], hi = job->start[r + 1];
        if (lo == hi)
            continue;
        /* insertion sort: buckets hold one or two records */
        for (uint32_t i = lo + 1; i < hi; i++) {
            uint32_t v = order[i], j = i;
            while (j > lo && record_before(pd, v, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = v;
        }
        person *who = &pp->p[n];
        const tna_record *last = &pd->records[order[hi - 1]];
        who->respondent = r;
        who->authority = last->authority;
        who->role = last->role;
        who->barriers_at = PERSON_NONE;
        /* One record and no manager ratings in the period (the usual case): the record's
         * levels are the answers under every rater policy. Nothing to merge or copy. */
        if (hi - lo == 1 && !job->managers) {
            who->trained = last->trained;
            who->medium = last->medium;
            who->barriers_at = last->barriers_answered ? order[hi - 1] : PERSON_NONE;
            who->answers = order[hi - 1];
            n++;
            continue;
        }
        memset(latest, TNA_LEVEL_NONE, 3 * ns);
        for (uint32_t i = lo; i < hi; i++) {
            const tna_record *rec = &pd->records[order[i]];
            const uint8_t *lv = tna_record_levels(pd, order[i]);
            uint8_t *mine = rec->rater == TNA_RATER_MANAGER ? mgr : self;
            for (size_t s = 0; s < ns; s++) {
                uint8_t level = tna_level_get(lv, s);
                if (level != TNA_LEVEL_NONE)
                    mine[s] = latest[s] = level;
            }
            if (rec->trained != TNA_YESNO_UNKNOWN)
                who->trained = rec->trained;
            if (rec->medium != TNA_MEDIUM_UNKNOWN)
                who->medium = rec->medium;
            if (rec->barriers_answered)
                who->barriers_at = order[i];
        }
        who->answers = (uint32_t)merged | PERSON_MERGED;
        uint8_t *answer = pp->merged + merged++ * tna_level_row_bytes(ns);
        for (size_t s = 0; s < ns; s++) {
            uint8_t level = self[s];
            if (m->rater_policy == TNA_RATER_MANAGER_FIRST && mgr[s] != TNA_LEVEL_NONE)
                level = mgr[s];
            else if (m->rater_policy == TNA_RATER_LATEST)
                level = latest[s];
            tna_level_set(answer, s, level);
        }
        if (job->managers) {
            memcpy(pp->self_level + n * ns, self, ns);
            memcpy(pp->mgr_level + n * ns, mgr, ns);
        }
        n++;
    }
    g_free(latest);
    return NULL;
}

/* Below this many records a thread costs more than it saves. */
#define MIN_PER_THREAD 50000

void people_build(const tna_model *m, const tna_period_data *pd, people *pp)
{
    size_t ns = m->n_skills;
    memset(pp, 0, sizeof *pp);
    pp->n_skills = ns;

    /* Bucket records by respondent (a counting sort). */
    uint32_t max_resp = 0;
    bool managers = false;
    for (size_t i = 0; i < pd->n_records; i++) {
        if (pd->records[i].respondent + 1 > max_resp)
            max_resp = pd->records[i].respondent + 1;
        managers |= pd->records[i].rater == TNA_RATER_MANAGER;
    }
    /* bucket r's count in start[r + 1], then where it ends; placing the records from the last
     * down then leaves where bucket r starts in start[r + 1] (no second array) */
    uint32_t *start = g_new0(uint32_t, (size_t)max_resp + 2);
    for (size_t i = 0; i < pd->n_records; i++)
        start[pd->records[i].respondent + 1]++;
    /* the respondents in n contiguous ranges, a job each: where each range's people and
     * merged answers begin */
    int n = tna_threads_for(pd->n_records, MIN_PER_THREAD);
    resolve_job *jobs = g_new0(resolve_job, n);
    for (int k = 0; k < n; k++) /* empty until its range is found */
        jobs[k] = (resolve_job){m, pd, NULL, NULL, pp, managers, max_resp, max_resp, 0, 0};
    size_t n_people = 0, n_merged = 0;
    for (uint32_t r = 0, k = 0; r < max_resp; r++) {
        while (k < (uint32_t)n && r == (uint32_t)((uint64_t)max_resp * k / (uint64_t)n)) {
            jobs[k] = (resolve_job){m,       pd,       NULL,     NULL,     pp,
                                    managers, r,       max_resp, n_people, n_merged};
            if (k > 0)
                jobs[k - 1].r_hi = r;
            k++;
        }
        n_people += start[r + 1] > 0;
        /* with manager ratings every person keeps self and manager answers apart */
        n_merged += start[r + 1] > 1 || (start[r + 1] == 1 && managers);
        start[r + 1] += start[r];
    }
    start[(size_t)max_resp + 1] = (uint32_t)pd->n_records;
    uint32_t *order = g_new(uint32_t, pd->n_records + 1);
    for (size_t i = pd->n_records; i-- > 0;)
        order[--start[pd->records[i].respondent + 1]] = (uint32_t)i;

    pp->p = g_new0(person, n_people + 1);
    pp->period = pd;
    pp->merged = g_new(uint8_t, n_merged * tna_level_row_bytes(ns) + 1);
    if (managers) {
        pp->self_level = g_new(uint8_t, n_people * ns + 1);
        pp->mgr_level = g_new(uint8_t, n_people * ns + 1);
    }
    pp->n = n_people;
    GThread **threads = g_new0(GThread *, n);
    for (int k = 0; k < n; k++) {
        jobs[k].start = start + 1; /* bucket r: [start[r + 1], start[r + 2]) */
        jobs[k].order = order;
        if (k > 0 && jobs[k].r_lo < jobs[k].r_hi)
            threads[k] = g_thread_new("tna-resolve", resolve_range, &jobs[k]);
    }
    resolve_range(&jobs[0]);
    for (int k = 1; k < n; k++)
        if (threads[k])
            g_thread_join(threads[k]);
    g_free(threads);
    g_free(jobs);
    g_free(start);
    g_free(order);
}
