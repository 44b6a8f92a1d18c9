/*
 * test_expectations.c - return on expectations, hand-computed: config, ingest and analysis
 * of tests/cases/expectations/, asserting on results->planning.expectations, then the CSV.
 *
 * The case reuses the tiny framework of tests/cases/analysis. Targets: r1 s1 2, s2 2, s3 3
 * (s4 not required); r2 s1 4. Regions: a1 and a2 North, a3 South. Levels and gaps:
 *
 *   2026-Q2 (first)        s1 s2 s3  gaps   sum mean | 2026-Q3 (current)  s1 s2 s3  gaps  sum mean
 *   P01 a1 r1               1  1  1  1 1 2    4  4/3 | P01 a1 r1 trained   2  2  3  0 0 0   0   0
 *   P02 a1 r1               1  1  3  1 1 0    2  2/3 | P02 a1 r1 trained   2  1  3  0 1 0   1  1/3
 *   P03 a1 r1               2  2  1  0 0 2    2  2/3 | P03 a1 r1 trained   2  2  2  0 0 1   1  1/3
 *   P04 a1 r1 (trained)     1  1  2  1 1 1    3   1  | P04 a1 r1 untrained 1  1  1  1 1 2   4  4/3
 *   P05 a3 r1               0  2  3  2 0 0    2  2/3 | P05 a3 r1 untrained 0  2  3  2 0 0   2  2/3
 *   P06 a3 r1               1  2  3  1 0 0    1  1/3 | P06 a3 r1 untrained 2  2  3  0 0 0   0   0
 *   P07 a3 r1               1  1  2  1 1 1    3   1  | P07 a3 r1 trained   2  2  3  0 0 0   0   0
 *   P08 a2 r1               1  2  3  1 0 0    1  1/3 | P08 a2 r1 untrained 1  2  3  1 0 0   1  1/3
 *   P09 a3 r2               3         1       1   1  | P09 a3 r2 (unsaid)  3        1       1   1
 *   P11 a1 r1 (Q2 only)     2  2  3  0 0 0    0   0  | P10 a3 r1 trained   2  2  1  0 0 2   2  2/3
 *                                                      (P10 is in Q3 only)
 * Only the current period's "trained" counts (P04 said yes in Q2 and no in Q3).
 *
 * min_group_size is 3. In the summary, a2 (1 respondent) is suppressed, so a1 is hidden with
 * it (authority -> region), and in Q2 the North region ends up hidden by the same rule.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "tmptree.h"
#include "pipeline.h"
#include "tna/analysis.h"
#include "tna/config.h"
#include "tna/dq_log.h"
#include "tna/ingest.h"
#include "tna/outputs.h"
#include "tna/render.h"

#define CASE "tests/cases/expectations/"
#define EPS 1e-9

static bool run_ok(const char *config, run *r)
{
    if (!run_pipeline(config, 0, true, r))
        return false;
    CHECK_INT(r->res->planning.n_expectations, r->m->n_expectations);
    for (size_t i = 0; i < r->res->planning.n_expectations; i++)
        CHECK_INT(r->res->planning.expectations[i].expectation, i);
    return true;
}

/* The result of expectation `id`; a failed check (and a zeroed stand-in) when missing. */
static const tna_expectation_result *result(const run *r, const char *id)
{
    static tna_expectation_result none;
    for (size_t i = 0; i < r->m->n_expectations; i++)
        if (strcmp(r->m->expectations[i].id, id) == 0)
            return &r->res->planning.expectations[i];
    fprintf(stderr, "  no expectation '%s'\n", id);
    CHECK(false);
    memset(&none, 0, sizeof none);
    return &none;
}

/* A shown value: actual, respondents, baseline (NAN: none), progress (NAN: none), RAG. */
#define CHECK_SHOWN(e, act, resp, base, prog, rag_)                        \
    do {                                                                   \
        double check_base_ = (base), check_prog_ = (prog);                 \
        CHECK(!(e)->hidden);                                               \
        CHECK((e)->has_actual);                                            \
        CHECK_NEAR((e)->actual, (act), EPS);                               \
        CHECK_INT((e)->respondents, (resp));                               \
        if (isnan(check_base_)) {                                          \
            CHECK(!(e)->has_baseline);                                     \
        } else {                                                           \
            CHECK((e)->has_baseline);                                      \
            CHECK_NEAR((e)->baseline, check_base_, EPS);                   \
        }                                                                  \
        if (isnan(check_prog_)) {                                          \
            CHECK(!(e)->has_progress);                                     \
        } else {                                                           \
            CHECK((e)->has_progress);                                      \
            CHECK_NEAR((e)->progress, check_prog_, 1e-6);                  \
        }                                                                  \
        CHECK_INT((e)->rag, (rag_));                                       \
    } while (0)

