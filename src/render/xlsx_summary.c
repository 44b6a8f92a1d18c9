/*
 * tna_xlsx_summary.c - the Summary and Evaluation sheets.
 *
 * Summary: the title, the headline figures for all Wales in the current period beside the
 * previous one (respondents, skills assessed, mean gap, share below target, learners
 * needing training), the top-gaps chart, and every expectation of the configuration with
 * baseline, target, actual, progress and its RAG status as a coloured cell, then the
 * metric in each period of the run.
 *
 * Evaluation: the expectations measured from course evaluations and trends, by Kirkpatrick
 * level (L1 satisfaction, L2 learning uplift, L3 applied at work, L4 trained versus
 * untrained), with the respondents behind each; a level no expectation measures says so.
 *
 * Both read results->planning.expectations, which may be empty.
 */
#include <math.h>
#include <string.h>

#include "xlsx_write.h"

static const char *rag_text(xw *x, tna_rag rag)
{
    switch (rag) {
    case TNA_RAG_GREEN:
        return tna_xw_t(x, TERM_RAG_GREEN);
    case TNA_RAG_AMBER:
        return tna_xw_t(x, TERM_RAG_AMBER);
    case TNA_RAG_RED:
        return tna_xw_t(x, TERM_RAG_RED);
    case TNA_RAG_NONE:
        break;
    }
    return "";
}

/* "Framework: User research; Role: User researcher", or "All Wales". Caller frees. */
static char *scope_text(xw *x, const tna_scope *s)
{
    GString *g = g_string_new(NULL);
    struct {
        uint32_t index;
        tna_term name;
        const char *(*label)(tna_labels *, uint32_t);
    } parts[] = {
        {s->authority, TERM_AUTHORITY, tna_label_authority},
        {s->region, TERM_REGION, tna_label_region},
        {s->role, TERM_ROLE, tna_label_role},
        {s->framework, TERM_FRAMEWORK, tna_label_framework},
        {s->topic, TERM_TOPIC, tna_label_topic},
        {s->skill, TERM_SKILL, tna_label_skill},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(parts); i++) {
        if (parts[i].index == TNA_NONE)
            continue;
        g_string_append_printf(g, "%s%s: %s", g->len ? "; " : "", tna_xw_t(x, parts[i].name),
                               parts[i].label(x->l, parts[i].index));
    }
    if (g->len == 0)
        g_string_append(g, tna_label_wales(x->l));
    return g_string_free(g, FALSE);
}

/* Baseline, target, actual, progress, status, respondents from column col; the note (if
 * any) in note_col, `width` wide. Returns the lines the note wraps to. */
static int expectation_cells(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const tna_expectation_result *er, lxw_col_t note_col, double width)
{
    const tna_expectation *ex = &x->m->expectations[er->expectation];
    lxw_format *f = tna_xw_metric_format(x, ex->metric);
    if (er->has_baseline)
        tna_xw_number(x, ws, row, col, er->baseline, f);
    tna_xw_number(x, ws, row, col + 1, er->target, f);
    if (er->hidden)
        tna_xw_hidden(x, ws, row, col + 2, er->hidden);
    else if (er->has_actual)
        tna_xw_number(x, ws, row, col + 2, er->actual, f);
    if (!er->hidden && er->has_progress)
        tna_xw_number(x, ws, row, col + 3, er->progress, x->percent);
    if (!er->hidden && er->rag != TNA_RAG_NONE)
        tna_xw_text(x, ws, row, col + 4, rag_text(x, er->rag), x->rag[er->rag]);
    if (!er->hidden && er->has_actual) /* as the CSV: no figure, no count behind it */
        tna_xw_int(x, ws, row, col + 5, er->respondents, x->integer);
    const char *note = er->note == TNA_NOTE_NONE ? NULL : tna_xw_t(x, tna_note_term(er->note));
    if (ex->metric == TNA_METRIC_SHARE_AT_TARGET) { /* per person, and says so beside it */
        char *text[2];
        for (int k = 0; k < 2; k++) {
            tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
            const char *define = tna_term_in(TERM_DEFINE_SHARE_AT_TARGET, lang);
            text[k] =
                note ? g_strdup_printf("%s; %s", tna_term_in(tna_note_term(er->note), lang), define)
                     : g_strdup(define);
        }
        note = tna_label_pair_made(x->l, text[0], text[1]);
    }
    if (note == NULL)
        return 1;
    tna_xw_text(x, ws, row, note_col, note, x->wrap);
    return tna_xw_lines(note, width);
}

