/*
 * test_planning.c - demand, commissioning, mentors, barriers, raters and trends, from
 * configuration through tna_analyse() and the CSV writers.
 *
 * The cases live in tests/cases/planning/ and reuse the tiny framework and roles of
 * tests/cases/analysis (topics t1 = {s1, s2} and t2 = {s3, s4}; role r1 targets s1 = s2 = 2,
 * s3 = 3, s4 none; role r2 targets s1 = 4), with five authorities in three regions (North:
 * a1, a2; South: a3, a4; West: a5):
 *
 *   plan     64 staff, no suppression: the demand split at exactly elearning_max_gap, bands,
 *            language, pooling under cohort_min, Welsh-medium lines, 16 and 17 learners
 *            against cohort_max 16, cost against going alone, experts, raters
 *   privacy  16 staff with groups of at least 3: suppressed authorities and regions in every
 *            planning output, secondary suppression of barriers; whole files compared
 *   tiny     3 staff under a threshold of 4: only cohort counts and the saving show
 *   trends   two periods, a3 missing from the first; the whole trends file compared
 *
 * The expected figures are worked out by hand in the comments beside them. Last, the whole
 * pipeline runs on the shipped inputs/tna.yaml and every planning CSV is checked for the
 * privacy rule: no shown row under the threshold, nothing in a suppressed row, no total
 * shown beside exactly one hidden part (or hidden beside parts that are all shown), and
 * the same figures and flags as the summary where they overlap.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pipeline.h"
#include "tna/analysis.h"
#include "tna/config.h"
#include "tna/dq_log.h"
#include "tna/ingest.h"
#include "tna/outputs.h"
#include "tna/render.h"

#define CASES "tests/cases/planning/"

static char *tmp_root;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

/* Loads, ingests and analyses a configuration that must work; a threshold k > 0 replaces
 * the configuration's privacy.min_group_size. */
static bool run_case_k(const char *config, int k, run *r)
{
    return run_pipeline(config, k, true, r);
}

static bool run_case(const char *config, run *r)
{
    return run_case_k(config, 0, r);
}

/* Writes the CSV outputs of a run into a new directory under tmp_root; caller frees. */
static char *render(const run *r, const char *name)
{
    char *dir = g_build_filename(tmp_root, name, NULL);
    tna_outputs *out = tna_outputs_new(dir);
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_render_csv(r->res, tna_dq_log_of(r->ds), out, &err);
    if (st == TNA_OK)
        st = tna_outputs_commit(out, &err);
    CHECK_INT(st, TNA_OK);
    if (st != TNA_OK) {
        char buf[2048];
        tna_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "  render %s: %s\n", name, buf);
    }
    tna_outputs_free(out);
    return dir;
}

static char *slurp(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        text = NULL;
    g_free(path);
    return text;
}

/* A file of the output directory must equal an expected file byte for byte. */
static void check_same_file(const char *dir, const char *name, const char *expected_path)
{
    char *got = slurp(dir, name), *want = NULL;
    CHECK(got != NULL);
    CHECK(g_file_get_contents(expected_path, &want, NULL, NULL));
    if (got != NULL && want != NULL && strcmp(got, want) != 0) {
        CHECK_STR(got, want);
        fprintf(stderr, "  %s differs from %s\n", name, expected_path);
    }
    g_free(got);
    g_free(want);
}

static uint32_t topic(const run *r, const char *id)
{
    return tna_model_find_topic(r->m, id);
}

static uint32_t authority(const run *r, const char *id)
{
    for (uint32_t i = 0; i < r->m->n_authorities; i++)
        if (strcmp(r->m->authorities[i].id, id) == 0)
            return i;
    return TNA_NONE;
}

static uint32_t region(const run *r, const char *name)
{
    for (uint32_t i = 0; i < r->m->n_regions; i++)
        if (strcmp(r->m->regions[i].name, name) == 0)
            return i;
    return TNA_NONE;
}

/* The demand row of a topic for all Wales (region and authority NULL), a region or an
 * authority; NULL when there is none. */
static const tna_demand *demand(const run *r, const char *t, const char *reg, const char *a)
{
    uint32_t ti = topic(r, t), ri = reg ? region(r, reg) : TNA_NONE;
    uint32_t ai = a ? authority(r, a) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *d = &pl->demand[i];
        if (d->topic == ti && d->authority == ai && (a != NULL || d->region == ri))
            return d;
    }
    return NULL;
}

static const tna_cohort_plan *line(const run *r, const char *t, const char *reg, bool welsh)
{
    uint32_t ti = topic(r, t), ri = reg ? region(r, reg) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_cohorts; i++)
        if (pl->cohorts[i].topic == ti && pl->cohorts[i].region == ri &&
            pl->cohorts[i].welsh_medium == welsh)
            return &pl->cohorts[i];
    return NULL;
}

static const tna_commissioning_total *total(const run *r, const char *t)
{
    uint32_t ti = t ? topic(r, t) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_totals; i++)
        if (pl->totals[i].topic == ti)
            return &pl->totals[i];
    return NULL;
}

static const tna_mentors *mentors(const run *r, const char *t, const char *reg)
{
    uint32_t ti = topic(r, t), ri = reg ? region(r, reg) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_mentors; i++)
        if (pl->mentors[i].topic == ti && pl->mentors[i].region == ri)
            return &pl->mentors[i];
    return NULL;
}

static const tna_rater_gap *rater(const run *r, const char *t, const char *a)
{
    uint32_t ti = t ? topic(r, t) : TNA_NONE, ai = a ? authority(r, a) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_raters; i++)
        if (pl->raters[i].topic == ti && pl->raters[i].authority == ai)
            return &pl->raters[i];
    return NULL;
}

static const tna_barrier_share *barrier(const run *r, const char *id, const char *a)
{
    uint32_t ai = a ? authority(r, a) : TNA_NONE;
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_barriers; i++)
        if (strcmp(r->m->barriers[pl->barriers[i].barrier].id, id) == 0 &&
            pl->barriers[i].authority == ai)
            return &pl->barriers[i];
    return NULL;
}

/* Checks a demand row's counts: learners, self-directed, cohort, bands 1..4, welsh,
 * english, either, unstated. */
static void check_demand(const tna_demand *d, const int64_t want[11], int line_no)
{
    CHECK(d != NULL);
    if (d == NULL)
        return;
    const int64_t got[11] = {d->learners, d->self_directed, d->cohort,  d->band[1],
                             d->band[2],  d->band[3],       d->band[4], d->welsh,
                             d->english,  d->either,        d->unstated};
    for (int i = 0; i < 11; i++)
        if (got[i] != want[i]) {
            CHECK_INT(got[i], want[i]);
            fprintf(stderr, "  (demand row checked at line %d, figure %d)\n", line_no, i);
        }
    CHECK(d->learners == d->self_directed + d->cohort);
    CHECK(d->learners == d->welsh + d->english + d->either + d->unstated);
}

#define CHECK_DEMAND(d, ...) check_demand((d), (const int64_t[11]){__VA_ARGS__}, __LINE__)

static void check_line(const tna_cohort_plan *c, tna_hidden hidden, int64_t learners,
                       int64_t cohorts, double cost)
{
    CHECK(c != NULL);
    if (c == NULL)
        return;
    CHECK_INT(c->hidden, hidden);
    CHECK_INT(c->learners, learners);
    CHECK_INT(c->cohorts, cohorts);
    CHECK_NEAR(c->cost, cost, 1e-9);
}

/* A line's places (open places bought instead of a cohort), its online flag and its cost per
 * learner. */
static void check_places(const tna_cohort_plan *c, int64_t places, bool online,
                         double cost_per_learner)
{
    if (c == NULL)
        return;
    CHECK_INT(c->places, places);
    CHECK_INT(c->online, online);
    CHECK_NEAR(c->cost_per_learner, cost_per_learner, 1e-9);
}

/* A total's places, pooled and alone, and whether they (and the money) are protected. */
static void check_total_places(const tna_commissioning_total *t, int64_t places,
                               int64_t places_alone, bool plan_protected)
{
    if (t == NULL)
        return;
    CHECK_INT(t->places, places);
    CHECK_INT(t->places_alone, places_alone);
    CHECK_INT(t->plan_protected, plan_protected);
}

