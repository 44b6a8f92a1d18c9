/*
 * expectations.c - return on expectations (docs/method.md "Return on expectations").
 *
 * Every expectation of the model is evaluated in every period of the run (by_period[]) and
 * its current-period value is the actual. The figures come from the resolved people of
 * each period and from the evaluation rows of the dataset, never from the groups, so any
 * scope works; the groups are consulted only for privacy. Two steps, as for the groups:
 * tna_expectations_tally sums, per expectation and period, what the metric needs (whole
 * numbers added over respondents, so that councils' counts files add up: counts.c), and
 * tna_planning_expectations makes the values, privacy and progress from those sums alone.
 *
 * Scope. A person is in scope when their authority, its region and their role match (each
 * TNA_NONE matches anything); their pairs count when the skill lies within the framework,
 * topic and skill of the scope. An evaluation row is in scope when it has the authority,
 * region and role asked for (a row without an authority is outside an authority- or
 * region-scoped expectation) and its skill, topic and the topic's framework match.
 *
 * Metrics, per period:
 *   share_at_target  persons in scope with pairs and no below-target pair / persons with pairs
 *   mean_gap         gap_sum / assessed pairs
 *   learners_needing persons with a below-target pair
 *   gap_reduction    mean_gap(first period of the run) - mean_gap(this period)
 *   satisfaction     mean of satisfaction (1-5) over rows that have one
 *   learning_uplift  mean of after - before over rows that have both
 *   applied_rate     rows answered yes / rows answered yes or no
 *   share_skills_at_target  pairs in scope at or above target / assessed pairs in scope
 *   trained_vs_untrained  Level 4 (docs/method.md): the persons of this period in scope who
 *                    were also in the previous period in the same authority and role, and said
 *                    whether they were trained (yes or no now). Each is compared over the
 *                    skills in scope they answered in both periods: x their mean gap then, y
 *                    its change (now minus then), both fixed point (stats.h). The value is the
 *                    raw difference, mean y of the trained minus that of the untrained; beside
 *                    it the adjusted estimate, least squares of y on trained and x, with its
 *                    95% interval, and each group's size and mean starting gap. Progress and
 *                    RAG use the adjusted estimate, and an interval that holds 0 gives no RAG
 *                    but the note "not yet shown".
 * gap_reduction and trained_vs_untrained have no value in a run of one period ("needs two
 * periods"), and trained_vs_untrained none in the first period of any run.
 * Respondents behind a value: persons with pairs in scope (gap metrics; for gap_reduction
 * those of the period itself, the first period's too being checked), distinct respondents
 * of the rows used (evaluations), trained plus untrained persons (trained_vs_untrained).
 *
 * Privacy. A value with fewer than min_group_size respondents behind it is not given: the
 * result is suppressed (actual 0, respondents 0, note "too few respondents"), and so is
 * every by_period value of that kind (NAN). trained_vs_untrained needs min_group_size in
 * each group; an empty group counts as too few, so the note cannot tell that nobody in a
 * small scope was trained ("needs trained and untrained respondents" only without
 * suppression). A gap metric whose scope is exactly a group of the figures (for example
 * authority and topic) is also suppressed where that group is suppressed, so the
 * expectation cannot reveal what the summary's secondary suppression hides (note "hidden
 * to protect a suppressed group"). For gap_reduction both periods must pass.
 *
 * Baseline: the configured one, else the metric in the first period of the run when it has
 * a value there (not when it was suppressed). In a run of one period such a baseline is the
 * actual itself: the result has no progress and no RAG, and the note "baseline set this
 * period" (rather than a red status for standing still). Progress: (actual - baseline) /
 * (target - baseline), rounded to 1e-9 so that a value exactly halfway or exactly at
 * target is not pushed under 0.5 or 1 by floating error; RAG green at >= 1, amber at
 * >= 0.5, red below, none without progress. When target == baseline (within 1e-9) the
 * expectation is to hold the line: progress is 1 (green) when the actual is at the target
 * or better (lower for mean_gap, learners_needing and trained_vs_untrained, higher for
 * every other metric), else 0 (red).
 *
 * Notes are codes (tna_note; the quoted words above are the English the renderers give
 * them, from the glossary); a missing actual explains itself first, then a missing
 * baseline.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "people.h"
#include "stats.h"

/* Why a metric has no value in a period. */
typedef enum why {
    WHY_OK,
    WHY_NO_DATA,       /* nothing in scope */
    WHY_NO_FIRST,      /* gap_reduction: nothing in scope in the first period */
    WHY_TOO_FEW,       /* under the privacy threshold */
    WHY_PROTECTED,     /* the matching group is hidden (protected: enough respondents) */
    WHY_NEEDS_TWO,     /* a period-on-period metric without an earlier period */
    WHY_NEEDS_BOTH     /* trained_vs_untrained with nobody trained or nobody untrained */
} why;

