/*
 * pdf_front.c - the report's front: cover, contents and executive summary.
 *
 * The cover names the analysis, its period and date (options->now, in UTC) and the
 * authorities with responses. The contents list every section and authority with its page
 * (known from the layout pass) as links. The executive summary is the page senior
 * management reads if they read one: headline tiles for Wales, the three largest gaps by
 * topic, every expectation with its RAG status (coloured and in words), and the
 * commissioning headline with what pooling saves.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

/* ---- cover --------------------------------------------------------------------------------- */

#define COVER_BAND 300.0 /* the coloured band's height, unless the title needs more */

/* The cover's page, its bookmark and its coloured band (h high), white ink set for the
 * title. */
static void cover_band(pdf_doc *d, double h)
{
    tna_pdf_page_begin(d);
    d->section_page[PDF_SEC_COVER] = d->page;
    d->y = 0;
    tna_pdf_outline_here(d, CAIRO_PDF_OUTLINE_ROOT, tna_pdf_section_title(d, PDF_SEC_COVER));
    tna_chart_set_rgb(d->cr, tna_chart_accent);
    cairo_rectangle(d->cr, 0, 0, PDF_W, h);
    cairo_fill(d->cr);
    cairo_set_source_rgb(d->cr, 1, 1, 1);
}

/* The size of a cover title (bold, wrapped to PDF_WIDTH): `largest` points when it takes at
 * most four lines, else smaller in steps down to two thirds of it, where it takes as many
 * lines as it needs (a bilingual title is about twice as long). Its height in *h. */
static double title_size(pdf_doc *d, const char *title, double largest, double *h)
{
    double size = largest, line;
    for (;; size -= 2) {
        tna_chart_text_size(d->cr, "X", 0, size, CHART_BOLD, 0, NULL, &line);
        tna_chart_text_size(d->cr, title, PDF_WIDTH, size, CHART_BOLD | CHART_WRAP, 0, NULL, h);
        if (*h <= 4.5 * line || size - 2 < largest * 2 / 3)
            return size;
    }
}

/* The cover's fields, a label and its value a row, from y; returns the y below them. The
 * labels' column is as wide as the widest label (150 points at least, so one language
 * keeps its layout), at most 45% of the width, where a label wraps. */
static double cover_fields(pdf_doc *d, const char *const (*rows)[2], int n, double y)
{
    cairo_t *cr = d->cr;
    double lw = 150;
    for (int i = 0; i < n; i++) {
        double w;
        tna_chart_text_size(cr, rows[i][0], 0, 10, 0, 0, &w, NULL);
        lw = fmax(lw, fmin(ceil(w) + 1, PDF_WIDTH * 0.45));
    }
    for (int i = 0; i < n; i++) {
        tna_chart_set_rgb(cr, tna_chart_muted);
        double lh = tna_pdf_text_at(d, rows[i][0], PDF_LEFT, y, lw, 10, CHART_WRAP);
        tna_chart_set_rgb(cr, tna_chart_ink);
        double vh = tna_pdf_text_at(d, rows[i][1], PDF_LEFT + lw + 5, y, PDF_WIDTH - lw - 5, 10,
                                    CHART_BOLD | CHART_WRAP);
        y += fmax(lh, vh) + 6;
    }
    return y;
}

/* A pack's cover: the council's or region's name in English and in Welsh, whatever the
 * report's language, its region, and how many councils the Wales figures are over. */
