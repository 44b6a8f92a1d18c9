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

#include "pdf_page.h"

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
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_COHORTS_NEEDED));
        return;
    }
    enum { NC = 6 };
    const char *head[NC] = {tna_pdf_t(d, TERM_REGION),  tna_pdf_t(d, TERM_LEARNERS_IN_COHORTS),
                            tna_pdf_t(d, TERM_COHORTS), tna_pdf_t(d, TERM_WELSH_MEDIUM_COHORTS),
                            tna_pdf_t(d, TERM_PLACES),  tna_pdf_t(d, TERM_COST)};
    size_t nc = d->costed ? NC : NC - 1;
    const char **cells = g_new0(const char *, n *nc);
    unsigned char *kind = g_new0(unsigned char, n *nc);
    chart_bar *bars = g_new0(chart_bar, n);
    for (size_t k = 0; k < n; k++) {
        const tna_region_plan *r = &pl->regions[k];
        const char **c = cells + k * nc;
        c[0] = r->region == TNA_NONE ? tna_pdf_t(d, TERM_ALL_WALES_POOL)
                                     : tna_label_region(d->l, r->region);
        c[1] = r->hidden ? tna_pdf_hidden(d, r->hidden) : tna_pdf_count(d, r->learners);
        kind[k * nc + 1] = r->hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        c[2] = tna_pdf_count(d, r->cohorts);
        c[3] = tna_pdf_count(d, r->welsh_medium_cohorts);
        c[4] = r->hidden ? tna_pdf_hidden(d, r->hidden) : tna_pdf_count(d, r->places);
        kind[k * nc + 4] = r->hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        bars[k].label = c[0];
        if (d->costed && r->cost_hidden) { /* a hidden line of places: its cost would tell */
            c[5] = tna_pdf_hidden(d, r->hidden ? r->hidden : TNA_PROTECTED);
            kind[k * nc + 5] = PDF_CELL_MUTED;
            bars[k].missing[0] = true;
            bars[k].text[0] = c[5];
        } else if (d->costed) {
            c[5] = tna_pdf_money(d, r->cost);
            bars[k].value[0] = r->cost;
            bars[k].text[0] = tna_pdf_str(d, "%s (%s)", c[5], tna_pdf_cohorts(d, r->cohorts));
        } else {
            bars[k].value[0] = (double)r->cohorts;
            bars[k].text[0] = tna_pdf_cohorts(d, r->cohorts);
        }
    }
    double width[NC] = {0, 90, 55, 95, 50, 70};
    pdf_table t = {nc, n, head, width, NULL, cells, kind, 8};
    tna_pdf_table_draw(d, &t);
    chart_bars spec = {bars,
                       n,
                       1,
                       {NULL},
                       d->costed ? CHART_FMT_MONEY : CHART_FMT_COUNT,
                       0,
                       tna_pdf_t(d, d->costed ? TERM_COST_OF_COHORTS : TERM_COHORTS),
                       10,
                       0.3};
    tna_pdf_need(d, tna_chart_hbars_height(d->cr, PDF_WIDTH, &spec));
    tna_pdf_figure_begin(d);
    d->y += tna_chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    tna_pdf_figure_end(d);
    g_free(bars), g_free(cells), g_free(kind);
}

/* The all-Wales pools (tna_planning.cohorts with no region): per topic and medium, their
 * learners, cohorts, places on open courses (a pool under cohort_min), with costs their cost
 * and cost per learner, and whether they are delivered online (learners from two or more
 * regions). A hidden pool shows its cohorts and, for cohorts, their cost; its learners, places
 * and cost per learner are its marker. */
