/*
 * pdf_text.c - text that flows down the report's pages: headings, paragraphs, notes and
 * tables (tagged H2, P, Table/TR/TH/TD), plus number formats and short names; see
 * pdf_page.h.
 *
 * Blocks are measured with pango before they are drawn; a block that does not fit below
 * the cursor starts a new page. Tables break between rows: the Table element is closed
 * before the page ends and a new one, with the header row repeated, opens on the next, so
 * no structure tag ever spans a page break (only Document does).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbers.h"
#include "pdf_page.h"

#define BODY_SIZE 9.0
#define NOTE_SIZE 7.5

void tna_pdf_h2(pdf_doc *d, const char *text)
{
    double h;
    tna_chart_text_size(d->cr, text, PDF_WIDTH, 12, CHART_BOLD | CHART_WRAP, 0, NULL, &h);
    if (d->y > PDF_TOP + 1)
        d->y += 6;
    tna_pdf_need(d, h + 60); /* keep the heading with what follows */
    tna_pdf_tag_begin(d, "H2", NULL);
    tna_chart_set_rgb(d->cr, tna_chart_accent);
    tna_chart_text(d->cr, text, PDF_LEFT, d->y, PDF_WIDTH, 12, CHART_BOLD | CHART_WRAP, CHART_LEFT, 0);
    tna_pdf_tag_end(d, "H2");
    d->y += h + 5;
}

static void flow(pdf_doc *d, const char *text, double size, chart_rgb colour)
{
    double h;
    tna_chart_text_size(d->cr, text, PDF_WIDTH, size, CHART_WRAP, 0, NULL, &h);
    tna_pdf_need(d, h);
    tna_pdf_tag_begin(d, "P", NULL);
    tna_chart_set_rgb(d->cr, colour);
    tna_chart_text(d->cr, text, PDF_LEFT, d->y, PDF_WIDTH, size, CHART_WRAP, CHART_LEFT, 0);
    tna_pdf_tag_end(d, "P");
    d->y += h + size * 0.6;
}

void tna_pdf_para(pdf_doc *d, const char *text)
{
    flow(d, text, BODY_SIZE, tna_chart_ink);
}

void tna_pdf_note(pdf_doc *d, const char *text)
{
    flow(d, text, NOTE_SIZE, tna_chart_muted);
}

double tna_pdf_note_height(pdf_doc *d, const char *text)
{
    double h;
    tna_chart_text_size(d->cr, text, PDF_WIDTH, NOTE_SIZE, CHART_WRAP, 0, NULL, &h);
    return h + NOTE_SIZE * 0.6;
}

double tna_pdf_text_at(pdf_doc *d, const char *text, double x, double y, double w, double size,
                   int flags)
{
    tna_pdf_tag_begin(d, "P", NULL);
    double h = tna_chart_text(d->cr, text, x, y, w, size, flags, CHART_LEFT, 0);
    tna_pdf_tag_end(d, "P");
    return h;
}

void tna_pdf_heatmap(pdf_doc *d, const char *title, const chart_heatmap *spec, double w)
{
    double rh = spec->row_height > 0 ? spec->row_height : 15;
    chart_heatmap part = *spec;
    part.n_rows = 0;
    double overhead = tna_chart_heat_height(d->cr, w, &part);
    size_t per_page = (size_t)fmax(1, floor((PDF_BOTTOM - PDF_TOP - 40 - overhead) / rh));
    for (size_t done = 0; done < spec->n_rows; done += part.n_rows) {
        size_t at = done * spec->n_cols;
        part = *spec;
        part.n_rows = spec->n_rows - done < per_page ? spec->n_rows - done : per_page;
        part.row_labels += done;
        part.values += at;
        part.state += at;
        if (part.text)
            part.text += at;
        bool head = done == 0 && title;
        tna_pdf_keep(d, tna_chart_heat_height(d->cr, w, &part) + (head ? 40 : 0));
        if (head)
            tna_pdf_h2(d, title);
        tna_pdf_figure_begin(d);
        d->y += tna_chart_heat(d->cr, PDF_LEFT, d->y, w, &part) + 8;
        tna_pdf_figure_end(d);
    }
}

