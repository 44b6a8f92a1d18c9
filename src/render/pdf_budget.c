/*
 * pdf_budget.c - the "What £X buys" section, after commissioning, when the configuration
 * sets commissioning.budget: what the budget plan (planning.h, tna_budget_plan) spends,
 * reaches and closes; per topic the gap closed and left; and the lines of the plan it funds.
 *
 * Every figure is a field of a row of budget-PERIOD.csv at the precision shown: gaps in
 * whole levels, money in pounds, weights with up to three decimals. Hidden figures show
 * their marker (the plan's rule: a funded cohort still counts, a hidden line's learners,
 * gaps and places do not). docs/method.md, "What a budget buys", defines the plan.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "pdf_page.h"

bool tna_pdf_has_budget(const pdf_doc *d)
{
    return d->res->planning.budget.set && !tna_render_is_pack(d->opt);
}

/* Levels of gap in whole levels, "9,545", rounded half away from zero from the CSV's value. */
static const char *levels(pdf_doc *d, double v)
{
    char buf[64];
    tna_format_decimal(v, 0, 0, buf, sizeof buf);
    return tna_pdf_count(d, strtoll(buf, NULL, 10));
}

/* A weight with up to three decimals and no trailing zeros: "2", "1.5". */
static const char *weight(pdf_doc *d, double v)
{
    char buf[64];
    tna_format_decimal(v, 3, 0, buf, sizeof buf);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf);
        while (end > dot && (end[-1] == '0' || end[-1] == '.'))
            *--end = '\0';
    }
    return tna_pdf_str(d, "%s", buf);
}

static const tna_budget_topic *overall(const tna_budget_plan *bp)
{
    for (size_t i = 0; i < bp->n_topics; i++)
        if (bp->topics[i].topic == TNA_NONE)
            return &bp->topics[i];
    return NULL;
}

