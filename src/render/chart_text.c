/*
 * tna_chart_text.c - the chart module's text and numbers; see chart.h.
 *
 * All text goes through pango: shaping, composed Welsh letters (ŵ, ŷ, â), wrapping at word
 * boundaries and ellipses. Fonts are named explicitly (CHART_FONT with an absolute size in
 * points), so the result does not depend on fontconfig's default font. Layouts come from
 * the pango context attached to the cairo context (tna_chart_set_context), updated for the
 * current transformation before each use, so rotated labels measure as they print.
 */
#include "chart.h"

#include <inttypes.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

/* ---- text ------------------------------------------------------------------------------ */

static const cairo_user_data_key_t context_key, rotated_done_key, cut_key;

void tna_chart_set_context(cairo_t *cr, PangoContext *context)
{
    cairo_set_user_data(cr, &context_key, context, NULL);
    pango_cairo_update_context(cr, context); /* upright text: see layout_new */
}

/* A layout of text as tna_chart_text draws it (natural: as wide as it is, for measuring). */
static PangoLayout *layout_make(PangoLayout *lay, const char *text, double w, double size,
                                int flags, chart_align align, int max_lines, bool natural)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family_static(fd, CHART_FONT);
    pango_font_description_set_weight(fd, (flags & CHART_BOLD) ? PANGO_WEIGHT_BOLD
                                                               : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_layout_set_font_description(lay, fd);
    pango_font_description_free(fd);
    if (w > 0) {
        pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
        if (flags & CHART_WRAP) {
            pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
            if (max_lines > 0) {
                pango_layout_set_height(lay, -max_lines);
                pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
            }
        } else {
            pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
        }
        pango_layout_set_alignment(lay, align == CHART_CENTER  ? PANGO_ALIGN_CENTER
                                        : align == CHART_RIGHT ? PANGO_ALIGN_RIGHT
                                                               : PANGO_ALIGN_LEFT);
    }
    if (natural && w > 0 && !(flags & CHART_WRAP)) {
        pango_layout_set_width(lay, -1);
        pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_NONE);
    }
    pango_layout_set_text(lay, text ? text : "", -1);
    return lay;
}

/* The layouts made with a context, by what they were made of: a report measures each text
 * before it draws it, and draws it again in its second pass (pdf.c); shaping it once per
 * pass is enough. A layout lays itself out again whenever its context changes, and updating
 * a context from a cairo context always counts as a change, so each context is updated once
 * per cairo context: the upright one when it is set (tna_chart_set_context), the one for
 * rotated labels (made from the same font map and options; the only rotation is a quarter
 * turn) at the first rotated label. Both are freed with the context. */
static const char layouts_key[] = "tna-chart-layouts", rotated_key[] = "tna-chart-rotated";

static PangoContext *rotated_context(PangoContext *upright)
{
    PangoContext *c = g_object_get_data(G_OBJECT(upright), rotated_key);
    if (c == NULL) {
        c = pango_font_map_create_context(pango_context_get_font_map(upright));
        const cairo_font_options_t *options = pango_cairo_context_get_font_options(upright);
        if (options)
            pango_cairo_context_set_font_options(c, options);
        g_object_set_data_full(G_OBJECT(upright), rotated_key, c, g_object_unref);
    }
    return c;
}

void tna_chart_drop_layouts(PangoContext *context)
{
    PangoContext *rotated = g_object_get_data(G_OBJECT(context), rotated_key);
    if (rotated)
        g_object_set_data(G_OBJECT(rotated), layouts_key, NULL);
    g_object_set_data(G_OBJECT(context), rotated_key, NULL);
    g_object_set_data(G_OBJECT(context), layouts_key, NULL);
}

static PangoLayout *layout_new(cairo_t *cr, const char *text, double w, double size, int flags,
                               chart_align align, int max_lines, bool natural, bool rotated)
{
    PangoContext *context = cairo_get_user_data(cr, &context_key);
    if (context == NULL)
        return layout_make(pango_cairo_create_layout(cr), text, w, size, flags, align,
                           max_lines, natural);
    if (rotated) {
        context = rotated_context(context);
        if (cairo_get_user_data(cr, &rotated_done_key) == NULL) {
            pango_cairo_update_context(cr, context);
            cairo_set_user_data(cr, &rotated_done_key, context, NULL);
        }
    }
    GHashTable *cache = g_object_get_data(G_OBJECT(context), layouts_key);
    if (cache == NULL) {
        cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
        g_object_set_data_full(G_OBJECT(context), layouts_key, cache,
                               (GDestroyNotify)g_hash_table_destroy);
    }
    uint64_t wb, sb; /* the doubles' bits: exact, and quicker to print than %a */
    memcpy(&wb, &w, sizeof wb);
    memcpy(&sb, &size, sizeof sb);
    char small[256];
    int n = snprintf(small, sizeof small, "%" PRIx64 " %" PRIx64 " %d %d %d %d %s", wb, sb, flags,
                     (int)align, max_lines, natural, text ? text : "");
    char *key = n >= 0 && (size_t)n < sizeof small
                    ? small
                    : g_strdup_printf("%" PRIx64 " %" PRIx64 " %d %d %d %d %s", wb, sb, flags,
                                      (int)align, max_lines, natural, text ? text : "");
    PangoLayout *lay = g_hash_table_lookup(cache, key);
    if (lay == NULL) {
        lay = layout_make(pango_layout_new(context), text, w, size, flags, align, max_lines,
                          natural);
        g_hash_table_insert(cache, key == small ? g_strdup(small) : key, lay);
    } else if (key != small) {
        g_free(key);
    }
    return g_object_ref(lay);
}

