/*
 * xlsx_write.h - what the workbook writers share (the xw context, its formats and guards,
 * xlsx_write.c); not part of the API.
 *
 * tna_render_xlsx (xlsx.c) opens the workbook on a temporary path of the outputs set, builds
 * one xw context and calls the sheet writers in sheet order:
 *   tna_xlsx_summary.c   Summary (headline figures, expectations with RAG), Evaluation
 *   xlsx_groups.c    Heatmap, By authority, By role, By topic, Skills
 *   xlsx_planning.c  Demand, Commissioning, Cohorts, Mentors, Trends, Barriers, Self vs manager
 *   xlsx_budget.c    Priorities, Budget (after Cohorts; Budget only with commissioning.budget)
 *   tna_xlsx_about.c     Data quality, About
 *   xlsx_charts.c    the hidden Chart data sheet and the four native charts
 * xlsx_write.c holds the formats and the guards every cell goes through: text is made valid
 * UTF-8, text that Excel would read as an _xHHHH_ escape is escaped itself, strings are cut
 * at 32,767 characters, and a number that is not finite is written as a blank cell. A
 * hidden figure is written as its labels.h marker in grey italics ("fewer than 5" when
 * suppressed, "protected" when hidden by the secondary rule), never as a number; a group with
 * no data has no row, or a blank cell in a grid. Decimal figures are stored as their
 * six-decimal value (numbers.h), so a cell equals its CSV field and shows the PDF's digits.
 * Money formats exist only when the configuration sets the costs.
 *
 * The first libxlsxwriter error of any write is kept in xw.error; tna_render_xlsx turns it
 * into a TNA_ERR_OUTPUT after closing the workbook.
 */
#ifndef TNA_XLSX_WRITE_H
#define TNA_XLSX_WRITE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "labels.h"
#include "tna/render.h"

#define XW_ROW_LIMIT  1048576 /* Excel's rows per sheet */
#define XW_TEXT_LIMIT 32767   /* Excel's characters per cell */
#define XW_LOG_LIMIT  100000  /* data-quality entries shown; the CSV has them all */

/* One point a chart plots, kept on the Chart data sheet: a label and up to two values
 * (NAN: a blank cell, never plotted). */
typedef struct xw_point {
    const char *label;
    double v1, v2;
} xw_point;

typedef struct xw {
    lxw_workbook *wb;
    const tna_results *r;
    const tna_model *m;
    const tna_period_figures *cur;  /* the current (last) period */
    const tna_period_figures *prev; /* the one before it, or NULL */
    tna_labels *l;
    const tna_render_options *opt;
    const char *marker;  /* "fewer than 5" in the report's language */
    const char *protect; /* "protected" */
    bool costed;         /* the plan's costs are money (tna_planning.costed) */
    lxw_error error;     /* the first write error, LXW_NO_ERROR when none */

    /* formats */
    lxw_format *title, *subtitle, *note, *heading, *header, *header_num, *text, *wrap, *bold,
        *indent;
    lxw_format *integer, *left_integer, *bold_integer, *gap, *bold_gap, *percent, *bold_percent,
        *money, *bold_money, *change_gap, *change_percent, *change_integer, *number2;
    lxw_format *suppressed, *rag[4]; /* indexed by tna_rag */

    /* what the charts plot (xlsx_charts.c), written last on the hidden Chart data sheet */
    char *chart_sheet;                           /* its name */
    GArray *top_gaps, *trend, *costs, *barriers; /* of xw_point */
} xw;

/* ---- xlsx_write.c: formats and guarded cell writes ---- */
void tna_xw_formats(xw *x);
/* A sheet name made valid for Excel (31 characters, none of []:*?/\, no apostrophe at
 * either end, not blank). Caller frees with g_free(). */
char *tna_xw_valid_sheet_name(const char *name);
/* A term as a sheet name: in the report's language (with both, the first language alone
 * when the two together are too long for a tab), made valid. Caller frees with g_free(). */
char *tna_xw_sheet_name(xw *x, tna_term term);
/* Adds a worksheet named by tna_xw_sheet_name. */
lxw_worksheet *tna_xw_sheet(xw *x, tna_term term);
/* The sheet's title (row 0) and a one-line explanation (row 1). */
void tna_xw_title(xw *x, lxw_worksheet *ws, const char *title, const char *note);
/* A term of the glossary in the report's language (labels.h). */
const char *tna_xw_t(xw *x, tna_term term);
/* Text as Excel will show it: valid UTF-8, an _xHHHH_ pattern escaped as _x005F_xHHHH_, at
 * most 32,767 UTF-16 units (Excel's count). Caller frees with g_free(). */
char *tna_xw_clean(const char *text);
void tna_xw_text(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
             lxw_format *f);
