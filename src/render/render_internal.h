/*
 * render_internal.h - what the CSV writers share; not part of the API.
 *
 * csv.c writes the summary and calls the writers of the data-quality log
 * (csv_data_quality.c, the one renderer that reads logged values), of the planning outputs
 * (csv_planning.c: demand, commissioning, trends, barriers, raters) and of the expectations
 * (csv_expectations.c). Each opens its files through the outputs set and writes every row
 * through the one CSV writer (tna/csvwrite.h) with TNA_CSV_INERT.
 */
#ifndef TNA_RENDER_INTERNAL_H
#define TNA_RENDER_INTERNAL_H

#include "tna/csvwrite.h"
#include "tna/render.h"

tna_status tna_csv_write_data_quality(const tna_results *results, const tna_dq_log *log,
                                      tna_outputs *outputs, tna_error *err);
tna_status csv_write_planning(const tna_results *results, tna_outputs *outputs, tna_error *err);
tna_status csv_write_expectations(const tna_results *results, tna_outputs *outputs,
                                  tna_error *err);

/* Opens "<stem>-<current period>.csv" in the outputs set. */
tna_status csv_open(const tna_results *results, tna_outputs *outputs, const char *stem,
                    FILE **fp, tna_error *err);

#endif