/* Notes text on cr's list of cut texts when pango shortened its layout with an ellipsis. */
static void note_cut(cairo_t *cr, PangoLayout *lay, const char *text)
{
    if (!pango_layout_is_ellipsized(lay))
        return;
    GPtrArray *cut = cairo_get_user_data(cr, &cut_key);
    if (cut == NULL) {
        cut = g_ptr_array_new_with_free_func(g_free);
        cairo_set_user_data(cr, &cut_key, cut, (cairo_destroy_func_t)g_ptr_array_unref);
    }
    g_ptr_array_add(cut, g_strdup(text));
}

GPtrArray *tna_chart_cut_texts(cairo_t *cr)
{
    return cairo_get_user_data(cr, &cut_key);
}

static void layout_size(PangoLayout *lay, double *w, double *h)
{
    int pw, ph;
    pango_layout_get_size(lay, &pw, &ph);
    if (w)
        *w = (double)pw / PANGO_SCALE;
    if (h)
        *h = (double)ph / PANGO_SCALE;
}

double tna_chart_text(cairo_t *cr, const char *text, double x, double y, double w, double size,
                  int flags, chart_align align, int max_lines)
{
    if (text == NULL || text[0] == '\0')
        return 0;
    PangoLayout *lay = layout_new(cr, text, w, size, flags, align, max_lines, false, false);
    double tw, th;
    layout_size(lay, &tw, &th);
    if (w <= 0 && align == CHART_CENTER)
        x -= tw / 2;
    else if (w <= 0 && align == CHART_RIGHT)
        x -= tw;
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, lay);
    note_cut(cr, lay, text);
    cairo_new_path(cr); /* leave no current point for the next path to join */
    g_object_unref(lay);
    return th;
}

void tna_chart_text_size(cairo_t *cr, const char *text, double w, double size, int flags, int max_lines,
                     double *width, double *height)
{
    /* the natural width, not the ellipsized box */
    PangoLayout *lay = layout_new(cr, text, w, size, flags, CHART_LEFT, max_lines, true, false);
    layout_size(lay, width, height);
    g_object_unref(lay);
}

void tna_chart_text_up(cairo_t *cr, const char *text, double x, double y, double max_len, double size,
                   int flags, int max_lines)
{
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_rotate(cr, -M_PI / 2);
    PangoLayout *lay =
        layout_new(cr, text, max_len, size, flags, CHART_LEFT, max_lines, false, true);
    double th;
    layout_size(lay, NULL, &th);
    cairo_move_to(cr, 0, -th);
    pango_cairo_show_layout(cr, lay);
    note_cut(cr, lay, text);
    cairo_new_path(cr);
    g_object_unref(lay);
    cairo_restore(cr);
}

/* ---- numbers ---------------------------------------------------------------------------- */

static void thousands(long long v, char *buf, size_t size)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    size_t n = strlen(digits), o = 0;
    if (v < 0 && o + 1 < size)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

void tna_chart_format_value(double v, chart_format f, double step, char *buf, size_t size)
{
    switch (f) {
    case CHART_FMT_PERCENT:
        snprintf(buf, size, "%.0f%%", v * 100);
        return;
    case CHART_FMT_COUNT:
        thousands(llround(v), buf, size);
        return;
    case CHART_FMT_MONEY:
        if (fabs(v) >= 1e6)
            snprintf(buf, size, "£%.1fm", v / 1e6);
        else if (fabs(v) >= 1e3)
            snprintf(buf, size, step >= 1000 && fmod(v, 1000) == 0 ? "£%.0fk" : "£%.1fk", v / 1e3);
        else
            snprintf(buf, size, "£%.0f", v);
        return;
    case CHART_FMT_DECIMAL:
        break;
    }
    int decimals = 0; /* as many as the step needs: 0.25 -> 2, 0.2 -> 1, 1 -> 0 */
    while (decimals < 3 &&
           fabs(step * pow(10, decimals) - llround(step * pow(10, decimals))) > 1e-6)
        decimals++;
    if (step < 1 && decimals == 0)
        decimals = 1;
    snprintf(buf, size, "%.*f", decimals, fabs(v) < 1e-12 ? 0.0 : v);
}

double tna_chart_text_min_width(cairo_t *cr, const char *text, double size, int flags)
{
    /* each word measured alone: a line breaks at a space or after a hyphen, never inside a
     * word (tna_chart_text's wrap breaks a word only when it is wider than the line) */
    double widest = 0;
    const char *p = text ? text : "";
    while (*p) {
        size_t n = strcspn(p, " -");
        n += p[n] == '-';
        if (n > 0) {
            char *word = g_strndup(p, n);
            double w;
            tna_chart_text_size(cr, word, 0, size, flags & ~CHART_WRAP, 0, &w, NULL);
            widest = fmax(widest, w);
            g_free(word);
        }
        p += n + (p[n] == ' ');
    }
    return widest;
}
