/*
 * pdf_authority.c - one page per authority with figures to show: its headline figures
 * beside the Wales figure, its mean gap per topic beside Wales's (grouped bars), and per
 * topic its respondents, share below target (with Wales's), learners needing training and,
 * where the figure rests on fewer than all the topic's skills, how many.
 *
 * An authority whose own figures are shown gets its page, in the model's order, with a
 * bookmark under "Authorities". The others (no responses, too few to show, or protected)
 * are listed in one table at the start of the section with the reason, so a run over three
 * councils of 22 is not nineteen near-empty pages. A hidden topic shows its marker in place
 * of its bar and numbers. The page is sized to fit: bars get the height the table leaves.
 */
#include <math.h>
#include <string.h>

#include "pdf_internal.h"

bool tna_pdf_authority_has_page(pdf_doc *d, uint32_t a)
{
    const tna_group *g =
        tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)});
    return g != NULL && !g->hidden;
}

static void tiles(pdf_doc *d, const tna_group *g, const tna_group *w)
{
    bool ws = w && !w->hidden;
    const char *wales = tna_label_wales(d->l);
    chart_tile t[4] = {
        {pdf_count(d, g->respondents), pdf_t(d, TERM_RESPONDENTS),
         ws ? pdf_str(d, "%s: %s", wales, pdf_count(d, w->respondents)) : NULL},
        {pdf_gap(d, g->mean_gap), pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
         ws ? pdf_str(d, "%s: %s", wales, pdf_gap(d, w->mean_gap)) : NULL},
        {pdf_share(d, g->share_below), pdf_t(d, TERM_SHARE_OF_SKILLS_BELOW_TARGET),
         ws ? pdf_str(d, "%s: %s", wales, pdf_share(d, w->share_below)) : NULL},
        {pdf_count(d, g->learners_needing), pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING),
         ws ? pdf_str(d, "%s: %s", wales, pdf_count(d, w->learners_needing)) : NULL},
    };
    pdf_figure_begin(d);
    d->y += chart_tiles(d->cr, PDF_LEFT, d->y, PDF_WIDTH, t, 4) + 12;
    pdf_figure_end(d);
}

/* The topic table: respondents, share below (and Wales), learners; drawn, or only
 * measured when draw is false. */
static double topic_table(pdf_doc *d, uint32_t a, const uint32_t *topics, size_t n, bool draw)
{
    enum { NC = 6 };
    const char *head[NC] = {
        pdf_t(d, TERM_TOPIC),
        pdf_t(d, TERM_RESPONDENTS),
        pdf_t(d, TERM_BELOW_TARGET),
        pdf_str(d, "%s: %s", tna_label_wales(d->l), pdf_t(d, TERM_BELOW_TARGET_LOWER)),
        pdf_t(d, TERM_LEARNERS_NEEDING),
        pdf_t(d, TERM_BASED_ON)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    bool partial = false; /* a topic's figure rests on fewer than all its skills */
    for (size_t i = 0; i < n; i++) {
        const tna_group *g =
            tna_results_find(d->cur, TNA_SET_AUTHORITY_TOPIC,
                             (tna_dims){.authority = tna_is(a), .topic = tna_is(topics[i])});
        const tna_group *w =
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(topics[i])});
        const char **c = cells + i * NC;
        c[0] = tna_label_topic(d->l, topics[i]);
        c[1] = pdf_group_count(d, g, g ? g->respondents : 0);
        c[2] = pdf_group_share(d, g);
        c[3] = pdf_group_share(d, w);
        c[4] = pdf_group_count(d, g, g ? g->learners_needing : 0);
        c[5] = tna_pdf_coverage_short(d, g); /* blank when every skill counts */
        partial |= c[5] != NULL;
        for (int j = 1; j < NC; j++)
            if (j != 3 ? (g == NULL || g->hidden) : (w == NULL || w->hidden))
                kind[i * NC + j] = PDF_CELL_MUTED;
    }
    if (!partial) /* without the coverage column, the others keep their room */
        for (size_t i = 0; i < n; i++)
            memmove(cells + i * (NC - 1), cells + i * NC, (NC - 1) * sizeof *cells),
                memmove(kind + i * (NC - 1), kind + i * NC, NC - 1);
    double width[NC] = {0, 62, 68, 92, 70, 0};
    if (partial)
        width[1] = 54, width[2] = 56, width[3] = 84, width[4] = 58, width[5] = 64;
    /* both languages make every label longer: smaller type keeps the page to one page */
    double size = d->opt->language == TNA_LANG_BOTH ? 6.5 : 7;
    pdf_table t = {partial ? NC : NC - 1, n, head, width, NULL, cells, kind, size, true};
    double h = pdf_table_height(d, &t);
    if (draw)
        pdf_table_draw(d, &t);
    g_free(cells);
    g_free(kind);
    return h;
}

/* Starts the Authorities section on the current page when it has not started yet; returns
 * whether it did. */
static bool section_start(pdf_doc *d)
{
    if (d->section_page[PDF_SEC_AUTHORITIES] != 0)
        return false;
    d->section_page[PDF_SEC_AUTHORITIES] = d->page;
    d->outline_authorities =
        pdf_outline_here(d, CAIRO_PDF_OUTLINE_ROOT, pdf_section_title(d, PDF_SEC_AUTHORITIES));
    return true;
}

