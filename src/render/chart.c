/*
 * chart.c - text, bars, lines, heatmaps and tiles for the PDF report; see chart.h.
 *
 * Design notes. All text goes through pango (shaping, Welsh letters, wrapping, ellipses)
 * with DejaVu Sans named explicitly and absolute sizes in points. Every chart measures its
 * labels first and gives them the room they need (up to a share of the width), so the
 * plotting area is what is left; labels that still do not fit are wrapped or shortened,
 * never overprinted. Series are told apart by lightness and pattern as well as hue (dark
 * solid blue, light hatched orange, mid cross-hatched sky blue): they stay apart on a
 * greyscale printer and for the common colour-vision deficiencies. The heatmap ramp is
 * ColorBrewer's YlOrBr, whose lightness falls steadily with the value. Text and number
 * formats are in tna_chart_text.c.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const chart_rgb tna_chart_ink = {0.10, 0.10, 0.12};
const chart_rgb tna_chart_muted = {0.36, 0.36, 0.40};
const chart_rgb tna_chart_grid = {0.85, 0.85, 0.87};
const chart_rgb tna_chart_accent = {0.05, 0.30, 0.55};
const chart_rgb tna_chart_panel = {0.93, 0.95, 0.97};
const chart_rgb tna_chart_series[CHART_MAX_SERIES] = {
    {0.09, 0.33, 0.58}, /* dark blue, solid */
    {0.94, 0.64, 0.22}, /* light orange, hatched */
    {0.45, 0.70, 0.87}, /* sky blue, cross-hatched */
};
static const chart_rgb hatch_ink = {0.25, 0.20, 0.10};
static const chart_rgb suppressed_fill = {0.88, 0.88, 0.88};
static const chart_rgb suppressed_lines = {0.58, 0.58, 0.58};

void tna_chart_set_rgb(cairo_t *cr, chart_rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* A round tick step that gives about `target` intervals over range. */
static double nice_step(double range, int target, chart_format f)
{
    if (range <= 0)
        range = 1;
    double raw = range / target, mag = pow(10, floor(log10(raw))), r = raw / mag;
    double nf = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
    double step = nf * mag;
    if ((f == CHART_FMT_COUNT || f == CHART_FMT_MONEY) && step < 1)
        step = 1;
    if (f == CHART_FMT_COUNT && fmod(step, 1) != 0)
        step = ceil(step);
    return step;
}

/* ---- patterns --------------------------------------------------------------------------- */

void tna_chart_hatch(cairo_t *cr, double x, double y, double w, double h, chart_rgb fill,
                 chart_rgb lines)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    tna_chart_set_rgb(cr, fill);
    cairo_paint(cr);
    tna_chart_set_rgb(cr, lines);
    cairo_set_line_width(cr, 0.6);
    for (double d = -h; d < w; d += 3.5) {
        cairo_move_to(cr, x + d, y + h);
        cairo_line_to(cr, x + d + h, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void tna_chart_dots(cairo_t *cr, double x, double y, double w, double h, chart_rgb fill,
                    chart_rgb dots)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    tna_chart_set_rgb(cr, fill);
    cairo_paint(cr);
    tna_chart_set_rgb(cr, dots);
    int row = 0;
    for (double dy = 1.5; dy < h; dy += 3, row++)
        for (double dx = row % 2 ? 3 : 1.5; dx < w; dx += 3) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, x + dx, y + dy, 0.55, 0, 2 * M_PI);
        }
    cairo_fill(cr);
    cairo_restore(cr);
}