static void pools(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    size_t n = 0;
    for (size_t i = 0; i < pl->n_cohorts; i++)
        n += pl->cohorts[i].region == TNA_NONE;
    if (n == 0)
        return;
    enum { NC = 8 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),   tna_pdf_t(d, TERM_MEDIUM),
                            tna_pdf_t(d, TERM_DELIVERY), tna_pdf_t(d, TERM_LEARNERS),
                            tna_pdf_t(d, TERM_COHORTS), tna_pdf_t(d, TERM_PLACES),
                            tna_pdf_t(d, TERM_COST),    tna_pdf_t(d, TERM_COST_PER_LEARNER)};
    size_t nc = d->costed ? NC : NC - 2;
    const char **cells = g_new0(const char *, n *nc);
    unsigned char *kind = g_new0(unsigned char, n *nc);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_cohorts; i++) {
        const tna_cohort_plan *p = &pl->cohorts[i];
        if (p->region != TNA_NONE)
            continue;
        const char **c = cells + k * nc;
        unsigned char *kd = kind + k * nc;
        c[0] = tna_label_topic(d->l, p->topic);
        c[1] = tna_pdf_t(d, p->welsh_medium ? TERM_WELSH_MEDIUM : TERM_ENGLISH_MEDIUM);
        c[2] = tna_pdf_t(d, p->online ? TERM_ONLINE : TERM_IN_PERSON);
        if (p->online)
            kd[2] = PDF_CELL_BOLD;
        const char *hidden = p->hidden ? tna_pdf_hidden(d, p->hidden) : NULL;
        c[3] = hidden ? hidden : tna_pdf_count(d, p->learners);
        c[4] = tna_pdf_count(d, p->cohorts);
        c[5] = hidden ? hidden : tna_pdf_count(d, p->places);
        kd[3] = kd[5] = hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        if (d->costed) {
            bool cost_hidden = p->hidden && p->cohorts == 0; /* places: they would tell */
            c[6] = cost_hidden ? hidden : tna_pdf_money(d, p->cost);
            c[7] = hidden ? hidden : tna_pdf_money(d, p->cost_per_learner);
            kd[6] = cost_hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
            kd[7] = hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        }
        k++;
    }
    double width[NC] = {0, 72, 52, 42, 40, 38, 48, 52};
    chart_align align[NC] = {CHART_LEFT,  CHART_LEFT,  CHART_LEFT,  CHART_RIGHT,
                             CHART_RIGHT, CHART_RIGHT, CHART_RIGHT, CHART_RIGHT};
    pdf_table t = {nc, k, head, width, align, cells, kind, 7};
    tna_pdf_keep(d, fmin(tna_pdf_table_height(d, &t), 200) + 60);
    tna_pdf_h2(d, tna_pdf_t(d, TERM_ALL_WALES_POOLS));
    tna_pdf_note(d, pdf_tf(d, TERM_OPEN_PLACES_NOTE, d->m->commissioning.cohort_min));
    tna_pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
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
            bars[n].text[0] = tna_pdf_count(d, t->cohorts);
            bars[n].text[1] = tna_pdf_count(d, t->cohorts_alone);
        } else if (t->hidden) { /* the costs would give the learner counts away */
            bars[n].missing[0] = bars[n].missing[1] = true;
            bars[n].text[0] = bars[n].text[1] = tna_pdf_hidden(d, t->hidden);
        } else {
            bars[n].value[0] = t->cost;
            bars[n].value[1] = t->cost_alone;
            bars[n].text[0] = tna_pdf_money(d, t->cost);
            bars[n].text[1] = tna_pdf_money(d, t->cost_alone);
        }
        n++;
    }
    chart_bars spec = {bars,
                       n,
                       2,
                       {tna_pdf_t(d, TERM_POOLED_PLAN), tna_pdf_t(d, TERM_EACH_AUTHORITY_ALONE)},
                       d->costed ? CHART_FMT_MONEY : CHART_FMT_COUNT,
                       0,
                       tna_pdf_t(d, d->costed ? TERM_COST : TERM_COHORTS),
                       6.5,
                       0.38};
    double h = tna_chart_hbars_height(d->cr, PDF_WIDTH, &spec);
    tna_pdf_keep(d, h + 60); /* the heading stays with its chart */
    tna_pdf_h2(d, tna_pdf_t(d, TERM_POOLED_OR_ALONE));
    if (n == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_TOPIC_NEEDS_TRAINING));
        g_free(bars);
        return;
    }
    tna_pdf_note(d,
             tna_pdf_t(d, d->costed ? TERM_POOLED_OR_ALONE_NOTE : TERM_POOLED_OR_ALONE_NOTE_UNCOSTED));
    tna_pdf_need(d, h);
    tna_pdf_figure_begin(d);
    d->y += tna_chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    tna_pdf_figure_end(d);
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
    const char *title = tna_pdf_t(d, TERM_WELSH_MEDIUM_PROVISION);
    size_t n = 0;
    for (size_t i = 0; i < pl->n_demand; i++)
        n += pl->demand[i].authority == TNA_NONE && pl->demand[i].region == TNA_NONE;
    if (n == 0) {
        tna_pdf_h2(d, title);
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_LEARNER_NEEDS_TRAINING));
        return;
    }
    /* the plan's Welsh-medium figures beside the preferences: floor and potential */
    enum { NC = 9 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),
                            tna_pdf_t(d, TERM_LEARNERS),
                            tna_pdf_t(d, TERM_PREFER_WELSH),
                            tna_pdf_t(d, TERM_EITHER_LANGUAGE),
                            tna_pdf_t(d, TERM_IN_COHORTS),
                            tna_pdf_t(d, TERM_WELSH_COHORTS_FLOOR),
                            tna_pdf_t(d, TERM_WELSH_COHORTS_POTENTIAL),
                            tna_pdf_t(d, TERM_WELSH_ELEARNING_FLOOR),
                            tna_pdf_t(d, TERM_WELSH_ELEARNING_POTENTIAL)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *dm = &pl->demand[i];
        if (dm->authority != TNA_NONE || dm->region != TNA_NONE)
            continue;
        const char **c = cells + k * NC;
        c[0] = dm->topic == TNA_NONE ? tna_pdf_t(d, TERM_ALL_TOPICS) : tna_label_topic(d->l, dm->topic);
        const tna_commissioning_total *t = topic_total(d, dm->topic);
        if (dm->hidden) {
            for (int j = 1; j < 5; j++)
                c[j] = tna_pdf_hidden(d, dm->hidden), kind[k * NC + j] = PDF_CELL_MUTED;
        } else {
            c[1] = tna_pdf_count(d, dm->learners);
            c[2] = tna_pdf_count(d, dm->welsh);
            c[3] = tna_pdf_count(d, dm->either);
            c[4] = tna_pdf_count(d, dm->cohort);
        }
        for (int pot = 0; pot < 2; pot++) {
            /* cohorts always show; e-learners are learners, hidden with the total's */
            c[5 + pot] = t ? tna_pdf_count(d, t->welsh_cohorts[pot]) : "0";
            if (t && t->hidden)
                c[7 + pot] = tna_pdf_hidden(d, t->hidden), kind[k * NC + 7 + pot] = PDF_CELL_MUTED;
            else
                c[7 + pot] = t ? tna_pdf_count(d, t->welsh_elearning[pot]) : "0";
        }
        k++;
    }
    double width[NC] = {0, 40, 44, 40, 40, 52, 52, 52, 52};
    pdf_table t = {NC, k, head, width, NULL, cells, kind, 7};
    tna_pdf_keep(d, tna_pdf_table_height(d, &t) + 60);
    tna_pdf_h2(d, title);
    tna_welsh_medium setting = d->res->model->commissioning.welsh_medium;
    tna_pdf_note(d, tna_pdf_t(d, setting == TNA_WELSH_MEDIUM_AND_EITHER ? TERM_WELSH_MEDIUM_NOTE_POTENTIAL
                                                                 : TERM_WELSH_MEDIUM_NOTE));
    tna_pdf_table_draw(d, &t);
    const tna_commissioning_total *all = topic_total(d, TNA_NONE);
    if (d->costed && all != NULL && !all->hidden)
        tna_pdf_note(d, pdf_tf(d, TERM_WELSH_ELEARNING_COST_NOTE,
                           tna_pdf_count(d, all->welsh_elearning[setting]),
                           tna_pdf_money(d, all->welsh_elearning_cost)));
    g_free(cells), g_free(kind);
}

