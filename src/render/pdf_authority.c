/*
 * pdf_authority.c - one page per authority with figures to show: its headline figures
 * beside the Wales figure, its mean gap per topic beside Wales's (grouped bars), and per
 * topic its respondents, share below target (with Wales's), learners needing training and,
 * where the figure rests on fewer than all the topic's skills, how many.
 *
 * A council of 17 respondents beside Wales's 1,700 differs by noise as often as not, so the
 * place's own figures carry their 95% intervals (groups-PERIOD.csv): printed in the headline
 * tiles and the table, drawn across its bars; and a topic's mean gap or share is marked "~"
 * where its interval holds the Wales figure beside it (not clearly different).
 *
 * An authority whose own figures are shown gets its page, in the model's order, with a
 * bookmark under "Authorities". The others (no responses, too few to show, or protected)
 * are listed in one table at the start of the section with the reason, so a run over three
 * councils of 22 is not nineteen near-empty pages. A hidden topic shows its marker in place
 * of its bar and numbers. The page is sized to fit: bars get the height the table leaves.
 */
#include <math.h>
#include <string.h>

#include "pdf_page.h"

bool tna_pdf_authority_has_page(pdf_doc *d, uint32_t a)
{
    const tna_group *g =
        tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)});
    return g != NULL && !g->hidden;
}

/* "Wales: 0.73", or in a pack "North Wales: 0.70 · Wales: 0.73" (the region's only when the
 * place is a council). */
static const char *beside(pdf_doc *d, const tna_group *r, const tna_group *w, const char *what,
                          const char *(*fmt)(pdf_doc *, const tna_group *))
{
    bool ws = w && !w->hidden;
    const char *wales = ws ? tna_pdf_str(d, "%s: %s", tna_label_wales(d->l), fmt(d, w)) : NULL;
    if (r == NULL)
        return wales;
    const char *region = tna_pdf_str(d, "%s: %s", what, fmt(d, r));
    return wales ? tna_pdf_str(d, "%s · %s", region, wales) : region;
}

static const char *tile_respondents(pdf_doc *d, const tna_group *g)
{
    return tna_pdf_group_count(d, g, g->respondents);
}
static const char *tile_learners(pdf_doc *d, const tna_group *g)
{
    return tna_pdf_group_count(d, g, g->learners_needing);
}

/* "95% interval 0.55–0.67", then on a line of its own "Wales: 0.45": a figure's interval first,
 * then what it is beside. */
static const char *with_range(pdf_doc *d, const char *range, const char *beside_text)
{
    if (range == NULL)
        return beside_text;
    const char *r = tna_pdf_str(d, "%s %s", tna_pdf_t(d, TERM_INTERVAL_95), range);
    return beside_text ? tna_pdf_str(d, "%s\n%s", r, beside_text) : r;
}

/* A place's headline tiles: beside Wales, and in a pack beside its region (r, may be NULL). */
static void tiles(pdf_doc *d, const tna_group *g, const tna_group *r, const char *region,
                  const tna_group *w)
{
    chart_tile t[4] = {
        {tna_pdf_count(d, g->respondents), tna_pdf_t(d, TERM_RESPONDENTS),
         beside(d, r, w, region, tile_respondents)},
        {tna_pdf_gap(d, g->mean_gap), tna_pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
         with_range(d, tna_pdf_gap_range(d, g), beside(d, r, w, region, tna_pdf_group_gap))},
        {tna_pdf_share(d, g->share_below), tna_pdf_t(d, TERM_SHARE_OF_SKILLS_BELOW_TARGET),
         with_range(d, tna_pdf_share_range(d, g), beside(d, r, w, region, tna_pdf_group_share))},
        {tna_pdf_count(d, g->learners_needing), tna_pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING),
         beside(d, r, w, region, tile_learners)},
    };
    tna_pdf_figure_begin(d);
    d->y += tna_chart_tiles(d->cr, PDF_LEFT, d->y, PDF_WIDTH, t, 4) + 12;
    tna_pdf_figure_end(d);
}

/* A council or, in a region's pack, the region: the sets its figures are in. */
typedef struct place {
    tna_set whole, by_topic; /* AUTHORITY and AUTHORITY_TOPIC, or REGION and REGION_TOPIC */
    tna_dims dims;           /* the council or the region */
    const char *name, *short_name, *kicker;
    uint32_t region; /* a council's region, shown beside it in a pack; else TNA_NONE */
} place;

static const tna_group *place_topic(pdf_doc *d, const place *p, uint32_t t)
{
    tna_dims k = p->dims;
    k.topic = tna_is(t);
    return tna_results_find(d->cur, p->by_topic, k);
}