void tna_pdf_figure_begin(pdf_doc *d)
{
    tna_pdf_tag_begin(d, "Figure", NULL);
}

void tna_pdf_figure_end(pdf_doc *d)
{
    tna_pdf_tag_end(d, "Figure");
}

/* ---- tables ---------------------------------------------------------------------------------- */

typedef struct table_geom {
    double x[32], w[32], size, pad;
} table_geom;

static chart_align col_align(const pdf_table *t, size_t c)
{
    if (t->align)
        return t->align[c];
    return c == 0 ? CHART_LEFT : CHART_RIGHT;
}

static double cell_height(pdf_doc *d, const char *text, double w, double size, bool bold)
{
    double h;
    tna_chart_text_size(d->cr, text, w, size, CHART_WRAP | (bold ? CHART_BOLD : 0), 0, NULL, &h);
    return h;
}

/* A marker in a column too narrow for it on one line reads "<5" or "†" instead; the table's
 * note gives the key to the short suppressed marker and to the protected one. */
static const char *cell_text(pdf_doc *d, const table_geom *g, size_t c, const char *text, bool head)
{
    if (text == NULL)
        return "";
    if (!head && (text == d->marker || text == d->protect)) {
        bool protect = text == d->protect;
        d->protect_shown |= protect;
        double tw;
        tna_chart_text_size(d->cr, text, 0, g->size, 0, 0, &tw, NULL);
        if (tw > g->w[c] - 2 * g->pad) {
            d->shortened |= !protect;
            return protect ? d->protect_short : d->marker_short;
        }
    }
    return text;
}

static int cell_flags(bool head, unsigned char k)
{
    return (head || k == PDF_CELL_BOLD ? CHART_BOLD : 0) | CHART_WRAP;
}

static double row_height(pdf_doc *d, const pdf_table *t, const table_geom *g,
                         const char *const *cells, const unsigned char *kinds, bool head)
{
    double h = g->size * 1.2;
    for (size_t c = 0; c < t->n_cols; c++) {
        unsigned char k = kinds ? kinds[c] : PDF_CELL_TEXT;
        if (k >= PDF_CELL_RAG_NONE)
            h = fmax(h, g->size * 1.55);
        else
            h = fmax(h, cell_height(d, cell_text(d, g, c, cells[c], head), g->w[c] - 2 * g->pad,
                                    g->size, head || k == PDF_CELL_BOLD));
    }
    return h + 5;
}

static void draw_row(pdf_doc *d, const pdf_table *t, const table_geom *g, const char *const *cells,
                     const unsigned char *kinds, bool head, double h, bool shade)
{
    cairo_t *cr = d->cr;
    double total = g->x[t->n_cols - 1] + g->w[t->n_cols - 1] - g->x[0];
    if (head) {
        tna_chart_set_rgb(cr, tna_chart_panel);
        cairo_rectangle(cr, g->x[0], d->y, total, h);
        cairo_fill(cr);
    } else if (shade) {
        cairo_set_source_rgb(cr, 0.975, 0.978, 0.985);
        cairo_rectangle(cr, g->x[0], d->y, total, h);
        cairo_fill(cr);
    }
    tna_pdf_tag_begin(d, "TR", NULL);
    for (size_t c = 0; c < t->n_cols; c++) {
        const char *text = cell_text(d, g, c, cells[c], head);
        unsigned char k = kinds ? kinds[c] : PDF_CELL_TEXT;
        tna_pdf_tag_begin(d, head ? "TH" : "TD", NULL);
        double cx = g->x[c] + g->pad, cw = g->w[c] - 2 * g->pad;
        if (k >= PDF_CELL_RAG_NONE) { /* the pill's text shrinks to fit the column */
            double size = g->size - 0.5, tw;
            for (;;) {
                tna_chart_text_size(cr, text, 0, size, CHART_BOLD, 0, &tw, NULL);
                if (tw + 10 <= cw || size <= 5)
                    break;
                size -= 0.5;
            }
            tna_chart_status(cr, cx, d->y + 2.5, (chart_status_kind)(k - PDF_CELL_RAG_NONE), text,
                         size);
        } else {
            tna_chart_set_rgb(cr, k == PDF_CELL_MUTED ? tna_chart_muted : tna_chart_ink);
            tna_chart_text(cr, text, cx, d->y + 2.5, cw, g->size, cell_flags(head, k),
                       col_align(t, c), 0);
        }
        tna_pdf_tag_end(d, head ? "TH" : "TD");
    }
    tna_pdf_tag_end(d, "TR");
    tna_chart_set_rgb(cr, head ? tna_chart_accent : tna_chart_grid);
    cairo_rectangle(cr, g->x[0], d->y + h - (head ? 0.8 : 0.4), total, head ? 0.8 : 0.4);
    cairo_fill(cr);
    d->y += h;
}

