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

/* The period, then the first n key fields of a row. */
static void put_keys(tna_csv *w, const char *period, const char *const *keys, int n)
{
    tna_csv_text(w, period);
    for (int i = 0; i < n; i++)
        tna_csv_text(w, keys[i]);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,framework,topic,region,authority,respondents,learners,"
                       "self_directed,cohort,to_awareness,to_working,to_practitioner,to_expert,"
                       "welsh,english,either,unstated,suppressed");
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *d = rows[i].data;
        put_keys(&w, period, rows[i].key, 4);
        if (d->hidden) {
            tna_csv_blank_until(&w, "suppressed");
            tna_csv_int(&w, d->hidden);
            tna_csv_end(&w);
            continue;
        }
        tna_set set = d->authority != TNA_NONE ? TNA_SET_AUTHORITY_TOPIC
                      : d->region != TNA_NONE  ? TNA_SET_REGION_TOPIC
                                               : TNA_SET_TOPIC;
        const tna_group *g = tna_results_find(current(r), set,
                                              (tna_dims){.authority = tna_is(d->authority),
                                                         .region = tna_is(d->region),
                                                         .topic = tna_is(d->topic)});
        tna_csv_int(&w, g != NULL ? g->respondents : 0);
        tna_csv_int(&w, d->learners);
        tna_csv_int(&w, d->self_directed);
        tna_csv_int(&w, d->cohort);
        for (int b = 1; b < TNA_BANDS; b++)
            tna_csv_int(&w, d->band[b]);
        tna_csv_int(&w, d->welsh);
        tna_csv_int(&w, d->english);
        tna_csv_int(&w, d->either);
        tna_csv_int(&w, d->unstated);
        tna_csv_int(&w, 0);
        tna_csv_end(&w);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

/* The kinds of commissioning row, in the order they sort within a topic. */
static const char *const line_rank[] = {"0", "1", "2"};
enum { LINE_TOTAL, LINE_REGION, LINE_POOL };
enum { ROW_LINE, ROW_TOTAL, ROW_REGION_SUM }; /* what a row's data is */

