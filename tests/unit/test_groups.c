/*
 * test_groups.c - the grouping sets and their look-up (analysis/groups.c, analysis.h).
 *
 * Relations: for every pair of sets where the groups of one add up into the groups of the
 * other (a dimension summed over, or replaced by the coarser one it determines: authority by
 * region, skill by topic, topic by framework), written out here on their own rather than
 * taken from groups.c, no shown total has exactly one hidden part (subtraction would give
 * it away) and no hidden total has all its parts shown (addition would). Checked on the
 * oracle dataset at several thresholds; region by topic within a region is the relation
 * 0.1.0 missed (at threshold 25 one region's hidden topic could be worked out).
 *
 * Protection interval: tna_protect_range acts exactly when a brute force over every
 * assignment of whole numbers to the hidden parts (within the bounds their codes give, adding
 * up to the residual) leaves each hidden part one value.
 *
 * Look-up: a dimension left out of a tna_dims means "all"; index 0 is a value like any other;
 * a derived dimension given must agree; tna_set_of names the set of a combination.
 */
#include <glib.h>

#include "../../src/analysis/people.h"
#include "check.h"
#include "pipeline.h"
#include "tna/analysis.h"

enum { A = 1, R = 2, P = 4, F = 8, T = 16, S = 32 };

/* What each set groups by, as docs/outputs.md and analysis.h describe them. */
static unsigned dims_of(tna_set set)
{
    switch (set) {
    case TNA_SET_AUTHORITY_ROLE_TOPIC:
        return A | P | T;
    case TNA_SET_AUTHORITY_TOPIC:
        return A | T;
    case TNA_SET_ROLE_TOPIC:
        return P | T;
    case TNA_SET_AUTHORITY:
        return A;
    case TNA_SET_TOPIC:
        return T;
    case TNA_SET_ALL:
        return 0;
    case TNA_SET_ROLE:
        return P;
    case TNA_SET_REGION:
        return R;
    case TNA_SET_REGION_TOPIC:
        return R | T;
    case TNA_SET_FRAMEWORK:
        return F;
    case TNA_SET_AUTHORITY_FRAMEWORK:
        return A | F;
    case TNA_SET_SKILL:
        return S;
    case TNA_SET_COUNT:
        break;
    }
    return 0;
}

/* The group of `total` that g adds up into: g's values of total's dimensions. */
static const tna_group *total_of(const tna_period_figures *f, const tna_group *g, tna_set total)
{
    unsigned d = dims_of(total);
    tna_dims want = {
        tna_is(d & A ? g->authority : TNA_NONE), tna_is(d & R ? g->region : TNA_NONE),
        tna_is(d & P ? g->role : TNA_NONE),      tna_is(d & F ? g->framework : TNA_NONE),
        tna_is(d & T ? g->topic : TNA_NONE),     tna_is(d & S ? g->skill : TNA_NONE)};
    return tna_results_find(f, total, want);
}

/* One relation in one period: returns the totals that break the rule. */
static int broken(const tna_period_figures *f, tna_set part, tna_set total, int *checked)
{
    GHashTable *hidden_parts = g_hash_table_new(NULL, NULL), *parts = g_hash_table_new(NULL, NULL);
    for (size_t i = 0; i < f->n_groups; i++) {
        const tna_group *g = &f->groups[i];
        if (g->set != part)
            continue;
        const tna_group *t = total_of(f, g, total);
        CHECK(t != NULL); /* a part with respondents has a total with respondents */
        if (t == NULL)
            continue;
        g_hash_table_insert(parts, (void *)t,
                            GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(parts, t)) + 1));
        if (g->hidden)
            g_hash_table_insert(
                hidden_parts, (void *)t,
                GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(hidden_parts, t)) + 1));
    }
    int bad = 0;
    GHashTableIter it;
    void *key, *value;
    g_hash_table_iter_init(&it, parts);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        const tna_group *t = key;
        int hidden = GPOINTER_TO_INT(g_hash_table_lookup(hidden_parts, t));
        (*checked)++;
        if ((!t->hidden && hidden == 1) || (t->hidden && hidden == 0)) {
            bad++;
            fprintf(stderr,
                    "  sets %d -> %d: total (a%u r%u p%u f%u t%u) %s with %d hidden of %d\n", part,
                    total, t->authority, t->region, t->role, t->framework, t->topic,
                    t->hidden ? "hidden" : "shown", hidden, GPOINTER_TO_INT(value));
        }
    }
    g_hash_table_destroy(parts);
    g_hash_table_destroy(hidden_parts);
    return bad;
}