static void mentors(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    const char *title = tna_pdf_t(d, TERM_MENTORS_BESIDE_DEMAND);
    size_t n = 0;
    for (size_t i = 0; i < pl->n_mentors; i++)
        n += pl->mentors[i].region == TNA_NONE && pl->mentors[i].topic != TNA_NONE;
    if (n == 0) {
        tna_pdf_h2(d, title);
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_MENTOR_FIGURES_PDF));
        return;
    }
    enum { NC = 5 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC), tna_pdf_t(d, TERM_EXPERTS),
                            tna_pdf_t(d, TERM_LEARNERS_NEEDING_IT), tna_pdf_t(d, TERM_LEARNERS_PER_EXPERT),
                            tna_pdf_t(d, TERM_REGIONS_WITHOUT_EXPERT)};
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
            c[1] = tna_pdf_count(d, mt->experts);
            c[2] = tna_pdf_count(d, mt->learners);
            c[3] = mt->experts > 0
                       ? tna_pdf_decimal(d, (double)mt->learners / (double)mt->experts, 0)
                       : tna_pdf_t(d, TERM_NO_EXPERT);
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
        c[4] = gaps->len ? tna_pdf_str(d, "%s", gaps->str) : "–";
        g_string_free(gaps, TRUE);
        k++;
    }
    double width[NC] = {0, 48, 62, 62, 150};
    chart_align align[NC] = {CHART_LEFT, CHART_RIGHT, CHART_RIGHT, CHART_RIGHT, CHART_LEFT};
    pdf_table t = {NC, k, head, width, align, cells, kind, 7};
    tna_pdf_keep(d, tna_pdf_table_height(d, &t) + 72);
    tna_pdf_h2(d, title);
    tna_pdf_note(d, tna_pdf_str(d, "%s %s", tna_label_mentor_rule(d->l), tna_pdf_t(d, TERM_MENTORS_NOTE_PDF)));
    tna_pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

