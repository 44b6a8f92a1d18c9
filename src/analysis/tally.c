/*
 * tally.c - the raw tallies of a period: one pass over its resolved people.
 *
 * For each person it measures every answered skill that their role has a target for
 * against that target, and adds the pairs to the cube: per (authority, role) and skill,
 * topic and framework, and overall (analysis_internal.h). Asked for the demand tallies too
 * (the current period), the same pass adds, per (authority, topic), whether the person
 * answered the topic, is an expert in it, and needs it, and how (demand.c reads them).
 *
 * People are shared among threads in contiguous ranges (threads.h), each adding into a cube
 * of its own, summed at the end. The hot loop touches little memory: a skill's pairs are
 * counted in 32-bit counters of 12 bytes per (authority, role, skill), about 400 KB for the
 * 22 councils and 31 roles, fetched a few people ahead (the people are in respondent order,
 * their councils and roles at random), and flushed into the cube's 64-bit tallies after
 * every FLUSH_EVERY people (a count cannot reach 2^31 before then; a gap is at most 255).
 */
#include <glib.h>
#include <string.h>

#include "analysis_internal.h"
#include "tna/threads.h"

#define FLUSH_EVERY    (1u << 22)
#define MIN_PER_THREAD 50000 /* people: below this a thread costs more than it saves */
#define PREFETCH_AHEAD 8     /* people whose counters are fetched ahead of the one tallied */

typedef struct pair_count {
    uint32_t n, below, gap;
} pair_count;

void tna_need_add(need *to, const need *from)
{
    to->learners += from->learners;
    to->self_directed += from->self_directed;
    to->cohort += from->cohort;
    for (int b = 0; b < TNA_BANDS; b++)
        to->band[b] += from->band[b];
    for (int k = 0; k < 4; k++)
        to->medium[k] += from->medium[k];
    to->cohort_medium[0] += from->cohort_medium[0];
    to->cohort_medium[1] += from->cohort_medium[1];
    to->answered += from->answered;
    to->experts += from->experts;
}

static void cube_alloc(const tna_model *m, bool needs, cube *c)
{
    size_t na = m->n_authorities, np = m->n_roles;
    memset(c, 0, sizeof *c);
    c->n_auth = na, c->n_role = np, c->n_skill = m->n_skills, c->n_topic = m->n_topics,
    c->n_framework = m->n_frameworks;
    c->by_skill = g_new0(tally, na * np * c->n_skill + 1);
    c->by_topic = g_new0(tally, na * np * c->n_topic + 1);
    c->by_framework = g_new0(tally, na * np * c->n_framework + 1);
    c->overall = g_new0(tally, na * np + 1);
    if (needs)
        c->needs = g_new0(need, na * c->n_topic + 1);
}

