/*
 * xlsx_write.c - the workbook's formats and the guards every cell goes through.
 *
 * libxlsxwriter passes some things straight into the file that Excel then rejects or
 * misreads (measured on Debian 12's libxlsxwriter 1.1.4): NaN is written as "-NAN" (a damaged file), invalid
 * UTF-8 makes invalid XML, text such as "_x0041_" is read back as "A", and a string over
 * 32,767 characters or a sheet name over 31 is an error. Every write here is guarded: text
 * is made valid UTF-8, escaped (_x005F_ before an _xHHHH_ pattern) and cut at Excel's limit
 * (counted in UTF-16 units, as Excel counts); a number that is not finite becomes a blank
 * cell. The first libxlsxwriter error is kept in x->error.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include "numbers.h"
#include "xlsx_write.h"

void tna_xw_check(xw *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
        x->error = e;
}

const char *tna_xw_t(xw *x, tna_term term)
{
    return tna_label_term(x->l, term);
}

static lxw_format *fmt(xw *x, const char *num_format, bool bold)
{
    lxw_format *f = workbook_add_format(x->wb);
    if (num_format)
        format_set_num_format(f, num_format);
    if (bold)
        format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

static lxw_format *rag_format(xw *x, lxw_color_t fill, lxw_color_t font)
{
    lxw_format *f = fmt(x, NULL, true);
    format_set_bg_color(f, fill);
    format_set_font_color(f, font);
    format_set_align(f, LXW_ALIGN_CENTER);
    return f;
}

void tna_xw_formats(xw *x)
{
    x->title = workbook_add_format(x->wb);
    format_set_bold(x->title);
    format_set_font_size(x->title, 14);
    format_set_font_color(x->title, 0x1F3864);
    x->heading = workbook_add_format(x->wb);
    format_set_bold(x->heading);
    format_set_font_size(x->heading, 12);
    format_set_font_color(x->heading, 0x1F3864);
    x->subtitle = fmt(x, NULL, true);
    x->note = workbook_add_format(x->wb);
    format_set_italic(x->note);
    format_set_font_color(x->note, 0x595959);
    x->header = fmt(x, NULL, true);
    format_set_text_wrap(x->header);
    format_set_bg_color(x->header, 0xDDEBF7);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    format_set_font_color(x->header, 0x1F3864);
    x->header_num = fmt(x, NULL, true);
    format_set_text_wrap(x->header_num);
    format_set_bg_color(x->header_num, 0xDDEBF7);
    format_set_bottom(x->header_num, LXW_BORDER_THIN);
    format_set_font_color(x->header_num, 0x1F3864);
    format_set_align(x->header_num, LXW_ALIGN_RIGHT);
    x->text = fmt(x, NULL, false);
    x->wrap = fmt(x, NULL, false);
    format_set_text_wrap(x->wrap);
    x->bold = fmt(x, NULL, true);
    x->indent = fmt(x, NULL, false);
    format_set_indent(x->indent, 1);
    x->left_integer = fmt(x, "#,##0", false);
    format_set_align(x->left_integer, LXW_ALIGN_LEFT);
    x->integer = fmt(x, "#,##0", false);
    x->bold_integer = fmt(x, "#,##0", true);
    x->gap = fmt(x, "0.00", false);
    x->bold_gap = fmt(x, "0.00", true);
    x->percent = fmt(x, "0.0%", false);
    x->bold_percent = fmt(x, "0.0%", true);
    if (x->costed) { /* no pound sign in the file unless the configuration set a price */
        x->money = fmt(x, "\xC2\xA3#,##0", false);
        x->bold_money = fmt(x, "\xC2\xA3#,##0", true);
    }
    x->change_gap = fmt(x, "+0.00;-0.00;0.00", false);
    x->change_percent = fmt(x, "+0.0%;-0.0%;0.0%", false);
    x->change_integer = fmt(x, "+#,##0;-#,##0;0", false);
    x->suppressed = fmt(x, NULL, false);
    format_set_italic(x->suppressed);
    format_set_font_color(x->suppressed, 0x808080);
    format_set_align(x->suppressed, LXW_ALIGN_RIGHT);
    x->rag[TNA_RAG_NONE] = x->text;
    x->rag[TNA_RAG_GREEN] = rag_format(x, 0xC6EFCE, 0x006100);
    x->rag[TNA_RAG_AMBER] = rag_format(x, 0xFFEB9C, 0x9C5700);
    x->rag[TNA_RAG_RED] = rag_format(x, 0xFFC7CE, 0x9C0006);
}