/* Widens each column that is narrower than its widest word (of the header, or of a cell that
 * wraps) to fit it, taking the room from the columns with some to spare, in proportion. A
 * text that fits on one line needs its whole width: a column never gives up room that would
 * make it wrap. */
static void fit_words(pdf_doc *d, const pdf_table *t, table_geom *g)
{
    double need[32], spare = 0, short_by = 0;
    for (size_t c = 0; c < t->n_cols; c++) {
        double inner = g->w[c] - 2 * g->pad - 1;
        need[c] = 0;
        for (size_t r = 0; r <= t->n_rows; r++) { /* the header, then each row */
            const char *text = r == 0 ? t->head[c] : t->cells[(r - 1) * t->n_cols + c];
            unsigned char k = r == 0    ? PDF_CELL_BOLD
                              : t->kind ? t->kind[(r - 1) * t->n_cols + c]
                                        : PDF_CELL_TEXT;
            if (text == NULL || text == d->marker || text == d->protect || k >= PDF_CELL_RAG_NONE)
                continue; /* markers shorten themselves, pills shrink to fit */
            int flags = k == PDF_CELL_BOLD ? CHART_BOLD : 0;
            double whole;
            tna_chart_text_size(d->cr, text, 0, g->size, flags, 0, &whole, NULL);
            need[c] = fmax(need[c], whole <= inner
                                        ? whole
                                        : tna_chart_text_min_width(d->cr, text, g->size, flags));
        }
        need[c] += 2 * g->pad + 1;
        if (g->w[c] < need[c])
            short_by += need[c] - g->w[c];
        else
            spare += g->w[c] - need[c];
    }
    if (short_by <= 0 || spare <= 0)
        return;
    double give = fmin(short_by, spare), take = give / spare, grow = give / short_by;
    for (size_t c = 0; c < t->n_cols; c++)
        g->w[c] = g->w[c] < need[c] ? g->w[c] + (need[c] - g->w[c]) * grow
                                    : g->w[c] - (g->w[c] - need[c]) * take;
}

static void geometry(pdf_doc *d, const pdf_table *t, table_geom *g)
{
    *g = (table_geom){.size = t->size > 0 ? t->size : 8, .pad = 3};
    double used = 0;
    size_t open = t->n_cols;
    for (size_t c = 0; c < t->n_cols; c++) {
        g->w[c] = t->width ? t->width[c] : 0;
        if (g->w[c] <= 0)
            open = c;
        used += g->w[c];
    }
    if (open < t->n_cols)
        g->w[open] = fmax(30, PDF_WIDTH - used);
    fit_words(d, t, g);
    double x = PDF_LEFT;
    for (size_t c = 0; c < t->n_cols; c++)
        g->x[c] = x, x += g->w[c];
}

