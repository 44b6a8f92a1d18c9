/*
 * planning.h - what the figures mean for training: demand, commissioning, mentors,
 * return on expectations, trends, barriers and raters (docs/method.md: "Training demand",
 * "Commissioning", "Mentors", "Return on expectations", "Trends", "Barriers",
 * "Self-assessment against managers").
 *
 * All of it is computed by the analysis stage (tna_analyse) from the resolved respondents,
 * and like the group figures it is privacy-safe when it leaves the stage: a row whose base
 * has fewer than min_group_size respondents has `hidden` = TNA_SUPPRESSED, a row that could
 * otherwise be worked out from the rows shown has TNA_PROTECTED, and every count in a hidden
 * row is zero. Renderers show such a row with its marker and never as a number.
 *
 * Costs are money only when the configuration sets both commissioning.cost_per_cohort and
 * commissioning.cost_per_elearning_learner (planning.costed), and cost_per_open_place when
 * places are bought (planning.places_priced); otherwise every cost below
 * is 0 and renderers show cohorts and places without money.
 *
 * Definitions tna chose (docs/method.md):
 *   - A learner needs a topic when they have a below-target pair in it (current period).
 *     Their largest gap in the topic decides self-directed (<= elearning_max_gap) or
 *     cohort; their level band is the highest target among their below-target skills of
 *     the topic (band[2] "to Working", band[3] "to Practitioner", band[4] "to Expert",
 *     band[1] "to Awareness").
 *   - Cohort learners who prefer Welsh are planned in Welsh-medium cohorts, and with
 *     commissioning.welsh_medium: welsh_and_either those who said either too; the others
 *     (English, not stated, and either by default) in English-medium cohorts. The totals show
 *     the Welsh-medium floor (Welsh) and potential (Welsh or either) side by side, and the
 *     self-directed learners for Welsh e-learning likewise.
 *   - Cohorts per region and medium: ceil(learners / cohort_max); a region with fewer than
 *     cohort_min learners of a medium in a topic is pooled into one all-Wales cohort set,
 *     and a pool still under cohort_min buys a place on an open course per learner. "Alone":
 *     each authority plans its own ceil(learners / cohort_max) cohorts per medium, or buys
 *     places where it has fewer than cohort_min learners of it. A pool of learners from two
 *     or more regions is flagged for online delivery.
 *   - The burden of a topic: its learners x its mean gap x its priority weight. A budget
 *     plan funds cohorts, places and self-directed learning to close the most weighted gap
 *     within commissioning.budget (budget.c, optimise.h).
 *   - An expert (potential mentor) in a topic answered at least one of its skills and is at
 *     or above mentors.min_level (default the top of the scale) in at least
 *     mentors.min_share (default all) of those they answered, under the rater policy.
 *   - share_at_target: the share of respondents in scope with no below-target pair (a person
 *     counts only when every pair is at target); share_skills_at_target: the share of the
 *     assessed pairs in scope at or above target;
 *     gap_reduction: baseline mean gap minus the actual mean gap; trained_vs_untrained: among
 *     respondents present in the previous and the current period, the mean change in their
 *     mean gap (current minus previous) of the trained minus that of the untrained, over the
 *     skills each answered in both periods, among those in the same authority and role in
 *     both; beside it the estimate adjusted for the starting gap (expectations.c).
 */
#ifndef TNA_PLANNING_H
#define TNA_PLANNING_H

#include <stdbool.h>
#include <stdint.h>

#include "tna/model.h"

#define TNA_BANDS 5 /* band[level] for target levels 1..4; band[0] unused */

/* Why a figure is not shown. The values are the `suppressed` codes of the CSVs; a group with
 * no data (nobody asked or nobody answered) has no row at all, so it needs no code. Every
 * row and group of the results carries one, and renderers word the three differently (the
 * glossary's marker terms): "fewer than 5" is only ever said of TNA_SUPPRESSED. */
typedef enum tna_hidden {
    TNA_SHOWN = 0,      /* figures shown */
    TNA_SUPPRESSED = 1, /* fewer than min_group_size respondents behind it */
    TNA_PROTECTED = 2   /* enough respondents, hidden so that a suppressed figure cannot be
                           worked out from the figures shown (secondary suppression) */
} tna_hidden;

