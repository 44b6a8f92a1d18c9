/*
 * xlsx_planning.c - the sheets of what the figures mean for training (planning.h): Demand,
 * Commissioning, Cohorts, Mentors, Trends, Barriers, Self vs manager.
 *
 * Each is one table in the order the analysis gives its rows (topic-major, all Wales before
 * regions before authorities, model order within), with a frozen header and a filter. A row
 * the analysis marks suppressed shows the marker in its first count and nothing else that
 * could reveal it; the figures it keeps on purpose (cohort counts, savings) are shown. Every
 * array may be empty: the sheet then has its header and a line saying there is nothing.
 */
#include <math.h>

#include "xlsx_internal.h"

/* A header on row 3, then rows from 4: returns the first data row. */
static lxw_row_t table_head(xw *x, lxw_worksheet *ws, const char *const *head, const double *widths,
                            int n, const char *kinds)
{
    xw_header(x, ws, 3, head, n, widths, kinds);
    return 4;
}

/* Closes a table whose rows run from 4 to row - 1, saying so when there are none. */
static void table_end(xw *x, lxw_worksheet *ws, lxw_row_t row, int ncols, const char *empty_en,
                      const char *empty_cy)
{
    if (row == 4)
        xw_text(x, ws, row++, 0, xw_t(x, empty_en, empty_cy), x->note);
    xw_table(x, ws, 4, 1, row - 1, (lxw_col_t)(ncols - 1));
}

static const char *all_authorities(xw *x)
{
    return xw_t(x, "All authorities", "Pob awdurdod");
}

void xlsx_demand(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Demand", "Galw");
    xw_title(x, ws, xw_t(x, "Training demand", "Galw am hyfforddiant"),
             xw_t(x,
                  "Learners needing each topic, for all Wales, each region and each authority: "
                  "how they would learn, the level they need to reach, and the language "
                  "they prefer.",
                  "Dysgwyr sydd angen pob pwnc, ar gyfer Cymru gyfan, pob rhanbarth a phob "
                  "awdurdod: sut y bydden nhw'n dysgu, y lefel sydd angen iddyn nhw ei "
                  "chyrraedd, a'r iaith sy'n well ganddyn nhw."));
    const char *head[15] = {xw_t(x, "Topic", "Pwnc"),
                            xw_t(x, "Region", "Rhanbarth"),
                            xw_t(x, "Authority", "Awdurdod"),
                            xw_t(x, "Respondents", "Ymatebwyr"),
                            xw_t(x, "Learners needing training", "Dysgwyr sydd angen hyfforddiant"),
                            xw_t(x, "Self-directed", "Hunangyfeiriedig"),
                            xw_t(x, "In cohorts", "Mewn carfannau")};
    char *bands[TNA_BANDS] = {NULL};
    for (int b = 1; b < TNA_BANDS; b++) {
        const char *level = x->m->n_frameworks ? tna_label_level(x->l, 0, b) : "";
        bands[b] = xw_printf(x, "To %s", "I %s", level[0] ? level : "?");
        head[6 + b] = bands[b];
    }
    head[11] = xw_t(x, "Prefer Welsh", "Gwell ganddynt Gymraeg");
    head[12] = xw_t(x, "Prefer English", "Gwell ganddynt Saesneg");
    head[13] = xw_t(x, "Either language", "Y naill iaith neu'r llall");
    head[14] = xw_t(x, "Not stated", "Heb nodi");
    const double widths[] = {xw_width(x, 't'),
                             xw_width(x, 'g'),
                             xw_width(x, 'a'),
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12,
                             12};
    lxw_row_t row = table_head(x, ws, head, widths, 15, "tttnnnnnnnnnnnn");
    for (int b = 1; b < TNA_BANDS; b++)
        g_free(bands[b]);
    for (size_t i = 0; i < pl->n_demand && row < XW_ROW_LIMIT; i++, row++) {
        const tna_demand *d = &pl->demand[i];
        bool total = d->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text, *nf = total ? x->bold_integer : x->integer;
        xw_text(x, ws, row, 0, tna_label_topic(x->l, d->topic), tf);
        xw_text(x, ws, row, 1, tna_label_region(x->l, d->region), tf);
        xw_text(x, ws, row, 2, total ? all_authorities(x) : tna_label_authority(x->l, d->authority),
                tf);
        if (d->suppressed) {
            xw_marker(x, ws, row, 3);
            continue;
        }
        /* the people the learners are counted among: the topic's group of the same place */
        tna_set set = d->authority != TNA_NONE ? TNA_SET_AUTHORITY_TOPIC
                      : d->region != TNA_NONE  ? TNA_SET_REGION_TOPIC
                                               : TNA_SET_TOPIC;
        const tna_group *g =
            xw_find(x, set, d->authority, d->region, TNA_NONE, TNA_NONE, d->topic, TNA_NONE);
        int64_t v[] = {g ? g->respondents : 0,
                       d->learners,
                       d->self_directed,
                       d->cohort,
                       d->band[1],
                       d->band[2],
                       d->band[3],
                       d->band[4],
                       d->welsh,
                       d->english,
                       d->either,
                       d->unstated};
        for (size_t k = 0; k < G_N_ELEMENTS(v); k++)
            xw_int(x, ws, row, (lxw_col_t)(3 + k), v[k], nf);
    }
    table_end(x, ws, row, 15, "No learner needs training in this period.",
              "Nid oes angen hyfforddiant ar unrhyw ddysgwr yn y cyfnod hwn.");
}

