/*
 * demand.c - training demand, the commissioning plan and internal supply (current period).
 *
 * The pass that tallies the current period (tally.c) counts, per (authority, topic), the
 * learners (respondents with a below-target pair in the topic), how they split
 * (self-directed when their largest gap is at most elearning_max_gap, else cohort; the band
 * of their highest below-target target; their language preference; cohort learners by
 * medium), and the internal supply (respondents who answered a skill of the topic, and
 * experts among them: every answered skill at the top of the scale). Those raw tallies stay
 * in the analysis; what this file makes of them is privacy-safe:
 *
 *   - Demand rows follow the group figures: a row exists where its group (AUTHORITY_TOPIC,
 *     REGION_TOPIC or TOPIC) has respondents, and is hidden exactly when the group is, with
 *     the group's code.
 *     The learners of a row are the group's learners_needing and every split of them adds
 *     up over the same relations (authorities in a region, regions and authorities in
 *     Wales), so the groups' primary and secondary suppression protects them too. Rows are
 *     kept even with no learners: leaving out a suppressed row would say it had none.
 *   - Places: a pool under cohort_min cannot run a cohort and buys places on open courses,
 *     as each authority alone does under cohort_min. A line's places are its learners, so
 *     they and their cost are hidden with its learners; the topic's places and costs, which
 *     would give them away, are then protected (plan_protected), and so are the topic's
 *     places alone when exactly one hidden authority buys places. Money needs every price the
 *     plan buys at (costed); the optimiser of a budget plan reads the raw lines (budget.c).
 *   - Plan lines: a region's learner count is hidden when its REGION_TOPIC group is (with
 *     its code); a pool's when any region pooled into it has its group hidden (the region's
 *     code when it pools that region alone, else protected). Cohorts and costs are planning
 *     quantities and always kept. A line's count adds nothing to the demand rows' relations
 *     (a region's two media add up to its cohort learners), so no further hiding is needed.
 *   - Totals: a topic's learner counts (and the costs that would reveal them) are hidden
 *     when its TOPIC group is; the overall total's when any topic's are. The sums of each
 *     region's lines over topics (and of the pools) are hidden when any line in them is.
 *   - Costs are computed only when the configuration sets both of them (planning.costed);
 *     a default is never passed off as a price.
 *   - Mentors: their base is everyone who answered a skill of the topic, which can be more
 *     than the group's respondents (a skill a role has no target for is still answered), so
 *     they get their own threshold on that base, on top of the group's flag, and their own
 *     secondary suppression across regions under all Wales.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "people.h"

/* The current period's groups of the three sets the planning follows. */
static const tna_group *at_group(const tna_period_figures *f, uint32_t a, uint32_t t)
{
    return tna_results_find(f, TNA_SET_AUTHORITY_TOPIC,
                            (tna_dims){.authority = tna_is(a), .topic = tna_is(t)});
}

static const tna_group *rt_group(const tna_period_figures *f, uint32_t r, uint32_t t)
{
    return tna_results_find(f, TNA_SET_REGION_TOPIC,
                            (tna_dims){.region = tna_is(r), .topic = tna_is(t)});
}

static const tna_group *t_group(const tna_period_figures *f, uint32_t t)
{
    return tna_results_find(f, TNA_SET_TOPIC, (tna_dims){.topic = tna_is(t)});
}

static tna_hidden hidden(const tna_group *g)
{
    return g != NULL ? g->hidden : TNA_SHOWN;
}

/* A demand row for a place whose group exists; zero counts when the group is hidden. */
static void put_demand(GArray *rows, uint32_t topic, uint32_t authority, uint32_t region,
                       const tna_group *g, const need *n)
{
    if (g == NULL)
        return; /* no respondents here: no learners either */
    tna_demand d = {.topic = topic, .authority = authority, .region = region, .hidden = g->hidden};
    if (!d.hidden) {
        d.learners = n->learners;
        d.self_directed = n->self_directed;
        d.cohort = n->cohort;
        memcpy(d.band, n->band, sizeof d.band);
        d.unstated = n->medium[TNA_MEDIUM_UNKNOWN];
        d.welsh = n->medium[TNA_MEDIUM_WELSH];
        d.english = n->medium[TNA_MEDIUM_ENGLISH];
        d.either = n->medium[TNA_MEDIUM_EITHER];
    }
    g_array_append_val(rows, d);
}

static int64_t cohorts_for(int64_t learners, int cohort_max)
{
    return (learners + cohort_max - 1) / cohort_max;
}

