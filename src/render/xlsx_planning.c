/*
 * xlsx_planning.c - the sheets of what the figures mean for training (planning.h): Demand,
 * Commissioning, Cohorts, Mentors, Trends, Barriers, Self vs manager.
 *
 * Each is one table in the order the analysis gives its rows (topic-major, all Wales before
 * regions before authorities, model order within), with a frozen header and a filter. A row
 * the analysis hides shows its marker (suppressed or protected) in its first count and
 * nothing else that could reveal it; the figures it keeps on purpose (cohort counts,
 * savings) are shown. Money columns exist only when the configuration sets the costs;
 * without them the plan shows cohorts and places, and a note names the keys to add. Every
 * array may be empty: the sheet then has its header and a line saying there is nothing.
 */
#include <math.h>

#include "numbers.h"
#include "xlsx_write.h"

/* A header on row 3, then rows from 4: returns the first data row. */
static lxw_row_t table_head(xw *x, lxw_worksheet *ws, const char *const *head, const double *widths,
                            int n, const char *kinds)
{
    tna_xw_header(x, ws, 3, head, n, widths, kinds);
    return 4;
}

/* Closes a table whose rows run from 4 to row - 1, saying so when there are none. */
static void table_end(xw *x, lxw_worksheet *ws, lxw_row_t row, int ncols, tna_term empty)
{
    if (row == 4)
        tna_xw_text(x, ws, row++, 0, tna_xw_t(x, empty), x->note);
    tna_xw_table(x, ws, 4, 1, row - 1, (lxw_col_t)(ncols - 1));
}

/* The total over every authority: "All authorities", or "3 of 22 councils" when not all
 * answered. */
static const char *all_authorities(xw *x)
{
    if (tna_results_answered(x->r) < x->m->n_authorities)
        return tna_label_wales(x->l);
    return tna_xw_t(x, TERM_ALL_AUTHORITIES);
}

void tna_xlsx_demand(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_DEMAND);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_TRAINING_DEMAND),
             tna_label_termf(x->l, TERM_DEMAND_NOTE, tna_label_wales_lower(x->l)));
    const char *head[15] = {tna_xw_t(x, TERM_TOPIC),
                            tna_xw_t(x, TERM_REGION),
                            tna_xw_t(x, TERM_AUTHORITY),
                            tna_xw_t(x, TERM_RESPONDENTS),
                            tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING),
                            tna_xw_t(x, TERM_SELF_DIRECTED),
                            tna_xw_t(x, TERM_IN_COHORTS)};
    for (int b = 1; b < TNA_BANDS; b++) {
        const char *level = x->m->n_frameworks ? tna_label_level(x->l, 0, b) : "";
        head[6 + b] = tna_label_termf(x->l, TERM_TO_LEVEL, level[0] ? level : "?");
    }
    head[11] = tna_xw_t(x, TERM_PREFER_WELSH);
    head[12] = tna_xw_t(x, TERM_PREFER_ENGLISH);
    head[13] = tna_xw_t(x, TERM_EITHER_LANGUAGE);
    head[14] = tna_xw_t(x, TERM_NOT_STATED);
    const double widths[] = {tna_xw_width(x, 't'),
                             tna_xw_width(x, 'g'),
                             tna_xw_width(x, 'a'),
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
    for (size_t i = 0; i < pl->n_demand && row < XW_ROW_LIMIT; i++, row++) {
        const tna_demand *d = &pl->demand[i];
        if (!tna_xw_shows(x, d->authority, d->region)) {
            row--; /* a pack leaves the row out: undo the loop's step */
            continue;
        }
        bool total = d->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text, *nf = total ? x->bold_integer : x->integer;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, d->topic), tf);
        tna_xw_text(x, ws, row, 1, tna_label_region(x->l, d->region), tf);
        tna_xw_text(x, ws, row, 2, total ? all_authorities(x) : tna_label_authority(x->l, d->authority),
                tf);
        if (d->hidden) {
            tna_xw_hidden(x, ws, row, 3, d->hidden);
            continue;
        }
        /* the people the learners are counted among: the topic's group of the same place */
        tna_set set = d->authority != TNA_NONE ? TNA_SET_AUTHORITY_TOPIC
                      : d->region != TNA_NONE  ? TNA_SET_REGION_TOPIC
                                               : TNA_SET_TOPIC;
        const tna_group *g = tna_results_find(x->cur, set,
                                              (tna_dims){.authority = tna_is(d->authority),
                                                         .region = tna_is(d->region),
                                                         .topic = tna_is(d->topic)});
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
            tna_xw_int(x, ws, row, (lxw_col_t)(3 + k), v[k], nf);
    }
    table_end(x, ws, row, 15, TERM_NO_LEARNER_NEEDS_TRAINING);
}