void xlsx_commissioning(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    const tna_commissioning *c = &x->m->commissioning;
    lxw_worksheet *ws = xw_sheet(x, "Commissioning", "Comisiynu");
    char *cohort = xw_money(c->cost_per_cohort), *learner = xw_money(c->cost_per_elearning_learner);
    char *note = xw_printf(
        x,
        "Cohorts of %d to %d learners at %s each; self-directed learning at %s a learner "
        "(largest gap at most %d level); regions with fewer than %d learners are pooled "
        "across Wales. Lines by region: Cohorts sheet.",
        "Carfannau o %d i %d o ddysgwyr am %s yr un; dysgu hunangyfeiriedig am %s y dysgwr "
        "(bwlch mwyaf hyd at %d lefel); cyfunir rhanbarthau â llai na %d o ddysgwyr ar "
        "draws Cymru. Llinellau fesul rhanbarth: dalen Carfannau.",
        c->cohort_min, c->cohort_max, cohort, learner, c->elearning_max_gap, c->cohort_min);
    g_free(cohort);
    g_free(learner);
    xw_title(x, ws,
             xw_t(x, "Commissioning plan: cost and saving", "Cynllun comisiynu: cost ac arbediad"),
             note);
    g_free(note);
    const char *head[] = {
        xw_t(x, "Topic", "Pwnc"),
        xw_t(x, "Learners in cohorts", "Dysgwyr mewn carfannau"),
        xw_t(x, "Self-directed learners", "Dysgwyr hunangyfeiriedig"),
        xw_t(x, "Cohorts", "Carfannau"),
        xw_t(x, "Welsh-medium cohorts", "Carfannau cyfrwng Cymraeg"),
        xw_t(x, "Cohorts if each authority went alone",
             "Carfannau pe bai pob awdurdod ar ei ben ei hun"),
        xw_t(x, "Cost (pooled plan)", "Cost (cynllun cyfun)"),
        xw_t(x, "Cost if each authority went alone", "Cost pe bai pob awdurdod ar ei ben ei hun"),
        xw_t(x, "Saving from pooling", "Arbediad o gyfuno")};
    const double widths[] = {xw_width(x, 't'), 12, 13, 10, 12, 15, 13, 15, 13};
    lxw_row_t row = table_head(x, ws, head, widths, 9, "tnnnnnnnn");
    for (size_t i = 0; i < pl->n_totals && row < XW_ROW_LIMIT; i++, row++) {
        const tna_commissioning_total *t = &pl->totals[i];
        bool total = t->topic == TNA_NONE;
        lxw_format *nf = total ? x->bold_integer : x->integer,
                   *mf = total ? x->bold_money : x->money;
        xw_text(x, ws, row, 0, tna_label_topic(x->l, t->topic), total ? x->bold : x->text);
        if (t->suppressed) {
            xw_marker(x, ws, row, 1);
        } else {
            xw_int(x, ws, row, 1, t->cohort_learners, nf);
            xw_int(x, ws, row, 2, t->self_directed, nf);
            xw_number(x, ws, row, 6, t->cost, mf);
            xw_number(x, ws, row, 7, t->cost_alone, mf);
        }
        xw_int(x, ws, row, 3, t->cohorts, nf);
        xw_int(x, ws, row, 4, t->welsh_medium_cohorts, nf);
        xw_int(x, ws, row, 5, t->cohorts_alone, nf);
        xw_number(x, ws, row, 8, t->saving, mf);
    }
    table_end(x, ws, row, 9, "Nothing to commission in this period.",
              "Dim i'w gomisiynu yn y cyfnod hwn.");
    xlsx_chart_costs(x, ws, 3, 10);
}

