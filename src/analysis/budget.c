/*
 * budget.c - the burden of each topic (`priorities:`) and what a budget buys
 * (commissioning.budget); docs/method.md, "Priorities" and "What a budget buys".
 *
 * Burden: a topic's learners x its mean gap x its weight, from its privacy-safe group.
 *
 * The budget plan offers the optimiser (optimise.h) every cohort and every place of the
 * commissioning plan's lines, and each topic's self-directed learning as a whole. A cohort
 * of a line of L learners with gap G (the sum of their gaps in the topic) and c cohorts holds
 * L / c learners, the first L mod c cohorts one more; it is taken to bring its learners to
 * target, so it closes G x its learners / L of gap, valued at the topic's weight. Values are
 * whole millionths of a weighted level (rounded down per unit) and costs whole pence, so the
 * plan is the same however the sums behind it were added up.
 *
 * Privacy: a line whose learners are hidden in the plan shows what is funded of its cohorts
 * (cohorts are always shown) but not its learners, gap, or places; a topic with such a line
 * funded hides its figures (the shown lines would give the hidden one away), and across the
 * topics the rule of protect_parts keeps the overall total from giving away one hidden topic.
 */
#include <glib.h>
#include <math.h>

#include "people.h"
#include "optimise.h"
#include "stats.h"

static void burden_rows(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const tna_period_figures *f = &a->results->periods[a->n_periods - 1];
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_burden));
    for (uint32_t t = 0; t < m->n_topics; t++) {
        const tna_group *g = tna_results_find(f, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)});
        if (g == NULL)
            continue;
        tna_burden b = {t, g->hidden, tna_topic_weight(m, t), 0, 0, 0};
        if (!b.hidden) {
            b.learners = g->learners_needing;
            b.mean_gap = g->mean_gap;
            b.burden = (double)g->learners_needing * g->mean_gap * b.weight;
        }
        g_array_append_val(rows, b);
    }
    a->results->planning.n_burden = rows->len;
    a->results->planning.burden = (tna_burden *)g_array_free(rows, FALSE);
}

static int64_t pence(double pounds)
{
    return llround(pounds * 100.0);
}

/* floor(weight_milli * gap * learners * 1000 / of): the value, in millionths of a weighted
 * level, of bringing `learners` of a line's `of` learners (gap `gap` in all) to target. */
static int64_t unit_value(int64_t weight_milli, int64_t gap, int64_t learners, int64_t of)
{
    tna_i128 v = (tna_i128)weight_milli * gap * learners * 1000;
    return (int64_t)(v / of);
}

/* Learners reached by the first k of a line's cohorts (the larger ones first). */
static int64_t cohort_reach(const tna_plan_line_raw *l, int64_t k)
{
    int64_t q = l->learners / l->cohorts, r = l->learners % l->cohorts;
    return k * q + (k < r ? k : r);
}

/* The optimiser's view of the lines and blocks; values[] backs the lines' unit values. */
typedef struct problem {
    tna_opt_problem pb;
    tna_opt_line *lines;
    tna_opt_block *blocks;
    uint32_t *block_topic;
    int64_t *values;
} problem;

