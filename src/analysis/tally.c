/*
 * tally.c - the raw tallies of a period: one pass over its resolved people.
 *
 * For each person it measures every answered skill that their role has a target for
 * against that target, and adds the pairs to the cube: per (authority, role) and skill,
 * topic and framework, and overall (people.h). Asked for the demand tallies too
 * (the current period), the same pass adds, per (authority, topic), whether the person
 * answered the topic, is an expert in it, and needs it, and how (demand.c reads them).
 *
 * People are shared among threads in contiguous ranges (threads.h), each adding into a cube
 * of its own, summed at the end. A person's skills are compared with their role's targets
 * sixteen at a time (SSE2, or one at a time without), giving per skill bytes that the topics
 * then sum without a branch; the skills' pairs go into 16-bit counters per (authority, role)
 * that stay in cache, flushed into the cube's 64-bit tallies now and then.
 */
#include <glib.h>
#include <math.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "people.h"
#include "tna/threads.h"

#define MIN_PER_THREAD 50000 /* people: below this a thread costs more than it saves */

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
    to->cohort_gap[0] += from->cohort_gap[0];
    to->cohort_gap[1] += from->cohort_gap[1];
    to->cohort_either += from->cohort_either;
    to->either_gap += from->either_gap;
    to->self_welsh += from->self_welsh;
    to->self_either += from->self_either;
    to->self_gap += from->self_gap;
    to->answered += from->answered;
    to->experts += from->experts;
}

void tna_cube_alloc(const tna_model *m, bool needs, cube *c)
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

void tna_cube_free(cube *c)
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
    t->sum_aa += n * n; /* the sums the intervals need (people.h) */
    t->sum_gg += gap * gap;
    t->sum_ag += n * gap;
    t->sum_bb += below * below;
    t->sum_ab += n * below;
}

/* Per (authority, role): a skill's pairs, those below target, their gaps and squared gaps,
 * in 16-bit counters, each row padded to whole vectors; flushed into the cube every
 * FLUSH_EVERY people of the cell (a gap is at most 14, levels being four bits, so a squared
 * gap is at most 196 and no sum can pass 65535 before). A skill's pairs are one per person:
 * the respondents are the pairs and the learners the pairs below target, and of the interval
 * sums, a person's pairs squared are their pairs and their below-target pairs squared are
 * those pairs again. */
#define LANES       16
#define FLUSH_EVERY 256

typedef struct skill_counts {
    uint16_t *n, *below, *gap, *gap2; /* [cell][padded skill] */
    uint16_t *people;          /* [cell]: people counted since the cell's last flush */
    size_t stride;             /* skills, padded to LANES */
} skill_counts;

static void flush_cell(cube *c, skill_counts *k, size_t cell)
{
    size_t ns = c->n_skill;
    uint16_t *n = k->n + cell * k->stride, *below = k->below + cell * k->stride,
             *gap = k->gap + cell * k->stride, *gap2 = k->gap2 + cell * k->stride;
    for (size_t s = 0; s < ns; s++) {
        tally *t = &c->by_skill[cell * ns + s];
        t->respondents += n[s];
        t->assessed += n[s];
        t->below += below[s];
        t->learners += below[s];
        t->gap_sum += gap[s];
        t->sum_aa += n[s];
        t->sum_gg += gap2[s];
        t->sum_ag += gap[s];
        t->sum_bb += below[s];
        t->sum_ab += below[s];
    }
    memset(n, 0, sizeof *n * k->stride);
    memset(below, 0, sizeof *below * k->stride);
    memset(gap, 0, sizeof *gap * k->stride);
    memset(gap2, 0, sizeof *gap2 * k->stride);
    k->people[cell] = 0;
}

/* The n levels of a packed row into bytes (TNA_LEVEL_NONE for none). */
static void unpack_levels(const uint8_t *row, size_t n, uint8_t *out)
{
    for (size_t b = 0; b < n / 2; b++) {
        uint8_t lo = row[b] & 0xF, hi = row[b] >> 4;
        out[2 * b] = lo == 0xF ? TNA_LEVEL_NONE : lo;
        out[2 * b + 1] = hi == 0xF ? TNA_LEVEL_NONE : hi;
    }
    if (n & 1)
        out[n - 1] = tna_level_get(row, n - 1);
}

/* What one person's answers give per skill (bytes, padded to LANES): 1 for a pair (an
 * answer and a target), 1 below target, the gap (0 without a pair), 1 answered, 1 where the
 * answer is at or above the skill's expert level (mentors: min_level, or the scale's top). */
typedef struct person_skills {
    uint8_t *pair, *below, *gap, *answered, *expert;
} person_skills;

/* Fills ps from answer and target (both padded: none and 0 past the skills) and adds the
 * pairs to the cell's counters. Sixteen skills at a time with SSE2; the same sums without. */