void xlsx_cohorts(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Cohorts", "Carfannau");
    xw_title(x, ws,
             xw_t(x, "Cohorts by topic, region and language",
                  "Carfannau fesul pwnc, rhanbarth ac iaith"),
             xw_t(x,
                  "Each line of the plan: cohorts per region, or pooled across Wales, in Welsh "
                  "or English.",
                  "Pob llinell o'r cynllun: carfannau fesul rhanbarth, neu wedi'u cyfuno ar draws "
                  "Cymru, yn Gymraeg neu'n Saesneg."));
    const char *head[] = {xw_t(x, "Topic", "Pwnc"),        xw_t(x, "Region", "Rhanbarth"),
                          xw_t(x, "Medium", "Cyfrwng"),    xw_t(x, "Learners", "Dysgwyr"),
                          xw_t(x, "Cohorts", "Carfannau"), xw_t(x, "Cost", "Cost")};
    const double widths[] = {
        xw_width(x, 't'), xw_width(x, 'g') > 18 ? xw_width(x, 'g') : 18, 16, 11, 10, 12};
    lxw_row_t row = table_head(x, ws, head, widths, 6, "tttnnn");
    for (size_t i = 0; i < pl->n_cohorts && row < XW_ROW_LIMIT; i++, row++) {
        const tna_cohort_plan *c = &pl->cohorts[i];
        xw_text(x, ws, row, 0, tna_label_topic(x->l, c->topic), x->text);
        xw_text(x, ws, row, 1,
                c->region == TNA_NONE ? xw_t(x, "All-Wales pool", "Cronfa Cymru gyfan")
                                      : tna_label_region(x->l, c->region),
                x->text);
        xw_text(x, ws, row, 2,
                c->welsh_medium ? xw_t(x, "Welsh-medium", "Cyfrwng Cymraeg")
                                : xw_t(x, "English-medium", "Cyfrwng Saesneg"),
                x->text);
        if (c->suppressed)
            xw_marker(x, ws, row, 3);
        else
            xw_int(x, ws, row, 3, c->learners, x->integer);
        xw_int(x, ws, row, 4, c->cohorts, x->integer);
        xw_number(x, ws, row, 5, c->cost, x->money);
    }
    table_end(x, ws, row, 6, "No cohorts are needed in this period.",
              "Nid oes angen carfannau yn y cyfnod hwn.");
}

void xlsx_mentors(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Mentors", "Mentoriaid");
    xw_title(x, ws,
             xw_t(x, "Mentors and subject-matter leads beside demand",
                  "Mentoriaid ac arweinwyr pwnc ochr yn ochr â'r galw"),
             xw_t(x,
                  "Experts: staff at the top level in every skill of the topic they rated, the "
                  "internal supply of mentors.",
                  "Arbenigwyr: staff ar y lefel uchaf ym mhob sgil o'r pwnc a raddiwyd "
                  "ganddynt, y cyflenwad mewnol o fentoriaid."));
    const char *head[] = {xw_t(x, "Topic", "Pwnc"),
                          xw_t(x, "Region", "Rhanbarth"),
                          xw_t(x, "Respondents", "Ymatebwyr"),
                          xw_t(x, "Experts (potential mentors)", "Arbenigwyr (mentoriaid posibl)"),
                          xw_t(x, "Learners needing training", "Dysgwyr sydd angen hyfforddiant"),
                          xw_t(x, "Learners per expert", "Dysgwyr fesul arbenigwr")};
    const double widths[] = {xw_width(x, 't'), xw_width(x, 'g'), 12, 13, 13, 11};
    lxw_row_t row = table_head(x, ws, head, widths, 6, "ttnnnn");
    for (size_t i = 0; i < pl->n_mentors && row < XW_ROW_LIMIT; i++, row++) {
        const tna_mentors *mt = &pl->mentors[i];
        bool total = mt->region == TNA_NONE;
        lxw_format *nf = total ? x->bold_integer : x->integer;
        xw_text(x, ws, row, 0, tna_label_topic(x->l, mt->topic), total ? x->bold : x->text);
        xw_text(x, ws, row, 1, tna_label_region(x->l, mt->region), total ? x->bold : x->text);
        if (mt->suppressed) {
            xw_marker(x, ws, row, 2);
            continue;
        }
        xw_int(x, ws, row, 2, mt->respondents, nf);
        xw_int(x, ws, row, 3, mt->experts, nf);
        xw_int(x, ws, row, 4, mt->learners, nf);
        if (mt->experts > 0)
            xw_number(x, ws, row, 5, (double)mt->learners / (double)mt->experts,
                      total ? x->bold_gap : x->gap);
    }
    table_end(x, ws, row, 6, "No mentor figures for this period.",
              "Dim ffigurau mentoriaid ar gyfer y cyfnod hwn.");
}

