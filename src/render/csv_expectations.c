/*
 * csv_expectations.c - expectations-PERIOD.csv: return on expectations, one row per
 * expectation of the configuration, in its order (docs/outputs.md).
 *
 *   id,title,metric,scope,baseline,target,actual,progress,rag,respondents,due,suppressed,note,
 *   value_PERIOD...
 *
 * scope lists the restrictions as key=value joined by ';' (authority, region, role,
 * framework, topic, skill; ids, the region by name), empty for all of Wales. Numbers are
 * %.6f; baseline, actual, progress and respondents are empty when there is none (always so
 * on a suppressed row, whose respondents are not shown either). progress 1.000000 = 100 %.
 * The analysis's "too few respondents" note is written with the threshold. Last, a column
 * per period of the run (value_2026-Q2, ...) holds the metric in that period, empty when it
 * has none or it is hidden: the points the reports chart.
 *
 * Level 4 (trained_vs_untrained, docs/method.md) adds, after the note and before the
 * periods' columns, its comparison:
 *
 *   adjusted,ci_low,ci_high,n_trained,n_untrained,start_gap_trained,start_gap_untrained
 *
 * actual is the raw difference, adjusted the estimate progress and RAG use; empty on every
 * other row, and where the comparison has no adjusted estimate or is hidden.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "labels.h"
#include "render_internal.h"

/* A number with six decimals, or an empty field when there is none. */
static void put_number(tna_csv *w, bool has, double v)
{
    if (has)
        tna_csv_number(w, v, 6);
    else
        tna_csv_blank(w, 1);
}

static void write_scope(tna_csv *w, const tna_model *m, const tna_scope *s)
{
    GString *text = g_string_new(NULL);
#define ADD(key, value)                                                        \
    do {                                                                       \
        g_string_append_printf(text, "%s%s=%s", text->len ? ";" : "", key, value); \
    } while (0)
    if (s->authority != TNA_NONE)
        ADD("authority", m->authorities[s->authority].id);
    if (s->region != TNA_NONE)
        ADD("region", m->regions[s->region].name);
    if (s->role != TNA_NONE)
        ADD("role", m->roles[s->role].id);
    if (s->framework != TNA_NONE)
        ADD("framework", m->frameworks[s->framework].id);
    if (s->topic != TNA_NONE)
        ADD("topic", m->topics[s->topic].id);
    if (s->skill != TNA_NONE)
        ADD("skill", m->skills[s->skill].id);
#undef ADD
    tna_csv_text(w, text->str);
    g_string_free(text, TRUE);
}

/* The Level 4 columns: blank on other rows, and where there is no adjusted estimate or it is
 * hidden. */
static void write_level4(tna_csv *w, const tna_expectation_result *e)
{
    if (!e->has_level4 || e->hidden) {
        tna_csv_blank(w, 7);
        return;
    }
    tna_csv_number(w, e->adjusted, 6);
    tna_csv_number(w, e->ci_low, 6);
    tna_csv_number(w, e->ci_high, 6);
    tna_csv_int(w, e->n_trained);
    tna_csv_int(w, e->n_untrained);
    tna_csv_number(w, e->start_trained, 6);
    tna_csv_number(w, e->start_untrained, 6);
}

tna_status csv_write_expectations(const tna_results *r, tna_outputs *out, tna_error *err)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    static const char *const columns[] = {
        "id",       "title", "metric",      "scope", "baseline",   "target", "actual",
        "progress", "rag",   "respondents", "due",   "suppressed", "note",   "adjusted",
        "ci_low",   "ci_high", "n_trained", "n_untrained", "start_gap_trained",
        "start_gap_untrained", NULL};
    FILE *fp;
    tna_status st = tna_csv_create(r, out, "expectations", &fp, err);
    if (st != TNA_OK)
        return st;
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    for (const char *const *c = columns; *c; c++)
        tna_csv_text(&w, *c);
    for (size_t p = 0; p < r->n_periods; p++)
        tna_csv_textf(&w, "value_%s", r->periods[p].period);
    tna_csv_end(&w);
    for (size_t i = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        const tna_expectation *x = &m->expectations[e->expectation];
        bool shown = e->has_actual && !e->hidden;
        tna_csv_text(&w, x->id);
        tna_csv_text(&w, x->title);
        tna_csv_text(&w, tna_metric_names[x->metric]);
        write_scope(&w, m, &x->scope);
        put_number(&w, e->has_baseline, e->baseline);
        put_number(&w, true, e->target);
        put_number(&w, shown, e->actual);
        put_number(&w, e->has_progress && !e->hidden, e->progress);
        tna_csv_text(&w, tna_rag_name(e->rag));
        if (shown)
            tna_csv_int(&w, e->respondents);
        else
            tna_csv_blank(&w, 1);
        tna_csv_text(&w, x->due);
        tna_csv_int(&w, e->hidden);
        /* the note in the glossary's English; too few says how few */
        if (e->note == TNA_NOTE_TOO_FEW) {
            TNA_TERM_CHECK(TERM_NOTE_TOO_FEW_N, r->min_group_size);
            tna_csv_textf(&w, tna_term_in(TERM_NOTE_TOO_FEW_N, TNA_LANG_EN), r->min_group_size);
        } else {
            tna_csv_text(&w, e->note != TNA_NOTE_NONE
                                 ? tna_term_in(tna_note_term(e->note), TNA_LANG_EN)
                                 : NULL);
        }
        write_level4(&w, e);
        for (size_t p = 0; p < r->n_periods; p++)
            put_number(&w, e->by_period && isfinite(e->by_period[p]),
                       e->by_period ? e->by_period[p] : 0);
        tna_csv_end(&w);
    }
    return TNA_OK;
}
