/*
 * chart.h - the report's one small chart module: text, bars, lines, heatmaps and tiles
 * drawn with cairo and pango. Not part of the API.
 *
 * Every chart draws inside a box given in points (PDF user units, y down) and returns the
 * height it used, so the caller can flow the page. Charts never compute a figure: callers
 * hand them values and the text to print beside them, and mark a value `missing` when it
 * must not be drawn (a hidden group, or no data). A missing value gets no bar, cell or
 * point, and its `text` (the marker of why it is hidden, or a dash) is printed where it
 * would be.
 *
 * Colours come from one palette that stays readable in greyscale and for colour-blind
 * readers: series differ in lightness and in pattern (solid, hatched), heatmaps use one
 * sequential ramp whose lightness falls with the value, and every mark carries a label or
 * a legend. Text is measured with pango before it is placed: labels that do not fit are
 * wrapped or shortened with an ellipsis, never drawn over each other.
 *
 * Fonts: CHART_FONT (DejaVu Sans, from fonts-dejavu-core) is named explicitly, so the
 * output does not depend on fontconfig's default; sizes are absolute, in points. Text is
 * laid out in the pango context attached with tna_chart_set_context (the PDF renderer makes a
 * font map of its own per report and frees it afterwards), which keeps each layout it makes
 * until tna_chart_drop_layouts (a report measures a text before it draws it, in two passes).
 * Nothing else here allocates memory that outlives a call.
 */
#ifndef TNA_CHART_H
#define TNA_CHART_H

#include <cairo.h>
#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>

#define CHART_FONT       "DejaVu Sans"
#define CHART_MAX_SERIES 3

typedef struct chart_rgb {
    double r, g, b;
} chart_rgb;

/* The palette (see chart.c for the values). */
extern const chart_rgb tna_chart_ink, tna_chart_muted, tna_chart_grid, tna_chart_accent, tna_chart_panel;
extern const chart_rgb tna_chart_series[CHART_MAX_SERIES];

void tna_chart_set_rgb(cairo_t *cr, chart_rgb c);

/* ---- text ---------------------------------------------------------------------------- */

/* The pango context text on cr is laid out with (the caller keeps it alive while cr draws);
 * without one, pango's shared default font map is used. */
void tna_chart_set_context(cairo_t *cr, PangoContext *context);
/* Drops the layouts kept for the text drawn with context (they hold it): call it before the
 * last g_object_unref of the context. */
void tna_chart_drop_layouts(PangoContext *context);

typedef enum chart_align { CHART_LEFT, CHART_CENTER, CHART_RIGHT } chart_align;

enum {
    CHART_BOLD = 1,      /* bold weight */
    CHART_WRAP = 2,      /* wrap at word boundaries within the width */
    CHART_ELLIPSIZE = 4, /* one line, shortened with "..." to the width (the default
                          * without CHART_WRAP whenever a width is given) */
};

/* Draws text (UTF-8) with its top-left corner at (x, y), in the current source colour,
 * `size` points, aligned within width w (w <= 0: no width, no wrapping). With CHART_WRAP
 * and max_lines > 0, lines after max_lines are dropped and the last shown line ends with an
 * ellipsis. Returns the height drawn. */
double tna_chart_text(cairo_t *cr, const char *text, double x, double y, double w, double size,
                  int flags, chart_align align, int max_lines);

/* The size text would take (same arguments as tna_chart_text, nothing drawn). */
void tna_chart_text_size(cairo_t *cr, const char *text, double w, double size, int flags, int max_lines,
                     double *width, double *height);

/* The width of the widest word of text (where a line may break: between words, after a
 * hyphen), the least width it wraps to without breaking a word in two. */
double tna_chart_text_min_width(cairo_t *cr, const char *text, double size, int flags);

/* Text rotated 90 degrees anticlockwise (reading upwards), its baseline end at (x, y):
 * the text occupies x - height .. x horizontally and y - length .. y vertically. Lines are
 * max_len long: with CHART_WRAP, further lines go to the right of the first (up to
 * max_lines, the last ending with an ellipsis when more would be needed; their height is
 * what tna_chart_text_size gives for the same text); without, one line shortened with an
 * ellipsis. */
void tna_chart_text_up(cairo_t *cr, const char *text, double x, double y, double max_len, double size,
                   int flags, int max_lines);

/* The texts tna_chart_text and tna_chart_text_up drew on cr that pango cut short with an
 * ellipsis (a label given fewer lines or less width than it needs), in drawing order; NULL
 * when none was. Kept with cr and freed with it, so each pass of a report has its own.
 * Labels should wrap rather than be cut: tna run counts these with TNA_CUT_LABELS. */
GPtrArray *tna_chart_cut_texts(cairo_t *cr);

/* ---- number formats for axes ----------------------------------------------------------- */

typedef enum chart_format {
    CHART_FMT_DECIMAL, /* 0.5, 1.0 */
    CHART_FMT_PERCENT, /* values 0..1 shown as 0%..100% */
    CHART_FMT_COUNT,   /* 1,200 */
    CHART_FMT_MONEY,   /* £12k */
} chart_format;

/* ---- horizontal bar charts (one series: bar chart; more: grouped bars) ----------------- */

typedef struct chart_bar {
    const char *label; /* the category, left of the bars */
    double value[CHART_MAX_SERIES];
    const char *text[CHART_MAX_SERIES]; /* printed at the bar's end (or in its place) */
    bool missing[CHART_MAX_SERIES];     /* no bar: only the text is shown */
    bool range[CHART_MAX_SERIES];       /* draw an interval across the bar, lo to hi (a thin
                                           line with end ticks); the text goes after it */
    double lo[CHART_MAX_SERIES], hi[CHART_MAX_SERIES];
} chart_bar;