static void commissioning(pdf_doc *d)
{
    const tna_commissioning *c = &d->m->commissioning;
    tna_pdf_section_begin(d, PDF_SEC_COMMISSIONING, tna_pdf_section_title(d, PDF_SEC_COMMISSIONING));
    const char *text[2];
    for (int k = 0; k < 2; k++) {
        tna_language lang = k ? TNA_LANG_CY : TNA_LANG_EN;
        const char *gap =
            pdf_counted(d, lang, c->elearning_max_gap, TERM_N_LEVELS_ONE, TERM_N_LEVELS);
        if (d->costed)
            text[k] = pdf_in(d, lang, TERM_COMMISSIONING_INTRO, gap,
                             tna_pdf_money(d, c->cost_per_elearning_learner), c->cohort_max,
                             tna_pdf_money(d, c->cost_per_cohort), c->cohort_min);
        else
            text[k] = pdf_in(d, lang, TERM_COMMISSIONING_INTRO_UNCOSTED, gap, c->cohort_max,
                             c->cohort_min);
    }
    tna_pdf_para(d, tna_pdf_pair(d, text[0], text[1]));
    if (!d->costed)
        tna_pdf_note(d, tna_pdf_t(d, TERM_COSTS_NOT_SET));
    tna_pdf_h2(d, tna_pdf_t(d, d->costed ? TERM_COHORTS_AND_COST_BY_REGION : TERM_COHORTS_BY_REGION));
    by_region(d);
    pools(d);
    pooled_vs_alone(d);
    welsh_medium(d);
    mentors(d);
}

/* ---- evaluation
 * ------------------------------------------------------------------------------------- */

/* The height of text wrapped at w. */
static double text_height(pdf_doc *d, const char *text, double w, double size, int flags)
{
    double h;
    tna_chart_text_size(d->cr, text, w, size, flags | CHART_WRAP, 0, NULL, &h);
    return h;
}

/* One Kirkpatrick level: its name and what it measures on the left; the expectation's title,
 * value, target, status and progress in the middle; the metric per period on the right. The
 * texts are measured first and the panel is as tall as they need (a bilingual report's
 * words are twice as long), never less than 104 points. */
