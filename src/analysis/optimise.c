/* optimise.c - the best plan within a budget; the method and why it is exact: optimise.h. */
#include <glib.h>
#include <stdlib.h>

#include "optimise.h"

/* ---- units: the K most valuable cohorts (or places) ------------------------------------- */

typedef struct unit_ref {
    int64_t value;
    uint32_t line, position;
} unit_ref;

static int by_value(const void *x, const void *y)
{
    const unit_ref *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->position < b->position ? -1 : a->position > b->position;
}

/* The units of one kind, most valuable first (a line's own in its order), and best[k], the
 * value of the first k of them. */
static unit_ref *rank_units(const tna_opt_problem *pb, tna_unit kind, size_t *n_out, int64_t **best)
{
    size_t n = 0;
    for (size_t l = 0; l < pb->n_lines; l++)
        if (pb->lines[l].unit == kind)
            n += pb->lines[l].n;
    unit_ref *u = g_new(unit_ref, n + 1);
    size_t k = 0;
    for (size_t l = 0; l < pb->n_lines; l++)
        for (size_t i = 0; pb->lines[l].unit == kind && i < pb->lines[l].n; i++)
            u[k++] = (unit_ref){pb->lines[l].value[i], (uint32_t)l, (uint32_t)i};
    qsort(u, n, sizeof *u, by_value);
    *best = g_new(int64_t, n + 1);
    (*best)[0] = 0;
    for (size_t i = 0; i < n; i++)
        (*best)[i + 1] = (*best)[i] + u[i].value;
    *n_out = n;
    return u;
}

/* ---- blocks: dynamic programming over the topics ------------------------------------------ */

typedef struct entry {
    int64_t cost, value;
} entry;

typedef struct step {
    uint32_t *parent; /* the entry of the previous frontier it extends */
    uint8_t *take;    /* whether it buys this block */
    size_t n;
} step;

/* Appends e to the frontier being built unless an entry already in it is worth as much
 * (entries come in order of cost: one of the same cost and less value is replaced). */
static void keep(entry *out, step *st, size_t *n, entry e, uint32_t parent, uint8_t take)
{
    if (*n > 0 && out[*n - 1].value >= e.value)
        return;
    if (*n > 0 && out[*n - 1].cost == e.cost)
        (*n)--;
    out[*n] = e;
    st->parent[*n] = parent;
    st->take[*n] = take;
    (*n)++;
}

/* The frontier after every block: from {nothing}, each block either left or bought, merged
 * by cost (the plan that leaves it first at equal cost), dominated plans dropped. Returns
 * the last frontier; steps[b] records how each entry was reached. */
static entry *block_frontier(const tna_opt_problem *pb, step *steps, size_t *n_out)
{
    entry *f = g_new(entry, 1);
    f[0] = (entry){0, 0};
    size_t n = 1;
    for (size_t b = 0; b < pb->n_blocks; b++) {
        const tna_opt_block *blk = &pb->blocks[b];
        entry *out = g_new(entry, 2 * n);
        step *st = &steps[b];
        st->parent = g_new(uint32_t, 2 * n);
        st->take = g_new(uint8_t, 2 * n);
        size_t i = 0, j = 0, m = 0;
        while (i < n || j < n) {
            entry left = i < n ? f[i] : (entry){INT64_MAX, 0};
            entry bought = j < n ? (entry){f[j].cost + blk->cost, f[j].value + blk->value}
                                 : (entry){INT64_MAX, 0};
            if (j < n && bought.cost > pb->budget) {
                j = n; /* the rest cost more still */
                continue;
            }
            if (i < n && (j >= n || left.cost <= bought.cost))
                keep(out, st, &m, left, (uint32_t)i++, 0);
            else
                keep(out, st, &m, bought, (uint32_t)j++, 1);
        }
        st->n = m;
        g_free(f);
        f = out;
        n = m;
    }
    *n_out = n;
    return f;
}

/* The last entry whose cost is at most room (the most valuable such), or SIZE_MAX. */
static size_t best_within(const entry *f, size_t n, int64_t room)
{
    size_t lo = 0, hi = n; /* first entry costing more than room */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f[mid].cost <= room)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? SIZE_MAX : lo - 1;
}

tna_opt_plan tna_optimise(const tna_opt_problem *pb)
{
    tna_opt_plan plan = {0, 0, g_new0(size_t, pb->n_lines + 1), g_new0(bool, pb->n_blocks + 1)};
    size_t n_cohorts, n_places, n_front;
    int64_t *cohort_best, *place_best;
    unit_ref *cohorts = rank_units(pb, TNA_UNIT_COHORT, &n_cohorts, &cohort_best);
    unit_ref *places = rank_units(pb, TNA_UNIT_PLACE, &n_places, &place_best);
    step *steps = g_new0(step, pb->n_blocks + 1);
    entry *front = block_frontier(pb, steps, &n_front);

    size_t best_k = 0, best_j = 0, best_e = 0;
    int64_t best_value = -1, best_cost = 0;
    for (size_t k = 0; k <= n_cohorts && (int64_t)k * pb->cohort_cost <= pb->budget; k++)
        for (size_t j = 0; j <= n_places; j++) {
            int64_t spent = (int64_t)k * pb->cohort_cost + (int64_t)j * pb->place_cost;
            if (spent > pb->budget)
                break;
            size_t e = best_within(front, n_front, pb->budget - spent);
            int64_t value = cohort_best[k] + place_best[j] + front[e].value;
            int64_t cost = spent + front[e].cost;
            if (value > best_value || (value == best_value && cost < best_cost)) {
                best_value = value, best_cost = cost;
                best_k = k, best_j = j, best_e = e;
            }
        }

    plan.value = best_value;
    plan.cost = best_cost;
    for (size_t i = 0; i < best_k; i++)
        plan.units[cohorts[i].line]++;
    for (size_t i = 0; i < best_j; i++)
        plan.units[places[i].line]++;
    for (size_t b = pb->n_blocks, e = best_e; b-- > 0;) {
        plan.blocks[b] = steps[b].take[e];
        e = steps[b].parent[e];
    }
    for (size_t b = 0; b < pb->n_blocks; b++) {
        g_free(steps[b].parent);
        g_free(steps[b].take);
    }
    g_free(steps);
    g_free(front);
    g_free(cohorts), g_free(cohort_best);
    g_free(places), g_free(place_best);
    return plan;
}

void tna_opt_plan_clear(tna_opt_plan *plan)
{
    g_free(plan->units);
    g_free(plan->blocks);
    plan->units = NULL;
    plan->blocks = NULL;
}
