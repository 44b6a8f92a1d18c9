/*
 * pdf_plan.c - what to do about the gaps: the commissioning section (cohorts and cost per
 * region, pooled against each authority alone, Welsh-medium provision, mentors beside
 * demand), the evaluation section (Kirkpatrick levels 1-4 from the expectations that use
 * satisfaction, learning_uplift, applied_rate and trained_vs_untrained) and the barriers
 * section (share citing each barrier, for Wales and by authority).
 *
 * All of it reads results->planning (planning.h). Every page says so plainly when an
 * array is empty rather than drawing an empty chart; rows marked suppressed show the marker.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_internal.h"

/* ---- commissioning
 * -------------------------------------------------------------------------------- */

typedef struct region_sum {
    int64_t learners, cohorts, welsh_cohorts;
    double cost;
    bool hidden; /* a learner count behind it is suppressed */
    bool any;
} region_sum;

static void by_region(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    size_t nr = d->m->n_regions;
    region_sum *s = g_new0(region_sum, nr + 1); /* [nr]: the all-Wales pool */
    for (size_t i = 0; i < pl->n_cohorts; i++) {
        const tna_cohort_plan *c = &pl->cohorts[i];
        region_sum *r = &s[c->region == TNA_NONE || c->region >= nr ? nr : c->region];
        r->any = true;
        r->learners += c->learners;
        r->hidden |= c->suppressed;
        r->cohorts += c->cohorts;
        r->welsh_cohorts += c->welsh_medium ? c->cohorts : 0;
        r->cost += c->cost;
    }
    size_t n = 0;
    for (size_t r = 0; r <= nr; r++)
        n += s[r].any;
    if (n == 0) {
        pdf_para(d, pdf_t(d, "No cohorts are needed in this period.",
                          "Nid oes angen unrhyw garfannau yn y cyfnod hwn."));
        g_free(s);
        return;
    }
    const char *head[] = {
        pdf_t(d, "Region", "Rhanbarth"), pdf_t(d, "Learners in cohorts", "Dysgwyr mewn carfannau"),
        pdf_t(d, "Cohorts", "Carfannau"),
        pdf_t(d, "Welsh-medium cohorts", "Carfannau cyfrwng Cymraeg"), pdf_t(d, "Cost", "Cost")};
    const char **cells = g_new0(const char *, n * 5);
    unsigned char *kind = g_new0(unsigned char, n * 5);
    chart_bar *bars = g_new0(chart_bar, n);
    size_t k = 0;
    for (size_t r = 0; r <= nr; r++) {
        if (!s[r].any)
            continue;
        const char **c = cells + k * 5;
        c[0] = r == nr ? pdf_t(d, "All-Wales pool", "Cronfa Cymru gyfan")
                       : tna_label_region(d->l, (uint32_t)r);
        c[1] = s[r].hidden ? d->marker : pdf_count(d, s[r].learners);
        kind[k * 5 + 1] = s[r].hidden ? PDF_CELL_MUTED : PDF_CELL_TEXT;
        c[2] = pdf_count(d, s[r].cohorts);
        c[3] = pdf_count(d, s[r].welsh_cohorts);
        c[4] = pdf_money(d, s[r].cost);
        bars[k].label = c[0];
        bars[k].value[0] = s[r].cost;
        bars[k].text[0] = pdf_str(d, "%s (%s)", c[4], pdf_cohorts(d, s[r].cohorts));
        k++;
    }
    double width[] = {0, 90, 60, 95, 75};
    pdf_table t = {5, n, head, width, NULL, cells, kind, 8, false};
    pdf_table_draw(d, &t);
    chart_bars spec = {
        bars, n,  1, {NULL}, CHART_FMT_MONEY, 0, pdf_t(d, "Cost of cohorts", "Cost carfannau"),
        10,   0.3};
    pdf_need(d, chart_hbars_height(d->cr, PDF_WIDTH, &spec));
    pdf_figure_begin(d);
    d->y += chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 8;
    pdf_figure_end(d);
    g_free(bars), g_free(cells), g_free(kind), g_free(s);
}

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
        bars[n].value[0] = t->cost;
        bars[n].value[1] = t->cost_alone;
        bars[n].text[0] = pdf_money(d, t->cost);
        bars[n].text[1] = pdf_money(d, t->cost_alone);
        if (t->suppressed) { /* the costs would give the learner counts away */
            bars[n].missing[0] = bars[n].missing[1] = true;
            bars[n].text[0] = bars[n].text[1] = d->marker;
        }
        n++;
    }
    chart_bars spec = {bars,
                       n,
                       2,
                       {pdf_t(d, "Pooled plan", "Cynllun cyfun"),
                        pdf_t(d, "Each authority alone", "Pob awdurdod ar ei ben ei hun")},
                       CHART_FMT_MONEY,
                       0,
                       pdf_t(d, "Cost", "Cost"),
                       6.5,
                       0.38};
    double h = chart_hbars_height(d->cr, PDF_WIDTH, &spec);
    pdf_keep(d, h + 60); /* the heading stays with its chart */
    pdf_h2(d, pdf_t(d, "Pooled across Wales or each authority alone",
                    "Cyfun ar draws Cymru neu bob awdurdod ar ei ben ei hun"));
    if (n == 0) {
        pdf_para(d, pdf_t(d, "No topic needs training in this period.",
                          "Nid oes angen hyfforddiant mewn unrhyw bwnc yn y cyfnod hwn."));
        g_free(bars);
        return;
    }
    pdf_note(d, pdf_t(d,
                      "Cost of cohorts and self-directed places per topic under the pooled "
                      "plan, beside what the same demand would cost if every authority "
                      "commissioned its own cohorts.",
                      "Cost carfannau a lleoedd hunangyfeiriedig fesul pwnc o dan y cynllun "
                      "cyfun, wrth ymyl yr hyn y byddai'r un galw yn ei gostio pe bai pob "
                      "awdurdod yn comisiynu ei garfannau ei hun."));
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
    const char *title = pdf_t(d, "Welsh-medium provision", "Darpariaeth cyfrwng Cymraeg");
    size_t n = 0;
    for (size_t i = 0; i < pl->n_demand; i++)
        n += pl->demand[i].authority == TNA_NONE && pl->demand[i].region == TNA_NONE;
    if (n == 0) {
        pdf_h2(d, title);
        pdf_para(d, pdf_t(d, "No learner needs training in this period.",
                          "Nid oes angen hyfforddiant ar unrhyw ddysgwr yn y cyfnod hwn."));
        return;
    }
    enum { NC = 6 };
    const char *head[NC] = {pdf_t(d, "Topic", "Pwnc"),
                            pdf_t(d, "Learners", "Dysgwyr"),
                            pdf_t(d, "Prefer Welsh", "Gwell ganddynt Gymraeg"),
                            pdf_t(d, "Either language", "Y naill iaith neu'r llall"),
                            pdf_t(d, "In cohorts", "Mewn carfannau"),
                            pdf_t(d, "Welsh-medium cohorts", "Carfannau cyfrwng Cymraeg")};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *dm = &pl->demand[i];
        if (dm->authority != TNA_NONE || dm->region != TNA_NONE)
            continue;
        const char **c = cells + k * NC;
        c[0] = dm->topic == TNA_NONE ? pdf_t(d, "All topics", "Pob pwnc")
                                     : tna_label_topic(d->l, dm->topic);
        if (dm->suppressed) {
            for (int j = 1; j < 5; j++)
                c[j] = d->marker, kind[k * NC + j] = PDF_CELL_MUTED;
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
    pdf_note(d, pdf_t(d,
                      "Learners' language preference, per topic. Learners who prefer Welsh "
                      "are planned in Welsh-medium cohorts; those happy with either could "
                      "also join one.",
                      "Dewis iaith dysgwyr, fesul pwnc. Mae dysgwyr sy'n well ganddynt y "
                      "Gymraeg wedi'u cynllunio mewn carfannau cyfrwng Cymraeg; gallai'r rhai "
                      "sy'n hapus â'r naill iaith neu'r llall ymuno ag un hefyd."));
    pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

static void mentors(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    const char *title = pdf_t(d, "Mentors beside demand", "Mentoriaid wrth ymyl y galw");
    size_t n = 0;
    for (size_t i = 0; i < pl->n_mentors; i++)
        n += pl->mentors[i].region == TNA_NONE && pl->mentors[i].topic != TNA_NONE;
    if (n == 0) {
        pdf_h2(d, title);
        pdf_para(d, pdf_t(d, "No mentor figures in this period.",
                          "Dim ffigurau mentora yn y cyfnod hwn."));
        return;
    }
    enum { NC = 5 };
    const char *head[NC] = {
        pdf_t(d, "Topic", "Pwnc"), pdf_t(d, "Experts", "Arbenigwyr"),
        pdf_t(d, "Learners needing it", "Dysgwyr sydd ei angen"),
        pdf_t(d, "Learners per expert", "Dysgwyr fesul arbenigwr"),
        pdf_t(d, "Regions with learners but no expert", "Rhanbarthau â dysgwyr ond dim arbenigwr")};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_mentors; i++) {
        const tna_mentors *mt = &pl->mentors[i];
        if (mt->region != TNA_NONE || mt->topic == TNA_NONE)
            continue;
        const char **c = cells + k * NC;
        c[0] = tna_label_topic(d->l, mt->topic);
        if (mt->suppressed) {
            for (int j = 1; j < 4; j++)
                c[j] = d->marker, kind[k * NC + j] = PDF_CELL_MUTED;
        } else {
            c[1] = pdf_count(d, mt->experts);
            c[2] = pdf_count(d, mt->learners);
            c[3] = mt->experts > 0 ? pdf_str(d, "%.0f", (double)mt->learners / mt->experts)
                                   : pdf_t(d, "no expert", "dim arbenigwr");
            if (mt->experts == 0)
                kind[k * NC + 3] = PDF_CELL_BOLD;
        }
        GString *gaps = g_string_new(NULL); /* shown regions with demand and no expert */
        for (size_t j = 0; j < pl->n_mentors; j++) {
            const tna_mentors *r = &pl->mentors[j];
            if (r->topic != mt->topic || r->region == TNA_NONE || r->suppressed || r->experts > 0 ||
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
    pdf_note(d, pdf_t(d,
                      "Experts (people at the top level in every skill of a topic they "
                      "answered) are the internal supply of mentors and subject-matter "
                      "leads. Regions without one need outside help with the topic.",
                      "Arbenigwyr (pobl ar y lefel uchaf ym mhob sgil o bwnc a atebwyd "
                      "ganddynt) yw'r cyflenwad mewnol o fentoriaid ac arweinwyr pwnc. Mae "
                      "angen cymorth allanol gyda'r pwnc ar ranbarthau heb un."));
    pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

static void commissioning(pdf_doc *d)
{
    const tna_commissioning *c = &d->m->commissioning;
    pdf_section_begin(d, PDF_SEC_COMMISSIONING, pdf_section_title(d, PDF_SEC_COMMISSIONING));
    const char *en =
        pdf_str(d,
                "Learners whose largest gap in a topic is at most %s go to self-directed "
                "e-learning (%s each); the rest to cohorts of up to %d, planned per region at %s a "
                "cohort. A region with fewer than %d learners in a topic joins an all-Wales pool.",
                pdf_plural(d, c->elearning_max_gap, "level", "levels"),
                pdf_money(d, c->cost_per_elearning_learner), c->cohort_max,
                pdf_money(d, c->cost_per_cohort), c->cohort_min);
    const char *cy = pdf_str(
        d,
        "Mae dysgwyr nad yw eu bwlch mwyaf mewn pwnc yn fwy na %d lefel yn mynd i e-ddysgu "
        "hunangyfeiriedig (%s yr un); y lleill i garfannau o hyd at %d, wedi'u cynllunio "
        "fesul rhanbarth ar %s y garfan. Mae rhanbarth â llai na %d o ddysgwyr mewn pwnc yn "
        "ymuno â chronfa Cymru gyfan.",
        c->elearning_max_gap, pdf_money(d, c->cost_per_elearning_learner), c->cohort_max,
        pdf_money(d, c->cost_per_cohort), c->cohort_min);
    pdf_para(d, pdf_t(d, en, cy));
    pdf_h2(d, pdf_t(d, "Cohorts and cost by region", "Carfannau a chost yn ôl rhanbarth"));
    by_region(d);
    pooled_vs_alone(d);
    welsh_medium(d);
    mentors(d);
}

/* ---- evaluation
 * ------------------------------------------------------------------------------------- */

static void level_panel(pdf_doc *d, int level, tna_metric metric, const char *name_en,
                        const char *name_cy, const char *what)
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
    double th =
        chart_text(cr,
                   pdf_t(d, pdf_str(d, "Level %d: %s", level, name_en),
                         pdf_str(d, "Lefel %d: %s", level, name_cy)),
                   PDF_LEFT + 8, y + 7, left - 12, 10.5, CHART_BOLD | CHART_WRAP, CHART_LEFT, 2);
    pdf_tag_end(d, "H2");
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d, what, PDF_LEFT + 8, y + 10 + th, left - 12, 7.5, CHART_WRAP);
    double mx = PDF_LEFT + left;
    if (e == NULL) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d,
                    pdf_tf(d,
                           "No expectation measures this level yet. Add one "
                           "with metric: %s.",
                           "Nid oes disgwyliad yn mesur y lefel hon eto. "
                           "Ychwanegwch un gyda metric: %s.",
                           tna_metric_names[metric]),
                    mx, y + 10, PDF_WIDTH - left - 10, 8.5, CHART_WRAP);
        d->y += h + 8;
        return;
    }
    const tna_expectation *x = &d->m->expectations[e->expectation];
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d, x->title && x->title[0] ? x->title : x->id, mx, y + 7, PDF_WIDTH - left - 10, 8,
                CHART_BOLD | CHART_WRAP);
    const char *actual = e->suppressed   ? d->marker
                         : e->has_actual ? pdf_metric_value(d, metric, e->actual)
                                         : "–";
    chart_set_rgb(cr, e->suppressed ? chart_muted : chart_accent);
    pdf_text_at(d, actual, mx, y + 30, mid - 6, e->suppressed ? 11 : 18, CHART_BOLD | CHART_WRAP);
    chart_set_rgb(cr, chart_ink);
    pdf_text_at(d,
                e->has_baseline
                    ? pdf_tf(d, "target %s, baseline %s", "targed %s, llinell sylfaen %s",
                             pdf_metric_value(d, metric, e->target),
                             pdf_metric_value(d, metric, e->baseline))
                    : pdf_tf(d, "target %s", "targed %s", pdf_metric_value(d, metric, e->target)),
                mx, y + 56, mid - 6, 7.5, CHART_WRAP);
    tna_rag rag = e->suppressed ? TNA_RAG_NONE : e->rag;
    pdf_tag_begin(d, "P", NULL);
    chart_status(cr, mx, y + 80, (chart_status_kind)(pdf_rag_cell(rag) - PDF_CELL_RAG_NONE),
                 pdf_rag_word(d, rag), 8);
    pdf_tag_end(d, "P");
    if (e->has_progress && !e->suppressed) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d, pdf_tf(d, "%s of the way", "%s o'r ffordd", pdf_share(d, e->progress)),
                    mx + 58, y + 81, mid - 60, 7, 0);
    }
    if (e->note) {
        chart_set_rgb(cr, chart_muted);
        pdf_text_at(d, e->note, mx + mid, y + 82, PDF_WIDTH - left - mid - 10, 6.5, CHART_WRAP);
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
        chart_line(cr, mx + mid, y + 30, PDF_WIDTH - left - mid - 10, e->note ? 50 : 66, &spec);
        pdf_figure_end(d);
        g_free(xl), g_free(text), g_free(miss);
    }
    d->y += h + 8;
}