/* Demand for one topic in one place (current period). */
typedef struct tna_demand {
    uint32_t topic;
    uint32_t authority; /* TNA_NONE for a region or all-Wales row */
    uint32_t region;    /* TNA_NONE for all-Wales; set (derived) for an authority row */
    tna_hidden hidden;  /* the code of the place's topic group */
    int64_t learners;      /* learners needing the topic */
    int64_t self_directed; /* largest gap <= elearning_max_gap */
    int64_t cohort;
    int64_t band[TNA_BANDS];
    int64_t welsh, english, either, unstated; /* language preference of the learners */
} tna_demand;

/* One line of the commissioning plan: cohorts for a topic in a region (or pooled), or, for
 * a pool under cohort_min, places on open courses. */
typedef struct tna_cohort_plan {
    uint32_t topic;
    uint32_t region;   /* TNA_NONE: the all-Wales pool */
    bool welsh_medium;
    tna_hidden hidden; /* the learner count cannot be shown (cohorts still count): a region's
                          line has its region x topic group's code; a pool of one region
                          that region's, a pool of several TNA_PROTECTED */
    int64_t learners;
    int64_t cohorts;
    int64_t places;    /* open places bought instead of a cohort (0 when hidden) */
    bool online;       /* a pool whose learners come from two or more regions: deliver online */
    double cost;       /* cohorts * cost_per_cohort, or places * cost_per_open_place (0 for
                          hidden places: it would give them away) */
    double cost_per_learner; /* cost / learners; 0 when hidden */
} tna_cohort_plan;

/* The plan of one region summed over every topic and both media (region TNA_NONE: the
 * all-Wales pools), for the plan's table by region. A person needing two topics counts in
 * both. Hidden (TNA_PROTECTED, or the region's own group's code when that is hidden) when
 * any of its lines is, as the sum less the shown lines would give the hidden one away. */
typedef struct tna_region_plan {
    uint32_t region;
    tna_hidden hidden;
    int64_t learners; /* cohort learners (0 when hidden) */
    int64_t cohorts, welsh_medium_cohorts;
    int64_t places;   /* the pools' open places (0 when hidden) */
    bool cost_hidden; /* a hidden line of places is in it: cost is 0, not the sum */
    double cost;      /* the lines' costs summed */
} tna_region_plan;

/* The plan's totals for one topic (and, with topic TNA_NONE, for everything). When hidden
 * (a topic's total has its TOPIC group's code; the overall total is hidden when any topic's
 * is, TNA_PROTECTED unless the all-Wales group is itself hidden), the learner counts and the
 * costs that would reveal them (cohort_learners, self_directed, cost, cost_alone) are 0; the
 * cohort counts and the saving, which depend on cohorts only, are kept, unless the plan
 * buys places (plan_protected). */
typedef struct tna_commissioning_total {
    uint32_t topic;
    tna_hidden hidden;
    int64_t cohort_learners, self_directed;
    int64_t cohorts, welsh_medium_cohorts;
    int64_t places;             /* open places of pools under cohort_min */
    int64_t cohorts_alone;      /* if each authority commissioned alone */
    int64_t places_alone;       /* ... buying places where it has under cohort_min learners */
    double cost;                /* cohorts * cost_per_cohort + places * cost_per_open_place +
                                   self_directed * cost_per_elearning_learner */
    double cost_alone;
    double saving;              /* cost_alone - cost */
    bool plan_protected;        /* places, places_alone, the costs and the saving are hidden (0):
                                   they would give away a hidden line's or authority's learners
                                   (for the overall total: any topic's) */
    /* Welsh-medium, side by side whatever commissioning.welsh_medium says: [0] the floor
     * (learners who chose Welsh), [1] the potential (who chose Welsh or said either). Cohort
     * learners and cohorts by the plan's rule (regions, then the pool; a pool under
     * cohort_min buys places, not cohorts); self-directed learners for Welsh e-learning, and
     * its cost at the setting (welsh_elearning[setting] * cost_per_elearning_learner, part of
     * cost). The learner counts and the cost are 0 when hidden, like cohort_learners. */
    int64_t welsh_learners[2], welsh_cohorts[2], welsh_elearning[2];
    double welsh_elearning_cost;
} tna_commissioning_total;