/* Column widths of the Summary: the expectations table's, which the headline shares. */
static const double summary_widths[] = {46, 24, 30, 10, 12, 11, 13, 11, 10, 12};

static void headline(xw *x, lxw_worksheet *ws, lxw_row_t row)
{
    const char *head[4] = {tna_label_wales(x->l), x->cur->period, x->prev ? x->prev->period : "",
                           tna_xw_t(x, TERM_CHANGE)};
    int n = x->prev ? 4 : 2;
    tna_xw_header(x, ws, row, head, n, NULL, "tnnn");
    int lines = 1;
    for (int i = 0; i < n; i++)
        lines = MAX(lines, tna_xw_lines(head[i], summary_widths[i]));
    tna_xw_fit(x, ws, row, lines);
    const tna_group *g[2] = {tna_results_find(x->cur, TNA_SET_ALL, TNA_DIMS_ALL),
                             x->prev ? tna_results_find(x->prev, TNA_SET_ALL, TNA_DIMS_ALL) : NULL};
    const char *names[XW_FIGURES];
    tna_xw_figure_headers(x, names);
    static const int shown[] = {0, 1, 4, 5, 6}; /* which of the seven figures */
    for (size_t i = 0; i < G_N_ELEMENTS(shown); i++) {
        lxw_row_t r = row + 1 + (lxw_row_t)i;
        int k = shown[i];
        tna_xw_text(x, ws, r, 0, names[k], x->bold);
        double v[2] = {NAN, NAN};
        for (int p = 0; p < (x->prev ? 2 : 1); p++) {
            if (g[p] == NULL)
                continue;
            if (g[p]->hidden) {
                tna_xw_hidden(x, ws, r, (lxw_col_t)(1 + p), g[p]->hidden);
                continue;
            }
            v[p] = k == 0   ? (double)g[p]->respondents
                   : k == 1 ? (double)g[p]->assessed
                   : k == 4 ? g[p]->mean_gap
                   : k == 5 ? g[p]->share_below
                            : (double)g[p]->learners_needing;
            lxw_format *f = k == 4 ? x->gap : k == 5 ? x->percent : x->integer;
            tna_xw_number(x, ws, r, (lxw_col_t)(1 + p), v[p], f);
        }
        if (x->prev && isfinite(v[0]) && isfinite(v[1]))
            tna_xw_number(x, ws, r, 3, v[0] - v[1],
                      k == 4   ? x->change_gap
                      : k == 5 ? x->change_percent
                               : x->change_integer);
    }
}