static void level_panel(pdf_doc *d, int level, tna_metric metric, tna_term name, tna_term what)
{
    cairo_t *cr = d->cr;
    const tna_planning *pl = &d->res->planning;
    const tna_expectation_result *e = NULL;
    for (size_t i = 0; i < pl->n_expectations && !e; i++)
        if (d->m->expectations[pl->expectations[i].expectation].metric == metric)
            e = &pl->expectations[i];
    const double left = 190, mid = 120, right_w = PDF_WIDTH - left - 10;
    const double mx = PDF_LEFT + left;
    const char *heading = tna_pdf_pair(
        d, pdf_in(d, TNA_LANG_EN, TERM_LEVEL_N_NAME, level, tna_term_in(name, TNA_LANG_EN)),
        pdf_in(d, TNA_LANG_CY, TERM_LEVEL_N_NAME, level, tna_term_in(name, TNA_LANG_CY)));
    double head_h = text_height(d, heading, left - 12, 10.5, CHART_BOLD);
    double h = fmax(104, 10 + head_h + 3 + text_height(d, tna_pdf_t(d, what), left - 12, 7.5, 0) + 8);

    /* the middle column, top to bottom */
    const char *title = NULL, *actual = NULL, *target = NULL, *progress = NULL, *note = NULL;
    double title_h = 0, actual_h = 0, target_h = 0, pill_w = 0, progress_h = 0, note_h = 0;
    bool pill = false, progress_beside = true;
    tna_rag rag = TNA_RAG_NONE;
    if (e == NULL) {
        title = pdf_tf(d, TERM_LEVEL_NOT_MEASURED_PDF, tna_metric_names[metric]);
        title_h = text_height(d, title, right_w, 8.5, 0);
        h = fmax(h, 10 + title_h + 8);
    } else {
        title = tna_label_expectation(d->l, e->expectation);
        title_h = text_height(d, title, right_w, 8, CHART_BOLD);
        actual = e->hidden       ? tna_pdf_hidden(d, e->hidden)
                 : e->has_actual ? tna_pdf_metric_value(d, metric, e->actual)
                                 : "–";
        actual_h = text_height(d, actual, mid - 6, e->hidden ? 11 : 18, CHART_BOLD);
        target = e->has_baseline
                     ? pdf_tf(d, TERM_TARGET_AND_BASELINE, tna_pdf_metric_value(d, metric, e->target),
                              tna_pdf_metric_value(d, metric, e->baseline))
                     : pdf_tf(d, TERM_TARGET_VALUE, tna_pdf_metric_value(d, metric, e->target));
        target_h = text_height(d, target, mid - 6, 7.5, 0);
        rag = e->hidden ? TNA_RAG_NONE : e->rag;
        pill = e->note != TNA_NOTE_BASELINE_SET; /* no status yet: the note says why */
        if (pill)
            tna_chart_text_size(cr, tna_pdf_rag_word(d, rag), 0, 8, CHART_BOLD, 0, &pill_w, NULL),
                pill_w += 10;
        if (e->has_progress && !e->hidden) {
            progress = pdf_tf(d, TERM_PROGRESS_OF_THE_WAY, tna_pdf_share(d, e->progress));
            double pw;
            tna_chart_text_size(cr, progress, 0, 7, 0, 0, &pw, NULL);
            progress_beside = pill_w + 6 + pw <= mid - 6;
            progress_h = progress_beside ? 0 : text_height(d, progress, mid - 6, 7, 0) + 2;
        }
        if (e->note != TNA_NOTE_NONE) {
            note = tna_pdf_t(d, tna_note_term(e->note));
            note_h = text_height(d, note, right_w - mid, 6.5, 0);
        }
        double below = 7 + title_h + 6 + actual_h + 4 + target_h + 6 + 12.4 + progress_h + 8;
        h = fmax(h, fmax(below, 7 + title_h + 14 + 66 + (note ? note_h + 4 : 0) + 8));
    }

    tna_pdf_need(d, h + 8);
    double y = d->y;
    tna_chart_set_rgb(cr, tna_chart_panel);
    cairo_rectangle(cr, PDF_LEFT, y, PDF_WIDTH, h);
    cairo_fill(cr);
    tna_pdf_tag_begin(d, "H2", NULL);
    tna_chart_set_rgb(cr, tna_chart_accent);
    tna_chart_text(cr, heading, PDF_LEFT + 8, y + 7, left - 12, 10.5, CHART_BOLD | CHART_WRAP,
               CHART_LEFT, 0);
    tna_pdf_tag_end(d, "H2");
    tna_chart_set_rgb(cr, tna_chart_ink);
    tna_pdf_text_at(d, tna_pdf_t(d, what), PDF_LEFT + 8, y + 10 + head_h, left - 12, 7.5, CHART_WRAP);
    if (e == NULL) {
        tna_chart_set_rgb(cr, tna_chart_muted);
        tna_pdf_text_at(d, title, mx, y + 10, right_w, 8.5, CHART_WRAP);
        d->y += h + 8;
        return;
    }
    tna_chart_set_rgb(cr, tna_chart_ink);
    tna_pdf_text_at(d, title, mx, y + 7, right_w, 8, CHART_BOLD | CHART_WRAP);
    double ty = y + 7 + title_h + 6, top = ty; /* the value, target and status under it */
    tna_chart_set_rgb(cr, e->hidden ? tna_chart_muted : tna_chart_accent);
    tna_pdf_text_at(d, actual, mx, ty, mid - 6, e->hidden ? 11 : 18, CHART_BOLD | CHART_WRAP);
    ty += actual_h + 4;
    tna_chart_set_rgb(cr, tna_chart_ink);
    tna_pdf_text_at(d, target, mx, ty, mid - 6, 7.5, CHART_WRAP);
    ty += target_h + 6;
    if (pill) {
        tna_pdf_tag_begin(d, "P", NULL);
        tna_chart_status(cr, mx, ty, (chart_status_kind)(tna_pdf_rag_cell(rag) - PDF_CELL_RAG_NONE),
                     tna_pdf_rag_word(d, rag), 8);
        tna_pdf_tag_end(d, "P");
    }
    if (progress) {
        tna_chart_set_rgb(cr, tna_chart_muted);
        if (progress_beside)
            tna_pdf_text_at(d, progress, mx + (pill ? pill_w + 6 : 0), ty + 1.5, mid - 6, 7, 0);
        else
            tna_pdf_text_at(d, progress, mx, ty + 14.4, mid - 6, 7, CHART_WRAP);
    }
    double chart_h = e->note != TNA_NOTE_NONE ? 50 : 66;
    if (note) {
        tna_chart_set_rgb(cr, tna_chart_muted);
        tna_pdf_text_at(d, note, mx + mid, top + 14 + chart_h - 10, right_w - mid, 6.5, CHART_WRAP);
    }
    /* the metric in each period */
    size_t np = d->res->n_periods;
    if (e->by_period && np > 0) {
        const char **xl = g_new0(const char *, np), **text = g_new0(const char *, np);
        bool *miss = g_new0(bool, np);
        for (size_t p = 0; p < np; p++) {
            xl[p] = d->res->periods[p].period;
            miss[p] = !isfinite(e->by_period[p]);
            text[p] = miss[p] ? NULL : tna_pdf_metric_value(d, metric, e->by_period[p]);
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
            true,
            0};
        tna_pdf_figure_begin(d);
        tna_chart_line(cr, mx + mid, top, right_w - mid, chart_h, &spec);
        tna_pdf_figure_end(d);
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

/* Under the Level 4 panel: the estimate adjusted for the starting gap, which the status
 * uses, with its interval, beside the raw difference the panel shows; who was compared; and
 * what the adjustment cannot do (docs/method.md, "Level 4"). */
static void level4_detail(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    const tna_metric metric = TNA_METRIC_TRAINED_VS_UNTRAINED;
    for (size_t i = 0; i < pl->n_expectations; i++) {
        const tna_expectation_result *e = &pl->expectations[i];
        if (d->m->expectations[e->expectation].metric != metric || e->hidden || !e->has_level4)
            continue;
        tna_pdf_note(d, pdf_tf(d, TERM_LEVEL4_DETAIL_PDF, tna_pdf_metric_value(d, metric, e->adjusted),
                           tna_pdf_str(d, "%s–%s", tna_pdf_metric_value(d, metric, e->ci_low),
                                   tna_pdf_metric_value(d, metric, e->ci_high)),
                           tna_pdf_metric_value(d, metric, e->actual), tna_pdf_count(d, e->n_trained),
                           tna_pdf_gap(d, e->start_trained), tna_pdf_count(d, e->n_untrained),
                           tna_pdf_gap(d, e->start_untrained)));
        tna_pdf_note(d, tna_pdf_t(d, TERM_LEVEL4_LIMITS_PDF));
        return; /* the panel shows the first such expectation */
    }
}

static void evaluation(pdf_doc *d)
{
    if (!evaluated(d)) { /* four empty panels would say nothing: say what to add, in the room
                          * the section before left if it can */
        double h;
        tna_chart_text_size(d->cr, tna_pdf_t(d, TERM_EVALUATION_NO_DATA), PDF_WIDTH, 9, CHART_WRAP, 0, NULL,
                        &h);
        tna_pdf_section_begin_within(d, PDF_SEC_EVALUATION,
                                     tna_pdf_section_title(d, PDF_SEC_EVALUATION), h);
        tna_pdf_para(d, tna_pdf_t(d, TERM_EVALUATION_NO_DATA));
        return;
    }
    tna_pdf_section_begin(d, PDF_SEC_EVALUATION, tna_pdf_section_title(d, PDF_SEC_EVALUATION));
    tna_pdf_para(d, tna_pdf_t(d, TERM_EVALUATION_INTRO));
    level_panel(d, 1, TNA_METRIC_SATISFACTION, TERM_LEVEL1_NAME, TERM_LEVEL1_WHAT_PDF);
    level_panel(d, 2, TNA_METRIC_LEARNING_UPLIFT, TERM_LEVEL2_NAME, TERM_LEVEL2_WHAT_PDF);
    level_panel(d, 3, TNA_METRIC_APPLIED_RATE, TERM_LEVEL3_NAME, TERM_LEVEL3_WHAT_PDF);
    level_panel(d, 4, TNA_METRIC_TRAINED_VS_UNTRAINED, TERM_LEVEL4_NAME, TERM_LEVEL4_WHAT_PDF);
    level4_detail(d);
}

/* ---- barriers
 * ------------------------------------------------------------------------------------------ */

static void barriers(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    tna_pdf_section_begin(d, PDF_SEC_BARRIERS, tna_pdf_section_title(d, PDF_SEC_BARRIERS));
    size_t nb = d->m->n_barriers, n_barriers = nb;
    if (pl->n_barriers == 0 || nb == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_BARRIERS_QUESTION));
        return;
    }
    tna_pdf_para(d, tna_pdf_t(d, TERM_BARRIERS_INTRO_PDF));
    chart_bar *bars = g_new0(chart_bar, nb);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority != TNA_NONE)
            continue;
        bars[k].label = tna_label_barrier(d->l, b->barrier);
        bars[k].value[0] = b->share;
        bars[k].missing[0] = b->hidden;
        bars[k].text[0] = b->hidden ? tna_pdf_hidden(d, b->hidden) : tna_pdf_share(d, b->share);
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
        bars, k, 1, {NULL}, CHART_FMT_PERCENT, 0, tna_pdf_t(d, TERM_SHARE_OF_RESPONDENTS), 10, 0.4};
    double h = tna_chart_hbars_height(d->cr, PDF_WIDTH, &spec);
    tna_pdf_keep(d, h + 40); /* the heading stays with its chart */
    tna_pdf_h2(d, tna_label_wales(d->l));
    tna_pdf_need(d, h);
    tna_pdf_figure_begin(d);
    d->y += tna_chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 10;
    tna_pdf_figure_end(d);
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
        if (a != TNA_NONE && a < na && row_of[a] == 0 &&
            tna_render_shows_authority(d->opt, d->m, a)) {
            rows[nr] = tna_pdf_short_authority(d, a);
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
            column[b->barrier] < 0 || row_of[b->authority] == 0)
            continue;
        size_t c = (row_of[b->authority] - 1) * nb + (size_t)column[b->barrier];
        if (b->hidden) {
            state[c] = b->hidden == TNA_SUPPRESSED ? CHART_CELL_SUPPRESSED : CHART_CELL_PROTECTED;
            text[c] = tna_pdf_hidden_short(d, b->hidden);
        } else {
            state[c] = CHART_CELL_VALUE, values[c] = b->share, text[c] = tna_pdf_share(d, b->share);
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
                           tna_pdf_t(d, TERM_SHARE_CITING),
                           tna_pdf_suppressed_key(d),
                           tna_pdf_protected_key(d),
                           tna_pdf_t(d, TERM_KEY_NO_ANSWERS),
                           na > 26 ? 11 : 14,
                           120};
    if (nr > 0)
        tna_pdf_heatmap(d, tna_pdf_t(d, TERM_BY_AUTHORITY), &spec2, fmin(PDF_WIDTH, 160 + nb * 40));
    g_free(rows), g_free(row_of), g_free(cols), g_free(column), g_free(values), g_free(state),
        g_free(text);
}

