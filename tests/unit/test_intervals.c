/*
 * test_intervals.c - the 95% intervals of group figures (analysis/stats.c, docs/method.md).
 *
 * Student's t quantiles against published values (to the 9 decimals tables give). The
 * intervals of tests/cases/intervals against figures worked out without tna: one group by
 * hand below, the others by tests/tools/intervals_oracle.py, which gets its t quantiles from
 * the closed-form distribution function rather than the incomplete beta function. All to 6
 * decimals. Then the privacy rule: a hidden group, and one of a single respondent, have no
 * interval.
 */
#include <math.h>

#include "../../src/analysis/stats.h"
#include "check.h"
#include "pipeline.h"
#include "tna/analysis.h"

#define CASE "tests/cases/intervals/tna.yaml"

static void test_t_quantiles(void)
{
    /* two-sided 95% points of Student's t, df 1, 2, 4, 10, 30, 100, 1000 */
    CHECK_NEAR(tna_t_quantile(0.975, 1), 12.706204736, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 2), 4.302652730, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 4), 2.776445105, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 10), 2.228138852, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 30), 2.042272456, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 100), 1.983971519, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 1000), 1.962339081, 1e-8);
    CHECK_NEAR(tna_t_quantile(0.975, 1e7), 1.959963985, 1e-6); /* the normal's */
    CHECK_NEAR(tna_t_quantile(0.025, 4), -2.776445105, 1e-8);
    CHECK(isnan(tna_t_quantile(0.975, 0)));
}

static const tna_group *group(const run *r, tna_set set, const char *authority, const char *topic,
                              const char *role)
{
    uint32_t a = TNA_NONE, t = TNA_NONE, p = TNA_NONE;
    for (uint32_t i = 0; authority && i < r->m->n_authorities; i++)
        if (strcmp(r->m->authorities[i].id, authority) == 0)
            a = i;
    for (uint32_t i = 0; role && i < r->m->n_roles; i++)
        if (strcmp(r->m->roles[i].id, role) == 0)
            p = i;
    if (topic)
        t = tna_model_find_topic(r->m, topic);
    const tna_group *g =
        tna_results_find(&r->res->periods[0], set,
                         (tna_dims){.authority = tna_is(a), .role = tna_is(p), .topic = tna_is(t)});
    CHECK(g != NULL);
    return g;
}

static void check_group(const tna_group *g, double mean, double mean_low, double mean_high,
                        double share, double share_low, double share_high)
{
    if (g == NULL)
        return;
    CHECK(g->has_interval);
    CHECK_NEAR(g->mean_gap, mean, 5e-7);
    CHECK_NEAR(g->mean_gap_low, mean_low, 5e-7);
    CHECK_NEAR(g->mean_gap_high, mean_high, 5e-7);
    CHECK_NEAR(g->share_below, share, 5e-7);
    CHECK_NEAR(g->share_below_low, share_low, 5e-7);
    CHECK_NEAR(g->share_below_high, share_high, 5e-7);
}

/* Authority a1, topic t1, by hand. Six respondents; (pairs a, gap g, below b) each, against
 * targets s1 = s2 = 2 (r1) or s1 = 4 (r2, s2 not required):
 *   p01 None, Awareness              a 2  g 3  b 2
 *   p02 Working, blank               a 1  g 0  b 0
 *   p03 Awareness, Awareness         a 2  g 2  b 2
 *   p04 Working, Working             a 2  g 0  b 0
 *   p05 None, Working                a 2  g 2  b 1
 *   p06 (r2) Working                 a 1  g 2  b 1
 * A = 10, G = 9, B = 6, n = 6; mean gap R = 0.9, share p = 0.6; t(5) = 2.570581836.
 * Mean gap: g - R a = 1.2, -0.9, 0.2, -1.8, 0.2, 1.1, squares summing to 6.78;
 *   v = 6/5 * 6.78 / 10^2 = 0.08136, sqrt 0.285237, half-width 2.570582 * 0.285237 = 0.733224:
 *   0.166776 .. 1.633224.
 * Share: b - p a = 0.8, -0.6, 0.8, -1.2, -0.2, 0.4, squares summing to 3.28;
 *   v = 6/5 * 3.28 / 100 = 0.03936; effective pairs m = 0.24 / 0.03936 = 6.097561 (< 10);
 *   t^2 / m = 6.607891 / 6.097561 = 1.083694; centre (0.6 + 0.541847) / 2.083694 = 0.547992;
 *   half 2.570582 / 2.083694 * sqrt(0.24 / 6.097561 + 6.607891 / (4 * 6.097561^2))
 *        = 1.233666 * sqrt(0.039360 + 0.044431) = 0.357106: 0.190886 .. 0.905098.
 * The other groups: tests/tools/intervals_oracle.py tests/cases/intervals/2026-Q3-survey.csv. */