static void pack_cover(pdf_doc *d)
{
    cairo_t *cr = d->cr;
    const tna_model *m = d->m;
    uint32_t a = d->opt->focus.authority.plus_one, g = d->opt->focus.region.plus_one;
    const char *en = a ? m->authorities[a - 1].name : m->regions[g - 1].name;
    const char *cy = a ? m->authorities[a - 1].name_cy : m->regions[g - 1].name_cy;
    /* the running title (wrapped, a bilingual one on two lines or more), the names under it;
     * the band grows when they need more room than it has */
    double kicker, en_h, cy_h = 0, period_h;
    tna_chart_text_size(cr, d->running_title, PDF_WIDTH, 11, CHART_BOLD | CHART_WRAP, 0, NULL,
                        &kicker);
    bool welsh = cy && cy[0] && strcmp(cy, en) != 0;
    double en_size = title_size(d, en, 26, &en_h),
           cy_size = welsh ? title_size(d, cy, 20, &cy_h) : 0;
    tna_chart_text_size(cr, d->cur->period, 0, 18, CHART_BOLD, 0, NULL, &period_h);
    double y = fmax(112, 80 + kicker + 10);
    double band = fmax(COVER_BAND, y + en_h + (welsh ? 6 + cy_h : 0) + 14 + period_h + 24);
    cover_band(d, band);
    tna_pdf_text_at(d, d->running_title, PDF_LEFT, 80, PDF_WIDTH, 11, CHART_BOLD | CHART_WRAP);
    tna_pdf_tag_begin(d, "H1", NULL);
    y += tna_chart_text(cr, en, PDF_LEFT, y, PDF_WIDTH, en_size, CHART_BOLD | CHART_WRAP,
                        CHART_LEFT, 0);
    if (welsh) {
        cairo_set_source_rgb(cr, 0.85, 0.91, 0.97);
        y += 6 + tna_chart_text(cr, cy, PDF_LEFT, y + 6, PDF_WIDTH, cy_size,
                                CHART_BOLD | CHART_WRAP, CHART_LEFT, 0);
    }
    tna_pdf_tag_end(d, "H1");
    cairo_set_source_rgb(cr, 1, 1, 1);
    tna_pdf_text_at(d, d->cur->period, PDF_LEFT, y + 14, PDF_WIDTH, 18, CHART_BOLD);
    const char *rows[3][2] = {
        {tna_pdf_t(d, TERM_REGION),
         tna_label_region(d->l, a ? m->authorities[a - 1].region : g - 1)},
        {tna_pdf_t(d, TERM_PUBLISHED), tna_pdf_date(d, d->opt->now)},
        {tna_pdf_t(d, TERM_AUTHORITIES_COVERED),
         pdf_tf(d, TERM_N_OF_M, tna_results_answered(d->res), m->n_authorities)},
    };
    cover_fields(d, (const char *const(*)[2])(rows + (a ? 0 : 1)), a ? 3 : 2, band + 40);
    tna_chart_set_rgb(cr, tna_chart_muted);
    tna_pdf_text_at(d, pdf_tf(d, TERM_COVER_PRIVACY_RULE, d->res->min_group_size), PDF_LEFT,
                PDF_H - 80, PDF_WIDTH, 8, CHART_WRAP);
}

/* The councils with responses, from y, in columns: two, or three when two would run into
 * the privacy note. A name that is wider than its column wraps (a bilingual one often
 * does), and the names below it move down; a column takes its share of the names in order. */
static void cover_councils(pdf_doc *d, size_t covered, double y)
{
    cairo_t *cr = d->cr;
    const tna_model *m = d->m;
    const char **names = g_new(const char *, covered);
    double *h = g_new(double, covered);
    size_t n = 0;
    for (uint32_t a = 0; a < m->n_authorities && n < covered; a++)
        if (tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}))
            names[n++] = tna_label_authority(d->l, a);
    const double size = 8.5, gap = size * 0.3, bottom = PDF_H - 100;
    size_t cols = 2, per_col = 1;
    double col_w = PDF_WIDTH;
    for (; cols <= 3; cols++) { /* the first number of columns whose tallest fits */
        col_w = PDF_WIDTH / (double)cols;
        per_col = (n + cols - 1) / cols;
        double tallest = 0, col = 0;
        for (size_t i = 0; i < n; i++) {
            tna_chart_text_size(cr, names[i], col_w - 8, size, CHART_WRAP, 0, NULL, &h[i]);
            col = (i % per_col == 0 ? 0 : col) + h[i] + gap;
            tallest = fmax(tallest, col);
        }
        if (y + tallest <= bottom || cols == 3)
            break;
    }
    tna_pdf_tag_begin(d, "L", NULL);
    tna_chart_set_rgb(cr, tna_chart_ink);
    double cy = y;
    for (size_t i = 0; i < n; i++) {
        if (i % per_col == 0)
            cy = y;
        if (cy + h[i] > bottom) /* more than the page holds: the contents list them all */
            continue;
        tna_pdf_tag_begin(d, "LI", NULL);
        tna_chart_text(cr, names[i], PDF_LEFT + (double)(i / per_col) * col_w, cy, col_w - 8, size,
                       CHART_WRAP, CHART_LEFT, 0);
        tna_pdf_tag_end(d, "LI");
        cy += h[i] + gap;
    }
    tna_pdf_tag_end(d, "L");
    g_free(h);
    g_free(names);
}