void cube_free(cube *c)
{
    g_free(c->by_skill);
    g_free(c->by_topic);
    g_free(c->by_framework);
    g_free(c->overall);
    g_free(c->needs);
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

/* A skill's pairs are one per person: respondents are the pairs, learners the ones below. */
static void flush_skills(cube *c, pair_count *counts, size_t cells)
{
    for (size_t i = 0; i < cells; i++) {
        tally *t = &c->by_skill[i];
        t->respondents += counts[i].n;
        t->assessed += counts[i].n;
        t->below += counts[i].below;
        t->learners += counts[i].below;
        t->gap_sum += counts[i].gap;
    }
    memset(counts, 0, sizeof *counts * cells);
}

typedef struct tally_job {
    const tna_model *m;
    const people *pp;
    size_t lo, hi;
    cube *c;
} tally_job;

/* One topic of a person into the demand tallies of their authority (see demand.c): the
 * largest gap, the highest target with a gap, whether they answered it and at the top. */
static void add_need(need *n, int max_gap, const person *who, int top_gap, int band, bool answered,
                     bool all_top)
{
    if (answered) {
        n->answered++;
        n->experts += all_top;
    }
    if (top_gap == 0)
        return;
    n->learners++;
    n->band[band < TNA_BANDS ? band : TNA_BANDS - 1]++;
    n->medium[who->medium < 4 ? who->medium : TNA_MEDIUM_UNKNOWN]++;
    if (top_gap <= max_gap) {
        n->self_directed++;
    } else {
        n->cohort++;
        n->cohort_medium[who->medium == TNA_MEDIUM_WELSH]++;
    }
}

static gpointer tally_range(gpointer data)
{
    const tally_job *job = data;
    const tna_model *m = job->m;
    const people *pp = job->pp;
    cube *c = job->c;
    size_t np = m->n_roles, ns = m->n_skills, nt = m->n_topics, nf = m->n_frameworks;
    int max_gap = m->commissioning.elearning_max_gap;
    size_t cells = c->n_auth * np * ns;
    pair_count *counts = g_new0(pair_count, cells + 1);
    int64_t *f_n = g_new(int64_t, 3 * nf + 1), *f_b = f_n + nf, *f_g = f_b + nf;
    size_t since_flush = 0;
    for (size_t i = job->lo; i < job->hi; i++) {
        const person *who = &pp->p[i];
        const uint8_t *answer = person_answers(pp, i);
        const uint8_t *target = m->roles[who->role].target;
        size_t cell = (size_t)who->authority * np + who->role;
        pair_count *skill_counts = counts + cell * ns;
        if (i + PREFETCH_AHEAD < job->hi) { /* a later person's counters, out of cache */
            const person *next = &pp->p[i + PREFETCH_AHEAD];
            const char *at =
                (const char *)(counts + ((size_t)next->authority * np + next->role) * ns);
            for (size_t b = 0; b < ns * sizeof *counts; b += 64)
                __builtin_prefetch(at + b, 1);
        }
        memset(f_n, 0, sizeof(int64_t) * 3 * nf);
        int64_t n = 0, b = 0, g = 0;
        for (size_t t = 0; t < nt; t++) { /* a topic's skills are side by side */
            const tna_topic *tp = &m->topics[t];
            uint8_t top = (uint8_t)m->frameworks[tp->framework].scale.max;
            int64_t tn = 0, tb = 0, tg = 0;
            int top_gap = 0, band = 0;
            bool answered = false, all_top = true;
            /* without branches: whether an answer is below its target is a coin toss */
            for (uint32_t s = tp->first_skill; s < tp->first_skill + tp->n_skills; s++) {
                int a = answer[s], want = target[s];
                int none = a == TNA_LEVEL_NONE;
                int pair = !none & (want != 0);        /* an answer and a target */
                int gap = want - a > 0 ? want - a : 0; /* 0 without either */
                int below = gap > 0;
                pair_count *sc = &skill_counts[s];
                sc->n += (uint32_t)pair;
                sc->below += (uint32_t)below;
                sc->gap += (uint32_t)gap;
                tn += pair, tb += below, tg += gap;
                answered |= !none;
                all_top &= none | (a == top);
                top_gap = gap > top_gap ? gap : top_gap;
                band = below && want > band ? want : band;
            }
            add_pairs(&c->by_topic[cell * nt + t], tn, tb, tg);
            f_n[tp->framework] += tn, f_b[tp->framework] += tb, f_g[tp->framework] += tg;
            n += tn, b += tb, g += tg;
            if (c->needs)
                add_need(&c->needs[(size_t)who->authority * nt + t], max_gap, who, top_gap, band,
                         answered, all_top);
        }
        for (size_t f = 0; f < nf; f++)
            add_pairs(&c->by_framework[cell * nf + f], f_n[f], f_b[f], f_g[f]);
        add_pairs(&c->overall[cell], n, b, g);
        if (++since_flush == FLUSH_EVERY) {
            flush_skills(c, counts, cells);
            since_flush = 0;
        }
    }
    flush_skills(c, counts, cells);
    g_free(counts);
    g_free(f_n);
    return NULL;
}

static void sum_into(tally *to, const tally *from, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        to[i].respondents += from[i].respondents;
        to[i].assessed += from[i].assessed;
        to[i].below += from[i].below;
        to[i].gap_sum += from[i].gap_sum;
        to[i].learners += from[i].learners;
    }
}

void cube_build(const tna_model *m, const people *pp, bool needs, cube *c)
{
    int n = tna_threads_for(pp->n, MIN_PER_THREAD);
    cube *parts = g_new0(cube, n);
    tally_job *jobs = g_new0(tally_job, n);
    GThread **threads = g_new0(GThread *, n);
    for (int k = 0; k < n; k++) {
        cube_alloc(m, needs, &parts[k]);
        jobs[k] = (tally_job){m, pp, pp->n * k / n, pp->n * (k + 1) / n, &parts[k]};
        if (k > 0)
            threads[k] = g_thread_new("tna-tally", tally_range, &jobs[k]);
    }
    tally_range(&jobs[0]);
    *c = parts[0];
    c->n_people = pp->n;
    size_t cells = c->n_auth * c->n_role;
    for (int k = 1; k < n; k++) {
        g_thread_join(threads[k]);
        sum_into(c->by_skill, parts[k].by_skill, cells * c->n_skill);
        sum_into(c->by_topic, parts[k].by_topic, cells * c->n_topic);
        sum_into(c->by_framework, parts[k].by_framework, cells * c->n_framework);
        sum_into(c->overall, parts[k].overall, cells);
        for (size_t i = 0; needs && i < c->n_auth * c->n_topic; i++)
            tna_need_add(&c->needs[i], &parts[k].needs[i]);
        cube_free(&parts[k]);
    }
    g_free(parts);
    g_free(jobs);
    g_free(threads);
}
