/*
 * demand.c - training demand, the commissioning plan and internal supply (current period).
 *
 * One pass over the current period's people tallies, per (authority, topic), the learners
 * (respondents with a below-target pair in the topic), how they split (self-directed when
 * their largest gap is at most elearning_max_gap, else cohort; the band of their highest
 * below-target target; their language preference; cohort learners by medium), and the
 * internal supply (respondents who answered a skill of the topic, and experts among them).
 * Those raw tallies stay in this file; what leaves it is privacy-safe:
 *
 *   - Demand rows follow the group figures: a row exists where its group (AUTHORITY_TOPIC,
 *     REGION_TOPIC or TOPIC) has respondents, and is hidden exactly when the group is, with
 *     the group's code.
 *     The learners of a row are the group's learners_needing and every split of them adds
 *     up over the same relations (authorities in a region, regions and authorities in
 *     Wales), so the groups' primary and secondary suppression protects them too. Rows are
 *     kept even with no learners: leaving out a suppressed row would say it had none.
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
#include <string.h>

#include "analysis_internal.h"

/* Raw tallies of one (authority, topic); never leave this file. */
typedef struct need {
    int64_t learners, self_directed, cohort;
    int64_t band[TNA_BANDS];
    int64_t medium[4];        /* learners by tna_medium (unknown, welsh, english, either) */
    int64_t cohort_medium[2]; /* cohort learners: [0] English-medium, [1] Welsh-medium */
    int64_t answered, experts;
} need;

static void need_add(need *to, const need *from)
{
    to->learners += from->learners;
    to->self_directed += from->self_directed;
    to->cohort += from->cohort;
    for (int b = 0; b < TNA_BANDS; b++)
        to->band[b] += from->band[b];
    for (int k = 0; k < 4; k++)
        to->medium[k] += from->medium[k];
    to->cohort_medium[0] += from->cohort_medium[0];
    to->cohort_medium[1] += from->cohort_medium[1];
    to->answered += from->answered;
    to->experts += from->experts;
}

/* Tallies persons [lo, hi) of the current period into need[a * n_topics + t]. */
static void tally_range_needs(const tna_model *m, const people *pp, need *needs, size_t lo,
                              size_t hi)
{
    size_t nt = m->n_topics;
    int max_gap = m->commissioning.elearning_max_gap;
    for (size_t i = lo; i < hi; i++) {
        const person *who = &pp->p[i];
        const uint8_t *answer = pp->answers[i];
        const uint8_t *target = m->roles[who->role].target;
        for (uint32_t t = 0; t < nt; t++) {
            const tna_topic *tp = &m->topics[t];
            int top = m->frameworks[tp->framework].scale.max;
            int gap = 0, band = 0;
            bool answered = false, all_top = true;
            for (uint32_t s = tp->first_skill; s < tp->first_skill + tp->n_skills; s++) {
                if (answer[s] == TNA_LEVEL_NONE)
                    continue;
                answered = true;
                all_top &= answer[s] == top;
                if (target[s] == 0 || answer[s] >= target[s])
                    continue;
                if (target[s] - answer[s] > gap)
                    gap = target[s] - answer[s];
                if (target[s] > band)
                    band = target[s];
            }
            need *n = &needs[(size_t)who->authority * nt + t];
            if (answered) {
                n->answered++;
                n->experts += all_top;
            }
            if (gap == 0)
                continue;
            n->learners++;
            n->band[band < TNA_BANDS ? band : TNA_BANDS - 1]++;
            n->medium[who->medium < 4 ? who->medium : TNA_MEDIUM_UNKNOWN]++;
            if (gap <= max_gap) {
                n->self_directed++;
            } else {
                n->cohort++;
                n->cohort_medium[who->medium == TNA_MEDIUM_WELSH]++;
            }
        }
    }
}

typedef struct needs_job {
    const tna_model *m;
    const people *pp;
    need *needs;
    size_t lo, hi;
} needs_job;

