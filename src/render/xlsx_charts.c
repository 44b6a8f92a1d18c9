/*
 * xlsx_charts.c - the native Excel charts and the hidden sheet they plot from.
 *
 * Four charts: the largest mean gaps by topic (bar, on Summary), the all-Wales mean gap per
 * period (line, on Trends), the cost of the pooled plan beside the cost if each authority
 * commissioned alone per topic (column, on Commissioning) and the share citing each barrier
 * (bar, on Barriers).
 *
 * A chart must never plot a suppressed figure, and Excel plots a text cell in a value range
 * as 0, so the charts do not point at the visible tables (whose suppressed cells hold the
 * marker text, and whose rows a filter may hide). tna_xlsx_chart_prepare collects only shown
 * figures, in the order they are plotted; tna_xlsx_chart_data writes them to a hidden last sheet
 * ("Chart data"), a blank cell where a period has no shown figure (a gap in the line). A
 * chart with nothing to plot is left out.
 */
#include <math.h>

#include "xlsx_write.h"

#define TOP_GAPS 10
#define DATA_ROW 3 /* first data row of every block on the Chart data sheet */

/* Block columns on the Chart data sheet. */
enum { COL_GAPS = 0, COL_TREND = 3, COL_COSTS = 6, COL_BARRIERS = 10 };

static int by_v1_desc(gconstpointer a, gconstpointer b)
{
    const xw_point *p = a, *q = b;
    return (p->v1 < q->v1) - (p->v1 > q->v1);
}

static void point(GArray *a, const char *label, double v1, double v2)
{
    xw_point p = {label, v1, v2};
    g_array_append_val(a, p);
}

void tna_xlsx_chart_prepare(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    x->chart_sheet = tna_xw_sheet_name(x, TERM_CHART_DATA);
    x->top_gaps = g_array_new(FALSE, FALSE, sizeof(xw_point));
    x->trend = g_array_new(FALSE, FALSE, sizeof(xw_point));
    x->costs = g_array_new(FALSE, FALSE, sizeof(xw_point));
    x->barriers = g_array_new(FALSE, FALSE, sizeof(xw_point));

    for (uint32_t t = 0; t < x->m->n_topics; t++) {
        const tna_group *g =
            tna_results_find(x->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)});
        if (g && !g->hidden && isfinite(g->mean_gap))
            point(x->top_gaps, tna_label_topic(x->l, t), g->mean_gap, NAN);
    }
    g_array_sort(x->top_gaps, by_v1_desc); /* stable: ties keep model order */
    if (x->top_gaps->len > TOP_GAPS)
        g_array_set_size(x->top_gaps, TOP_GAPS);

    for (size_t p = 0; p < x->r->n_periods; p++) {
        const tna_group *g = tna_results_find(&x->r->periods[p], TNA_SET_ALL, TNA_DIMS_ALL);
        point(x->trend, x->r->periods[p].period, g && !g->hidden ? g->mean_gap : NAN, NAN);
    }

    for (size_t i = 0; i < pl->n_totals; i++) {
        const tna_commissioning_total *t = &pl->totals[i];
        if (x->costed && t->topic != TNA_NONE && !t->hidden)
            point(x->costs, tna_label_topic(x->l, t->topic), t->cost, t->cost_alone);
    }

    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority == TNA_NONE && !b->hidden)
            point(x->barriers, tna_label_barrier(x->l, b->barrier), b->share, NAN);
    }
    g_array_sort(x->barriers, by_v1_desc);
}

static void block(xw *x, lxw_worksheet *ws, lxw_col_t col, GArray *pts, const char *h0,
                  const char *h1, const char *h2, lxw_format *f)
{
    const char *head[] = {h0, h1, h2};
    for (int i = 0; i < (h2 ? 3 : 2); i++) {
        tna_xw_text(x, ws, DATA_ROW - 1, col + (lxw_col_t)i, head[i], x->header);
        tna_xw_check(x, worksheet_set_column(ws, col + (lxw_col_t)i, col + (lxw_col_t)i,
                                         i == 0 ? 34 : 12, NULL));
    }
    for (guint i = 0; i < pts->len; i++) {
        const xw_point *p = &g_array_index(pts, xw_point, i);
        tna_xw_text(x, ws, DATA_ROW + i, col, p->label, x->text);
        tna_xw_number(x, ws, DATA_ROW + i, col + 1, p->v1, f); /* NAN: blank, a gap */
        if (h2)
            tna_xw_number(x, ws, DATA_ROW + i, col + 2, p->v2, f);
    }
}

void tna_xlsx_chart_data(xw *x)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, x->chart_sheet);
    if (ws == NULL)
        ws = workbook_add_worksheet(x->wb, NULL);
    if (ws) {
        tna_xw_title(x, ws, tna_xw_t(x, TERM_WHAT_THE_CHARTS_PLOT), tna_xw_t(x, TERM_CHART_DATA_INTRO));
        const char *topic = tna_xw_t(x, TERM_TOPIC);
        block(x, ws, COL_GAPS, x->top_gaps, topic, tna_xw_t(x, TERM_MEAN_GAP), NULL, x->gap);
        block(x, ws, COL_TREND, x->trend, tna_xw_t(x, TERM_PERIOD),
              tna_label_termf(x->l, TERM_MEAN_GAP_ALL_WALES, tna_label_wales_lower(x->l)), NULL,
              x->gap);
        block(x, ws, COL_COSTS, x->costs, topic, tna_xw_t(x, TERM_POOLED_PLAN),
              tna_xw_t(x, TERM_EACH_AUTHORITY_ALONE), x->money);
        block(x, ws, COL_BARRIERS, x->barriers, tna_xw_t(x, TERM_BARRIER),
              tna_xw_t(x, TERM_SHARE_CITING_IT), NULL, x->percent);
        worksheet_hide(ws);
    }
    g_array_free(x->top_gaps, TRUE);
    g_array_free(x->trend, TRUE);
    g_array_free(x->costs, TRUE);
    g_array_free(x->barriers, TRUE);
}