/* An authority's cohort learners of a medium, and their gaps: Welsh-medium those who chose
 * Welsh, and with `either` those who said either; English-medium the others. */
static int64_t medium_learners(const need *n, bool welsh, bool either, int64_t *gap)
{
    int64_t moved = either ? n->cohort_either : 0, moved_gap = either ? n->either_gap : 0;
    *gap = welsh ? n->cohort_gap[1] + moved_gap : n->cohort_gap[0] - moved_gap;
    return welsh ? n->cohort_medium[1] + moved : n->cohort_medium[0] - moved;
}

/* The Welsh-medium cohort learners of a topic and the cohorts the plan's rule gives them
 * (a region of at least cohort_min its own, the rest pooled; a pool under cohort_min buys
 * places): the floor without `either`, the potential with it. */
static int64_t welsh_cohorts(const tna_model *m, const need *needs, uint32_t t, bool either,
                             int64_t *learners)
{
    const tna_commissioning *k = &m->commissioning;
    int64_t *region = g_new0(int64_t, m->n_regions + 1), gap, pool = 0, cohorts = 0;
    *learners = 0;
    for (uint32_t i = 0; i < m->n_authorities; i++)
        region[m->authorities[i].region] +=
            medium_learners(&needs[(size_t)i * m->n_topics + t], true, either, &gap);
    for (size_t r = 0; r < m->n_regions; r++) {
        *learners += region[r];
        if (region[r] >= k->cohort_min)
            cohorts += cohorts_for(region[r], k->cohort_max);
        else
            pool += region[r];
    }
    if (pool >= k->cohort_min)
        cohorts += cohorts_for(pool, k->cohort_max);
    g_free(region);
    return cohorts;
}

/* Where plan_topic puts what it plans: the lines, their raw figures for the budget plan,
 * and the topic's total. */
typedef struct plan_out {
    const tna_commissioning *k;
    GArray *lines; /* tna_cohort_plan */
    GArray *raw;   /* tna_plan_line_raw */
    tna_commissioning_total *total;
} plan_out;

/* A line of the plan: cohorts when it has at least cohort_min learners, else places on open
 * courses (only a pool can have fewer). `regions`: how many regions its learners come from. */
static void put_line(plan_out *po, uint32_t topic, uint32_t region, bool welsh, int64_t learners,
                     int64_t gap, size_t regions, tna_hidden hide)
{
    const tna_commissioning *k = po->k;
    bool places = learners < k->cohort_min;
    int64_t cohorts = places ? 0 : cohorts_for(learners, k->cohort_max);
    double cost = places ? (double)learners * k->cost_per_open_place
                         : (double)cohorts * k->cost_per_cohort;
    tna_cohort_plan c = {.topic = topic,
                         .region = region,
                         .welsh_medium = welsh,
                         .hidden = hide,
                         .learners = hide ? 0 : learners,
                         .cohorts = cohorts,
                         .places = places && !hide ? learners : 0,
                         .online = regions > 1,
                         .cost = places && hide ? 0 : cost,
                         .cost_per_learner = hide ? 0 : cost / (double)learners};
    tna_commissioning_total *total = po->total;
    total->cohort_learners += learners;
    total->cohorts += cohorts;
    total->places += places ? learners : 0;
    if (welsh)
        total->welsh_medium_cohorts += cohorts;
    /* the topic's places and costs less the lines shown would give a hidden line's away */
    total->plan_protected |= places && hide;
    g_array_append_val(po->lines, c);
    tna_plan_line_raw r = {topic, region, welsh, hide, learners, gap, cohorts,
                           places ? learners : 0};
    g_array_append_val(po->raw, r);
}

static void finish_total(tna_commissioning_total *tot, const tna_commissioning *k)
{
    tot->welsh_elearning_cost =
        (double)tot->welsh_elearning[k->welsh_medium] * k->cost_per_elearning_learner;
    double elearning = (double)tot->self_directed * k->cost_per_elearning_learner;
    double places = (double)tot->places * k->cost_per_open_place;
    double places_alone = (double)tot->places_alone * k->cost_per_open_place;
    tot->cost = (double)tot->cohorts * k->cost_per_cohort + places + elearning;
    tot->cost_alone = (double)tot->cohorts_alone * k->cost_per_cohort + places_alone + elearning;
    tot->saving = tot->cost_alone - tot->cost;
    /* places are learners: where the learner counts are hidden, they are too, and so is
     * everything they cost; without places the saving depends on cohorts only */
    if (tot->hidden && (tot->places > 0 || tot->places_alone > 0))
        tot->plan_protected = true;
    if (tot->hidden) {
        tot->cohort_learners = tot->self_directed = 0;
        tot->cost = tot->cost_alone = 0;
        memset(tot->welsh_learners, 0, sizeof tot->welsh_learners);
        memset(tot->welsh_elearning, 0, sizeof tot->welsh_elearning);
        tot->welsh_elearning_cost = 0;
    }
    if (tot->plan_protected) {
        tot->places = tot->places_alone = 0;
        tot->cost = tot->cost_alone = tot->saving = 0;
    }
}

