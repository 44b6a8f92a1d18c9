/*
 * analysis.h - deduplicated answers in, privacy-safe group figures out.
 *
 * For each period of the dataset, tna_analyse() resolves every respondent (authority and
 * role from their latest record; per skill the latest non-missing answer, under the rater
 * policy), measures each answered skill against the role's target, and tallies the pairs
 * (DESIGN.md "What it computes") for every group of the grouping sets below.
 *
 * Privacy is applied here, before anything leaves the stage: a group with fewer than
 * min_group_size respondents is suppressed (primary), and where a shown total and all but
 * one of its parts would let a reader work out a hidden part by subtraction, a second part
 * is suppressed too (secondary), until every relation between shown figures has either no
 * hidden part or at least two. A suppressed group's figures are zero in the result and its
 * `suppressed` flag is set: the raw tallies are freed inside tna_analyse(), so no renderer
 * can read them by mistake.
 *
 * Memory: *out is a new result the caller frees with tna_results_free(). It refers to the
 * model and the dataset (for the data-quality log), which must outlive it.
 */
#ifndef TNA_ANALYSIS_H
#define TNA_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/error.h"
#include "tna/ingest.h"
#include "tna/model.h"
#include "tna/planning.h"

/* Grouping sets. The first six are the summary CSV's, in DESIGN.md's order. */
typedef enum tna_set {
    TNA_SET_AUTHORITY_ROLE_TOPIC,
    TNA_SET_AUTHORITY_TOPIC,
    TNA_SET_ROLE_TOPIC,
    TNA_SET_AUTHORITY,
    TNA_SET_TOPIC,
    TNA_SET_ALL,
    TNA_SET_SUMMARY_COUNT, /* sets below are for the reports, not the summary CSV */
    TNA_SET_ROLE = TNA_SET_SUMMARY_COUNT,
    TNA_SET_REGION,
    TNA_SET_REGION_TOPIC,
    TNA_SET_FRAMEWORK,
    TNA_SET_AUTHORITY_FRAMEWORK,
    TNA_SET_SKILL,
    TNA_SET_COUNT
} tna_set;

/* One group's figures. Dimensions are indices into the model, TNA_NONE for "all". When a
 * group's topic is set, its framework is the topic's; when its skill is set, its topic too. */
typedef struct tna_group {
    tna_set set;
    uint32_t authority, region, role, framework, topic, skill;
    bool suppressed;             /* true: every figure below is 0 and must not be shown */
    int64_t respondents;         /* distinct, with at least one assessed pair */
    int64_t assessed;            /* (respondent, skill) pairs with a target and an answer */
    int64_t below_target;
    int64_t gap_sum;
    int64_t learners_needing;    /* respondents with at least one below-target pair */
    double mean_gap;             /* gap_sum / assessed */
    double share_below;          /* below_target / assessed */
} tna_group;

typedef struct tna_period_figures {
    const char *period;
    size_t period_index;  /* into dataset->periods */
    tna_group *groups;    /* every non-empty group, sorted by set, then dimensions' ids */
    size_t n_groups;
    size_t n_people;      /* respondents with at least one accepted record */
    size_t n_suppressed_primary, n_suppressed_secondary;
    void *index; /* private: the look-up table behind tna_results_find */
} tna_period_figures;

typedef struct tna_results {
    const tna_model *model;
    const tna_dataset *dataset;
    int min_group_size;
    tna_period_figures *periods; /* one per dataset period, oldest first */
    size_t n_periods;
    tna_planning planning; /* demand, commissioning, expectations, trends, ... (planning.h) */
} tna_results;

tna_status tna_analyse(const tna_model *model, const tna_dataset *dataset, tna_results **out,
                       tna_error *err) TNA_MUST_CHECK;

void tna_results_free(tna_results *results);

/* The group of a set with the given dimensions (TNA_NONE for those the set sums over), or
 * NULL when it has no respondents. Given every dimension the set groups by, it is a table
 * look-up; a dimension left TNA_NONE matches any group (a scan). Derived dimensions (an
 * authority's region, a topic's framework) may be given or not. */
const tna_group *tna_results_find(const tna_period_figures *figures, tna_set set,
                                  uint32_t authority, uint32_t region, uint32_t role,
                                  uint32_t framework, uint32_t topic, uint32_t skill);

#endif
