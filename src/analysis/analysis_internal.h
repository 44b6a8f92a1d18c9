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

#include "tna/analysis.h"

typedef struct tally {
    int64_t respondents, assessed, below, gap_sum, learners;
} tally;

typedef struct cube {
    size_t n_auth, n_role, n_skill, n_topic, n_framework;
    tally *by_skill;     /* [a][p][s] */
    tally *by_topic;     /* [a][p][t] */
    tally *by_framework; /* [a][p][f] */
    tally *overall;      /* [a][p] */
    size_t n_people;
} cube;

/* Resolves the respondents of one period and fills a new cube. */
tna_status cube_build(const tna_model *model, const tna_period_data *period, cube *out,
                      tna_error *err);
void cube_free(cube *c);

/* Builds the groups of every set from the cube and applies both kinds of suppression. */
tna_status groups_build(const tna_model *model, const cube *c, int min_group_size,
                        tna_period_figures *out, tna_error *err);

#endif