/* Internal supply beside demand, per topic and region (TNA_NONE: all Wales). */
typedef struct tna_mentors {
    uint32_t topic, region;
    tna_hidden hidden;   /* TNA_SUPPRESSED when respondents is under the threshold */
    int64_t respondents; /* who answered at least one skill of the topic (privacy base) */
    int64_t experts;  /* potential mentors and subject-matter leads */
    int64_t learners; /* demand */
} tna_mentors;

typedef enum tna_rag { TNA_RAG_NONE, TNA_RAG_RED, TNA_RAG_AMBER, TNA_RAG_GREEN } tna_rag;

/* Why an expectation's value is missing: a code, worded by the renderers (the glossary's
 * note_ terms; docs/outputs.md lists the CSV's English). */
typedef enum tna_note {
    TNA_NOTE_NONE,
    TNA_NOTE_TOO_FEW,         /* under the privacy threshold */
    TNA_NOTE_PROTECTED,       /* the matching group is suppressed */
    TNA_NOTE_NO_PAIRS,        /* nobody in scope */
    TNA_NOTE_NO_FIRST,        /* gap_reduction: nobody in scope in the first period */
    TNA_NOTE_NO_EVALUATIONS,  /* no evaluation rows in scope */
    TNA_NOTE_NO_BOTH,         /* trained_vs_untrained: nobody in scope in both periods */
    TNA_NOTE_NEEDS_TWO,       /* a period-on-period metric in a run of one period */
    TNA_NOTE_NEEDS_BOTH,      /* trained_vs_untrained without trained and untrained people */
    TNA_NOTE_BASELINE_HIDDEN, /* no configured baseline; the first period's is suppressed */
    TNA_NOTE_BASELINE_NONE,   /* no configured baseline; the first period has no value */
    TNA_NOTE_BASELINE_SET,    /* no configured baseline, and this is the first period: its
                                 value is the baseline, so there is no progress yet */
    TNA_NOTE_NOT_YET_SHOWN,   /* trained_vs_untrained: the adjusted estimate's 95% interval
                                 holds 0, so no RAG */
    TNA_NOTE_LEVEL4_FEW,      /* trained_vs_untrained: under 4 people, too few to adjust for
                                 the starting gap, so no RAG */
    TNA_NOTE_COUNT
} tna_note;

/* One expectation, evaluated in the current period. */
typedef struct tna_expectation_result {
    uint32_t expectation; /* index into model->expectations */
    tna_hidden hidden;    /* TNA_SUPPRESSED: too few respondents behind the actual value;
                             TNA_PROTECTED: its scope's group is hidden in the figures */
    bool has_baseline, has_actual, has_progress;
    double baseline, target, actual, progress; /* progress 1.0 = 100 % */
    tna_rag rag;
    int64_t respondents;  /* behind the actual value (0 when suppressed) */
    tna_note note;        /* why a value is missing, or TNA_NOTE_NONE */
    double *by_period;    /* the metric in each period of the run (NAN: none/suppressed) */
    /* trained_vs_untrained with an actual (has_level4): actual is the raw difference; the
     * adjusted estimate (progress and RAG use it), its 95% interval, each group's size and
     * mean gap at the start (docs/method.md, "Level 4"). */
    bool has_level4;
    double adjusted, ci_low, ci_high;
    int64_t n_trained, n_untrained;
    double start_trained, start_untrained;
} tna_expectation_result;

/* Headline figures of a place or topic across periods; pointers into period figures. */
typedef struct tna_trend {
    uint32_t authority, topic; /* both TNA_NONE: Wales */
    const struct tna_group **by_period; /* results->n_periods entries; NULL when no group */
} tna_trend;

/* Share of respondents citing a barrier (current period). */
typedef struct tna_barrier_share {
    uint32_t barrier;   /* index into model->barriers */
    uint32_t authority; /* TNA_NONE: all authorities */
    tna_hidden hidden;   /* TNA_SUPPRESSED when respondents is under the threshold */
    int64_t respondents; /* who answered the barriers question */
    int64_t citing;
    double share;
} tna_barrier_share;

/* Self minus manager, where both rated the same skill (current period). */
typedef struct tna_rater_gap {
    uint32_t topic;     /* TNA_NONE: every topic */
    uint32_t authority; /* TNA_NONE: all authorities */
    tna_hidden hidden;  /* TNA_SUPPRESSED when respondents is under the threshold */
    int64_t respondents, pairs;
    double mean_difference; /* mean of self level minus manager level */
} tna_rater_gap;