double tna_pdf_table_height(pdf_doc *d, const pdf_table *t)
{
    if (t->n_cols == 0 || t->n_cols > 32)
        return 0;
    table_geom g;
    geometry(d, t, &g);
    double h = row_height(d, t, &g, t->head, NULL, true) + 8;
    d->shortened = d->protect_shown = false;
    for (size_t r = 0; r < t->n_rows; r++)
        h += row_height(d, t, &g, t->cells + r * t->n_cols,
                        t->kind ? t->kind + r * t->n_cols : NULL, false);
    if (d->shortened) /* the notes under it */
        h += NOTE_SIZE * 3;
    if (d->protect_shown)
        h += NOTE_SIZE * 3;
    return h;
}

void tna_pdf_table_draw(pdf_doc *d, const pdf_table *t)
{
    if (t->n_cols == 0 || t->n_cols > 32)
        return;
    table_geom g;
    geometry(d, t, &g);
    double hh = row_height(d, t, &g, t->head, NULL, true);
    double first = t->n_rows ? row_height(d, t, &g, t->cells, t->kind, false) : 0;
    tna_pdf_need(d, hh + first);
    tna_pdf_tag_begin(d, "Table", NULL);
    draw_row(d, t, &g, t->head, NULL, true, hh, false);
    d->shortened = d->protect_shown = false;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *const *cells = t->cells + r * t->n_cols;
        const unsigned char *kinds = t->kind ? t->kind + r * t->n_cols : NULL;
        double h = row_height(d, t, &g, cells, kinds, false);
        if (d->y + h > PDF_BOTTOM) {
            tna_pdf_tag_end(d, "Table");
            tna_pdf_page_begin(d);
            tna_pdf_tag_begin(d, "Table", NULL);
            draw_row(d, t, &g, t->head, NULL, true, hh, false);
        }
        draw_row(d, t, &g, cells, kinds, false, h, r % 2 == 1);
    }
    tna_pdf_tag_end(d, "Table");
    d->y += 8;
    bool shortened = d->shortened, protect = d->protect_shown;
    if (shortened)
        tna_pdf_note(d, tna_pdf_suppressed_key(d));
    if (protect)
        tna_pdf_note(d, tna_pdf_protected_key(d));
}

const char *tna_pdf_suppressed_key(pdf_doc *d)
{
    return pdf_tf(d, TERM_MARKER_KEY, d->marker_short, d->res->min_group_size);
}

const char *tna_pdf_protected_key(pdf_doc *d)
{
    return pdf_tf(d, TERM_PROTECTED_KEY, d->protect_short, d->res->min_group_size);
}

const char *tna_pdf_hidden(pdf_doc *d, tna_hidden why)
{
    return why == TNA_SUPPRESSED ? d->marker : why == TNA_PROTECTED ? d->protect : "";
}

const char *tna_pdf_hidden_short(pdf_doc *d, tna_hidden why)
{
    return why == TNA_SUPPRESSED ? d->marker_short : why == TNA_PROTECTED ? d->protect_short : "";
}

const char *tna_pdf_coverage(pdf_doc *d, const tna_group *g)
{
    if (g == NULL || g->hidden || g->topic == TNA_NONE || g->skills_assessed >= g->skills)
        return NULL;
    return pdf_tf(d, TERM_BASED_ON_K_OF_N_SKILLS, g->skills_assessed, g->skills);
}

const char *tna_pdf_coverage_short(pdf_doc *d, const tna_group *g)
{
    if (tna_pdf_coverage(d, g) == NULL)
        return NULL;
    return pdf_tf(d, TERM_K_OF_N_SKILLS, g->skills_assessed, g->skills);
}

/* ---- formats ----------------------------------------------------------------------------------
 */

static void thousands(long long v, char *buf, size_t size)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    size_t n = strlen(digits), o = 0;
    if (v < 0)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

