/*
 * pdf_gaps.c - where the gaps are, and how they moved: the gaps section (mean gap by topic
 * and by role, the authority x topic heatmap, self against manager ratings) and the trends
 * section (Wales across periods, then each topic as a small line chart).
 *
 * Every figure comes from the privacy-safe groups of the current (or an earlier) period. A
 * hidden group gets no bar, no coloured cell and no point: its place shows its marker
 * (suppressed or protected), and a group with no data a dash. A topic's figure that rests
 * on fewer than all its skills says "based on k of n skills" (a star in the heatmap).
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_page.h"

typedef struct ranked {
    const tna_group *g; /* NULL: no respondents */
    uint32_t index;     /* topic or role */
} ranked;

static int by_value_desc(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    bool xs = x->g && !x->g->hidden, ys = y->g && !y->g->hidden;
    if (xs != ys)
        return xs ? -1 : 1; /* shown values first, then markers, in model order */
    if (xs && x->g->mean_gap != y->g->mean_gap)
        return x->g->mean_gap > y->g->mean_gap ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Bars of the mean gap of each topic (roles: false) or role (true), largest first, under
 * their heading (kept on the chart's page). */
static void gap_bars(pdf_doc *d, const char *title, bool roles)
{
    const tna_model *m = d->m;
    size_t n = roles ? m->n_roles : m->n_topics, k = 0;
    ranked *r = g_new0(ranked, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        const tna_group *g =
            roles ? tna_results_find(d->cur, TNA_SET_ROLE, (tna_dims){.role = tna_is(i)})
                  : tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(i)});
        if (g)
            r[k++] = (ranked){g, i};
    }
    qsort(r, k, sizeof *r, by_value_desc);
    if (k == 0) {
        tna_pdf_h2(d, title);
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_RESPONSES_THIS_PERIOD));
        g_free(r);
        return;
    }
    chart_bar *bars = g_new0(chart_bar, k);
    for (size_t i = 0; i < k; i++) {
        const tna_group *g = r[i].g;
        bars[i].label =
            roles ? tna_label_role(d->l, r[i].index) : tna_label_topic(d->l, r[i].index);
        bars[i].value[0] = g->mean_gap;
        bars[i].missing[0] = g->hidden;
        const char *coverage = tna_pdf_coverage(d, g), *range = tna_pdf_gap_range(d, g),
                   *share_range = tna_pdf_share_range(d, g);
        bars[i].range[0] = range != NULL;
        bars[i].lo[0] = g->mean_gap_low, bars[i].hi[0] = g->mean_gap_high;
        /* "0.50  (0.31–0.69; 40% below, 33–47%; 1 of 2 skills)": each figure's interval after it */
        const char *in = tna_pdf_str(d, "%s %s", tna_pdf_share(d, g->share_below),
                                     tna_pdf_t(d, TERM_BELOW_IN_BAR));
        if (share_range)
            in = tna_pdf_str(d, "%s, %s", in, share_range);
        if (range)
            in = tna_pdf_str(d, "%s; %s", range, in);
        if (coverage)
            in = tna_pdf_str(d, "%s; %s", in, coverage);
        bars[i].text[0] = g->hidden ? tna_pdf_hidden(d, g->hidden)
                                    : tna_pdf_str(d, "%s  (%s)", tna_pdf_gap(d, g->mean_gap), in);
    }
    chart_bars spec = {bars,
                       k,
                       1,
                       {NULL},
                       CHART_FMT_DECIMAL,
                       0,
                       tna_pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
                       k > 14 ? 8 : 10,
                       0.40};
    double h = tna_chart_hbars_height(d->cr, PDF_WIDTH, &spec);
    tna_pdf_keep(d, h + 40);
    tna_pdf_h2(d, title);
    tna_pdf_need(d, h);
    tna_pdf_figure_begin(d);
    d->y += tna_chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 10;
    tna_pdf_figure_end(d);
    tna_pdf_note(d, tna_pdf_t(d, TERM_BARS_INTERVAL_NOTE));
    g_free(bars);
    g_free(r);
}

