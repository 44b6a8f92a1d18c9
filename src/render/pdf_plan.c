/*
 * pdf_plan.c - what to do about the gaps: the commissioning section (cohorts and cost per
 * region, pooled against each authority alone, Welsh-medium provision, mentors beside
 * demand), the evaluation section (Kirkpatrick levels 1-4 from the expectations that use
 * satisfaction, learning_uplift, applied_rate and trained_vs_untrained) and the barriers
 * section (share citing each barrier, for Wales and by authority).
 *
 * All of it reads results->planning (planning.h). Every page says so plainly when an
 * array is empty rather than drawing an empty chart; hidden rows show their marker
 * (suppressed or protected). Money appears only when the configuration sets the costs
 * (tna_planning.costed); without them the plan shows cohorts and places, and a note names
 * the keys to add. With nothing to evaluate, the evaluation section is one paragraph
 * saying what to add.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_internal.h"

/* ---- commissioning
 * -------------------------------------------------------------------------------- */

/* The plan by region (tna_planning.regions): learners in cohorts, cohorts, Welsh-medium
 * cohorts and, when the configuration sets costs, their cost; then a chart of the cost (or,
 * without costs, of the cohorts). */
static void by_region(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    size_t n = pl->n_regions;
    if (n == 0) {
        pdf_para(d, pdf_t(d, TERM_NO_COHORTS_NEEDED));
        return;
    }
    enum { NC = 5 };
    const char *head[NC] = {pdf_t(d, TERM_REGION), pdf_t(d, TERM_LEARNERS_IN_COHORTS),
                            pdf_t(d, TERM_COHORTS), pdf_t(d, TERM_WELSH_MEDIUM_COHORTS),
                            pdf_t(d, TERM_COST)};
    size_t nc = d->costed ? NC : NC - 1;
    const char **cells = g_new0(const char *, n *nc);
    unsigned char *kind = g_new0(unsigned char, n *nc);
    chart_bar *bars = g_new0(chart_bar, n);
    for (size_t k = 0; k < n; k++) {
        const tna_region_plan *r = &pl->regions[k];
        const char **c = cells + k * nc;
        c[0] = r->region == TNA_NONE ? pdf_t(d, TERM_ALL_WALES_POOL)
                                     : tna_label_region(d->l, r->region);
        c[1] = r->hidden ? tna_pdf_hidden(d, r->hidden) : pdf_count(d, r->learners);
        kind[k * nc + 1] = r->hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        c[2] = pdf_count(d, r->cohorts);
        c[3] = pdf_count(d, r->welsh_medium_cohorts);
        bars[k].label = c[0];
        if (d->costed) {
            c[4] = pdf_money(d, r->cost);
            bars[k].value[0] = r->cost;
            bars[k].text[0] = pdf_str(d, "%s (%s)", c[4], pdf_cohorts(d, r->cohorts));
        } else {
            bars[k].value[0] = (double)r->cohorts;
            bars[k].text[0] = pdf_cohorts(d, r->cohorts);
        }
    }
    double width[NC] = {0, 90, 60, 95, 75};
    pdf_table t = {nc, n, head, width, NULL, cells, kind, 8, false};
    pdf_table_draw(d, &t);
    chart_bars spec = {bars,
                       n,
                       1,
                       {NULL},
                       d->costed ? CHART_FMT_MONEY : CHART_FMT_COUNT,
                       0,
                       pdf_t(d, d->costed ? TERM_COST_OF_COHORTS : TERM_COHORTS),
                       10,
                       0.3};
    pdf_need(d, chart_hbars_height(d->cr, PDF_WIDTH, &spec));
    pdf_figure_begin(d);
    d->y += chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    pdf_figure_end(d);
    g_free(bars), g_free(cells), g_free(kind);
}

/* Per topic, the pooled plan beside each authority alone: their costs, or without costs
 * their cohorts. */