static void cover(pdf_doc *d)
{
    cairo_t *cr = d->cr;
    const tna_model *m = d->m;
    /* the title takes the lines it needs, smaller when it needs many; the band grows when
     * even that is more than it holds */
    double th, period_h;
    double size = title_size(d, d->running_title, 26, &th);
    tna_chart_text_size(cr, d->cur->period, 0, 20, CHART_BOLD, 0, NULL, &period_h);
    double band = fmax(COVER_BAND, 112 + th + 14 + period_h + 24);
    cover_band(d, band);
    tna_pdf_text_at(d, tna_pdf_t(d, TERM_TRAINING_NEEDS_ANALYSIS), PDF_LEFT, 92, PDF_WIDTH, 11,
                    CHART_BOLD | CHART_WRAP);
    tna_pdf_tag_begin(d, "H1", NULL);
    tna_chart_text(cr, d->running_title, PDF_LEFT, 112, PDF_WIDTH, size, CHART_BOLD | CHART_WRAP,
                   CHART_LEFT, 0);
    tna_pdf_tag_end(d, "H1");
    cairo_set_source_rgb(cr, 0.85, 0.91, 0.97);
    tna_pdf_text_at(d, d->cur->period, PDF_LEFT, 112 + th + 14, PDF_WIDTH, 20, CHART_BOLD);

    const char *periods = d->res->n_periods > 1
                              ? tna_pdf_str(d, "%s – %s", d->res->periods[0].period, d->cur->period)
                              : d->cur->period;
    size_t covered = 0;
    for (uint32_t a = 0; a < m->n_authorities; a++)
        if (tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}))
            covered++;
    const char *rows[4][2] = {
        {tna_pdf_t(d, TERM_CURRENT_PERIOD), d->cur->period},
        {tna_pdf_t(d, TERM_PERIODS_COVERED), periods},
        {tna_pdf_t(d, TERM_PUBLISHED), tna_pdf_date(d, d->opt->now)},
        {tna_pdf_t(d, TERM_AUTHORITIES_COVERED), pdf_tf(d, TERM_N_OF_M, covered, m->n_authorities)},
    };
    double y = cover_fields(d, (const char *const(*)[2])rows, 4, band + 40) + 12;
    if (covered > 0) {
        tna_chart_set_rgb(cr, tna_chart_muted);
        y += tna_pdf_text_at(d, tna_pdf_t(d, TERM_AUTHORITIES_WITH_RESPONSES), PDF_LEFT, y, PDF_WIDTH, 9,
                         CHART_BOLD) +
             6;
        cover_councils(d, covered, y);
    }
    tna_chart_set_rgb(cr, tna_chart_muted);
    if (d->res->min_group_size <= 1)
        tna_pdf_text_at(d, tna_pdf_t(d, TERM_COVER_PRIVACY_OFF), PDF_LEFT, PDF_H - 80, PDF_WIDTH, 8,
                    CHART_WRAP);
    else
        tna_pdf_text_at(d, pdf_tf(d, TERM_COVER_PRIVACY_RULE, d->res->min_group_size), PDF_LEFT,
                    PDF_H - 80, PDF_WIDTH, 8, CHART_WRAP);
}

/* ---- contents ------------------------------------------------------------------------------- */

/* A contents line's title and the width its page number leaves it (room); returns the
 * height of the title wrapped in room, and its one-line height in *line. */
static double contents_title(pdf_doc *d, const char *title, int page, double indent, double size,
                             bool bold, double *room, double *line)
{
    char num[16];
    snprintf(num, sizeof num, "%d", page);
    double nw, h;
    int flags = bold ? CHART_BOLD : 0;
    tna_chart_text_size(d->cr, num, 0, size, flags, 0, &nw, NULL);
    *room = PDF_WIDTH - indent - nw - 24;
    tna_chart_text_size(d->cr, "X", 0, size, flags, 0, NULL, line);
    tna_chart_text_size(d->cr, title, *room, size, flags | CHART_WRAP, 0, NULL, &h);
    return h;
}

