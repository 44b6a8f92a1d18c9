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

#include <glib.h>

#include "tna/csvwrite.h"
#include "tna/outputs.h"
#include "tna/render.h"

tna_status tna_csv_write_data_quality(const tna_results *results, const tna_dq_log *log,
                                      tna_outputs *outputs, tna_error *err);
tna_status csv_write_planning(const tna_results *results, tna_outputs *outputs, tna_error *err);
tna_status csv_write_expectations(const tna_results *results, tna_outputs *outputs,
                                  tna_error *err);
/* priorities-PERIOD.csv, and budget-PERIOD.csv when a budget is set (csv_budget.c). */
tna_status csv_write_budget(const tna_results *results, tna_outputs *outputs, tna_error *err);

/* Opens "<stem>-<current period>.csv" in the outputs set. Here, not in csv.c, so that the
 * writers csv.c calls do not call back into it. */
static inline tna_status tna_csv_create(const tna_results *r, tna_outputs *out, const char *stem,
                                  FILE **fp, tna_error *err)
{
    char *name = g_strdup_printf("%s-%s.csv", stem, r->periods[r->n_periods - 1].period);
    tna_status st = tna_outputs_open(out, name, fp, err);
    g_free(name);
    return st;
}

#endif
