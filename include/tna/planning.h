/*
 * planning.h - what the figures mean for training: demand, commissioning, mentors,
 * return on expectations, trends, barriers and raters (DESIGN.md "Training demand and
 * commissioning", "Return on expectations", "Trends", "Barriers", "Raters", "Welsh
 * language").
 *
 * All of it is computed by the analysis stage (tna_analyse) from the resolved respondents,
 * and like the group figures it is privacy-safe when it leaves the stage: a row whose group
 * has fewer than min_group_size respondents (or that could be worked out from the rows
 * shown) has `suppressed` set and every count in it zero. Renderers show such a row as
 * suppressed and never as a number.
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

/* Demand for one topic in one place (current period). */
typedef struct tna_demand {
    uint32_t topic;
    uint32_t authority; /* TNA_NONE for a region or all-Wales row */
    uint32_t region;    /* TNA_NONE for all-Wales; set (derived) for an authority row */
    bool suppressed;
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
    bool suppressed;   /* the region's learner count cannot be shown (cohorts still count) */
    int64_t learners;
    int64_t cohorts;
    double cost;       /* cohorts * cost_per_cohort */
} tna_cohort_plan;

/* The plan's totals for one topic (and, with topic TNA_NONE, for everything). When
 * `suppressed` is set (the topic's TOPIC group is suppressed; for the overall total, any
 * topic's total is), the learner counts and the costs that would reveal them (cohort_learners,
 * self_directed, cost, cost_alone) are 0; the cohort counts and the saving, which depend on
 * cohorts only, are kept. */
typedef struct tna_commissioning_total {
    uint32_t topic;
    bool suppressed;
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
    bool suppressed;
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
    TNA_NOTE_NOT_YET_SHOWN,   /* trained_vs_untrained: the adjusted estimate's 95% interval
                                 holds 0, so no RAG */
    TNA_NOTE_LEVEL4_FEW,      /* trained_vs_untrained: under 4 people, too few to adjust for
                                 the starting gap, so no RAG */
    TNA_NOTE_COUNT
} tna_note;

/* One expectation, evaluated in the current period. */
typedef struct tna_expectation_result {
    uint32_t expectation; /* index into model->expectations */
    bool suppressed;      /* too few respondents behind the actual value */
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
    bool suppressed;
    int64_t respondents; /* who answered the barriers question */
    int64_t citing;
    double share;
} tna_barrier_share;

/* Self minus manager, where both rated the same skill (current period). */
typedef struct tna_rater_gap {
    uint32_t topic;     /* TNA_NONE: every topic */
    uint32_t authority; /* TNA_NONE: all authorities */
    bool suppressed;
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

/* Names of a RAG status: "green", "amber", "red", "" (none). */
const char *tna_rag_name(tna_rag rag);

#endif