/* A series over rows DATA_ROW .. DATA_ROW + n - 1 of the Chart data sheet. */
static lxw_chart_series *series(xw *x, lxw_chart *c, lxw_col_t cat, lxw_col_t val, guint n,
                                const char *name)
{
    lxw_chart_series *s = chart_add_series(c, NULL, NULL);
    chart_series_set_categories(s, x->chart_sheet, DATA_ROW, cat, DATA_ROW + n - 1, cat);
    chart_series_set_values(s, x->chart_sheet, DATA_ROW, val, DATA_ROW + n - 1, val);
    if (name) {
        char *valid = g_utf8_make_valid(name, -1);
        chart_series_set_name(s, valid);
        g_free(valid);
    }
    return s;
}

static void titled(lxw_chart *c, const char *title)
{
    char *valid = g_utf8_make_valid(title, -1);
    chart_title_set_name(c, valid);
    g_free(valid);
    lxw_chart_font font = {.bold = LXW_TRUE, .size = 12};
    chart_title_set_name_font(c, &font);
}

static void place(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *c, double xs,
                  double ys)
{
    lxw_chart_options o = {0};
    o.x_scale = xs;
    o.y_scale = ys;
    o.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE; /* filters must not squash it */
    tna_xw_check(x, worksheet_insert_chart_opt(ws, row, col, c, &o));
}

lxw_row_t tna_xlsx_chart_top_gaps(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    guint n = x->top_gaps->len;
    if (n == 0)
        return 0;
    lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_BAR);
    lxw_chart_series *s = series(x, c, COL_GAPS, COL_GAPS + 1, n, NULL);
    lxw_chart_fill fill = {.color = 0xC0504D};
    chart_series_set_fill(s, &fill);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0.00");
    titled(c, tna_label_termf(x->l, TERM_CHART_TOP_GAPS, tna_label_wales_lower(x->l)));
    /* in a bar chart y_axis is the (vertical) category axis, x_axis the value axis */
    chart_axis_set_reverse(c->y_axis);      /* the largest at the top */
    chart_axis_set_crossing_max(c->y_axis); /* and the value axis still at the bottom */
    chart_axis_set_num_format(c->x_axis, "0.0");
    chart_axis_set_min(c->x_axis, 0);
    chart_axis_set_name(c->x_axis, tna_xw_t(x, TERM_MEAN_GAP_LEVELS_BELOW_TARGET));
    chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
    place(x, ws, row, col, c, 1.5, 1.3);
    return 19;
}

lxw_row_t tna_xlsx_chart_trend(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    guint n = x->trend->len, shown = 0;
    for (guint i = 0; i < n; i++)
        shown += isfinite(g_array_index(x->trend, xw_point, i).v1);
    if (shown == 0)
        return 0;
    lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_LINE);
    lxw_chart_series *s = series(x, c, COL_TREND, COL_TREND + 1, n, NULL);
    lxw_chart_line line = {.color = 0x1F3864, .width = 2.25};
    chart_series_set_line(s, &line);
    chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
    chart_series_set_marker_size(s, 7);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0.00");
    chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_ABOVE);
    titled(c, tna_label_termf(x->l, TERM_CHART_TREND, tna_label_wales_lower(x->l)));
    chart_axis_set_min(c->y_axis, 0);
    chart_axis_set_num_format(c->y_axis, "0.00");
    chart_axis_set_name(c->x_axis, tna_xw_t(x, TERM_PERIOD));
    chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
    chart_show_blanks_as(c, LXW_CHART_BLANKS_AS_GAP);
    place(x, ws, row, col, c, 1.2, 1.0);
    return 15;
}

lxw_row_t tna_xlsx_chart_costs(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    guint n = x->costs->len;
    if (n == 0)
        return 0;
    lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    lxw_chart_series *pooled = series(x, c, COL_COSTS, COL_COSTS + 1, n, tna_xw_t(x, TERM_POOLED_PLAN));
    lxw_chart_series *alone =
        series(x, c, COL_COSTS, COL_COSTS + 2, n, tna_xw_t(x, TERM_EACH_AUTHORITY_ALONE));
    lxw_chart_fill f1 = {.color = 0x2E75B6}, f2 = {.color = 0xBFBFBF};
    chart_series_set_fill(pooled, &f1);
    chart_series_set_fill(alone, &f2);
    titled(c, tna_xw_t(x, TERM_CHART_COSTS));
    chart_axis_set_num_format(c->y_axis, "\xC2\xA3#,##0");
    chart_axis_set_min(c->y_axis, 0);
    chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    place(x, ws, row, col, c, 2.0, 2.0);
    return 29;
}

lxw_row_t tna_xlsx_chart_barriers(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    guint n = x->barriers->len;
    if (n == 0)
        return 0;
    lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_BAR);
    lxw_chart_series *s = series(x, c, COL_BARRIERS, COL_BARRIERS + 1, n, NULL);
    lxw_chart_fill fill = {.color = 0x8064A2};
    chart_series_set_fill(s, &fill);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0%");
    titled(c, tna_xw_t(x, TERM_CHART_BARRIERS));
    chart_axis_set_reverse(c->y_axis);
    chart_axis_set_crossing_max(c->y_axis);
    chart_axis_set_num_format(c->x_axis, "0%");
    chart_axis_set_min(c->x_axis, 0);
    chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
    place(x, ws, row, col, c, 1.5, 1.2);
    return 18;
}
