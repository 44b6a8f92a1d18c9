/*
 * analysis.h - deduplicated answers in, privacy-safe group figures out.
 *
 * For each period of the dataset, tna_analyse() resolves every respondent (authority and
 * role from their latest record; per skill the latest non-missing answer, under the rater
 * policy), measures each answered skill against the role's target, and tallies the pairs
 * (docs/method.md) for every group of the grouping sets below.
 *
 * Privacy is applied here, before anything leaves the stage: a group with fewer than
 * min_group_size respondents is suppressed (primary, TNA_SUPPRESSED), and where a shown
 * total and all but one of its parts would let a reader work out a hidden part by
 * subtraction, a second part is hidden too (secondary, TNA_PROTECTED), until every relation
 * between shown figures has either no hidden part or at least two. A hidden group's figures
 * are zero in the result and `hidden` says why: the raw tallies are freed inside
 * tna_analyse(), so no renderer can read them by mistake.
 *
 * Coverage: a group's figures rest on the skills with at least one assessed pair in it
 * (skills_assessed), of the skills under its skill, topic, framework or of every framework
 * (skills). A topic's figure resting on fewer than all its skills says so in the reports.
 *
 * The results are all a renderer sees, and they hold nothing a respondent typed: names
 * come from the model (reference data), barrier names only for the barriers the analysis
 * reports, and the data-quality log only as counts by file, column and reason. The log's
 * values (input cells) stay in the dataset, for the data-quality CSV alone (dq_log.h).
 *
 * Memory: *out is a new result the caller frees with tna_results_free(). It refers to the
 * model, which must outlive it; it copies what it needs of the dataset, which may be freed
 * first.
 */
#ifndef TNA_ANALYSIS_H
#define TNA_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/dims.h"
#include "tna/dq_reason.h"
#include "tna/error.h"
#include "tna/model.h"
#include "tna/planning.h"

/* Grouping sets. The first six are the summary CSV's, in docs/outputs.md's order. */
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
    tna_hidden hidden;           /* not TNA_SHOWN: every figure below is 0, not to be shown */
    int64_t respondents;         /* distinct, with at least one assessed pair */
    int64_t assessed;            /* (respondent, skill) pairs with a target and an answer */
    int64_t below_target;
    int64_t gap_sum;
    int64_t learners_needing;    /* respondents with at least one below-target pair */
    double mean_gap;             /* gap_sum / assessed */
    double share_below;          /* below_target / assessed */
    int32_t skills;              /* skills under the group's skill, topic, framework or all */
    int32_t skills_assessed;     /* of them, those with at least one assessed pair here */
    /* 95% intervals (docs/method.md, "Intervals"): respondents are the sampling units, as a
     * person's pairs are not independent. has_interval is false for a hidden group and for
     * one of a single respondent; the bounds are then 0. */
    bool has_interval;
    double mean_gap_low, mean_gap_high;       /* t-interval of the ratio gap_sum / assessed */
    double share_below_low, share_below_high; /* Wilson, on the pairs' effective number */
} tna_group;

typedef struct tna_dataset tna_dataset; /* ingest.h; the analysis reads it, renderers never */

/* What one source of the model gave in one period: counts only (ingest.h's stats). */
typedef struct tna_source_read {
    uint32_t source;  /* index into model->sources */
    const char *path; /* the file path the configuration resolved to */
    bool present;     /* false: no file for this period */
    long rows_read, accepted, rejected, excluded; /* read = accepted + rejected + excluded */
    long unrecognised_answers, bad_dates, invalid_text;
    tna_date_format date_format; /* the format used (auto resolved) */
    tna_encoding encoding;       /* the encoding read (auto resolved) */
    char delimiter;              /* the delimiter used (sniffed when not configured) */
    bool encoding_guessed;       /* auto found no BOM and bytes that are not UTF-8 */
} tna_source_read;

/* Data-quality log entries of one period with the same file, column and reason (code, text
 * kind and detail), counted. The detail names fields and ids of the configuration, never a
 * value read (dq_reason.h). */
typedef struct tna_dq_count {
    const char *file;
    long column; /* 1-based field number, 0 for the whole row or file */
    tna_dq_reason reason;
    tna_dq_text bad;
    const char *detail;
    long entries;
    long first_line; /* the line of the first of them, 0 for the whole file */
    bool note;       /* not a problem (an excluded row, an encoding guessed): --strict ignores it */
} tna_dq_count;

typedef struct tna_period_figures {
    const char *period;
    size_t period_index;  /* into model->periods (and the dataset's periods) */
    tna_group *groups;    /* every non-empty group, sorted by set, then dimensions' ids */
    size_t n_groups;
    size_t n_people;      /* respondents with at least one accepted record */
    size_t n_suppressed_primary, n_suppressed_secondary;
    tna_source_read *sources; /* one per model source */
    size_t n_sources;
    tna_dq_count *dq; /* in order of each count's first entry in the log */
    size_t n_dq;
    size_t n_dq_entries; /* the sum of dq[].entries */
    void *index; /* private: the look-up table behind tna_results_find */
} tna_period_figures;

typedef struct tna_results {
    const tna_model *model;
    int min_group_size;
    tna_period_figures *periods; /* one per dataset period, oldest first */
    size_t n_periods;
    tna_planning planning; /* demand, commissioning, expectations, trends, ... (planning.h) */
    void *strings;         /* private: the GStringChunk holding the copied names */
} tna_results;

tna_status tna_analyse(const tna_model *model, const tna_dataset *dataset, tna_results **out,
                       tna_error *err) TNA_MUST_CHECK;

void tna_results_free(tna_results *results);

/* A run's raw tallies: the additive partial sums, per period, that every figure of the
 * results is made from (counts of pairs, gaps, learners, demand, barriers, ... per
 * authority, role and skill or topic), before any suppression, and nothing per person.
 * counts.h writes them to a council's counts file, reads such files back and sums them.
 * tna_analyse_counted is tna_analyse that also hands back the tallies (when `tallies` is
 * not NULL; the caller frees them with tna_tallies_free); tna_analyse_tallies makes the
 * results from tallies alone, as tna_analyse would have from the answers they came from.
 * Tallies refer to the model, which must outlive them. */
typedef struct tna_tallies tna_tallies;

tna_status tna_analyse_counted(const tna_model *model, const tna_dataset *dataset,
                               tna_tallies **tallies, tna_results **out,
                               tna_error *err) TNA_MUST_CHECK;
tna_status tna_analyse_tallies(const tna_model *model, const tna_tallies *tallies,
                               tna_results **out, tna_error *err) TNA_MUST_CHECK;
void tna_tallies_free(tna_tallies *tallies);

/* The dimensions of a group, for finding the same group in another period. */
tna_dims tna_group_dims(const tna_group *g);

/* The group of a set with the given dimensions, or NULL when it has no respondents. Given
 * every dimension the set groups by, it is a table look-up; a dimension left "all" that
 * the set groups by matches any group (a scan, first in sort order). Derived dimensions (an
 * authority's region, a topic's framework, a skill's topic) may be given or not; when given
 * they must agree. */
const tna_group *tna_results_find(const tna_period_figures *figures, tna_set set, tna_dims dims);

/* How many of the model's authorities have respondents in the current period: the councils a
 * total "for Wales" is really over. */
size_t tna_results_answered(const tna_results *results);

/* The set that groups by exactly the given dimensions (derived ones ignored: a region beside
 * an authority, a topic or framework beside a skill, a framework beside a topic), or
 * TNA_SET_COUNT when no set does. */
tna_set tna_set_of(tna_dims dims);

#endif
