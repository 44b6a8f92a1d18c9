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

/* A figure, or blank when hidden. */
static void put_gap(tna_csv *w, bool hidden, double v)
{
    if (hidden)
        tna_csv_blank(w, 1);
    else
        tna_csv_number(w, v, 6);
}

static void put_count(tna_csv *w, bool hidden, int64_t v)
{
    if (hidden)
        tna_csv_blank(w, 1);
    else
        tna_csv_int(w, v);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,framework,topic,weight,learners,mean_gap,burden,suppressed");
    for (size_t i = 0; i < pl->n_burden; i++) {
        const tna_burden *b = rows[i].data;
        tna_csv_text(&w, period);
        tna_csv_text(&w, rows[i].key[0]);
        tna_csv_text(&w, rows[i].key[1]);
        tna_csv_number(&w, b->weight, 3);
        put_count(&w, b->hidden, b->learners);
        put_gap(&w, b->hidden, b->mean_gap);
        put_gap(&w, b->hidden, b->burden);
        tna_csv_int(&w, b->hidden);
        tna_csv_end(&w);
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
    tna_csv out = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&out, "period,framework,topic,line,region,medium,units,funded,learners,"
                         "reached,gap,gap_closed,gap_left,cost,budget,weight,suppressed");
    for (size_t i = 0; i < n; i++) {
        const budget_row *w = &rows[i];
        tna_csv_text(&out, period);
        tna_csv_text(&out, w->key[0]);
        tna_csv_text(&out, w->key[1]);
        tna_csv_text(&out, w->key[2] + 2); /* the kind without its sort digit */
        tna_csv_text(&out, w->key[3]);
        tna_csv_text(&out, w->key[4]);
        if (w->total) {
            const tna_budget_topic *t = w->data;
            bool h = t->hidden;
            tna_csv_blank(&out, 2); /* units and funded are the lines' */
            put_count(&out, h, t->learners);
            put_count(&out, h, t->reached);
            put_gap(&out, h, t->gap);
            put_gap(&out, h, t->gap_closed);
            put_gap(&out, h, t->gap_left);
            if (h)
                tna_csv_blank(&out, 1);
            else
                tna_csv_number(&out, t->cost, 2);
            if (t->topic == TNA_NONE)
                tna_csv_number(&out, bp->budget, 2);
            else
                tna_csv_blank(&out, 1);
            if (t->topic != TNA_NONE)
                tna_csv_number(&out, t->weight, 3);
            else
                tna_csv_blank(&out, 1);
            tna_csv_int(&out, t->hidden);
            tna_csv_end(&out);
            continue;
        }
        const tna_budget_line *l = w->data;
        bool h = l->hidden, places_hidden = h && l->kind != TNA_BUDGET_COHORTS;
        put_count(&out, places_hidden, l->units);
        put_count(&out, places_hidden, l->funded);
        put_count(&out, h, l->learners);
        put_count(&out, h, l->reached);
        put_gap(&out, h, l->gap);
        put_gap(&out, h, l->gap_closed);
        put_gap(&out, h, l->gap - l->gap_closed);
        if (places_hidden)
            tna_csv_blank(&out, 1);
        else
            tna_csv_number(&out, l->cost, 2);
        tna_csv_blank(&out, 2); /* budget and weight: the totals' */
        tna_csv_int(&out, l->hidden);
        tna_csv_end(&out);
    }
    g_free(rows);
}

tna_status csv_write_budget(const tna_results *r, tna_outputs *out, tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    FILE *fp;
    tna_status st = tna_csv_create(r, out, "priorities", &fp, err);
    if (st == TNA_OK)
        write_priorities(r, fp);
    if (st == TNA_OK && r->planning.budget.set) {
        st = tna_csv_create(r, out, "budget", &fp, err);
        if (st == TNA_OK)
            write_budget(r, fp);
    }
    return st;
}