typedef struct value {
    why why;
    double v;
    int64_t respondents;
} value;

/* trained_vs_untrained's comparison in one period, beside its value (the raw difference). */
typedef struct level4 {
    tna_l4_fit fit;
    int64_t n[2]; /* [0] trained, [1] untrained */
} level4;

/* A skill a role is measured against. */
typedef struct role_skill {
    uint32_t skill;
    uint8_t target;
} role_skill;

typedef struct eval_ctx {
    const analysis_ctx *a;
    const tna_expectation *x;
    /* Per role, the skills within the scope's framework/topic/skill that the role has a
     * target for: skills[role_start[p] .. role_start[p + 1]). */
    role_skill *skills;
    uint32_t *role_start;
    int min_size;
    value first_gap; /* gap_reduction: the mean gap of the first period */
    level4 *level4;  /* trained_vs_untrained: per period, set where the value is */
    const expect_tally *tally; /* this expectation's, per period (period_tallies.expect) */
} eval_ctx;

static bool is_evaluation_metric(tna_metric m)
{
    return m == TNA_METRIC_SATISFACTION || m == TNA_METRIC_LEARNING_UPLIFT ||
           m == TNA_METRIC_APPLIED_RATE;
}

static bool lower_is_better(tna_metric m)
{
    return m == TNA_METRIC_MEAN_GAP || m == TNA_METRIC_LEARNERS_NEEDING ||
           m == TNA_METRIC_TRAINED_VS_UNTRAINED;
}

static bool person_in_scope(const tna_model *m, const tna_scope *sc, const person *who)
{
    return (sc->authority == TNA_NONE || who->authority == sc->authority) &&
           (sc->region == TNA_NONE || m->authorities[who->authority].region == sc->region) &&
           (sc->role == TNA_NONE || who->role == sc->role);
}

/* Pairs of person i in scope: returns their number, adds gaps and below-target pairs. */
static int64_t person_pairs(const eval_ctx *e, const people *pp, size_t i, int64_t *gap_sum,
                            int64_t *below)
{
    const uint8_t *answer = person_answers(pp, i);
    uint32_t role = pp->p[i].role;
    int64_t n = 0;
    for (uint32_t k = e->role_start[role]; k < e->role_start[role + 1]; k++) {
        uint8_t level = tna_level_get(answer, e->skills[k].skill), target = e->skills[k].target;
        if (level == TNA_LEVEL_NONE)
            continue;
        int gap = target > level ? target - level : 0;
        n++;
        *gap_sum += gap;
        *below += gap > 0;
    }
    return n;
}

/* The group of the figures whose dimensions are exactly the scope, or NULL when no grouping
 * set has those dimensions (or the group has no respondents). */
static const tna_group *scope_group(const tna_period_figures *f, const tna_scope *sc)
{
    /* a region beside an authority, and a topic or framework beside a skill, or a framework
     * beside a topic, follow from the finer one: they are not looked up */
    uint32_t s = sc->skill, t = s == TNA_NONE ? sc->topic : TNA_NONE;
    tna_dims d = {tna_is(sc->authority),
                  tna_is(sc->authority == TNA_NONE ? sc->region : TNA_NONE),
                  tna_is(sc->role),
                  tna_is(s == TNA_NONE && t == TNA_NONE ? sc->framework : TNA_NONE),
                  tna_is(t),
                  tna_is(s)};
    tna_set set = tna_set_of(d);
    return set == TNA_SET_COUNT ? NULL : tna_results_find(f, set, d);
}

/* The gap tallies of the people of a period in scope. */
static void gap_tally(const eval_ctx *e, const people *pp, expect_tally *t)
{
    const tna_model *m = e->a->model;
    for (size_t i = 0; i < pp->n; i++) {
        if (!person_in_scope(m, &e->x->scope, &pp->p[i]))
            continue;
        int64_t below = 0;
        int64_t n = person_pairs(e, pp, i, &t->gap_sum, &below);
        if (n == 0)
            continue;
        t->respondents++;
        t->assessed += n;
        t->learners += below > 0;
        t->below_sum += below;
    }
}