void tna_xlsx_commissioning(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    const tna_commissioning *c = &x->m->commissioning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_COMMISSIONING);
    const char *note;
    if (x->costed) {
        char *cohort = tna_xw_money(c->cost_per_cohort),
             *learner = tna_xw_money(c->cost_per_elearning_learner);
        note = tna_label_termf(x->l, TERM_COMMISSIONING_NOTE, c->cohort_min, c->cohort_max, cohort,
                               learner, c->elearning_max_gap, c->cohort_min);
        g_free(cohort);
        g_free(learner);
    } else {
        note = tna_label_termf(x->l, TERM_COMMISSIONING_NOTE_UNCOSTED, c->cohort_min, c->cohort_max,
                               c->elearning_max_gap, c->cohort_min);
    }
    tna_xw_title(x, ws, tna_xw_t(x, TERM_COMMISSIONING_TITLE), note);
    if (!x->costed)
        tna_xw_text(x, ws, 2, 0, tna_xw_t(x, TERM_COSTS_NOT_SET), x->note);
    const char *head[] = {tna_xw_t(x, TERM_TOPIC),
                          tna_xw_t(x, TERM_LEARNERS_IN_COHORTS),
                          tna_xw_t(x, TERM_SELF_DIRECTED_LEARNERS),
                          tna_xw_t(x, TERM_COHORTS),
                          tna_xw_t(x, TERM_WELSH_MEDIUM_COHORTS),
                          tna_xw_t(x, TERM_PLACES_LINE),
                          tna_xw_t(x, TERM_COHORTS_IF_ALONE),
                          tna_xw_t(x, TERM_PLACES_IF_ALONE),
                          tna_xw_t(x, TERM_COST_POOLED_PLAN),
                          tna_xw_t(x, TERM_COST_IF_ALONE),
                          tna_xw_t(x, TERM_SAVING_FROM_POOLING)};
    const double widths[] = {tna_xw_width(x, 't'), 12, 13, 10, 12, 13, 15, 15, 13, 15, 13};
    int ncols = x->costed ? 11 : 8; /* the last three are money */
    lxw_row_t row = table_head(x, ws, head, widths, ncols, "tnnnnnnnnnn");
    for (size_t i = 0; i < pl->n_totals && row < XW_ROW_LIMIT; i++, row++) {
        const tna_commissioning_total *t = &pl->totals[i];
        bool total = t->topic == TNA_NONE;
        lxw_format *nf = total ? x->bold_integer : x->integer,
                   *mf = total ? x->bold_money : x->money;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, t->topic), total ? x->bold : x->text);
        if (t->hidden) {
            tna_xw_hidden(x, ws, row, 1, t->hidden);
        } else {
            tna_xw_int(x, ws, row, 1, t->cohort_learners, nf);
            tna_xw_int(x, ws, row, 2, t->self_directed, nf);
        }
        tna_xw_int(x, ws, row, 3, t->cohorts, nf);
        tna_xw_int(x, ws, row, 4, t->welsh_medium_cohorts, nf);
        tna_xw_int(x, ws, row, 6, t->cohorts_alone, nf);
        /* places are learners, and the money counts them: hidden with a hidden line (as the
         * CSV's cost_suppressed says), never shown as a zero */
        if (t->plan_protected) {
            tna_xw_hidden(x, ws, row, 5, TNA_PROTECTED);
        } else {
            tna_xw_int(x, ws, row, 5, t->places, nf);
            tna_xw_int(x, ws, row, 7, t->places_alone, nf);
        }
        if (!x->costed)
            continue;
        if (t->plan_protected) {
            tna_xw_hidden(x, ws, row, 8, TNA_PROTECTED);
        } else {
            if (!t->hidden) {
                tna_xw_number(x, ws, row, 8, t->cost, mf);
                tna_xw_number(x, ws, row, 9, t->cost_alone, mf);
            }
            tna_xw_number(x, ws, row, 10, t->saving, mf);
        }
    }
    table_end(x, ws, row, ncols, TERM_NOTHING_TO_COMMISSION);
    if (pl->n_totals > 1) /* below, after a blank row: floor and potential */
        tna_xlsx_welsh_medium(x, ws, row + 1);
    tna_xlsx_chart_costs(x, ws, 3, (lxw_col_t)(ncols + 1));
}