/* No actual value: hidden (TNA_SUPPRESSED, TNA_PROTECTED) or not (TNA_SHOWN), with this note. */
#define CHECK_HIDDEN(e, why, note_)                                                                \
    do {                                                                                           \
        CHECK_INT((e)->hidden, (why));                                                             \
        CHECK(!(e)->has_actual);                                                                   \
        CHECK(!(e)->has_progress);                                                                 \
        CHECK_NEAR((e)->actual, 0, 0);                                                             \
        CHECK_INT((e)->respondents, 0);                                                            \
        CHECK_INT((e)->rag, TNA_RAG_NONE);                                                         \
        CHECK_INT((e)->note, (note_));                                                             \
    } while (0)

#define CHECK_PERIODS(e, v0, v1)                                           \
    do {                                                                   \
        double check_v0_ = (v0), check_v1_ = (v1);                         \
        if (isnan(check_v0_))                                              \
            CHECK(isnan((e)->by_period[0]));                               \
        else                                                               \
            CHECK_NEAR((e)->by_period[0], check_v0_, EPS);                 \
        if (isnan(check_v1_))                                              \
            CHECK(isnan((e)->by_period[1]));                               \
        else                                                               \
            CHECK_NEAR((e)->by_period[1], check_v1_, EPS);                 \
    } while (0)

/* ------------------------------------------------------------------------------------------ */

/* share_at_target, mean_gap, learners_needing; baselines from the first period and given. */
static void test_gap_metrics(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;

    /* Everyone: Q2 10 persons with pairs, only P11 at target: 1/10. Q3 10 persons, at target
     * P01, P06, P07: 3/10. Baseline 0.1 from Q2; (0.3 - 0.1) / (0.5 - 0.1) = 0.5 exactly:
     * amber (in doubles it is 0.49999999999999994, see test_rag_boundaries). */
    const tna_expectation_result *e = result(&r, "share-all");
    CHECK_SHOWN(e, 0.3, 10, 0.1, 0.5, TNA_RAG_AMBER);
    CHECK_PERIODS(e, 0.1, 0.3);
    CHECK_INT(e->note, TNA_NOTE_NONE);

    /* Region North (a1, a2) in Q3: P01-P04, P08 = 5, at target P01: 1/5 = 0.2. Baseline
     * given 0.2 = target: held, so progress 1, green. */
    e = result(&r, "share-north");
    CHECK_SHOWN(e, 0.2, 5, 0.2, 1.0, TNA_RAG_GREEN);
    /* Q2 North (P01-P04, P08, P11; at target P11: 1/6) is hidden in the summary there */
    CHECK_PERIODS(e, NAN, 0.2);

    /* Same North, mean gap held at a given 0.4: Q3 gaps 0+1+1+4+1 = 7 over 15 pairs =
     * 0.4667 > 0.4, and lower is better: not held, progress 0, red. */
    e = result(&r, "gap-north-hold");
    CHECK_SHOWN(e, 7.0 / 15, 5, 0.4, 0.0, TNA_RAG_RED);

    /* Skill s3 (r1 only): Q2 gaps 2+0+2+1+0+0+1+0+0 = 6 over 9 pairs, Q3 0+0+1+2+0+0+0+0+2 =
     * 5 over 9. Progress (5/9 - 6/9) / (0.444 - 6/9) = 0.499002: just below half, red. */
    e = result(&r, "gap-s3");
    CHECK_SHOWN(e, 5.0 / 9, 9, 6.0 / 9, (-1.0 / 9) / (0.444 - 6.0 / 9), TNA_RAG_RED);
    CHECK(e->progress < 0.5);
    CHECK_PERIODS(e, 6.0 / 9, 5.0 / 9);

    /* Topic t1 (s1, s2): learners Q2 P01 P02 P04 P05 P06 P07 P08 P09 = 8, Q3 P02 P04 P05 P08
     * P09 = 5 of 10. Baseline 8, target 5: exactly 100 %, green. */
    e = result(&r, "learners-t1");
    CHECK_SHOWN(e, 5, 10, 8, 1.0, TNA_RAG_GREEN);
    CHECK_PERIODS(e, 8, 5);
    run_free(&r);
}