/* share_at_target, share_skills_at_target, mean_gap or learners_needing in period p. */
static value gap_value(const eval_ctx *e, size_t p, tna_metric metric)
{
    const expect_tally *t = &e->tally[p];
    int64_t respondents = t->respondents, assessed = t->assessed, gap_sum = t->gap_sum,
            learners = t->learners, below_sum = t->below_sum;
    value v = {WHY_OK, 0, respondents};
    if (respondents == 0)
        return (value){WHY_NO_DATA, 0, 0};
    if (respondents < e->min_size)
        return (value){WHY_TOO_FEW, 0, 0};
    const tna_group *g = scope_group(&e->a->results->periods[p], &e->x->scope);
    if (g != NULL && g->hidden)
        return (value){WHY_PROTECTED, 0, 0};
    switch (metric) {
    case TNA_METRIC_SHARE_AT_TARGET:
        v.v = (double)(respondents - learners) / (double)respondents;
        break;
    case TNA_METRIC_SHARE_SKILLS_AT_TARGET:
        v.v = (double)(assessed - below_sum) / (double)assessed;
        break;
    case TNA_METRIC_LEARNERS_NEEDING: v.v = (double)learners; break;
    default: v.v = (double)gap_sum / (double)assessed; break;
    }
    return v;
}

/* gap_reduction in period p: the first period's mean gap minus this period's. */
static value reduction_value(const eval_ctx *e, size_t p)
{
    if (e->a->n_periods < 2)
        return (value){WHY_NEEDS_TWO, 0, 0};
    value now = p == 0 ? e->first_gap : gap_value(e, p, TNA_METRIC_MEAN_GAP);
    value first = e->first_gap;
    if (now.why == WHY_NO_DATA)
        return now;
    if (first.why == WHY_NO_DATA)
        return (value){WHY_NO_FIRST, 0, 0};
    if (now.why == WHY_TOO_FEW || first.why == WHY_TOO_FEW)
        return (value){WHY_TOO_FEW, 0, 0};
    if (now.why != WHY_OK || first.why != WHY_OK)
        return (value){WHY_PROTECTED, 0, 0};
    return (value){WHY_OK, p == 0 ? 0.0 : first.v - now.v, now.respondents};
}

static bool evaluation_in_scope(const tna_model *m, const tna_scope *sc,
                                const tna_evaluation *ev)
{
    if (sc->authority != TNA_NONE && ev->authority != sc->authority)
        return false;
    if (sc->region != TNA_NONE &&
        (ev->authority == TNA_NONE || m->authorities[ev->authority].region != sc->region))
        return false;
    if (sc->role != TNA_NONE && ev->role != sc->role)
        return false;
    if (sc->skill != TNA_NONE && ev->skill != sc->skill)
        return false;
    if (sc->topic != TNA_NONE && ev->topic != sc->topic)
        return false;
    if (sc->framework != TNA_NONE &&
        (ev->topic == TNA_NONE || m->topics[ev->topic].framework != sc->framework))
        return false;
    return true;
}

