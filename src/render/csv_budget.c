/*
 * csv_budget.c - priorities-PERIOD.csv (the burden of each topic) and, with
 * commissioning.budget, budget-PERIOD.csv (what the budget buys); docs/outputs.md has the
 * columns, docs/method.md the definitions.
 *
 *   priorities: period,framework,topic,weight,learners,mean_gap,burden,suppressed
 *   budget:     period,framework,topic,line,region,medium,units,funded,learners,reached,gap,
 *               gap_closed,gap_left,cost,budget,weight,suppressed
 *
 * The budget file has, per topic, its total (line "total"), its plan lines ("region",
 * "pool") and its self-directed learning ("self_directed"); first the total of everything
 * (framework and topic "*"), whose cost is what the plan spends and whose budget column
 * holds the budget. Conventions are the other CSVs': sorted by the key columns, '*' for
 * all, counts as integers, gaps with six decimals, money with two; a hidden row has its
 * hidden figures empty and its code in `suppressed` (1 suppressed, 2 protected).
 */
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "render_internal.h"

/* A row to sort: framework, topic, kind, region, medium (NULL ends), then the data. */
typedef struct budget_row {
    const char *key[5];
    bool total;
    const void *data;
} budget_row;

static int compare_rows(const void *x, const void *y)
{
    const budget_row *a = x, *b = y;
    for (int i = 0; i < 5; i++) {
        int c = strcmp(a->key[i] ? a->key[i] : "", b->key[i] ? b->key[i] : "");
        if (c)
            return c;
    }
    return 0;
}

static const char *topic_key(const tna_model *m, uint32_t t)
{
    return t == TNA_NONE ? "*" : m->topics[t].id;
}

static const char *framework_key(const tna_model *m, uint32_t t)
{
    return t == TNA_NONE ? "*" : m->frameworks[m->topics[t].framework].id;
}

static void put_text(FILE *fp, const char *text)
{
    tna_csv_write_text(fp, text);
    fputc(',', fp);
}

/* A figure with its comma; empty when hidden. */
static void put_gap(FILE *fp, bool hidden, double v)
{
    if (!hidden)
        fprintf(fp, "%.6f", fabs(v) < 5e-7 ? 0.0 : v);
    fputc(',', fp);
}

static void put_count(FILE *fp, bool hidden, int64_t v)
{
    if (!hidden)
        fprintf(fp, "%" PRId64, v);
    fputc(',', fp);
}

static void write_priorities(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = r->periods[r->n_periods - 1].period;
    budget_row *rows = g_new0(budget_row, pl->n_burden + 1);
    for (size_t i = 0; i < pl->n_burden; i++)
        rows[i] = (budget_row){
            {framework_key(m, pl->burden[i].topic), topic_key(m, pl->burden[i].topic), NULL},
            false,
            &pl->burden[i]};
    qsort(rows, pl->n_burden, sizeof *rows, compare_rows);
    fputs("period,framework,topic,weight,learners,mean_gap,burden,suppressed\n", fp);
    for (size_t i = 0; i < pl->n_burden; i++) {
        const tna_burden *b = rows[i].data;
        put_text(fp, period);
        put_text(fp, rows[i].key[0]);
        put_text(fp, rows[i].key[1]);
        fprintf(fp, "%.3f,", b->weight);
        put_count(fp, b->hidden, b->learners);
        put_gap(fp, b->hidden, b->mean_gap);
        put_gap(fp, b->hidden, b->burden);
        fprintf(fp, "%d\n", (int)b->hidden);
    }
    g_free(rows);
}

static const char *const kind_key[] = {"1 region", "2 pool", "3 self_directed"};

static void write_budget(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_budget_plan *bp = &r->planning.budget;
    const char *period = r->periods[r->n_periods - 1].period;
    size_t n = bp->n_lines + bp->n_topics, k = 0;
    budget_row *rows = g_new0(budget_row, n + 1);
    for (size_t i = 0; i < bp->n_topics; i++) {
        const tna_budget_topic *t = &bp->topics[i];
        rows[k++] = (budget_row){
            {framework_key(m, t->topic), topic_key(m, t->topic), "0 total", "*", "*"}, true, t};
    }
    for (size_t i = 0; i < bp->n_lines; i++) {
        const tna_budget_line *l = &bp->lines[i];
        const char *kind = l->kind == TNA_BUDGET_SELF_DIRECTED ? kind_key[2]
                           : l->region == TNA_NONE             ? kind_key[1]
                                                               : kind_key[0];
        const char *medium = l->kind == TNA_BUDGET_SELF_DIRECTED ? "*"
                             : l->welsh_medium                   ? "welsh"
                                                                 : "english";
        rows[k++] = (budget_row){{framework_key(m, l->topic), topic_key(m, l->topic), kind,
                                  l->region == TNA_NONE ? "*" : m->regions[l->region].name, medium},
                                 false,
                                 l};
    }
    qsort(rows, n, sizeof *rows, compare_rows);
    fputs("period,framework,topic,line,region,medium,units,funded,learners,reached,gap,"
          "gap_closed,gap_left,cost,budget,weight,suppressed\n",
          fp);
    for (size_t i = 0; i < n; i++) {
        const budget_row *w = &rows[i];
        put_text(fp, period);
        put_text(fp, w->key[0]);
        put_text(fp, w->key[1]);
        put_text(fp, w->key[2] + 2); /* the kind without its sort digit */
        put_text(fp, w->key[3]);
        put_text(fp, w->key[4]);
        if (w->total) {
            const tna_budget_topic *t = w->data;
            bool h = t->hidden;
            fputs(",,", fp); /* units and funded are the lines' */
            put_count(fp, h, t->learners);
            put_count(fp, h, t->reached);
            put_gap(fp, h, t->gap);
            put_gap(fp, h, t->gap_closed);
            put_gap(fp, h, t->gap_left);
            if (!h)
                fprintf(fp, "%.2f", t->cost);
            fputc(',', fp);
            if (t->topic == TNA_NONE)
                fprintf(fp, "%.2f", bp->budget);
            fputc(',', fp);
            if (t->topic != TNA_NONE)
                fprintf(fp, "%.3f", t->weight);
            fprintf(fp, ",%d\n", (int)t->hidden);
            continue;
        }
        const tna_budget_line *l = w->data;
        bool h = l->hidden, places_hidden = h && l->kind != TNA_BUDGET_COHORTS;
        put_count(fp, places_hidden, l->units);
        put_count(fp, places_hidden, l->funded);
        put_count(fp, h, l->learners);
        put_count(fp, h, l->reached);
        put_gap(fp, h, l->gap);
        put_gap(fp, h, l->gap_closed);
        put_gap(fp, h, l->gap - l->gap_closed);
        if (!places_hidden)
            fprintf(fp, "%.2f", l->cost);
        fprintf(fp, ",,,%d\n", (int)l->hidden);
    }
    g_free(rows);
}

tna_status csv_write_budget(const tna_results *r, tna_outputs *out, tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    FILE *fp;
    tna_status st = csv_open(r, out, "priorities", &fp, err);
    if (st == TNA_OK)
        write_priorities(r, fp);
    if (st == TNA_OK && r->planning.budget.set) {
        st = csv_open(r, out, "budget", &fp, err);
        if (st == TNA_OK)
            write_budget(r, fp);
    }
    return st;
}