/* A cost with two decimals, or an empty field without costs. */
static void put_cost(tna_csv *w, bool costed, double v)
{
    if (costed)
        tna_csv_number(w, v, 2);
    else
        tna_csv_blank(w, 1);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,framework,topic,line,region,medium,cohort_learners,self_directed,"
                       "cohorts,welsh_medium_cohorts,cohorts_alone,cost,cost_alone,saving,"
                       "suppressed,places,places_alone,cost_per_learner,online,cost_suppressed,"
                       "welsh_learners_floor,welsh_learners_potential,welsh_cohorts_floor,"
                       "welsh_cohorts_potential,welsh_elearning_floor,welsh_elearning_potential,"
                       "welsh_elearning_cost");
    for (size_t i = 0; i < n; i++) {
        const row *x = &rows[i];
        put_keys(&w, period, x->key, 2);
        if (x->tail == ROW_TOTAL) {
            const tna_commissioning_total *t = x->data;
            tna_csv_text(&w, "total");
            tna_csv_text(&w, "*");
            tna_csv_text(&w, "*");
            if (t->hidden) {
                tna_csv_blank_until(&w, "cohorts");
            } else {
                tna_csv_int(&w, t->cohort_learners);
                tna_csv_int(&w, t->self_directed);
            }
            tna_csv_int(&w, t->cohorts);
            tna_csv_int(&w, t->welsh_medium_cohorts);
            tna_csv_int(&w, t->cohorts_alone);
            bool money = costed && !t->plan_protected;
            put_cost(&w, money && !t->hidden, t->cost);
            put_cost(&w, money && !t->hidden, t->cost_alone);
            put_cost(&w, money, t->saving);
            tna_csv_int(&w, t->hidden);
            if (!t->plan_protected) { /* places are learners: hidden with them */
                tna_csv_int(&w, t->places);
                tna_csv_int(&w, t->places_alone);
            } else {
                tna_csv_blank(&w, 2);
            }
            tna_csv_blank(&w, 2); /* cost_per_learner, online: lines only */
            tna_csv_int(&w, t->plan_protected ? (int)TNA_PROTECTED : 0);
            /* Welsh-medium floor and potential: learners hidden with the total's */
            for (int pot = 0; pot < 2; pot++)
                if (t->hidden)
                    tna_csv_blank(&w, 1);
                else
                    tna_csv_int(&w, t->welsh_learners[pot]);
            tna_csv_int(&w, t->welsh_cohorts[0]);
            tna_csv_int(&w, t->welsh_cohorts[1]);
            for (int pot = 0; pot < 2; pot++)
                if (t->hidden)
                    tna_csv_blank(&w, 1);
                else
                    tna_csv_int(&w, t->welsh_elearning[pot]);
            put_cost(&w, costed && !t->hidden, t->welsh_elearning_cost);
            tna_csv_end(&w);
            continue;
        }
        bool pool = x->key[2] == line_rank[LINE_POOL];
        tna_csv_text(&w, pool ? "pool" : "region");
        tna_csv_text(&w, x->key[3]);
        tna_csv_text(&w, x->key[4]);
        tna_hidden hidden;
        int64_t learners, cohorts, places;
        double cost;
        bool cost_hidden;
        const tna_cohort_plan *line = NULL;
        if (x->tail == ROW_LINE) {
            const tna_cohort_plan *c = line = x->data;
            hidden = c->hidden, learners = c->learners, cohorts = c->cohorts, cost = c->cost;
            places = c->places;
            cost_hidden = hidden && cohorts == 0; /* a hidden line of places */
        } else {
            const tna_region_plan *g = x->data;
            hidden = g->hidden, learners = g->learners, cohorts = g->cohorts, cost = g->cost;
            places = g->places, cost_hidden = g->cost_hidden;
        }
        if (hidden)
            tna_csv_blank(&w, 1);
        else
            tna_csv_int(&w, learners);
        tna_csv_blank(&w, 1); /* self_directed: on the total row only */
        tna_csv_int(&w, cohorts);
        if (x->tail == ROW_REGION_SUM)
            tna_csv_int(&w, ((const tna_region_plan *)x->data)->welsh_medium_cohorts);
        else
            tna_csv_blank(&w, 1);
        tna_csv_blank(&w, 1); /* cohorts_alone */
        put_cost(&w, costed && !cost_hidden, cost);
        tna_csv_blank_until(&w, "suppressed");
        tna_csv_int(&w, hidden);
        if (hidden)
            tna_csv_blank(&w, 1);
        else
            tna_csv_int(&w, places);
        tna_csv_blank(&w, 1); /* places_alone: totals only */
        put_cost(&w, line != NULL && !hidden && costed, line ? line->cost_per_learner : 0);
        if (line != NULL && pool)
            tna_csv_int(&w, line->online ? 1 : 0);
        else
            tna_csv_blank(&w, 1);
        tna_csv_blank(&w, 8); /* cost_suppressed and the Welsh-medium figures: totals only */
        tna_csv_end(&w);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,framework,topic,region,respondents,experts,learners,"
                       "learners_per_expert,suppressed");
    for (size_t i = 0; i < pl->n_mentors; i++) {
        const tna_mentors *x = rows[i].data;
        put_keys(&w, period, rows[i].key, 3);
        if (x->hidden) {
            tna_csv_blank_until(&w, "suppressed");
            tna_csv_int(&w, x->hidden);
            tna_csv_end(&w);
            continue;
        }
        tna_csv_int(&w, x->respondents);
        tna_csv_int(&w, x->experts);
        tna_csv_int(&w, x->learners);
        if (x->experts > 0) /* none: no ratio to give */
            tna_csv_number(&w, (double)x->learners / (double)x->experts, 6);
        else
            tna_csv_blank(&w, 1);
        tna_csv_int(&w, 0);
        tna_csv_end(&w);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,authority,topic,respondents,assessed,below_target,gap_sum,"
                       "mean_gap,share_below,learners_needing,suppressed,change_mean_gap,"
                       "change_share_below,change_learners");
    for (size_t i = 0; i < n; i++) {
        const tna_trend *t = rows[i].data;
        size_t p = rows[i].tail;
        const tna_group *g = t->by_period[p];
        put_keys(&w, r->periods[p].period, rows[i].key, 2);
        const tna_group *before = p > 0 ? shown(t, p - 1) : NULL;
        if (g == NULL) { /* nobody in this period: counts of zero, no means */
            for (int k = 0; k < 4; k++)
                tna_csv_int(&w, 0);
            tna_csv_blank(&w, 2); /* mean_gap, share_below */
            tna_csv_int(&w, 0);   /* learners_needing */
            tna_csv_int(&w, 0);   /* suppressed */
        } else if (g->hidden) {
            tna_csv_blank_until(&w, "suppressed");
            tna_csv_int(&w, g->hidden);
        } else {
            tna_csv_int(&w, g->respondents);
            tna_csv_int(&w, g->assessed);
            tna_csv_int(&w, g->below_target);
            tna_csv_int(&w, g->gap_sum);
            tna_csv_number(&w, g->mean_gap, 6);
            tna_csv_number(&w, g->share_below, 6);
            tna_csv_int(&w, g->learners_needing);
            tna_csv_int(&w, 0);
        }
        if (g != NULL && !g->hidden && before != NULL) {
            tna_csv_number(&w, g->mean_gap - before->mean_gap, 6);
            tna_csv_number(&w, g->share_below - before->share_below, 6);
            tna_csv_int(&w, g->learners_needing - before->learners_needing);
        } else {
            tna_csv_blank_until(&w, NULL);
        }
        tna_csv_end(&w);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,barrier,authority,respondents,citing,share,suppressed");
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = rows[i].data;
        put_keys(&w, period, rows[i].key, 2);
        if (b->hidden) {
            tna_csv_blank_until(&w, "suppressed");
        } else {
            tna_csv_int(&w, b->respondents);
            tna_csv_int(&w, b->citing);
            tna_csv_number(&w, b->share, 6);
        }
        tna_csv_int(&w, b->hidden);
        tna_csv_end(&w);
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
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "period,framework,topic,authority,respondents,pairs,mean_difference,"
                       "suppressed");
    for (size_t i = 0; i < pl->n_raters; i++) {
        const tna_rater_gap *g = rows[i].data;
        put_keys(&w, period, rows[i].key, 3);
        if (g->hidden) {
            tna_csv_blank_until(&w, "suppressed");
        } else {
            tna_csv_int(&w, g->respondents);
            tna_csv_int(&w, g->pairs);
            tna_csv_number(&w, g->mean_difference, 6);
        }
        tna_csv_int(&w, g->hidden);
        tna_csv_end(&w);
    }
    g_free(rows);
}

/* ---------------------------------------------------------------------------------------- */

tna_status tna_csv_write_planning(const tna_results *r, tna_outputs *out, tna_error *err)
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
        tna_status st = tna_csv_create(r, out, files[i].stem, &fp, err);
        if (st != TNA_OK)
            return st;
        files[i].write(r, fp);
    }
    return TNA_OK;
}