static gpointer needs_thread(gpointer data)
{
    needs_job *job = data;
    tally_range_needs(job->m, job->pp, job->needs, job->lo, job->hi);
    return NULL;
}

/* Tallies every person of the current period into need[a * n_topics + t]; a large period
 * on two threads (half the people each, then the halves summed). */
static void tally_needs(const tna_model *m, const people *pp, need *needs)
{
    size_t cells = m->n_authorities * m->n_topics;
    if (pp->n < 50000 || g_get_num_processors() < 2) {
        tally_range_needs(m, pp, needs, 0, pp->n);
        return;
    }
    need *other = g_new0(need, cells + 1);
    needs_job job = {m, pp, other, pp->n / 2, pp->n};
    GThread *t = g_thread_new("tna-demand", needs_thread, &job);
    tally_range_needs(m, pp, needs, 0, pp->n / 2);
    g_thread_join(t);
    for (size_t i = 0; i < cells; i++)
        need_add(&needs[i], &other[i]);
    g_free(other);
}

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

static void put_line(GArray *lines, const tna_commissioning *k, uint32_t topic, uint32_t region,
                     bool welsh, int64_t learners, tna_hidden hide, tna_commissioning_total *total)
{
    tna_cohort_plan c = {.topic = topic,
                         .region = region,
                         .welsh_medium = welsh,
                         .hidden = hide,
                         .learners = hide ? 0 : learners,
                         .cohorts = cohorts_for(learners, k->cohort_max)};
    c.cost = tna_costs_set(k) ? (double)c.cohorts * k->cost_per_cohort : 0;
    total->cohort_learners += learners;
    total->cohorts += c.cohorts;
    if (welsh)
        total->welsh_medium_cohorts += c.cohorts;
    g_array_append_val(lines, c);
}

static void finish_total(tna_commissioning_total *tot, const tna_commissioning *k)
{
    if (tna_costs_set(k)) {
        double elearning = (double)tot->self_directed * k->cost_per_elearning_learner;
        tot->cost = (double)tot->cohorts * k->cost_per_cohort + elearning;
        tot->cost_alone = (double)tot->cohorts_alone * k->cost_per_cohort + elearning;
        tot->saving = tot->cost_alone - tot->cost;
    }
    if (tot->hidden) {
        tot->cohort_learners = tot->self_directed = 0;
        tot->cost = tot->cost_alone = 0;
    }
}

/* The plan for one topic, Welsh-medium first: per medium, a line per region with at least
 * cohort_min cohort learners, the rest pooled into one all-Wales line. Adds the cohorts, and
 * those of each authority alone, to the topic's total. */
static void plan_topic(const analysis_ctx *a, const tna_period_figures *ix, const need *needs,
                       uint32_t t, GArray *lines, tna_commissioning_total *tot)
{
    const tna_model *m = a->model;
    const tna_commissioning *k = &m->commissioning;
    size_t nt = m->n_topics;
    int64_t *region_cohort = g_new0(int64_t, m->n_regions + 1);
    for (int welsh = 1; welsh >= 0; welsh--) {
        memset(region_cohort, 0, sizeof(int64_t) * (m->n_regions + 1));
        for (uint32_t i = 0; i < m->n_authorities; i++) {
            const need *n = &needs[(size_t)i * nt + t];
            region_cohort[m->authorities[i].region] += n->cohort_medium[welsh];
            tot->cohorts_alone += cohorts_for(n->cohort_medium[welsh], k->cohort_max);
        }
        int64_t pool = 0;
        size_t pooled = 0;
        tna_hidden pool_hidden = TNA_SHOWN;
        for (uint32_t r = 0; r < m->n_regions; r++) {
            int64_t learners = region_cohort[r];
            tna_hidden hide = hidden(rt_group(ix, r, t));
            if (learners == 0)
                continue;
            if (learners < k->cohort_min) {
                pool += learners;
                pooled++;
                if (hide)
                    pool_hidden = hide;
            } else {
                put_line(lines, k, t, r, welsh, learners, hide, tot);
            }
        }
        /* a pool of one region is that region's line; a pool of several is hidden to
         * protect the hidden region in it */
        if (pool_hidden && pooled > 1)
            pool_hidden = TNA_PROTECTED;
        if (pool > 0)
            put_line(lines, k, t, TNA_NONE, welsh, pool, pool_hidden, tot);
    }
    g_free(region_cohort);
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
            s.learners = 0;
        }
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
    while (protect_parts(base, hide, nr, &wales_hidden))
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

