/*
 * pdf_page.h - what the PDF report's files share; not part of the API.
 *
 * pdf.c owns the document: the stream surface, metadata, pages and their furniture
 * (running header, footer with "page N of M"), the outline, and the stack of structure
 * tags, whose begin and end must match exactly (cairo silently drops the whole structure
 * tree otherwise; a mismatch here fails the render instead). The report is laid out twice:
 * a first pass to a discarding stream learns on which page each section and authority
 * starts and how many pages there are; the second pass writes the file with those numbers
 * in the contents, the footers and the links.
 *
 * pdf_text.c flows text and tables down the page (headings, paragraphs, notes, tables with
 * TR/TH/TD tags that break across pages with their header repeated) and formats numbers.
 * The pages themselves: pdf_front.c (cover, contents, executive summary), pdf_gaps.c (gaps,
 * heatmap, raters, trends), pdf_plan.c (commissioning, Welsh-medium and mentors,
 * evaluation, barriers), pdf_budget.c (what the budget buys), pdf_authority.c (a page per authority) and pdf_appendix.c
 * (method and data quality). Charts come from chart.c.
 *
 * Privacy: pages read only the privacy-safe results. A hidden group or row is drawn as its
 * marker, never as a number, bar or colour: a suppressed one as d->marker ("fewer than 5",
 * or d->marker_short "<5" in a cell too small for it), a protected one as d->protect
 * ("protected", or "†"); a group with no data shows a dash. Tables and heatmaps that show a
 * short marker, or the protected one, carry its key. Helpers below (pdf_group_*,
 * tna_pdf_hidden) return the markers themselves.
 *
 * Numbers: every decimal figure is shown rounded half away from zero from its six-decimal
 * value, the value the CSVs write (tna_round_shown, numbers.h), so a printed figure is
 * always its CSV value at the shown precision.
 *
 * Memory: strings made with tna_pdf_str() live in d->strings until the render ends.
 */
#ifndef TNA_PDF_PAGE_H
#define TNA_PDF_PAGE_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "chart.h"
#include "labels.h"
#include "tna/render.h"

/* A4 portrait in points, and the text block. */
#define PDF_W         595.276
#define PDF_H         841.89
#define PDF_LEFT      50.0
#define PDF_RIGHT     (PDF_W - 50.0)
#define PDF_TOP       62.0
#define PDF_BOTTOM    (PDF_H - 58.0)
#define PDF_WIDTH     (PDF_RIGHT - PDF_LEFT)
#define PDF_TAG_DEPTH 16

typedef enum pdf_section {
    PDF_SEC_COVER,
    PDF_SEC_CONTENTS,
    PDF_SEC_SUMMARY,
    PDF_SEC_GAPS,
    PDF_SEC_TRENDS,
    PDF_SEC_COMMISSIONING,
    PDF_SEC_BUDGET, /* only with commissioning.budget (tna_pdf_has_budget) */
    PDF_SEC_EVALUATION,
    PDF_SEC_BARRIERS,
    PDF_SEC_AUTHORITIES,
    PDF_SEC_APPENDIX,
    PDF_SEC_COUNT
} pdf_section;

typedef struct pdf_doc {
    const tna_results *res;
    const tna_model *m;
    const tna_render_options *opt;
    tna_labels *l;
    const tna_period_figures *cur; /* the current (last) period */
    cairo_surface_t *surface;
    cairo_t *cr;
    bool final;  /* false: the layout pass, its bytes are discarded */
    int page;    /* the page being drawn, 1-based; 0 before the first */
    int n_pages; /* from the layout pass (0 during it) */
    int section_page[PDF_SEC_COUNT];
    int *authority_page;     /* per model authority */
    int outline_authorities; /* outline id of the "Authorities" entry */
    double y;                /* where the next block goes */
    const char *tags[PDF_TAG_DEPTH];
    int n_tags;
    bool tag_error;
    const char *marker;        /* "fewer than 5": a suppressed figure */
    const char *marker_short;  /* "<5" */
    const char *protect;       /* "protected": a figure hidden by the secondary rule */
    const char *protect_short; /* "†" */
    const char *running_title; /* for the page header */
    GStringChunk *strings;
    PangoContext *pango; /* text layout, on a font map of the report's own */
    bool shortened;      /* a table cell showed marker_short */
    bool protect_shown;  /* a table cell showed protect or protect_short */
    bool costed;         /* the plan's costs are money (tna_planning.costed) */
    GPtrArray *cut;      /* the labels the final pass cut short (tna_chart_cut_texts) */
} pdf_doc;

/* ---- pdf.c: pages, structure, outline ---------------------------------------------------- */

/* Ends the current page (if any) and starts the next, with header and footer; y = top. */
void tna_pdf_page_begin(pdf_doc *d);
/* Starts a section on a new page: records its page, adds its bookmark under `parent`
 * (0: top level), draws its H1 heading. Returns the outline id. */