/* A value whose scope is a group the summary hides is hidden too, though it has enough
 * respondents; that includes the first period behind a gap_reduction. */
static void test_protected(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    uint32_t a1 = tna_model_find_authority(r.m, "a1");
    const tna_period_figures *q2 = &r.res->periods[0], *q3 = &r.res->periods[1];
    const tna_group *g =
        tna_results_find(q3, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a1)});
    /* precondition: a1 has 4 respondents, protected for a2 */
    CHECK(g != NULL && g->hidden == TNA_PROTECTED);
    const tna_expectation_result *e = result(&r, "gap-a1");
    CHECK_HIDDEN(e, TNA_PROTECTED, TNA_NOTE_PROTECTED);
    CHECK(!e->has_baseline);
    CHECK_PERIODS(e, NAN, NAN);

    uint32_t north = r.m->authorities[a1].region;
    g = tna_results_find(q2, TNA_SET_REGION, (tna_dims){.region = tna_is(north)});
    CHECK(g != NULL && g->hidden == TNA_PROTECTED); /* precondition: North hidden in Q2 ... */
    g = tna_results_find(q3, TNA_SET_REGION, (tna_dims){.region = tna_is(north)});
    CHECK(g != NULL && !g->hidden); /* ... and shown in Q3 */
    e = result(&r, "reduction-north");
    CHECK_HIDDEN(e, TNA_PROTECTED, TNA_NOTE_PROTECTED);
    CHECK_PERIODS(e, NAN, NAN);
    run_free(&r);

    /* Without suppression the same scope is shown: a1 Q2 11 over 15 pairs, Q3 6 over 12. */
    if (!run_ok(CASE "tna-k1.yaml", &r))
        return;
    e = result(&r, "gap-a1");
    CHECK_SHOWN(e, 0.5, 4, 11.0 / 15, (0.5 - 11.0 / 15) / (0.2 - 11.0 / 15), TNA_RAG_RED);
    run_free(&r);
}

static void test_gap_reduction(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    /* Framework fw (everything): Q2 19 over 28 pairs, Q3 12 over 28. Reduction 7/28 = 0.25;
     * baseline from the first period, where the reduction is 0. 0.25 / 0.4 = 0.625 amber. */
    const tna_expectation_result *e = result(&r, "reduction-fw");
    CHECK_SHOWN(e, 0.25, 10, 0.0, 0.625, TNA_RAG_AMBER);
    CHECK_PERIODS(e, 0.0, 0.25);

    /* Topic t1: Q2 13 over 19 pairs, Q3 7 over 19: 6/19. The configured baseline 0.1 is the
     * reduction's own: (6/19 - 0.1) / (0.3 - 0.1) = 1.078947, green. */
    e = result(&r, "reduction-t1");
    CHECK_SHOWN(e, 6.0 / 19, 10, 0.1, (6.0 / 19 - 0.1) / 0.2, TNA_RAG_GREEN);
    CHECK_PERIODS(e, 0.0, 6.0 / 19);
    run_free(&r);
}

/* Exactly 50 % and exactly 100 % survive floating error; just below 50 % is red. */
static void test_rag_boundaries(void)
{
    /* The naive quotients fall short: this is what the rounding is for. */
    volatile double b = 1.0 / 10, a = 3.0 / 10, t = 0.5;
    CHECK((a - b) / (t - b) < 0.5);
    volatile double m0 = 12.0 / 18, m1 = 7.0 / 15;
    CHECK((m0 - m1) / 0.2 < 1.0);

    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    CHECK_INT(result(&r, "share-all")->rag, TNA_RAG_AMBER);
    CHECK_NEAR(result(&r, "share-all")->progress, 0.5, 0);
    /* 0.4 from 0.2 towards 0.6 (applied rate in the North: 2 yes of 5) */
    CHECK_INT(result(&r, "applied-north")->rag, TNA_RAG_AMBER);
    CHECK_NEAR(result(&r, "applied-north")->progress, 0.5, 0);
    CHECK_INT(result(&r, "gap-s3")->rag, TNA_RAG_RED);
    CHECK_INT(result(&r, "learners-t1")->rag, TNA_RAG_GREEN);
    run_free(&r);

    /* North with nothing suppressed: Q2 12 over 18 pairs, Q3 7 over 15; 2/3 - 7/15 = 0.2 is
     * 0.19999999999999996 in doubles; target 0.2 from a baseline of 0: green. */
    if (!run_ok(CASE "tna-k1.yaml", &r))
        return;
    const tna_expectation_result *e = result(&r, "reduction-north");
    CHECK_SHOWN(e, 0.2, 5, 0.0, 1.0, TNA_RAG_GREEN);
    CHECK_NEAR(e->progress, 1.0, 0);
    run_free(&r);
}