static int compare_u32(gconstpointer x, gconstpointer y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* The evaluation rows of a period in scope that have the metric's answer: how many, the
 * sum of their values (whole numbers: a satisfaction, a change of level, 1 for applied), and
 * their distinct respondents. */
static void evaluation_tally(const eval_ctx *e, const tna_period_data *pd, tna_metric metric,
                             expect_tally *t)
{
    const tna_model *m = e->a->model;
    GArray *who = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    for (size_t i = 0; i < pd->n_evaluations; i++) {
        const tna_evaluation *ev = &pd->evaluations[i];
        if (!evaluation_in_scope(m, &e->x->scope, ev))
            continue;
        if (metric == TNA_METRIC_SATISFACTION && ev->satisfaction >= 1 && ev->satisfaction <= 5)
            t->value_sum += ev->satisfaction;
        else if (metric == TNA_METRIC_LEARNING_UPLIFT && ev->before >= 0 && ev->after >= 0)
            t->value_sum += ev->after - ev->before;
        else if (metric == TNA_METRIC_APPLIED_RATE &&
                 (ev->applied == TNA_YES || ev->applied == TNA_NO))
            t->value_sum += ev->applied == TNA_YES;
        else
            continue;
        t->rows++;
        g_array_append_val(who, ev->respondent);
    }
    g_array_sort(who, compare_u32);
    for (guint i = 0; i < who->len; i++)
        t->row_respondents +=
            i == 0 || g_array_index(who, uint32_t, i) != g_array_index(who, uint32_t, i - 1);
    g_array_free(who, TRUE);
}

/* satisfaction, learning_uplift or applied_rate in period p. */
static value evaluation_value(const eval_ctx *e, size_t p)
{
    const expect_tally *t = &e->tally[p];
    if (t->rows == 0)
        return (value){WHY_NO_DATA, 0, 0};
    if (t->row_respondents < e->min_size)
        return (value){WHY_TOO_FEW, 0, 0};
    return (value){WHY_OK, (double)t->value_sum / (double)t->rows, t->row_respondents};
}

/* One stayer into Level 4 sums: group k, starting gap x, change y (fixed point). */
static void l4_add(tna_l4_sums *to, int k, int64_t x, int64_t y)
{
    to->n[k]++;
    to->x[k] += x, to->y[k] += y;
    to->xx[k] += (tna_i128)x * x, to->xy[k] += (tna_i128)x * y, to->yy[k] += (tna_i128)y * y;
}

/* A stayer's gaps over the skills in scope answered in both periods; false when none. */
static bool common_gaps(const eval_ctx *e, const uint8_t *then, const uint8_t *now, uint32_t role,
                        int64_t *n, int64_t *gap_then, int64_t *gap_now)
{
    *n = *gap_then = *gap_now = 0;
    for (uint32_t k = e->role_start[role]; k < e->role_start[role + 1]; k++) {
        uint32_t s = e->skills[k].skill;
        int target = e->skills[k].target;
        int before = tna_level_get(then, s), after = tna_level_get(now, s); /* packed rows */
        if (before == TNA_LEVEL_NONE || after == TNA_LEVEL_NONE)
            continue;
        (*n)++;
        *gap_then += target > before ? target - before : 0;
        *gap_now += target > after ? target - after : 0;
    }
    return *n > 0;
}

/* trained_vs_untrained's Level 4 sums between period p - 1 and period p (into t->level4).
 * Both people arrays are in respondent order, so the persons of both periods are matched by
 * a merge. The sums add over respondents, so councils' add up to those of all. */
static void tvu_tally(const eval_ctx *e, const people *then, const people *now, expect_tally *t)
{
    const tna_model *m = e->a->model;
    size_t j = 0;
    for (size_t i = 0; i < now->n; i++) {
        const person *who = &now->p[i];
        while (j < then->n && then->p[j].respondent < who->respondent)
            j++;
        if (j == then->n || then->p[j].respondent != who->respondent)
            continue; /* not in the previous period */
        if (then->p[j].authority != who->authority || then->p[j].role != who->role)
            continue; /* moved: measured against other targets, or another council */
        if (who->trained != TNA_YES && who->trained != TNA_NO)
            continue;
        if (!person_in_scope(m, &e->x->scope, who))
            continue;
        int64_t n, gap_then, gap_now;
        if (!common_gaps(e, person_answers(then, j), person_answers(now, i), who->role, &n,
                         &gap_then, &gap_now))
            continue;
        l4_add(&t->level4, who->trained == TNA_YES ? 0 : 1, tna_l4_fixed(gap_then, n),
               tna_l4_fixed(gap_now - gap_then, n));
    }
}

/* trained_vs_untrained between period p - 1 and period p. */
static value tvu_value(const eval_ctx *e, size_t p)
{
    if (p == 0)
        return (value){WHY_NEEDS_TWO, 0, 0};
    const tna_l4_sums *sums = &e->tally[p].level4;
    int64_t n0 = sums->n[0], n1 = sums->n[1];
    if (n0 == 0 && n1 == 0)
        return (value){WHY_NO_DATA, 0, 0};
    /* An empty group is "too few" like a small one, so that the note cannot tell a reader
     * that nobody in a small scope was trained; only without suppression is it said. */
    if (n0 < e->min_size || n1 < e->min_size || n0 == 0 || n1 == 0)
        return (value){e->min_size > 1 ? WHY_TOO_FEW : WHY_NEEDS_BOTH, 0, 0};
    tna_l4_fit fit = tna_l4_estimate(sums); /* not ok under 4 people: raw only */
    e->level4[p] = (level4){fit, {n0, n1}};
    double raw = (double)sums->y[0] / (double)n0 / TNA_L4_SCALE -
                 (double)sums->y[1] / (double)n1 / TNA_L4_SCALE; /* as fit.raw */
    return (value){WHY_OK, raw, n0 + n1};
}

static value metric_value(const eval_ctx *e, size_t p)
{
    tna_metric metric = e->x->metric;
    if (metric == TNA_METRIC_GAP_REDUCTION)
        return reduction_value(e, p);
    if (metric == TNA_METRIC_TRAINED_VS_UNTRAINED)
        return tvu_value(e, p);
    if (is_evaluation_metric(metric))
        return evaluation_value(e, p);
    return gap_value(e, p, metric);
}

static tna_note why_note(why w, tna_metric metric)
{
    switch (w) {
    case WHY_OK:
        return TNA_NOTE_NONE;
    case WHY_NO_DATA:
        return is_evaluation_metric(metric)                ? TNA_NOTE_NO_EVALUATIONS
               : metric == TNA_METRIC_TRAINED_VS_UNTRAINED ? TNA_NOTE_NO_BOTH
                                                           : TNA_NOTE_NO_PAIRS;
    case WHY_NO_FIRST:
        return TNA_NOTE_NO_FIRST;
    case WHY_TOO_FEW:
        return TNA_NOTE_TOO_FEW;
    case WHY_PROTECTED:
        return TNA_NOTE_PROTECTED;
    case WHY_NEEDS_TWO:
        return TNA_NOTE_NEEDS_TWO;
    case WHY_NEEDS_BOTH:
        return TNA_NOTE_NEEDS_BOTH;
    }
    return TNA_NOTE_NONE;
}

/* Progress and RAG from baseline, target and actual (see the top of the file); for
 * trained_vs_untrained from the adjusted estimate, and no RAG while its interval holds 0. */
static void set_progress(tna_expectation_result *r, tna_metric metric)
{
    if (!r->has_baseline || !r->has_actual)
        return;
    if (metric == TNA_METRIC_TRAINED_VS_UNTRAINED && !r->has_level4) {
        if (r->note == TNA_NOTE_NONE)
            r->note = TNA_NOTE_LEVEL4_FEW; /* no adjusted estimate to judge */
        return;
    }
    double actual = r->has_level4 ? r->adjusted : r->actual;
    double span = r->target - r->baseline;
    double eps = 1e-9 * fmax(1.0, fabs(r->target));
    if (fabs(span) <= eps) {
        bool reached =
            lower_is_better(metric) ? actual <= r->target + eps : actual >= r->target - eps;
        r->progress = reached ? 1.0 : 0.0;
    } else {
        r->progress = round((actual - r->baseline) / span * 1e9) / 1e9;
    }
    r->has_progress = true;
    r->rag = r->progress >= 1.0 ? TNA_RAG_GREEN : r->progress >= 0.5 ? TNA_RAG_AMBER : TNA_RAG_RED;
    if (r->has_level4 && r->ci_low <= 0 && r->ci_high >= 0) {
        r->rag = TNA_RAG_NONE; /* no effect shown yet, whichever way the estimate leans */
        if (r->note == TNA_NOTE_NONE)
            r->note = TNA_NOTE_NOT_YET_SHOWN;
    }
}

/* The Level 4 comparison behind a trained_vs_untrained actual. */
static void set_level4(tna_expectation_result *r, const level4 *l4)
{
    if (!l4->fit.ok)
        return;
    r->has_level4 = true;
    r->adjusted = l4->fit.adjusted;
    r->ci_low = l4->fit.low;
    r->ci_high = l4->fit.high;
    r->n_trained = l4->n[0];
    r->n_untrained = l4->n[1];
    r->start_trained = l4->fit.start[0];
    r->start_untrained = l4->fit.start[1];
}

/* The context of expectation `index`: the skills each role is measured against in scope.
 * eval_done frees it. per_period: the expectation's tallies (NULL while tallying). */
static void eval_init(const analysis_ctx *a, uint32_t index, const expect_tally *per_period,
                      eval_ctx *e)
{
    const tna_model *m = a->model;
    const tna_expectation *x = &m->expectations[index];
    *e = (eval_ctx){a,
                    x,
                    g_new(role_skill, m->n_roles * m->n_skills + 1),
                    g_new(uint32_t, m->n_roles + 1),
                    m->min_group_size,
                    (value){WHY_NO_DATA, 0, 0},
                    g_new0(level4, a->n_periods + 1),
                    per_period};
    uint32_t n = 0;
    for (size_t p = 0; p < m->n_roles; p++) {
        e->role_start[p] = n;
        for (uint32_t s = 0; s < m->n_skills; s++) {
            uint32_t t = m->skills[s].topic;
            if (m->roles[p].target[s] > 0 && (x->scope.skill == TNA_NONE || x->scope.skill == s) &&
                (x->scope.topic == TNA_NONE || x->scope.topic == t) &&
                (x->scope.framework == TNA_NONE || x->scope.framework == m->topics[t].framework))
                e->skills[n++] = (role_skill){s, m->roles[p].target[s]};
        }
    }
    e->role_start[m->n_roles] = n;
}

static void eval_done(eval_ctx *e)
{
    g_free(e->skills);
    g_free(e->role_start);
    g_free(e->level4);
}

void tna_expectations_tally(const tna_model *m, const tna_dataset *ds, const people *pp,
                        tna_tallies *t)
{
    analysis_ctx a = {.model = m, .tallies = t, .dataset = ds, .people = pp,
                      .n_periods = t->n_periods};
    for (uint32_t i = 0; i < m->n_expectations; i++) {
        tna_metric metric = m->expectations[i].metric;
        eval_ctx e;
        eval_init(&a, i, NULL, &e);
        for (size_t p = 0; p < t->n_periods; p++) {
            expect_tally *x = &t->periods[p].expect[i];
            if (is_evaluation_metric(metric))
                evaluation_tally(&e, &ds->periods[p], metric, x);
            else if (metric == TNA_METRIC_TRAINED_VS_UNTRAINED && p > 0)
                tvu_tally(&e, &pp[p - 1], &pp[p], x);
            else if (metric != TNA_METRIC_TRAINED_VS_UNTRAINED)
                gap_tally(&e, &pp[p], x);
        }
        eval_done(&e);
    }
}

static void evaluate(const analysis_ctx *a, uint32_t index, tna_expectation_result *r)
{
    const tna_expectation *x = &a->model->expectations[index];
    expect_tally *per_period = g_new0(expect_tally, a->n_periods + 1);
    for (size_t p = 0; p < a->n_periods; p++)
        per_period[p] = a->tallies->periods[p].expect[index];
    eval_ctx e;
    eval_init(a, index, per_period, &e);
    if (x->metric == TNA_METRIC_GAP_REDUCTION)
        e.first_gap = gap_value(&e, 0, TNA_METRIC_MEAN_GAP);
    memset(r, 0, sizeof *r);
    r->expectation = index;
    r->target = x->target;
    r->by_period = g_new(double, a->n_periods);
    value first = {WHY_NO_DATA, 0, 0}, current = first;
    for (size_t p = 0; p < a->n_periods; p++) {
        value v = metric_value(&e, p);
        r->by_period[p] = v.why == WHY_OK ? v.v : NAN;
        if (p == 0)
            first = v;
        current = v;
    }
    if (current.why == WHY_OK && x->metric == TNA_METRIC_TRAINED_VS_UNTRAINED)
        set_level4(r, &e.level4[a->n_periods - 1]);
    eval_done(&e);
    g_free(per_period);

    if (current.why == WHY_OK) {
        r->has_actual = true;
        r->actual = current.v;
        r->respondents = current.respondents;
    } else {
        r->hidden = current.why == WHY_TOO_FEW     ? TNA_SUPPRESSED
                    : current.why == WHY_PROTECTED ? TNA_PROTECTED
                                                   : TNA_SHOWN;
        r->note = why_note(current.why, x->metric);
    }
    if (x->has_baseline) {
        r->has_baseline = true;
        r->baseline = x->baseline;
    } else if (first.why == WHY_OK && a->n_periods == 1) {
        /* the first period sets the baseline: nothing to measure progress against yet */
        r->has_baseline = true;
        r->baseline = first.v;
        r->note = TNA_NOTE_BASELINE_SET;
        return;
    } else if (first.why == WHY_OK) {
        r->has_baseline = true;
        r->baseline = first.v;
    } else if (r->note == TNA_NOTE_NONE) {
        r->note = first.why == WHY_TOO_FEW || first.why == WHY_PROTECTED ? TNA_NOTE_BASELINE_HIDDEN
                                                                         : TNA_NOTE_BASELINE_NONE;
    }
    set_progress(r, x->metric);
}

void tna_planning_expectations(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    tna_planning *pl = &a->results->planning;
    pl->n_expectations = m->n_expectations;
    pl->expectations = g_new0(tna_expectation_result, m->n_expectations + 1);
    for (size_t i = 0; i < m->n_expectations; i++)
        evaluate(a, (uint32_t)i, &pl->expectations[i]);
}