static const tna_group *region_topic(pdf_doc *d, const place *p, uint32_t t)
{
    return p->region == TNA_NONE ? NULL
                                 : tna_results_find(d->cur, TNA_SET_REGION_TOPIC,
                                                    (tna_dims){.region = tna_is(p->region),
                                                               .topic = tna_is(t)});
}

/* The topic table: respondents, share below with its interval ("~" where that holds Wales's
 * share), the region's in a pack, Wales's, learners; drawn, or only measured when draw is
 * false. *marked: whether a share is marked. */
static double topic_table(pdf_doc *d, const place *p, const uint32_t *topics, size_t n, bool draw,
                          bool *marked)
{
    enum { NC = 8 };
    bool regional = p->region != TNA_NONE;
    const char *head[NC] = {
        tna_pdf_t(d, TERM_TOPIC),
        tna_pdf_t(d, TERM_RESPONDENTS),
        tna_pdf_t(d, TERM_BELOW_TARGET),
        tna_pdf_t(d, TERM_INTERVAL_95),
        regional ? tna_pdf_str(d, "%s: %s", tna_label_region(d->l, p->region),
                               tna_pdf_t(d, TERM_BELOW_TARGET_LOWER))
                 : NULL,
        tna_pdf_str(d, "%s: %s", tna_label_wales(d->l), tna_pdf_t(d, TERM_BELOW_TARGET_LOWER)),
        tna_pdf_t(d, TERM_LEARNERS_NEEDING),
        tna_pdf_t(d, TERM_BASED_ON)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    bool partial = false; /* a topic's figure rests on fewer than all its skills */
    bool ranges = false;  /* a topic's share has an interval */
    *marked = false;
    for (size_t i = 0; i < n; i++) {
        const tna_group *g = place_topic(d, p, topics[i]);
        const tna_group *r = region_topic(d, p, topics[i]);
        const tna_group *w =
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(topics[i])});
        const char **c = cells + i * NC;
        c[0] = tna_label_topic(d->l, topics[i]);
        bool near = w && !w->hidden && tna_pdf_share_holds(g, w->share_below);
        *marked |= near;
        c[1] = tna_pdf_group_count(d, g, g ? g->respondents : 0);
        c[2] = near ? tna_pdf_str(d, "%s~", tna_pdf_share(d, g->share_below))
                    : tna_pdf_group_share(d, g);
        const char *range = tna_pdf_share_range(d, g);
        ranges |= range != NULL;
        c[3] = range ? range : "–";
        c[4] = tna_pdf_group_share(d, r);
        c[5] = tna_pdf_group_share(d, w);
        c[6] = tna_pdf_group_count(d, g, g ? g->learners_needing : 0);
        c[7] = tna_pdf_coverage_short(d, g); /* blank when every skill counts */
        partial |= c[7] != NULL;
        const tna_group *of[NC] = {NULL, g, g, g, r, w, g, g};
        for (int j = 1; j < NC; j++)
            if (of[j] == NULL || of[j]->hidden)
                kind[i * NC + j] = PDF_CELL_MUTED;
    }
    /* the columns shown: without the intervals (no topic has one), the region (not a
     * council's pack) and the coverage (every skill counts), the others keep their room */
    bool keep[NC] = {true, true, true, ranges, regional, true, true, partial};
    double all_width[NC] = {0, 58, 56, 62, 0, 84, 58, 0};
    if (partial || regional)
        all_width[1] = 46, all_width[2] = 48, all_width[3] = 54, all_width[4] = 72,
        all_width[5] = 72, all_width[6] = 48, all_width[7] = 58;
    size_t nc = 0;
    const char *shown_head[NC];
    double width[NC];
    for (int j = 0; j < NC; j++)
        if (keep[j])
            shown_head[nc] = head[j], width[nc] = all_width[j], nc++;
    for (size_t i = 0; i < n; i++)
        for (int j = 0, k = 0; j < NC; j++)
            if (keep[j])
                cells[i * nc + k] = cells[i * NC + j], kind[i * nc + k] = kind[i * NC + j], k++;
    /* both languages make every label longer: smaller type keeps the page to one page */
    double size = d->opt->language == TNA_LANG_BOTH || regional ? 6.5 : 7;
    pdf_table t = {nc, n, shown_head, width, NULL, cells, kind, size};
    double h = tna_pdf_table_height(d, &t);
    if (draw)
        tna_pdf_table_draw(d, &t);
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
        tna_pdf_outline_here(d, CAIRO_PDF_OUTLINE_ROOT, tna_pdf_section_title(d, PDF_SEC_AUTHORITIES));
    return true;
}

