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

#include "analysis_internal.h"

static int record_before(const tna_record *a, const tna_record *b)
{
    if (a->submitted != b->submitted)
        return a->submitted < b->submitted;
    return a->seq < b->seq;
}

void people_free(people *pp)
{
    g_free(pp->p);
    g_free(pp->answers);
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
            while (j > lo && record_before(&pd->records[v], &pd->records[order[j - 1]])) {
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
        /* One record and no manager ratings in the period (the usual case): the record's
         * levels are the answers under every rater policy. Nothing to merge or copy. */
        if (hi - lo == 1 && !job->managers) {
            who->trained = last->trained;
            who->medium = last->medium;
            who->barriers_answered = last->barriers_answered;
            who->barriers = last->barriers_answered ? last->barriers : 0;
            pp->answers[n++] = pd->levels + last->levels_at;
            continue;
        }
        memset(latest, TNA_LEVEL_NONE, 3 * ns);
        for (uint32_t i = lo; i < hi; i++) {
            const tna_record *rec = &pd->records[order[i]];
            const uint8_t *lv = pd->levels + rec->levels_at;
            uint8_t *mine = rec->rater == TNA_RATER_MANAGER ? mgr : self;
            for (size_t s = 0; s < ns; s++)
                if (lv[s] != TNA_LEVEL_NONE)
                    mine[s] = latest[s] = lv[s];
            if (rec->trained != TNA_YESNO_UNKNOWN)
                who->trained = rec->trained;
            if (rec->medium != TNA_MEDIUM_UNKNOWN)
                who->medium = rec->medium;
            if (rec->barriers_answered) {
                who->barriers_answered = 1;
                who->barriers = rec->barriers;
            }
        }
        uint8_t *answer = pp->merged + merged++ * ns;
        pp->answers[n] = answer;
        for (size_t s = 0; s < ns; s++) {
            switch (m->rater_policy) {
            case TNA_RATER_MANAGER_FIRST:
                answer[s] = mgr[s] != TNA_LEVEL_NONE ? mgr[s] : self[s];
                break;
            case TNA_RATER_LATEST: answer[s] = latest[s]; break;
            case TNA_RATER_SELF_ONLY: answer[s] = self[s]; break;
            }
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

/* Below this many records one thread does it all: a thread costs more than it saves. */
#define PARALLEL_MIN_RECORDS 50000

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
    uint32_t *start = g_new0(uint32_t, (size_t)max_resp + 1);
    for (size_t i = 0; i < pd->n_records; i++)
        start[pd->records[i].respondent + 1]++;
    uint32_t mid = max_resp / 2;
    size_t n_people = 0, first_of_second = 0, n_merged = 0, merged_of_second = 0;
    for (uint32_t r = 0; r < max_resp; r++) {
        if (r == mid)
            first_of_second = n_people, merged_of_second = n_merged;
        n_people += start[r + 1] > 0;
        /* with manager ratings every person keeps self and manager answers apart */
        n_merged += start[r + 1] > 1 || (start[r + 1] == 1 && managers);
        start[r + 1] += start[r];
    }
    uint32_t *order = g_new(uint32_t, pd->n_records + 1);
    uint32_t *fill = g_memdup2(start, sizeof(uint32_t) * ((size_t)max_resp + 1));
    for (size_t i = 0; i < pd->n_records; i++)
        order[fill[pd->records[i].respondent]++] = (uint32_t)i;
    g_free(fill);

    pp->p = g_new0(person, n_people + 1);
    pp->answers = g_new(const uint8_t *, n_people + 1);
    pp->merged = g_new(uint8_t, n_merged * ns + 1);
    if (managers) {
        pp->self_level = g_new(uint8_t, n_people * ns + 1);
        pp->mgr_level = g_new(uint8_t, n_people * ns + 1);
    }
    pp->n = n_people;
    resolve_job jobs[2] = {
        {m, pd, start, order, pp, managers, 0, mid, 0, 0},
        {m, pd, start, order, pp, managers, mid, max_resp, first_of_second, merged_of_second}};
    if (pd->n_records >= PARALLEL_MIN_RECORDS && g_get_num_processors() > 1) {
        GThread *t = g_thread_new("tna-resolve", resolve_range, &jobs[1]);
        resolve_range(&jobs[0]);
        g_thread_join(t);
    } else {
        resolve_range(&jobs[0]);
        resolve_range(&jobs[1]);
    }
    g_free(start);
    g_free(order);
}

void cube_free(cube *c)
{
    g_free(c->by_skill);
    g_free(c->by_topic);
    g_free(c->by_framework);
    g_free(c->overall);
    memset(c, 0, sizeof *c);
}

static void add_pairs(tally *t, int64_t n, int64_t below, int64_t gap)
{
    if (n == 0)
        return;
    t->respondents++;
    t->assessed += n;
    t->below += below;
    t->gap_sum += gap;
    t->learners += below > 0;
    t->sum_aa += n * n;
    t->sum_gg += gap * gap;
    t->sum_ag += n * gap;
    t->sum_bb += below * below;
    t->sum_ab += n * below;
}

static void cube_alloc(const tna_model *m, cube *c)
{
    size_t na = m->n_authorities, np = m->n_roles;
    memset(c, 0, sizeof *c);
    c->n_auth = na, c->n_role = np, c->n_skill = m->n_skills, c->n_topic = m->n_topics,
    c->n_framework = m->n_frameworks;
    c->by_skill = g_new0(tally, na * np * c->n_skill + 1);
    c->by_topic = g_new0(tally, na * np * c->n_topic + 1);
    c->by_framework = g_new0(tally, na * np * c->n_framework + 1);
    c->overall = g_new0(tally, na * np + 1);
}

typedef struct cube_job {
    const tna_model *m;
    const people *pp;
    size_t lo, hi;
    cube *c;
} cube_job;

static gpointer tally_range(gpointer data)
{
    const cube_job *job = data;
    const tna_model *m = job->m;
    const people *pp = job->pp;
    cube *c = job->c;
    size_t np = m->n_roles, ns = m->n_skills, nt = m->n_topics, nf = m->n_frameworks;
    int64_t *t_n = g_new(int64_t, 3 * (nt + nf) + 1);
    int64_t *t_b = t_n + (nt + nf), *t_g = t_b + (nt + nf);
    for (size_t i = job->lo; i < job->hi; i++) {
        const person *who = &pp->p[i];
        const uint8_t *answer = pp->answers[i];
        const uint8_t *target = m->roles[who->role].target;
        size_t cell = (size_t)who->authority * np + who->role;
        memset(t_n, 0, sizeof(int64_t) * 3 * (nt + nf));
        for (size_t s = 0; s < ns; s++) {
            if (target[s] == 0 || answer[s] == TNA_LEVEL_NONE)
                continue;
            int gap = target[s] > answer[s] ? target[s] - answer[s] : 0;
            uint32_t t = m->skills[s].topic, f = m->topics[t].framework;
            add_pairs(&c->by_skill[cell * ns + s], 1, gap > 0, gap);
            t_n[t]++, t_b[t] += gap > 0, t_g[t] += gap;
            t_n[nt + f]++, t_b[nt + f] += gap > 0, t_g[nt + f] += gap;
        }
        int64_t n = 0, b = 0, g = 0;
        for (size_t t = 0; t < nt; t++) {
            add_pairs(&c->by_topic[cell * nt + t], t_n[t], t_b[t], t_g[t]);
            n += t_n[t], b += t_b[t], g += t_g[t];
        }
        for (size_t f = 0; f < nf; f++)
            add_pairs(&c->by_framework[cell * nf + f], t_n[nt + f], t_b[nt + f], t_g[nt + f]);
        add_pairs(&c->overall[cell], n, b, g);
    }
    g_free(t_n);
    return NULL;
}

static void sum_into(tally *to, const tally *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tally_add(&to[i], &from[i]);
}

void cube_build(const tna_model *m, const people *pp, cube *c)
{
    cube_alloc(m, c);
    c->n_people = pp->n;
    if (pp->n < PARALLEL_MIN_RECORDS || g_get_num_processors() < 2) {
        cube_job all = {m, pp, 0, pp->n, c};
        tally_range(&all);
        return;
    }
    cube other;
    cube_alloc(m, &other);
    cube_job jobs[2] = {{m, pp, 0, pp->n / 2, c}, {m, pp, pp->n / 2, pp->n, &other}};
    GThread *t = g_thread_new("tna-tally", tally_range, &jobs[1]);
    tally_range(&jobs[0]);
    g_thread_join(t);
    size_t cells = c->n_auth * c->n_role;
    sum_into(c->by_skill, other.by_skill, cells * c->n_skill);
    sum_into(c->by_topic, other.by_topic, cells * c->n_topic);
    sum_into(c->by_framework, other.by_framework, cells * c->n_framework);
    sum_into(c->overall, other.overall, cells);
    cube_free(&other);
}
