/*
 * xlsx_budget.c - the Priorities sheet (the burden of each topic, priorities-PERIOD.csv) and,
 * with commissioning.budget, the Budget sheet (what the budget funds, budget-PERIOD.csv).
 *
 * Each is one table with a frozen header and a filter, one row per CSV row, cells equal to
 * the CSV's fields. Hidden figures show their marker in the first of them and leave the rest
 * blank; the budget plan keeps a hidden line's funded cohorts and their cost, as the CSV does
 * (a hidden line of places or self-directed learning shows neither: they are learners).
 */
#include "xlsx_write.h"

void tna_xlsx_priorities(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_PRIORITIES);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_PRIORITIES_TITLE), tna_xw_t(x, TERM_PRIORITIES_NOTE));
    const char *head[] = {tna_xw_t(x, TERM_FRAMEWORK), tna_xw_t(x, TERM_TOPIC),
                          tna_xw_t(x, TERM_WEIGHT),    tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING),
                          tna_xw_t(x, TERM_MEAN_GAP),  tna_xw_t(x, TERM_BURDEN)};
    const double widths[] = {tna_xw_width(x, 'f'), tna_xw_width(x, 't'), 10, 13, 10, 11};
    tna_xw_header(x, ws, 3, head, 6, widths, "ttnnnn");
    lxw_row_t row = 4;
    for (size_t i = 0; i < pl->n_burden && row < XW_ROW_LIMIT; i++, row++) {
        const tna_burden *b = &pl->burden[i];
        tna_xw_text(x, ws, row, 0, tna_label_framework(x->l, x->m->topics[b->topic].framework),
                x->text);
        tna_xw_text(x, ws, row, 1, tna_label_topic(x->l, b->topic), x->text);
        tna_xw_number(x, ws, row, 2, b->weight, x->gap);
        if (b->hidden) {
            tna_xw_hidden(x, ws, row, 3, b->hidden);
            continue;
        }
        tna_xw_int(x, ws, row, 3, b->learners, x->integer);
        tna_xw_number(x, ws, row, 4, b->mean_gap, x->gap);
        tna_xw_number(x, ws, row, 5, b->burden, x->gap);
    }
    if (row == 4)
        tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_NO_LEARNER_NEEDS_TRAINING), x->note);
    tna_xw_table(x, ws, 4, 2, row - 1, 5);
}

/* Columns of the Budget sheet. */
enum {
    B_TOPIC,
    B_LINE,
    B_REGION,
    B_MEDIUM,
    B_UNITS,
    B_FUNDED,
    B_LEARNERS,
    B_REACHED,
    B_GAP,
    B_CLOSED,
    B_LEFT,
    B_COST,
    B_BUDGET,
    B_WEIGHT,
    B_COLS
};

static void topic_row(xw *x, lxw_worksheet *ws, lxw_row_t row, const tna_budget_topic *t,
                      double budget)
{
    bool all = t->topic == TNA_NONE;
    lxw_format *tf = x->bold, *nf = x->bold_integer, *gf = x->bold_gap;
    tna_xw_text(x, ws, row, B_TOPIC, tna_label_topic(x->l, t->topic), tf);
    tna_xw_text(x, ws, row, B_LINE, tna_xw_t(x, TERM_TOTAL), tf);
    if (all)
        tna_xw_number(x, ws, row, B_BUDGET, budget, x->bold_money);
    else
        tna_xw_number(x, ws, row, B_WEIGHT, t->weight, gf);
    if (t->hidden) {
        tna_xw_hidden(x, ws, row, B_LEARNERS, t->hidden);
        return;
    }
    tna_xw_int(x, ws, row, B_LEARNERS, t->learners, nf);
    tna_xw_int(x, ws, row, B_REACHED, t->reached, nf);
    tna_xw_number(x, ws, row, B_GAP, t->gap, gf);
    tna_xw_number(x, ws, row, B_CLOSED, t->gap_closed, gf);
    tna_xw_number(x, ws, row, B_LEFT, t->gap_left, gf);
    tna_xw_number(x, ws, row, B_COST, t->cost, x->bold_money);
}