/* A pack's demand: per topic, the learners of its council or region beside its region's
 * and Wales's, from the plan's demand rows (the demand CSV's). */
static void pack_demand(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    tna_pdf_section_begin(d, PDF_SEC_COMMISSIONING, tna_pdf_section_title(d, PDF_SEC_COMMISSIONING));
    uint32_t a = d->opt->focus.authority.plus_one, g = d->opt->focus.region.plus_one;
    uint32_t region = a ? d->m->authorities[a - 1].region : g - 1;
    enum { NC = 7 };
    const char *head[NC] = {tna_pdf_t(d, TERM_TOPIC),
                            a ? tna_pdf_short_authority(d, a - 1) : tna_label_region(d->l, region),
                            tna_pdf_t(d, TERM_SELF_DIRECTED),
                            tna_pdf_t(d, TERM_IN_COHORTS),
                            tna_pdf_t(d, TERM_PREFER_WELSH),
                            a ? tna_label_region(d->l, region) : NULL,
                            tna_label_wales(d->l)};
    size_t nt = d->m->n_topics, n = 0;
    const char **cells = g_new0(const char *, (nt ? nt : 1) * NC);
    unsigned char *kind = g_new0(unsigned char, (nt ? nt : 1) * NC);
    for (uint32_t t = 0; t < nt; t++) {
        const tna_demand *own = NULL, *reg = NULL, *wales = NULL;
        for (size_t i = 0; i < pl->n_demand; i++) {
            const tna_demand *x = &pl->demand[i];
            if (x->topic != t)
                continue;
            if (x->authority == TNA_NONE && x->region == TNA_NONE)
                wales = x;
            else if (x->authority == TNA_NONE && x->region == region)
                reg = x;
            if (a ? x->authority == a - 1 : x->authority == TNA_NONE && x->region == region)
                own = x;
        }
        if (own == NULL)
            continue;
        const char **c = cells + n * NC;
        unsigned char *k = kind + n * NC;
        c[0] = tna_label_topic(d->l, t);
        const tna_demand *of[NC] = {NULL, own, own, own, own, reg, wales};
        for (int j = 1; j < NC; j++) {
            const tna_demand *x = of[j];
            int64_t v = j == 2 ? own->self_directed : j == 3 ? own->cohort : j == 4 ? own->welsh
                      : x ? x->learners : 0;
            c[j] = x == NULL ? "–" : x->hidden ? tna_pdf_hidden(d, x->hidden) : tna_pdf_count(d, v);
            if (x == NULL || x->hidden)
                k[j] = PDF_CELL_MUTED;
        }
        n++;
    }
    if (n == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_RESPONSES));
    } else {
        if (!a) { /* a region's pack: its own column is the region's, not twice */
            head[5] = head[6];
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < NC - 1; j++)
                    cells[i * (NC - 1) + j] = cells[i * NC + j + (j == 5)],
                                     kind[i * (NC - 1) + j] = kind[i * NC + j + (j == 5)];
        }
        double width[NC] = {0, 70, 62, 50, 50, 70, 60};
        pdf_table t = {a ? NC : NC - 1, n, head, width, NULL, cells, kind, 7};
        tna_pdf_h2(d, tna_pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING));
        tna_pdf_table_draw(d, &t);
    }
    g_free(cells);
    g_free(kind);
}

void tna_pdf_pages_plan(pdf_doc *d)
{
    if (tna_render_is_pack(d->opt)) {
        pack_demand(d);
    } else {
        commissioning(d);
        tna_pdf_budget_section(d);
        evaluation(d);
    }
    barriers(d);
}