/* The height contents_line takes. */
static double contents_height(pdf_doc *d, const char *title, int page, double indent,
                              double size, bool bold)
{
    double room, line;
    return contents_title(d, title, page, indent, size, bold, &room, &line) - line + size * 1.75;
}

/* A title, a dotted leader and its page number, a link to the page. A title longer than
 * the line wraps, its page number on its last line and no leader. */
static void contents_line(pdf_doc *d, const char *title, int page, double indent, double size,
                          bool bold)
{
    cairo_t *cr = d->cr;
    double x = PDF_LEFT + indent, room, line;
    int flags = bold ? CHART_BOLD : 0;
    double th = contents_title(d, title, page, indent, size, bold, &room, &line);
    tna_pdf_tag_begin(d, "TOCI", NULL);
    bool link = d->final && page > 0;
    if (link)
        tna_pdf_tag_begin(d, CAIRO_TAG_LINK, tna_pdf_str(d, "page=%d", page));
    char num[16];
    snprintf(num, sizeof num, "%d", page);
    double tw;
    tna_chart_text_size(cr, title, 0, size, flags, 0, &tw, NULL);
    tna_chart_set_rgb(cr, tna_chart_ink);
    tna_chart_text(cr, title, x, d->y, room, size, flags | CHART_WRAP, CHART_LEFT, 0);
    double last = d->y + th - line; /* the top of the title's last line */
    if (tw <= room) { /* dotted leader */
        tna_chart_set_rgb(cr, tna_chart_grid);
        for (double lx = x + tw + 6; lx < x + room + 18; lx += 4) { /* to 6 short of the number */
            cairo_arc(cr, lx, last + size * 0.95, 0.55, 0, 2 * M_PI);
            cairo_fill(cr);
        }
    }
    tna_chart_set_rgb(cr, tna_chart_ink);
    if (page > 0)
        tna_chart_text(cr, num, PDF_RIGHT, last, 0, size, flags, CHART_RIGHT, 0);
    if (link)
        tna_pdf_tag_end(d, CAIRO_TAG_LINK);
    tna_pdf_tag_end(d, "TOCI");
    d->y = last + size * 1.75;
}

static void contents(pdf_doc *d)
{
    tna_pdf_section_begin(d, PDF_SEC_CONTENTS, tna_pdf_section_title(d, PDF_SEC_CONTENTS));
    tna_pdf_tag_begin(d, "TOC", NULL);
    for (int s = PDF_SEC_SUMMARY; s < PDF_SEC_COUNT; s++) {
        if (s == PDF_SEC_BUDGET && !tna_pdf_has_budget(d))
            continue;
        contents_line(d, tna_pdf_section_title(d, s), d->section_page[s], 0, 10.5, true);
        if (s != PDF_SEC_AUTHORITIES)
            continue;
        double size = d->m->n_authorities > 30 ? 7.5 : 8.5;
        bool without = false; /* the table of councils without a page opens the section */
        for (uint32_t a = 0; a < d->m->n_authorities; a++)
            without |= !tna_pdf_authority_has_page(d, a) &&
                       tna_render_shows_authority(d->opt, d->m, a);
        if (without)
            contents_line(d, tna_pdf_t(d, TERM_COUNCILS_WITHOUT_PAGE), d->section_page[s], 16, size,
                          false);
        for (uint32_t a = 0; a < d->m->n_authorities; a++) {
            if (!tna_pdf_authority_has_page(d, a))
                continue;
            if (d->y + contents_height(d, tna_label_authority(d->l, a), d->authority_page[a], 16,
                                       size, false) >
                PDF_BOTTOM) {
                tna_pdf_tag_end(d, "TOC");
                tna_pdf_page_begin(d);
                tna_pdf_tag_begin(d, "TOC", NULL);
            }
            contents_line(d, tna_label_authority(d->l, a), d->authority_page[a], 16, size, false);
        }
        d->y += 4;
    }
    tna_pdf_tag_end(d, "TOC");
}

/* ---- executive summary ------------------------------------------------------------------------
 */

static int by_gap_desc(const void *a, const void *b)
{
    const tna_group *x = *(const tna_group *const *)a, *y = *(const tna_group *const *)b;
    if (x->mean_gap != y->mean_gap)
        return x->mean_gap > y->mean_gap ? -1 : 1;
    return x->topic < y->topic ? -1 : x->topic > y->topic;
}