/* Fills a rectangle in series s's colour and pattern. */
static void fill_series(cairo_t *cr, int s, double x, double y, double w, double h)
{
    if (w <= 0 || h <= 0)
        return;
    if (s == 0) {
        tna_chart_set_rgb(cr, tna_chart_series[0]);
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
        return;
    }
    tna_chart_hatch(cr, x, y, w, h, tna_chart_series[s], hatch_ink);
    if (s == 2) { /* cross-hatch: the other diagonal too */
        cairo_save(cr);
        cairo_rectangle(cr, x, y, w, h);
        cairo_clip(cr);
        tna_chart_set_rgb(cr, hatch_ink);
        cairo_set_line_width(cr, 0.6);
        for (double d = -h; d < w; d += 3.5) {
            cairo_move_to(cr, x + d, y);
            cairo_line_to(cr, x + d + h, y + h);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    tna_chart_set_rgb(cr, hatch_ink);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, x + 0.25, y + 0.25, w - 0.5, h - 0.5);
    cairo_stroke(cr);
}

static double legend(cairo_t *cr, double x, double y, double w, const char *const *names, int n,
                     bool draw)
{
    const double size = 7.5, key = 10, line = 11;
    double cx = x, cy = y;
    for (int s = 0; s < n; s++) {
        double tw;
        tna_chart_text_size(cr, names[s], 0, size, 0, 0, &tw, NULL);
        if (tw > w - key - 4)
            tw = w - key - 4;
        if (cx > x && cx + key + 4 + tw > x + w) {
            cx = x;
            cy += line + 2;
        }
        if (draw) {
            fill_series(cr, s, cx, cy + 1.5, key, 7);
            tna_chart_set_rgb(cr, tna_chart_ink);
            tna_chart_text(cr, names[s], cx + key + 4, cy, tw + 1, size, 0, CHART_LEFT, 0);
        }
        cx += key + 4 + tw + 14;
    }
    return cy + line - y;
}

double tna_chart_legend(cairo_t *cr, double x, double y, double w, const char *const *names, int n)
{
    return legend(cr, x, y, w, names, n, true);
}

/* ---- horizontal bars -------------------------------------------------------------------- */

#define BAR_LABEL_SIZE  7.5
#define BAR_LABEL_LINES 3 /* a label longer than this many lines ends with an ellipsis */

/* What every bar of a chart shares: the series, the bar thickness and the gap between rows,
 * and the labels' width (their widest, up to a share of the chart's width). */
typedef struct bars_geom {
    int ns;
    double bh, gap, lw;
} bars_geom;

static bars_geom bars_measure(cairo_t *cr, double w, const chart_bars *spec)
{
    bars_geom g;
    g.ns = spec->n_series < 1                  ? 1
           : spec->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES
                                               : spec->n_series;
    g.bh = spec->bar_height > 0 ? spec->bar_height : 9;
    g.gap = fmax(4, g.bh * 0.6);
    g.lw = 0;
    for (size_t i = 0; i < spec->n_bars; i++) {
        double tw;
        tna_chart_text_size(cr, spec->bars[i].label, 0, BAR_LABEL_SIZE, 0, 0, &tw, NULL);
        g.lw = fmax(g.lw, tw);
    }
    double share = spec->label_width > 0 ? spec->label_width : 0.42;
    g.lw = fmin(g.lw + 1, w * share);
    return g;
}

/* The height of bar i's row: its bars and the gap, or its label wrapped to the label width
 * when that is taller (a long label takes a second line rather than being cut). *label_h:
 * the label's own height. */
static double bar_row(cairo_t *cr, const chart_bars *spec, const bars_geom *g, size_t i,
                      double *label_h)
{
    double th;
    tna_chart_text_size(cr, spec->bars[i].label, g->lw, BAR_LABEL_SIZE, CHART_WRAP, BAR_LABEL_LINES,
                    NULL, &th);
    if (label_h)
        *label_h = th;
    return fmax(g->ns * g->bh + g->gap, th + 3);
}

/* The axis label's height: one line, or two where it is wider than the chart. */
static double axis_label_height(cairo_t *cr, double w, const char *label)
{
    double h;
    tna_chart_text_size(cr, label, w, 7, CHART_WRAP, 2, NULL, &h);
    return h;
}

double tna_chart_hbars_height(cairo_t *cr, double w, const chart_bars *spec)
{
    const double tick_size = 7;
    bars_geom g = bars_measure(cr, w, spec);
    double h = 0;
    if (g.ns > 1)
        h += legend(cr, 0, 0, w, spec->series_names, g.ns, false) + 6;
    for (size_t i = 0; i < spec->n_bars; i++)
        h += bar_row(cr, spec, &g, i, NULL);
    h += 2 + tick_size * 1.3;
    if (spec->axis_label)
        h += axis_label_height(cr, w, spec->axis_label) + 1;
    return h;
}

double tna_chart_hbars(cairo_t *cr, double x, double y, double w, const chart_bars *spec)
{
    const double tick_size = 7;
    double value_size = 7;
    bars_geom g = bars_measure(cr, w, spec);
    int ns = g.ns;
    double bh = g.bh;
    if (bh < 8) /* value texts of neighbouring bars must not touch */
        value_size = fmax(5.5, bh + 0.5);
    double y0 = y;
    if (ns > 1)
        y += tna_chart_legend(cr, x, y, w, spec->series_names, ns) + 6;

    /* room for value texts, measured; rows as tall as their bars or labels need */
    double vw = 0, max = spec->max, ph = 0;
    for (size_t i = 0; i < spec->n_bars; i++) {
        const chart_bar *b = &spec->bars[i];
        for (int s = 0; s < ns; s++) {
            double tw;
            if (b->text[s]) {
                tna_chart_text_size(cr, b->text[s], 0, value_size, 0, 0, &tw, NULL);
                vw = fmax(vw, tw);
            }
            if (!b->missing[s] && spec->max <= 0)
                max = fmax(max, b->range[s] ? fmax(b->value[s], b->hi[s]) : b->value[s]);
        }
        ph += bar_row(cr, spec, &g, i, NULL);
    }
    double lw = g.lw;
    vw = fmin(vw + 4, w * 0.3);
    double px = x + lw + 6, pw = w - lw - 6 - vw;
    if (max <= 0)
        max = 1;
    double step = nice_step(max, 4, spec->format);
    if (spec->max <= 0)
        max = ceil(max / step - 1e-9) * step;
    if (spec->format == CHART_FMT_PERCENT && spec->max <= 0 && max > 1)
        max = 1;

    /* grid lines behind the bars */
    cairo_set_line_width(cr, 0.5);
    tna_chart_set_rgb(cr, tna_chart_grid);
    int n_ticks = (int)floor(max / step + 1e-9);
    for (int t = 0; t <= n_ticks; t++) {
        double gx = px + pw * (t * step) / max;
        cairo_move_to(cr, gx, y);
        cairo_line_to(cr, gx, y + ph);
    }
    cairo_stroke(cr);

    double ry = y;
    for (size_t i = 0; i < spec->n_bars; i++) {
        const chart_bar *b = &spec->bars[i];
        double th, row = bar_row(cr, spec, &g, i, &th), rh = ns * bh;
        double by0 = ry + (row - rh) / 2; /* the bars, centred in their row */
        tna_chart_set_rgb(cr, tna_chart_ink);
        tna_chart_text(cr, b->label, x, ry + row / 2 - th / 2, lw, BAR_LABEL_SIZE, CHART_WRAP,
                   CHART_RIGHT, BAR_LABEL_LINES);
        for (int s = 0; s < ns; s++) {
            double by = by0 + s * bh;
            if (b->missing[s]) {
                if (b->text[s]) {
                    tna_chart_set_rgb(cr, tna_chart_muted);
                    tna_chart_text(cr, b->text[s], px + 3, by + bh / 2 - value_size * 0.62, 0,
                               value_size, 0, CHART_LEFT, 0);
                }
                continue;
            }
            double bw = pw * fmax(0, fmin(b->value[s], max)) / max, end = bw;
            fill_series(cr, s, px, by + 0.5, bw, bh - 1);
            if (b->range[s]) { /* the interval: a line across the bar's middle, end ticks */
                double lo = pw * fmax(0, fmin(b->lo[s], max)) / max;
                double hi = pw * fmax(0, fmin(b->hi[s], max)) / max, cy = by + bh / 2;
                double tick = fmax(1.5, bh * 0.3);
                tna_chart_set_rgb(cr, tna_chart_ink);
                cairo_set_line_width(cr, 0.7);
                cairo_move_to(cr, px + lo, cy);
                cairo_line_to(cr, px + hi, cy);
                cairo_move_to(cr, px + lo, cy - tick);
                cairo_line_to(cr, px + lo, cy + tick);
                cairo_move_to(cr, px + hi, cy - tick);
                cairo_line_to(cr, px + hi, cy + tick);
                cairo_stroke(cr);
                end = fmax(end, hi);
            }
            if (b->text[s]) {
                tna_chart_set_rgb(cr, tna_chart_ink);
                tna_chart_text(cr, b->text[s], px + end + 3, by + bh / 2 - value_size * 0.62, 0,
                           value_size, 0, CHART_LEFT, 0);
            }
        }
        ry += row;
    }
    /* axis */
    tna_chart_set_rgb(cr, tna_chart_muted);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, px, y);
    cairo_line_to(cr, px, y + ph);
    cairo_line_to(cr, px + pw, y + ph);
    cairo_stroke(cr);
    double last_right = -1e9;
    for (int t = 0; t <= n_ticks; t++) {
        char buf[32];
        double v = t * step, gx = px + pw * v / max, tw;
        tna_chart_format_value(v, spec->format, step, buf, sizeof buf);
        tna_chart_text_size(cr, buf, 0, tick_size, 0, 0, &tw, NULL);
        if (gx - tw / 2 < last_right + 3)
            continue;
        tna_chart_text(cr, buf, gx, y + ph + 2, 0, tick_size, 0, CHART_CENTER, 0);
        last_right = gx + tw / 2;
    }
    double h = ph + 2 + tick_size * 1.3;
    if (spec->axis_label) { /* under the plot, or under the whole chart when longer */
        double aw, ah = axis_label_height(cr, w, spec->axis_label);
        tna_chart_text_size(cr, spec->axis_label, 0, tick_size, 0, 0, &aw, NULL);
        if (aw <= pw)
            tna_chart_text(cr, spec->axis_label, px, y + h + 1, pw, tick_size, 0, CHART_CENTER, 0);
        else
            tna_chart_text(cr, spec->axis_label, x, y + h + 1, w, tick_size, CHART_WRAP, CHART_CENTER,
                       2);
        h += ah + 1;
    }
    return y + h - y0;
}