static void test_hand_computed(void)
{
    run r;
    if (!run_pipeline(CASE, 0, true, &r))
        return;
    check_group(group(&r, TNA_SET_AUTHORITY_TOPIC, "a1", "t1", NULL), 0.9, 0.166776, 1.633224, 0.6,
                0.190886, 0.905098);
    /* from the oracle */
    check_group(group(&r, TNA_SET_AUTHORITY_TOPIC, "a1", "t2", NULL), 1.5, 0, 3.554260, 0.75,
                0.130690, 0.983570);
    check_group(group(&r, TNA_SET_AUTHORITY_TOPIC, "a2", "t2", NULL), 0, 0, 0, 0, 0, 0.987764);
    check_group(group(&r, TNA_SET_TOPIC, NULL, "t1", NULL), 0.9, 0.325746, 1.474254, 0.55, 0.276721,
                0.796105);
    check_group(group(&r, TNA_SET_TOPIC, NULL, "t2", NULL), 0.875, 0, 1.816353, 0.5, 0.166808,
                0.833192);
    check_group(group(&r, TNA_SET_AUTHORITY, "a1", NULL, NULL), 1.071429, 0.866227, 1.276630,
                0.642857, 0.321884, 0.872217);
    check_group(group(&r, TNA_SET_ROLE, NULL, NULL, "r1"), 0.72, 0.369886, 1.070114, 0.48, 0.245765,
                0.723370);
    check_group(group(&r, TNA_SET_ROLE, NULL, NULL, "r2"), 2.333333, 0, 6.127916, 1, 0.139452, 1);
    check_group(group(&r, TNA_SET_ALL, NULL, NULL, NULL), 0.892857, 0.472558, 1.313157, 0.535714,
                0.312095, 0.745840);
    run_free(&r);
}

/* A group of one respondent has no interval (no spread to measure); a hidden group has none
 * either, and nothing of its figures. */
static void test_no_interval(void)
{
    run r;
    if (!run_pipeline(CASE, 0, true, &r))
        return;
    const tna_group *g = group(&r, TNA_SET_AUTHORITY_ROLE_TOPIC, "a1", "t1", "r2"); /* p06 */
    if (g != NULL) {
        CHECK_INT(g->respondents, 1);
        CHECK(!g->has_interval);
        CHECK(g->mean_gap_low == 0 && g->mean_gap_high == 0);
    }
    run_free(&r);
    if (!run_pipeline(CASE, 3, true, &r)) /* groups of 1 and 2 respondents hidden */
        return;
    size_t hidden = 0;
    const tna_period_figures *f = &r.res->periods[0];
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *h = &f->groups[i];
        if (!h->hidden)
            continue;
        hidden++;
        CHECK(!h->has_interval);
        CHECK(h->mean_gap_low == 0 && h->mean_gap_high == 0 && h->share_below_low == 0 &&
              h->share_below_high == 0);
    }
    CHECK(hidden > 0);
    check_group(group(&r, TNA_SET_ALL, NULL, NULL, NULL), 0.892857, 0.472558, 1.313157, 0.535714,
                0.312095, 0.745840);
    run_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_t_quantiles);
    RUN(test_hand_computed);
    RUN(test_no_interval);
    return g_test_run();
}
