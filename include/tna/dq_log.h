/*
 * dq_log.h - the data-quality log with its values, for the data-quality CSV alone.
 *
 * A logged value is what an input cell held where something went wrong: an unknown council
 * name, an answer nobody recognised, a date that would not parse. It may be personal (a
 * name typed into the wrong column, a staff number), so no report for sharing shows it: the
 * results (analysis.h) carry the log only as counts by file, column and reason. The
 * analyst's own list, data-quality-PERIOD.csv, needs every entry with its value, and reads
 * them here. Only the data-quality CSV writer (render/csv_data_quality.c) includes this
 * header; tests/cli/privacy_boundary.sh fails when another renderer does.
 *
 * Memory: the log is a view of the dataset (ingest.h) and lives as long as it does.
 */
#ifndef TNA_DQ_LOG_H
#define TNA_DQ_LOG_H

#include "tna/dq_reason.h"

typedef struct tna_dataset tna_dataset;
typedef struct tna_dq_log tna_dq_log;

/* The data-quality log of every period of a dataset, in reading order. */
const tna_dq_log *tna_dq_log_of(const tna_dataset *dataset);

/* Calls visit for every entry: file, line, column (1-based, 0 for the whole row or file),
 * the value found ("" when none) and the reason (dq_reason.h: code, text kind, detail). */
typedef void (*tna_dq_visit)(void *ctx, const char *file, long line, long column, const char *value,
                             tna_dq_reason reason, tna_dq_text bad, const char *detail);
void tna_dq_log_each(const tna_dq_log *log, tna_dq_visit visit, void *ctx);

#endif