int tna_pdf_section_begin(pdf_doc *d, pdf_section s, const char *title);
/* The same for a section of about h points: on the current page when it fits there (h 0:
 * always a new page). */
int tna_pdf_section_begin_within(pdf_doc *d, pdf_section s, const char *title, double h);
/* A bookmark to the current page at the cursor; returns its id. */
int tna_pdf_outline_here(pdf_doc *d, int parent, const char *title);
/* Structure tags (Document, H1, H2, P, Table, TR, TH, TD, Figure, L, LI, Link ...). */
void tna_pdf_tag_begin(pdf_doc *d, const char *tag, const char *attributes);
void tna_pdf_tag_end(pdf_doc *d, const char *tag);
/* True (after starting a new page) when h points do not fit below the cursor. */
bool tna_pdf_need(pdf_doc *d, double h);
/* tna_pdf_need for a block that may be taller than a page: keeps what fits together. */
void tna_pdf_keep(pdf_doc *d, double h);
/* A string that lives as long as the render. */
const char *tna_pdf_str(pdf_doc *d, const char *fmt, ...) TNA_PRINTF(2, 3);
/* A term of the glossary in the report's language (labels.h). */
const char *tna_pdf_t(pdf_doc *d, tna_term term);
/* A term with printf arguments, checked by the compiler against both languages' formats:
 * each is formatted with the same arguments, then one is picked or both joined. The term
 * must be written as its TERM_ name. Never pass tna_pdf_t's result to a printf. */
#define pdf_tf(d, term, ...) tna_label_termf((d)->l, term, __VA_ARGS__)
/* A term formatted in one language, for sentences whose arguments are words too (each
 * language's words go into its own sentence; then tna_pdf_pair). Checked like pdf_tf. */
#define pdf_in(d, language, term, ...)                                                             \
    (TNA_TERM_CHECK(term, __VA_ARGS__), tna_pdf_str(d, tna_term_in(term, language), __VA_ARGS__))
/* Two finished texts, one per language, picked or joined for the report. */
const char *tna_pdf_pair(pdf_doc *d, const char *en, const char *cy);

/* ---- pdf_text.c: flowing text and tables --------------------------------------------------- */

void tna_pdf_h2(pdf_doc *d, const char *text);
/* A paragraph across the text block (or width w from x when w > 0). */
void tna_pdf_para(pdf_doc *d, const char *text);
void tna_pdf_note(pdf_doc *d, const char *text); /* small, muted */
double tna_pdf_note_height(pdf_doc *d, const char *text); /* the room tna_pdf_note takes */
/* Tagged paragraph at a fixed place; returns its height. */
double tna_pdf_text_at(pdf_doc *d, const char *text, double x, double y, double w, double size,
                   int flags);

typedef enum pdf_cell {
    PDF_CELL_TEXT,
    PDF_CELL_MUTED, /* markers and notes */
    PDF_CELL_BOLD,
    PDF_CELL_RAG_NONE, /* a status pill: the cell's text is its word */
    PDF_CELL_RAG_RED,
    PDF_CELL_RAG_AMBER,
    PDF_CELL_RAG_GREEN,
} pdf_cell;

typedef struct pdf_table {
    size_t n_cols, n_rows;
    const char *const *head;   /* n_cols */
    const double *width;       /* n_cols, in points (the last takes what is left when 0) */
    const chart_align *align;  /* n_cols; NULL: numbers right, first column left */
    const char *const *cells;  /* n_rows * n_cols */
    const unsigned char *kind; /* pdf_cell per cell; may be NULL */
    double size;               /* text size; 0: 8. Every cell wraps: a label is never cut */
} pdf_table;

/* Draws a table at the cursor, breaking pages between rows (header repeated). */
void tna_pdf_table_draw(pdf_doc *d, const pdf_table *t);
/* The height tna_pdf_table_draw would use on one page (its trailing space included). */
double tna_pdf_table_height(pdf_doc *d, const pdf_table *t);

/* "<5: suppressed (fewer than 5 respondents)": the key to marker_short. */
const char *tna_pdf_suppressed_key(pdf_doc *d);
/* "protected: hidden so that ...": the key to the protected marker. */
const char *tna_pdf_protected_key(pdf_doc *d);
/* The marker of a hidden figure (d->marker or d->protect; "" when shown), and its short
 * form ("<5" or "†"). */
const char *tna_pdf_hidden(pdf_doc *d, tna_hidden why);
const char *tna_pdf_hidden_short(pdf_doc *d, tna_hidden why);
/* "based on 3 of 4 skills" when a shown group rests on fewer than all its skills, else NULL;
 * tna_pdf_coverage_short gives "3 of 4 skills". */
const char *tna_pdf_coverage(pdf_doc *d, const tna_group *g);
const char *tna_pdf_coverage_short(pdf_doc *d, const tna_group *g);

/* A heatmap at the cursor under an H2 title (may be NULL), its rows split over pages when
 * it is taller than a page (each part with its column labels and legend). */