static void authority_page(pdf_doc *d, uint32_t a)
{
    cairo_t *cr = d->cr;
    const tna_model *m = d->m;
    pdf_page_begin(d);
    d->authority_page[a] = d->page;
    bool first = section_start(d);
    const char *section = pdf_section_title(d, PDF_SEC_AUTHORITIES);
    const char *name = tna_label_authority(d->l, a);
    pdf_outline_here(d, d->outline_authorities, name);
    /* "Authorities · Region" kicker: the section's heading on its first page */
    const char *kicker =
        pdf_str(d, "%s · %s", section, tna_label_region(d->l, m->authorities[a].region));
    pdf_tag_begin(d, first ? "H1" : "P", NULL);
    chart_set_rgb(cr, chart_muted);
    d->y += chart_text(cr, kicker, PDF_LEFT, d->y, PDF_WIDTH, 9, CHART_BOLD, CHART_LEFT, 0) + 2;
    pdf_tag_end(d, first ? "H1" : "P");
    pdf_tag_begin(d, "H2", NULL);
    chart_set_rgb(cr, chart_accent);
    d->y += chart_text(cr, name, PDF_LEFT, d->y, PDF_WIDTH, 17, CHART_BOLD | CHART_WRAP, CHART_LEFT,
                       2) +
            10;
    pdf_tag_end(d, "H2");

    const tna_group *g =
        tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)});
    const tna_group *w = tna_results_find(d->cur, TNA_SET_ALL, TNA_DIMS_ALL);
    tiles(d, g, w);

    uint32_t *topics = g_new0(uint32_t, m->n_topics ? m->n_topics : 1);
    size_t n = 0;
    for (uint32_t t = 0; t < m->n_topics; t++)
        if (tna_results_find(d->cur, TNA_SET_AUTHORITY_TOPIC,
                             (tna_dims){.authority = tna_is(a), .topic = tna_is(t)}) ||
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)}))
            topics[n++] = t;
    if (n == 0) {
        g_free(topics);
        return;
    }
    pdf_h2(d, pdf_tf(d, TERM_MEAN_GAP_BY_TOPIC_BESIDE_WALES, tna_label_wales_lower(d->l)));
    chart_bar *bars = g_new0(chart_bar, n);
    for (size_t i = 0; i < n; i++) {
        const tna_group *ga =
            tna_results_find(d->cur, TNA_SET_AUTHORITY_TOPIC,
                             (tna_dims){.authority = tna_is(a), .topic = tna_is(topics[i])});
        const tna_group *gw =
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(topics[i])});
        chart_bar *b = &bars[i];
        b->label = tna_label_topic(d->l, topics[i]);
        b->missing[0] = ga == NULL || ga->hidden;
        b->value[0] = b->missing[0] ? 0 : ga->mean_gap;
        b->text[0] = pdf_group_gap(d, ga);
        b->missing[1] = gw == NULL || gw->hidden;
        b->value[1] = b->missing[1] ? 0 : gw->mean_gap;
        b->text[1] = pdf_group_gap(d, gw);
    }
    /* the table below takes what it needs; the bars get the rest, as thick as fits */
    double room = PDF_BOTTOM - d->y - topic_table(d, a, topics, n, false) - 8;
    chart_bars spec = {bars,
                       n,
                       2,
                       {pdf_short_authority(d, a), tna_label_wales(d->l)},
                       CHART_FMT_DECIMAL,
                       0,
                       pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
                       9,
                       0.40};
    while (spec.bar_height > 3.5 && chart_hbars_height(cr, PDF_WIDTH, &spec) > room)
        spec.bar_height -= 0.25;
    pdf_figure_begin(d);
    d->y += chart_hbars(cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    pdf_figure_end(d);
    g_free(bars);
    topic_table(d, a, topics, n, true);
    g_free(topics);
}

/* The councils without a page, each with why: no responses, too few, or protected. */
static void without_page(pdf_doc *d)
{
    const tna_model *m = d->m;
    size_t n = 0;
    for (uint32_t a = 0; a < m->n_authorities; a++)
        n += !tna_pdf_authority_has_page(d, a);
    if (n == 0)
        return;
    /* the section starts here, and the councils' bookmarks go under its own */
    d->outline_authorities =
        pdf_section_begin(d, PDF_SEC_AUTHORITIES, pdf_section_title(d, PDF_SEC_AUTHORITIES));
    pdf_h2(d, pdf_t(d, TERM_COUNCILS_WITHOUT_PAGE));
    pdf_para(d, pdf_tf(d, TERM_COUNCILS_WITHOUT_PAGE_INTRO, d->cur->period));
    enum { NC = 3 };
    const char *head[NC] = {pdf_t(d, TERM_COUNCIL), pdf_t(d, TERM_REGION),
                            pdf_t(d, TERM_WHY_NO_PAGE)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t r = 0;
    for (uint32_t a = 0; a < m->n_authorities; a++) {
        if (tna_pdf_authority_has_page(d, a))
            continue;
        const tna_group *g =
            tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)});
        const char **c = cells + r * NC;
        c[0] = tna_label_authority(d->l, a);
        c[1] = tna_label_region(d->l, m->authorities[a].region);
        c[2] = g == NULL ? pdf_t(d, TERM_NO_RESPONSES)
               : g->hidden == TNA_SUPPRESSED
                   ? pdf_tf(d, TERM_NOTE_TOO_FEW_N, d->res->min_group_size)
                   : pdf_t(d, TERM_NOTE_PROTECTED);
        kind[r * NC + 2] = PDF_CELL_MUTED;
        r++;
    }
    double width[NC] = {0, 110, 170};
    chart_align align[NC] = {CHART_LEFT, CHART_LEFT, CHART_LEFT};
    pdf_table t = {NC, n, head, width, align, cells, kind, 8, false};
    pdf_table_draw(d, &t);
    g_free(cells);
    g_free(kind);
}

void pdf_pages_authorities(pdf_doc *d)
{
    d->section_page[PDF_SEC_AUTHORITIES] = 0;
    without_page(d);
    for (uint32_t a = 0; a < d->m->n_authorities; a++)
        if (tna_pdf_authority_has_page(d, a))
            authority_page(d, a);
}
