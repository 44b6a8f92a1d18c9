/*
 * csv_planning.c - the planning outputs as CSV (docs/outputs.md describes every column):
 *
 *   demand-PERIOD.csv         learners per topic for Wales, each region and each authority
 *   commissioning-PERIOD.csv  cohorts per topic, region and medium, pools, totals, costs
 *   mentors-PERIOD.csv        experts beside learners per topic, for Wales and each region
 *   trends-PERIOD.csv         headline figures of Wales, each authority and each topic in
 *                             every period of the run, with the change since the previous
 *   barriers-PERIOD.csv       share of respondents citing each barrier, by authority
 *   raters-PERIOD.csv         mean self-minus-manager difference by topic and authority
 *
 * Conventions are the summary's: a header row, ids in key columns (regions by name, as they
 * have no id), '*' for everything, rows sorted by the key columns in byte order ('*' first),
 * counts as integers, shares and means with six decimals, costs with two. A hidden row has
 * its figures empty and `suppressed` = 1 (fewer than min_group_size respondents) or 2
 * (protected: hidden so that such a figure cannot be worked out); in the commissioning plan
 * only the learner counts (and the costs that would reveal them) are withheld, as cohorts
 * are planned for every learner. Costs are empty when the configuration does not set them.
 * The figures come privacy-safe from the analysis; this file only formats.
 */
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "render_internal.h"

/* A row to sort: up to six key strings (NULL ends them), then a number, then the data. */
typedef struct row {
    const char *key[6];
    size_t tail;
    const void *data;
} row;

static int compare_rows(const void *x, const void *y)
{
    const row *a = x, *b = y;
    for (int i = 0; i < 6 && (a->key[i] || b->key[i]); i++) {
        int c = strcmp(a->key[i] ? a->key[i] : "", b->key[i] ? b->key[i] : "");
        if (c)
            return c;
    }
    return a->tail < b->tail ? -1 : a->tail > b->tail;
}

static const char *authority_id(const tna_model *m, uint32_t a)
{
    return a == TNA_NONE ? "*" : m->authorities[a].id;
}

static const char *region_name(const tna_model *m, uint32_t r)
{
    return r == TNA_NONE ? "*" : m->regions[r].name;
}

static const char *topic_id(const tna_model *m, uint32_t t)
{
    return t == TNA_NONE ? "*" : m->topics[t].id;
}

static const char *framework_id(const tna_model *m, uint32_t t)
{
    return t == TNA_NONE ? "*" : m->frameworks[m->topics[t].framework].id;
}

/* Writes the key fields of a row, each followed by a comma. */
static void put_keys(FILE *fp, const char *const *keys, int n)
{
    for (int i = 0; i < n; i++) {
        tna_csv_write_text(fp, keys[i]);
        fputc(',', fp);
    }
}

static void put_int(FILE *fp, int64_t v)
{
    fprintf(fp, "%" PRId64 ",", v);
}

/* A change with six decimals, never "-0.000000". */
static void put_change(FILE *fp, double v, const char *after)
{
    fprintf(fp, "%.6f%s", fabs(v) < 5e-7 ? 0.0 : v, after);
}

static const tna_period_figures *current(const tna_results *r)
{
    return &r->periods[r->n_periods - 1];
}

/* ---------------------------------------------------------------------------------------- */

static void write_demand(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = current(r)->period;
    row *rows = g_new0(row, pl->n_demand + 1);
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *d = &pl->demand[i];
        rows[i] = (row){{framework_id(m, d->topic), topic_id(m, d->topic),
                         region_name(m, d->region), authority_id(m, d->authority), NULL},
                        0, d};
    }
    qsort(rows, pl->n_demand, sizeof(row), compare_rows);
    fputs("period,framework,topic,region,authority,respondents,learners,self_directed,cohort,"
          "to_awareness,to_working,to_practitioner,to_expert,welsh,english,either,unstated,"
          "suppressed\n",
          fp);
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *d = rows[i].data;
        tna_csv_write_text(fp, period);
        fputc(',', fp);
        put_keys(fp, rows[i].key, 4);
        if (d->hidden) {
            fprintf(fp, ",,,,,,,,,,,,%d\n", (int)d->hidden);
            continue;
        }
        tna_set set = d->authority != TNA_NONE ? TNA_SET_AUTHORITY_TOPIC
                      : d->region != TNA_NONE  ? TNA_SET_REGION_TOPIC
                                               : TNA_SET_TOPIC;
        const tna_group *g = tna_results_find(current(r), set,
                                              (tna_dims){.authority = tna_is(d->authority),
                                                         .region = tna_is(d->region),
                                                         .topic = tna_is(d->topic)});
        put_int(fp, g != NULL ? g->respondents : 0);
        put_int(fp, d->learners);
        put_int(fp, d->self_directed);
        put_int(fp, d->cohort);
        for (int b = 1; b < TNA_BANDS; b++)
            put_int(fp, d->band[b]);
        put_int(fp, d->welsh);
        put_int(fp, d->english);
        put_int(fp, d->either);
        put_int(fp, d->unstated);
        fputs("0\n", fp);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

