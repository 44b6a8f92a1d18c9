/*
 * csv_data_quality.c - data-quality-PERIOD.csv: file,line,column,value,reason for every
 * entry of the log of every period read, in reading order.
 *
 * This is the analyst's list of what to fix in the inputs, so it keeps each value as found;
 * it is the only renderer that sees them (dq_log.h). Every other report shows the log as
 * counts (analysis.h).
 */
#include "render_internal.h"
#include "tna/dq_log.h"

static void write_entry(void *csv, const char *file, long line, long column, const char *value,
                        const char *reason)
{
    tna_csv *w = csv;
    tna_csv_text(w, file);
    tna_csv_int(w, line);
    tna_csv_int(w, column);
    tna_csv_text(w, value);
    tna_csv_text(w, reason);
    tna_csv_end(w);
}

tna_status tna_csv_write_data_quality(const tna_results *r, const tna_dq_log *log, tna_outputs *out,
                                      tna_error *err)
{
    FILE *fp;
    tna_status st = tna_csv_create(r, out, "data-quality", &fp, err);
    if (st != TNA_OK)
        return st;
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "file,line,column,value,reason");
    tna_dq_log_each(log, write_entry, &w);
    return TNA_OK;
}
