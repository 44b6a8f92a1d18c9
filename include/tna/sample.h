/*
 * sample.h - a realistic synthetic dataset, for trying tna and for its own tests.
 *
 * tna_sample_write() writes into dir: the shipped reference files (frameworks, roles,
 * authorities, compiled into the binary from inputs/ so a bare binary can do it), a
 * tna.yaml analysis file for them, and for each of two or more periods a survey export
 * shaped like Microsoft Forms' (Excel-saved CSV: ID, Start time, Completion time, Email,
 * Name, Staff number, council, job role, a column per skill headed by its name, training,
 * barriers, language preference, comments). Gaps are skewed by authority and role, some
 * staff submit twice, a few rows are bad (unknown council or role, unrecognised answers),
 * and an evaluation export and manager ratings are included where the analysis can use
 * them. The same seed gives byte-identical files.
 *
 * Names, emails and comments are invented from small word lists; they exist so ingest has
 * personal columns to ignore.
 */
#ifndef TNA_SAMPLE_H
#define TNA_SAMPLE_H

#include "tna/error.h"
#include "tna/reference.h"

tna_status tna_sample_write(const char *dir, int staff, unsigned seed,
                            tna_error *err) TNA_MUST_CHECK;

#endif