static void problem_build(const tna_model *m, const tna_plan_line_raw *raw, size_t n_raw,
                          const tna_plan_topic_raw *topics, problem *p)
{
    const tna_commissioning *k = &m->commissioning;
    size_t n_units = 0;
    for (size_t i = 0; i < n_raw; i++)
        n_units += (size_t)(raw[i].cohorts + raw[i].places);
    p->values = g_new(int64_t, n_units + 1);
    p->lines = g_new0(tna_opt_line, n_raw + 1);
    p->blocks = g_new0(tna_opt_block, m->n_topics + 1);
    p->block_topic = g_new0(uint32_t, m->n_topics + 1);
    int64_t *v = p->values;
    for (size_t i = 0; i < n_raw; i++) {
        const tna_plan_line_raw *l = &raw[i];
        int64_t w = llround(tna_topic_weight(m, l->topic) * 1000);
        bool places = l->places > 0;
        int64_t units = places ? l->places : l->cohorts;
        p->lines[i] = (tna_opt_line){places ? TNA_UNIT_PLACE : TNA_UNIT_COHORT, v, (size_t)units};
        for (int64_t u = 0; u < units; u++) {
            int64_t learners = places ? 1 : cohort_reach(l, u + 1) - cohort_reach(l, u);
            *v++ = unit_value(w, l->gap, learners, l->learners);
        }
    }
    size_t nb = 0;
    for (uint32_t t = 0; t < m->n_topics; t++) {
        if (topics[t].self_directed == 0)
            continue;
        int64_t w = llround(tna_topic_weight(m, t) * 1000);
        p->blocks[nb] =
            (tna_opt_block){topics[t].self_directed * pence(k->cost_per_elearning_learner),
                            unit_value(w, topics[t].self_gap, 1, 1)};
        p->block_topic[nb++] = t;
    }
    p->pb = (tna_opt_problem){pence(k->budget),
                              pence(k->cost_per_cohort),
                              pence(k->cost_per_open_place),
                              p->lines,
                              n_raw,
                              p->blocks,
                              nb};
}

static void problem_free(problem *p)
{
    g_free(p->values), g_free(p->lines), g_free(p->blocks), g_free(p->block_topic);
}

/* The plan's lines as the budget funds them, privacy applied; each line's figures added to
 * its topic's row (hidden ones too: the rows are hidden afterwards as a whole). */
static void fund_lines(const tna_model *m, const tna_plan_line_raw *raw, size_t n_raw,
                       const tna_plan_topic_raw *topics, const problem *p, const tna_opt_plan *plan,
                       GArray *out, tna_budget_topic *rows)
{
    const tna_commissioning *k = &m->commissioning;
    for (size_t i = 0; i < n_raw; i++) {
        const tna_plan_line_raw *l = &raw[i];
        bool places = l->places > 0;
        int64_t funded = (int64_t)plan->units[i];
        int64_t reached = places ? funded : cohort_reach(l, funded);
        double cost = (double)funded * (places ? k->cost_per_open_place : k->cost_per_cohort);
        double closed = (double)l->gap * (double)reached / (double)l->learners;
        tna_budget_topic *row = &rows[l->topic];
        row->learners += l->learners, row->gap += (double)l->gap;
        row->reached += reached, row->gap_closed += closed, row->cost += cost;
        if (l->hidden && funded > 0) /* the lines shown would give it away */
            row->hidden = TNA_PROTECTED;
        tna_budget_line b = {.topic = l->topic,
                             .region = l->region,
                             .welsh_medium = l->welsh_medium,
                             .kind = places ? TNA_BUDGET_PLACES : TNA_BUDGET_COHORTS,
                             .hidden = l->hidden,
                             .units = places ? (l->hidden ? 0 : l->places) : l->cohorts,
                             .funded = places && l->hidden ? 0 : funded,
                             .cost = places && l->hidden ? 0 : cost};
        if (!l->hidden) {
            b.learners = l->learners, b.reached = reached;
            b.gap = (double)l->gap, b.gap_closed = closed;
        }
        g_array_append_val(out, b);
    }
    for (size_t j = 0; j < p->pb.n_blocks; j++) {
        uint32_t t = p->block_topic[j];
        const tna_plan_topic_raw *sd = &topics[t];
        bool funded = plan->blocks[j];
        tna_budget_line b = {
            .topic = t,
            .region = TNA_NONE,
            .kind = TNA_BUDGET_SELF_DIRECTED,
            .hidden = sd->hidden,
            .units = sd->self_directed,
            .funded = funded ? sd->self_directed : 0,
            .learners = sd->self_directed,
            .reached = funded ? sd->self_directed : 0,
            .gap = (double)sd->self_gap,
            .gap_closed = funded ? (double)sd->self_gap : 0,
            .cost = funded ? (double)sd->self_directed * k->cost_per_elearning_learner : 0};
        rows[t].learners += b.learners, rows[t].gap += b.gap;
        rows[t].reached += b.reached, rows[t].gap_closed += b.gap_closed, rows[t].cost += b.cost;
        if (b.hidden) /* the topic's own group is hidden: so is all it has */
            b.units = b.funded = b.learners = b.reached = 0, b.gap = b.gap_closed = b.cost = 0;
        g_array_append_val(out, b);
    }
}