void xlsx_trends(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Trends", "Tueddiadau");
    xw_title(x, ws, xw_t(x, "Trends by period", "Tueddiadau fesul cyfnod"),
             xw_t(x,
                  "All Wales, each authority and each topic in every period of the run; "
                  "changes are against the period before.",
                  "Cymru gyfan, pob awdurdod a phob pwnc ym mhob cyfnod; mae'r newidiadau o'u "
                  "cymharu â'r cyfnod blaenorol."));
    const char *head[] = {xw_t(x, "Authority", "Awdurdod"),
                          xw_t(x, "Topic", "Pwnc"),
                          xw_t(x, "Period", "Cyfnod"),
                          xw_t(x, "Respondents", "Ymatebwyr"),
                          xw_t(x, "Skills assessed", "Sgiliau a aseswyd"),
                          xw_t(x, "Mean gap", "Bwlch cymedrig"),
                          xw_t(x, "Share below target", "Cyfran islaw'r targed"),
                          xw_t(x, "Learners needing training", "Dysgwyr sydd angen hyfforddiant"),
                          xw_t(x, "Change in mean gap", "Newid yn y bwlch cymedrig"),
                          xw_t(x, "Change in share below target (points)",
                               "Newid yn y gyfran islaw'r targed (pwyntiau)"),
                          xw_t(x, "Change in learners needing training",
                               "Newid yn nifer y dysgwyr sydd angen hyfforddiant")};
    const double widths[] = {
        xw_width(x, 'a'), xw_width(x, 't'), 10, 12, 12, 10, 11, 12, 11, 14, 14};
    lxw_row_t row = table_head(x, ws, head, widths, 11, "tttnnnnnnnn");
    for (size_t i = 0; i < pl->n_trends; i++) {
        const tna_trend *t = &pl->trends[i];
        bool wales = t->authority == TNA_NONE && t->topic == TNA_NONE;
        lxw_format *tf = wales ? x->bold : x->text;
        for (size_t p = 0; p < x->r->n_periods && row < XW_ROW_LIMIT; p++, row++) {
            const tna_group *g = t->by_period[p], *before = p > 0 ? t->by_period[p - 1] : NULL;
            xw_text(x, ws, row, 0, tna_label_authority(x->l, t->authority), tf);
            xw_text(x, ws, row, 1, tna_label_topic(x->l, t->topic), tf);
            xw_text(x, ws, row, 2, x->r->periods[p].period, tf);
            if (g == NULL) {
                xw_int(x, ws, row, 3, 0, x->integer);
                continue;
            }
            if (g->suppressed) {
                xw_marker(x, ws, row, 3);
                continue;
            }
            xw_int(x, ws, row, 3, g->respondents, x->integer);
            xw_int(x, ws, row, 4, g->assessed, x->integer);
            xw_number(x, ws, row, 5, g->mean_gap, x->gap);
            xw_number(x, ws, row, 6, g->share_below, x->percent);
            xw_int(x, ws, row, 7, g->learners_needing, x->integer);
            if (before && !before->suppressed) {
                xw_number(x, ws, row, 8, g->mean_gap - before->mean_gap, x->change_gap);
                xw_number(x, ws, row, 9, g->share_below - before->share_below, x->change_percent);
                xw_int(x, ws, row, 10, g->learners_needing - before->learners_needing,
                       x->change_integer);
            }
        }
    }
    table_end(x, ws, row, 11, "No trends.", "Dim tueddiadau.");
    xlsx_chart_trend(x, ws, 3, 12);
}