void tna_xlsx_cohorts(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_COHORTS);
    char *note = g_strdup_printf("%s %s", tna_xw_t(x, TERM_COHORTS_NOTE),
                                 tna_label_termf(x->l, TERM_OPEN_PLACES_NOTE,
                                                 x->m->commissioning.cohort_min));
    tna_xw_title(x, ws, tna_xw_t(x, TERM_COHORTS_TITLE), note);
    g_free(note);
    const char *head[] = {tna_xw_t(x, TERM_TOPIC),    tna_xw_t(x, TERM_REGION),
                          tna_xw_t(x, TERM_MEDIUM),   tna_xw_t(x, TERM_DELIVERY),
                          tna_xw_t(x, TERM_LEARNERS), tna_xw_t(x, TERM_COHORTS),
                          tna_xw_t(x, TERM_PLACES),   tna_xw_t(x, TERM_COST),
                          tna_xw_t(x, TERM_COST_PER_LEARNER)};
    const double widths[] = {tna_xw_width(x, 't'),
                             tna_xw_width(x, 'g') > 18 ? tna_xw_width(x, 'g') : 18,
                             16, 12, 11, 10, 10, 12, 13};
    int ncols = x->costed ? 9 : 7; /* the last two are money */
    lxw_row_t row = table_head(x, ws, head, widths, ncols, "ttttnnnnn");
    for (size_t i = 0; i < pl->n_cohorts && row < XW_ROW_LIMIT; i++, row++) {
        const tna_cohort_plan *c = &pl->cohorts[i];
        bool pool = c->region == TNA_NONE;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, c->topic), x->text);
        tna_xw_text(x, ws, row, 1,
                    pool ? tna_xw_t(x, TERM_ALL_WALES_POOL) : tna_label_region(x->l, c->region),
                    x->text);
        tna_xw_text(x, ws, row, 2,
                    tna_xw_t(x, c->welsh_medium ? TERM_WELSH_MEDIUM : TERM_ENGLISH_MEDIUM), x->text);
        /* a region's cohorts meet in the region; a pool of two or more regions is online */
        tna_xw_text(x, ws, row, 3, tna_xw_t(x, c->online ? TERM_ONLINE : TERM_IN_PERSON),
                    c->online ? x->bold : x->text);
        tna_xw_int(x, ws, row, 5, c->cohorts, x->integer);
        if (c->hidden) {
            tna_xw_hidden(x, ws, row, 4, c->hidden);
            tna_xw_hidden(x, ws, row, 6, c->hidden);
        } else {
            tna_xw_int(x, ws, row, 4, c->learners, x->integer);
            tna_xw_int(x, ws, row, 6, c->places, x->integer);
        }
        if (!x->costed)
            continue;
        if (c->hidden && c->cohorts == 0) /* a hidden line of places: its cost would tell */
            tna_xw_hidden(x, ws, row, 7, c->hidden);
        else
            tna_xw_number(x, ws, row, 7, c->cost, x->money);
        if (c->hidden)
            tna_xw_hidden(x, ws, row, 8, c->hidden);
        else
            tna_xw_number(x, ws, row, 8, tna_round_at(c->cost_per_learner, 2), x->money);
    }
    table_end(x, ws, row, ncols, TERM_NO_COHORTS_NEEDED);
}