/* satisfaction, learning_uplift, applied_rate from the evaluation rows. */
static void test_evaluations(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    /* Q2 rows: P01 3, P05 2, P06 4, P07 3 -> 3.0 (4 respondents). Q3 rows with a
     * satisfaction: 5 4 3 4 2 5 3 (P07's is blank) = 26/7 from P01 (twice), P02, P03, P05,
     * X01, P08: 6 respondents. (26/7 - 3) / (4 - 3) = 0.714286 amber. */
    const tna_expectation_result *e = result(&r, "satisfaction-all");
    CHECK_SHOWN(e, 26.0 / 7, 6, 3.0, 26.0 / 7 - 3, TNA_RAG_AMBER);
    CHECK_PERIODS(e, 3.0, 26.0 / 7);

    /* Authority a1: X01's row has no council, so it is out. Q3 5 4 3 2 = 3.5 from P01, P02,
     * P03. Q2 has P01 alone: too few, so no baseline, no progress. */
    e = result(&r, "satisfaction-a1");
    CHECK_SHOWN(e, 3.5, 3, NAN, NAN, TNA_RAG_NONE);
    CHECK_INT(e->note, TNA_NOTE_BASELINE_HIDDEN);
    CHECK_PERIODS(e, NAN, 3.5);

    /* Nothing about skill s4 in either period. */
    e = result(&r, "satisfaction-s4");
    CHECK_HIDDEN(e, TNA_SHOWN, TNA_NOTE_NO_EVALUATIONS);
    CHECK(!e->has_baseline);
    CHECK_PERIODS(e, NAN, NAN);

    /* Topic t2: rows of topic t2 and of skill s3 (in t2) with both levels: P03 3-2, P05 1-1,
     * P08 3-2 -> 2/3 (P01's t2 row has no levels). Q2: P05 and P06 only -> NAN.
     * (2/3 - 0.5) / (1 - 0.5) = 1/3 red. */
    e = result(&r, "uplift-t2");
    CHECK_SHOWN(e, 2.0 / 3, 3, 0.5, 1.0 / 3, TNA_RAG_RED);
    CHECK_PERIODS(e, NAN, 2.0 / 3);

    /* Skill s1: P01 2-1, P02 3-1, P07 2-0 -> 5/3; (5/3 - 1) / (2 - 1) = 2/3 amber. */
    e = result(&r, "uplift-s1");
    CHECK_SHOWN(e, 5.0 / 3, 3, 1.0, 2.0 / 3, TNA_RAG_AMBER);

    /* Applied: yes P01 P02 P05 X01, no P03 P01 P08 -> 4/7 over 6 respondents (P07 blank).
     * (4/7 - 0.5) / 0.3 = 0.238095 red. */
    e = result(&r, "applied-all");
    CHECK_SHOWN(e, 4.0 / 7, 6, 0.5, (4.0 / 7 - 0.5) / 0.3, TNA_RAG_RED);
    CHECK_PERIODS(e, 0.5, 4.0 / 7); /* Q2: P05 P07 yes, P01 P06 no */

    /* Region North (a1, a2): yes P01 P02, no P03 P01 P08 -> 2/5 over 4 respondents. */
    e = result(&r, "applied-north");
    CHECK_SHOWN(e, 0.4, 4, 0.2, 0.5, TNA_RAG_AMBER);

    /* Authority a3: P05 yes only (P07 left it blank): one respondent, suppressed. */
    e = result(&r, "applied-a3");
    CHECK_HIDDEN(e, TNA_SUPPRESSED, TNA_NOTE_TOO_FEW);
    CHECK(e->has_baseline); /* the configured one is still shown */
    CHECK_NEAR(e->baseline, 0.5, 0);
    CHECK_PERIODS(e, 2.0 / 3, NAN); /* Q2: P05 P07 yes, P06 no: 3 respondents */
    run_free(&r);

    /* Without suppression a3's one respondent is shown: 1.0 from a first-period 2/3. */
    if (!run_ok(CASE "tna-k1.yaml", &r))
        return;
    e = result(&r, "applied-a3");
    CHECK_SHOWN(e, 1.0, 1, 2.0 / 3, (1 - 2.0 / 3) / (0.8 - 2.0 / 3), TNA_RAG_GREEN);
    run_free(&r);
}