const char *tna_pdf_decimal(pdf_doc *d, double v, int decimals)
{
    char buf[64];
    tna_format_decimal(v, decimals, 0, buf, sizeof buf);
    if (buf[0] == '-')
        return tna_pdf_str(d, "−%s", buf + 1); /* a typographic minus */
    return tna_pdf_str(d, "%s", buf);
}

const char *tna_pdf_gap(pdf_doc *d, double v)
{
    return tna_pdf_decimal(d, v, 2);
}

const char *tna_pdf_share(pdf_doc *d, double v)
{
    char buf[64];
    tna_format_decimal(v, 0, 2, buf, sizeof buf);
    if (buf[0] == '-')
        return tna_pdf_str(d, "−%s%%", buf + 1);
    return tna_pdf_str(d, "%s%%", buf);
}

const char *tna_pdf_count(pdf_doc *d, int64_t v)
{
    char buf[40];
    thousands((long long)v, buf, sizeof buf);
    return tna_pdf_str(d, "%s", buf);
}

const char *tna_pdf_counted_in(pdf_doc *d, tna_language language, int64_t n, tna_term one,
                               tna_term many)
{
    return tna_pdf_str(d, tna_term_in(n == 1 ? one : many, language), tna_pdf_count(d, n));
}

const char *tna_pdf_cohorts(pdf_doc *d, int64_t n)
{
    return tna_pdf_pair(d, pdf_counted(d, TNA_LANG_EN, n, TERM_N_COHORTS_ONE, TERM_N_COHORTS),
                        pdf_counted(d, TNA_LANG_CY, n, TERM_N_COHORTS_ONE, TERM_N_COHORTS));
}

const char *tna_pdf_money(pdf_doc *d, double v)
{
    char pounds[64], buf[40];
    tna_format_decimal(v, 0, 0, pounds, sizeof pounds);
    thousands(strtoll(pounds, NULL, 10), buf, sizeof buf);
    if (buf[0] == '-')
        return tna_pdf_str(d, "−£%s", buf + 1);
    return tna_pdf_str(d, "£%s", buf);
}

const char *tna_pdf_signed(pdf_doc *d, double v)
{
    const char *text = tna_pdf_gap(d, v);
    if (strcmp(text, "0.00") == 0 || v < 0)
        return text; /* zero, or negative with its minus */
    return tna_pdf_str(d, "+%s", text);
}

const char *tna_pdf_group_gap(pdf_doc *d, const tna_group *g)
{
    if (g == NULL)
        return "–";
    return g->hidden ? tna_pdf_hidden(d, g->hidden) : tna_pdf_gap(d, g->mean_gap);
}

const char *tna_pdf_group_share(pdf_doc *d, const tna_group *g)
{
    if (g == NULL)
        return "–";
    return g->hidden ? tna_pdf_hidden(d, g->hidden) : tna_pdf_share(d, g->share_below);
}

const char *tna_pdf_gap_range(pdf_doc *d, const tna_group *g)
{
    if (g == NULL || g->hidden || !g->has_interval)
        return NULL;
    return tna_pdf_str(d, "%s–%s", tna_pdf_gap(d, g->mean_gap_low), tna_pdf_gap(d, g->mean_gap_high));
}

const char *tna_pdf_share_range(pdf_doc *d, const tna_group *g)
{
    if (g == NULL || g->hidden || !g->has_interval)
        return NULL;
    char lo[64], hi[64];
    tna_format_decimal(g->share_below_low, 0, 2, lo, sizeof lo);
    tna_format_decimal(g->share_below_high, 0, 2, hi, sizeof hi);
    return tna_pdf_str(d, "%s–%s%%", lo, hi);
}

bool tna_pdf_within_noise(const tna_group *a, const tna_group *b)
{
    if (a == NULL || b == NULL || a->hidden || b->hidden || !a->has_interval ||
        !b->has_interval)
        return false;
    /* compared at their six-decimal values, as the CSV has them */
    return tna_round_shown(a->mean_gap_low) <= tna_round_shown(b->mean_gap_high) &&
           tna_round_shown(b->mean_gap_low) <= tna_round_shown(a->mean_gap_high);
}