static void check_total(const tna_commissioning_total *t, tna_hidden hidden, int64_t learners,
                        int64_t self, int64_t cohorts, int64_t welsh, int64_t alone,
                        double cost, double cost_alone, double saving)
{
    CHECK(t != NULL);
    if (t == NULL)
        return;
    CHECK_INT(t->hidden, hidden);
    CHECK_INT(t->cohort_learners, learners);
    CHECK_INT(t->self_directed, self);
    CHECK_INT(t->cohorts, cohorts);
    CHECK_INT(t->welsh_medium_cohorts, welsh);
    CHECK_INT(t->cohorts_alone, alone);
    CHECK_NEAR(t->cost, cost, 1e-9);
    CHECK_NEAR(t->cost_alone, cost_alone, 1e-9);
    CHECK_NEAR(t->saving, saving, 1e-9);
}

static void check_mentors(const tna_mentors *x, tna_hidden hidden, int64_t respondents,
                          int64_t experts, int64_t learners)
{
    CHECK(x != NULL);
    if (x == NULL)
        return;
    CHECK_INT(x->hidden, hidden);
    CHECK_INT(x->respondents, respondents);
    CHECK_INT(x->experts, experts);
    CHECK_INT(x->learners, learners);
}

static void check_rater(const tna_rater_gap *g, int64_t respondents, int64_t pairs, double mean)
{
    CHECK(g != NULL);
    if (g == NULL)
        return;
    CHECK(!g->hidden);
    CHECK_INT(g->respondents, respondents);
    CHECK_INT(g->pairs, pairs);
    CHECK_NEAR(g->mean_difference, mean, 1e-12);
}