/* The share of pairs at target, beside share_at_target's share of people: topic t1 (s1, s2)
 * has 19 pairs in each period (nine r1 people with two, P09 with one); below target 12 in
 * Q2 (P01 2, P02 2, P04 2, P05 1, P06 1, P07 2, P08 1, P09 1) and 6 in Q3 (P02 1, P04 2,
 * P05 1, P08 1, P09 1). Baseline 7/19, actual 13/19: progress (6/19) / (0.9 - 7/19) =
 * 0.594059, amber. */
static void test_share_skills_at_target(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    const tna_expectation_result *e = result(&r, "skills-t1");
    CHECK_SHOWN(e, 13.0 / 19, 10, 7.0 / 19, (6.0 / 19) / (0.9 - 7.0 / 19), TNA_RAG_AMBER);
    CHECK_PERIODS(e, 7.0 / 19, 13.0 / 19);
    CHECK(!e->has_level4);
    run_free(&r);
}

static void test_trained_vs_untrained(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    /* In both periods: trained now P01 (0 - 4/3), P02 (1/3 - 2/3), P03 (1/3 - 2/3), P07 (0 - 1):
     * mean -3/4; untrained now P04 (4/3 - 1), P05 (0), P06 (-1/3), P08 (0): mean 0. P10 (Q3
     * only) and P11 (Q2 only) are out, P09 never said: 8 respondents, each compared over the
     * same three skills in both periods. The raw difference is -0.75.
     * Adjusted (least squares of the change y on trained and the starting gap x):
     *   trained x 4/3, 2/3, 2/3, 1 (mean 11/12), y -4/3, -1/3, -1/3, -1 (mean -3/4);
     *   untrained x 1, 2/3, 1/3, 1/3 (mean 7/12), y 1/3, 0, -1/3, 0 (mean 0).
     *   Within-group sums (in 1/144): xx 44 + 44 = 88, xy -68 + 32 = -36, yy 108 + 32 = 140.
     *   Slope -36/88 = -9/22; adjusted = -3/4 - (-9/22)(11/12 - 7/12) = -3/4 + 3/22 = -27/44
     *   = -0.613636. Residual sum 140/144 - 36^2/(144 * 88) = 11024/12672, over 8 - 3 = 5
     *   degrees of freedom: 0.173990; times 1/4 + 1/4 + (1/3)^2 / (88/144) = 0.681818 gives
     *   0.118630, so the half-width is t(5) 2.570582 * 0.344427 = 0.885376:
     *   -1.499012 .. 0.271740, which holds 0. Progress (-27/44) / (-3/4) = 9/11, but no RAG:
     *   "not yet shown". */
    const tna_expectation_result *e = result(&r, "tvu-all");
    CHECK_SHOWN(e, -0.75, 8, 0.0, 9.0 / 11, TNA_RAG_NONE);
    CHECK_INT(e->note, TNA_NOTE_NOT_YET_SHOWN);
    CHECK(e->has_level4);
    CHECK_NEAR(e->adjusted, -27.0 / 44, 1e-9);
    CHECK_NEAR(e->ci_low, -1.499012, 5e-7);
    CHECK_NEAR(e->ci_high, 0.271740, 5e-7);
    CHECK_INT(e->n_trained, 4);
    CHECK_INT(e->n_untrained, 4);
    CHECK_NEAR(e->start_trained, 11.0 / 12, 1e-9);
    CHECK_NEAR(e->start_untrained, 7.0 / 12, 1e-9);
    CHECK_PERIODS(e, NAN, -0.75);

    /* Authority a3: trained P07 only (P10 is new), untrained P05, P06: too few. */
    e = result(&r, "tvu-a3");
    CHECK_HIDDEN(e, TNA_SUPPRESSED, TNA_NOTE_TOO_FEW);
    run_free(&r);

    if (!run_ok(CASE "tna-k1.yaml", &r))
        return;
    /* Without suppression: -1 - (0 - 1/3) / 2 = -5/6 over 3; no baseline (Q2 has none), and
     * three people are too few to adjust for the starting gap (three coefficients). */
    e = result(&r, "tvu-a3");
    CHECK_SHOWN(e, -5.0 / 6, 3, NAN, NAN, TNA_RAG_NONE);
    CHECK_INT(e->note, TNA_NOTE_BASELINE_NONE);
    CHECK(!e->has_level4);
    /* a2: P08 untrained only; r2: P09 never said. */
    CHECK_HIDDEN(result(&r, "tvu-a2"), TNA_SHOWN, TNA_NOTE_NEEDS_BOTH);
    CHECK_HIDDEN(result(&r, "tvu-r2"), TNA_SHOWN, TNA_NOTE_NO_BOTH);
    run_free(&r);
}