static void place_page(pdf_doc *d, const place *p)
{
    cairo_t *cr = d->cr;
    const tna_model *m = d->m;
    tna_pdf_page_begin(d);
    bool first = section_start(d);
    tna_pdf_outline_here(d, d->outline_authorities, p->name);
    tna_pdf_tag_begin(d, first ? "H1" : "P", NULL);
    tna_chart_set_rgb(cr, tna_chart_muted);
    d->y += tna_chart_text(cr, p->kicker, PDF_LEFT, d->y, PDF_WIDTH, 9, CHART_BOLD, CHART_LEFT, 0) + 2;
    tna_pdf_tag_end(d, first ? "H1" : "P");
    tna_pdf_tag_begin(d, "H2", NULL);
    tna_chart_set_rgb(cr, tna_chart_accent);
    d->y += tna_chart_text(cr, p->name, PDF_LEFT, d->y, PDF_WIDTH, 17, CHART_BOLD | CHART_WRAP,
                       CHART_LEFT, 2) +
            10;
    tna_pdf_tag_end(d, "H2");

    const tna_group *g = tna_results_find(d->cur, p->whole, p->dims);
    const tna_group *r =
        p->region == TNA_NONE
            ? NULL
            : tna_results_find(d->cur, TNA_SET_REGION, (tna_dims){.region = tna_is(p->region)});
    const tna_group *w = tna_results_find(d->cur, TNA_SET_ALL, TNA_DIMS_ALL);
    tiles(d, g, r, p->region == TNA_NONE ? NULL : tna_label_region(d->l, p->region), w);

    uint32_t *topics = g_new0(uint32_t, m->n_topics ? m->n_topics : 1);
    size_t n = 0;
    for (uint32_t t = 0; t < m->n_topics; t++)
        if (place_topic(d, p, t) ||
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)}))
            topics[n++] = t;
    if (n == 0) {
        g_free(topics);
        return;
    }
    tna_pdf_h2(d, pdf_tf(d, TERM_MEAN_GAP_BY_TOPIC_BESIDE_WALES, tna_label_wales_lower(d->l)));
    chart_bar *bars = g_new0(chart_bar, n);
    bool marked = false; /* a "~" or an interval line on the page: the key says what they are */
    for (size_t i = 0; i < n; i++) {
        const tna_group *ga = place_topic(d, p, topics[i]);
        const tna_group *gw =
            tna_results_find(d->cur, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(topics[i])});
        chart_bar *b = &bars[i];
        b->label = tna_label_topic(d->l, topics[i]);
        b->missing[0] = ga == NULL || ga->hidden;
        b->value[0] = b->missing[0] ? 0 : ga->mean_gap;
        b->text[0] = tna_pdf_group_gap(d, ga);
        b->range[0] = tna_pdf_gap_range(d, ga) != NULL;
        if (b->range[0])
            b->lo[0] = ga->mean_gap_low, b->hi[0] = ga->mean_gap_high;
        if (gw != NULL && !gw->hidden && tna_pdf_holds(ga, gw->mean_gap))
            b->text[0] = tna_pdf_str(d, "%s~", b->text[0]);
        marked |= b->range[0];
        b->missing[1] = gw == NULL || gw->hidden;
        b->value[1] = b->missing[1] ? 0 : gw->mean_gap;
        b->text[1] = tna_pdf_group_gap(d, gw);
    }
    /* the table below takes what it needs; the bars get the rest, as thick as fits. Where
     * even the thinnest bars leave no room for it (long labels wrap: both languages), the
     * chart takes the page and the table follows on the next. */
    bool table_marked;
    double table_h = topic_table(d, p, topics, n, false, &table_marked);
    const char *key = tna_pdf_t(d, TERM_KEY_WITHIN_NOISE_OF_WALES_PLACE);
    marked |= table_marked;
    if (marked)
        table_h += tna_pdf_note_height(d, key);
    double room = PDF_BOTTOM - d->y - table_h - 8;
    chart_bars spec = {bars,
                       n,
                       2,
                       {p->short_name, tna_label_wales(d->l)},
                       CHART_FMT_DECIMAL,
                       0,
                       tna_pdf_t(d, TERM_MEAN_GAP_LEVELS_BELOW_TARGET),
                       9,
                       0.40};
    spec.bar_height = 3.5;
    if (tna_chart_hbars_height(cr, PDF_WIDTH, &spec) > room)
        room = PDF_BOTTOM - d->y;
    /* the thickest bars, in quarter points from 3.5 to 9, that fit: the chart grows with
     * them, so a binary search (measuring a chart measures every label) */
    int lo = 14, hi = 36;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        spec.bar_height = mid / 4.0;
        if (tna_chart_hbars_height(cr, PDF_WIDTH, &spec) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    spec.bar_height = lo / 4.0;
    tna_pdf_figure_begin(d);
    d->y += tna_chart_hbars(cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    tna_pdf_figure_end(d);
    g_free(bars);
    tna_pdf_keep(d, table_h); /* whole, with its key, on the next page if need be */
    topic_table(d, p, topics, n, true, &table_marked);
    if (marked)
        tna_pdf_note(d, key);
    g_free(topics);
}

static void authority_page(pdf_doc *d, uint32_t a)
{
    uint32_t region = d->m->authorities[a].region;
    place p = {TNA_SET_AUTHORITY,
               TNA_SET_AUTHORITY_TOPIC,
               {.authority = tna_is(a)},
               tna_label_authority(d->l, a),
               tna_pdf_short_authority(d, a),
               /* "Authorities · Region" kicker: the section's heading on its first page */
               tna_pdf_str(d, "%s · %s", tna_pdf_section_title(d, PDF_SEC_AUTHORITIES),
                       tna_label_region(d->l, region)),
               tna_render_is_pack(d->opt) ? region : TNA_NONE};
    d->authority_page[a] = d->page + 1;
    place_page(d, &p);
}

/* A region's own page, first in its pack. */
static void region_page(pdf_doc *d, uint32_t g)
{
    const char *name = tna_label_region(d->l, g);
    place p = {TNA_SET_REGION,
               TNA_SET_REGION_TOPIC,
               {.region = tna_is(g)},
               name,
               name,
               tna_pdf_str(d, "%s · %s", tna_pdf_section_title(d, PDF_SEC_AUTHORITIES), tna_pdf_t(d, TERM_REGION)),
               TNA_NONE};
    place_page(d, &p);
}

/* The councils without a page, each with why: no responses, too few, or protected. */
static void without_page(pdf_doc *d)
{
    const tna_model *m = d->m;
    size_t n = 0;
    for (uint32_t a = 0; a < m->n_authorities; a++)
        n += !tna_pdf_authority_has_page(d, a) && tna_render_shows_authority(d->opt, m, a);
    if (n == 0)
        return;
    /* the section starts here, and the councils' bookmarks go under its own */
    d->outline_authorities =
        tna_pdf_section_begin(d, PDF_SEC_AUTHORITIES, tna_pdf_section_title(d, PDF_SEC_AUTHORITIES));
    tna_pdf_h2(d, tna_pdf_t(d, TERM_COUNCILS_WITHOUT_PAGE));
    tna_pdf_para(d, pdf_tf(d, TERM_COUNCILS_WITHOUT_PAGE_INTRO, d->cur->period));
    enum { NC = 3 };
    const char *head[NC] = {tna_pdf_t(d, TERM_COUNCIL), tna_pdf_t(d, TERM_REGION),
                            tna_pdf_t(d, TERM_WHY_NO_PAGE)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t r = 0;
    for (uint32_t a = 0; a < m->n_authorities; a++) {
        if (tna_pdf_authority_has_page(d, a) || !tna_render_shows_authority(d->opt, m, a))
            continue;
        const tna_group *g =
            tna_results_find(d->cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)});
        const char **c = cells + r * NC;
        c[0] = tna_label_authority(d->l, a);
        c[1] = tna_label_region(d->l, m->authorities[a].region);
        c[2] = g == NULL ? tna_pdf_t(d, TERM_NO_RESPONSES)
               : g->hidden == TNA_SUPPRESSED
                   ? pdf_tf(d, TERM_NOTE_TOO_FEW_N, d->res->min_group_size)
                   : tna_pdf_t(d, TERM_NOTE_PROTECTED);
        kind[r * NC + 2] = PDF_CELL_MUTED;
        r++;
    }
    double width[NC] = {0, 110, 170};
    chart_align align[NC] = {CHART_LEFT, CHART_LEFT, CHART_LEFT};
    pdf_table t = {NC, n, head, width, align, cells, kind, 8};
    tna_pdf_table_draw(d, &t);
    g_free(cells);
    g_free(kind);
}

void tna_pdf_pages_authorities(pdf_doc *d)
{
    d->section_page[PDF_SEC_AUTHORITIES] = 0;
    uint32_t region = d->opt->focus.region.plus_one;
    if (region && tna_results_find(d->cur, TNA_SET_REGION, (tna_dims){.region = {region}}))
        region_page(d, region - 1);
    without_page(d);
    for (uint32_t a = 0; a < d->m->n_authorities; a++)
        if (tna_pdf_authority_has_page(d, a) && tna_render_shows_authority(d->opt, d->m, a))
            authority_page(d, a);
}