void tna_pdf_heatmap(pdf_doc *d, const char *title, const chart_heatmap *spec, double w);

/* A figure: Figure tag around a chart drawn by the caller between begin and end. */
void tna_pdf_figure_begin(pdf_doc *d);
void tna_pdf_figure_end(pdf_doc *d);

/* ---- pdf_budget.c: the "What £X buys" section ---- */

/* Whether the report has the section: commissioning.budget is set, and it is not a pack. */
bool tna_pdf_has_budget(const pdf_doc *d);
/* The section, after commissioning; nothing without a budget. */
void tna_pdf_budget_section(pdf_doc *d);

/* ---- formats ----------------------------------------------------------------------------- */

const char *tna_pdf_gap(pdf_doc *d, double v);                       /* 0.73 */
const char *tna_pdf_share(pdf_doc *d, double v);                     /* 45% */
const char *tna_pdf_decimal(pdf_doc *d, double v, int decimals); /* 12 or 3.5 */
const char *tna_pdf_count(pdf_doc *d, int64_t v);                    /* 1,713 */
const char *tna_pdf_money(pdf_doc *d, double v);                     /* £12,500 */
/* A count with its noun in one language: "1 cohort", "3 cohorts", "3 carfan". The terms
 * one and many take the count as their one conversion (%s). */
#define pdf_counted(d, language, n, one, many)                                                     \
    (TNA_TERM_CHECK(one, ""), TNA_TERM_CHECK(many, ""),                                            \
     tna_pdf_counted_in(d, language, n, one, many))
const char *tna_pdf_counted_in(pdf_doc *d, tna_language language, int64_t n, tna_term one,
                               tna_term many);
const char *tna_pdf_cohorts(pdf_doc *d, int64_t n); /* "1 cohort" / "3 carfan" */
const char *tna_pdf_signed(pdf_doc *d, double v);   /* +0.05 / −0.05 */
/* A group's figure, or its marker when it is hidden, or "–" when absent (no data). */
const char *tna_pdf_group_gap(pdf_doc *d, const tna_group *g);
const char *tna_pdf_group_share(pdf_doc *d, const tna_group *g);
const char *tna_pdf_group_count(pdf_doc *d, const tna_group *g, int64_t v);
/* A group's 95% interval as printed, "0.61–0.67" (mean gap) or "41–47%" (share below), from
 * its CSV values (mean_gap_low ..., groups-PERIOD.csv); NULL when hidden or without one. */
const char *tna_pdf_gap_range(pdf_doc *d, const tna_group *g);
const char *tna_pdf_share_range(pdf_doc *d, const tna_group *g);
/* Two shown groups' mean gaps are within noise of each other when their intervals overlap;
 * tna_pdf_holds: the interval of g's mean gap holds v, tna_pdf_share_holds that of its share
 * below target (both at their six-decimal values). */
bool tna_pdf_within_noise(const tna_group *a, const tna_group *b);
bool tna_pdf_holds(const tna_group *g, double v);
bool tna_pdf_share_holds(const tna_group *g, double v);
/* Short names for tight places: "Isle of Anglesey" for "Isle of Anglesey County Council". */
const char *tna_pdf_short_authority(pdf_doc *d, uint32_t authority);
const char *tna_pdf_date(pdf_doc *d, int64_t t); /* "23 November 2026" in the language */
/* An expectation's metric value as its metric reads (45%, 0.73, 1,200, 3.80 / 5, +0.05). */
const char *tna_pdf_metric_value(pdf_doc *d, tna_metric metric, double v);
/* "green" / "gwyrdd" ... and the table cell kind of a RAG status. */
const char *tna_pdf_rag_word(pdf_doc *d, tna_rag rag);
pdf_cell tna_pdf_rag_cell(tna_rag rag);

/* ---- the pages ----------------------------------------------------------------------------- */

/* cover, contents, executive summary; a pack's cover alone */
void tna_pdf_pages_front(pdf_doc *d);
void tna_pdf_pages_summary(pdf_doc *d); /* the executive summary */
/* Whether an expectation's row is in the report: every one, or in a pack those scoped to its
 * council or region or to Wales as a whole. */
bool tna_pdf_expectation_shown(pdf_doc *d, const tna_expectation *x);
void tna_pdf_pages_gaps(pdf_doc *d);  /* gaps and trends */
void tna_pdf_pages_plan(pdf_doc *d);  /* commissioning, evaluation, barriers */
void tna_pdf_pages_authorities(pdf_doc *d);
/* Whether an authority gets a page: its own figures are shown (pdf_authority.c). */
bool tna_pdf_authority_has_page(pdf_doc *d, uint32_t authority);
void tna_pdf_pages_appendix(pdf_doc *d);

/* Section titles (also used by the contents; pdf_text.c). */
const char *tna_pdf_section_title(pdf_doc *d, pdf_section s);

#endif