typedef struct chart_bars {
    const chart_bar *bars;
    size_t n_bars;
    int n_series;                               /* 1..CHART_MAX_SERIES */
    const char *series_names[CHART_MAX_SERIES]; /* legend (shown when n_series > 1) */
    chart_format format;                        /* of the axis ticks */
    double max;                                 /* axis maximum; 0: from the data */
    const char *axis_label;                     /* under the axis, may be NULL */
    double bar_height;                          /* of one bar; 0: 9 points */
    double label_width;                         /* max share of the width for labels; 0: 0.42 */
} chart_bars;

double tna_chart_hbars(cairo_t *cr, double x, double y, double w, const chart_bars *spec);
/* The height tna_chart_hbars would use, nothing drawn. */
double tna_chart_hbars_height(cairo_t *cr, double w, const chart_bars *spec);

/* ---- line charts ---------------------------------------------------------------------- */

typedef struct chart_series_line {
    const char *name;
    const double *y;         /* n_x values */
    const bool *missing;     /* n_x flags; may be NULL */
    const char *const *text; /* n_x labels printed at the points (at the foot of the plot for a
                                missing point: why it is missing); may be NULL */
} chart_series_line;

typedef struct chart_lines {
    const char *const *x_labels; /* n_x period labels */
    size_t n_x;
    const chart_series_line *series;
    size_t n_series; /* 1..CHART_MAX_SERIES */
    chart_format format;
    double min, max;          /* y axis; max <= min: from the data (min 0) */
    const char *title;        /* above the plot, may be NULL */
    const char *missing_text; /* printed at the foot of a missing point without a text of
                                 its own; may be NULL */
    bool compact;             /* small multiple: fewer ticks, smaller text */
    int title_lines;          /* the lines kept for the title, which wraps onto them (0: 2);
                                 small multiples keep the most any of them needs, so that
                                 their plots line up (tna_chart_line_title_lines) */
} chart_lines;

void tna_chart_line(cairo_t *cr, double x, double y, double w, double h, const chart_lines *spec);
/* The lines a line chart's title takes at width w, and their height. */
int tna_chart_line_title_lines(cairo_t *cr, const char *title, double w, bool compact);
double tna_chart_line_title_height(int lines, bool compact);

/* ---- heatmaps ------------------------------------------------------------------------- */

typedef enum chart_cell_state {
    CHART_CELL_VALUE,
    CHART_CELL_SUPPRESSED, /* hatched */
    CHART_CELL_EMPTY,      /* blank */
    CHART_CELL_PROTECTED,  /* dotted */
    CHART_CELL_STATES
} chart_cell_state;

typedef struct chart_heatmap {
    const char *const *row_labels;
    size_t n_rows;
    const char *const *col_labels; /* printed upwards above the columns */
    size_t n_cols;
    const double *values;       /* n_rows * n_cols, row-major */
    const unsigned char *state; /* chart_cell_state per cell */
    const char *const *text;    /* per cell: the value or marker to print */
    double min, max;            /* of the colour ramp */
    chart_format format;        /* of the legend's ends */
    const char *legend_title;
    const char *suppressed_label; /* legend entry for hatched cells */
    const char *protected_label;  /* legend entry for dotted cells */
    const char *empty_label;      /* legend entry for blank cells */
    double row_height;            /* 0: 15 points */
    double header_max;            /* longest column label, points; 0: 130 */
} chart_heatmap;

double tna_chart_heat(cairo_t *cr, double x, double y, double w, const chart_heatmap *spec);
/* The height tna_chart_heat would use (at most 13 points more), nothing drawn. */
double tna_chart_heat_height(cairo_t *cr, double w, const chart_heatmap *spec);

/* The heatmap ramp's colour for t in 0..1 (light to dark). */
chart_rgb tna_chart_ramp(double t);

/* ---- tiles and labels ----------------------------------------------------------------- */

typedef struct chart_tile {
    const char *value; /* large */
    const char *label; /* what it is */
    const char *note;  /* small, may be NULL (e.g. "Wales 0.48") */
} chart_tile;

/* A row of n tiles across width w; returns the height used. */
double tna_chart_tiles(cairo_t *cr, double x, double y, double w, const chart_tile *tiles, size_t n);
double tna_chart_tiles_height(cairo_t *cr, double w, const chart_tile *tiles, size_t n);

typedef enum chart_status_kind {
    CHART_STATUS_NONE,
    CHART_STATUS_RED,
    CHART_STATUS_AMBER,
    CHART_STATUS_GREEN
} chart_status_kind;

/* A RAG pill with its word inside (colour and word, so it survives greyscale); returns its
 * width. */
double tna_chart_status(cairo_t *cr, double x, double y, chart_status_kind kind, const char *word,
                    double size);

/* Diagonal hatching over a rectangle (the suppressed pattern). */
void tna_chart_hatch(cairo_t *cr, double x, double y, double w, double h, chart_rgb fill,
                 chart_rgb lines);
/* Dots over a rectangle (the protected pattern, told apart from hatching in greyscale). */
void tna_chart_dots(cairo_t *cr, double x, double y, double w, double h, chart_rgb fill,
                    chart_rgb dots);

/* A legend row of coloured keys (series 0..n-1) starting at (x, y); returns its height. */
double tna_chart_legend(cairo_t *cr, double x, double y, double w, const char *const *names, int n);

/* Tick text for a value in a format (into buf). */
void tna_chart_format_value(double v, chart_format f, double step, char *buf, size_t size);

#endif
