/*
 * test_optimise.c - the budget plan's optimiser (analysis/optimise.c) against brute force.
 *
 * Brute force tries every way of buying each line's first 0, 1, ... units and every subset
 * of the blocks, and keeps the most valuable within the budget. On 3000 generated cases of 1
 * to 8 topics (each with up to two lines of cohorts or places and a block of self-directed
 * learning; prices and values drawn so that many plans tie or nearly tie), the optimiser's
 * plan never costs more than the budget, its value and cost are what its own choices add up
 * to, and its value equals the brute-force optimum. A hand case shows where choosing by
 * value per pound alone (greedy) falls short and the optimiser does not.
 */
#include <glib.h>

#include "../../src/analysis/optimise.h"
#include "check.h"

/* A small deterministic generator (xorshift), so every run tests the same cases. */
static uint64_t rng_state = 88172645463325252ull;
static int64_t draw(int64_t lo, int64_t hi)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return lo + (int64_t)(rng_state % (uint64_t)(hi - lo + 1));
}

typedef struct brute {
    const tna_opt_problem *pb;
    int64_t best;
} brute;

/* Every count of units of lines [l..) and every subset of the blocks, given what is spent. */
static void try_lines(brute *b, size_t l, int64_t cost, int64_t value)
{
    const tna_opt_problem *pb = b->pb;
    if (cost > pb->budget)
        return;
    if (l == pb->n_lines + pb->n_blocks) {
        if (value > b->best)
            b->best = value;
        return;
    }
    if (l >= pb->n_lines) { /* a block: leave it or buy it */
        const tna_opt_block *blk = &pb->blocks[l - pb->n_lines];
        try_lines(b, l + 1, cost, value);
        try_lines(b, l + 1, cost + blk->cost, value + blk->value);
        return;
    }
    const tna_opt_line *line = &pb->lines[l];
    int64_t price = line->unit == TNA_UNIT_COHORT ? pb->cohort_cost : pb->place_cost;
    for (size_t k = 0; k <= line->n; k++) {
        try_lines(b, l + 1, cost, value);
        if (k < line->n)
            cost += price, value += line->value[k];
    }
}

/* The plan's cost and value from its own choices. */
static void plan_sums(const tna_opt_problem *pb, const tna_opt_plan *plan, int64_t *cost,
                      int64_t *value)
{
    *cost = *value = 0;
    for (size_t l = 0; l < pb->n_lines; l++) {
        const tna_opt_line *line = &pb->lines[l];
        CHECK(plan->units[l] <= line->n);
        for (size_t k = 0; k < plan->units[l] && k < line->n; k++) {
            *cost += line->unit == TNA_UNIT_COHORT ? pb->cohort_cost : pb->place_cost;
            *value += line->value[k];
        }
    }
    for (size_t b = 0; b < pb->n_blocks; b++)
        if (plan->blocks[b])
            *cost += pb->blocks[b].cost, *value += pb->blocks[b].value;
}