static void evaluation(pdf_doc *d)
{
    pdf_section_begin(d, PDF_SEC_EVALUATION, pdf_section_title(d, PDF_SEC_EVALUATION));
    pdf_para(d, pdf_t(d,
                      "Kirkpatrick's four levels, each measured against the expectation set "
                      "for it with stakeholders: did learners like the training, did they "
                      "learn, do they use it, and does it close gaps.",
                      "Pedair lefel Kirkpatrick, pob un wedi'i mesur yn erbyn y disgwyliad a "
                      "osodwyd ar ei chyfer gyda rhanddeiliaid: a oedd y dysgwyr yn hoffi'r "
                      "hyfforddiant, a wnaethant ddysgu, a ydynt yn ei ddefnyddio, ac a yw'n "
                      "cau bylchau."));
    level_panel(d, 1, TNA_METRIC_SATISFACTION, "Reaction", "Ymateb",
                pdf_t(d, "Mean satisfaction with courses, 1 to 5, from post-course feedback.",
                      "Boddhad cymedrig â chyrsiau, 1 i 5, o adborth ar ôl cwrs."));
    level_panel(d, 2, TNA_METRIC_LEARNING_UPLIFT, "Learning", "Dysgu",
                pdf_t(d, "Mean level after a course minus the level before, in levels.",
                      "Lefel gymedrig ar ôl cwrs llai'r lefel cyn y cwrs, mewn lefelau."));
    level_panel(d, 3, TNA_METRIC_APPLIED_RATE, "Behaviour", "Ymddygiad",
                pdf_t(d, "Share of learners who say they have used what they learned.",
                      "Cyfran y dysgwyr sy'n dweud eu bod wedi defnyddio'r hyn a ddysgwyd."));
    level_panel(d, 4, TNA_METRIC_TRAINED_VS_UNTRAINED, "Results", "Canlyniadau",
                pdf_t(d,
                      "Change in mean gap between periods of trained staff minus that of "
                      "untrained staff: below zero, trained staff closed gaps faster.",
                      "Newid yn y bwlch cymedrig rhwng cyfnodau staff a hyfforddwyd llai "
                      "newid staff heb eu hyfforddi: o dan sero, caeodd staff a hyfforddwyd "
                      "fylchau'n gyflymach."));
}