void tna_xlsx_summary(xw *x)
{
    const tna_model *m = x->m;
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_SUMMARY);
    const char *note =
        tna_label_termf(x->l, TERM_SUMMARY_NOTE, x->cur->period, tna_label_wales_lower(x->l),
                        x->marker, x->r->min_group_size, x->protect);
    tna_xw_title(x, ws, tna_label_title(x->l), note);
    worksheet_freeze_panes(ws, 2, 0);

    headline(x, ws, 3);
    lxw_row_t chart = tna_xlsx_chart_top_gaps(x, ws, 3, 5);
    lxw_row_t row = 3 + (chart > 7 ? chart : 7) + 1;
    tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_RETURN_ON_EXPECTATIONS), x->heading);
    const char *head[64];
    int n = 0;
    head[n++] = tna_xw_t(x, TERM_EXPECTATION);
    head[n++] = tna_xw_t(x, TERM_METRIC);
    head[n++] = tna_xw_t(x, TERM_SCOPE);
    head[n++] = tna_xw_t(x, TERM_DUE);
    head[n++] = tna_xw_t(x, TERM_BASELINE);
    head[n++] = tna_xw_t(x, TERM_TARGET);
    head[n++] = tna_xw_t(x, TERM_ACTUAL);
    head[n++] = tna_xw_t(x, TERM_PROGRESS);
    head[n++] = tna_xw_t(x, TERM_STATUS);
    head[n++] = tna_xw_t(x, TERM_RESPONDENTS);
    int fixed = n; /* then the metric in each period, then the note */
    for (size_t p = 0; p < x->r->n_periods && n < 63; p++)
        head[n++] = x->r->periods[p].period;
    head[n++] = tna_xw_t(x, TERM_NOTE);
    double widths[64];
    memcpy(widths, summary_widths, sizeof summary_widths);
    for (int r = TNA_RAG_RED; r <= TNA_RAG_GREEN; r++) /* Status fits "Green / Gwyrdd" */
        widths[8] = MAX(widths[8], g_utf8_strlen(rag_text(x, (tna_rag)r), -1) * 1.15 + 2);
    char kinds[65] = "ttttnnnntn";
    for (int i = fixed; i < n; i++)
        widths[i] = 11, kinds[i] = 'n';
    widths[n - 1] = 40, kinds[n - 1] = 't', kinds[n] = '\0';
    tna_xw_header(x, ws, row, head, n, widths, kinds);
    lxw_row_t first = ++row;
    for (size_t i = 0; i < pl->n_expectations; i++, row++) {
        const tna_expectation_result *er = &pl->expectations[i];
        const tna_expectation *ex = &m->expectations[er->expectation];
        if (!tna_xw_shows(x, ex->scope.authority, ex->scope.region)) {
            row--; /* a pack shows the expectations of its place and of Wales: undo the step */
            continue;
        }
        const char *title = tna_label_expectation(x->l, er->expectation);
        const char *metric = tna_xw_metric_name(x, ex->metric);
        char *scope = scope_text(x, &ex->scope);
        tna_xw_text(x, ws, row, 0, title, x->wrap);
        tna_xw_text(x, ws, row, 1, metric, x->wrap);
        tna_xw_text(x, ws, row, 2, scope, x->wrap);
        tna_xw_text(x, ws, row, 3, ex->due ? ex->due : "", x->text);
        int lines = expectation_cells(x, ws, row, 4, er, (lxw_col_t)(n - 1), widths[n - 1]);
        for (size_t p = 0; er->by_period && p < x->r->n_periods && fixed + (int)p < n - 1; p++)
            tna_xw_number(x, ws, row, (lxw_col_t)(fixed + p), er->by_period[p],
                      tna_xw_metric_format(x, ex->metric));
        int need[] = {tna_xw_lines(title, widths[0]), tna_xw_lines(metric, widths[1]),
                      tna_xw_lines(scope, widths[2])};
        for (size_t k = 0; k < G_N_ELEMENTS(need); k++)
            lines = need[k] > lines ? need[k] : lines;
        tna_xw_fit(x, ws, row, lines);
        g_free(scope);
    }
    if (pl->n_expectations == 0)
        tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_NO_EXPECTATIONS_CONFIGURED), x->note);
    tna_xw_check(x, worksheet_autofilter(ws, first - 1, 0, row - 1, (lxw_col_t)(n - 1)));
    worksheet_activate(ws);
}

/* Level 4's detail from column 10 (expectations-PERIOD.csv's adjusted, ci_low, ci_high,
 * n_trained, n_untrained, start_gap_trained, start_gap_untrained): the estimate adjusted for
 * the starting gap that the status uses, its 95% interval, and who was compared. Blank on
 * other rows, on a hidden row and without the estimate (docs/method.md, "Level 4"). */
static void level4(xw *x, lxw_worksheet *ws, lxw_row_t row, const tna_expectation_result *er)
{
    if (er->hidden || !er->has_level4)
        return;
    lxw_format *f = tna_xw_metric_format(x, TNA_METRIC_TRAINED_VS_UNTRAINED);
    tna_xw_number(x, ws, row, 10, er->adjusted, f);
    tna_xw_number(x, ws, row, 11, er->ci_low, f);
    tna_xw_number(x, ws, row, 12, er->ci_high, f);
    tna_xw_int(x, ws, row, 13, er->n_trained, x->integer);
    tna_xw_int(x, ws, row, 14, er->n_untrained, x->integer);
    tna_xw_number(x, ws, row, 15, er->start_trained, x->gap);
    tna_xw_number(x, ws, row, 16, er->start_untrained, x->gap);
}