static bool is_hex4(const char *p)
{
    for (int i = 0; i < 4; i++)
        if (!g_ascii_isxdigit(p[i]))
            return false;
    return true;
}

char *tna_xw_clean(const char *text)
{
    char *valid = g_utf8_make_valid(text ? text : "", -1);
    GString *s = g_string_sized_new(strlen(valid) + 8);
    for (const char *p = valid; *p; p++) {
        if (p[0] == '_' && (p[1] == 'x' || p[1] == 'X') && is_hex4(p + 2) && p[6] == '_')
            g_string_append(s, "_x005F");
        g_string_append_c(s, *p);
    }
    g_free(valid);
    long units = 0;
    for (const char *p = s->str; *p; p = g_utf8_next_char(p)) {
        units += g_utf8_get_char(p) > 0xFFFF ? 2 : 1;
        if (units > XW_TEXT_LIMIT) {
            g_string_truncate(s, (gsize)(p - s->str));
            break;
        }
    }
    return g_string_free(s, FALSE);
}

char *tna_xw_valid_sheet_name(const char *name)
{
    char *valid = g_utf8_make_valid(name, -1);
    GString *s = g_string_new(NULL);
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (s->len && g_utf8_strlen(s->str, -1) >= 31)
            break;
        if (strchr("[]:*?/\\", (int)c) != NULL && c < 0x80)
            g_string_append_c(s, '-');
        else if (c < 0x20)
            g_string_append_c(s, ' ');
        else
            g_string_append_unichar(s, c);
    }
    g_free(valid);
    /* no apostrophe or space at either end */
    while (s->len && (s->str[s->len - 1] == '\'' || s->str[s->len - 1] == ' '))
        g_string_truncate(s, s->len - 1);
    while (s->len && (s->str[0] == '\'' || s->str[0] == ' '))
        g_string_erase(s, 0, 1);
    if (s->len == 0 || g_ascii_strcasecmp(s->str, "History") == 0)
        g_string_append(s, " sheet"); /* Excel reserves History */
    return g_string_free(s, FALSE);
}

char *tna_xw_sheet_name(xw *x, tna_term term)
{
    const char *name = tna_xw_t(x, term);
    /* "Cymraeg / English" too long for a tab: the first language alone */
    if (g_utf8_strlen(name, -1) > 31)
        name = tna_term_in(term, tna_label_first_language(x->l));
    return tna_xw_valid_sheet_name(name);
}

lxw_worksheet *tna_xw_sheet(xw *x, tna_term term)
{
    char *name = tna_xw_sheet_name(x, term);
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    g_free(name);
    if (ws == NULL) /* a name clash between two translations: let the library name it */
        ws = workbook_add_worksheet(x->wb, NULL);
    if (ws == NULL)
        g_error("libxlsxwriter could not add a worksheet");
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    return ws;
}

void tna_xw_text(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
             lxw_format *f)
{
    char *c = tna_xw_clean(text);
    if (c[0] == '\0')
        tna_xw_check(x, worksheet_write_blank(ws, row, col, f));
    else
        tna_xw_check(x, worksheet_write_string(ws, row, col, c, f));
    g_free(c);
}

void tna_xw_number(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
    if (isfinite(v)) /* the CSV's six-decimal value: its format shows the PDF's digits */
        tna_xw_check(x, worksheet_write_number(ws, row, col, tna_round_shown(v), f));
    else
        tna_xw_check(x, worksheet_write_blank(ws, row, col, f));
}

void tna_xw_int(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int64_t v, lxw_format *f)
{
    tna_xw_check(x, worksheet_write_number(ws, row, col, (double)v, f));
}