/* The previous period's group of the same set and dimensions (NULL: none). */
static const tna_group *previous(pdf_doc *d, const tna_group *g)
{
    if (d->res->n_periods < 2 || g == NULL)
        return NULL;
    return tna_results_find(&d->res->periods[d->res->n_periods - 2], g->set, tna_group_dims(g));
}

static const char *was(pdf_doc *d, const tna_group *now, const char *value)
{
    const tna_group *p = previous(d, now);
    if (p == NULL || p->hidden)
        return NULL;
    return tna_pdf_str(d, "%s: %s", d->res->periods[d->res->n_periods - 2].period, value);
}

static void headline(pdf_doc *d)
{
    const tna_group *w = tna_results_find(d->cur, TNA_SET_ALL, TNA_DIMS_ALL);
    const tna_group *p = previous(d, w);
    bool shown = w && !w->hidden;
    if (shown)
        tna_pdf_para(d, pdf_tf(d, TERM_HEADLINE_TEXT, d->cur->period, tna_pdf_count(d, w->respondents),
                           tna_pdf_gap(d, w->mean_gap), tna_pdf_share(d, w->share_below),
                           tna_pdf_count(d, w->learners_needing)));
    else
        tna_pdf_para(d, tna_pdf_t(d, TERM_HEADLINE_TOO_FEW));
    if (tna_results_answered(d->res) < d->m->n_authorities) /* not a figure for all Wales */
        tna_pdf_note(d, pdf_tf(d, TERM_HEADLINE_PARTIAL, tna_label_wales_lower(d->l)));
    chart_tile tiles[4] = {
        {tna_pdf_group_count(d, w, w ? w->respondents : 0), tna_pdf_t(d, TERM_RESPONDENTS),
         shown && p ? was(d, w, tna_pdf_count(d, p->respondents)) : NULL},
        {tna_pdf_group_gap(d, w), tna_pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
         shown && p ? was(d, w, tna_pdf_gap(d, p->mean_gap)) : NULL},
        {tna_pdf_group_share(d, w), tna_pdf_t(d, TERM_SHARE_OF_SKILLS_BELOW_TARGET),
         shown && p ? was(d, w, tna_pdf_share(d, p->share_below)) : NULL},
        {tna_pdf_group_count(d, w, w ? w->learners_needing : 0),
         tna_pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING),
         shown && p ? was(d, w, tna_pdf_count(d, p->learners_needing)) : NULL},
    };
    tna_pdf_figure_begin(d);
    d->y += tna_chart_tiles(d->cr, PDF_LEFT, d->y + 2, PDF_WIDTH, tiles, 4) + 12;
    tna_pdf_figure_end(d);
    if (tna_pdf_gap_range(d, w))
        tna_pdf_note(d, pdf_tf(d, TERM_HEADLINE_INTERVALS, tna_pdf_gap_range(d, w),
                           tna_pdf_share_range(d, w)));
}