void tna_xlsx_evaluation(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_EVALUATION);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_SECTION_EVALUATION), tna_xw_t(x, TERM_EVALUATION_NOTE));
    const char *head[] = {tna_xw_t(x, TERM_LEVEL),       tna_xw_t(x, TERM_WHAT_IT_SHOWS),
                          tna_xw_t(x, TERM_EXPECTATION), tna_xw_t(x, TERM_BASELINE),
                          tna_xw_t(x, TERM_TARGET),      tna_xw_t(x, TERM_ACTUAL),
                          tna_xw_t(x, TERM_PROGRESS),    tna_xw_t(x, TERM_STATUS),
                          tna_xw_t(x, TERM_RESPONDENTS), tna_xw_t(x, TERM_NOTE),
                          tna_xw_t(x, TERM_ADJUSTED_FOR_START), tna_xw_t(x, TERM_INTERVAL_95_FROM),
                          tna_xw_t(x, TERM_INTERVAL_95_TO), tna_xw_t(x, TERM_TRAINED_COMPARED),
                          tna_xw_t(x, TERM_UNTRAINED_COMPARED), tna_xw_t(x, TERM_START_GAP_TRAINED),
                          tna_xw_t(x, TERM_START_GAP_UNTRAINED)};
    double widths[] = {16, 44, 46, 12, 11, 13, 11, 10, 12, 36, 14, 12, 12, 12, 12, 12, 12};
    for (int r = TNA_RAG_RED; r <= TNA_RAG_GREEN; r++)
        widths[7] = MAX(widths[7], g_utf8_strlen(rag_text(x, (tna_rag)r), -1) * 1.15 + 2);
    tna_xw_header(x, ws, 3, head, 17, widths, "tttnnnntntnnnnnnn");
    static const struct {
        tna_metric metric;
        tna_term level, what;
    } levels[] = {
        {TNA_METRIC_SATISFACTION, TERM_LEVEL1_LABEL, TERM_LEVEL1_WHAT},
        {TNA_METRIC_LEARNING_UPLIFT, TERM_LEVEL2_LABEL, TERM_LEVEL2_WHAT},
        {TNA_METRIC_APPLIED_RATE, TERM_LEVEL3_LABEL, TERM_LEVEL3_WHAT},
        {TNA_METRIC_TRAINED_VS_UNTRAINED, TERM_LEVEL4_LABEL, TERM_LEVEL4_WHAT},
    };
    lxw_row_t row = 4;
    for (size_t k = 0; k < G_N_ELEMENTS(levels); k++) {
        bool any = false;
        for (size_t i = 0; i <= pl->n_expectations; i++) {
            const tna_expectation_result *er = i < pl->n_expectations ? &pl->expectations[i] : NULL;
            if (er && x->m->expectations[er->expectation].metric != levels[k].metric)
                continue;
            if (!er && any)
                break;
            const char *what = tna_xw_t(x, levels[k].what);
            tna_xw_text(x, ws, row, 0, tna_xw_t(x, levels[k].level), x->bold);
            tna_xw_text(x, ws, row, 1, what, x->wrap);
            int lines = tna_xw_lines(what, widths[1]);
            if (er) {
                const char *title = tna_label_expectation(x->l, er->expectation);
                tna_xw_text(x, ws, row, 2, title, x->wrap);
                int more = expectation_cells(x, ws, row, 3, er, 9, widths[9]);
                lines = more > lines ? more : lines;
                more = tna_xw_lines(title, widths[2]);
                lines = more > lines ? more : lines;
                level4(x, ws, row, er);
                any = true;
            } else {
                const char *none = tna_xw_t(x, TERM_LEVEL_NOT_MEASURED);
                tna_xw_text(x, ws, row, 9, none, x->wrap);
                int more = tna_xw_lines(none, widths[9]);
                lines = more > lines ? more : lines;
            }
            tna_xw_fit(x, ws, row, lines);
            row++;
        }
    }
    tna_xw_table(x, ws, 4, 0, row - 1, 16);
}