bool tna_pdf_holds(const tna_group *g, double v)
{
    return g != NULL && !g->hidden && g->has_interval &&
           tna_round_shown(g->mean_gap_low) <= tna_round_shown(v) &&
           tna_round_shown(v) <= tna_round_shown(g->mean_gap_high);
}

bool tna_pdf_share_holds(const tna_group *g, double v)
{
    return g != NULL && !g->hidden && g->has_interval &&
           tna_round_shown(g->share_below_low) <= tna_round_shown(v) &&
           tna_round_shown(v) <= tna_round_shown(g->share_below_high);
}

const char *tna_pdf_group_count(pdf_doc *d, const tna_group *g, int64_t v)
{
    if (g == NULL)
        return "–";
    return g->hidden ? tna_pdf_hidden(d, g->hidden) : tna_pdf_count(d, v);
}

/* ---- names and dates --------------------------------------------------------------------------
 */

static const char *strip(const char *name, const char *const *prefixes, const char *const *suffixes,
                         char *buf, size_t size)
{
    g_strlcpy(buf, name ? name : "", size);
    for (size_t i = 0; prefixes[i]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(buf, prefixes[i], n) == 0 && buf[n]) {
            memmove(buf, buf + n, strlen(buf + n) + 1);
            break;
        }
    }
    for (size_t i = 0; suffixes[i]; i++) {
        size_t n = strlen(suffixes[i]), len = strlen(buf);
        if (len > n && strcmp(buf + len - n, suffixes[i]) == 0) {
            buf[len - n] = '\0';
            break;
        }
    }
    return buf;
}

const char *tna_pdf_short_authority(pdf_doc *d, uint32_t a)
{
    static const char *const en_pre[] = {"City and County of ", NULL};
    static const char *const en_suf[] = {" County Borough Council", " County Council",
                                         " City Council", " Council", NULL};
    static const char *const cy_pre[] = {"Cyngor Bwrdeistref Sirol ",
                                         "Cyngor Dinas ",
                                         "Dinas a Sir ",
                                         "Cyngor Sir ",
                                         "Cyngor ",
                                         NULL};
    static const char *const none[] = {NULL};
    const tna_authority *au = &d->m->authorities[a];
    char en[256], cy[256];
    strip(au->name, en_pre, en_suf, en, sizeof en);
    bool has_cy = au->name_cy && au->name_cy[0];
    if (has_cy) {
        strip(au->name_cy, cy_pre, none, cy, sizeof cy);
        /* "Cyngor Sir Ddinbych" -> "Sir Ddinbych": the county keeps its "Sir" */
        if (strncmp(au->name_cy, "Cyngor Sir ", 11) == 0)
            g_strlcpy(cy, au->name_cy + 7, sizeof cy);
    }
    return tna_pdf_pair(d, tna_pdf_str(d, "%s", en), has_cy ? tna_pdf_str(d, "%s", cy) : NULL);
}

const char *tna_pdf_date(pdf_doc *d, int64_t t)
{
    static const tna_term month[12] = {TERM_MONTH_1, TERM_MONTH_2,  TERM_MONTH_3,  TERM_MONTH_4,
                                       TERM_MONTH_5, TERM_MONTH_6,  TERM_MONTH_7,  TERM_MONTH_8,
                                       TERM_MONTH_9, TERM_MONTH_10, TERM_MONTH_11, TERM_MONTH_12};
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    const char *e = tna_pdf_str(d, "%d %s %d", tm.tm_mday, tna_term_in(month[tm.tm_mon], TNA_LANG_EN),
                            tm.tm_year + 1900);
    const char *c = tna_pdf_str(d, "%d %s %d", tm.tm_mday, tna_term_in(month[tm.tm_mon], TNA_LANG_CY),
                            tm.tm_year + 1900);
    return tna_pdf_pair(d, e, c);
}