static void largest_gaps(pdf_doc *d)
{
    tna_pdf_h2(d, tna_pdf_t(d, TERM_THE_THREE_LARGEST_GAPS));
    const tna_group *top[4] = {NULL, NULL, NULL, NULL}; /* the fourth: to compare the third */
    GPtrArray *shown = g_ptr_array_new();
    for (size_t i = 0; i < d->cur->n_groups; i++) {
        const tna_group *g = &d->cur->groups[i];
        if (g->set == TNA_SET_TOPIC && !g->hidden && g->assessed > 0)
            g_ptr_array_add(shown, (void *)g);
    }
    if (shown->len > 1) /* pdata is NULL while the array is empty */
        qsort(shown->pdata, shown->len, sizeof(void *), by_gap_desc);
    size_t n = shown->len < 3 ? shown->len : 3;
    for (size_t i = 0; i < n + (shown->len > 3); i++)
        top[i] = g_ptr_array_index(shown, i);
    g_ptr_array_free(shown, TRUE);
    if (n == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_TOPIC_TO_SHOW));
        return;
    }
    enum { NC = 7 }; /* each figure with its 95% interval after it */
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),           tna_pdf_t(d, TERM_FRAMEWORK),
                            tna_pdf_t(d, TERM_MEAN_GAP),        tna_pdf_t(d, TERM_INTERVAL_95),
                            tna_pdf_t(d, TERM_BELOW_TARGET),    tna_pdf_t(d, TERM_INTERVAL_95),
                            tna_pdf_t(d, TERM_LEARNERS_NEEDING)};
    const char *cells[3 * NC];
    bool noise = false; /* a gap within noise of the next largest */
    for (size_t i = 0; i < n; i++) {
        const tna_group *g = top[i];
        const char *coverage = tna_pdf_coverage(d, g), *range = tna_pdf_gap_range(d, g),
                   *share_range = tna_pdf_share_range(d, g);
        bool near = tna_pdf_within_noise(g, top[i + 1]);
        noise |= near;
        const char **c = cells + i * NC;
        c[0] = coverage ? tna_pdf_str(d, "%s (%s)", tna_label_topic(d->l, g->topic), coverage)
                        : tna_label_topic(d->l, g->topic);
        c[1] = tna_label_framework(d->l, d->m->topics[g->topic].framework);
        c[2] = tna_pdf_str(d, "%s%s", tna_pdf_gap(d, g->mean_gap), near ? "~" : "");
        c[3] = range ? range : "–";
        c[4] = tna_pdf_share(d, g->share_below);
        c[5] = share_range ? share_range : "–";
        c[6] = tna_pdf_count(d, g->learners_needing);
    }
    double width[NC] = {0, 96, 40, 58, 42, 52, 48};
    chart_align align[NC] = {CHART_LEFT,  CHART_LEFT,  CHART_RIGHT, CHART_RIGHT,
                             CHART_RIGHT, CHART_RIGHT, CHART_RIGHT};
    pdf_table t = {NC, n, head, width, align, cells, NULL, 8};
    tna_pdf_table_draw(d, &t);
    if (noise)
        tna_pdf_note(d, tna_pdf_t(d, TERM_KEY_WITHIN_NOISE_OF_NEXT));
}

static void expectations(pdf_doc *d)
{
    tna_pdf_h2(d, tna_pdf_t(d, TERM_RETURN_ON_EXPECTATIONS));
    const tna_planning *pl = &d->res->planning;
    if (pl->n_expectations == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_EXPECTATIONS_SET));
        return;
    }
    enum { NC = 6 };
    const char *head[NC] = {tna_pdf_t(d, TERM_EXPECTATION), tna_pdf_t(d, TERM_BASELINE),
                            tna_pdf_t(d, TERM_TARGET),      tna_pdf_t(d, TERM_ACTUAL),
                            tna_pdf_t(d, TERM_PROGRESS),    tna_pdf_t(d, TERM_STATUS)};
    const char **cells = g_new0(const char *, pl->n_expectations *NC);
    unsigned char *kind = g_new0(unsigned char, pl->n_expectations *NC);
    size_t n = 0; /* the rows: in a pack, the expectations scoped to its place or to Wales */
    for (size_t i = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        const tna_expectation *x = &d->m->expectations[e->expectation];
        if (!tna_pdf_expectation_shown(d, x))
            continue;
        const char **c = cells + n * NC;
        unsigned char *k = kind + n * NC;
        n++;
        c[0] = tna_label_expectation(d->l, e->expectation);
        c[1] = e->has_baseline ? tna_pdf_metric_value(d, x->metric, e->baseline) : "–";
        c[2] = tna_pdf_metric_value(d, x->metric, e->target);
        if (e->hidden)
            c[3] = tna_pdf_hidden(d, e->hidden), k[3] = PDF_CELL_MUTED;
        else
            c[3] = e->has_actual ? tna_pdf_metric_value(d, x->metric, e->actual) : "–";
        c[4] = e->has_progress && !e->hidden ? tna_pdf_share(d, e->progress) : "–";
        if (e->note == TNA_NOTE_BASELINE_SET) { /* the first period: nothing to rate yet */
            c[5] = tna_pdf_t(d, TERM_NOTE_BASELINE_SET), k[5] = PDF_CELL_MUTED;
            continue;
        }
        c[5] = tna_pdf_rag_word(d, e->hidden ? TNA_RAG_NONE : e->rag);
        k[5] = tna_pdf_rag_cell(e->hidden ? TNA_RAG_NONE : e->rag);
    }
    double width[NC] = {0, 56, 54, 70, 52, 60};
    chart_align align[NC] = {CHART_LEFT,  CHART_RIGHT, CHART_RIGHT,
                             CHART_RIGHT, CHART_RIGHT, CHART_LEFT};
    pdf_table t = {NC, n, head, width, align, cells, kind, 8};
    tna_pdf_table_draw(d, &t);
    for (size_t i = 0, r = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        if (!tna_pdf_expectation_shown(d, &d->m->expectations[e->expectation]))
            continue;
        if (e->note != TNA_NOTE_NONE && e->note != TNA_NOTE_BASELINE_SET) /* that is in the row */
            tna_pdf_note(d, tna_pdf_str(d, "%s: %s", cells[r * NC], tna_pdf_t(d, tna_note_term(e->note))));
        /* share_at_target counts people, not skills: say so beside each of its rows */
        if (d->m->expectations[e->expectation].metric == TNA_METRIC_SHARE_AT_TARGET)
            tna_pdf_note(d, tna_pdf_str(d, "%s: %s", cells[r * NC],
                                        tna_pdf_t(d, TERM_DEFINE_SHARE_AT_TARGET)));
        r++;
    }
    tna_pdf_note(d, tna_pdf_t(d, TERM_PROGRESS_RULE_PDF));
    g_free(cells);
    g_free(kind);
}

