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
    g_free(pp->level);
    g_free(pp->self_level);
    g_free(pp->mgr_level);
    memset(pp, 0, sizeof *pp);
}

void people_build(const tna_model *m, const tna_period_data *pd, people *pp)
{
    size_t ns = m->n_skills;
    memset(pp, 0, sizeof *pp);
    pp->n_skills = ns;

    /* Bucket records by respondent. */
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
    size_t n_people = 0;
    for (uint32_t r = 0; r < max_resp; r++) {
        n_people += start[r + 1] > 0;
        start[r + 1] += start[r];
    }
    uint32_t *order = g_new(uint32_t, pd->n_records + 1);
    uint32_t *fill = g_memdup2(start, sizeof(uint32_t) * ((size_t)max_resp + 1));
    for (size_t i = 0; i < pd->n_records; i++)
        order[fill[pd->records[i].respondent]++] = (uint32_t)i;
    g_free(fill);

    pp->p = g_new0(person, n_people + 1);
    pp->level = g_new(uint8_t, n_people * ns + 1);
    if (managers) {
        pp->self_level = g_new(uint8_t, n_people * ns + 1);
        pp->mgr_level = g_new(uint8_t, n_people * ns + 1);
    }
    uint8_t *latest = g_new(uint8_t, 3 * ns + 1);
    uint8_t *self = latest + ns, *mgr = self + ns;

    for (uint32_t r = 0; r < max_resp; r++) {
        uint32_t lo = start[r], hi = start[r + 1];
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
        person *who = &pp->p[pp->n];
        const tna_record *last = &pd->records[order[hi - 1]];
        who->respondent = r;
        who->authority = last->authority;
        who->role = last->role;
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
        uint8_t *answer = pp->level + pp->n * ns;
        for (size_t s = 0; s < ns; s++) {
            switch (m->rater_policy) {
            case TNA_RATER_MANAGER_FIRST:
                answer[s] = mgr[s] != TNA_LEVEL_NONE ? mgr[s] : self[s];
                break;
            case TNA_RATER_LATEST: answer[s] = latest[s]; break;
            case TNA_RATER_SELF_ONLY: answer[s] = self[s]; break;
            }
        }
        if (managers) {
            memcpy(pp->self_level + pp->n * ns, self, ns);
            memcpy(pp->mgr_level + pp->n * ns, mgr, ns);
        }
        pp->n++;
    }
    g_free(latest);
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
}

void cube_build(const tna_model *m, const people *pp, cube *c)
{
    size_t na = m->n_authorities, np = m->n_roles, ns = m->n_skills, nt = m->n_topics,
           nf = m->n_frameworks;
    memset(c, 0, sizeof *c);
    c->n_auth = na, c->n_role = np, c->n_skill = ns, c->n_topic = nt, c->n_framework = nf;
    c->by_skill = g_new0(tally, na * np * ns + 1);
    c->by_topic = g_new0(tally, na * np * nt + 1);
    c->by_framework = g_new0(tally, na * np * nf + 1);
    c->overall = g_new0(tally, na * np + 1);
    c->n_people = pp->n;
    int64_t *t_n = g_new(int64_t, 3 * (nt + nf) + 1);
    int64_t *t_b = t_n + (nt + nf), *t_g = t_b + (nt + nf);
    for (size_t i = 0; i < pp->n; i++) {
        const person *who = &pp->p[i];
        const uint8_t *answer = pp->level + i * ns;
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
}