/* ---- lines ------------------------------------------------------------------------------ */

static void marker(cairo_t *cr, int s, double x, double y, double r)
{
    if (s == 0)
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    else if (s == 1)
        cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
    else {
        cairo_move_to(cr, x, y - r * 1.2);
        cairo_line_to(cr, x + r * 1.1, y + r * 0.8);
        cairo_line_to(cr, x - r * 1.1, y + r * 0.8);
        cairo_close_path(cr);
    }
}

#define LINE_TITLE_SIZE(compact) ((compact) ? 7.5 : 8.5)

int tna_chart_line_title_lines(cairo_t *cr, const char *title, double w, bool compact)
{
    double size = LINE_TITLE_SIZE(compact), th;
    tna_chart_text_size(cr, title, w, size, CHART_BOLD | CHART_WRAP, 0, NULL, &th);
    return (int)fmax(1, ceil(th / (size * 1.17) - 0.2));
}

double tna_chart_line_title_height(int lines, bool compact)
{
    return lines * LINE_TITLE_SIZE(compact) * 1.17;
}

void tna_chart_line(cairo_t *cr, double x, double y, double w, double h, const chart_lines *spec)
{
    double ts = spec->compact ? 6.5 : 7, title_size = LINE_TITLE_SIZE(spec->compact);
    double top = y;
    if (spec->title) {
        int lines = spec->title_lines > 0 ? spec->title_lines : 2;
        tna_chart_set_rgb(cr, tna_chart_ink);
        double th = tna_chart_text(cr, spec->title, x, y, w, title_size, CHART_BOLD | CHART_WRAP,
                               CHART_LEFT, lines);
        if (spec->compact || spec->title_lines > 0) /* charts side by side line up */
            th = fmax(th, tna_chart_line_title_height(lines, spec->compact));
        top += th + 3;
    }
    size_t ns = spec->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES : spec->n_series;
    if (ns > 1) {
        const char *names[CHART_MAX_SERIES];
        for (size_t s = 0; s < ns; s++)
            names[s] = spec->series[s].name;
        top += tna_chart_legend(cr, x, top, w, names, (int)ns) + 3;
    }
    double lo = spec->min, hi = spec->max;
    bool automatic = hi <= lo;
    if (automatic) { /* from the data, always with 0, and room above the top point's label */
        lo = 0, hi = 0;
        for (size_t s = 0; s < ns; s++)
            for (size_t i = 0; i < spec->n_x; i++)
                if (!(spec->series[s].missing && spec->series[s].missing[i]) &&
                    isfinite(spec->series[s].y[i])) {
                    hi = fmax(hi, spec->series[s].y[i]);
                    lo = fmin(lo, spec->series[s].y[i]);
                }
        if (hi <= lo)
            hi = lo + 1;
        double room = (hi - lo) * 0.15;
        hi += hi > 0 ? room : 0;
        lo -= lo < 0 ? room : 0;
    }
    double step = nice_step(hi - lo, spec->compact ? 2 : 4, spec->format);
    if (automatic) {
        lo = floor(lo / step + 1e-9) * step;
        hi = ceil(hi / step - 1e-9) * step;
    }
    if (spec->format == CHART_FMT_PERCENT && automatic && hi > 1 && lo >= 0)
        hi = 1;
    /* y tick labels decide the left margin */
    double yw = 0;
    int n_ticks = (int)floor((hi - lo) / step + 1e-9);
    for (int t = 0; t <= n_ticks; t++) {
        char buf[32];
        double tw;
        tna_chart_format_value(lo + t * step, spec->format, step, buf, sizeof buf);
        tna_chart_text_size(cr, buf, 0, ts, 0, 0, &tw, NULL);
        yw = fmax(yw, tw);
    }
    double px = x + yw + 4, pw = w - yw - 4, py = top + ts, ph = y + h - ts * 1.4 - 2 - py;
    if (ph < 10)
        ph = 10;
    cairo_set_line_width(cr, 0.5);
    for (int t = 0; t <= n_ticks; t++) {
        char buf[32];
        double v = lo + t * step, gy = py + ph - ph * (v - lo) / (hi - lo);
        tna_chart_set_rgb(cr, tna_chart_grid);
        cairo_move_to(cr, px, gy);
        cairo_line_to(cr, px + pw, gy);
        cairo_stroke(cr);
        tna_chart_format_value(v, spec->format, step, buf, sizeof buf);
        tna_chart_set_rgb(cr, tna_chart_muted);
        tna_chart_text(cr, buf, px - 3, gy - ts * 0.62, 0, ts, 0, CHART_RIGHT, 0);
    }
    tna_chart_set_rgb(cr, tna_chart_muted);
    cairo_set_line_width(cr, 0.8);
    double zero = py + ph - ph * (fmax(lo, fmin(0, hi)) - lo) / (hi - lo);
    cairo_move_to(cr, px, zero);
    cairo_line_to(cr, px + pw, zero);
    cairo_stroke(cr);
    /* x labels: skip alternate ones when they would touch */
    double dx = spec->n_x ? pw / spec->n_x : pw, last_right = -1e9;
    for (size_t i = 0; i < spec->n_x; i++) {
        double cx = px + (i + 0.5) * dx, tw;
        tna_chart_text_size(cr, spec->x_labels[i], 0, ts, 0, 0, &tw, NULL);
        if (cx - tw / 2 < last_right + 3 && i + 1 != spec->n_x)
            continue;
        tna_chart_text(cr, spec->x_labels[i], cx, py + ph + 2, 0, ts, 0, CHART_CENTER, 0);
        last_right = cx + tw / 2;
    }
    bool label_all = spec->n_x <= 4;
    for (size_t s = 0; s < ns; s++) {
        const chart_series_line *sr = &spec->series[s];
        chart_rgb col = s == 1 ? (chart_rgb){0.80, 0.45, 0.05} : tna_chart_series[s];
        tna_chart_set_rgb(cr, col);
        cairo_set_line_width(cr, 1.6);
        double dash[] = {4, 2.5}, dot[] = {1.2, 2};
        if (s == 1)
            cairo_set_dash(cr, dash, 2, 0);
        else if (s == 2)
            cairo_set_dash(cr, dot, 2, 0);
        bool pen = false;
        for (size_t i = 0; i < spec->n_x; i++) {
            bool miss = (sr->missing && sr->missing[i]) || !isfinite(sr->y[i]);
            if (miss) {
                pen = false;
                continue;
            }
            double cx = px + (i + 0.5) * dx, cy = py + ph - ph * (sr->y[i] - lo) / (hi - lo);
            if (pen)
                cairo_line_to(cr, cx, cy);
            else
                cairo_move_to(cr, cx, cy);
            pen = true;
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        for (size_t i = 0; i < spec->n_x; i++) {
            double cx = px + (i + 0.5) * dx;
            bool miss = (sr->missing && sr->missing[i]) || !isfinite(sr->y[i]);
            if (miss) {
                const char *why = sr->text && sr->text[i] ? sr->text[i] : spec->missing_text;
                if (why && s == 0) {
                    tna_chart_set_rgb(cr, tna_chart_muted);
                    tna_chart_text(cr, why, cx, py + ph - ts * 1.4, 0, ts - 0.5, 0, CHART_CENTER, 0);
                }
                continue;
            }
            double cy = py + ph - ph * (sr->y[i] - lo) / (hi - lo);
            marker(cr, (int)s, cx, cy, spec->compact ? 2 : 2.6);
            tna_chart_set_rgb(cr, col);
            cairo_fill(cr);
            bool show = label_all || i == 0 || i + 1 == spec->n_x;
            if (sr->text && sr->text[i] && show) {
                tna_chart_set_rgb(cr, tna_chart_ink);
                double ty = s == 1 ? cy + 4 : cy - ts * 1.35 - 2;
                if (ty < py - ts)
                    ty = cy + 4;
                tna_chart_text(cr, sr->text[i], cx, ty, 0, ts, 0, CHART_CENTER, 0);
            }
        }
    }
}

/* ---- heatmap ---------------------------------------------------------------------------- */

chart_rgb tna_chart_ramp(double t)
{
    static const chart_rgb stops[] = {
        {1.000, 0.969, 0.737}, {0.996, 0.890, 0.569}, {0.996, 0.769, 0.310}, {0.996, 0.600, 0.161},
        {0.925, 0.439, 0.078}, {0.800, 0.298, 0.008}, {0.600, 0.204, 0.016}, {0.400, 0.145, 0.024},
    };
    const int n = sizeof stops / sizeof stops[0];
    if (!(t > 0))
        t = 0;
    if (t > 1)
        t = 1;
    double f = t * (n - 1);
    int i = (int)floor(f);
    if (i >= n - 1)
        return stops[n - 1];
    double u = f - i;
    return (chart_rgb){stops[i].r + u * (stops[i + 1].r - stops[i].r),
                       stops[i].g + u * (stops[i + 1].g - stops[i].g),
                       stops[i].b + u * (stops[i + 1].b - stops[i].b)};
}

static double luminance(chart_rgb c)
{
    return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/* The heatmap's margins, measured: the row labels' width (lw), the columns' width (cw), and
 * the column labels' size, lines and length (hh, the header's height). A column label takes
 * as many lines as the column is wide enough for (up to three), and the header grows, up to
 * twice header_max, until every label fits in them: a label is cut only beyond that. */
typedef struct heat_geom {
    double lw, cw, hh, col_size, lh;
    int col_lines;
} heat_geom;

#define HEAT_LABEL_SIZE 7.0

static heat_geom heat_measure(cairo_t *cr, double w, const chart_heatmap *spec)
{
    heat_geom g = {0};
    double header_max = spec->header_max > 0 ? spec->header_max : 130, widest = 0;
    for (size_t r = 0; r < spec->n_rows; r++) {
        double tw;
        tna_chart_text_size(cr, spec->row_labels[r], 0, HEAT_LABEL_SIZE, 0, 0, &tw, NULL);
        g.lw = fmax(g.lw, tw);
    }
    g.lw = fmin(g.lw + 2, w * 0.34);
    g.cw = spec->n_cols ? fmin(44, (w - g.lw - 4) / spec->n_cols) : 0;
    g.col_size = fmin(HEAT_LABEL_SIZE, fmax(3.5, g.cw / 1.25)); /* narrow columns: smaller */
    g.lh = g.col_size * 1.17;
    g.col_lines = (int)fmax(1, fmin(3, floor((g.cw - 1) / g.lh)));
    for (size_t c = 0; c < spec->n_cols; c++) {
        double tw;
        tna_chart_text_size(cr, spec->col_labels[c], 0, g.col_size, 0, 0, &tw, NULL);
        widest = fmax(widest, tw);
    }
    g.hh = fmin(widest + 2, header_max);
    for (bool fits = false; !fits && g.hh < 2 * header_max; g.hh += fits ? 0 : 10) {
        fits = true;
        for (size_t c = 0; c < spec->n_cols && fits; c++) {
            double th;
            tna_chart_text_size(cr, spec->col_labels[c], g.hh, g.col_size, CHART_WRAP, 0, NULL, &th);
            fits = th <= g.col_lines * g.lh + 0.5;
        }
    }
    return g;
}

double tna_chart_heat_height(cairo_t *cr, double w, const chart_heatmap *spec)
{
    double rh = spec->row_height > 0 ? spec->row_height : 15;
    heat_geom g = heat_measure(cr, w, spec);
    return g.hh + 4 + spec->n_rows * rh + 10 + 38; /* the legend may take three rows */
}

/* A row label, right-aligned in the label column: on two smaller lines when one line would
 * be cut. */
static void heat_row_label(cairo_t *cr, const char *label, double x, double ry, double lw,
                           double rh)
{
    double tw;
    tna_chart_text_size(cr, label, 0, HEAT_LABEL_SIZE, 0, 0, &tw, NULL);
    if (tw <= lw) {
        tna_chart_text(cr, label, x, ry + rh / 2 - HEAT_LABEL_SIZE * 0.62, lw, HEAT_LABEL_SIZE, 0,
                   CHART_RIGHT, 0);
        return;
    }
    double size = fmax(4.5, fmin(HEAT_LABEL_SIZE, (rh - 1) / 2.4)), th;
    tna_chart_text_size(cr, label, lw, size, CHART_WRAP, 2, NULL, &th);
    tna_chart_text(cr, label, x, ry + (rh - th) / 2, lw, size, CHART_WRAP, CHART_RIGHT, 2);
}

double tna_chart_heat(cairo_t *cr, double x, double y, double w, const chart_heatmap *spec)
{
    const double cell_size = 6.5;
    double rh = spec->row_height > 0 ? spec->row_height : 15;
    heat_geom g = heat_measure(cr, w, spec);
    double lw = g.lw, hh = g.hh, cw = g.cw;
    bool has[CHART_CELL_STATES] = {false};
    for (size_t i = 0; i < spec->n_rows * spec->n_cols; i++)
        has[spec->state[i] < CHART_CELL_STATES ? spec->state[i] : 0] = true;
    double gx = x + lw + 4, gy = y + hh + 4;
    /* column labels, reading upwards, centred on their columns */
    tna_chart_set_rgb(cr, tna_chart_ink);
    for (size_t c = 0; c < spec->n_cols; c++) {
        double th;
        tna_chart_text_size(cr, spec->col_labels[c], hh, g.col_size, CHART_WRAP, g.col_lines, NULL,
                        &th);
        tna_chart_text_up(cr, spec->col_labels[c], gx + c * cw + cw / 2 + th / 2, gy - 3, hh,
                      g.col_size, CHART_WRAP, g.col_lines);
    }
    for (size_t r = 0; r < spec->n_rows; r++) {
        double ry = gy + r * rh;
        tna_chart_set_rgb(cr, tna_chart_ink);
        heat_row_label(cr, spec->row_labels[r], x, ry, lw, rh);
        for (size_t c = 0; c < spec->n_cols; c++) {
            size_t i = r * spec->n_cols + c;
            double cx = gx + c * cw;
            chart_rgb ink = tna_chart_ink;
            if (spec->state[i] == CHART_CELL_VALUE) {
                double t = spec->max > spec->min
                               ? (spec->values[i] - spec->min) / (spec->max - spec->min)
                               : 0;
                chart_rgb fill = tna_chart_ramp(t);
                tna_chart_set_rgb(cr, fill);
                cairo_rectangle(cr, cx, ry, cw, rh);
                cairo_fill(cr);
                if (luminance(fill) < 0.45)
                    ink = (chart_rgb){1, 1, 1};
            } else if (spec->state[i] == CHART_CELL_SUPPRESSED) {
                tna_chart_hatch(cr, cx, ry, cw, rh, suppressed_fill, suppressed_lines);
            } else if (spec->state[i] == CHART_CELL_PROTECTED) {
                tna_chart_dots(cr, cx, ry, cw, rh, suppressed_fill, suppressed_lines);
            } else {
                ink = tna_chart_muted;
            }
            /* white gutters between cells */
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 1);
            cairo_rectangle(cr, cx, ry, cw, rh);
            cairo_stroke(cr);
            const char *t = spec->text ? spec->text[i] : NULL;
            if (t && t[0]) {
                double tw;
                tna_chart_text_size(cr, t, 0, cell_size, 0, 0, &tw, NULL);
                if (tw <= cw - 1.5) {
                    if (spec->state[i] == CHART_CELL_SUPPRESSED ||
                        spec->state[i] == CHART_CELL_PROTECTED) { /* a white plate under it */
                        cairo_set_source_rgb(cr, 1, 1, 1);
                        cairo_rectangle(cr, cx + cw / 2 - tw / 2 - 1, ry + rh / 2 - 4.2, tw + 2,
                                        8.4);
                        cairo_fill(cr);
                    }
                    tna_chart_set_rgb(cr, ink);
                    tna_chart_text(cr, t, cx + cw / 2, ry + rh / 2 - cell_size * 0.62, 0, cell_size, 0,
                               CHART_CENTER, 0);
                }
            }
        }
    }
    /* thin frame */
    tna_chart_set_rgb(cr, tna_chart_grid);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, gx, gy, cw * spec->n_cols, rh * spec->n_rows);
    cairo_stroke(cr);

    /* legend: the ramp with its ends, then the hatched and blank keys */
    double ly = gy + rh * spec->n_rows + 10, lx = gx;
    tna_chart_set_rgb(cr, tna_chart_ink);
    double tw = 0;
    if (spec->legend_title) {
        tna_chart_text_size(cr, spec->legend_title, 0, 7.5, 0, 0, &tw, NULL);
        tna_chart_text(cr, spec->legend_title, lx, ly, 0, 7.5, 0, CHART_LEFT, 0);
        lx += tw + 8;
    }
    char lo[32], hi[32];
    tna_chart_format_value(spec->min, spec->format, 0.01, lo, sizeof lo);
    tna_chart_format_value(spec->max, spec->format, 0.01, hi, sizeof hi);
    tna_chart_text_size(cr, lo, 0, 7, 0, 0, &tw, NULL);
    tna_chart_set_rgb(cr, tna_chart_muted);
    tna_chart_text(cr, lo, lx, ly + 0.5, 0, 7, 0, CHART_LEFT, 0);
    lx += tw + 4;
    const double ramp_w = 110;
    for (int i = 0; i < 44; i++) {
        tna_chart_set_rgb(cr, tna_chart_ramp(i / 43.0));
        cairo_rectangle(cr, lx + i * ramp_w / 44, ly, ramp_w / 44 + 0.3, 9);
        cairo_fill(cr);
    }
    lx += ramp_w + 4;
    tna_chart_set_rgb(cr, tna_chart_muted);
    tna_chart_text_size(cr, hi, 0, 7, 0, 0, &tw, NULL);
    tna_chart_text(cr, hi, lx, ly + 0.5, 0, 7, 0, CHART_LEFT, 0);
    lx += tw + 14;
    double row2 = ly;
    /* keys only for what the map shows */
    const char *keys[3] = {has[CHART_CELL_SUPPRESSED] ? spec->suppressed_label : NULL,
                           has[CHART_CELL_PROTECTED] ? spec->protected_label : NULL,
                           has[CHART_CELL_EMPTY] ? spec->empty_label : NULL};
    for (int k = 0; k < 3; k++) {
        if (!keys[k])
            continue;
        tna_chart_text_size(cr, keys[k], 0, 7, 0, 0, &tw, NULL);
        if (lx + 16 + tw > x + w) {
            lx = gx;
            row2 += 13;
        }
        if (k == 0)
            tna_chart_hatch(cr, lx, row2, 12, 9, suppressed_fill, suppressed_lines);
        else if (k == 1)
            tna_chart_dots(cr, lx, row2, 12, 9, suppressed_fill, suppressed_lines);
        else {
            tna_chart_set_rgb(cr, tna_chart_grid);
            cairo_set_line_width(cr, 0.7);
            cairo_rectangle(cr, lx + 0.35, row2 + 0.35, 11.3, 8.3);
            cairo_stroke(cr);
        }
        tna_chart_set_rgb(cr, tna_chart_ink);
        tna_chart_text(cr, keys[k], lx + 16, row2 + 0.5, x + w - lx - 16, 7, 0, CHART_LEFT, 0);
        lx += 16 + tw + 14;
    }
    return row2 + 12 - y;
}