static void line_row(xw *x, lxw_worksheet *ws, lxw_row_t row, const tna_budget_line *l)
{
    bool self = l->kind == TNA_BUDGET_SELF_DIRECTED;
    tna_xw_text(x, ws, row, B_TOPIC, tna_label_topic(x->l, l->topic), x->text);
    tna_xw_text(x, ws, row, B_LINE,
            tna_xw_t(x, self                           ? TERM_SELF_DIRECTED_LEARNING
                    : l->kind == TNA_BUDGET_PLACES ? TERM_PLACES_LINE
                                                   : TERM_COHORTS),
            x->indent);
    tna_xw_text(x, ws, row, B_REGION,
            self                    ? tna_label_wales(x->l)
            : l->region == TNA_NONE ? tna_xw_t(x, TERM_ALL_WALES_POOL)
                                    : tna_label_region(x->l, l->region),
            x->text);
    if (!self)
        tna_xw_text(x, ws, row, B_MEDIUM,
                tna_xw_t(x, l->welsh_medium ? TERM_WELSH_MEDIUM : TERM_ENGLISH_MEDIUM), x->text);
    bool units_hidden = l->hidden && l->kind != TNA_BUDGET_COHORTS;
    if (!units_hidden) {
        tna_xw_int(x, ws, row, B_UNITS, l->units, x->integer);
        tna_xw_int(x, ws, row, B_FUNDED, l->funded, x->integer);
        tna_xw_number(x, ws, row, B_COST, l->cost, x->money);
    }
    if (l->hidden) {
        tna_xw_hidden(x, ws, row, B_LEARNERS, l->hidden);
        return;
    }
    tna_xw_int(x, ws, row, B_LEARNERS, l->learners, x->integer);
    tna_xw_int(x, ws, row, B_REACHED, l->reached, x->integer);
    tna_xw_number(x, ws, row, B_GAP, l->gap, x->gap);
    tna_xw_number(x, ws, row, B_CLOSED, l->gap_closed, x->gap);
    tna_xw_number(x, ws, row, B_LEFT, l->gap - l->gap_closed, x->gap);
}

void tna_xlsx_budget(xw *x)
{
    const tna_budget_plan *bp = &x->r->planning.budget;
    if (!bp->set || !x->costed) /* a budget needs every price (config): costed follows */
        return;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_BUDGET);
    char *budget = tna_xw_money(bp->budget);
    tna_xw_title(x, ws, tna_label_termf(x->l, TERM_WHAT_BUDGET_BUYS, budget),
             tna_xw_t(x, TERM_BUDGET_SHEET_NOTE));
    g_free(budget);
    const char *head[B_COLS] = {tna_xw_t(x, TERM_TOPIC),      tna_xw_t(x, TERM_PLAN_LINE),
                                tna_xw_t(x, TERM_REGION),     tna_xw_t(x, TERM_MEDIUM),
                                tna_xw_t(x, TERM_UNITS),      tna_xw_t(x, TERM_FUNDED),
                                tna_xw_t(x, TERM_LEARNERS),   tna_xw_t(x, TERM_LEARNERS_REACHED),
                                tna_xw_t(x, TERM_GAP_LEVELS), tna_xw_t(x, TERM_GAP_CLOSED),
                                tna_xw_t(x, TERM_GAP_LEFT),   tna_xw_t(x, TERM_COST),
                                tna_xw_t(x, TERM_BUDGET),     tna_xw_t(x, TERM_WEIGHT)};
    const double widths[B_COLS] = {tna_xw_width(x, 't'),
                                   22,
                                   tna_xw_width(x, 'g') > 18 ? tna_xw_width(x, 'g') : 18,
                                   16,
                                   9,
                                   9,
                                   10,
                                   10,
                                   10,
                                   10,
                                   10,
                                   11,
                                   11,
                                   9};
    tna_xw_header(x, ws, 3, head, B_COLS, widths, "ttttnnnnnnnnnn");
    lxw_row_t row = 4;
    for (size_t i = 0; i < bp->n_topics; i++) /* the total of everything first */
        if (bp->topics[i].topic == TNA_NONE)
            topic_row(x, ws, row++, &bp->topics[i], bp->budget);
    for (size_t i = 0; i < bp->n_topics && row < XW_ROW_LIMIT; i++) {
        const tna_budget_topic *t = &bp->topics[i];
        if (t->topic == TNA_NONE)
            continue;
        topic_row(x, ws, row++, t, bp->budget);
        for (size_t j = 0; j < bp->n_lines && row < XW_ROW_LIMIT; j++)
            if (bp->lines[j].topic == t->topic)
                line_row(x, ws, row++, &bp->lines[j]);
    }
    tna_xw_table(x, ws, 4, 1, row - 1, B_COLS - 1);
}