/* "Alone": each authority runs ceil(learners / cohort_max) cohorts per medium when it has at
 * least cohort_min cohort learners of it, and buys a place for each otherwise. A hidden
 * authority that buys places is protected only when it is not alone in that: the topic's
 * places alone less the others' would give its learners away. */
static void plan_alone(const tna_model *m, const tna_period_figures *ix, const need *needs,
                       uint32_t t, tna_commissioning_total *tot)
{
    const tna_commissioning *k = &m->commissioning;
    bool either = k->welsh_medium == TNA_WELSH_MEDIUM_AND_EITHER;
    size_t hidden_buyers = 0;
    for (uint32_t i = 0; i < m->n_authorities; i++) {
        const need *n = &needs[(size_t)i * m->n_topics + t];
        bool buys = false;
        for (int welsh = 0; welsh < 2; welsh++) {
            int64_t gap, learners = medium_learners(n, welsh, either, &gap);
            if (learners >= k->cohort_min) {
                tot->cohorts_alone += cohorts_for(learners, k->cohort_max);
            } else if (learners > 0) {
                tot->places_alone += learners;
                buys = true;
            }
        }
        hidden_buyers += buys && hidden(at_group(ix, i, t));
    }
    if (hidden_buyers == 1)
        tot->plan_protected = true;
}

/* The plan for one topic, Welsh-medium first: per medium, a line per region with at least
 * cohort_min cohort learners, the rest pooled into one all-Wales line (cohorts, or places
 * when the pool is under cohort_min too). Adds the plan, and that of each authority alone,
 * to the topic's total. */
static void plan_topic(const analysis_ctx *a, const tna_period_figures *ix, const need *needs,
                       uint32_t t, plan_out *po)
{
    const tna_model *m = a->model;
    size_t nt = m->n_topics, nr = m->n_regions;
    bool either = po->k->welsh_medium == TNA_WELSH_MEDIUM_AND_EITHER;
    int64_t *region_cohort = g_new0(int64_t, 2 * nr + 1), *region_gap = region_cohort + nr;
    for (int welsh = 1; welsh >= 0; welsh--) {
        memset(region_cohort, 0, sizeof(int64_t) * 2 * nr);
        for (uint32_t i = 0; i < m->n_authorities; i++) {
            int64_t gap;
            region_cohort[m->authorities[i].region] +=
                medium_learners(&needs[(size_t)i * nt + t], welsh, either, &gap);
            region_gap[m->authorities[i].region] += gap;
        }
        int64_t pool = 0, pool_gap = 0;
        size_t pooled = 0;
        tna_hidden pool_hidden = TNA_SHOWN;
        for (uint32_t r = 0; r < nr; r++) {
            int64_t learners = region_cohort[r];
            tna_hidden hide = hidden(rt_group(ix, r, t));
            if (learners == 0)
                continue;
            if (learners < po->k->cohort_min) {
                pool += learners;
                pool_gap += region_gap[r];
                pooled++;
                if (hide)
                    pool_hidden = hide;
            } else {
                put_line(po, t, r, welsh, learners, region_gap[r], 1, hide);
            }
        }
        /* a pool of one region is that region's line; a pool of several is hidden to
         * protect the hidden region in it */
        if (pool_hidden && pooled > 1)
            pool_hidden = TNA_PROTECTED;
        if (pool > 0)
            put_line(po, t, TNA_NONE, welsh, pool, pool_gap, pooled, pool_hidden);
    }
    g_free(region_cohort);
    tna_commissioning_total *tot = po->total;
    for (int pot = 0; pot < 2; pot++)
        tot->welsh_cohorts[pot] = welsh_cohorts(m, needs, t, pot, &tot->welsh_learners[pot]);
    plan_alone(m, ix, needs, t, tot);
}

