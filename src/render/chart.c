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
 * formats are in chart_text.c.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const chart_rgb chart_ink = {0.10, 0.10, 0.12};
const chart_rgb chart_muted = {0.36, 0.36, 0.40};
const chart_rgb chart_grid = {0.85, 0.85, 0.87};
const chart_rgb chart_accent = {0.05, 0.30, 0.55};
const chart_rgb chart_panel = {0.93, 0.95, 0.97};
const chart_rgb chart_series[CHART_MAX_SERIES] = {
    {0.09, 0.33, 0.58}, /* dark blue, solid */
    {0.94, 0.64, 0.22}, /* light orange, hatched */
    {0.45, 0.70, 0.87}, /* sky blue, cross-hatched */
};
static const chart_rgb hatch_ink = {0.25, 0.20, 0.10};
static const chart_rgb suppressed_fill = {0.88, 0.88, 0.88};
static const chart_rgb suppressed_lines = {0.58, 0.58, 0.58};

void chart_set_rgb(cairo_t *cr, chart_rgb c)
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

void chart_hatch(cairo_t *cr, double x, double y, double w, double h, chart_rgb fill,
                 chart_rgb lines)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    chart_set_rgb(cr, fill);
    cairo_paint(cr);
    chart_set_rgb(cr, lines);
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
    chart_set_rgb(cr, fill);
    cairo_paint(cr);
    chart_set_rgb(cr, dots);
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
        chart_set_rgb(cr, chart_series[0]);
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
        return;
    }
    chart_hatch(cr, x, y, w, h, chart_series[s], hatch_ink);
    if (s == 2) { /* cross-hatch: the other diagonal too */
        cairo_save(cr);
        cairo_rectangle(cr, x, y, w, h);
        cairo_clip(cr);
        chart_set_rgb(cr, hatch_ink);
        cairo_set_line_width(cr, 0.6);
        for (double d = -h; d < w; d += 3.5) {
            cairo_move_to(cr, x + d, y);
            cairo_line_to(cr, x + d + h, y + h);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    chart_set_rgb(cr, hatch_ink);
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
        chart_text_size(cr, names[s], 0, size, 0, 0, &tw, NULL);
        if (tw > w - key - 4)
            tw = w - key - 4;
        if (cx > x && cx + key + 4 + tw > x + w) {
            cx = x;
            cy += line + 2;
        }
        if (draw) {
            fill_series(cr, s, cx, cy + 1.5, key, 7);
            chart_set_rgb(cr, chart_ink);
            chart_text(cr, names[s], cx + key + 4, cy, tw + 1, size, 0, CHART_LEFT, 0);
        }
        cx += key + 4 + tw + 14;
    }
    return cy + line - y;
}

double chart_legend(cairo_t *cr, double x, double y, double w, const char *const *names, int n)
{
    return legend(cr, x, y, w, names, n, true);
}

/* ---- horizontal bars -------------------------------------------------------------------- */

double chart_hbars_height(cairo_t *cr, double w, const chart_bars *spec)
{
    const double tick_size = 7;
    int ns = spec->n_series < 1                  ? 1
             : spec->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES
                                                 : spec->n_series;
    double bh = spec->bar_height > 0 ? spec->bar_height : 9, h = 0;
    if (ns > 1)
        h += legend(cr, 0, 0, w, spec->series_names, ns, false) + 6;
    h += spec->n_bars * (ns * bh + fmax(4, bh * 0.6)) + 2 + tick_size * 1.3;
    if (spec->axis_label)
        h += tick_size * 1.3 + 1;
    return h;
}