/* Whether the groups of `part` add up into those of `total`. */
static bool adds_up(tna_set part, tna_set total)
{
    static const unsigned parent[][2] = {{A, R}, {S, T}, {T, F}};
    unsigned p = dims_of(part), t = dims_of(total);
    for (unsigned d = A; d <= S; d <<= 1) {
        if (!(p & d))
            continue;
        if (t == (p & ~d))
            return true;
        for (size_t k = 0; k < G_N_ELEMENTS(parent); k++)
            if (parent[k][0] == d && t == ((p & ~d) | parent[k][1]))
                return true;
    }
    return false;
}

static void test_relations(void)
{
    const int thresholds[] = {3, 5, 10, 25};
    for (size_t i = 0; i < G_N_ELEMENTS(thresholds); i++) {
        run r;
        if (!run_pipeline("tests/cases/oracle/tna.yaml", thresholds[i], true, &r))
            return;
        int checked = 0, bad = 0, relations = 0;
        for (size_t p = 0; p < r.res->n_periods; p++) {
            const tna_period_figures *f = &r.res->periods[p];
            CHECK(f->n_suppressed_primary > 0);
            for (int part = 0; part < TNA_SET_COUNT; part++)
                for (int total = 0; total < TNA_SET_COUNT; total++)
                    if (adds_up((tna_set)part, (tna_set)total)) {
                        relations++;
                        bad += broken(f, (tna_set)part, (tna_set)total, &checked);
                    }
        }
        if (bad)
            fprintf(stderr, "  threshold %d\n", thresholds[i]);
        CHECK_INT(bad, 0);
        CHECK_INT(relations, 21 * (int)r.res->n_periods);
        CHECK(checked > 100);
        run_free(&r);
    }
}

static void test_find(void)
{
    run r;
    if (!run_pipeline("tests/cases/oracle/tna.yaml", 1, true, &r))
        return;
    const tna_period_figures *f = &r.res->periods[0];
    const tna_group *all = tna_results_find(f, TNA_SET_ALL, TNA_DIMS_ALL);
    CHECK(all != NULL && all->set == TNA_SET_ALL && all->authority == TNA_NONE);
    /* index 0 is a value, not "all" */
    const tna_group *a0 =
        tna_results_find(f, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(0)});
    CHECK(a0 != NULL && a0->authority == 0);
    /* TNA_NONE is "all": the same as leaving the field out */
    CHECK(tna_results_find(f, TNA_SET_ALL, (tna_dims){.authority = tna_is(TNA_NONE)}) == all);
    /* a derived dimension given must agree */
    uint32_t region = r.m->authorities[0].region, other = (region + 1) % (uint32_t)r.m->n_regions;
    CHECK(tna_results_find(f, TNA_SET_AUTHORITY,
                           (tna_dims){.authority = tna_is(0), .region = tna_is(region)}) == a0);
    CHECK(tna_results_find(f, TNA_SET_AUTHORITY,
                           (tna_dims){.authority = tna_is(0), .region = tna_is(other)}) == NULL);
    /* a dimension the set groups by left out: the first such group in sort order */
    const tna_group *any =
        tna_results_find(f, TNA_SET_AUTHORITY_TOPIC, (tna_dims){.topic = tna_is(0)});
    CHECK(any != NULL && any->topic == 0 && any->set == TNA_SET_AUTHORITY_TOPIC);
    /* every group is found by its own dimensions */
    int lost = 0;
    for (size_t i = 0; i < f->n_groups; i++)
        lost +=
            tna_results_find(f, f->groups[i].set, tna_group_dims(&f->groups[i])) != &f->groups[i];
    CHECK_INT(lost, 0);

    CHECK_INT(tna_set_of(TNA_DIMS_ALL), TNA_SET_ALL);
    CHECK_INT(tna_set_of((tna_dims){.authority = tna_is(1), .topic = tna_is(2)}),
              TNA_SET_AUTHORITY_TOPIC);
    CHECK_INT(tna_set_of((tna_dims){.authority = tna_is(1), .region = tna_is(0)}),
              TNA_SET_AUTHORITY);
    CHECK_INT(
        tna_set_of((tna_dims){.skill = tna_is(0), .topic = tna_is(0), .framework = tna_is(0)}),
        TNA_SET_SKILL);
    CHECK_INT(tna_set_of((tna_dims){.region = tna_is(0), .role = tna_is(0)}), TNA_SET_COUNT);
    run_free(&r);
}