void tna_xlsx_mentors(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_MENTORS);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_MENTORS_TITLE), tna_label_mentor_rule(x->l));
    const char *head[] = {tna_xw_t(x, TERM_TOPIC),
                          tna_xw_t(x, TERM_REGION),
                          tna_xw_t(x, TERM_RESPONDENTS),
                          tna_xw_t(x, TERM_EXPERTS_POTENTIAL_MENTORS),
                          tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING),
                          tna_xw_t(x, TERM_LEARNERS_PER_EXPERT)};
    const double widths[] = {tna_xw_width(x, 't'), tna_xw_width(x, 'g'), 12, 13, 13, 11};
    lxw_row_t row = table_head(x, ws, head, widths, 6, "ttnnnn");
    for (size_t i = 0; i < pl->n_mentors && row < XW_ROW_LIMIT; i++, row++) {
        const tna_mentors *mt = &pl->mentors[i];
        bool total = mt->region == TNA_NONE;
        lxw_format *nf = total ? x->bold_integer : x->integer;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, mt->topic), total ? x->bold : x->text);
        tna_xw_text(x, ws, row, 1, tna_label_region(x->l, mt->region), total ? x->bold : x->text);
        if (mt->hidden) {
            tna_xw_hidden(x, ws, row, 2, mt->hidden);
            continue;
        }
        tna_xw_int(x, ws, row, 2, mt->respondents, nf);
        tna_xw_int(x, ws, row, 3, mt->experts, nf);
        tna_xw_int(x, ws, row, 4, mt->learners, nf);
        if (mt->experts > 0)
            tna_xw_number(x, ws, row, 5, (double)mt->learners / (double)mt->experts,
                      total ? x->bold_gap : x->gap);
    }
    table_end(x, ws, row, 6, TERM_NO_MENTOR_FIGURES);
}

void tna_xlsx_trends(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_TRENDS);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_TRENDS_BY_PERIOD),
             tna_label_termf(x->l, TERM_TRENDS_NOTE, tna_label_wales(x->l)));
    const char *head[] = {tna_xw_t(x, TERM_AUTHORITY),
                          tna_xw_t(x, TERM_TOPIC),
                          tna_xw_t(x, TERM_PERIOD),
                          tna_xw_t(x, TERM_RESPONDENTS),
                          tna_xw_t(x, TERM_SKILLS_ASSESSED),
                          tna_xw_t(x, TERM_MEAN_GAP),
                          tna_xw_t(x, TERM_SHARE_BELOW_TARGET),
                          tna_xw_t(x, TERM_LEARNERS_NEEDING_TRAINING),
                          tna_xw_t(x, TERM_CHANGE_IN_MEAN_GAP),
                          tna_xw_t(x, TERM_CHANGE_IN_SHARE_BELOW),
                          tna_xw_t(x, TERM_CHANGE_IN_LEARNERS_NEEDING)};
    const double widths[] = {
        tna_xw_width(x, 'a'), tna_xw_width(x, 't'), 10, 12, 12, 10, 11, 12, 11, 14, 14};
    lxw_row_t row = table_head(x, ws, head, widths, 11, "tttnnnnnnnn");
    for (size_t i = 0; i < pl->n_trends; i++) {
        const tna_trend *t = &pl->trends[i];
        if (!tna_xw_shows(x, t->authority, TNA_NONE))
            continue;
        bool wales = t->authority == TNA_NONE && t->topic == TNA_NONE;
        lxw_format *tf = wales ? x->bold : x->text;
        for (size_t p = 0; p < x->r->n_periods && row < XW_ROW_LIMIT; p++, row++) {
            const tna_group *g = t->by_period[p], *before = p > 0 ? t->by_period[p - 1] : NULL;
            tna_xw_text(x, ws, row, 0, tna_label_authority(x->l, t->authority), tf);
            tna_xw_text(x, ws, row, 1, tna_label_topic(x->l, t->topic), tf);
            tna_xw_text(x, ws, row, 2, x->r->periods[p].period, tf);
            if (g == NULL) { /* nobody in that period: the CSV's row of zeros, no means */
                tna_xw_int(x, ws, row, 3, 0, x->integer);
                tna_xw_int(x, ws, row, 4, 0, x->integer);
                tna_xw_int(x, ws, row, 7, 0, x->integer);
                continue;
            }
            if (g->hidden) {
                tna_xw_hidden(x, ws, row, 3, g->hidden);
                continue;
            }
            tna_xw_int(x, ws, row, 3, g->respondents, x->integer);
            tna_xw_int(x, ws, row, 4, g->assessed, x->integer);
            tna_xw_number(x, ws, row, 5, g->mean_gap, x->gap);
            tna_xw_number(x, ws, row, 6, g->share_below, x->percent);
            tna_xw_int(x, ws, row, 7, g->learners_needing, x->integer);
            if (before && !before->hidden) {
                tna_xw_number(x, ws, row, 8, g->mean_gap - before->mean_gap, x->change_gap);
                tna_xw_number(x, ws, row, 9, g->share_below - before->share_below, x->change_percent);
                tna_xw_int(x, ws, row, 10, g->learners_needing - before->learners_needing,
                       x->change_integer);
            }
        }
    }
    table_end(x, ws, row, 11, TERM_NO_TRENDS);
    tna_xlsx_chart_trend(x, ws, 3, 12);
}