static void pooled_vs_alone(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    chart_bar *bars = g_new0(chart_bar, pl->n_totals ? pl->n_totals : 1);
    size_t n = 0;
    for (size_t i = 0; i < pl->n_totals; i++) {
        const tna_commissioning_total *t = &pl->totals[i];
        if (t->topic == TNA_NONE)
            continue;
        bars[n].label = tna_label_topic(d->l, t->topic);
        if (!d->costed) { /* cohort counts are planned for everyone and always shown */
            bars[n].value[0] = (double)t->cohorts;
            bars[n].value[1] = (double)t->cohorts_alone;
            bars[n].text[0] = pdf_count(d, t->cohorts);
            bars[n].text[1] = pdf_count(d, t->cohorts_alone);
        } else if (t->hidden) { /* the costs would give the learner counts away */
            bars[n].missing[0] = bars[n].missing[1] = true;
            bars[n].text[0] = bars[n].text[1] = tna_pdf_hidden(d, t->hidden);
        } else {
            bars[n].value[0] = t->cost;
            bars[n].value[1] = t->cost_alone;
            bars[n].text[0] = pdf_money(d, t->cost);
            bars[n].text[1] = pdf_money(d, t->cost_alone);
        }
        n++;
    }
    chart_bars spec = {bars,
                       n,
                       2,
                       {pdf_t(d, TERM_POOLED_PLAN), pdf_t(d, TERM_EACH_AUTHORITY_ALONE)},
                       d->costed ? CHART_FMT_MONEY : CHART_FMT_COUNT,
                       0,
                       pdf_t(d, d->costed ? TERM_COST : TERM_COHORTS),
                       6.5,
                       0.38};
    double h = chart_hbars_height(d->cr, PDF_WIDTH, &spec);
    pdf_keep(d, h + 60); /* the heading stays with its chart */
    pdf_h2(d, pdf_t(d, TERM_POOLED_OR_ALONE));
    if (n == 0) {
        pdf_para(d, pdf_t(d, TERM_NO_TOPIC_NEEDS_TRAINING));
        g_free(bars);
        return;
    }
    pdf_note(d,
             pdf_t(d, d->costed ? TERM_POOLED_OR_ALONE_NOTE : TERM_POOLED_OR_ALONE_NOTE_UNCOSTED));
    pdf_need(d, h);
    pdf_figure_begin(d);
    d->y += chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    pdf_figure_end(d);
    g_free(bars);
}

static const tna_commissioning_total *topic_total(pdf_doc *d, uint32_t topic)
{
    const tna_planning *pl = &d->res->planning;
    for (size_t i = 0; i < pl->n_totals; i++)
        if (pl->totals[i].topic == topic)
            return &pl->totals[i];
    return NULL;
}