/* ---- barriers
 * ------------------------------------------------------------------------------------------ */

static void barriers(pdf_doc *d)
{
    const tna_planning *pl = &d->res->planning;
    pdf_section_begin(d, PDF_SEC_BARRIERS, pdf_section_title(d, PDF_SEC_BARRIERS));
    size_t nb = d->m->n_barriers, n_barriers = nb;
    if (pl->n_barriers == 0 || nb == 0) {
        pdf_para(d, pdf_t(d,
                          "The surveys of this period asked no question about barriers to "
                          "learning, or nobody answered it.",
                          "Ni ofynnodd arolygon y cyfnod hwn unrhyw gwestiwn am rwystrau rhag "
                          "dysgu, neu ni atebodd neb."));
        return;
    }
    pdf_para(d, pdf_t(d,
                      "The share of respondents who answered the question and cited each "
                      "barrier; people could cite more than one.",
                      "Cyfran yr ymatebwyr a atebodd y cwestiwn ac a nododd bob rhwystr; "
                      "gallai pobl nodi mwy nag un."));
    pdf_h2(d, tna_label_wales(d->l));
    chart_bar *bars = g_new0(chart_bar, nb);
    size_t k = 0;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority != TNA_NONE || b->barrier >= nb)
            continue;
        bars[k].label = tna_label_barrier(d->l, b->barrier);
        bars[k].value[0] = b->share;
        bars[k].missing[0] = b->suppressed;
        bars[k].text[0] = b->suppressed ? d->marker : pdf_share(d, b->share);
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
    chart_bars spec = {bars,
                       k,
                       1,
                       {NULL},
                       CHART_FMT_PERCENT,
                       0,
                       pdf_t(d, "Share of respondents", "Cyfran yr ymatebwyr"),
                       10,
                       0.4};
    pdf_figure_begin(d);
    d->y += chart_hbars(d->cr, PDF_LEFT, d->y, PDF_WIDTH, &spec) + 10;
    pdf_figure_end(d);
    g_free(bars);

    /* authority x barrier: the columns are the barriers the analysis reports (its
     * all-authorities rows) */
    size_t na = d->m->n_authorities;
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
    size_t n_cells = na * nb;
    double *values = g_new0(double, n_cells);
    unsigned char *state = g_new0(unsigned char, n_cells);
    const char **text = g_new0(const char *, n_cells);
    for (size_t i = 0; i < na * nb; i++)
        state[i] = CHART_CELL_EMPTY, text[i] = "–";
    for (uint32_t a = 0; a < na; a++)
        rows[a] = pdf_short_authority(d, a);
    double hi = 0;
    for (size_t i = 0; i < pl->n_barriers; i++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (b->authority == TNA_NONE || b->authority >= na || b->barrier >= n_barriers ||
            column[b->barrier] < 0)
            continue;
        size_t c = (size_t)b->authority * nb + (size_t)column[b->barrier];
        if (b->suppressed) {
            state[c] = CHART_CELL_SUPPRESSED, text[c] = d->marker_short;
        } else {
            state[c] = CHART_CELL_VALUE, values[c] = b->share, text[c] = pdf_share(d, b->share);
            hi = fmax(hi, b->share);
        }
    }
    chart_heatmap spec2 = {rows,
                           na,
                           cols,
                           nb,
                           values,
                           state,
                           text,
                           0,
                           hi > 0 ? fmin(1, ceil(hi * 10) / 10) : 1,
                           CHART_FMT_PERCENT,
                           pdf_t(d, "Share citing", "Cyfran sy'n nodi"),
                           pdf_suppressed_key(d),
                           pdf_t(d, "– no answers", "– dim atebion"),
                           na > 26 ? 11 : 14,
                           120};
    pdf_heatmap(d, pdf_t(d, "By authority", "Yn ôl awdurdod"), &spec2,
                fmin(PDF_WIDTH, 160 + nb * 40));
    g_free(rows), g_free(cols), g_free(column), g_free(values), g_free(state), g_free(text);
}

void pdf_pages_plan(pdf_doc *d)
{
    commissioning(d);
    evaluation(d);
    barriers(d);
}
