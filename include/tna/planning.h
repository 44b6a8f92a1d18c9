/*
 * planning.h - what the figures mean for training: demand, commissioning, mentors,
 * return on expectations, trends, barriers and raters (DESIGN.md "Training demand and
 * commissioning", "Return on expectations", "Trends", "Barriers", "Raters", "Welsh
 * language").
 *
 * All of it is computed by the analysis stage (tna_analyse) from the resolved respondents,
 * and like the group figures it is privacy-safe when it leaves the stage: a row whose base
 * has fewer than min_group_size respondents has `hidden` = TNA_SUPPRESSED, a row that could
 * otherwise be worked out from the rows shown has TNA_PROTECTED, and every count in a hidden
 * row is zero. Renderers show such a row with its marker and never as a number.
 *
 * Costs are money only when the configuration sets both commissioning.cost_per_cohort and
 * commissioning.cost_per_elearning_learner (planning.costed); otherwise every cost below
 * is 0 and renderers show cohorts and places without money.
 *
 * Definitions chosen where DESIGN.md is silent:
 *   - A learner needs a topic when they have a below-target pair in it (current period).
 *     Their largest gap in the topic decides self-directed (<= elearning_max_gap) or
 *     cohort; their level band is the highest target among their below-target skills of
 *     the topic (band[2] "to Working", band[3] "to Practitioner", band[4] "to Expert",
 *     band[1] "to Awareness").
 *   - Cohort learners who prefer Welsh are planned in Welsh-medium cohorts; those who
 *     prefer English, either, or did not say, in English-medium cohorts ("either" learners
 *     could join a Welsh-medium cohort, which is shown, not assumed).
 *   - Cohorts per region and medium: ceil(learners / cohort_max); a region with fewer than
 *     cohort_min learners of a medium in a topic is pooled into one all-Wales cohort set.
 *     "Alone": each authority plans its own ceil(learners / cohort_max) cohorts per medium.
 *   - An expert (potential mentor) in a topic answered at least one of its skills and
 *     rated every skill of it they answered at the top level of the scale.
 *   - share_at_target: the share of respondents in scope with no below-target pair;
 *     gap_reduction: baseline mean gap minus the actual mean gap; trained_vs_untrained: among
 *     respondents present in the previous and the current period, the mean change in their
 *     mean gap (current minus previous) of the trained minus that of the untrained.
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

/* One line of the commissioning plan: cohorts for a topic in a region (or pooled). */
typedef struct tna_cohort_plan {
    uint32_t topic;
    uint32_t region;   /* TNA_NONE: the all-Wales pool */
    bool welsh_medium;
    tna_hidden hidden; /* the learner count cannot be shown (cohorts still count): a region's
                          line has its region x topic group's code; a pool of one region
                          that region's, a pool of several TNA_PROTECTED */
    int64_t learners;
    int64_t cohorts;
    double cost;       /* cohorts * cost_per_cohort */
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
    double cost; /* cohorts * cost_per_cohort */
} tna_region_plan;

/* The plan's totals for one topic (and, with topic TNA_NONE, for everything). When hidden
 * (a topic's total has its TOPIC group's code; the overall total is hidden when any topic's
 * is, TNA_PROTECTED unless the all-Wales group is itself hidden), the learner counts and the
 * costs that would reveal them (cohort_learners, self_directed, cost, cost_alone) are 0; the
 * cohort counts and the saving, which depend on cohorts only, are kept. */
typedef struct tna_commissioning_total {
    uint32_t topic;
    tna_hidden hidden;
    int64_t cohort_learners, self_directed;
    int64_t cohorts, welsh_medium_cohorts;
    int64_t cohorts_alone;      /* if each authority commissioned alone */
    double cost;                /* cohorts * cost_per_cohort + self_directed * elearning */
    double cost_alone;
    double saving;              /* cost_alone - cost */
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
    bool costed; /* the configuration sets both costs: cost, cost_alone and saving are money */
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
} tna_planning;

/* True when the configuration sets both costs, so that the plan's costs are money. */
static inline bool tna_costs_set(const tna_commissioning *k)
{
    return k->has_cost_per_cohort && k->has_cost_per_elearning_learner;
}

/* Names of a RAG status: "green", "amber", "red", "" (none). */
const char *tna_rag_name(tna_rag rag);

#endif