/* A row per authority that answered (the others are listed in the Authorities section). */
static void heatmap(pdf_doc *d)
{
    const tna_model *m = d->m;
    size_t na = m->n_authorities, nc = m->n_topics, nr = 0;
    if (na == 0 || nc == 0)
        return;
    const char **rows = g_new0(const char *, na), **cols = g_new0(const char *, nc);
    size_t n_cells = na * nc;
    double *values = g_new0(double, n_cells);
    unsigned char *state = g_new0(unsigned char, n_cells);
    const char **text = g_new0(const char *, n_cells);
    double hi = 0;
    bool partial = false; /* a cell rests on fewer than all its topic's skills */
    bool noise = false;   /* a cell's interval holds the Wales figure of its topic */
    for (uint32_t a = 0; a < na; a++) {
        if (!tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)}) ||
            !tna_render_shows_authority(d->opt, m, a))
            continue;
        size_t row = nr++;
        rows[row] = tna_pdf_short_authority(d, a);
        for (uint32_t t = 0; t < nc; t++) {
            size_t i = row * nc + t;
            const tna_group *g =
                tna_results_find(d->cur, TNA_SET_AUTHORITY_TOPIC,
                                 (tna_dims){.authority = tna_is(a), .topic = tna_is(t)});
            if (g == NULL) {
                state[i] = CHART_CELL_EMPTY, text[i] = "–";
            } else if (g->hidden) {
                state[i] =
                    g->hidden == TNA_SUPPRESSED ? CHART_CELL_SUPPRESSED : CHART_CELL_PROTECTED;
                text[i] = tna_pdf_hidden_short(d, g->hidden);
            } else {
                const tna_group *w =
                    tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)});
                bool near = w != NULL && tna_pdf_holds(g, w->mean_gap);
                bool part = tna_pdf_coverage(d, g) != NULL;
                state[i] = CHART_CELL_VALUE, values[i] = g->mean_gap;
                partial |= part, noise |= near;
                text[i] = tna_pdf_str(d, "%s%s%s", tna_pdf_gap(d, g->mean_gap), part ? "*" : "",
                                  near ? "~" : "");
                hi = fmax(hi, g->mean_gap);
            }
        }
    }
    if (nr == 0) {
        g_free(rows), g_free(cols), g_free(values), g_free(state), g_free(text);
        return;
    }
    for (uint32_t t = 0; t < nc; t++)
        cols[t] = tna_label_topic(d->l, t);
    chart_heatmap spec = {rows,
                          nr,
                          cols,
                          nc,
                          values,
                          state,
                          text,
                          0,
                          hi > 0 ? ceil(hi * 4) / 4 : 1,
                          CHART_FMT_DECIMAL,
                          tna_pdf_t(d, TERM_MEAN_GAP),
                          tna_pdf_suppressed_key(d),
                          tna_pdf_protected_key(d),
                          tna_pdf_t(d, TERM_KEY_NO_RESPONSES),
                          nr > 26 ? 11 : 15,
                          150};
    tna_pdf_heatmap(d, tna_pdf_t(d, TERM_MEAN_GAP_BY_AUTHORITY_AND_TOPIC), &spec, PDF_WIDTH);
    tna_pdf_note(d, tna_pdf_t(d, TERM_HEATMAP_NOTE_PDF));
    if (noise)
        tna_pdf_note(d, tna_pdf_t(d, TERM_KEY_WITHIN_NOISE_OF_WALES));
    if (partial)
        tna_pdf_note(d, tna_pdf_t(d, TERM_KEY_PARTIAL_COVERAGE));
    g_free(rows), g_free(cols), g_free(values), g_free(state), g_free(text);
}

