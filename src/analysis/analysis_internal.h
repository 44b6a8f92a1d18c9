/*
 * analysis_internal.h - what resolve.c hands groups.c; not part of the API.
 *
 * A cube holds raw tallies per (authority, role, x) where x is a skill, topic or framework,
 * plus per (authority, role) over everything. Respondents are additive over authority and
 * role (each respondent has exactly one of each), so every group of every set is a sum of
 * cube cells. The cube is private: groups.c turns it into privacy-safe groups and frees it.
 */
#ifndef TNA_ANALYSIS_INTERNAL_H
#define TNA_ANALYSIS_INTERNAL_H

#include <glib.h>

#include "tna/analysis.h"
#include "tna/ingest.h"

typedef struct tally {
    int64_t respondents, assessed, below, gap_sum, learners;
} tally;

/* One respondent of a period, resolved. Private to the analysis: it is per person. */
typedef struct person {
    uint32_t respondent; /* run-wide index: the same person in another period */
    uint32_t authority, role;
    uint8_t trained;     /* tna_yesno, from their latest record that says */
    uint8_t medium;      /* tna_medium, likewise */
    uint8_t barriers_answered;
    uint64_t barriers;   /* from their latest record with a barriers answer */
} person;

/* Every respondent of a period, in respondent order, with their resolved answers. */
typedef struct people {
    person *p;
    size_t n;
    size_t n_skills;
    const uint8_t **answers; /* [n] -> n_skills answers used (TNA_LEVEL_NONE: none); a person
                              * with one record points at its levels in the dataset, others
                              * at their merged answers in `merged` */
    uint8_t *merged;
    uint8_t *self_level; /* [n][n_skills] latest self-assessment, NULL when the period */
    uint8_t *mgr_level;  /* has no manager ratings; latest manager rating likewise */
} people;

void people_free(people *pp);

typedef struct cube {
    size_t n_auth, n_role, n_skill, n_topic, n_framework;
    tally *by_skill;     /* [a][p][s] */
    tally *by_topic;     /* [a][p][t] */
    tally *by_framework; /* [a][p][f] */
    tally *overall;      /* [a][p] */
    size_t n_people;
} cube;

/* Resolves the respondents of one period into *pp, and tallies them into a new cube. */
void people_build(const tna_model *model, const tna_period_data *period, people *pp);
void cube_build(const tna_model *model, const people *pp, cube *out);
void cube_free(cube *c);

/* Builds the groups of every set from the cube and applies both kinds of suppression. */
tna_status groups_build(const tna_model *model, const cube *c, int min_group_size,
                        tna_period_figures *out, tna_error *err);

void groups_index_free(void *index);

/* The code of a row the privacy rule hid (hide true): suppressed when its own base is under
 * the threshold, else protected (hidden by the secondary rule). TNA_SHOWN when not hidden. */
static inline tna_hidden tna_hidden_code(bool hide, int64_t base, int64_t min_group_size)
{
    return !hide ? TNA_SHOWN : base < min_group_size ? TNA_SUPPRESSED : TNA_PROTECTED;
}

/* The privacy rule, for one total and its parts (respondents per part, 0 = no such part):
 * when the total is shown and exactly one existing part is hidden, hides the smallest shown
 * part too (or, with none left, the total); when the total is hidden and every part shown,
 * hides the smallest part. Returns true when it changed anything; callers repeat over all
 * their relations until nothing changes. */
bool protect_parts(const int64_t *respondents, bool *hidden, size_t n, bool *total_hidden);

/* Everything the planning files (demand.c, expectations.c, trends.c, barriers.c,
 * raters.c) read: the model, the dataset, the resolved people of every period, and the
 * results so far (the privacy-safe groups of every period). Each fills its part of
 * results->planning; planning_free() releases it all. */
typedef struct analysis_ctx {
    const tna_model *model;
    const tna_dataset *dataset;
    const people *people; /* one per period, oldest first; the last is current */
    size_t n_periods;
    tna_results *results;
} analysis_ctx;

void planning_demand(const analysis_ctx *a);       /* demand, cohorts, totals, mentors */
void planning_expectations(const analysis_ctx *a); /* return on expectations */
void planning_trends(const analysis_ctx *a);
void planning_barriers(const analysis_ctx *a);
void planning_raters(const analysis_ctx *a);
void planning_free(tna_planning *planning);

/* Copies into *out what the reports may know of one period's reading (data_quality.c): each
 * source's counts, and the data-quality log counted by file, column and reason, its strings
 * kept in `strings`. No logged value is copied. */
void tna_dq_summarise(const tna_period_data *period, size_t n_sources, GStringChunk *strings,
                      tna_period_figures *out);

#endif