void xlsx_barriers(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Barriers", "Rhwystrau");
    xw_title(x, ws, xw_t(x, "Barriers to learning", "Rhwystrau rhag dysgu"),
             xw_t(x,
                  "Share of the staff who answered the barriers question that cited each "
                  "barrier, for all authorities and for each.",
                  "Cyfran y staff a atebodd y cwestiwn am rwystrau a nododd bob rhwystr, ar gyfer "
                  "pob awdurdod gyda'i gilydd ac ar wahân."));
    const char *head[] = {xw_t(x, "Barrier", "Rhwystr"), xw_t(x, "Authority", "Awdurdod"),
                          xw_t(x, "Respondents answering", "Ymatebwyr a atebodd"),
                          xw_t(x, "Citing it", "Yn ei nodi"), xw_t(x, "Share", "Cyfran")};
    const double widths[] = {40, xw_width(x, 'a'), 12, 10, 9};
    lxw_row_t row = table_head(x, ws, head, widths, 5, "ttnnn");
    for (size_t i = 0; i < pl->n_barriers && row < XW_ROW_LIMIT; i++, row++) {
        const tna_barrier_share *b = &pl->barriers[i];
        bool total = b->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text;
        xw_text(x, ws, row, 0, tna_label_barrier(x->l, b->barrier), tf);
        xw_text(x, ws, row, 1, total ? all_authorities(x) : tna_label_authority(x->l, b->authority),
                tf);
        if (b->suppressed) {
            xw_marker(x, ws, row, 2);
            continue;
        }
        xw_int(x, ws, row, 2, b->respondents, total ? x->bold_integer : x->integer);
        xw_int(x, ws, row, 3, b->citing, total ? x->bold_integer : x->integer);
        xw_number(x, ws, row, 4, b->share, total ? x->bold_percent : x->percent);
    }
    table_end(x, ws, row, 5, "No source asks about barriers, or nobody answered.",
              "Nid oes ffynhonnell yn holi am rwystrau, neu ni atebodd neb.");
    xlsx_chart_barriers(x, ws, 3, 6);
}

void xlsx_raters(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = xw_sheet(x, "Self vs manager", "Hunan a rheolwr");
    xw_title(x, ws,
             xw_t(x, "Self-assessment against manager ratings",
                  "Hunanasesu o'i gymharu â graddau rheolwyr"),
             xw_t(x,
                  "Where a person and their manager rated the same skill: the mean of self "
                  "minus manager, in levels (above 0: people rate themselves higher).",
                  "Lle graddiodd person a'i reolwr yr un sgil: cymedr hunan llai rheolwr, mewn "
                  "lefelau (uwchlaw 0: mae pobl yn graddio eu hunain yn uwch)."));
    const char *head[] = {xw_t(x, "Topic", "Pwnc"), xw_t(x, "Authority", "Awdurdod"),
                          xw_t(x, "Respondents", "Ymatebwyr"),
                          xw_t(x, "Skills rated by both", "Sgiliau a raddiwyd gan y ddau"),
                          xw_t(x, "Self minus manager", "Hunan llai rheolwr")};
    const double widths[] = {xw_width(x, 't'), xw_width(x, 'a'), 12, 12, 12};
    lxw_row_t row = table_head(x, ws, head, widths, 5, "ttnnn");
    for (size_t i = 0; i < pl->n_raters && row < XW_ROW_LIMIT; i++, row++) {
        const tna_rater_gap *g = &pl->raters[i];
        bool total = g->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text;
        xw_text(x, ws, row, 0, tna_label_topic(x->l, g->topic), tf);
        xw_text(x, ws, row, 1, total ? all_authorities(x) : tna_label_authority(x->l, g->authority),
                tf);
        if (g->suppressed) {
            xw_marker(x, ws, row, 2);
            continue;
        }
        xw_int(x, ws, row, 2, g->respondents, x->integer);
        xw_int(x, ws, row, 3, g->pairs, x->integer);
        xw_number(x, ws, row, 4, g->mean_difference, x->change_gap);
    }
    table_end(x, ws, row, 5, "No skill was rated by both a person and their manager.",
              "Ni raddiwyd unrhyw sgil gan berson a'i reolwr.");
}