static void welsh_medium(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    const char *title = pdf_t(d, TERM_WELSH_MEDIUM_PROVISION);
    size_t n = 0;
    for (size_t i = 0; i < pl->n_demand; i++)
        n += pl->demand[i].authority == TNA_NONE && pl->demand[i].region == TNA_NONE;
    if (n == 0) {
        pdf_h2(d, title);
        pdf_para(d, pdf_t(d, TERM_NO_LEARNER_NEEDS_TRAINING));
        return;
    }
    enum { NC = 6 };
    const char *head[NC] = {pdf_t(d, TERM_TOPIC),        pdf_t(d, TERM_LEARNERS),
                            pdf_t(d, TERM_PREFER_WELSH), pdf_t(d, TERM_EITHER_LANGUAGE),
                            pdf_t(d, TERM_IN_COHORTS),   pdf_t(d, TERM_WELSH_MEDIUM_COHORTS)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *dm = &pl->demand[i];
        if (dm->authority != TNA_NONE || dm->region != TNA_NONE)
            continue;
        const char **c = cells + k * NC;
        c[0] = dm->topic == TNA_NONE ? pdf_t(d, TERM_ALL_TOPICS) : tna_label_topic(d->l, dm->topic);
        if (dm->hidden) {
            for (int j = 1; j < 5; j++)
                c[j] = tna_pdf_hidden(d, dm->hidden), kind[k * NC + j] = PDF_CELL_MUTED;
        } else {
            c[1] = pdf_count(d, dm->learners);
            c[2] = pdf_count(d, dm->welsh);
            c[3] = pdf_count(d, dm->either);
            c[4] = pdf_count(d, dm->cohort);
        }
        const tna_commissioning_total *t = topic_total(d, dm->topic);
        c[5] = t ? pdf_count(d, t->welsh_medium_cohorts) : "0";
        k++;
    }
    double width[NC] = {0, 48, 62, 66, 52, 70};
    pdf_table t = {NC, k, head, width, NULL, cells, kind, 7, false};
    pdf_keep(d, pdf_table_height(d, &t) + 60);
    pdf_h2(d, title);
    pdf_note(d, pdf_t(d, TERM_WELSH_MEDIUM_NOTE));
    pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

static void mentors(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    const char *title = pdf_t(d, TERM_MENTORS_BESIDE_DEMAND);
    size_t n = 0;
    for (size_t i = 0; i < pl->n_mentors; i++)
        n += pl->mentors[i].region == TNA_NONE && pl->mentors[i].topic != TNA_NONE;
    if (n == 0) {
        pdf_h2(d, title);
        pdf_para(d, pdf_t(d, TERM_NO_MENTOR_FIGURES_PDF));
        return;
    }
    enum { NC = 5 };
    const char *head[NC] = {pdf_t(d, TERM_TOPIC), pdf_t(d, TERM_EXPERTS),
                            pdf_t(d, TERM_LEARNERS_NEEDING_IT), pdf_t(d, TERM_LEARNERS_PER_EXPERT),
                            pdf_t(d, TERM_REGIONS_WITHOUT_EXPERT)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_mentors; i++) {
        const tna_mentors *mt = &pl->mentors[i];
        if (mt->region != TNA_NONE || mt->topic == TNA_NONE)
            continue;
        const char **c = cells + k * NC;
        c[0] = tna_label_topic(d->l, mt->topic);
        if (mt->hidden) {
            for (int j = 1; j < 4; j++)
                c[j] = tna_pdf_hidden(d, mt->hidden), kind[k * NC + j] = PDF_CELL_MUTED;
        } else {
            c[1] = pdf_count(d, mt->experts);
            c[2] = pdf_count(d, mt->learners);
            c[3] = mt->experts > 0
                       ? tna_pdf_decimal(d, (double)mt->learners / (double)mt->experts, 0)
                       : pdf_t(d, TERM_NO_EXPERT);
            if (mt->experts == 0)
                kind[k * NC + 3] = PDF_CELL_BOLD;
        }
        GString *gaps = g_string_new(NULL); /* shown regions with demand and no expert */
        for (size_t j = 0; j < pl->n_mentors; j++) {
            const tna_mentors *r = &pl->mentors[j];
            if (r->topic != mt->topic || r->region == TNA_NONE || r->hidden || r->experts > 0 ||
                r->learners == 0)
                continue;
            g_string_append_printf(gaps, "%s%s", gaps->len ? ", " : "",
                                   tna_label_region(d->l, r->region));
        }
        c[4] = gaps->len ? pdf_str(d, "%s", gaps->str) : "–";
        g_string_free(gaps, TRUE);
        k++;
    }
    double width[NC] = {0, 48, 62, 62, 150};
    chart_align align[NC] = {CHART_LEFT, CHART_RIGHT, CHART_RIGHT, CHART_RIGHT, CHART_LEFT};
    pdf_table t = {NC, k, head, width, align, cells, kind, 7, false};
    pdf_keep(d, pdf_table_height(d, &t) + 60);
    pdf_h2(d, title);
    pdf_note(d, pdf_t(d, TERM_MENTORS_NOTE_PDF));
    pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

static void commissioning(pdf_doc *d)
{
    const tna_commissioning *c = &d->m->commissioning;
    pdf_section_begin(d, PDF_SEC_COMMISSIONING, pdf_section_title(d, PDF_SEC_COMMISSIONING));
    const char *text[2];
    for (int k = 0; k < 2; k++) {
        tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
        const char *gap =
            pdf_counted(d, lang, c->elearning_max_gap, TERM_N_LEVELS_ONE, TERM_N_LEVELS);
        if (d->costed)
            text[k] = pdf_in(d, lang, TERM_COMMISSIONING_INTRO, gap,
                             pdf_money(d, c->cost_per_elearning_learner), c->cohort_max,
                             pdf_money(d, c->cost_per_cohort), c->cohort_min);
        else
            text[k] = pdf_in(d, lang, TERM_COMMISSIONING_INTRO_UNCOSTED, gap, c->cohort_max,
                             c->cohort_min);
    }
    pdf_para(d, tna_pdf_pair(d, text[0], text[1]));
    if (!d->costed)
        pdf_note(d, pdf_t(d, TERM_COSTS_NOT_SET));
    pdf_h2(d, pdf_t(d, d->costed ? TERM_COHORTS_AND_COST_BY_REGION : TERM_COHORTS_BY_REGION));
    by_region(d);
    pooled_vs_alone(d);
    welsh_medium(d);
    mentors(d);
}

/* ---- evaluation
 * ------------------------------------------------------------------------------------- */

static void level_panel(pdf_doc *d, int level, tna_metric metric, tna_term name, tna_term what)
{
    cairo_t *cr = d->cr;
    const tna_planning *pl = &d->res->planning;
    const tna_expectation_result *e = NULL;
    for (size_t i = 0; i < pl->n_expectations && !e; i++)
        if (d->m->expectations[pl->expectations[i].expectation].metric == metric)
            e = &pl->expectations[i];
    const double h = 104, left = 190, mid = 120;
    pdf_need(d, h + 8);
    double y = d->y;
    chart_set_rgb(cr, chart_panel);
    cairo_rectangle(cr, PDF_LEFT, y, PDF_WIDTH, h);
    cairo_fill(cr);
    pdf_tag_begin(d, "H2", NULL);
    chart_set_rgb(cr, chart_accent);
    double th = chart_text(
        cr,
        tna_pdf_pair(
            d, pdf_in(d, TNA_LANG_EN, TERM_LEVEL_N_NAME, level, tna_term_in(name, TNA_LANG_EN)),
            pdf_in(d, TNA_LANG_CY, TERM_LEVEL_N_NAME, level, tna_term_in(name, TNA_LANG_CY))),
        PDF_LEFT + 8, y + 7, left - 12, 10.5, CHART_BOLD | CHART_WRAP, CHART_LEFT, 2);
    pdf_tag_end(d, "H2");
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d, pdf_t(d, what), PDF_LEFT + 8, y + 10 + th, left - 12, 7.5, CHART_WRAP);
    double mx = PDF_LEFT + left;
    if (e == NULL) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d, pdf_tf(d, TERM_LEVEL_NOT_MEASURED_PDF, tna_metric_names[metric]), mx, y + 10,
                    PDF_WIDTH - left - 10, 8.5, CHART_WRAP);
        d->y += h + 8;
        return;
    }
    const tna_expectation *x = &d->m->expectations[e->expectation];
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d, x->title && x->title[0] ? x->title : x->id, mx, y + 7, PDF_WIDTH - left - 10, 8,
                CHART_BOLD | CHART_WRAP);
    const char *actual = e->hidden       ? tna_pdf_hidden(d, e->hidden)
                         : e->has_actual ? pdf_metric_value(d, metric, e->actual)
                                         : "–";
    chart_set_rgb(cr, e->hidden ? chart_muted : chart_accent);
    pdf_text_at(d, actual, mx, y + 30, mid - 6, e->hidden ? 11 : 18, CHART_BOLD | CHART_WRAP);
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d,
                e->has_baseline
                    ? pdf_tf(d, TERM_TARGET_AND_BASELINE, pdf_metric_value(d, metric, e->target),
                             pdf_metric_value(d, metric, e->baseline))
                    : pdf_tf(d, TERM_TARGET_VALUE, pdf_metric_value(d, metric, e->target)),
                mx, y + 56, mid - 6, 7.5, CHART_WRAP);
    tna_rag rag = e->hidden ? TNA_RAG_NONE : e->rag;
    if (e->note != TNA_NOTE_BASELINE_SET) { /* no status yet: the note below says why */
        pdf_tag_begin(d, "P", NULL);
        chart_status(cr, mx, y + 80, (chart_status_kind)(pdf_rag_cell(rag) - PDF_CELL_RAG_NONE),
                     pdf_rag_word(d, rag), 8);
        pdf_tag_end(d, "P");
    }
    if (e->has_progress && !e->hidden) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d, pdf_tf(d, TERM_PROGRESS_OF_THE_WAY, pdf_share(d, e->progress)), mx + 58,
                    y + 81, mid - 60, 7, 0);
    }
    if (e->note != TNA_NOTE_NONE) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d, pdf_t(d, tna_note_term(e->note)), mx + mid, y + 82,
                    PDF_WIDTH - left - mid - 10, 6.5, CHART_WRAP);
    }
    /* the metric in each period */
    size_t np = d->res->n_periods;
    if (e->by_period && np > 0) {
        const char **xl = g_new0(const char *, np), **text = g_new0(const char *, np);
        bool *miss = g_new0(bool, np);
        for (size_t p = 0; p < np; p++) {
            xl[p] = d->res->periods[p].period;
            miss[p] = !isfinite(e->by_period[p]);
            text[p] = miss[p] ? NULL : pdf_metric_value(d, metric, e->by_period[p]);
        }
        if (miss[np - 1] && e->hidden) /* the current period's point: why it is missing */
            text[np - 1] = tna_pdf_hidden_short(d, e->hidden);
        chart_series_line s = {NULL, e->by_period, miss, text};
        chart_lines spec = {
            xl,
            np,
            &s,
            1,
            metric == TNA_METRIC_APPLIED_RATE ? CHART_FMT_PERCENT : CHART_FMT_DECIMAL,
            0,
            0,
            NULL,
            "–",
            true};
        pdf_figure_begin(d);
        chart_line(cr, mx + mid, y + 30, PDF_WIDTH - left - mid - 10,
                   e->note != TNA_NOTE_NONE ? 50 : 66, &spec);
        pdf_figure_end(d);
        g_free(xl), g_free(text), g_free(miss);
    }
    d->y += h + 8;
}