static void skill_pass(const uint8_t *answer, const uint8_t *target, const uint8_t *top,
                       size_t stride, person_skills *ps, uint16_t *n, uint16_t *below,
                       uint16_t *gap, uint16_t *gap2)
{
#if defined(__SSE2__)
    const __m128i none = _mm_set1_epi8((char)TNA_LEVEL_NONE), zero = _mm_setzero_si128(),
                  one = _mm_set1_epi8(1);
    for (size_t k = 0; k < stride; k += LANES) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(answer + k));
        __m128i t = _mm_loadu_si128((const __m128i *)(const void *)(target + k));
        __m128i tp = _mm_loadu_si128((const __m128i *)(const void *)(top + k));
        __m128i is_none = _mm_cmpeq_epi8(a, none);
        __m128i pair = _mm_and_si128(
            _mm_andnot_si128(is_none, _mm_xor_si128(_mm_cmpeq_epi8(t, zero), _mm_set1_epi8(-1))),
            one);
        __m128i g = _mm_subs_epu8(t, a); /* 0 when none (255) or no target */
        __m128i b = _mm_andnot_si128(_mm_cmpeq_epi8(g, zero), one);
        _mm_storeu_si128((__m128i *)(void *)(ps->pair + k), pair);
        _mm_storeu_si128((__m128i *)(void *)(ps->below + k), b);
        _mm_storeu_si128((__m128i *)(void *)(ps->gap + k), g);
        _mm_storeu_si128((__m128i *)(void *)(ps->answered + k), _mm_andnot_si128(is_none, one));
        _mm_storeu_si128((__m128i *)(void *)(ps->expert + k),
                         _mm_and_si128(_mm_andnot_si128(is_none,
                                                        _mm_cmpeq_epi8(_mm_max_epu8(a, tp), a)),
                                       one));
        __m128i *dst[3] = {(__m128i *)(void *)(n + k), (__m128i *)(void *)(below + k),
                           (__m128i *)(void *)(gap + k)};
        __m128i src[3] = {pair, b, g};
        for (int q = 0; q < 3; q++) {
            __m128i lo = _mm_unpacklo_epi8(src[q], zero), hi = _mm_unpackhi_epi8(src[q], zero);
            _mm_storeu_si128(dst[q], _mm_add_epi16(_mm_loadu_si128(dst[q]), lo));
            _mm_storeu_si128(dst[q] + 1, _mm_add_epi16(_mm_loadu_si128(dst[q] + 1), hi));
        }
        __m128i g_lo = _mm_unpacklo_epi8(g, zero), g_hi = _mm_unpackhi_epi8(g, zero);
        __m128i *sq = (__m128i *)(void *)(gap2 + k);
        _mm_storeu_si128(sq, _mm_add_epi16(_mm_loadu_si128(sq), _mm_mullo_epi16(g_lo, g_lo)));
        _mm_storeu_si128(sq + 1,
                         _mm_add_epi16(_mm_loadu_si128(sq + 1), _mm_mullo_epi16(g_hi, g_hi)));
    }
#else
    for (size_t s = 0; s < stride; s++) {
        int a = answer[s], t = target[s];
        int is_none = a == TNA_LEVEL_NONE;
        uint8_t g = (uint8_t)(t > a ? t - a : 0);
        ps->pair[s] = (uint8_t)(!is_none & (t != 0));
        ps->below[s] = g > 0;
        ps->gap[s] = g;
        ps->answered[s] = (uint8_t)!is_none;
        ps->expert[s] = (uint8_t)(!is_none & (a >= top[s]));
        n[s] = (uint16_t)(n[s] + ps->pair[s]);
        below[s] = (uint16_t)(below[s] + ps->below[s]);
        gap[s] = (uint16_t)(gap[s] + g);
        gap2[s] = (uint16_t)(gap2[s] + g * g);
    }
#endif
}

typedef struct tally_job {
    const tna_model *m;
    const people *pp;
    size_t lo, hi;
    cube *c;
} tally_job;

/* One topic of a person into the demand tallies of their authority (see demand.c): the
 * largest gap, the highest target with a gap, the sum of the gaps, the skills answered and
 * those at the expert level. An expert has at least mentors.min_share of the answered skills
 * at that level, compared in whole millionths so that a share of exactly min_share counts. */
static void add_need(need *n, int max_gap, const person *who, int top_gap, int band,
                     int64_t gap_sum, int64_t n_answered, int64_t n_expert, int64_t share_ppm)
{
    if (n_answered > 0) {
        n->answered++;
        n->experts += n_expert * 1000000 >= share_ppm * n_answered;
    }
    if (top_gap == 0)
        return;
    n->learners++;
    n->band[band < TNA_BANDS ? band : TNA_BANDS - 1]++;
    n->medium[who->medium < 4 ? who->medium : TNA_MEDIUM_UNKNOWN]++;
    if (top_gap <= max_gap) {
        n->self_directed++;
        n->self_gap += gap_sum;
        n->self_welsh += who->medium == TNA_MEDIUM_WELSH;
        n->self_either += who->medium == TNA_MEDIUM_EITHER;
    } else {
        n->cohort++;
        n->cohort_medium[who->medium == TNA_MEDIUM_WELSH]++;
        n->cohort_gap[who->medium == TNA_MEDIUM_WELSH] += gap_sum;
        n->cohort_either += who->medium == TNA_MEDIUM_EITHER;
        n->either_gap += who->medium == TNA_MEDIUM_EITHER ? gap_sum : 0;
    }
}