/* Without every price the plan buys at, its costs are not money: none is kept. */
static void drop_costs(GArray *lines, GArray *totals)
{
    for (guint i = 0; i < lines->len; i++) {
        tna_cohort_plan *c = &g_array_index(lines, tna_cohort_plan, i);
        c->cost = c->cost_per_learner = 0;
    }
    for (guint i = 0; i < totals->len; i++) {
        tna_commissioning_total *t = &g_array_index(totals, tna_commissioning_total, i);
        t->cost = t->cost_alone = t->saving = 0;
        t->welsh_elearning_cost = 0;
    }
}

/* The plan's lines summed per region over topics and media, then the pools likewise. */
static void sum_regions(const analysis_ctx *a, const tna_period_figures *ix, const GArray *lines,
                        tna_planning *out)
{
    size_t nr = a->model->n_regions;
    tna_region_plan *sum = g_new0(tna_region_plan, nr + 1); /* [nr]: the pools */
    bool *any = g_new0(bool, nr + 1);
    for (guint i = 0; i < lines->len; i++) {
        const tna_cohort_plan *c = &g_array_index(lines, tna_cohort_plan, i);
        size_t r = c->region == TNA_NONE ? nr : c->region;
        tna_region_plan *s = &sum[r];
        any[r] = true;
        s->learners += c->learners;
        s->cohorts += c->cohorts;
        s->places += c->places;
        /* a hidden line of places has no cost to add: the sum's cost would mislead */
        s->cost_hidden |= c->hidden && c->cohorts == 0;
        s->welsh_medium_cohorts += c->welsh_medium ? c->cohorts : 0;
        s->cost += c->cost;
        if (c->hidden)
            s->hidden = TNA_PROTECTED;
    }
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(tna_region_plan));
    for (size_t r = 0; r <= nr; r++) {
        if (!any[r])
            continue;
        tna_region_plan s = sum[r];
        s.region = r == nr ? TNA_NONE : (uint32_t)r;
        if (s.hidden) {
            /* a region hidden itself says so; otherwise the sum protects a hidden line */
            tna_hidden own = hidden(
                tna_results_find(ix, TNA_SET_REGION, (tna_dims){.region = tna_is(s.region)}));
            if (own)
                s.hidden = own;
            s.learners = s.places = 0;
        }
        if (s.cost_hidden)
            s.cost = 0;
        g_array_append_val(rows, s);
    }
    out->n_regions = rows->len;
    out->regions = (tna_region_plan *)g_array_free(rows, FALSE);
    g_free(sum);
    g_free(any);
}

/* Mentors of one topic: all Wales, then each region with respondents. */
static void mentors_topic(const analysis_ctx *a, const tna_period_figures *ix,
                          const need *region_need, const need *wales, uint32_t t, GArray *rows)
{
    const tna_model *m = a->model;
    size_t nr = m->n_regions;
    int64_t k = a->results->min_group_size;
    int64_t *base = g_new0(int64_t, nr + 1);
    bool *hide = g_new0(bool, nr + 1);
    for (uint32_t r = 0; r < nr; r++) {
        base[r] = region_need[r].answered;
        hide[r] = hidden(rt_group(ix, r, t)) || (base[r] > 0 && base[r] < k);
    }
    bool wales_hidden = hidden(t_group(ix, t)) || wales->answered < k;
    while (tna_protect_parts(base, hide, nr, &wales_hidden) ||
           tna_protect_range(base, hide, nr, wales->answered, k, &wales_hidden))
        ;
    if (wales->answered > 0) {
        tna_mentors w = {t, TNA_NONE, tna_hidden_code(wales_hidden, wales->answered, k), 0, 0, 0};
        if (!wales_hidden) {
            w.respondents = wales->answered;
            w.experts = wales->experts;
            w.learners = wales->learners;
        }
        g_array_append_val(rows, w);
    }
    for (uint32_t r = 0; r < nr; r++) {
        if (base[r] == 0)
            continue;
        tna_mentors row = {t, r, tna_hidden_code(hide[r], base[r], k), 0, 0, 0};
        if (!hide[r]) {
            row.respondents = base[r];
            row.experts = region_need[r].experts;
            row.learners = region_need[r].learners;
        }
        g_array_append_val(rows, row);
    }
    g_free(base);
    g_free(hide);
}

