/*
 * counts.h - a council's counts file: the run's raw tallies, to be merged with others'.
 *
 * A council that cannot share its staff's answers can share counts. `tna run --export-counts`
 * writes counts-PERIOD.csv: the additive partial sums (analysis.h, tna_tallies) that every
 * figure of the reports is made from, per period, authority, role and skill, topic or
 * framework, with demand, barriers, raters, expectations, and the sources' and data-quality
 * log's counts; no row per person and no value read from an input. `tna merge` reads several
 * such files, adds them up, and makes the results from the sum (tna_analyse_tallies), so the
 * reports are those of one run over all the councils' answers, suppression included.
 * docs/outputs.md ("counts-PERIOD.csv") documents the columns and the merge rule.
 *
 * A counts file carries a hash of the definitions its figures depend on (frameworks and
 * their scales, roles and their targets, authorities and regions, barriers, expectations,
 * the rater policy and elearning_max_gap) and the periods of its run; reading it against a
 * model whose hash or periods differ fails with TNA_ERR_INPUT and a message that says which.
 *
 * Memory: tna_counts_merge returns new tallies the caller frees with tna_tallies_free();
 * they refer to the model, which must outlive them.
 */
#ifndef TNA_COUNTS_H
#define TNA_COUNTS_H

#include <stdio.h>

#include "tna/analysis.h"
#include "tna/error.h"
#include "tna/model.h"

/* The definitions hash of a model: 64 hex digits. Caller frees with g_free(). */
char *tna_counts_definitions(const tna_model *model);

/* Writes tallies as a counts file to fp. */
void tna_counts_write(const tna_tallies *tallies, FILE *fp);

/* Reads the counts files paths[0..n) and returns their sum in *out. */
tna_status tna_counts_merge(const tna_model *model, const char *const *paths, size_t n,
                            tna_tallies **out, tna_error *err) TNA_MUST_CHECK;

#endif