static void raters(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    size_t n = 0;
    for (size_t i = 0; i < pl->n_raters; i++)
        if (pl->raters[i].authority == TNA_NONE)
            n++;
    if (n == 0)
        return;
    const char *head[] = {tna_pdf_t(d, TERM_TOPIC), tna_pdf_t(d, TERM_RESPONDENTS),
                          tna_pdf_t(d, TERM_SKILLS_RATED_BY_BOTH), tna_pdf_t(d, TERM_SELF_MINUS_MANAGER)};
    const char **cells = g_new0(const char *, n * 4);
    unsigned char *kind = g_new0(unsigned char, n * 4);
    size_t r = 0;
    for (size_t i = 0; i < pl->n_raters; i++) {
        const tna_rater_gap *g = &pl->raters[i];
        if (g->authority != TNA_NONE)
            continue;
        const char **c = cells + r * 4;
        c[0] = g->topic == TNA_NONE ? tna_pdf_t(d, TERM_ALL_TOPICS) : tna_label_topic(d->l, g->topic);
        if (g->topic == TNA_NONE)
            kind[r * 4] = kind[r * 4 + 1] = kind[r * 4 + 2] = kind[r * 4 + 3] = PDF_CELL_BOLD;
        if (g->hidden) {
            c[1] = c[2] = c[3] = tna_pdf_hidden(d, g->hidden);
            kind[r * 4 + 1] = kind[r * 4 + 2] = kind[r * 4 + 3] = PDF_CELL_MUTED;
        } else {
            c[1] = tna_pdf_count(d, g->respondents);
            c[2] = tna_pdf_count(d, g->pairs);
            c[3] = tna_pdf_signed(d, g->mean_difference);
        }
        r++;
    }
    double width[] = {0, 75, 110, 95};
    pdf_table t = {4, n, head, width, NULL, cells, kind, 8};
    tna_pdf_keep(d, tna_pdf_table_height(d, &t) + 70); /* heading, words and table together */
    tna_pdf_h2(d, tna_pdf_t(d, TERM_RATERS_TITLE_PDF));
    tna_pdf_para(d, tna_pdf_t(d, TERM_RATERS_INTRO_PDF));
    tna_pdf_table_draw(d, &t);
    g_free(cells);
    g_free(kind);
}

static void gaps(pdf_doc *d)
{
    tna_pdf_section_begin(d, PDF_SEC_GAPS, tna_pdf_section_title(d, PDF_SEC_GAPS));
    tna_pdf_para(d, tna_pdf_t(d, TERM_GAPS_INTRO));
    gap_bars(d, tna_pdf_t(d, TERM_MEAN_GAP_BY_TOPIC_LARGEST_FIRST), false);
    gap_bars(d, tna_pdf_t(d, TERM_MEAN_GAP_BY_ROLE), true);
    heatmap(d);
    raters(d);
}

/* ---- trends ------------------------------------------------------------------------------------
 */

typedef enum trend_figure { TREND_GAP, TREND_SHARE, TREND_LEARNERS } trend_figure;

/* One line chart of a figure of a group across the run's periods. */
static void trend_chart(pdf_doc *d, tna_set set, uint32_t topic, trend_figure f, const char *title,
                        double x, double y, double w, double h, double max, bool compact,
                        int title_lines)
{
    size_t np = d->res->n_periods;
    const char **xl = g_new0(const char *, np), **text = g_new0(const char *, np);
    double *v = g_new0(double, np);
    bool *miss = g_new0(bool, np);
    for (size_t p = 0; p < np; p++) {
        const tna_group *g =
            tna_results_find(&d->res->periods[p], set, (tna_dims){.topic = tna_is(topic)});
        xl[p] = d->res->periods[p].period;
        miss[p] = g == NULL || g->hidden;
        if (miss[p]) { /* marked at the foot: why there is no point */
            text[p] = g == NULL ? "–" : tna_pdf_hidden_short(d, g->hidden);
            continue;
        }
        v[p] = f == TREND_GAP     ? g->mean_gap
               : f == TREND_SHARE ? g->share_below
                                  : (double)g->learners_needing;
        text[p] = f == TREND_GAP     ? tna_pdf_gap(d, v[p])
                  : f == TREND_SHARE ? tna_pdf_share(d, v[p])
                                     : tna_pdf_count(d, g->learners_needing);
    }
    chart_series_line s = {title, v, miss, text};
    chart_lines spec = {xl,
                        np,
                        &s,
                        1,
                        f == TREND_GAP     ? CHART_FMT_DECIMAL
                        : f == TREND_SHARE ? CHART_FMT_PERCENT
                                           : CHART_FMT_COUNT,
                        0,
                        max,
                        title,
                        NULL,
                        compact,
                        title_lines};
    tna_chart_line(d->cr, x, y, w, h, &spec);
    g_free(xl), g_free(text), g_free(v), g_free(miss);
}