/* ---- expectations ------------------------------------------------------------------------------
 */

const char *tna_pdf_metric_value(pdf_doc *d, tna_metric metric, double v)
{
    switch (metric) {
    case TNA_METRIC_SHARE_AT_TARGET:
    case TNA_METRIC_SHARE_SKILLS_AT_TARGET:
    case TNA_METRIC_APPLIED_RATE:
        return tna_pdf_share(d, v);
    case TNA_METRIC_LEARNERS_NEEDING:
        return tna_pdf_count(d, llround(v));
    case TNA_METRIC_SATISFACTION:
        return tna_pdf_str(d, "%s / 5", tna_pdf_gap(d, v));
    case TNA_METRIC_TRAINED_VS_UNTRAINED:
        return tna_pdf_signed(d, v);
    case TNA_METRIC_MEAN_GAP:
    case TNA_METRIC_GAP_REDUCTION:
    case TNA_METRIC_LEARNING_UPLIFT:
    case TNA_METRIC_COUNT:
        break;
    }
    return tna_pdf_gap(d, v);
}

const char *tna_pdf_rag_word(pdf_doc *d, tna_rag rag)
{
    switch (rag) {
    case TNA_RAG_GREEN:
        return tna_pdf_t(d, TERM_RAG_GREEN_LOWER);
    case TNA_RAG_AMBER:
        return tna_pdf_t(d, TERM_RAG_AMBER_LOWER);
    case TNA_RAG_RED:
        return tna_pdf_t(d, TERM_RAG_RED_LOWER);
    case TNA_RAG_NONE:
        break;
    }
    return tna_pdf_t(d, TERM_RAG_NONE_LOWER);
}

pdf_cell tna_pdf_rag_cell(tna_rag rag)
{
    switch (rag) {
    case TNA_RAG_GREEN:
        return PDF_CELL_RAG_GREEN;
    case TNA_RAG_AMBER:
        return PDF_CELL_RAG_AMBER;
    case TNA_RAG_RED:
        return PDF_CELL_RAG_RED;
    case TNA_RAG_NONE:
        break;
    }
    return PDF_CELL_RAG_NONE;
}

/* ---- section titles ------------------------------------------------------------------------- */

const char *tna_pdf_section_title(pdf_doc *d, pdf_section s)
{
    switch (s) {
    case PDF_SEC_COVER:
        return tna_pdf_t(d, TERM_COVER);
    case PDF_SEC_CONTENTS:
        return tna_pdf_t(d, TERM_CONTENTS);
    case PDF_SEC_SUMMARY:
        return tna_pdf_t(d, TERM_EXECUTIVE_SUMMARY);
    case PDF_SEC_GAPS:
        return tna_pdf_t(d, TERM_SECTION_GAPS);
    case PDF_SEC_TRENDS:
        return tna_pdf_t(d, TERM_TRENDS);
    case PDF_SEC_COMMISSIONING:
        return tna_pdf_t(d, TERM_SECTION_COMMISSIONING);
    case PDF_SEC_BUDGET:
        return pdf_tf(d, TERM_WHAT_BUDGET_BUYS, tna_pdf_money(d, d->res->planning.budget.budget));
    case PDF_SEC_EVALUATION:
        return tna_pdf_t(d, TERM_SECTION_EVALUATION);
    case PDF_SEC_BARRIERS:
        return tna_pdf_t(d, TERM_BARRIERS_TO_LEARNING);
    case PDF_SEC_AUTHORITIES:
        return tna_pdf_t(d, TERM_AUTHORITIES);
    case PDF_SEC_APPENDIX:
        return tna_pdf_t(d, TERM_SECTION_APPENDIX);
    case PDF_SEC_COUNT:
        break;
    }
    return "";
}
