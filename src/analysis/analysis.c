/* analysis.c - the analysis stage's entry points; see include/tna/analysis.h. */
#include <glib.h>

#include "people.h"

tna_status tna_analyse(const tna_model *model, const tna_dataset *dataset, tna_results **out,
                       tna_error *err)
{
    tna_results *r = g_new0(tna_results, 1);
    r->model = model;
    r->strings = g_string_chunk_new(4096);
    r->min_group_size = model->min_group_size;
    r->n_periods = dataset->n_periods;
    r->periods = g_new0(tna_period_figures, r->n_periods ? r->n_periods : 1);
    people *pp = g_new0(people, r->n_periods ? r->n_periods : 1);
    need *needs = NULL; /* the current period's demand tallies */
    tna_status st = TNA_OK;
    for (size_t p = 0; p < dataset->n_periods && st == TNA_OK; p++) {
        cube c;
        bool current = p + 1 == dataset->n_periods;
        r->periods[p].period = dataset->periods[p].period;
        r->periods[p].period_index = p;
        tna_dq_summarise(&dataset->periods[p], model->n_sources, r->strings, &r->periods[p]);
        tna_people_build(model, &dataset->periods[p], &pp[p]);
        tna_cube_build(model, &pp[p], current, &c);
        st = tna_groups_build(model, &c, model->min_group_size, &r->periods[p], err);
        if (current) {
            needs = c.needs;
            c.needs = NULL;
        }
        tna_cube_free(&c); /* raw tallies never leave this function */
    }
    if (st == TNA_OK && r->n_periods > 0) {
        analysis_ctx a = {model, dataset, pp, r->n_periods, needs, r};
        tna_planning_demand(&a);
        tna_planning_expectations(&a);
        tna_planning_trends(&a);
        tna_planning_barriers(&a);
        tna_planning_raters(&a);
    }
    for (size_t p = 0; p < r->n_periods; p++)
        tna_people_free(&pp[p]); /* nor do the people */
    g_free(pp);
    g_free(needs);
    if (st != TNA_OK) {
        tna_results_free(r);
        r = NULL;
    }
    *out = r;
    return st;
}

void tna_results_free(tna_results *r)
{
    if (r == NULL)
        return;
    for (size_t p = 0; p < r->n_periods; p++) {
        g_free(r->periods[p].groups);
        g_free(r->periods[p].sources);
        g_free(r->periods[p].dq);
        tna_groups_index_free(r->periods[p].index);
    }
    g_free(r->periods);
    tna_planning_free(&r->planning);
    if (r->strings)
        g_string_chunk_free(r->strings);
    g_free(r);
}
