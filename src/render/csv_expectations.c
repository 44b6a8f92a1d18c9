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
 */
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "labels.h"
#include "render_internal.h"

/* A number, or nothing when missing; values that print as zero print without a sign. */
static void put_number(FILE *fp, bool has, double v)
{
    if (has)
        fprintf(fp, "%.6f", fabs(v) < 5e-7 ? 0.0 : v);
}

/* The same, then the comma. */
static void write_number(FILE *fp, bool has, double v)
{
    put_number(fp, has, v);
    fputc(',', fp);
}

static void write_scope(FILE *fp, const tna_model *m, const tna_scope *s)
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
    tna_csv_write_text(fp, text->str);
    g_string_free(text, TRUE);
}

tna_status csv_write_expectations(const tna_results *r, tna_outputs *out, tna_error *err)
{
    const tna_model *m = r->model;
    const tna_planning *pl = &r->planning;
    FILE *fp;
    tna_status st = csv_open(r, out, "expectations", &fp, err);
    if (st != TNA_OK)
        return st;
    fputs("id,title,metric,scope,baseline,target,actual,progress,rag,respondents,due,"
          "suppressed,note",
          fp);
    for (size_t p = 0; p < r->n_periods; p++) {
        fputs(",", fp);
        char *name = g_strdup_printf("value_%s", r->periods[p].period);
        tna_csv_write_text(fp, name);
        g_free(name);
    }
    fputc('\n', fp);
    for (size_t i = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        const tna_expectation *x = &m->expectations[e->expectation];
        tna_csv_write_text(fp, x->id);
        fputc(',', fp);
        tna_csv_write_text(fp, x->title);
        fprintf(fp, ",%s,", tna_metric_names[x->metric]);
        write_scope(fp, m, &x->scope);
        fputc(',', fp);
        write_number(fp, e->has_baseline, e->baseline);
        write_number(fp, true, e->target);
        write_number(fp, e->has_actual && !e->hidden, e->actual);
        write_number(fp, e->has_progress && !e->hidden, e->progress);
        fprintf(fp, "%s,", tna_rag_name(e->rag));
        if (e->has_actual && !e->hidden)
            fprintf(fp, "%" PRId64, e->respondents);
        fputc(',', fp);
        tna_csv_write_text(fp, x->due ? x->due : "");
        fprintf(fp, ",%d,", (int)e->hidden);
        /* the note in the glossary's English; too few says how few */
        if (e->note == TNA_NOTE_TOO_FEW) {
            TNA_TERM_CHECK(TERM_NOTE_TOO_FEW_N, r->min_group_size);
            char *note =
                g_strdup_printf(tna_term_in(TERM_NOTE_TOO_FEW_N, TNA_LANG_EN), r->min_group_size);
            tna_csv_write_text(fp, note);
            g_free(note);
        } else if (e->note != TNA_NOTE_NONE) {
            tna_csv_write_text(fp, tna_term_in(tna_note_term(e->note), TNA_LANG_EN));
        }
        for (size_t p = 0; p < r->n_periods; p++) {
            fputc(',', fp);
            put_number(fp, e->by_period && isfinite(e->by_period[p]),
                       e->by_period ? e->by_period[p] : 0);
        }
        fputc('\n', fp);
    }
    return TNA_OK;
}