/* Every demand row agrees with its group: same suppression, learners = learners_needing. */
static void check_demand_follows_groups(const run *r)
{
    const tna_period_figures *f = &r->res->periods[r->res->n_periods - 1];
    const tna_planning *pl = &r->res->planning;
    for (size_t i = 0; i < pl->n_demand; i++) {
        const tna_demand *d = &pl->demand[i];
        tna_set set = d->authority != TNA_NONE ? TNA_SET_AUTHORITY_TOPIC
                      : d->region != TNA_NONE  ? TNA_SET_REGION_TOPIC
                                               : TNA_SET_TOPIC;
        const tna_group *g = tna_results_find(f, set,
                                              (tna_dims){.authority = tna_is(d->authority),
                                                         .region = tna_is(d->region),
                                                         .topic = tna_is(d->topic)});
        CHECK(g != NULL);
        if (g == NULL)
            continue;
        CHECK_INT(d->hidden, g->hidden);
        CHECK_INT(d->learners, g->learners_needing);
        if (d->hidden)
            CHECK(d->learners == 0 && d->self_directed == 0 && d->cohort == 0 &&
                  d->welsh == 0 && d->english == 0 && d->either == 0 && d->unstated == 0 &&
                  d->band[1] + d->band[2] + d->band[3] + d->band[4] == 0);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* plan: demand                                                                                */

static void test_demand(void)
{
    run r;
    if (!run_case(CASES "plan/tna.yaml", &r))
        return;
    CHECK_INT(tna_dataset_problems(r.ds), 0);
    /* t1 (target 2 in s1 and s2 for r1): "None,None" is a gap of 2 in both, a cohort learner;
     * "Awareness,Working" a largest gap of exactly 1 = elearning_max_gap, self-directed.
     * a1: 9 English-medium cohort (5 English, 2 either, 2 unstated), 2 Welsh cohort (one as
     *     "Cymraeg"), 3 self-directed (1 Welsh, 2 English), all band 2 (to Working). */
    CHECK_DEMAND(demand(&r, "t1", NULL, "a1"), 14, 3, 11, 0, 14, 0, 0, 3, 7, 2, 2);
    /* a2: 8 English and 1 Welsh cohort; its experts need nothing. */
    CHECK_DEMAND(demand(&r, "t1", NULL, "a2"), 9, 0, 9, 0, 9, 0, 0, 1, 8, 0, 0);
    CHECK_DEMAND(demand(&r, "t1", NULL, "a3"), 18, 0, 18, 0, 18, 0, 0, 8, 10, 0, 0);
    CHECK_DEMAND(demand(&r, "t1", NULL, "a4"), 6, 0, 6, 0, 6, 0, 0, 0, 3, 3, 0);
    /* a5: 4 English + 2 Welsh r1 cohort (band 2); two r2 (target 4 in s1): "None" a gap of
     * 4, cohort, and "Practitioner" a gap of 1, self-directed, both band 4 (to Expert). */
    CHECK_DEMAND(demand(&r, "t1", NULL, "a5"), 8, 1, 7, 0, 6, 0, 2, 2, 6, 0, 0);
    /* North = a1 + a2; all Wales = everyone. */
    CHECK_DEMAND(demand(&r, "t1", "North", NULL), 23, 3, 20, 0, 23, 0, 0, 4, 15, 2, 2);
    CHECK_DEMAND(demand(&r, "t1", "South", NULL), 24, 0, 24, 0, 24, 0, 0, 8, 13, 3, 0);
    CHECK_DEMAND(demand(&r, "t1", NULL, NULL), 55, 4, 51, 0, 53, 0, 2, 14, 34, 5, 2);
    /* t2 (target 3 in s3): one a1 "None" (gap 3, cohort) and one a1 "Working" (gap 1,
     * self-directed, Welsh), both band 3 (to Practitioner); everyone else is at target. */
    CHECK_DEMAND(demand(&r, "t2", NULL, "a1"), 2, 1, 1, 0, 0, 2, 0, 1, 1, 0, 0);
    CHECK_DEMAND(demand(&r, "t2", NULL, "a2"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CHECK_DEMAND(demand(&r, "t2", NULL, NULL), 2, 1, 1, 0, 0, 2, 0, 1, 1, 0, 0);
    /* An authority row names its region. */
    const tna_demand *d = demand(&r, "t1", NULL, "a3");
    CHECK(d != NULL && d->region == region(&r, "South"));
    /* Order: per topic, all Wales, the regions, the authorities. */
    const tna_planning *pl = &r.res->planning;
    CHECK_INT(pl->n_demand, 2 * (1 + 3 + 5));
    if (pl->n_demand == 18) {
        CHECK(pl->demand[0].topic == 0 && pl->demand[0].region == TNA_NONE &&
              pl->demand[0].authority == TNA_NONE);
        CHECK(pl->demand[1].region == 0 && pl->demand[1].authority == TNA_NONE);
        CHECK(pl->demand[4].authority == 0 && pl->demand[8].authority == 4);
        CHECK(pl->demand[9].topic == 1);
    }
    check_demand_follows_groups(&r);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* plan: commissioning and mentors                                                             */

static void test_commissioning(void)
{
    run r;
    if (!run_case(CASES "plan/tna.yaml", &r))
        return;
    /* cohort_min 8, cohort_max 16, 1000 a cohort, 10 an e-learner, 300 an open place.
     * t1 English-medium cohort learners: North 9 + 8 = 17 -> 2 cohorts (1000 / 8.5 = 117.65
     * a learner); South 10 + 6 = 16 -> 1 cohort; West 5 < 8 -> pooled alone, and a pool of 5 is
     * under cohort_min too: 5 open places (1500), not a cohort. */
    check_line(line(&r, "t1", "North", false), TNA_SHOWN, 17, 2, 2000);
    check_places(line(&r, "t1", "North", false), 0, false, 2000.0 / 17);
    check_line(line(&r, "t1", "South", false), TNA_SHOWN, 16, 1, 1000);
    check_line(line(&r, "t1", NULL, false), TNA_SHOWN, 5, 0, 1500);
    check_places(line(&r, "t1", NULL, false), 5, false, 300);
    CHECK(line(&r, "t1", "West", false) == NULL);
    /* Welsh-medium, planned separately: South 8 = cohort_min -> its own cohort; North 2 + 1
     * = 3 and West 2 pool into 5, from two regions (online): 5 places. */
    check_line(line(&r, "t1", "South", true), TNA_SHOWN, 8, 1, 1000);
    check_line(line(&r, "t1", NULL, true), TNA_SHOWN, 5, 0, 1500);
    check_places(line(&r, "t1", NULL, true), 5, true, 300);
    CHECK(line(&r, "t1", "North", true) == NULL);
    CHECK(line(&r, "t1", "West", true) == NULL);
    /* t2: one English cohort learner in North, pooled: 1 place. */
    check_line(line(&r, "t2", NULL, false), TNA_SHOWN, 1, 0, 300);
    check_places(line(&r, "t2", NULL, false), 1, false, 300);
    CHECK(line(&r, "t2", "North", false) == NULL);
    CHECK(line(&r, "t2", NULL, true) == NULL);
    /* Order: per topic, Welsh-medium lines (regions, pool), then English-medium. */
    const tna_planning *pl = &r.res->planning;
    CHECK_INT(pl->n_cohorts, 6);
    if (pl->n_cohorts == 6) {
        CHECK(pl->cohorts[0].welsh_medium && pl->cohorts[0].region == region(&r, "South"));
        CHECK(pl->cohorts[1].welsh_medium && pl->cohorts[1].region == TNA_NONE);
        CHECK(!pl->cohorts[2].welsh_medium && pl->cohorts[2].region == region(&r, "North"));
        CHECK(!pl->cohorts[4].welsh_medium && pl->cohorts[4].region == TNA_NONE);
        CHECK(pl->cohorts[5].topic == topic(&r, "t2"));
    }
    /* Totals. t1: 51 cohort learners in 2 + 1 + 1 = 4 cohorts (1 Welsh-medium) and 10 places;
     * 4 self-directed: 4 x 1000 + 10 x 300 + 4 x 10 = 7040. Alone, an authority with at least
     * 8 cohort learners of a medium runs ceil(learners / 16) cohorts, one with fewer buys a
     * place each: English a1 9, a2 8, a3 10 one cohort each, a4 6 and a5 5 places; Welsh a3 8
     * a cohort, a1 2, a2 1, a5 2 places. 4 cohorts and 16 places: 4000 + 4800 + 40 = 8840.
     * Saving 1800: pooling saves the (16 - 10) places the pools do not need. */
    check_total(total(&r, "t1"), TNA_SHOWN, 51, 4, 4, 1, 4, 7040, 8840, 1800);
    check_total_places(total(&r, "t1"), 10, 16, false);
    /* t2: 1 place, 1 self-directed; alone the same: 310 either way. */
    check_total(total(&r, "t2"), TNA_SHOWN, 1, 1, 0, 0, 0, 310, 310, 0);
    check_total_places(total(&r, "t2"), 1, 1, false);
    check_total(total(&r, NULL), TNA_SHOWN, 52, 5, 4, 1, 4, 7350, 9150, 1800);
    check_total_places(total(&r, NULL), 11, 17, false);
    CHECK(pl->costed && pl->places_priced);
    CHECK_INT(pl->n_totals, 3);
    if (pl->n_totals == 3)
        CHECK(pl->totals[2].topic == TNA_NONE);

    /* Experts in t1 (top level 4): in a2, two rated s1 and s2 Expert, one rated s1 Expert and
     * left s2 blank (every skill answered is at the top); one with s2 Practitioner is not.
     * Respondents: everyone who answered a t1 skill (a1 18, a2 13, a3 19, a4 6, a5 8). */
    check_mentors(mentors(&r, "t1", NULL), TNA_SHOWN, 64, 3, 55);
    check_mentors(mentors(&r, "t1", "North"), TNA_SHOWN, 31, 3, 23);
    check_mentors(mentors(&r, "t1", "South"), TNA_SHOWN, 25, 0, 24);
    check_mentors(mentors(&r, "t1", "West"), TNA_SHOWN, 8, 0, 8);
    check_mentors(mentors(&r, "t2", NULL), TNA_SHOWN, 64, 0, 2);
    check_mentors(mentors(&r, "t2", "North"), TNA_SHOWN, 31, 0, 2);
    CHECK_INT(pl->n_mentors, 8);
    run_free(&r);
}

/* The plan case with the open place priced at `price` (< 0: no price set) and a budget
 * (< 0: none). */
static bool run_priced(double price, double budget, run *r)
{
    tna_error err = TNA_ERROR_INIT;
    memset(r, 0, sizeof *r);
    tna_status st = tna_config_load(CASES "plan/tna.yaml", &r->m, &err);
    if (st == TNA_OK) {
        tna_commissioning *k = &r->m->commissioning;
        k->cost_per_open_place = price < 0 ? 0 : price;
        k->has_cost_per_open_place = price >= 0;
        k->budget = budget < 0 ? 0 : budget;
        k->has_budget = budget >= 0;
        st = tna_ingest(r->m, NULL, &r->ds, &err);
    }
    if (st == TNA_OK)
        st = tna_analyse(r->m, r->ds, &r->res, &err);
    CHECK_INT(st, TNA_OK);
    if (st != TNA_OK)
        run_free(r);
    return st == TNA_OK;
}

/* cost_per_open_place moves the saving by hand: in t1 the pooled plan buys 10 places and the
 * authorities alone 16 (test_commissioning), with the same 4 cohorts and 4 self-directed
 * learners either way, so the saving is (16 - 10) x the price: 1800 at 300, 3000 at 500, 0
 * when places are free. t2 buys 1 place either way: no saving at any price. Without a price
 * the plan's costs are not money at all. */
static void test_open_place_price(void)
{
    static const struct {
        double price, cost, alone, saving;
    } cases[] = {
        {500, 4000 + 10 * 500 + 40, 4000 + 16 * 500 + 40, 3000},
        {300, 7040, 8840, 1800},
        {0, 4040, 4040, 0},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        run r;
        if (!run_priced(cases[i].price, -1, &r))
            return;
        check_total(total(&r, "t1"), TNA_SHOWN, 51, 4, 4, 1, 4, cases[i].cost, cases[i].alone,
                    cases[i].saving);
        const tna_commissioning_total *t2 = total(&r, "t2");
        CHECK(t2 != NULL && t2->saving == 0 && t2->cost == cases[i].price + 10);
        check_line(line(&r, "t1", NULL, true), TNA_SHOWN, 5, 0, 5 * cases[i].price);
        run_free(&r);
    }
    run r;
    if (!run_priced(-1, -1, &r))
        return;
    const tna_planning *pl = &r.res->planning;
    CHECK(!pl->costed && !pl->places_priced);
    check_total(total(&r, "t1"), TNA_SHOWN, 51, 4, 4, 1, 4, 0, 0, 0);
    check_total_places(total(&r, "t1"), 10, 16, false); /* places are still counted */
    check_line(line(&r, "t1", "North", false), TNA_SHOWN, 17, 2, 0);
    run_free(&r);
}

static const tna_budget_line *budget_line(const run *r, const char *t, const char *reg,
                                          bool welsh, tna_budget_kind kind)
{
    uint32_t ti = topic(r, t), ri = reg ? region(r, reg) : TNA_NONE;
    const tna_budget_plan *bp = &r->res->planning.budget;
    for (size_t i = 0; i < bp->n_lines; i++) {
        const tna_budget_line *l = &bp->lines[i];
        if (l->topic == ti && l->region == ri && l->kind == kind &&
            (kind == TNA_BUDGET_SELF_DIRECTED || l->welsh_medium == welsh))
            return l;
    }
    CHECK(false);
    return NULL;
}

static void check_budget_line(const tna_budget_line *l, tna_hidden hidden, int64_t units,
                              int64_t funded, int64_t learners, int64_t reached, double gap,
                              double closed, double cost)
{
    if (l == NULL)
        return;
    CHECK_INT(l->hidden, hidden);
    CHECK_INT(l->units, units);
    CHECK_INT(l->funded, funded);
    CHECK_INT(l->learners, learners);
    CHECK_INT(l->reached, reached);
    CHECK_NEAR(l->gap, gap, 1e-9);
    CHECK_NEAR(l->gap_closed, closed, 1e-9);
    CHECK_NEAR(l->cost, cost, 1e-9);
}

/* The budget plan at its two ends, on the plan case: a budget above the plan's cost (7,350)
 * funds everything and spends exactly that, closing every learner's gap (t1's gap sum and
 * t2's); a budget of 0 funds nothing. Each topic's gap is its group's gap_sum. */
static void test_budget_ends(void)
{
    static const double budgets[] = {1000000, 0};
    for (size_t i = 0; i < 2; i++) {
        run r;
        if (!run_priced(300, budgets[i], &r))
            return;
        const tna_budget_plan *bp = &r.res->planning.budget;
        CHECK(bp->set);
        CHECK_NEAR(bp->spent, i == 0 ? 7350 : 0, 1e-9);
        double gap = 0;
        for (size_t k = 0; k < bp->n_topics; k++) {
            const tna_budget_topic *t = &bp->topics[k];
            CHECK(!t->hidden);
            if (t->topic == TNA_NONE) {
                CHECK_NEAR(t->gap, gap, 1e-9);
                CHECK_NEAR(t->cost, bp->spent, 1e-9);
                CHECK_INT(t->learners, 55 + 2); /* t1's and t2's learners */
            } else {
                const tna_group *g = tna_results_find(&r.res->periods[0], TNA_SET_TOPIC,
                                                      (tna_dims){.topic = tna_is(t->topic)});
                CHECK(g != NULL && t->gap == (double)g->gap_sum &&
                      t->learners == g->learners_needing);
                gap += t->gap;
            }
            CHECK_NEAR(t->gap_closed, i == 0 ? t->gap : 0, 1e-9);
            CHECK_NEAR(t->gap_left, i == 0 ? 0 : t->gap, 1e-9);
            CHECK_INT(t->reached, i == 0 ? t->learners : 0);
        }
        for (size_t k = 0; k < bp->n_lines; k++)
            CHECK_INT(bp->lines[k].funded, i == 0 ? bp->lines[k].units : 0);
        run_free(&r);
    }
}

/* What 2,500 buys in the privacy case (cohort_min 3, cohort_max 4; 1,000 a cohort, 400 a
 * place): North's English line (5 learners, gap 20, 2 cohorts of 3 and 2), South's English
 * cohort (protected line), the English pool's 1 place (West alone, suppressed) and the Welsh
 * pool's 1 place (1 learner, gap 4). A South cohort is funded, so t1's figures would give
 * its learners away: t1 is protected, and with it everything (the only topic). The funded
 * South cohort still shows (cohorts are always shown); the suppressed pool's place does not. */
static void test_budget_privacy(void)
{
    run r;
    if (!run_case(CASES "privacy/tna-budget.yaml", &r))
        return;
    const tna_budget_plan *bp = &r.res->planning.budget;
    check_budget_line(budget_line(&r, "t1", "North", false, TNA_BUDGET_COHORTS), TNA_SHOWN, 2,
                      1, 5, 3, 20, 12, 1000);
    check_budget_line(budget_line(&r, "t1", "South", false, TNA_BUDGET_COHORTS), TNA_PROTECTED,
                      1, 1, 0, 0, 0, 0, 1000);
    check_budget_line(budget_line(&r, "t1", NULL, false, TNA_BUDGET_PLACES), TNA_SUPPRESSED, 0,
                      0, 0, 0, 0, 0, 0);
    check_budget_line(budget_line(&r, "t1", NULL, true, TNA_BUDGET_PLACES), TNA_SHOWN, 1, 1, 1,
                      1, 4, 4, 400);
    CHECK_INT(bp->n_topics, 2);
    for (size_t k = 0; k < bp->n_topics; k++) {
        const tna_budget_topic *t = &bp->topics[k];
        CHECK_INT(t->hidden, TNA_PROTECTED);
        CHECK(t->learners == 0 && t->reached == 0 && t->gap == 0 && t->gap_closed == 0 &&
              t->cost == 0);
    }
    CHECK_NEAR(bp->spent, 0, 0); /* hidden with the total */
    CHECK_NEAR(bp->budget, 2500, 0);
    run_free(&r);
}

/* mentors: {min_level: 4, min_share: 0.5}: an expert is at Expert in at least half the
 * skills of the topic they answered. t1 (s1, s2): a1's p015-p018 (Working, Expert) and a2's
 * p028-p031 (Expert, Expert / Expert, blank / Expert, Practitioner) in the North: 8; a3's
 * p050 (manager's Working, Expert) in the South: 1; nobody in the West (p064 Practitioner,
 * Working). t2 (s3, s4): only p018, whose manager rated s4 Expert (Working, Expert): with
 * rater_policy self_only their own Working counts instead, and t2 has no expert. */
static void test_mentors_rule(void)
{
    run r;
    if (!run_case(CASES "plan/tna-mentors.yaml", &r))
        return;
    check_mentors(mentors(&r, "t1", NULL), false, 64, 9, 55);
    check_mentors(mentors(&r, "t1", "North"), false, 31, 8, 23);
    check_mentors(mentors(&r, "t1", "South"), false, 25, 1, 24);
    check_mentors(mentors(&r, "t1", "West"), false, 8, 0, 8);
    check_mentors(mentors(&r, "t2", NULL), false, 64, 1, 2);
    check_mentors(mentors(&r, "t2", "North"), false, 31, 1, 2);
    run_free(&r);
    if (!run_case(CASES "plan/tna-mentors-self.yaml", &r))
        return;
    check_mentors(mentors(&r, "t1", NULL), false, 64, 9, 55); /* p050's own s1 is Working too */
    check_mentors(mentors(&r, "t2", NULL), false, 64, 0, 2);
    check_mentors(mentors(&r, "t2", "North"), false, 31, 0, 2);
    run_free(&r);
}

/* The burden of a topic is its learners x its mean gap x its weight. Worked from the plan
 * case's answers (tests/cases/planning/plan/2026-Q3-survey.csv), not from tna's groups:
 * t1 (r1 targets s1 = s2 = 2; r2 targets s1 = 4): 50 r1 staff at None, None (4 levels, 2
 *   pairs each: 200 over 100 pairs); p012-p014 Awareness, Working (1 each: 3 over 6); p015-
 *   p018, p050 and a2's experts at or above target (0 over 8 + 4 + 1 + 2 + 2 = 17 pairs); r2's
 *   p063 None (4) and p064 Practitioner (1) in s1 alone (2 pairs). Gap 208 over 125 pairs:
 *   mean 1.664; learners 50 + 3 + 2 = 55.
 * t2 (r1 targets s3 = 3, s4 none; r2 nothing): 62 r1 pairs in s3, p017 None (3) and p018
 *   Working (1): mean 4/62; learners 2.
 * tna-priorities.yaml weighs the framework 1.5 and t2 2 (a topic's own weight wins): burdens
 * 55 x 1.664 x 1.5 = 137.28 and 2 x 4/62 x 2 = 16/62; with no priorities, weight 1. */
static void check_burden(const run *r, const char *t, double weight, int64_t learners,
                         double mean_gap, double burden)
{
    const tna_planning *pl = &r->res->planning;
    const tna_burden *b = NULL;
    for (size_t i = 0; i < pl->n_burden; i++)
        if (pl->burden[i].topic == topic(r, t))
            b = &pl->burden[i];
    CHECK(b != NULL);
    if (b == NULL)
        return;
    CHECK_INT(b->hidden, TNA_SHOWN);
    CHECK_NEAR(b->weight, weight, 1e-12);
    CHECK_INT(b->learners, learners);
    CHECK_NEAR(b->mean_gap, mean_gap, 1e-12);
    CHECK_NEAR(b->burden, burden, 1e-9);
}

static void test_burden(void)
{
    run r;
    if (!run_case(CASES "plan/tna-priorities.yaml", &r))
        return;
    CHECK_INT(r.res->planning.n_burden, 2);
    check_burden(&r, "t1", 1.5, 55, 1.664, 137.28);
    check_burden(&r, "t2", 2, 2, 4.0 / 62, 16.0 / 62);
    run_free(&r);
    if (!run_case(CASES "plan/tna.yaml", &r))
        return;
    check_burden(&r, "t1", 1, 55, 1.664, 91.52);
    check_burden(&r, "t2", 1, 2, 4.0 / 62, 8.0 / 62);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* plan: raters                                                                                */

static void test_raters(void)
{
    run r;
    if (!run_case(CASES "plan/tna.yaml", &r))
        return;
    /* Managers rated s4 for three a1 staff who rated themselves Working (2): Awareness (+1),
     * None (+2), Expert (-2); and s1 for one a3 person, Working as they said (0). */
    check_rater(rater(&r, "t2", "a1"), 3, 3, 1.0 / 3.0);
    check_rater(rater(&r, "t2", NULL), 3, 3, 1.0 / 3.0);
    check_rater(rater(&r, "t1", "a3"), 1, 1, 0.0);
    check_rater(rater(&r, "t1", NULL), 1, 1, 0.0);
    check_rater(rater(&r, NULL, "a1"), 3, 3, 1.0 / 3.0);
    check_rater(rater(&r, NULL, "a3"), 1, 1, 0.0);
    check_rater(rater(&r, NULL, NULL), 4, 4, 0.25);
    CHECK(rater(&r, "t1", "a1") == NULL);
    CHECK_INT(r.res->planning.n_raters, 7);
    /* The manager's None for s4 (no target) does not touch the gaps; their Working for s1
     * equals the self-assessment: demand is as without managers. */
    CHECK_DEMAND(demand(&r, "t1", NULL, "a3"), 18, 0, 18, 0, 18, 0, 0, 8, 10, 0, 0);
    /* Barriers: the case has no barriers column. */
    CHECK_INT(r.res->planning.n_barriers, 0);

    char *dir = render(&r, "plan");
    char *text = slurp(dir, "raters-2026-Q3.csv");
    CHECK(text != NULL);
    if (text != NULL) {
        CHECK_STR(text, "period,framework,topic,authority,respondents,pairs,mean_difference,"
                        "suppressed\n"
                        "2026-Q3,*,*,*,4,4,0.250000,0\n"
                        "2026-Q3,*,*,a1,3,3,0.333333,0\n"
                        "2026-Q3,*,*,a3,1,1,0.000000,0\n"
                        "2026-Q3,fw,t1,*,1,1,0.000000,0\n"
                        "2026-Q3,fw,t1,a3,1,1,0.000000,0\n"
                        "2026-Q3,fw,t2,*,3,3,0.333333,0\n"
                        "2026-Q3,fw,t2,a1,3,3,0.333333,0\n");
    }
    g_free(text);
    text = slurp(dir, "commissioning-2026-Q3.csv");
    CHECK(text != NULL);
    if (text != NULL) {
        CHECK_STR(text,
                  "period,framework,topic,line,region,medium,cohort_learners,self_directed,"
                  "cohorts,welsh_medium_cohorts,cohorts_alone,cost,cost_alone,saving,"
                  "suppressed,places,places_alone,cost_per_learner,online,cost_suppressed,"
                  "welsh_learners_floor,welsh_learners_potential,welsh_cohorts_floor,"
                  "welsh_cohorts_potential,welsh_elearning_floor,welsh_elearning_potential,"
                  "welsh_elearning_cost\n"
                  /* Welsh-medium by hand (t1: s1, s2 at target 2; cohort when a gap is 2
                   * or more): cohort learners who chose Welsh North 3 (a1 Welsh and
                   * Cymraeg, a2), South 8, West 2 = 13, South's 8 one cohort, the pool of 5
                   * places; either a1 2, a4 3: North 5, South 11 (one cohort), West 2 = 18,
                   * still 1 cohort. Self-directed in Welsh: t1 one (a1), t2 one (p018), at 10
                   * each; nobody self-directed said either. */
                  "2026-Q3,*,*,total,*,*,52,5,4,1,4,7350.00,9150.00,1800.00,0,11,17,,,0,13,18,1,1,2,2,"
                  "20.00\n"
                  "2026-Q3,*,*,region,North,*,17,,2,0,,2000.00,,,0,0,,,,,,,,,,,\n"
                  "2026-Q3,*,*,region,South,*,24,,2,1,,2000.00,,,0,0,,,,,,,,,,,\n"
                  "2026-Q3,*,*,pool,*,*,11,,0,0,,3300.00,,,0,11,,,,,,,,,,,\n"
                  "2026-Q3,fw,t1,total,*,*,51,4,4,1,4,7040.00,8840.00,1800.00,0,10,16,,,0,13,18,1,1,1,1,"
                  "10.00\n"
                  "2026-Q3,fw,t1,region,North,english,17,,2,,,2000.00,,,0,0,,117.65,,,,,,,,,\n"
                  "2026-Q3,fw,t1,region,South,english,16,,1,,,1000.00,,,0,0,,62.50,,,,,,,,,\n"
                  "2026-Q3,fw,t1,region,South,welsh,8,,1,,,1000.00,,,0,0,,125.00,,,,,,,,,\n"
                  "2026-Q3,fw,t1,pool,*,english,5,,0,,,1500.00,,,0,5,,300.00,0,,,,,,,,\n"
                  "2026-Q3,fw,t1,pool,*,welsh,5,,0,,,1500.00,,,0,5,,300.00,1,,,,,,,,\n"
                  "2026-Q3,fw,t2,total,*,*,1,1,0,0,0,310.00,310.00,0.00,0,1,1,,,0,0,0,0,0,1,1,10.00\n"
                  "2026-Q3,fw,t2,pool,*,english,1,,0,,,300.00,,,0,1,,300.00,0,,,,,,,,\n");
    }
    g_free(text);
    text = slurp(dir, "demand-2026-Q3.csv");
    CHECK(text != NULL && strstr(text, "\n2026-Q3,fw,t1,North,a1,18,14,3,11,0,14,0,0,3,7,2,2,0\n"));
    CHECK(text != NULL && strstr(text, "\n2026-Q3,fw,t1,*,*,64,55,4,51,0,53,0,2,14,34,5,2,0\n"));
    g_free(text);
    text = slurp(dir, "mentors-2026-Q3.csv");
    CHECK(text != NULL && strstr(text, "\n2026-Q3,fw,t1,North,31,3,23,7.666667,0\n")); /* 23/3 */
    g_free(text);
    g_free(dir);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* privacy: suppression everywhere                                                             */

static void test_privacy(void)
{
    run r;
    if (!run_case(CASES "privacy/tna.yaml", &r))
        return;
    /* Groups of t1 (threshold 3): a3 (2) and a5 (2) are under it, and so is West (2):
     * suppressed; a4 (3) is hidden so that South's total does not give a3 away, and South (5)
     * so that the t1 total does not give West away: protected. */
    const tna_period_figures *f = &r.res->periods[0];
    uint32_t t1 = topic(&r, "t1");
    const char *hidden_auth[] = {"a3", "a4", "a5"}, *shown_auth[] = {"a1", "a2"};
    const tna_hidden why[] = {TNA_SUPPRESSED, TNA_PROTECTED, TNA_SUPPRESSED};
    for (int i = 0; i < 3; i++) {
        const tna_group *g = tna_results_find(
            f, TNA_SET_AUTHORITY_TOPIC,
            (tna_dims){.authority = tna_is(authority(&r, hidden_auth[i])), .topic = tna_is(t1)});
        CHECK(g != NULL && g->hidden == why[i]);
        const tna_demand *d = demand(&r, "t1", NULL, hidden_auth[i]);
        CHECK(d != NULL && d->hidden == why[i] && d->learners == 0 && d->cohort == 0);
    }
    for (int i = 0; i < 2; i++) {
        const tna_demand *d = demand(&r, "t1", NULL, shown_auth[i]);
        CHECK(d != NULL && !d->hidden);
    }
    const tna_demand *south = demand(&r, "t1", "South", NULL);
    CHECK(south != NULL && south->hidden == TNA_PROTECTED && south->learners == 0);
    check_demand_follows_groups(&r);

    /* Plan (cohort_min 3, cohort_max 4, 400 a place). English: North 3 + 2 = 5 -> 2
     * cohorts, shown; South 2 + 1 = 3 -> 1 cohort, its count hidden as South's group is
     * (protected); West 1 -> pooled alone, and a pool of 1 buys a place: the pool's count is
     * West's, suppressed, and so are its place and its cost (they are its learners). Welsh:
     * North 1 -> pooled, 1 place, shown. */
    check_line(line(&r, "t1", "North", false), TNA_SHOWN, 5, 2, 2000);
    check_line(line(&r, "t1", "South", false), TNA_PROTECTED, 0, 1, 1000);
    check_line(line(&r, "t1", NULL, false), TNA_SUPPRESSED, 0, 0, 0);
    check_places(line(&r, "t1", NULL, false), 0, false, 0);
    check_line(line(&r, "t1", NULL, true), TNA_SHOWN, 1, 0, 400);
    check_places(line(&r, "t1", NULL, true), 1, false, 400);
    /* The t1 total is shown (16 respondents): 10 cohort learners, 3 cohorts. Its places (2)
     * and costs would give the hidden pool's place away (the Welsh pool's is shown), so they
     * and the saving are protected. Alone: English a1 (3) a cohort; a2 2, a3 2, a4 1, a5 1
     * and Welsh a1 1 buy places. */
    check_total(total(&r, "t1"), TNA_SHOWN, 10, 0, 3, 0, 1, 0, 0, 0);
    check_total_places(total(&r, "t1"), 0, 0, true);
    check_total_places(total(&r, NULL), 0, 0, true);
    /* Mentors: South (5 answered, hidden with its group) protected, West (2) suppressed;
     * Wales and North shown. */
    check_mentors(mentors(&r, "t1", NULL), TNA_SHOWN, 16, 0, 10);
    check_mentors(mentors(&r, "t1", "North"), TNA_SHOWN, 9, 0, 6);
    check_mentors(mentors(&r, "t1", "South"), TNA_PROTECTED, 0, 0, 0);
    check_mentors(mentors(&r, "t1", "West"), TNA_SUPPRESSED, 0, 0, 0);

    /* Barriers: answered by a1 5, a2 4, a3 2, a4 3 (a5 left it blank). a3 is under 3; a4,
     * the smallest shown, is hidden so the total does not give a3 away. */
    const tna_barrier_share *b = barrier(&r, "time", NULL);
    CHECK(b != NULL && !b->hidden && b->respondents == 14 && b->citing == 8);
    CHECK(b != NULL && fabs(b->share - 8.0 / 14.0) < 1e-12);
    b = barrier(&r, "time", "a2");
    CHECK(b != NULL && !b->hidden && b->respondents == 4 && b->citing == 3);
    CHECK(b != NULL && fabs(b->share - 0.75) < 1e-12);
    b = barrier(&r, "cost", "a3");
    CHECK(b != NULL && b->hidden == TNA_SUPPRESSED && b->respondents == 0 && b->citing == 0 &&
          b->share == 0);
    b = barrier(&r, "cost", "a4");
    CHECK(b != NULL && b->hidden == TNA_PROTECTED && b->respondents == 0 && b->citing == 0);
    CHECK(barrier(&r, "cost", "a5") == NULL);
    /* "No manager support" is an alias of the shipped barrier manager-support; q004's typed
     * "Looking after my mum Gwen" matches none and counts as other (its text is logged, never
     * reported). Barriers nobody cited (travel-caring, ...) have no rows. */
    b = barrier(&r, "manager-support", NULL);
    CHECK(b != NULL && !b->hidden && b->respondents == 14 && b->citing == 1);
    b = barrier(&r, "other", "a1");
    CHECK(b != NULL && !b->hidden && b->respondents == 5 && b->citing == 1);
    CHECK(barrier(&r, "travel-caring", NULL) == NULL);
    CHECK_INT(r.res->planning.n_barriers, 20);
    CHECK_INT(r.res->planning.n_raters, 0);

    /* The whole files, worked out by hand. */
    char *dir = render(&r, "privacy");
    const char *files[] = {"demand", "commissioning", "mentors", "barriers", "raters"};
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        char *name = g_strdup_printf("%s-2026-Q3.csv", files[i]);
        char *want = g_strdup_printf(CASES "privacy/expected-%s.csv", files[i]);
        check_same_file(dir, name, want);
        g_free(name);
        g_free(want);
    }
    g_free(dir);
    run_free(&r);
}

static void test_tiny(void)
{
    run r;
    if (!run_case(CASES "tiny/tna.yaml", &r))
        return;
    /* 3 staff under a threshold of 4: every group is hidden. a1 has one cohort learner and
     * one self-directed, a2 one cohort learner; the two cohort learners (North, 2 < 3) are
     * pooled, and a pool of 2 buys 2 places, as each authority alone buys 1. Places are
     * learners: only the cohort counts (none) may show, not the places, the costs or the
     * saving. */
    const tna_planning *pl = &r.res->planning;
    for (size_t i = 0; i < pl->n_demand; i++) /* every group has fewer than 4 */
        CHECK(pl->demand[i].hidden == TNA_SUPPRESSED && pl->demand[i].learners == 0);
    CHECK_INT(pl->n_demand, 4); /* Wales, North, a1, a2 */
    check_line(line(&r, "t1", NULL, false), TNA_SUPPRESSED, 0, 0, 0); /* North alone */
    check_total(total(&r, "t1"), TNA_SUPPRESSED, 0, 0, 0, 0, 0, 0, 0, 0);
    check_total_places(total(&r, "t1"), 0, 0, true);
    check_total(total(&r, NULL), TNA_SUPPRESSED, 0, 0, 0, 0, 0, 0, 0, 0);
    check_mentors(mentors(&r, "t1", NULL), TNA_SUPPRESSED, 0, 0, 0);
    check_mentors(mentors(&r, "t1", "North"), TNA_SUPPRESSED, 0, 0, 0);
    char *dir = render(&r, "tiny");
    char *text = slurp(dir, "commissioning-2026-Q3.csv");
    /* hidden: the Welsh-medium learners and e-learning too; the cohorts (none) show */
    CHECK(text != NULL && strstr(text, "\n2026-Q3,fw,t1,total,*,*,,,0,0,0,,,,1,,,,,2,,,0,0,,,\n"));
    CHECK(text != NULL && strstr(text, "\n2026-Q3,fw,t1,pool,*,english,,,0,,,,,,1,,,,0,,,,,,,,\n"));
    g_free(text);
    g_free(dir);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* trends                                                                                      */

static void test_trends(void)
{
    run r;
    if (!run_case(CASES "trends/tna.yaml", &r))
        return;
    /* 2026-Q2: u1 (a1) s1 None, s2 Working, s3 Practitioner; u2 (a1) s1, s2, s3 Working.
     * 2026-Q3: u1 s1 Awareness; u2 s3 Practitioner; u3 (a3, new) None everywhere.
     * Wales Q2: 6 pairs, 2 below, gap 3 (mean 0.5); Q3: 9 pairs, 4 below, gap 1 + 4 + 3 = 8.
     * a1 Q3: 6 pairs, 1 below, gap 1: mean 0.5 -> 0.166667, one learner fewer.
     * a3 has no group in Q2: a row of zeros with no change; a2, a4, a5 none in either. */
    const tna_planning *pl = &r.res->planning;
    CHECK_INT(pl->n_trends, 1 + 5 + 2);
    char *dir = render(&r, "trends");
    check_same_file(dir, "trends-2026-Q3.csv", CASES "trends/expected-trends.csv");
    g_free(dir);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* The whole pipeline on the shipped inputs: every planning CSV is privacy-safe                */

typedef struct table {
    GPtrArray *head; /* char* */
    GPtrArray *rows; /* GPtrArray* of char* */
} table;

/* Splits one CSV line (no line breaks inside fields) into its fields. */
static GPtrArray *split_csv(const char *s)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    GString *f = g_string_new(NULL);
    bool quoted = false;
    for (const char *p = s;; p++) {
        if (quoted) {
            if (*p == '"' && p[1] == '"')
                g_string_append_c(f, '"'), p++;
            else if (*p == '"')
                quoted = false;
            else if (*p == '\0')
                break;
            else
                g_string_append_c(f, *p);
        } else if (*p == '"') {
            quoted = true;
        } else if (*p == ',' || *p == '\0') {
            g_ptr_array_add(out, g_strdup(f->str));
            g_string_truncate(f, 0);
            if (*p == '\0')
                break;
        } else {
            g_string_append_c(f, *p);
        }
    }
    g_string_free(f, TRUE);
    return out;
}

static table *table_read(const char *dir, const char *name)
{
    char *text = slurp(dir, name);
    CHECK(text != NULL);
    if (text == NULL)
        return NULL;
    table *t = g_new0(table, 1);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (**l == '\0')
            continue;
        GPtrArray *fields = split_csv(*l);
        if (t->head == NULL)
            t->head = fields;
        else {
            CHECK_INT(fields->len, t->head->len);
            g_ptr_array_add(t->rows, fields);
        }
    }
    g_strfreev(lines);
    g_free(text);
    return t;
}

static void table_free(table *t)
{
    if (t == NULL)
        return;
    if (t->head)
        g_ptr_array_unref(t->head);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

static int col(const table *t, const char *name)
{
    for (guint i = 0; i < t->head->len; i++)
        if (strcmp(g_ptr_array_index(t->head, i), name) == 0)
            return (int)i;
    fprintf(stderr, "  no column %s\n", name);
    CHECK(!"column missing");
    return 0;
}

static const char *cell(const table *t, guint row, const char *name)
{
    GPtrArray *r = g_ptr_array_index(t->rows, row);
    return g_ptr_array_index(r, col(t, name));
}

/* Hidden: suppressed (1) or protected (2). */
static bool is_suppressed(const table *t, guint row)
{
    return strcmp(cell(t, row, "suppressed"), "1") == 0 ||
           strcmp(cell(t, row, "suppressed"), "2") == 0;
}

/* Row-level rule: a hidden row (suppressed or protected) has every figure empty; a shown row
 * has its base (a respondents column) at least min_group_size, or 0 where `zero_ok`
 * (trends: nobody). */
static void check_rows(const table *t, const char *name, const char *const *figures,
                       const char *base, int k, bool zero_ok)
{
    size_t n_sup = 0;
    for (guint i = 0; i < t->rows->len; i++) {
        const char *s = cell(t, i, "suppressed");
        CHECK(strcmp(s, "0") == 0 || strcmp(s, "1") == 0 || strcmp(s, "2") == 0);
        if (is_suppressed(t, i)) {
            n_sup++;
            for (const char *const *f = figures; *f; f++)
                if (*cell(t, i, *f) != '\0') {
                    fprintf(stderr, "  %s row %u: suppressed but %s = %s\n", name, i + 2, *f,
                            cell(t, i, *f));
                    CHECK(!"suppressed row shows a figure");
                }
        } else if (base != NULL) {
            long n = atol(cell(t, i, base));
            if (!(n >= k || (zero_ok && n == 0 && *cell(t, i, base) == '0'))) {
                fprintf(stderr, "  %s row %u: shown with %s = %s\n", name, i + 2, base,
                        cell(t, i, base));
                CHECK(!"row under the threshold shown");
            }
        }
    }
}

/* Relation rule: rows are grouped into totals and parts by `key` (returns false for rows
 * outside the relation; *total says whether the row is the total). A shown total must not
 * have exactly one hidden part, and a hidden total must not have every part shown. */
typedef bool (*relation_fn)(const table *t, guint row, GString *key, bool *is_total);

static void check_relation(const table *t, const char *name, relation_fn rel)
{
    GHashTable *tot = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *hid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *cnt = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GString *key = g_string_new(NULL);
    for (guint i = 0; i < t->rows->len; i++) {
        bool is_total = false;
        g_string_truncate(key, 0);
        if (!rel(t, i, key, &is_total))
            continue;
        bool sup = is_suppressed(t, i);
        if (is_total) {
            g_hash_table_insert(tot, g_strdup(key->str), GINT_TO_POINTER(sup ? 2 : 1));
        } else {
            gpointer h = g_hash_table_lookup(hid, key->str);
            gpointer c = g_hash_table_lookup(cnt, key->str);
            g_hash_table_insert(hid, g_strdup(key->str), GINT_TO_POINTER(GPOINTER_TO_INT(h) + sup));
            g_hash_table_insert(cnt, g_strdup(key->str), GINT_TO_POINTER(GPOINTER_TO_INT(c) + 1));
        }
    }
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, cnt);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        int state = GPOINTER_TO_INT(g_hash_table_lookup(tot, k));
        int hidden = GPOINTER_TO_INT(g_hash_table_lookup(hid, k));
        if (state == 1 && hidden == 1) {
            fprintf(stderr, "  %s: total %s shown with exactly one hidden part\n", name,
                    (char *)k);
            CHECK(!"recoverable part");
        }
        if (state == 2 && hidden == 0) {
            fprintf(stderr, "  %s: total %s hidden with every part shown\n", name, (char *)k);
            CHECK(!"recoverable total");
        }
    }
    g_string_free(key, TRUE);
    g_hash_table_destroy(tot);
    g_hash_table_destroy(hid);
    g_hash_table_destroy(cnt);
}

static bool star(const char *s)
{
    return strcmp(s, "*") == 0;
}

/* demand: the authorities of a topic under its all-Wales row */
static bool rel_demand_auth_wales(const table *t, guint i, GString *key, bool *is_total)
{
    const char *reg = cell(t, i, "region"), *a = cell(t, i, "authority");
    if (!star(reg) && star(a))
        return false;
    g_string_append(key, cell(t, i, "topic"));
    *is_total = star(a);
    return true;
}

/* demand: the regions of a topic under its all-Wales row */
static bool rel_demand_region_wales(const table *t, guint i, GString *key, bool *is_total)
{
    if (!star(cell(t, i, "authority")))
        return false;
    g_string_append(key, cell(t, i, "topic"));
    *is_total = star(cell(t, i, "region"));
    return true;
}

/* demand: the authorities of a region under the region's row */
static bool rel_demand_auth_region(const table *t, guint i, GString *key, bool *is_total)
{
    if (star(cell(t, i, "region")))
        return false;
    g_string_printf(key, "%s/%s", cell(t, i, "topic"), cell(t, i, "region"));
    *is_total = star(cell(t, i, "authority"));
    return true;
}

static bool rel_mentors(const table *t, guint i, GString *key, bool *is_total)
{
    g_string_append(key, cell(t, i, "topic"));
    *is_total = star(cell(t, i, "region"));
    return true;
}

static bool rel_barriers(const table *t, guint i, GString *key, bool *is_total)
{
    g_string_append(key, cell(t, i, "barrier"));
    *is_total = star(cell(t, i, "authority"));
    return true;
}

/* raters: the authorities of a topic (or of every topic) under its all-authorities row */
static bool rel_raters_auth(const table *t, guint i, GString *key, bool *is_total)
{
    g_string_append(key, cell(t, i, "topic"));
    *is_total = star(cell(t, i, "authority"));
    return true;
}

/* raters: the topics of an authority (or of all) under its every-topic row */
static bool rel_raters_topic(const table *t, guint i, GString *key, bool *is_total)
{
    g_string_append(key, cell(t, i, "authority"));
    *is_total = star(cell(t, i, "topic"));
    return true;
}

/* Demand and trends rows agree with the summary rows they share. */
static void check_against_summary(const table *summary, const table *dem, const table *tr)
{
    GHashTable *rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < summary->rows->len; i++) {
        if (!star(cell(summary, i, "role")))
            continue;
        char *key = g_strdup_printf("%s/%s/%s", cell(summary, i, "period"),
                                    cell(summary, i, "authority"), cell(summary, i, "topic"));
        g_hash_table_insert(rows, key, GUINT_TO_POINTER(i + 1));
    }
    size_t matched = 0;
    for (guint i = 0; i < dem->rows->len; i++) {
        if (!star(cell(dem, i, "region")) && star(cell(dem, i, "authority")))
            continue; /* region rows are not in the summary */
        char *key = g_strdup_printf("%s/%s/%s", cell(dem, i, "period"),
                                    cell(dem, i, "authority"), cell(dem, i, "topic"));
        guint s = GPOINTER_TO_UINT(g_hash_table_lookup(rows, key));
        CHECK(s != 0);
        if (s != 0) {
            matched++;
            CHECK_STR(cell(dem, i, "suppressed"), cell(summary, s - 1, "suppressed"));
            CHECK_STR(cell(dem, i, "respondents"), cell(summary, s - 1, "respondents"));
            CHECK_STR(cell(dem, i, "learners"), cell(summary, s - 1, "learners_needing"));
        }
        g_free(key);
    }
    CHECK(matched > 0);
    static const char *const same[] = {"respondents", "assessed", "below_target", "gap_sum",
                                       "mean_gap", "share_below", "learners_needing",
                                       "suppressed"};
    for (guint i = 0; i < tr->rows->len; i++) {
        char *key = g_strdup_printf("%s/%s/%s", cell(tr, i, "period"),
                                    cell(tr, i, "authority"), cell(tr, i, "topic"));
        guint s = GPOINTER_TO_UINT(g_hash_table_lookup(rows, key));
        if (s == 0) {
            CHECK_STR(cell(tr, i, "respondents"), "0"); /* nobody that period */
        } else {
            for (size_t k = 0; k < G_N_ELEMENTS(same); k++)
                CHECK_STR(cell(tr, i, same[k]), cell(summary, s - 1, same[k]));
        }
        g_free(key);
    }
    g_hash_table_destroy(rows);
}

static size_t count_suppressed(const table *t)
{
    size_t n = 0;
    for (guint i = 0; i < t->rows->len; i++)
        n += is_suppressed(t, i);
    return n;
}

/* Runs every check on the planning CSVs of a run. */
static void check_outputs(const run *r, const char *dir, bool expect_suppression)
{
    int k = r->res->min_group_size;
    const char *period = r->res->periods[r->res->n_periods - 1].period;
    char name[256];
#define OPEN(var, stem)                                                       \
    snprintf(name, sizeof name, "%s-%s.csv", stem, period);                   \
    table *var = table_read(dir, name)
    OPEN(sum, "summary");
    OPEN(dem, "demand");
    OPEN(com, "commissioning");
    OPEN(men, "mentors");
    OPEN(tre, "trends");
    OPEN(bar, "barriers");
    OPEN(rat, "raters");
#undef OPEN
    if (!sum || !dem || !com || !men || !tre || !bar || !rat)
        goto done;

    static const char *const dem_f[] = {"respondents", "learners", "self_directed", "cohort",
                                        "to_awareness", "to_working", "to_practitioner",
                                        "to_expert", "welsh", "english", "either", "unstated",
                                        NULL};
    static const char *const men_f[] = {"respondents", "experts", "learners",
                                        "learners_per_expert", NULL};
    static const char *const tre_f[] = {"respondents", "assessed", "below_target", "gap_sum",
                                        "mean_gap", "share_below", "learners_needing",
                                        "change_mean_gap", "change_share_below",
                                        "change_learners", NULL};
    static const char *const bar_f[] = {"respondents", "citing", "share", NULL};
    static const char *const rat_f[] = {"respondents", "pairs", "mean_difference", NULL};
    static const char *const com_f[] = {"cohort_learners", "self_directed", NULL};
    check_rows(dem, "demand", dem_f, "respondents", k, false);
    check_rows(men, "mentors", men_f, "respondents", k, false);
    check_rows(tre, "trends", tre_f, "respondents", k, true);
    check_rows(bar, "barriers", bar_f, "respondents", k, false);
    check_rows(rat, "raters", rat_f, "respondents", k, false);
    check_rows(com, "commissioning", com_f, NULL, k, false);
    /* Commissioning: a suppressed total hides the costs too; a shown region line belongs
     * to a shown region group. */
    const tna_period_figures *f = &r->res->periods[r->res->n_periods - 1];
    for (guint i = 0; i < com->rows->len; i++) {
        if (is_suppressed(com, i) && strcmp(cell(com, i, "line"), "total") == 0)
            CHECK(*cell(com, i, "cost") == '\0' && *cell(com, i, "cost_alone") == '\0');
        if (!is_suppressed(com, i) && strcmp(cell(com, i, "line"), "region") == 0 &&
            !star(cell(com, i, "topic"))) {
            uint32_t t = tna_model_find_topic(r->m, cell(com, i, "topic"));
            uint32_t reg = TNA_NONE;
            for (uint32_t j = 0; j < r->m->n_regions; j++)
                if (strcmp(r->m->regions[j].name, cell(com, i, "region")) == 0)
                    reg = j;
            const tna_group *g = tna_results_find(
                f, TNA_SET_REGION_TOPIC, (tna_dims){.region = tna_is(reg), .topic = tna_is(t)});
            CHECK(g != NULL && !g->hidden && g->respondents >= k);
        }
    }
    check_relation(dem, "demand authorities/Wales", rel_demand_auth_wales);
    check_relation(dem, "demand regions/Wales", rel_demand_region_wales);
    check_relation(dem, "demand authorities/region", rel_demand_auth_region);
    check_relation(men, "mentors", rel_mentors);
    check_relation(bar, "barriers", rel_barriers);
    check_relation(rat, "raters by authority", rel_raters_auth);
    check_relation(rat, "raters by topic", rel_raters_topic);
    check_against_summary(sum, dem, tre);

    CHECK(dem->rows->len > 0 && com->rows->len > 0 && men->rows->len > 0);
    CHECK(tre->rows->len == r->res->planning.n_trends * r->res->n_periods);
    if (expect_suppression) {
        CHECK(count_suppressed(dem) > 0);
        CHECK(count_suppressed(com) > 0);
        CHECK(count_suppressed(men) > 0);
        CHECK(count_suppressed(tre) > 0);
        CHECK(count_suppressed(bar) > 0);
        CHECK(count_suppressed(rat) > 0);
    }
done:
    table_free(sum);
    table_free(dem);
    table_free(com);
    table_free(men);
    table_free(tre);
    table_free(bar);
    table_free(rat);
}

static void test_pipeline_privacy(void)
{
    /* The shipped inputs as configured (5), and with thresholds of 20 and 60, which hide
     * parts of every output (the sample's authorities have 27 to 208 respondents, fewer in
     * a topic, and only about 150 people were rated by a manager). */
    const int thresholds[] = {0, 20, 60};
    run r;
    char *dir;
    for (size_t i = 0; i < G_N_ELEMENTS(thresholds); i++) {
        if (!run_case_k("inputs/tna.yaml", thresholds[i], &r))
            return;
        const tna_planning *pl = &r.res->planning;
        CHECK(pl->n_demand > 0 && pl->n_cohorts > 0 && pl->n_totals > 1 && pl->n_mentors > 0);
        CHECK(pl->n_barriers > 0 && pl->n_raters > 0 && pl->n_trends > 0);
        check_demand_follows_groups(&r);
        char *name = g_strdup_printf("inputs-%d", thresholds[i]);
        dir = render(&r, name);
        check_outputs(&r, dir, thresholds[i] == 60);
        g_free(name);
        g_free(dir);
        run_free(&r);
    }

    /* The small cases pass the same checks. */
    const char *cases[] = {CASES "plan/tna.yaml", CASES "privacy/tna.yaml",
                           CASES "tiny/tna.yaml", CASES "trends/tna.yaml"};
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        if (!run_case(cases[i], &r))
            continue;
        char *name = g_strdup_printf("case-%zu", i);
        dir = render(&r, name);
        check_outputs(&r, dir, false);
        g_free(name);
        g_free(dir);
        run_free(&r);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    char *tmpl = g_build_filename(g_get_tmp_dir(), "test_planning-XXXXXX", NULL);
    tmp_root = g_mkdtemp(tmpl);
    if (tmp_root == NULL) {
        fprintf(stderr, "cannot make a temporary directory\n");
        return 1;
    }
    RUN(test_demand);
    RUN(test_commissioning);
    RUN(test_open_place_price);
    RUN(test_budget_ends);
    RUN(test_budget_privacy);
    RUN(test_mentors_rule);
    RUN(test_burden);
    RUN(test_raters);
    RUN(test_privacy);
    RUN(test_tiny);
    RUN(test_trends);
    RUN(test_pipeline_privacy);
    int status = g_test_run();
    char *cmd = g_strdup_printf("rm -rf '%s'", tmp_root);
    if (g_getenv("TEST_KEEP_TMP") != NULL) /* to look at the files written */
        fprintf(stderr, "kept %s\n", tmp_root);
    else if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp_root);
    g_free(cmd);
    g_free(tmp_root);
    return status;
}