/* Whether any Kirkpatrick level has something to show: an expectation of its metric with
 * a value in some period, or one hidden for privacy. */
static bool evaluated(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    for (size_t i = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        tna_metric metric = d->m->expectations[e->expectation].metric;
        if (metric != TNA_METRIC_SATISFACTION && metric != TNA_METRIC_LEARNING_UPLIFT &&
            metric != TNA_METRIC_APPLIED_RATE && metric != TNA_METRIC_TRAINED_VS_UNTRAINED)
            continue;
        if (e->hidden || e->has_actual)
            return true;
        for (size_t p = 0; e->by_period && p < d->res->n_periods; p++)
            if (isfinite(e->by_period[p]))
                return true;
    }
    return false;
}

static void evaluation(pdf_doc *d)
{
    if (!evaluated(d)) { /* four empty panels would say nothing: say what to add, in the room
                          * the section before left if it can */
        double h;
        chart_text_size(d->cr, pdf_t(d, TERM_EVALUATION_NO_DATA), PDF_WIDTH, 9, CHART_WRAP, 0, NULL,
                        &h);
        tna_pdf_section_begin_within(d, PDF_SEC_EVALUATION,
                                     pdf_section_title(d, PDF_SEC_EVALUATION), h);
        pdf_para(d, pdf_t(d, TERM_EVALUATION_NO_DATA));
        return;
    }
    pdf_section_begin(d, PDF_SEC_EVALUATION, pdf_section_title(d, PDF_SEC_EVALUATION));
    pdf_para(d, pdf_t(d, TERM_EVALUATION_INTRO));
    level_panel(d, 1, TNA_METRIC_SATISFACTION, TERM_LEVEL1_NAME, TERM_LEVEL1_WHAT_PDF);
    level_panel(d, 2, TNA_METRIC_LEARNING_UPLIFT, TERM_LEVEL2_NAME, TERM_LEVEL2_WHAT_PDF);
    level_panel(d, 3, TNA_METRIC_APPLIED_RATE, TERM_LEVEL3_NAME, TERM_LEVEL3_WHAT_PDF);
    level_panel(d, 4, TNA_METRIC_TRAINED_VS_UNTRAINED, TERM_LEVEL4_NAME, TERM_LEVEL4_WHAT_PDF);
}