void tna_xlsx_barriers(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_BARRIERS);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_BARRIERS_TO_LEARNING), tna_xw_t(x, TERM_BARRIERS_NOTE));
    const char *head[] = {tna_xw_t(x, TERM_BARRIER), tna_xw_t(x, TERM_AUTHORITY),
                          tna_xw_t(x, TERM_RESPONDENTS_ANSWERING), tna_xw_t(x, TERM_CITING_IT),
                          tna_xw_t(x, TERM_SHARE)};
    const double widths[] = {40, tna_xw_width(x, 'a'), 12, 10, 9};
    lxw_row_t row = table_head(x, ws, head, widths, 5, "ttnnn");
    for (size_t i = 0; i < pl->n_barriers && row < XW_ROW_LIMIT; i++, row++) {
        const tna_barrier_share *b = &pl->barriers[i];
        if (!tna_xw_shows(x, b->authority, TNA_NONE)) {
            row--; /* a pack leaves the row out: undo the loop's step */
            continue;
        }
        bool total = b->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text;
        tna_xw_text(x, ws, row, 0, tna_label_barrier(x->l, b->barrier), tf);
        tna_xw_text(x, ws, row, 1, total ? all_authorities(x) : tna_label_authority(x->l, b->authority),
                tf);
        if (b->hidden) {
            tna_xw_hidden(x, ws, row, 2, b->hidden);
            continue;
        }
        tna_xw_int(x, ws, row, 2, b->respondents, total ? x->bold_integer : x->integer);
        tna_xw_int(x, ws, row, 3, b->citing, total ? x->bold_integer : x->integer);
        tna_xw_number(x, ws, row, 4, b->share, total ? x->bold_percent : x->percent);
    }
    table_end(x, ws, row, 5, TERM_NO_BARRIERS_ANSWERED);
    tna_xlsx_chart_barriers(x, ws, 3, 6);
}

void tna_xlsx_raters(xw *x)
{
    const tna_planning *pl = &x->r->planning;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_SELF_VS_MANAGER);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_RATERS_TITLE), tna_xw_t(x, TERM_RATERS_NOTE));
    const char *head[] = {tna_xw_t(x, TERM_TOPIC), tna_xw_t(x, TERM_AUTHORITY), tna_xw_t(x, TERM_RESPONDENTS),
                          tna_xw_t(x, TERM_SKILLS_RATED_BY_BOTH), tna_xw_t(x, TERM_SELF_MINUS_MANAGER)};
    const double widths[] = {tna_xw_width(x, 't'), tna_xw_width(x, 'a'), 12, 12, 12};
    lxw_row_t row = table_head(x, ws, head, widths, 5, "ttnnn");
    for (size_t i = 0; i < pl->n_raters && row < XW_ROW_LIMIT; i++, row++) {
        const tna_rater_gap *g = &pl->raters[i];
        if (!tna_xw_shows(x, g->authority, TNA_NONE)) {
            row--; /* a pack leaves the row out: undo the loop's step */
            continue;
        }
        bool total = g->authority == TNA_NONE;
        lxw_format *tf = total ? x->bold : x->text;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, g->topic), tf);
        tna_xw_text(x, ws, row, 1, total ? all_authorities(x) : tna_label_authority(x->l, g->authority),
                tf);
        if (g->hidden) {
            tna_xw_hidden(x, ws, row, 2, g->hidden);
            continue;
        }
        tna_xw_int(x, ws, row, 2, g->respondents, x->integer);
        tna_xw_int(x, ws, row, 3, g->pairs, x->integer);
        tna_xw_number(x, ws, row, 4, g->mean_difference, x->change_gap);
    }
    table_end(x, ws, row, 5, TERM_NO_RATER_PAIRS);
}