/* Per topic with learners (or hidden), then overall, hidden as the top of the file says.
 * rows[] holds every topic's raw sums; a topic's learners and gap are its group's
 * learners_needing and gap_sum (every gap is a learner's). The overall total sums the
 * topics: a person needing two topics counts in both. */
static void topic_rows(const analysis_ctx *a, tna_budget_topic *rows, tna_budget_plan *bp)
{
    const tna_model *m = a->model;
    const tna_period_figures *f = &a->results->periods[a->n_periods - 1];
    size_t nt = m->n_topics;
    int64_t *base = g_new0(int64_t, nt + 1); /* 0: no row */
    bool *hide = g_new0(bool, nt + 1);
    tna_hidden *code = g_new0(tna_hidden, nt + 1);
    for (uint32_t t = 0; t < nt; t++) {
        const tna_group *g = tna_results_find(f, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)});
        if (g == NULL || (!g->hidden && g->learners_needing == 0))
            continue;
        base[t] = rows[t].learners + 1;
        code[t] = g->hidden ? g->hidden : rows[t].hidden;
        hide[t] = code[t] != TNA_SHOWN;
    }
    bool all_hidden = false;
    while (protect_parts(base, hide, nt, &all_hidden))
        ;
    const tna_group *everyone = tna_results_find(f, TNA_SET_ALL, TNA_DIMS_ALL);
    tna_budget_topic all = {.topic = TNA_NONE};
    all.hidden = everyone != NULL && everyone->hidden ? everyone->hidden
                 : all_hidden                         ? TNA_PROTECTED
                                                      : TNA_SHOWN;
    GArray *out = g_array_new(FALSE, FALSE, sizeof(tna_budget_topic));
    for (uint32_t t = 0; t < nt; t++) {
        if (base[t] == 0)
            continue;
        tna_budget_topic r = rows[t];
        all.learners += r.learners, all.reached += r.reached, all.gap += r.gap;
        all.gap_closed += r.gap_closed, all.cost += r.cost;
        r.topic = t;
        r.weight = tna_topic_weight(m, t);
        r.gap_left = r.gap - r.gap_closed;
        if (hide[t]) /* hidden by the rule across topics: protected */
            r = (tna_budget_topic){t, code[t] ? code[t] : TNA_PROTECTED, r.weight, 0, 0, 0, 0, 0,
                                   0};
        g_array_append_val(out, r);
    }
    all.gap_left = all.gap - all.gap_closed;
    bp->spent = all.cost;
    if (all.hidden) {
        all = (tna_budget_topic){TNA_NONE, all.hidden, 0, 0, 0, 0, 0, 0, 0};
        bp->spent = 0;
    }
    g_array_append_val(out, all);
    bp->n_topics = out->len;
    bp->topics = (tna_budget_topic *)g_array_free(out, FALSE);
    g_free(base);
    g_free(hide);
    g_free(code);
}

void planning_budget(const analysis_ctx *a, const tna_plan_line_raw *raw, size_t n_raw,
                     const tna_plan_topic_raw *topics)
{
    burden_rows(a);
    const tna_model *m = a->model;
    tna_budget_plan *bp = &a->results->planning.budget;
    if (!m->commissioning.has_budget)
        return;
    problem p;
    problem_build(m, raw, n_raw, topics, &p);
    tna_opt_plan plan = tna_optimise(&p.pb);
    bp->set = true;
    bp->budget = m->commissioning.budget;
    bp->step_pence = 1;
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(tna_budget_line));
    tna_budget_topic *rows = g_new0(tna_budget_topic, m->n_topics + 1);
    fund_lines(m, raw, n_raw, topics, &p, &plan, lines, rows);
    topic_rows(a, rows, bp);
    bp->n_lines = lines->len;
    bp->lines = (tna_budget_line *)g_array_free(lines, FALSE);
    g_free(rows);
    tna_opt_plan_clear(&plan);
    problem_free(&p);
}