/* How many ways the hidden parts (bounds lo[i]..hi[i]) can add up to `left`, and for part
 * 0..n-1 whether it took more than one value (seen[i]: a bitmask of values, up to 63). */
static long assignments(const int64_t *lo, const int64_t *hi, size_t n, size_t i, int64_t left,
                        int64_t *pick, uint64_t *seen)
{
    if (i == n) {
        if (left != 0)
            return 0;
        for (size_t j = 0; j < n; j++)
            seen[j] |= UINT64_C(1) << pick[j];
        return 1;
    }
    long ways = 0;
    for (int64_t v = lo[i]; v <= hi[i] && v <= left; v++) {
        pick[i] = v;
        ways += assignments(lo, hi, n, i + 1, left - v, pick, seen);
    }
    return ways;
}

static void test_protect_range(void)
{
    const int64_t k = 5;
    GRand *rand = g_rand_new_with_seed(16);
    int acted = 0, cases = 0;
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)g_rand_int_range(rand, 2, 6);
        int64_t respondents[6], lo[6], hi[6], pick[6], total = 0;
        bool hidden[6], before[6];
        size_t n_hidden = 0;
        for (size_t i = 0; i < n; i++) {
            respondents[i] = g_rand_int_range(rand, 1, 9);
            hidden[i] = respondents[i] < k || g_rand_int_range(rand, 0, 4) == 0;
            total += respondents[i];
            before[i] = hidden[i];
            if (hidden[i]) {
                lo[n_hidden] = respondents[i] < k ? 1 : k;
                hi[n_hidden] = respondents[i] < k ? k - 1 : 40;
                n_hidden++;
            }
        }
        if (n_hidden < 2)
            continue;
        int64_t residual = total;
        for (size_t i = 0; i < n; i++)
            residual -= hidden[i] ? 0 : respondents[i];
        uint64_t seen[6] = {0};
        long ways = assignments(lo, hi, n_hidden, 0, residual, pick, seen);
        bool pinned = ways > 0;
        for (size_t j = 0; j < n_hidden; j++)
            pinned &= (seen[j] & (seen[j] - 1)) == 0; /* one value */
        bool total_hidden = false;
        bool changed = tna_protect_range(respondents, hidden, n, total, k, &total_hidden);
        cases++;
        acted += changed;
        CHECK(ways > 0); /* the true figures are one assignment */
        CHECK(changed == pinned);
        /* when it acts it hides exactly one more: the smallest shown part, or the total */
        size_t newly = 0, smallest = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            newly += hidden[i] && !before[i];
            if (!before[i] && (smallest == SIZE_MAX || respondents[i] < respondents[smallest]))
                smallest = i;
        }
        if (changed && smallest != SIZE_MAX)
            CHECK(newly == 1 && hidden[smallest] && !total_hidden);
        else
            CHECK(newly == 0 && total_hidden == (changed && smallest == SIZE_MAX));
    }
    CHECK(cases > 1000 && acted > 50); /* both outcomes were tried */
    /* a hidden total: nothing to keep a range of */
    int64_t two[2] = {1, 1};
    bool h[2] = {true, true}, total_hidden = true;
    CHECK(!tna_protect_range(two, h, 2, 2, k, &total_hidden));
    g_rand_free(rand);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_relations);
    RUN(test_find);
    RUN(test_protect_range);
    return g_test_run();
}