/* ---- barriers
 * ------------------------------------------------------------------------------------------ */

static void barriers(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    pdf_section_begin(d, PDF_SEC_BARRIERS, pdf_section_title(d, PDF_SEC_BARRIERS));
    size_t nb = d->m->n_barriers, n_barriers = nb;
    if (pl->n_barriers == 0 || nb == 0) {
        pdf_para(d, pdf_t(d, TERM_NO_BARRIERS_QUESTION));
        return;
    }
    pdf_para(d, pdf_t(d, TERM_BARRIERS_INTRO_PDF));
    pdf_h2(d, tna_label_wales(d->l));
    chart_bar *bars = g_new0(chart_bar, nb);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority != TNA_NONE)
            continue;
        bars[k].label = tna_label_barrier(d->l, b->barrier);
        bars[k].value[0] = b->share;
        bars[k].missing[0] = b->hidden;
        bars[k].text[0] = b->hidden ? tna_pdf_hidden(d, b->hidden) : pdf_share(d, b->share);
        k++;
    }
    for (size_t i = 1; i < k; i++) /* largest first (insertion sort keeps ties in order) */
        for (size_t j = i; j > 0 && !bars[j].missing[0] &&
                           (bars[j - 1].missing[0] || bars[j].value[0] > bars[j - 1].value[0]);
             j--) {
            chart_bar t = bars[j];
            bars[j] = bars[j - 1];
            bars[j - 1] = t;
        }
    chart_bars spec = {
        bars, k, 1, {NULL}, CHART_FMT_PERCENT, 0, pdf_t(d, TERM_SHARE_OF_RESPONDENTS), 10, 0.4};
    pdf_figure_begin(d);
    d->y += chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 10;
    pdf_figure_end(d);
    g_free(bars);

    /* authority x barrier, a row per authority with answers; the columns are the barriers
     * the analysis reports */
    size_t na = d->m->n_authorities, nr = 0;
    if (na == 0)
        return;
    int *column = g_new(int, nb);
    const char **cols = g_new0(const char *, nb);
    size_t n_cols = 0;
    for (size_t b = 0; b < nb; b++)
        column[b] = -1;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority == TNA_NONE && b->barrier < nb && column[b->barrier] < 0) {
            column[b->barrier] = (int)n_cols;
            cols[n_cols++] = tna_label_barrier(d->l, b->barrier);
        }
    }
    nb = n_cols;
    const char **rows = g_new0(const char *, na);
    size_t *row_of = g_new0(size_t, na); /* authority -> row + 1, 0: none */
    for (size_t i = 0; i < pl->n_barriers; i++) {
        uint32_t a = pl->barriers[i].authority;
        if (a != TNA_NONE && a < na && row_of[a] == 0) {
            rows[nr] = pdf_short_authority(d, a);
            row_of[a] = ++nr;
        }
    }
    size_t n_cells = na * nb;
    double *values = g_new0(double, n_cells);
    unsigned char *state = g_new0(unsigned char, n_cells);
    const char **text = g_new0(const char *, n_cells);
    for (size_t i = 0; i < na * nb; i++)
        state[i] = CHART_CELL_EMPTY, text[i] = "–";
    double hi = 0;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority == TNA_NONE || b->authority >= na || b->barrier >= n_barriers ||
            column[b->barrier] < 0)
            continue;
        size_t c = (row_of[b->authority] - 1) * nb + (size_t)column[b->barrier];
        if (b->hidden) {
            state[c] = b->hidden == TNA_SUPPRESSED ? CHART_CELL_SUPPRESSED : CHART_CELL_PROTECTED;
            text[c] = tna_pdf_hidden_short(d, b->hidden);
        } else {
            state[c] = CHART_CELL_VALUE, values[c] = b->share, text[c] = pdf_share(d, b->share);
            hi = fmax(hi, b->share);
        }
    }
    chart_heatmap spec2 = {rows,
                           nr,
                           cols,
                           nb,
                           values,
                           state,
                           text,
                           0,
                           hi > 0 ? fmin(1, ceil(hi * 10) / 10) : 1,
                           CHART_FMT_PERCENT,
                           pdf_t(d, TERM_SHARE_CITING),
                           pdf_suppressed_key(d),
                           tna_pdf_protected_key(d),
                           pdf_t(d, TERM_KEY_NO_ANSWERS),
                           na > 26 ? 11 : 14,
                           120};
    if (nr > 0)
        pdf_heatmap(d, pdf_t(d, TERM_BY_AUTHORITY), &spec2, fmin(PDF_WIDTH, 160 + nb * 40));
    g_free(rows), g_free(row_of), g_free(cols), g_free(column), g_free(values), g_free(state),
        g_free(text);
}

void pdf_pages_plan(pdf_doc *d)
{
    commissioning(d);
    evaluation(d);
    barriers(d);
}