static gpointer tally_range(gpointer data)
{
    const tally_job *job = data;
    const tna_model *m = job->m;
    const people *pp = job->pp;
    cube *c = job->c;
    size_t np = m->n_roles, ns = m->n_skills, nt = m->n_topics, nf = m->n_frameworks;
    size_t stride = (ns + LANES - 1) / LANES * LANES, cells = c->n_auth * np;
    int max_gap = m->commissioning.elearning_max_gap;
    skill_counts k = {g_new0(uint16_t, cells * stride + 1), g_new0(uint16_t, cells * stride + 1),
                      g_new0(uint16_t, cells * stride + 1), g_new0(uint16_t, cells * stride + 1),
                      g_new0(uint16_t, cells + 1), stride};
    /* padded copies: the answers of the person, every role's targets, each skill's top level */
    uint8_t *answer = g_malloc(stride), *targets = g_new0(uint8_t, np * stride + 1);
    uint8_t *top = g_malloc0(stride), *bytes = g_malloc(5 * stride);
    memset(answer, TNA_LEVEL_NONE, stride);
    for (size_t r = 0; r < np; r++)
        memcpy(targets + r * stride, m->roles[r].target, ns);
    for (size_t s = 0; s < ns; s++) /* the expert level: mentors.min_level, or the top */
        top[s] = (uint8_t)(m->mentors.min_level > 0
                               ? m->mentors.min_level
                               : m->frameworks[m->topics[m->skills[s].topic].framework].scale.max);
    int64_t share_ppm = llround(m->mentors.min_share * 1e6);
    person_skills ps = {bytes, bytes + stride, bytes + 2 * stride, bytes + 3 * stride,
                        bytes + 4 * stride};
    int64_t *f_n = g_new(int64_t, 3 * nf + 1), *f_b = f_n + nf, *f_g = f_b + nf;
    for (size_t i = job->lo; i < job->hi; i++) {
        const person *who = &pp->p[i];
        const uint8_t *target = targets + who->role * stride;
        size_t cell = (size_t)who->authority * np + who->role;
        unpack_levels(person_answers(pp, i), ns, answer);
        skill_pass(answer, target, top, stride, &ps, k.n + cell * stride, k.below + cell * stride,
                   k.gap + cell * stride, k.gap2 + cell * stride);
        if (++k.people[cell] == FLUSH_EVERY)
            flush_cell(c, &k, cell);
        memset(f_n, 0, sizeof(int64_t) * 3 * nf);
        int64_t n = 0, b = 0, g = 0;
        for (size_t t = 0; t < nt; t++) { /* a topic's skills are side by side */
            const tna_topic *tp = &m->topics[t];
            int64_t tn = 0, tb = 0, tg = 0;
            int top_gap = 0, band = 0;
            int64_t answered = 0, experts = 0;
            for (uint32_t s = tp->first_skill; s < tp->first_skill + tp->n_skills; s++) {
                tn += ps.pair[s], tb += ps.below[s], tg += ps.gap[s];
                answered += ps.answered[s];
                experts += ps.expert[s];
                top_gap = ps.gap[s] > top_gap ? ps.gap[s] : top_gap;
                int want = ps.below[s] * target[s]; /* a target only where below it */
                band = want > band ? want : band;
            }
            add_pairs(&c->by_topic[cell * nt + t], tn, tb, tg);
            f_n[tp->framework] += tn, f_b[tp->framework] += tb, f_g[tp->framework] += tg;
            n += tn, b += tb, g += tg;
            if (c->needs)
                add_need(&c->needs[(size_t)who->authority * nt + t], max_gap, who, top_gap, band,
                         tg, answered, experts, share_ppm);
        }
        for (size_t f = 0; f < nf; f++)
            add_pairs(&c->by_framework[cell * nf + f], f_n[f], f_b[f], f_g[f]);
        add_pairs(&c->overall[cell], n, b, g);
    }
    for (size_t cell = 0; cell < cells; cell++)
        flush_cell(c, &k, cell);
    g_free(k.n), g_free(k.below), g_free(k.gap), g_free(k.gap2), g_free(k.people);
    g_free(answer), g_free(targets), g_free(top), g_free(bytes), g_free(f_n);
    return NULL;
}

static void sum_into(tally *to, const tally *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tally_add(&to[i], &from[i]);
}

void tna_cube_build(const tna_model *m, const people *pp, bool needs, cube *c)
{
    int n = tna_threads_for(pp->n, MIN_PER_THREAD);
    cube *parts = g_new0(cube, n);
    tally_job *jobs = g_new0(tally_job, n);
    GThread **threads = g_new0(GThread *, n);
    for (int k = 0; k < n; k++) {
        tna_cube_alloc(m, needs, &parts[k]);
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
        tna_cube_free(&parts[k]);
    }
    g_free(parts);
    g_free(jobs);
    g_free(threads);
}
