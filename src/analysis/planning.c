/*
 * planning.c - trends, and the parts of planning.h every planning file shares.
 *
 * Trends need no new figures: they point at the privacy-safe groups of each period (Wales,
 * each authority, each topic), so a suppressed group stays suppressed in every period it
 * appears in, and a change is only computed by a renderer between two shown values.
 */
#include <glib.h>
#include <math.h>

#include "people.h"

const char *tna_rag_name(tna_rag rag)
{
    switch (rag) {
    case TNA_RAG_GREEN: return "green";
    case TNA_RAG_AMBER: return "amber";
    case TNA_RAG_RED: return "red";
    case TNA_RAG_NONE: break;
    }
    return "";
}

static void add_trend(const analysis_ctx *a, GArray *rows, tna_set set, uint32_t authority,
                      uint32_t topic)
{
    tna_trend t = {authority, topic, g_new0(const tna_group *, a->n_periods)};
    for (size_t p = 0; p < a->n_periods; p++)
        t.by_period[p] =
            tna_results_find(&a->results->periods[p], set,
                             (tna_dims){.authority = tna_is(authority), .topic = tna_is(topic)});
    g_array_append_val(rows, t);
}

void planning_trends(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_trend));
    add_trend(a, rows, TNA_SET_ALL, TNA_NONE, TNA_NONE);
    for (uint32_t i = 0; i < m->n_authorities; i++)
        add_trend(a, rows, TNA_SET_AUTHORITY, i, TNA_NONE);
    for (uint32_t t = 0; t < m->n_topics; t++)
        add_trend(a, rows, TNA_SET_TOPIC, TNA_NONE, t);
    a->results->planning.n_trends = rows->len;
    a->results->planning.trends = (tna_trend *)g_array_free(rows, FALSE);
}

void planning_free(tna_planning *p)
{
    g_free(p->demand);
    g_free(p->cohorts);
    g_free(p->totals);
    g_free(p->regions);
    g_free(p->mentors);
    for (size_t i = 0; i < p->n_expectations; i++)
        g_free(p->expectations[i].by_period);
    g_free(p->expectations);
    for (size_t i = 0; i < p->n_trends; i++)
        g_free((void *)p->trends[i].by_period);
    g_free(p->trends);
    g_free(p->barriers);
    g_free(p->raters);
    g_free(p->burden);
    g_free(p->budget.lines);
    g_free(p->budget.topics);
}