void tna_xw_blank(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
    tna_xw_check(x, worksheet_write_blank(ws, row, col, f));
}

void tna_xw_hidden(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, tna_hidden why)
{
    if (why != TNA_SHOWN)
        tna_xw_text(x, ws, row, col, why == TNA_SUPPRESSED ? x->marker : x->protect, x->suppressed);
}

const char *tna_xw_coverage(xw *x, const tna_group *g)
{
    if (g == NULL || g->hidden || g->topic == TNA_NONE || g->skills_assessed >= g->skills)
        return NULL;
    return tna_label_termf(x->l, TERM_K_OF_N_SKILLS, g->skills_assessed, g->skills);
}

void tna_xw_title(xw *x, lxw_worksheet *ws, const char *title, const char *note)
{
    tna_xw_text(x, ws, 0, 0, title, x->title);
    worksheet_set_row(ws, 0, 21, NULL);
    if (note)
        tna_xw_text(x, ws, 1, 0, note, x->note);
}

int tna_xw_lines(const char *text, double width)
{
    /* about one character per unit of column width; bold or wide letters need a little more */
    double len = (double)g_utf8_strlen(text ? text : "", -1) * 1.0;
    int lines = (int)ceil(len / (width > 1 ? width : 1));
    return lines < 1 ? 1 : lines;
}

void tna_xw_fit(xw *x, lxw_worksheet *ws, lxw_row_t row, int lines)
{
    if (lines > 1)
        tna_xw_check(x, worksheet_set_row(ws, row, 15.0 * (lines > 8 ? 8 : lines) + 2, NULL));
}

void tna_xw_header(xw *x, lxw_worksheet *ws, lxw_row_t row, const char *const *texts, int n,
               const double *widths, const char *kinds)
{
    int lines = 1;
    for (int i = 0; i < n; i++) {
        bool num = kinds && i < (int)strlen(kinds) && kinds[i] == 'n';
        tna_xw_text(x, ws, row, (lxw_col_t)i, texts[i], num ? x->header_num : x->header);
        if (widths) {
            tna_xw_check(x, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL));
            int need = tna_xw_lines(texts[i], widths[i]);
            if (need > lines)
                lines = need;
        }
    }
    tna_xw_fit(x, ws, row, lines);
}

void tna_xw_table(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_row_t last_row,
              lxw_col_t last_col)
{
    worksheet_freeze_panes(ws, row, col);
    if (row > 0)
        tna_xw_check(x, worksheet_autofilter(ws, row - 1, 0, last_row < row - 1 ? row - 1 : last_row,
                                         last_col));
}

void tna_xw_figure_headers(xw *x, const char **texts)
{
    texts[0] = tna_xw_t(x, TERM_RESPONDENTS);
    texts[1] = tna_xw_t(x, TERM_SKILLS_ASSESSED);
    texts[2] = tna_xw_t(x, TERM_BELOW_TARGET);
    texts[3] = tna_xw_t(x, TERM_TOTAL_GAP_LEVELS);
    texts[4] = tna_xw_t(x, TERM_MEAN_GAP);
    texts[5] = tna_xw_t(x, TERM_SHARE_BELOW_TARGET);
    texts[6] = tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING);
}

void tna_xw_figures(xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const tna_group *g,
                bool bold)
{
    if (g == NULL)
        return;
    if (g->hidden) {
        tna_xw_hidden(x, ws, row, col, g->hidden);
        return;
    }
    lxw_format *in = bold ? x->bold_integer : x->integer;
    tna_xw_int(x, ws, row, col, g->respondents, in);
    tna_xw_int(x, ws, row, col + 1, g->assessed, in);
    tna_xw_int(x, ws, row, col + 2, g->below_target, in);
    tna_xw_int(x, ws, row, col + 3, g->gap_sum, in);
    tna_xw_number(x, ws, row, col + 4, g->mean_gap, bold ? x->bold_gap : x->gap);
    tna_xw_number(x, ws, row, col + 5, g->share_below, bold ? x->bold_percent : x->percent);
    tna_xw_int(x, ws, row, col + 6, g->learners_needing, in);
}