static void trends(pdf_doc *d)
{
    tna_pdf_section_begin(d, PDF_SEC_TRENDS, tna_pdf_section_title(d, PDF_SEC_TRENDS));
    if (d->res->n_periods < 2)
        tna_pdf_para(d, tna_pdf_t(d, TERM_TRENDS_ONE_PERIOD));
    else
        tna_pdf_para(d, pdf_tf(d, TERM_TRENDS_INTRO, d->res->periods[0].period, d->cur->period,
                           d->marker_short, d->res->min_group_size, d->protect_short));
    tna_pdf_h2(d, tna_label_wales(d->l));
    /* titles wrap onto as many lines as the longest needs; the plots keep their height */
    const char *wales[3] = {tna_pdf_t(d, TERM_MEAN_GAP), tna_pdf_t(d, TERM_SHARE_OF_SKILLS_BELOW_TARGET),
                            tna_pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING)};
    double w3 = (PDF_WIDTH - 24) / 3;
    int lines = 2;
    for (int i = 0; i < 3; i++)
        lines = (int)fmax(lines, tna_chart_line_title_lines(d->cr, wales[i], w3, false));
    double h = 108 + tna_chart_line_title_height(lines - 2, false);
    tna_pdf_need(d, h);
    tna_pdf_figure_begin(d);
    for (int i = 0; i < 3; i++)
        trend_chart(d, TNA_SET_ALL, TNA_NONE, (trend_figure)i, wales[i], PDF_LEFT + i * (w3 + 12),
                    d->y, w3, h, 0, false, lines);
    tna_pdf_figure_end(d);
    d->y += h + 14;
    if (d->m->n_topics == 0)
        return;
    tna_pdf_h2(d, tna_pdf_t(d, TERM_MEAN_GAP_BY_TOPIC));
    /* one scale for every topic, so the small charts compare at a glance */
    double hi = 0;
    for (size_t p = 0; p < d->res->n_periods; p++)
        for (uint32_t t = 0; t < d->m->n_topics; t++) {
            const tna_group *g = tna_results_find(&d->res->periods[p], TNA_SET_TOPIC,
                                                  (tna_dims){.topic = tna_is(t)});
            if (g && !g->hidden)
                hi = fmax(hi, g->mean_gap);
        }
    hi = hi > 0 ? ceil(hi * 1.2 * 4) / 4 : 1;
    const int cols = 4;
    double cw = (PDF_WIDTH - (cols - 1) * 12) / cols;
    lines = 2;
    for (uint32_t t = 0; t < d->m->n_topics; t++)
        lines = (int)fmax(lines, tna_chart_line_title_lines(d->cr, tna_label_topic(d->l, t), cw, true));
    double extra = tna_chart_line_title_height(lines - 2, true), ch = 84 + extra;
    /* the plots give up some height (to 64 points) rather than leave a last row alone on
     * the next page when titles wrap */
    size_t rows = (d->m->n_topics + cols - 1) / cols;
    double fit = (PDF_BOTTOM - d->y + 8) / (double)rows - 8;
    if (fit < ch && fit >= 64 + extra)
        ch = fit;
    for (uint32_t t = 0; t < d->m->n_topics; t += cols) {
        tna_pdf_need(d, ch);
        tna_pdf_figure_begin(d);
        for (int c = 0; c < cols && t + c < d->m->n_topics; c++)
            trend_chart(d, TNA_SET_TOPIC, t + c, TREND_GAP, tna_label_topic(d->l, t + c),
                        PDF_LEFT + c * (cw + 12), d->y, cw, ch, hi, true, lines);
        tna_pdf_figure_end(d);
        d->y += ch + 8;
    }
}

void tna_pdf_pages_gaps(pdf_doc *d)
{
    gaps(d);
    trends(d);
}