/* Per topic (then all topics): weight, learners, reached, gap, closed, left, cost. */
static void by_topic(pdf_doc *d)
{
    const tna_budget_plan *bp = &d->res->planning.budget;
    size_t n = bp->n_topics;
    if (n == 0)
        return;
    enum { NC = 8 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),      tna_pdf_t(d, TERM_WEIGHT),
                            tna_pdf_t(d, TERM_LEARNERS),   tna_pdf_t(d, TERM_LEARNERS_REACHED),
                            tna_pdf_t(d, TERM_GAP_LEVELS), tna_pdf_t(d, TERM_GAP_CLOSED),
                            tna_pdf_t(d, TERM_GAP_LEFT),   tna_pdf_t(d, TERM_COST)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    for (size_t i = 0; i < n; i++) {
        const tna_budget_topic *t = &bp->topics[i];
        const char **c = cells + i * NC;
        unsigned char *k = kind + i * NC;
        bool all = t->topic == TNA_NONE;
        c[0] = all ? tna_pdf_t(d, TERM_ALL_TOPICS) : tna_label_topic(d->l, t->topic);
        c[1] = all ? "" : weight(d, t->weight);
        if (t->hidden) {
            for (int j = 2; j < NC; j++)
                c[j] = tna_pdf_hidden(d, t->hidden), k[j] = PDF_CELL_MUTED;
        } else {
            c[2] = tna_pdf_count(d, t->learners);
            c[3] = tna_pdf_count(d, t->reached);
            c[4] = levels(d, t->gap);
            c[5] = levels(d, t->gap_closed);
            c[6] = levels(d, t->gap_left);
            c[7] = tna_pdf_money(d, t->cost);
        }
        if (all)
            for (int j = 0; j < NC; j++)
                k[j] = k[j] == PDF_CELL_MUTED ? PDF_CELL_MUTED : PDF_CELL_BOLD;
    }
    double width[NC] = {0, 40, 50, 52, 50, 48, 48, 58};
    pdf_table t = {NC, n, head, width, NULL, cells, kind, 7};
    tna_pdf_keep(d, fmin(tna_pdf_table_height(d, &t), 200) + 30);
    tna_pdf_h2(d, tna_pdf_t(d, TERM_BUDGET_BY_TOPIC));
    tna_pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

/* "North Wales, English-medium", "All-Wales pool, Welsh-medium", "Self-directed learning". */
static const char *line_name(pdf_doc *d, const tna_budget_line *l)
{
    if (l->kind == TNA_BUDGET_SELF_DIRECTED)
        return tna_pdf_t(d, TERM_SELF_DIRECTED_LEARNING);
    return tna_pdf_str(d, "%s, %s",
                   l->region == TNA_NONE ? tna_pdf_t(d, TERM_ALL_WALES_POOL)
                                         : tna_label_region(d->l, l->region),
                   tna_pdf_t(d, l->welsh_medium ? TERM_WELSH_MEDIUM : TERM_ENGLISH_MEDIUM));
}

/* "2 of 4 cohorts", "1 of 4 places", "481 self-directed learners". */
static const char *funded_text(pdf_doc *d, const tna_budget_line *l)
{
    const char *f = tna_pdf_count(d, l->funded), *u = tna_pdf_count(d, l->units);
    switch (l->kind) {
    case TNA_BUDGET_COHORTS:
        return pdf_tf(d, TERM_N_OF_M_COHORTS, f, u);
    case TNA_BUDGET_PLACES:
        return pdf_tf(d, TERM_N_OF_M_PLACES, f, u);
    case TNA_BUDGET_SELF_DIRECTED:
        break;
    }
    return pdf_tf(d, TERM_N_SELF_DIRECTED_LEARNERS, f);
}

/* The lines the budget funds: topic, line, how much of it, learners reached, gap closed, cost.
 * A hidden line of places or self-directed learning shows nothing (its units are learners). */
static void funded_lines(pdf_doc *d)
{
    const tna_budget_plan *bp = &d->res->planning.budget;
    size_t n = 0;
    for (size_t i = 0; i < bp->n_lines; i++)
        n += bp->lines[i].funded > 0 &&
             !(bp->lines[i].hidden && bp->lines[i].kind != TNA_BUDGET_COHORTS);
    const char *title = tna_pdf_t(d, TERM_WHAT_IS_FUNDED);
    if (n == 0) {
        tna_pdf_h2(d, title);
        tna_pdf_para(d, tna_pdf_t(d, TERM_BUDGET_FUNDS_NOTHING));
        return;
    }
    enum { NC = 6 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),      tna_pdf_t(d, TERM_PLAN_LINE),
                            tna_pdf_t(d, TERM_FUNDED),     tna_pdf_t(d, TERM_LEARNERS_REACHED),
                            tna_pdf_t(d, TERM_GAP_CLOSED), tna_pdf_t(d, TERM_COST)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < bp->n_lines; i++) {
        const tna_budget_line *l = &bp->lines[i];
        if (l->funded == 0 || (l->hidden && l->kind != TNA_BUDGET_COHORTS))
            continue;
        const char **c = cells + k * NC;
        c[0] = tna_label_topic(d->l, l->topic);
        c[1] = line_name(d, l);
        c[2] = funded_text(d, l);
        if (l->hidden) {
            c[3] = c[4] = tna_pdf_hidden(d, l->hidden);
            kind[k * NC + 3] = kind[k * NC + 4] = PDF_CELL_MUTED;
        } else {
            c[3] = tna_pdf_count(d, l->reached);
            c[4] = levels(d, l->gap_closed);
        }
        c[5] = tna_pdf_money(d, l->cost);
        k++;
    }
    double width[NC] = {0, 118, 104, 50, 45, 52};
    chart_align align[NC] = {CHART_LEFT,  CHART_LEFT,  CHART_LEFT,
                             CHART_RIGHT, CHART_RIGHT, CHART_RIGHT};
    pdf_table t = {NC, k, head, width, align, cells, kind, 7};
    tna_pdf_keep(d, fmin(tna_pdf_table_height(d, &t), 200) + 50);
    tna_pdf_h2(d, title);
    tna_pdf_note(d, tna_pdf_t(d, TERM_WHAT_IS_FUNDED_NOTE));
    tna_pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

void tna_pdf_budget_section(pdf_doc *d)
{
    if (!tna_pdf_has_budget(d))
        return;
    const tna_budget_plan *bp = &d->res->planning.budget;
    tna_pdf_section_begin(d, PDF_SEC_BUDGET, tna_pdf_section_title(d, PDF_SEC_BUDGET));
    const tna_budget_topic *all = overall(bp);
    const char *budget = tna_pdf_money(d, bp->budget);
    if (all == NULL || all->hidden)
        tna_pdf_para(d, pdf_tf(d, TERM_BUDGET_INTRO_HIDDEN, budget,
                           all ? tna_pdf_hidden(d, all->hidden) : "–"));
    else
        tna_pdf_para(d,
                 pdf_tf(d, TERM_BUDGET_INTRO, budget, tna_pdf_money(d, all->cost),
                        tna_pdf_count(d, all->reached), tna_pdf_count(d, all->learners),
                        levels(d, all->gap_closed), levels(d, all->gap), levels(d, all->gap_left)));
    tna_pdf_note(d, tna_pdf_t(d, TERM_BUDGET_METHOD_NOTE));
    by_topic(d);
    funded_lines(d);
}