const char *tna_xw_metric_name(xw *x, tna_metric metric)
{
    switch (metric) {
    case TNA_METRIC_SHARE_AT_TARGET:
        return tna_xw_t(x, TERM_METRIC_SHARE_AT_TARGET);
    case TNA_METRIC_MEAN_GAP:
        return tna_xw_t(x, TERM_MEAN_GAP);
    case TNA_METRIC_LEARNERS_NEEDING:
        return tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING);
    case TNA_METRIC_GAP_REDUCTION:
        return tna_xw_t(x, TERM_METRIC_GAP_REDUCTION);
    case TNA_METRIC_SATISFACTION:
        return tna_xw_t(x, TERM_METRIC_SATISFACTION);
    case TNA_METRIC_LEARNING_UPLIFT:
        return tna_xw_t(x, TERM_METRIC_LEARNING_UPLIFT);
    case TNA_METRIC_APPLIED_RATE:
        return tna_xw_t(x, TERM_METRIC_APPLIED_RATE);
    case TNA_METRIC_TRAINED_VS_UNTRAINED:
        return tna_xw_t(x, TERM_METRIC_TRAINED_VS_UNTRAINED);
    case TNA_METRIC_SHARE_SKILLS_AT_TARGET:
        return tna_xw_t(x, TERM_METRIC_SHARE_SKILLS_AT_TARGET);
    case TNA_METRIC_COUNT:
        break;
    }
    return "";
}

lxw_format *tna_xw_metric_format(xw *x, tna_metric metric)
{
    switch (metric) {
    case TNA_METRIC_SHARE_AT_TARGET:
    case TNA_METRIC_SHARE_SKILLS_AT_TARGET:
    case TNA_METRIC_APPLIED_RATE:
        return x->percent;
    case TNA_METRIC_LEARNERS_NEEDING:
        return x->integer;
    default:
        return x->gap;
    }
}

char *tna_xw_money(double v)
{
    if (!isfinite(v))
        return g_strdup("");
    char digits[64];
    tna_format_decimal(fabs(v), 0, 0, digits, sizeof digits);
    GString *s = g_string_new(v < 0 ? "-\xC2\xA3" : "\xC2\xA3");
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            g_string_append_c(s, ',');
        g_string_append_c(s, digits[i]);
    }
    return g_string_free(s, FALSE);
}

char *tna_xw_utc(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[64];
    if (gmtime_r(&tt, &tm) == NULL || strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        return g_strdup("");
    return g_strdup(buf);
}

/* A column width that fits every label of a kind, its "All ..." word included. */
static double width_of(xw *x, const char *(*label)(tna_labels *, uint32_t), size_t n)
{
    double w = (double)g_utf8_strlen(label(x->l, TNA_NONE), -1);
    for (size_t i = 0; i < n; i++) {
        double len = (double)g_utf8_strlen(label(x->l, (uint32_t)i), -1);
        w = len > w ? len : w;
    }
    w = w * 1.1 + 2; /* total rows are bold */
    return w < 10 ? 10 : w > 60 ? 60 : w;
}

double tna_xw_width(xw *x, char kind)
{
    const tna_model *m = x->m;
    switch (kind) {
    case 'a':
        return width_of(x, tna_label_authority, m->n_authorities);
    case 'g':
        return width_of(x, tna_label_region, m->n_regions);
    case 'p':
        return width_of(x, tna_label_role, m->n_roles);
    case 'f':
        return width_of(x, tna_label_framework, m->n_frameworks);
    case 't':
        return width_of(x, tna_label_topic, m->n_topics);
    case 's':
        return width_of(x, tna_label_skill, m->n_skills);
    }
    return 12;
}

bool tna_xw_shows(xw *x, uint32_t authority, uint32_t region)
{
    return (authority == TNA_NONE || tna_render_shows_authority(x->opt, x->m, authority)) &&
           (region == TNA_NONE || tna_render_shows_region(x->opt, x->m, region));
}