/* The burden of a topic (current period): its learners x its mean gap x its priority weight
 * (`priorities:`, default 1), from the topic's group; 0 and hidden when the group is. */
typedef struct tna_burden {
    uint32_t topic;
    tna_hidden hidden;
    double weight;
    int64_t learners;
    double mean_gap, burden;
} tna_burden;

/* What a line of the budget plan is: cohorts, places, or a topic's self-directed learning. */
typedef enum tna_budget_kind {
    TNA_BUDGET_COHORTS,
    TNA_BUDGET_PLACES,
    TNA_BUDGET_SELF_DIRECTED
} tna_budget_kind;

/* One line of the budget plan (commissioning.budget): a line of the commissioning plan, or a
 * topic's self-directed learning, with how much of it the budget funds. "Gap" is the
 * learners' gaps up to their targets in the topic, in levels; a funded cohort or place is
 * taken to bring its learners to target, and a cohort's learners to have the line's mean gap.
 * Hidden with its plan line (its code): learners, reached, gap, gap_closed and, for places,
 * units, funded and cost are then 0. */
typedef struct tna_budget_line {
    uint32_t topic;
    uint32_t region;    /* TNA_NONE: the pool, or all Wales for self-directed learning */
    bool welsh_medium;
    tna_budget_kind kind;
    tna_hidden hidden;
    int64_t units;      /* cohorts, places, or self-directed learners planned */
    int64_t funded;     /* of them, funded */
    int64_t learners, reached; /* the line's learners, and those the funded units reach */
    double gap, gap_closed;
    double cost;        /* of what is funded */
} tna_budget_line;

/* The budget plan per topic (topic TNA_NONE: everything). hidden: the learner and gap
 * figures (learners, reached, gap, gap_closed, gap_left) and the cost are 0, because a
 * hidden line of the topic is funded (for everything: as tna_protect_parts decides across the
 * topics, so that the overall total is shown beside at least two hidden topics). */
typedef struct tna_budget_topic {
    uint32_t topic;
    tna_hidden hidden;
    double weight;
    int64_t learners, reached;
    double gap, gap_closed, gap_left; /* gap: every learner's gap in the topic (its gap_sum) */
    double cost;
} tna_budget_topic;

typedef struct tna_budget_plan {
    bool set;              /* commissioning.budget is configured */
    double budget, spent;  /* spent <= budget */
    int64_t step_pence;    /* 1: exact in pence */
    tna_budget_line *lines; /* per topic: its plan lines in plan order, then self-directed */
    size_t n_lines;
    tna_budget_topic *topics; /* one per topic with learners, then the overall total */
    size_t n_topics;
} tna_budget_plan;

typedef struct tna_planning {
    tna_demand *demand; /* topic-major: per topic, all-Wales, regions, authorities */
    size_t n_demand;
    tna_cohort_plan *cohorts; /* per topic: Welsh-medium lines (regions, then the pool),
                                 then English-medium lines likewise */
    size_t n_cohorts;
    tna_commissioning_total *totals; /* one per topic with demand, then the overall total */
    size_t n_totals;
    tna_region_plan *regions; /* each region with cohorts of its own, then the pools */
    size_t n_regions;
    bool costed; /* the configuration sets every price the plan buys at: cost, cost_alone and
                    saving are money (else all 0) */
    bool places_priced; /* the plan (or an authority alone) buys no places, or
                           cost_per_open_place is set */
    tna_mentors *mentors; /* per topic: all Wales, then each region with respondents */
    size_t n_mentors;
    tna_expectation_result *expectations; /* one per model expectation, in order */
    size_t n_expectations;
    tna_trend *trends; /* Wales, then each authority, then each topic */
    size_t n_trends;
    tna_barrier_share *barriers; /* per cited barrier (model order): all authorities, then each */
    size_t n_barriers;
    tna_rater_gap *raters; /* per topic, then every topic: all authorities, then each */
    size_t n_raters;
    tna_burden *burden; /* one per topic with respondents, in model order */
    size_t n_burden;
    tna_budget_plan budget;
} tna_planning;

/* True when the configuration sets both costs, so that the plan's costs are money. */
static inline bool tna_costs_set(const tna_commissioning *k)
{
    return k->has_cost_per_cohort && k->has_cost_per_elearning_learner;
}

/* Names of a RAG status: "green", "amber", "red", "" (none). */
const char *tna_rag_name(tna_rag rag);

#endif