double chart_hbars(cairo_t *cr, double x, double y, double w, const chart_bars *spec)
{
    const double label_size = 7.5, tick_size = 7;
    double value_size = 7;
    int ns = spec->n_series < 1                  ? 1
             : spec->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES
                                                 : spec->n_series;
    double bh = spec->bar_height > 0 ? spec->bar_height : 9;
    if (bh < 8) /* value texts of neighbouring bars must not touch */
        value_size = fmax(5.5, bh + 0.5);
    double y0 = y;
    if (ns > 1)
        y += chart_legend(cr, x, y, w, spec->series_names, ns) + 6;

    /* room for labels and value texts, measured */
    double lw = 0, vw = 0, max = spec->max;
    for (size_t i = 0; i < spec->n_bars; i++) {
        const chart_bar *b = &spec->bars[i];
        double tw;
        chart_text_size(cr, b->label, 0, label_size, 0, 0, &tw, NULL);
        lw = fmax(lw, tw);
        for (int s = 0; s < ns; s++) {
            if (b->text[s]) {
                chart_text_size(cr, b->text[s], 0, value_size, 0, 0, &tw, NULL);
                vw = fmax(vw, tw);
            }
            if (!b->missing[s] && spec->max <= 0)
                max = fmax(max, b->value[s]);
        }
    }
    double share = spec->label_width > 0 ? spec->label_width : 0.42;
    lw = fmin(lw + 1, w * share);
    vw = fmin(vw + 4, w * 0.3);
    double px = x + lw + 6, pw = w - lw - 6 - vw;
    if (max <= 0)
        max = spec->format == CHART_FMT_PERCENT ? 1 : 1;
    double step = nice_step(max, 4, spec->format);
    if (spec->max <= 0)
        max = ceil(max / step - 1e-9) * step;
    if (spec->format == CHART_FMT_PERCENT && spec->max <= 0 && max > 1)
        max = 1;

    double gap = fmax(4, bh * 0.6), row = ns * bh + gap;
    double ph = spec->n_bars * row;
    double two_lines = 2 * label_size * 1.2;

    /* grid lines behind the bars */
    cairo_set_line_width(cr, 0.5);
    chart_set_rgb(cr, chart_grid);
    int n_ticks = (int)floor(max / step + 1e-9);
    for (int t = 0; t <= n_ticks; t++) {
        double gx = px + pw * (t * step) / max;
        cairo_move_to(cr, gx, y);
        cairo_line_to(cr, gx, y + ph);
    }
    cairo_stroke(cr);

    for (size_t i = 0; i < spec->n_bars; i++) {
        const chart_bar *b = &spec->bars[i];
        double ry = y + i * row + gap / 2, rh = ns * bh;
        double th;
        int lines = rh + gap >= two_lines ? 2 : 1;
        chart_text_size(cr, b->label, lw, label_size, lines > 1 ? CHART_WRAP : 0, lines, NULL, &th);
        if (lines == 1)
            th = label_size * 1.2;
        chart_set_rgb(cr, chart_ink);
        chart_text(cr, b->label, x, ry + rh / 2 - th / 2, lw, label_size,
                   lines > 1 ? CHART_WRAP : 0, CHART_RIGHT, lines);
        for (int s = 0; s < ns; s++) {
            double by = ry + s * bh;
            if (b->missing[s]) {
                if (b->text[s]) {
                    chart_set_rgb(cr, chart_muted);
                    chart_text(cr, b->text[s], px + 3, by + bh / 2 - value_size * 0.62, 0,
                               value_size, 0, CHART_LEFT, 0);
                }
                continue;
            }
            double bw = pw * fmax(0, fmin(b->value[s], max)) / max;
            fill_series(cr, s, px, by + 0.5, bw, bh - 1);
            if (b->text[s]) {
                chart_set_rgb(cr, chart_ink);
                chart_text(cr, b->text[s], px + bw + 3, by + bh / 2 - value_size * 0.62, 0,
                           value_size, 0, CHART_LEFT, 0);
            }
        }
    }
    /* axis */
    chart_set_rgb(cr, chart_muted);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, px, y);
    cairo_line_to(cr, px, y + ph);
    cairo_line_to(cr, px + pw, y + ph);
    cairo_stroke(cr);
    double last_right = -1e9;
    for (int t = 0; t <= n_ticks; t++) {
        char buf[32];
        double v = t * step, gx = px + pw * v / max, tw;
        chart_format_value(v, spec->format, step, buf, sizeof buf);
        chart_text_size(cr, buf, 0, tick_size, 0, 0, &tw, NULL);
        if (gx - tw / 2 < last_right + 3)
            continue;
        chart_text(cr, buf, gx, y + ph + 2, 0, tick_size, 0, CHART_CENTER, 0);
        last_right = gx + tw / 2;
    }
    double h = ph + 2 + tick_size * 1.3;
    if (spec->axis_label) {
        chart_text(cr, spec->axis_label, px, y + h + 1, pw, tick_size, 0, CHART_CENTER, 0);
        h += tick_size * 1.3 + 1;
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

void chart_line(cairo_t *cr, double x, double y, double w, double h, const chart_lines *spec)
{
    double ts = spec->compact ? 6.5 : 7, title_size = spec->compact ? 7.5 : 8.5;
    double top = y;
    if (spec->title) {
        chart_set_rgb(cr, chart_ink);
        double th = chart_text(cr, spec->title, x, y, w, title_size, CHART_BOLD | CHART_WRAP,
                               CHART_LEFT, 2);
        if (spec->compact) /* small multiples line up: always room for two lines */
            th = 2 * title_size * 1.17;
        top += th + 3;
    }
    size_t ns = spec->n_series > CHART_MAX_SERIES ? CHART_MAX_SERIES : spec->n_series;
    if (ns > 1) {
        const char *names[CHART_MAX_SERIES];
        for (size_t s = 0; s < ns; s++)
            names[s] = spec->series[s].name;
        top += chart_legend(cr, x, top, w, names, (int)ns) + 3;
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
        chart_format_value(lo + t * step, spec->format, step, buf, sizeof buf);
        chart_text_size(cr, buf, 0, ts, 0, 0, &tw, NULL);
        yw = fmax(yw, tw);
    }
    double px = x + yw + 4, pw = w - yw - 4, py = top + ts, ph = y + h - ts * 1.4 - 2 - py;
    if (ph < 10)
        ph = 10;
    cairo_set_line_width(cr, 0.5);
    for (int t = 0; t <= n_ticks; t++) {
        char buf[32];
        double v = lo + t * step, gy = py + ph - ph * (v - lo) / (hi - lo);
        chart_set_rgb(cr, chart_grid);
        cairo_move_to(cr, px, gy);
        cairo_line_to(cr, px + pw, gy);
        cairo_stroke(cr);
        chart_format_value(v, spec->format, step, buf, sizeof buf);
        chart_set_rgb(cr, chart_muted);
        chart_text(cr, buf, px - 3, gy - ts * 0.62, 0, ts, 0, CHART_RIGHT, 0);
    }
    chart_set_rgb(cr, chart_muted);
    cairo_set_line_width(cr, 0.8);
    double zero = py + ph - ph * (fmax(lo, fmin(0, hi)) - lo) / (hi - lo);
    cairo_move_to(cr, px, zero);
    cairo_line_to(cr, px + pw, zero);
    cairo_stroke(cr);
    /* x labels: skip alternate ones when they would touch */
    double dx = spec->n_x ? pw / spec->n_x : pw, last_right = -1e9;
    for (size_t i = 0; i < spec->n_x; i++) {
        double cx = px + (i + 0.5) * dx, tw;
        chart_text_size(cr, spec->x_labels[i], 0, ts, 0, 0, &tw, NULL);
        if (cx - tw / 2 < last_right + 3 && i + 1 != spec->n_x)
            continue;
        chart_text(cr, spec->x_labels[i], cx, py + ph + 2, 0, ts, 0, CHART_CENTER, 0);
        last_right = cx + tw / 2;
    }
    bool label_all = spec->n_x <= 4;
    for (size_t s = 0; s < ns; s++) {
        const chart_series_line *sr = &spec->series[s];
        chart_rgb col = s == 1 ? (chart_rgb){0.80, 0.45, 0.05} : chart_series[s];
        chart_set_rgb(cr, col);
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
                    chart_set_rgb(cr, chart_muted);
                    chart_text(cr, why, cx, py + ph - ts * 1.4, 0, ts - 0.5, 0, CHART_CENTER, 0);
                }
                continue;
            }
            double cy = py + ph - ph * (sr->y[i] - lo) / (hi - lo);
            marker(cr, (int)s, cx, cy, spec->compact ? 2 : 2.6);
            chart_set_rgb(cr, col);
            cairo_fill(cr);
            bool show = label_all || i == 0 || i + 1 == spec->n_x;
            if (sr->text && sr->text[i] && show) {
                chart_set_rgb(cr, chart_ink);
                double ty = s == 1 ? cy + 4 : cy - ts * 1.35 - 2;
                if (ty < py - ts)
                    ty = cy + 4;
                chart_text(cr, sr->text[i], cx, ty, 0, ts, 0, CHART_CENTER, 0);
            }
        }
    }
}