/* The kinds of commissioning row, in the order they sort within a topic. */
static const char *const line_rank[] = {"0", "1", "2"};
enum { LINE_TOTAL, LINE_REGION, LINE_POOL };
enum { ROW_LINE, ROW_TOTAL, ROW_REGION_SUM }; /* what a row's data is */

/* A cost with two decimals and its comma, or only the comma without costs. */
static void put_cost(FILE *fp, bool costed, double v)
{
    if (costed)
        fprintf(fp, "%.2f", v);
    fputc(',', fp);
}

static void write_commissioning(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = current(r)->period;
    bool costed = pl->costed;
    size_t n = pl->n_cohorts + pl->n_totals + pl->n_regions;
    row *rows = g_new0(row, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_cohorts; i++) {
        const tna_cohort_plan *c = &pl->cohorts[i];
        int kind = c->region == TNA_NONE ? LINE_POOL : LINE_REGION;
        rows[k++] = (row){{framework_id(m, c->topic), topic_id(m, c->topic), line_rank[kind],
                           region_name(m, c->region), c->welsh_medium ? "welsh" : "english",
                           NULL},
                          ROW_LINE, c};
    }
    for (size_t i = 0; i < pl->n_totals; i++) {
        const tna_commissioning_total *t = &pl->totals[i];
        rows[k++] = (row){{framework_id(m, t->topic), topic_id(m, t->topic),
                           line_rank[LINE_TOTAL], "*", "*", NULL},
                          ROW_TOTAL, t};
    }
    for (size_t i = 0; i < pl->n_regions; i++) { /* every topic: after the plan's total */
        const tna_region_plan *g = &pl->regions[i];
        int kind = g->region == TNA_NONE ? LINE_POOL : LINE_REGION;
        rows[k++] = (row){{"*", "*", line_rank[kind], region_name(m, g->region), "*", NULL},
                          ROW_REGION_SUM, g};
    }
    qsort(rows, n, sizeof(row), compare_rows);
    fputs("period,framework,topic,line,region,medium,cohort_learners,self_directed,cohorts,"
          "welsh_medium_cohorts,cohorts_alone,cost,cost_alone,saving,suppressed\n",
          fp);
    for (size_t i = 0; i < n; i++) {
        const row *w = &rows[i];
        tna_csv_write_text(fp, period);
        fputc(',', fp);
        put_keys(fp, w->key, 2);
        if (w->tail == ROW_TOTAL) {
            const tna_commissioning_total *t = w->data;
            fputs("total,*,*,", fp);
            if (t->hidden) {
                fputs(",,", fp);
            } else {
                put_int(fp, t->cohort_learners);
                put_int(fp, t->self_directed);
            }
            put_int(fp, t->cohorts);
            put_int(fp, t->welsh_medium_cohorts);
            put_int(fp, t->cohorts_alone);
            put_cost(fp, costed && !t->hidden, t->cost);
            put_cost(fp, costed && !t->hidden, t->cost_alone);
            put_cost(fp, costed, t->saving);
            fprintf(fp, "%d\n", (int)t->hidden);
            continue;
        }
        bool pool = w->key[2] == line_rank[LINE_POOL];
        fputs(pool ? "pool," : "region,", fp);
        put_keys(fp, &w->key[3], 2);
        tna_hidden hidden;
        int64_t learners, cohorts;
        double cost;
        if (w->tail == ROW_LINE) {
            const tna_cohort_plan *c = w->data;
            hidden = c->hidden, learners = c->learners, cohorts = c->cohorts, cost = c->cost;
        } else {
            const tna_region_plan *g = w->data;
            hidden = g->hidden, learners = g->learners, cohorts = g->cohorts, cost = g->cost;
        }
        if (hidden)
            fputc(',', fp);
        else
            put_int(fp, learners);
        fprintf(fp, ",%" PRId64 ",", cohorts);
        if (w->tail == ROW_REGION_SUM)
            put_int(fp, ((const tna_region_plan *)w->data)->welsh_medium_cohorts);
        else
            fputc(',', fp);
        fputc(',', fp); /* cohorts_alone */
        put_cost(fp, costed, cost);
        fprintf(fp, ",,%d\n", (int)hidden);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

static void write_mentors(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = current(r)->period;
    row *rows = g_new0(row, pl->n_mentors + 1);
    for (size_t i = 0; i < pl->n_mentors; i++) {
        const tna_mentors *x = &pl->mentors[i];
        rows[i] = (row){{framework_id(m, x->topic), topic_id(m, x->topic),
                         region_name(m, x->region), NULL},
                        0, x};
    }
    qsort(rows, pl->n_mentors, sizeof(row), compare_rows);
    fputs("period,framework,topic,region,respondents,experts,learners,learners_per_expert,"
          "suppressed\n",
          fp);
    for (size_t i = 0; i < pl->n_mentors; i++) {
        const tna_mentors *x = rows[i].data;
        tna_csv_write_text(fp, period);
        fputc(',', fp);
        put_keys(fp, rows[i].key, 3);
        if (x->hidden) {
            fprintf(fp, ",,,,%d\n", (int)x->hidden);
            continue;
        }
        fprintf(fp, "%" PRId64 ",%" PRId64 ",%" PRId64 ",", x->respondents, x->experts,
                x->learners);
        if (x->experts > 0) /* none: no ratio to give */
            fprintf(fp, "%.6f", (double)x->learners / (double)x->experts);
        fputs(",0\n", fp);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

/* A trend's group in period p when it can be compared: present and shown. */
static const tna_group *shown(const tna_trend *t, size_t p)
{
    const tna_group *g = t->by_period[p];
    return g != NULL && !g->hidden ? g : NULL;
}

static void write_trends(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    size_t np = r->n_periods, n = pl->n_trends * np;
    row *rows = g_new0(row, n + 1);
    for (size_t i = 0; i < pl->n_trends; i++)
        for (size_t p = 0; p < np; p++) {
            const tna_trend *t = &pl->trends[i];
            rows[i * np + p] = (row){{authority_id(m, t->authority), topic_id(m, t->topic), NULL},
                                     p, t};
        }
    qsort(rows, n, sizeof(row), compare_rows);
    fputs("period,authority,topic,respondents,assessed,below_target,gap_sum,mean_gap,"
          "share_below,learners_needing,suppressed,change_mean_gap,change_share_below,"
          "change_learners\n",
          fp);
    for (size_t i = 0; i < n; i++) {
        const tna_trend *t = rows[i].data;
        size_t p = rows[i].tail;
        const tna_group *g = t->by_period[p];
        tna_csv_write_text(fp, r->periods[p].period);
        fputc(',', fp);
        put_keys(fp, rows[i].key, 2);
        if (g == NULL) {
            fputs("0,0,0,0,,,0,0,,,\n", fp); /* nobody in this period */
            continue;
        }
        if (g->hidden) {
            fprintf(fp, ",,,,,,,%d,,,\n", (int)g->hidden);
            continue;
        }
        fprintf(fp, "%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%.6f,%.6f,%" PRId64 ",0,",
                g->respondents, g->assessed, g->below_target, g->gap_sum, g->mean_gap,
                g->share_below, g->learners_needing);
        const tna_group *before = p > 0 ? shown(t, p - 1) : NULL;
        if (before == NULL) {
            fputs(",,\n", fp);
        } else {
            put_change(fp, g->mean_gap - before->mean_gap, ",");
            put_change(fp, g->share_below - before->share_below, ",");
            fprintf(fp, "%" PRId64 "\n", g->learners_needing - before->learners_needing);
        }
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

static void write_barriers(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = current(r)->period;
    row *rows = g_new0(row, pl->n_barriers + 1);
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        rows[i] = (row){{m->barriers[b->barrier].id, authority_id(m, b->authority), NULL}, 0, b};
    }
    qsort(rows, pl->n_barriers, sizeof(row), compare_rows);
    fputs("period,barrier,authority,respondents,citing,share,suppressed\n", fp);
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = rows[i].data;
        tna_csv_write_text(fp, period);
        fputc(',', fp);
        put_keys(fp, rows[i].key, 2);
        if (b->hidden)
            fprintf(fp, ",,,%d\n", (int)b->hidden);
        else
            fprintf(fp, "%" PRId64 ",%" PRId64 ",%.6f,0\n", b->respondents, b->citing, b->share);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

static void write_raters(const tna_results *r, FILE *fp)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    const char *period = current(r)->period;
    row *rows = g_new0(row, pl->n_raters + 1);
    for (size_t i = 0; i < pl->n_raters; i++) {
        const tna_rater_gap *g = &pl->raters[i];
        rows[i] = (row){{framework_id(m, g->topic), topic_id(m, g->topic),
                         authority_id(m, g->authority), NULL},
                        0, g};
    }
    qsort(rows, pl->n_raters, sizeof(row), compare_rows);
    fputs("period,framework,topic,authority,respondents,pairs,mean_difference,suppressed\n", fp);
    for (size_t i = 0; i < pl->n_raters; i++) {
        const tna_rater_gap *g = rows[i].data;
        tna_csv_write_text(fp, period);
        fputc(',', fp);
        put_keys(fp, rows[i].key, 3);
        if (g->hidden)
            fprintf(fp, ",,,%d\n", (int)g->hidden);
        else
            fprintf(fp, "%" PRId64 ",%" PRId64 ",%.6f,0\n", g->respondents, g->pairs,
                    g->mean_difference);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

tna_status csv_write_planning(const tna_results *r, tna_outputs *out, tna_error *err)
{
    static const struct {
        const char *stem;
        void (*write)(const tna_results *, FILE *);
    } files[] = {
        {"demand", write_demand},   {"commissioning", write_commissioning},
        {"mentors", write_mentors}, {"trends", write_trends},
        {"barriers", write_barriers}, {"raters", write_raters},
    };
    if (r->n_periods == 0)
        return TNA_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        FILE *fp;
        tna_status st = csv_open(r, out, files[i].stem, &fp, err);
        if (st != TNA_OK)
            return st;
        files[i].write(r, fp);
    }
    return TNA_OK;
}