/* ---- tiles and status pills ------------------------------------------------------------- */

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

#define TILE_GAP   8.0
#define TILE_PAD   8.0
#define TILE_LINES 6 /* a tile's label or note wraps onto this many lines before it is cut */

double tna_chart_tiles_height(cairo_t *cr, double w, const chart_tile *tiles, size_t n)
{
    const double pad = TILE_PAD, vsize = 19, lsize = 8, nsize = 7;
    double tw = n ? (w - TILE_GAP * (n - 1)) / n : w, inner = tw - 2 * pad - 3;
    double h = 0;
    for (size_t i = 0; i < n; i++) {
        double vh, lh, nh = 0;
        tna_chart_text_size(cr, tiles[i].value, inner, vsize, CHART_BOLD | CHART_WRAP, 2, NULL, &vh);
        tna_chart_text_size(cr, tiles[i].label, inner, lsize, CHART_WRAP, TILE_LINES, NULL, &lh);
        if (tiles[i].note)
            tna_chart_text_size(cr, tiles[i].note, inner, nsize, CHART_WRAP, TILE_LINES, NULL, &nh);
        h = fmax(h, pad + vh + 2 + lh + (nh > 0 ? nh + 3 : 0) + pad);
    }
    return h;
}

double tna_chart_tiles(cairo_t *cr, double x, double y, double w, const chart_tile *tiles, size_t n)
{
    if (n == 0)
        return 0;
    const double gap = TILE_GAP, pad = TILE_PAD, vsize = 19, lsize = 8, nsize = 7;
    double tw = (w - gap * (n - 1)) / n, inner = tw - 2 * pad - 3;
    double h = tna_chart_tiles_height(cr, w, tiles, n);
    for (size_t i = 0; i < n; i++) {
        double tx = x + i * (tw + gap);
        tna_chart_set_rgb(cr, tna_chart_panel);
        rounded(cr, tx, y, tw, h, 4);
        cairo_fill(cr);
        tna_chart_set_rgb(cr, tna_chart_accent);
        cairo_rectangle(cr, tx, y + 4, 3, h - 8);
        cairo_fill(cr);
        double ty = y + pad;
        tna_chart_set_rgb(cr, tna_chart_accent);
        ty += tna_chart_text(cr, tiles[i].value, tx + pad + 3, ty, inner, vsize,
                         CHART_BOLD | CHART_WRAP, CHART_LEFT, 2) +
              2;
        tna_chart_set_rgb(cr, tna_chart_ink);
        ty += tna_chart_text(cr, tiles[i].label, tx + pad + 3, ty, inner, lsize, CHART_WRAP, CHART_LEFT,
                         TILE_LINES) +
              3;
        if (tiles[i].note) {
            tna_chart_set_rgb(cr, tna_chart_muted);
            tna_chart_text(cr, tiles[i].note, tx + pad + 3, ty, inner, nsize, CHART_WRAP, CHART_LEFT,
                       TILE_LINES);
        }
    }
    return h;
}