/* ---- heatmap ---------------------------------------------------------------------------- */

chart_rgb chart_ramp(double t)
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

/* Width of the row labels and height of the column labels, measured. */
static void heat_margins(cairo_t *cr, double w, const chart_heatmap *spec, double *lw, double *hh)
{
    const double label_size = 7;
    double header_max = spec->header_max > 0 ? spec->header_max : 130;
    *lw = 0, *hh = 0;
    for (size_t r = 0; r < spec->n_rows; r++) {
        double tw;
        chart_text_size(cr, spec->row_labels[r], 0, label_size, 0, 0, &tw, NULL);
        *lw = fmax(*lw, tw);
    }
    for (size_t c = 0; c < spec->n_cols; c++) {
        double tw;
        chart_text_size(cr, spec->col_labels[c], 0, label_size, 0, 0, &tw, NULL);
        *hh = fmax(*hh, tw);
    }
    *lw = fmin(*lw + 2, w * 0.34);
    *hh = fmin(*hh + 2, header_max);
}

double chart_heat_height(cairo_t *cr, double w, const chart_heatmap *spec)
{
    double lw, hh, rh = spec->row_height > 0 ? spec->row_height : 15;
    heat_margins(cr, w, spec, &lw, &hh);
    return hh + 4 + spec->n_rows * rh + 10 + 38; /* the legend may take three rows */
}

