/*
 * analysis.c - the analysis stage's entry points; see include/tna/analysis.h.
 *
 * Two steps, so that a run over raw answers and a merge of councils' counts files cannot
 * drift apart: tally() turns each period's resolved people into raw additive tallies
 * (people.h, period_tallies), and figures() turns tallies into the privacy-safe
 * results. tna_analyse() does both; tna_analyse_tallies() does the second alone, on tallies
 * summed from counts files (counts.c).
 */
#include <glib.h>
#include <string.h>

#include "people.h"

void tna_period_tallies_alloc(const tna_model *m, bool current, period_tallies *t)
{
    size_t na = m->n_authorities, nb = m->n_barriers;
    t->sources = g_new0(tna_source_read, m->n_sources + 1);
    t->expect = g_new0(expect_tally, m->n_expectations + 1);
    if (!current)
        return;
    t->barrier_base = g_new0(int64_t, na + 1);
    t->barrier_citing = g_new0(int64_t, na * nb + 1);
}

tna_tallies *tna_tallies_new(const tna_model *m, size_t n_periods)
{
    tna_tallies *t = g_new0(tna_tallies, 1);
    t->model = m;
    t->n_periods = n_periods;
    t->periods = g_new0(period_tallies, n_periods + 1);
    t->strings = g_string_chunk_new(4096);
    return t;
}

void tna_tallies_free(tna_tallies *t)
{
    if (t == NULL)
        return;
    for (size_t p = 0; p < t->n_periods; p++) {
        period_tallies *pt = &t->periods[p];
        tna_cube_free(&pt->cube);
        g_free(pt->sources);
        g_free(pt->dq);
        g_free(pt->expect);
        g_free(pt->barrier_base);
        g_free(pt->barrier_citing);
        g_free(pt->raters);
    }
    g_free(t->periods);
    g_string_chunk_free(t->strings);
    g_free(t);
}

/* The results of tallies: groups and suppression per period, then the planning. dataset
 * and pp (the resolved people of each period) are given in a run over raw answers and NULL
 * in a merge. */
static tna_status figures(const tna_model *model, const tna_tallies *t, const tna_dataset *dataset,
                          const people *pp, tna_results **out, tna_error *err)
{
    tna_results *r = g_new0(tna_results, 1);
    r->model = model;
    r->strings = g_string_chunk_new(4096);
    r->min_group_size = model->min_group_size;
    r->n_periods = t->n_periods;
    r->periods = g_new0(tna_period_figures, r->n_periods ? r->n_periods : 1);
    tna_status st = TNA_OK;
    for (size_t p = 0; p < t->n_periods && st == TNA_OK; p++) {
        const period_tallies *pt = &t->periods[p];
        tna_period_figures *f = &r->periods[p];
        f->period = g_string_chunk_insert_const(r->strings, pt->period);
        f->period_index = p;
        f->n_sources = model->n_sources;
        f->sources = g_new0(tna_source_read, model->n_sources + 1); /* (one past: never empty) */
        memcpy(f->sources, pt->sources, sizeof(tna_source_read) * model->n_sources);
        for (size_t s = 0; s < model->n_sources; s++)
            if (f->sources[s].path)
                f->sources[s].path = g_string_chunk_insert_const(r->strings, f->sources[s].path);
        f->n_dq = pt->n_dq;
        f->n_dq_entries = pt->n_dq_entries;
        f->dq = g_new0(tna_dq_count, pt->n_dq + 1); /* the tallies hold n_dq, no more */
        if (pt->n_dq > 0)
            memcpy(f->dq, pt->dq, sizeof(tna_dq_count) * pt->n_dq);
        for (size_t i = 0; i < pt->n_dq; i++) {
            f->dq[i].file = g_string_chunk_insert_const(r->strings, f->dq[i].file);
            if (f->dq[i].detail)
                f->dq[i].detail = g_string_chunk_insert_const(r->strings, f->dq[i].detail);
        }
        st = tna_groups_build(model, &pt->cube, model->min_group_size, f, err);
    }
    if (st == TNA_OK && r->n_periods > 0) {
        analysis_ctx a = {model, t, dataset, pp, r->n_periods,
                          t->periods[t->n_periods - 1].cube.needs, r};
        tna_planning_demand(&a);
        tna_planning_expectations(&a);
        tna_planning_trends(&a);
        tna_planning_barriers(&a);
        tna_planning_raters(&a);
    }
    if (st != TNA_OK) {
        tna_results_free(r);
        r = NULL;
    }
    *out = r;
    return st;
}

tna_status tna_analyse_counted(const tna_model *model, const tna_dataset *dataset,
                               tna_tallies **tallies, tna_results **out, tna_error *err)
{
    size_t np = dataset->n_periods;
    tna_tallies *t = tna_tallies_new(model, np);
    people *pp = g_new0(people, np ? np : 1);
    for (size_t p = 0; p < np; p++) {
        bool current = p + 1 == np;
        period_tallies *pt = &t->periods[p];
        pt->period = g_string_chunk_insert_const(t->strings, dataset->periods[p].period);
        tna_period_tallies_alloc(model, current, pt);
        tna_dq_summarise(&dataset->periods[p], model->n_sources, t->strings, pt);
        tna_people_build(model, &dataset->periods[p], &pp[p]);
        tna_cube_build(model, &pp[p], current, &pt->cube);
        if (current) {
            tna_barriers_tally(model, &pp[p], pt);
            tna_raters_tally(model, &pp[p], pt);
        }
    }
    tna_expectations_tally(model, dataset, pp, t);
    tna_status st = figures(model, t, dataset, pp, out, err);
    for (size_t p = 0; p < np; p++)
        tna_people_free(&pp[p]); /* the people never leave this function */
    g_free(pp);
    if (tallies != NULL && st == TNA_OK)
        *tallies = t;
    else
        tna_tallies_free(t); /* nor, unless asked for, do the raw tallies */
    return st;
}

tna_status tna_analyse(const tna_model *model, const tna_dataset *dataset, tna_results **out,
                       tna_error *err)
{
    return tna_analyse_counted(model, dataset, NULL, out, err);
}

tna_status tna_analyse_tallies(const tna_model *model, const tna_tallies *tallies,
                               tna_results **out, tna_error *err)
{
    return figures(model, tallies, NULL, NULL, out, err);
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