double tna_chart_status(cairo_t *cr, double x, double y, chart_status_kind kind, const char *word,
                    double size)
{
    double tw, th;
    tna_chart_text_size(cr, word, 0, size, CHART_BOLD, 0, &tw, &th);
    double w = tw + 10, h = size * 1.55;
    chart_rgb fill = {1, 1, 1}, ink = tna_chart_muted;
    switch (kind) {
    case CHART_STATUS_RED:
        fill = (chart_rgb){0.70, 0.13, 0.13}, ink = (chart_rgb){1, 1, 1};
        break;
    case CHART_STATUS_AMBER:
        fill = (chart_rgb){0.96, 0.73, 0.18}, ink = tna_chart_ink;
        break;
    case CHART_STATUS_GREEN:
        fill = (chart_rgb){0.13, 0.45, 0.22}, ink = (chart_rgb){1, 1, 1};
        break;
    case CHART_STATUS_NONE:
        break;
    }
    rounded(cr, x, y, w, h, h / 2);
    tna_chart_set_rgb(cr, fill);
    cairo_fill_preserve(cr);
    tna_chart_set_rgb(cr, kind == CHART_STATUS_NONE ? tna_chart_grid : fill);
    cairo_set_line_width(cr, 0.7);
    cairo_stroke(cr);
    tna_chart_set_rgb(cr, ink);
    tna_chart_text(cr, word, x + 5, y + (h - th) / 2, 0, size, CHART_BOLD, CHART_LEFT, 0);
    return w;
}