void planning_demand(const analysis_ctx *a)
{
    const tna_model *m = a->model;
    const people *pp = &a->people[a->n_periods - 1];
    const tna_period_figures *f = &a->results->periods[a->n_periods - 1];
    size_t na = m->n_authorities, nr = m->n_regions, nt = m->n_topics;
    tna_planning *out = &a->results->planning;

    const tna_period_figures *ix = f; /* the groups whose suppression the plan follows */
    need *needs = g_new0(need, na * nt + 1);
    need *region_need = g_new0(need, nr + 1);
    tally_needs(m, pp, needs);

    GArray *demand = g_array_new(FALSE, FALSE, sizeof(tna_demand));
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(tna_cohort_plan));
    GArray *totals = g_array_new(FALSE, FALSE, sizeof(tna_commissioning_total));
    GArray *mentors = g_array_new(FALSE, FALSE, sizeof(tna_mentors));
    tna_commissioning_total all = {.topic = TNA_NONE};

    for (uint32_t t = 0; t < nt; t++) {
        need wales = {0};
        memset(region_need, 0, sizeof(need) * (nr + 1));
        for (uint32_t i = 0; i < na; i++) {
            need_add(&region_need[m->authorities[i].region], &needs[(size_t)i * nt + t]);
            need_add(&wales, &needs[(size_t)i * nt + t]);
        }
        put_demand(demand, t, TNA_NONE, TNA_NONE, t_group(ix, t), &wales);
        for (uint32_t r = 0; r < nr; r++)
            put_demand(demand, t, TNA_NONE, r, rt_group(ix, r, t), &region_need[r]);
        for (uint32_t i = 0; i < na; i++)
            put_demand(demand, t, i, m->authorities[i].region, at_group(ix, i, t),
                       &needs[(size_t)i * nt + t]);

        if (wales.learners > 0) {
            tna_commissioning_total tot = {
                .topic = t, .hidden = hidden(t_group(ix, t)), .self_directed = wales.self_directed};
            plan_topic(a, ix, needs, t, lines, &tot);
            if (tot.hidden) /* the others' sum would give this topic's away */
                all.hidden = TNA_PROTECTED;
            all.cohort_learners += tot.cohort_learners;
            all.self_directed += tot.self_directed;
            all.cohorts += tot.cohorts;
            all.welsh_medium_cohorts += tot.welsh_medium_cohorts;
            all.cohorts_alone += tot.cohorts_alone;
            finish_total(&tot, &m->commissioning);
            g_array_append_val(totals, tot);
        }
        mentors_topic(a, ix, region_need, &wales, t, mentors);
    }
    tna_hidden wales_hidden = hidden(tna_results_find(ix, TNA_SET_ALL, TNA_DIMS_ALL));
    if (wales_hidden)
        all.hidden = wales_hidden;
    finish_total(&all, &m->commissioning);
    g_array_append_val(totals, all);
    out->costed = tna_costs_set(&m->commissioning);
    sum_regions(a, ix, lines, out);

    out->n_demand = demand->len;
    out->demand = (tna_demand *)g_array_free(demand, FALSE);
    out->n_cohorts = lines->len;
    out->cohorts = (tna_cohort_plan *)g_array_free(lines, FALSE);
    out->n_totals = totals->len;
    out->totals = (tna_commissioning_total *)g_array_free(totals, FALSE);
    out->n_mentors = mentors->len;
    out->mentors = (tna_mentors *)g_array_free(mentors, FALSE);
    g_free(region_need);
    g_free(needs);
}