void tna_planning_demand(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const tna_period_figures *f = &a->results->periods[a->n_periods - 1];
    size_t na = m->n_authorities, nr = m->n_regions, nt = m->n_topics;
    tna_planning *out = &a->results->planning;

    const tna_period_figures *ix = f; /* the groups whose suppression the plan follows */
    const need *needs = a->needs;
    need *region_need = g_new0(need, nr + 1);

    GArray *demand = g_array_new(FALSE, FALSE, sizeof(tna_demand));
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(tna_cohort_plan));
    GArray *totals = g_array_new(FALSE, FALSE, sizeof(tna_commissioning_total));
    GArray *mentors = g_array_new(FALSE, FALSE, sizeof(tna_mentors));
    GArray *raw = g_array_new(FALSE, FALSE, sizeof(tna_plan_line_raw));
    tna_plan_topic_raw *topic_raw = g_new0(tna_plan_topic_raw, nt + 1);
    tna_commissioning_total all = {.topic = TNA_NONE};
    bool places_bought = false; /* by the plan or by an authority alone */

    for (uint32_t t = 0; t < nt; t++) {
        need wales = {0};
        memset(region_need, 0, sizeof(need) * (nr + 1));
        for (uint32_t i = 0; i < na; i++) {
            tna_need_add(&region_need[m->authorities[i].region], &needs[(size_t)i * nt + t]);
            tna_need_add(&wales, &needs[(size_t)i * nt + t]);
        }
        put_demand(demand, t, TNA_NONE, TNA_NONE, t_group(ix, t), &wales);
        for (uint32_t r = 0; r < nr; r++)
            put_demand(demand, t, TNA_NONE, r, rt_group(ix, r, t), &region_need[r]);
        for (uint32_t i = 0; i < na; i++)
            put_demand(demand, t, i, m->authorities[i].region, at_group(ix, i, t),
                       &needs[(size_t)i * nt + t]);

        if (wales.learners > 0) {
            tna_commissioning_total tot = {
                .topic = t,
                .hidden = hidden(t_group(ix, t)),
                .self_directed = wales.self_directed,
                .welsh_elearning = {wales.self_welsh, wales.self_welsh + wales.self_either}};
            plan_out po = {&m->commissioning, lines, raw, &tot};
            plan_topic(a, ix, needs, t, &po);
            if (tot.hidden) /* the others' sum would give this topic's away */
                all.hidden = TNA_PROTECTED;
            all.cohort_learners += tot.cohort_learners;
            all.self_directed += tot.self_directed;
            all.cohorts += tot.cohorts;
            all.places += tot.places;
            all.welsh_medium_cohorts += tot.welsh_medium_cohorts;
            all.cohorts_alone += tot.cohorts_alone;
            all.places_alone += tot.places_alone;
            for (int pot = 0; pot < 2; pot++) {
                all.welsh_learners[pot] += tot.welsh_learners[pot];
                all.welsh_cohorts[pot] += tot.welsh_cohorts[pot];
                all.welsh_elearning[pot] += tot.welsh_elearning[pot];
            }
            places_bought |= tot.places > 0 || tot.places_alone > 0;
            finish_total(&tot, &m->commissioning);
            all.plan_protected |= tot.plan_protected; /* the others' sum would give it away */
            g_array_append_val(totals, tot);
        }
        topic_raw[t] = (tna_plan_topic_raw){hidden(t_group(ix, t)), wales.self_directed,
                                            wales.self_gap};
        mentors_topic(a, ix, region_need, &wales, t, mentors);
    }
    tna_hidden wales_hidden = hidden(tna_results_find(ix, TNA_SET_ALL, TNA_DIMS_ALL));
    if (wales_hidden)
        all.hidden = wales_hidden;
    finish_total(&all, &m->commissioning);
    g_array_append_val(totals, all);
    /* money only when every price the plan buys at is set: never a default passed off */
    out->places_priced = !places_bought || m->commissioning.has_cost_per_open_place;
    out->costed = tna_costs_set(&m->commissioning) && out->places_priced;
    if (!out->costed)
        drop_costs(lines, totals);
    sum_regions(a, ix, lines, out);

    out->n_demand = demand->len;
    out->demand = (tna_demand *)g_array_free(demand, FALSE);
    out->n_cohorts = lines->len;
    out->cohorts = (tna_cohort_plan *)g_array_free(lines, FALSE);
    out->n_totals = totals->len;
    out->totals = (tna_commissioning_total *)g_array_free(totals, FALSE);
    out->n_mentors = mentors->len;
    out->mentors = (tna_mentors *)g_array_free(mentors, FALSE);
    tna_planning_budget(a, (const tna_plan_line_raw *)(void *)raw->data, raw->len, topic_raw);
    g_array_free(raw, TRUE);
    g_free(topic_raw);
    g_free(region_need);
}