double chart_heat(cairo_t *cr, double x, double y, double w, const chart_heatmap *spec)
{
    const double label_size = 7, cell_size = 6.5;
    double rh = spec->row_height > 0 ? spec->row_height : 15;
    double lw, hh;
    heat_margins(cr, w, spec, &lw, &hh);
    bool has[CHART_CELL_STATES] = {false};
    for (size_t i = 0; i < spec->n_rows * spec->n_cols; i++)
        has[spec->state[i] < CHART_CELL_STATES ? spec->state[i] : 0] = true;
    double cw = spec->n_cols ? (w - lw - 4) / spec->n_cols : 0;
    if (cw > 44)
        cw = 44;
    double gx = x + lw + 4, gy = y + hh + 4;
    /* column labels, reading upwards */
    chart_set_rgb(cr, chart_ink);
    double col_size = fmin(label_size, fmax(3.5, cw / 1.25)); /* narrow columns: smaller */
    double lh = col_size * 1.17;
    for (size_t c = 0; c < spec->n_cols; c++)
        chart_text_up(cr, spec->col_labels[c], gx + c * cw + cw / 2 + lh / 2, gy - 3, hh, col_size,
                      0);
    for (size_t r = 0; r < spec->n_rows; r++) {
        double ry = gy + r * rh;
        chart_set_rgb(cr, chart_ink);
        chart_text(cr, spec->row_labels[r], x, ry + rh / 2 - label_size * 0.62, lw, label_size, 0,
                   CHART_RIGHT, 0);
        for (size_t c = 0; c < spec->n_cols; c++) {
            size_t i = r * spec->n_cols + c;
            double cx = gx + c * cw;
            chart_rgb ink = chart_ink;
            if (spec->state[i] == CHART_CELL_VALUE) {
                double t = spec->max > spec->min
                               ? (spec->values[i] - spec->min) / (spec->max - spec->min)
                               : 0;
                chart_rgb fill = chart_ramp(t);
                chart_set_rgb(cr, fill);
                cairo_rectangle(cr, cx, ry, cw, rh);
                cairo_fill(cr);
                if (luminance(fill) < 0.45)
                    ink = (chart_rgb){1, 1, 1};
            } else if (spec->state[i] == CHART_CELL_SUPPRESSED) {
                chart_hatch(cr, cx, ry, cw, rh, suppressed_fill, suppressed_lines);
            } else if (spec->state[i] == CHART_CELL_PROTECTED) {
                tna_chart_dots(cr, cx, ry, cw, rh, suppressed_fill, suppressed_lines);
            } else {
                ink = chart_muted;
            }
            /* white gutters between cells */
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 1);
            cairo_rectangle(cr, cx, ry, cw, rh);
            cairo_stroke(cr);
            const char *t = spec->text ? spec->text[i] : NULL;
            if (t && t[0]) {
                double tw;
                chart_text_size(cr, t, 0, cell_size, 0, 0, &tw, NULL);
                if (tw <= cw - 1.5) {
                    if (spec->state[i] == CHART_CELL_SUPPRESSED ||
                        spec->state[i] == CHART_CELL_PROTECTED) { /* a white plate under it */
                        cairo_set_source_rgb(cr, 1, 1, 1);
                        cairo_rectangle(cr, cx + cw / 2 - tw / 2 - 1, ry + rh / 2 - 4.2, tw + 2,
                                        8.4);
                        cairo_fill(cr);
                    }
                    chart_set_rgb(cr, ink);
                    chart_text(cr, t, cx + cw / 2, ry + rh / 2 - cell_size * 0.62, 0, cell_size, 0,
                               CHART_CENTER, 0);
                }
            }
        }
    }
    /* thin frame */
    chart_set_rgb(cr, chart_grid);
    cairo_set_line_width(cr, 0.5);
    cairo_rectangle(cr, gx, gy, cw * spec->n_cols, rh * spec->n_rows);
    cairo_stroke(cr);

    /* legend: the ramp with its ends, then the hatched and blank keys */
    double ly = gy + rh * spec->n_rows + 10, lx = gx;
    chart_set_rgb(cr, chart_ink);
    double tw = 0;
    if (spec->legend_title) {
        chart_text_size(cr, spec->legend_title, 0, 7.5, 0, 0, &tw, NULL);
        chart_text(cr, spec->legend_title, lx, ly, 0, 7.5, 0, CHART_LEFT, 0);
        lx += tw + 8;
    }
    char lo[32], hi[32];
    chart_format_value(spec->min, spec->format, 0.01, lo, sizeof lo);
    chart_format_value(spec->max, spec->format, 0.01, hi, sizeof hi);
    chart_text_size(cr, lo, 0, 7, 0, 0, &tw, NULL);
    chart_set_rgb(cr, chart_muted);
    chart_text(cr, lo, lx, ly + 0.5, 0, 7, 0, CHART_LEFT, 0);
    lx += tw + 4;
    const double ramp_w = 110;
    for (int i = 0; i < 44; i++) {
        chart_set_rgb(cr, chart_ramp(i / 43.0));
        cairo_rectangle(cr, lx + i * ramp_w / 44, ly, ramp_w / 44 + 0.3, 9);
        cairo_fill(cr);
    }
    lx += ramp_w + 4;
    chart_set_rgb(cr, chart_muted);
    chart_text_size(cr, hi, 0, 7, 0, 0, &tw, NULL);
    chart_text(cr, hi, lx, ly + 0.5, 0, 7, 0, CHART_LEFT, 0);
    lx += tw + 14;
    double row2 = ly;
    /* keys only for what the map shows */
    const char *keys[3] = {has[CHART_CELL_SUPPRESSED] ? spec->suppressed_label : NULL,
                           has[CHART_CELL_PROTECTED] ? spec->protected_label : NULL,
                           has[CHART_CELL_EMPTY] ? spec->empty_label : NULL};
    for (int k = 0; k < 3; k++) {
        if (!keys[k])
            continue;
        chart_text_size(cr, keys[k], 0, 7, 0, 0, &tw, NULL);
        if (lx + 16 + tw > x + w) {
            lx = gx;
            row2 += 13;
        }
        if (k == 0)
            chart_hatch(cr, lx, row2, 12, 9, suppressed_fill, suppressed_lines);
        else if (k == 1)
            tna_chart_dots(cr, lx, row2, 12, 9, suppressed_fill, suppressed_lines);
        else {
            chart_set_rgb(cr, chart_grid);
            cairo_set_line_width(cr, 0.7);
            cairo_rectangle(cr, lx + 0.35, row2 + 0.35, 11.3, 8.3);
            cairo_stroke(cr);
        }
        chart_set_rgb(cr, chart_ink);
        chart_text(cr, keys[k], lx + 16, row2 + 0.5, x + w - lx - 16, 7, 0, CHART_LEFT, 0);
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

#define TILE_GAP 8.0
#define TILE_PAD 8.0

double chart_tiles_height(cairo_t *cr, double w, const chart_tile *tiles, size_t n)
{
    const double pad = TILE_PAD, vsize = 19, lsize = 8, nsize = 7;
    double tw = n ? (w - TILE_GAP * (n - 1)) / n : w, inner = tw - 2 * pad - 3;
    double h = 0;
    for (size_t i = 0; i < n; i++) {
        double vh, lh, nh = 0;
        chart_text_size(cr, tiles[i].value, inner, vsize, CHART_BOLD | CHART_WRAP, 2, NULL, &vh);
        chart_text_size(cr, tiles[i].label, inner, lsize, CHART_WRAP, 3, NULL, &lh);
        if (tiles[i].note)
            chart_text_size(cr, tiles[i].note, inner, nsize, CHART_WRAP, 3, NULL, &nh);
        h = fmax(h, pad + vh + 2 + lh + (nh > 0 ? nh + 3 : 0) + pad);
    }
    return h;
}

double chart_tiles(cairo_t *cr, double x, double y, double w, const chart_tile *tiles, size_t n)
{
    if (n == 0)
        return 0;
    const double gap = TILE_GAP, pad = TILE_PAD, vsize = 19, lsize = 8, nsize = 7;
    double tw = (w - gap * (n - 1)) / n, inner = tw - 2 * pad - 3;
    double h = chart_tiles_height(cr, w, tiles, n);
    for (size_t i = 0; i < n; i++) {
        double tx = x + i * (tw + gap);
        chart_set_rgb(cr, chart_panel);
        rounded(cr, tx, y, tw, h, 4);
        cairo_fill(cr);
        chart_set_rgb(cr, chart_accent);
        cairo_rectangle(cr, tx, y + 4, 3, h - 8);
        cairo_fill(cr);
        double ty = y + pad;
        chart_set_rgb(cr, chart_accent);
        ty += chart_text(cr, tiles[i].value, tx + pad + 3, ty, inner, vsize,
                         CHART_BOLD | CHART_WRAP, CHART_LEFT, 2) +
              2;
        chart_set_rgb(cr, chart_ink);
        ty += chart_text(cr, tiles[i].label, tx + pad + 3, ty, inner, lsize, CHART_WRAP, CHART_LEFT,
                         3) +
              3;
        if (tiles[i].note) {
            chart_set_rgb(cr, chart_muted);
            chart_text(cr, tiles[i].note, tx + pad + 3, ty, inner, nsize, CHART_WRAP, CHART_LEFT,
                       3);
        }
    }
    return h;
}

double chart_status(cairo_t *cr, double x, double y, chart_status_kind kind, const char *word,
                    double size)
{
    double tw, th;
    chart_text_size(cr, word, 0, size, CHART_BOLD, 0, &tw, &th);
    double w = tw + 10, h = size * 1.55;
    chart_rgb fill = {1, 1, 1}, ink = chart_muted;
    switch (kind) {
    case CHART_STATUS_RED:
        fill = (chart_rgb){0.70, 0.13, 0.13}, ink = (chart_rgb){1, 1, 1};
        break;
    case CHART_STATUS_AMBER:
        fill = (chart_rgb){0.96, 0.73, 0.18}, ink = chart_ink;
        break;
    case CHART_STATUS_GREEN:
        fill = (chart_rgb){0.13, 0.45, 0.22}, ink = (chart_rgb){1, 1, 1};
        break;
    case CHART_STATUS_NONE:
        break;
    }
    rounded(cr, x, y, w, h, h / 2);
    chart_set_rgb(cr, fill);
    cairo_fill_preserve(cr);
    chart_set_rgb(cr, kind == CHART_STATUS_NONE ? chart_grid : fill);
    cairo_set_line_width(cr, 0.7);
    cairo_stroke(cr);
    chart_set_rgb(cr, ink);
    chart_text(cr, word, x + 5, y + (h - th) / 2, 0, size, CHART_BOLD, CHART_LEFT, 0);
    return w;
}