void tna_xw_number(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, lxw_format *f);
void tna_xw_int(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t v, lxw_format *f);
void tna_xw_blank(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f);
/* The marker of a hidden figure: "fewer than 5" or "protected" (nothing when shown). */
void tna_xw_hidden(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, tna_hidden why);
/* "3 of 4 skills" when a shown topic group rests on fewer than all its skills, else NULL. */
const char *tna_xw_coverage(xw *x, const tna_group *g);
/* A header row: texts[0..n) from column 0, with widths (characters) when widths != NULL;
 * kinds[i] == 'n' marks a numeric column, whose header is right-aligned (kinds may be NULL
 * or shorter than n: text). The row is made tall enough for the wrapped headers. */
void tna_xw_header(xw *x, lxw_worksheet *ws, lxw_row_t row, const char *const *texts, int n,
               const double *widths, const char *kinds);
/* A column width (characters) that fits every name of a kind: 'a' authorities, 'g' regions,
 * 'p' roles, 'f' frameworks, 't' topics, 's' skills (at most 60: longer names wrap or are
 * cut at the cell's edge). */
double tna_xw_width(xw *x, char kind);
/* The lines `text` wraps to in a column `width` characters wide (a rough count). */
int tna_xw_lines(const char *text, double width);
/* Makes a row tall enough for `lines` lines of wrapped text (at most 8). */
void tna_xw_fit(xw *x, lxw_worksheet *ws, lxw_row_t row, int lines);
/* Freezes rows above `row` (and columns left of `col`), and filters the table under the
 * header at row - 1 down to last_row over columns 0..last_col. */
void tna_xw_table(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_row_t last_row,
              lxw_col_t last_col);
void tna_xw_check(xw *x, lxw_error e);
/* Whether a row of an authority and region (TNA_NONE: all) is in the workbook: every row, or
 * in a pack (options->focus) the rows of its council or region and the totals beside them. */
bool tna_xw_shows(xw *x, uint32_t authority, uint32_t region);

/* The seven figures of a group from column col: respondents, skills assessed, below target,
 * total gap, mean gap, share below target, learners needing; a hidden group shows its
 * marker in the first and leaves the rest blank (no group: all blank). bold: a total row. */
#define XW_FIGURES 7
void tna_xw_figure_headers(xw *x, const char **texts);
void tna_xw_figures(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const tna_group *g,
                bool bold);

/* "Respondents" etc. in the report's language, and the level-band header "To Working". */
const char *tna_xw_metric_name(xw *x, tna_metric metric);
lxw_format *tna_xw_metric_format(xw *x, tna_metric metric);
/* An amount as "£3,500" (rounded to pounds). Caller frees with g_free(). */
char *tna_xw_money(double v);
/* The run time as "YYYY-MM-DD HH:MM:SS UTC". Caller frees with g_free(). */
char *tna_xw_utc(int64_t t);

/* ---- the sheet writers ---- */
void tna_xlsx_summary(xw *x);
void tna_xlsx_evaluation(xw *x);
void tna_xlsx_heatmap(xw *x);
void tna_xlsx_by_authority(xw *x);
void tna_xlsx_by_role(xw *x);
void tna_xlsx_by_topic(xw *x);
void tna_xlsx_skills(xw *x);
void tna_xlsx_demand(xw *x);
void tna_xlsx_commissioning(xw *x);
void tna_xlsx_cohorts(xw *x);
/* xlsx_budget.c: Priorities, and Budget with commissioning.budget */
void tna_xlsx_priorities(xw *x);
void tna_xlsx_budget(xw *x);
/* The Welsh-medium floor and potential under the commissioning table, from row; returns
 * the row after it (xlsx_welsh.c). */
lxw_row_t tna_xlsx_welsh_medium(xw *x, lxw_worksheet *ws, lxw_row_t row);
void tna_xlsx_mentors(xw *x);
void tna_xlsx_trends(xw *x);
void tna_xlsx_barriers(xw *x);
void tna_xlsx_raters(xw *x);
void tna_xlsx_data_quality(xw *x);
void tna_xlsx_about(xw *x);

/* ---- xlsx_charts.c ---- */
/* Collects what the charts plot (only shown figures) and names the Chart data sheet. */
void tna_xlsx_chart_prepare(xw *x);
/* Writes the Chart data sheet (added last, hidden) and frees the collected points. */
void tna_xlsx_chart_data(xw *x);
/* Inserts a chart at (row, col) of ws and returns the rows it covers; each does nothing and
 * returns 0 when it has nothing to plot. */
lxw_row_t tna_xlsx_chart_top_gaps(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
lxw_row_t tna_xlsx_chart_trend(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
lxw_row_t tna_xlsx_chart_costs(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
lxw_row_t tna_xlsx_chart_barriers(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);

#endif