static const tna_commissioning_total *overall(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    for (size_t i = 0; i < pl->n_totals; i++)
        if (pl->totals[i].topic == TNA_NONE)
            return &pl->totals[i];
    return NULL;
}

/* "35 cohorts and 959 places on open courses" (or the cohorts alone without places), in
 * each language of the report. */
static const char *cohorts_and_places(pdf_doc *d, int64_t cohorts, int64_t places)
{
    if (places == 0)
        return tna_pdf_cohorts(d, cohorts);
    const char *text[2];
    for (int k = 0; k < 2; k++) {
        tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
        text[k] = pdf_in(d, lang, TERM_N_AND_M,
                         pdf_counted(d, lang, cohorts, TERM_N_COHORTS_ONE, TERM_N_COHORTS),
                         pdf_counted(d, lang, places, TERM_N_OPEN_PLACES_ONE, TERM_N_OPEN_PLACES));
    }
    return tna_pdf_pair(d, text[0], text[1]);
}

static void commissioning(pdf_doc *d)
{
    tna_pdf_h2(d, tna_pdf_t(d, TERM_WHAT_TO_COMMISSION));
    const tna_commissioning_total *t = overall(d);
    /* a topic has a total when someone needs it (its counts may be hidden) */
    if (t == NULL || d->res->planning.n_totals < 2) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NOTHING_TO_COMMISSION_PDF));
        return;
    }
    /* the sentence counts cohorts, learners and places in words, so each language's
     * sentence gets its own words; money only when the configuration set the costs. Places
     * on open courses are learners: where they are hidden, so is the sentence's count */
    const tna_planning *pl = &d->res->planning;
    bool places = t->places > 0 || t->places_alone > 0 || t->plan_protected;
    bool hidden = t->hidden || t->plan_protected;
    int min = d->m->commissioning.cohort_min;
    const char *text[2];
    for (int k = 0; k < 2; k++) {
        tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
        const char *cohorts = pdf_counted(d, lang, t->cohorts, TERM_N_COHORTS_ONE, TERM_N_COHORTS);
        const char *alone =
            pdf_counted(d, lang, t->cohorts_alone, TERM_N_COHORTS_ONE, TERM_N_COHORTS);
        const char *welsh = tna_pdf_count(d, t->welsh_medium_cohorts);
        const char *learners =
            pdf_counted(d, lang, t->cohort_learners, TERM_N_LEARNERS_ONE, TERM_N_LEARNERS);
        const char *sd = pdf_counted(d, lang, t->self_directed, TERM_N_PLACES_ONE, TERM_N_PLACES);
        const char *open =
            pdf_counted(d, lang, t->places, TERM_N_OPEN_PLACES_ONE, TERM_N_OPEN_PLACES);
        const char *open_alone =
            pdf_counted(d, lang, t->places_alone, TERM_N_OPEN_PLACES_ONE, TERM_N_OPEN_PLACES);
        if (places && hidden)
            text[k] = pdf_in(d, lang, TERM_PLAN_NEEDS_PLACES_HIDDEN, cohorts, welsh, alone);
        else if (places && d->costed)
            text[k] = pdf_in(d, lang, TERM_PLAN_NEEDS_PLACES, cohorts, welsh, open, learners, sd,
                             tna_pdf_money(d, t->cost), min, alone, open_alone,
                             tna_pdf_money(d, t->cost_alone), tna_pdf_money(d, t->saving));
        else if (places)
            text[k] = pdf_in(d, lang, TERM_PLAN_NEEDS_PLACES_UNCOSTED, cohorts, welsh, open,
                             learners, sd, min, alone, open_alone);
        else if (t->hidden && d->costed) /* learner counts and costs are hidden; cohorts and
                                            saving not */
            text[k] =
                pdf_in(d, lang, TERM_PLAN_NEEDS_HIDDEN, cohorts, welsh, tna_pdf_money(d, t->saving));
        else if (t->hidden)
            text[k] = pdf_in(d, lang, TERM_PLAN_NEEDS_HIDDEN_UNCOSTED, cohorts, welsh, alone);
        else if (d->costed)
            text[k] =
                pdf_in(d, lang, TERM_PLAN_NEEDS, cohorts, welsh, learners, sd,
                       tna_pdf_money(d, t->cost), tna_pdf_money(d, t->cost_alone), tna_pdf_money(d, t->saving));
        else
            text[k] = pdf_in(d, lang, TERM_PLAN_NEEDS_UNCOSTED, cohorts, welsh, learners, sd, alone);
    }
    tna_pdf_para(d, tna_pdf_pair(d, text[0], text[1]));
    if (!d->costed)
        tna_pdf_note(d, tna_pdf_t(d, pl->places_priced ? TERM_COSTS_NOT_SET : TERM_PLACES_NOT_PRICED));
    if (hidden)
        return;
    chart_tile money[3] = {
        {tna_pdf_money(d, t->cost), tna_pdf_t(d, TERM_COST_OF_THE_POOLED_PLAN), tna_pdf_cohorts(d, t->cohorts)},
        {tna_pdf_money(d, t->cost_alone), tna_pdf_t(d, TERM_IF_EACH_AUTHORITY_ALONE),
         cohorts_and_places(d, t->cohorts_alone, t->places_alone)},
        {tna_pdf_money(d, t->saving), tna_pdf_t(d, TERM_SAVING_FROM_POOLING), NULL},
    };
    chart_tile counts[3] = {
        {tna_pdf_count(d, t->cohorts), tna_pdf_t(d, TERM_COHORTS_IN_POOLED_PLAN), NULL},
        {tna_pdf_count(d, t->cohorts_alone), tna_pdf_t(d, TERM_IF_EACH_AUTHORITY_ALONE), NULL},
        {tna_pdf_count(d, t->self_directed), tna_pdf_t(d, TERM_SELF_DIRECTED_PLACES), NULL},
    };
    const chart_tile *tiles = d->costed ? money : counts;
    /* the tiles repeat the paragraph's figures: left out rather than start a page alone */
    if (d->y + tna_chart_tiles_height(d->cr, PDF_WIDTH, tiles, 3) > PDF_BOTTOM)
        return;
    tna_pdf_figure_begin(d);
    d->y += tna_chart_tiles(d->cr, PDF_LEFT, d->y, PDF_WIDTH, tiles, 3) + 10;
    tna_pdf_figure_end(d);
}

bool tna_pdf_expectation_shown(pdf_doc *d, const tna_expectation *x)
{
    return (x->scope.authority == TNA_NONE ||
            tna_render_shows_authority(d->opt, d->m, x->scope.authority)) &&
           (x->scope.region == TNA_NONE || tna_render_shows_region(d->opt, d->m, x->scope.region));
}

void tna_pdf_pages_summary(pdf_doc *d)
{
    tna_pdf_section_begin(d, PDF_SEC_SUMMARY, tna_pdf_section_title(d, PDF_SEC_SUMMARY));
    headline(d);
    largest_gaps(d);
    expectations(d);
    commissioning(d);
}

void tna_pdf_pages_front(pdf_doc *d)
{
    if (tna_render_is_pack(d->opt)) { /* a pack is short: its bookmarks are its contents */
        pack_cover(d);
        return;
    }
    cover(d);
    contents(d);
    tna_pdf_pages_summary(d);
}
