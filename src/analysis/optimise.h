/*
 * optimise.h - the plan that closes the most (priority-weighted) gap within a budget;
 * private to src/analysis/, used by the budget plan (budget.c; docs/method.md, "What a
 * budget buys").
 *
 * What can be bought: cohorts, each at the same price; open places, each at the same price;
 * and each topic's self-directed learning as a whole (a block, at its own price). A line is
 * the cohorts (or the places) of one topic in one region or pool and medium; its units are
 * bought in order, and the value of each unit (the gap it closes, weighted) is no more than
 * the one before (a line's larger cohorts come first; its places are alike).
 *
 * The method is exact. Given how many cohorts K and places J are bought, the best are the K
 * most valuable cohort units of all lines and the J most valuable places: as each line's
 * units lose value in order, the K best can always be taken from the front of the lines.
 * The blocks are a 0/1 choice, solved by dynamic programming over the topics (the frontier
 * of cost against value, which holds at most one plan per cost; block costs are multiples
 * of the price per learner, so it is never longer than the learners plus one). The plan is
 * the best over every K and J whose cost leaves room, with the best blocks for the rest of
 * the budget. Ties: the greater value, then the lower cost, then fewer cohorts, then fewer
 * places, then the earlier lines and topics. Costs are whole pence and values whole units,
 * so nothing depends on rounding or on the order of sums.
 */
#ifndef TNA_OPTIMISE_H
#define TNA_OPTIMISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum tna_unit { TNA_UNIT_COHORT, TNA_UNIT_PLACE } tna_unit;

typedef struct tna_opt_line {
    tna_unit unit;
    const int64_t *value; /* value of the 1st, 2nd, ... unit: non-increasing, >= 0 */
    size_t n;
} tna_opt_line;

typedef struct tna_opt_block {
    int64_t cost, value; /* >= 0 */
} tna_opt_block;

typedef struct tna_opt_problem {
    int64_t budget;                  /* pence */
    int64_t cohort_cost, place_cost; /* pence, > 0 */
    const tna_opt_line *lines;
    size_t n_lines;
    const tna_opt_block *blocks;
    size_t n_blocks;
} tna_opt_problem;

typedef struct tna_opt_plan {
    int64_t value, cost;
    size_t *units; /* per line: how many of its units are bought (g_free) */
    bool *blocks;  /* per block: bought (g_free) */
} tna_opt_plan;

/* The best plan within the budget; free with tna_opt_plan_clear(). */
tna_opt_plan tna_optimise(const tna_opt_problem *problem);
void tna_opt_plan_clear(tna_opt_plan *plan);

#endif