/* The expectations CSV of a run, as text (caller frees). */
static char *expectations_csv(const run *r)
{
    /* the reports go into root/reports: the output directory becomes a link to its set in
     * root/.reports.tna, and removing root removes both */
    char *root = g_dir_make_tmp("tna-expectations-XXXXXX", NULL);
    char *dir = g_build_filename(root, "reports", NULL);
    tna_outputs *out = tna_outputs_new(dir);
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_render_csv(r->res, tna_dq_log_of(r->ds), out, &err);
    if (st == TNA_OK)
        st = tna_outputs_commit(out, &err);
    CHECK_INT(st, TNA_OK);
    tna_outputs_free(out);
    const char *period = r->res->periods[r->res->n_periods - 1].period;
    char *name = g_strdup_printf("expectations-%s.csv", period);
    char *path = g_build_filename(dir, name, NULL), *text = NULL;
    CHECK(g_file_get_contents(path, &text, NULL, NULL));
    g_free(name);
    g_free(path);
    remove_tree(root);
    g_free(root);
    g_free(dir);
    return text;
}

/* One period: nothing period-on-period; the first period is the current one. */
static void test_single_period(void)
{
    run r;
    if (!run_ok(CASE "tna-one.yaml", &r))
        return;
    CHECK_INT(r.res->n_periods, 1);
    /* baseline = the first period = the actual: the baseline is set this period, so there
     * is no progress and no status yet (not red for standing still) */
    const tna_expectation_result *e = result(&r, "share-all");
    CHECK_SHOWN(e, 0.3, 10, 0.3, NAN, TNA_RAG_NONE);
    CHECK_INT(e->note, TNA_NOTE_BASELINE_SET);
    char *text = expectations_csv(&r); /* no progress, no RAG, the note, the one period */
    CHECK(text != NULL && strstr(text, "\nshare-all,Half at target,share_at_target,,0.300000,"
                                       "0.500000,0.300000,,,10,,0,baseline set this period,"
                                       ",,,,,,,0.300000\n"));
    g_free(text);
    e = result(&r, "reduction-all");
    CHECK_HIDDEN(e, TNA_SHOWN, TNA_NOTE_NEEDS_TWO);
    CHECK(!e->has_baseline);
    CHECK(isnan(e->by_period[0]));
    e = result(&r, "tvu-all");
    CHECK_HIDDEN(e, TNA_SHOWN, TNA_NOTE_NEEDS_TWO);
    CHECK(e->has_baseline); /* configured */
    run_free(&r);
}

/* expectations-PERIOD.csv, byte for byte. */
static void test_csv(void)
{
    run r;
    if (!run_ok(CASE "tna.yaml", &r))
        return;
    char *got = expectations_csv(&r), *want = NULL;
    CHECK(g_file_get_contents(CASE "expected-expectations.csv", &want, NULL, NULL));
    CHECK_STR(got, want);
    g_free(got);
    g_free(want);
    run_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_gap_metrics);
    RUN(test_protected);
    RUN(test_gap_reduction);
    RUN(test_rag_boundaries);
    RUN(test_evaluations);
    RUN(test_share_skills_at_target);
    RUN(test_trained_vs_untrained);
    RUN(test_single_period);
    RUN(test_csv);
    return g_test_run();
}
