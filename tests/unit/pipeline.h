/*
 * pipeline.h - runs the stages a test needs (config, ingest, and optionally analysis) on a
 * configuration that must work, for the tests that check what comes out. Header only,
 * like check.h. A failure is a failed check plus the error on standard error, and leaves
 * nothing to free.
 */
#ifndef TNA_TEST_PIPELINE_H
#define TNA_TEST_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tna/analysis.h"
#include "tna/config.h"
#include "tna/ingest.h"

typedef struct run {
    tna_model *m;
    tna_dataset *ds;
    tna_results *res; /* NULL when the analysis was not asked for */
} run;

static inline void run_free(run *r)
{
    tna_results_free(r->res);
    tna_dataset_free(r->ds);
    tna_model_free(r->m);
    memset(r, 0, sizeof *r);
}

/* Loads and ingests `config` and, with `analyse`, analyses it; k > 0 replaces the
 * configuration's privacy.min_group_size. False (after a failed check) when a stage fails. */
static inline bool run_pipeline(const char *config, int k, bool analyse, run *r)
{
    tna_error err = TNA_ERROR_INIT;
    memset(r, 0, sizeof *r);
    tna_status st = tna_config_load(config, &r->m, &err);
    if (st == TNA_OK && k > 0)
        r->m->min_group_size = k;
    if (st == TNA_OK)
        st = tna_ingest(r->m, NULL, &r->ds, &err);
    if (st == TNA_OK && analyse)
        st = tna_analyse(r->m, r->ds, &r->res, &err);
    CHECK_INT(st, TNA_OK);
    if (st != TNA_OK) {
        char buf[TNA_ERROR_FILE_MAX + TNA_ERROR_MSG_MAX + 64];
        tna_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "  %s: %s\n", config, buf);
        run_free(r);
        return false;
    }
    return true;
}

#endif