static void test_against_brute_force(void)
{
    enum { CASES = 3000, MAX_LINES = 16, MAX_UNITS = 4 };
    int64_t values[MAX_LINES][MAX_UNITS];
    tna_opt_line lines[MAX_LINES];
    tna_opt_block blocks[8];
    int at_budget = 0, nothing = 0;
    for (int c = 0; c < CASES; c++) {
        int topics = (int)draw(1, 8);
        /* small ranges make ties common; a cohort of a few learners can be worth less than
         * a place of a learner with a large gap */
        tna_opt_problem pb = {.cohort_cost = draw(5, 40) * 100, .place_cost = draw(1, 12) * 100};
        size_t n_lines = 0, n_blocks = 0, combos = 1;
        for (int t = 0; t < topics; t++) {
            int n = (int)draw(0, 2);
            for (int i = 0; i < n && n_lines < MAX_LINES; i++) {
                tna_opt_line *line = &lines[n_lines];
                line->unit = draw(0, 2) ? TNA_UNIT_COHORT : TNA_UNIT_PLACE;
                line->n = (size_t)draw(1, combos > 20000                  ? 1
                                          : line->unit == TNA_UNIT_COHORT ? 3
                                                                          : 4);
                int64_t v = draw(1, 60);
                for (size_t k = 0; k < line->n; k++) {
                    /* cohorts: the first ones as large or larger; places: alike */
                    values[n_lines][k] = v;
                    if (line->unit == TNA_UNIT_COHORT)
                        v -= draw(0, 1) * draw(1, 5);
                    if (v < 0)
                        v = 0;
                }
                line->value = values[n_lines];
                combos *= line->n + 1;
                n_lines++;
            }
            if (draw(0, 1)) {
                blocks[n_blocks++] = (tna_opt_block){draw(0, 30) * 40, draw(0, 80)};
                combos *= 2;
            }
        }
        int64_t total = 0;
        for (size_t l = 0; l < n_lines; l++)
            total += (int64_t)lines[l].n *
                     (lines[l].unit == TNA_UNIT_COHORT ? pb.cohort_cost : pb.place_cost);
        for (size_t b = 0; b < n_blocks; b++)
            total += blocks[b].cost;
        pb.budget = draw(0, total + 500);
        pb.lines = lines, pb.n_lines = n_lines;
        pb.blocks = blocks, pb.n_blocks = n_blocks;

        brute b = {&pb, -1};
        try_lines(&b, 0, 0, 0);
        tna_opt_plan plan = tna_optimise(&pb);
        int64_t cost, value;
        plan_sums(&pb, &plan, &cost, &value);
        CHECK(plan.cost <= pb.budget);
        CHECK_INT(plan.cost, cost);
        CHECK_INT(plan.value, value);
        if (plan.value != b.best) {
            CHECK_INT(plan.value, b.best);
            fprintf(stderr, "  case %d: %zu lines, %zu blocks, budget %lld\n", c, n_lines, n_blocks,
                    (long long)pb.budget);
        }
        at_budget += plan.cost == pb.budget;
        nothing += plan.value == 0;
        tna_opt_plan_clear(&plan);
    }
    /* the cases are not trivial: some plans spend it all, most buy something */
    CHECK(at_budget > 0);
    CHECK(nothing < CASES / 4);
}

/* By hand: a budget of 100, cohorts at 60. Line A: one cohort worth 70 (70/60 = 1.17 per
 * pound); block X costs 45 and is worth 50 (1.11); block Y costs 50 and is worth 52 (1.04).
 * Greedy by value per pound buys A (60 spent), then neither block fits: 70. The best is X and
 * Y (95 spent): 102. */
static void test_greedy_falls_short(void)
{
    int64_t a[] = {70};
    tna_opt_line lines[] = {{TNA_UNIT_COHORT, a, 1}};
    tna_opt_block blocks[] = {{45, 50}, {50, 52}};
    tna_opt_problem pb = {100, 60, 10, lines, 1, blocks, 2};
    tna_opt_plan plan = tna_optimise(&pb);
    CHECK_INT(plan.value, 102);
    CHECK_INT(plan.cost, 95);
    CHECK_INT(plan.units[0], 0);
    CHECK(plan.blocks[0] && plan.blocks[1]);
    tna_opt_plan_clear(&plan);

    /* with 120, everything but Y: A and X (105) are worth 120; A and Y 122 (110) */
    pb.budget = 120;
    plan = tna_optimise(&pb);
    CHECK_INT(plan.value, 122);
    CHECK_INT(plan.cost, 110);
    CHECK(plan.units[0] == 1 && !plan.blocks[0] && plan.blocks[1]);
    tna_opt_plan_clear(&plan);

    /* nothing to spend: nothing bought */
    pb.budget = 0;
    plan = tna_optimise(&pb);
    CHECK_INT(plan.value, 0);
    CHECK_INT(plan.cost, 0);
    tna_opt_plan_clear(&plan);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_against_brute_force);
    RUN(test_greedy_falls_short);
    return g_test_run();
}
