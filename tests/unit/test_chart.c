/*
 * test_chart.c - labels wrap instead of being cut (render/chart.c, tna_chart_text.c): a bar's
 * row grows to its label wrapped at the label width, a table column's least width is its
 * widest word, a chart draws as tall as it measured, and a text pango had to cut is
 * counted. Text is measured with pango on a recording surface, in the charts' own font.
 */
#include <cairo.h>
#include <math.h>

#include "../../src/render/chart.h"
#include "check.h"

static cairo_t *new_cr(void)
{
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(s);
    cairo_surface_destroy(s); /* cr holds it */
    return cr;
}

static double width_of(cairo_t *cr, const char *text, double size)
{
    double w;
    tna_chart_text_size(cr, text, 0, size, 0, 0, &w, NULL);
    return w;
}

static void test_min_width_is_widest_word(void)
{
    cairo_t *cr = new_cr();
    CHECK_NEAR(tna_chart_text_min_width(cr, "Strwythuro cynnwys", 7, 0),
               width_of(cr, "Strwythuro", 7), 1e-9);
    /* a line may break after a hyphen: "De-" and "orllewin" are pieces of their own */
    double pieces =
        fmax(width_of(cr, "De-", 7), fmax(width_of(cr, "orllewin", 7), width_of(cr, "Cymru", 7)));
    CHECK_NEAR(tna_chart_text_min_width(cr, "De-orllewin  Cymru", 7, 0), pieces, 1e-9);
    CHECK(tna_chart_text_min_width(cr, "De-orllewin Cymru", 7, 0) < width_of(cr, "De-orllewin", 7));
    CHECK(tna_chart_text_min_width(cr, "Rhannu canfyddiadau", 7, CHART_BOLD) >
          tna_chart_text_min_width(cr, "Rhannu canfyddiadau", 7, 0));
    CHECK_NEAR(tna_chart_text_min_width(cr, "", 7, 0), 0, 1e-9);
    CHECK_NEAR(tna_chart_text_min_width(cr, NULL, 7, 0), 0, 1e-9);
    cairo_destroy(cr);
}

static void test_bar_row_grows_with_its_label(void)
{
    cairo_t *cr = new_cr();
    const char *long_label = "Rhannu canfyddiadau a gweithrediadau ymchwil / Sharing findings and "
                             "research operations";
    chart_bar short_bars[2] = {{.label = "Data", .value = {0.5}}, {.label = "Web", .value = {0.3}}};
    chart_bar long_bars[2] = {{.label = "Data", .value = {0.5}},
                              {.label = long_label, .value = {0.3}}};
    chart_bars spec = {short_bars, 2, 1, {NULL}, CHART_FMT_DECIMAL, 1, NULL, 9, 0.4};
    const double w = 400;
    double h_short = tna_chart_hbars_height(cr, w, &spec);
    spec.bars = long_bars;
    double h_long = tna_chart_hbars_height(cr, w, &spec);
    /* the label column is 40% of the width at most; the long label wraps there onto three
     * lines (not one shortened line), and its row takes their height */
    double lw = w * 0.4, one_line, wrapped;
    tna_chart_text_size(cr, long_label, 0, 7.5, 0, 0, NULL, &one_line);
    tna_chart_text_size(cr, long_label, lw, 7.5, CHART_WRAP, 0, NULL, &wrapped);
    CHECK(width_of(cr, long_label, 7.5) > lw);
    CHECK(wrapped > 2.5 * one_line && wrapped < 3.5 * one_line);
    double row_short = 9 + 0.6 * 9; /* one bar and the gap: taller than a one-line label */
    CHECK(row_short > one_line + 3);
    CHECK_NEAR(h_long - h_short, wrapped + 3 - row_short, 1e-6);
    /* drawn as tall as measured */
    CHECK_NEAR(tna_chart_hbars(cr, 0, 0, w, &spec), h_long, 1e-6);
    cairo_destroy(cr);
}

/* The texts pango cut short are counted per cairo context: a one-line label wider than its
 * width, or a wrapped one with more lines than allowed, is cut; the same text wrapped freely,
 * or measured, is not. */
static void test_cut_texts(void)
{
    cairo_t *cr = new_cr();
    const char *label = "Awdurdodau a gynhwysir / Authorities covered";
    double w = width_of(cr, label, 10);
    CHECK(tna_chart_cut_texts(cr) == NULL);
    tna_chart_text(cr, label, 0, 0, w + 1, 10, 0, CHART_LEFT, 0);          /* fits */
    tna_chart_text(cr, label, 0, 0, w / 2, 10, CHART_WRAP, CHART_LEFT, 0); /* wraps */
    tna_chart_text_size(cr, label, w / 2, 10, 0, 0, NULL, NULL);           /* measured */
    CHECK(tna_chart_cut_texts(cr) == NULL);
    tna_chart_text(cr, label, 0, 0, w / 2, 10, 0, CHART_LEFT, 0);          /* one line */
    tna_chart_text(cr, label, 0, 0, w / 3, 10, CHART_WRAP, CHART_LEFT, 2); /* 3 > 2 */
    tna_chart_text_up(cr, label, 0, 0, w / 2, 10, 0, 0);                   /* upwards */
    GPtrArray *cut = tna_chart_cut_texts(cr);
    CHECK(cut != NULL && cut->len == 3);
    if (cut != NULL && cut->len > 0)
        CHECK_STR(g_ptr_array_index(cut, 0), label);
    cairo_destroy(cr);
    cr = new_cr(); /* a new context starts again from none */
    CHECK(tna_chart_cut_texts(cr) == NULL);
    cairo_destroy(cr);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_min_width_is_widest_word);
    RUN(test_bar_row_grows_with_its_label);
    RUN(test_cut_texts);
    return g_test_run();
}
