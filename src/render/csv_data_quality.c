/*
 * csv_data_quality.c - data-quality-PERIOD.csv: file,line,column,value,reason for every
 * entry of the log of every period read, in reading order.
 *
 * This is the analyst's list of what to fix in the inputs, so it keeps each value as found;
 * it is the only renderer that sees them (dq_log.h). Every other report shows the log as
 * counts (analysis.h).
 *
 * Results merged from councils' counts files (tna merge) have no log: the values stay with
 * each council. Their data-quality CSV lists the log counted instead, one row per council's
 * file, column and reason: `line` is the first line of them, `value` is empty, and a sixth
 * column, `entries`, says how many entries the row stands for.
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
    if (log != NULL) {
        tna_csv_header(&w, "file,line,column,value,reason");
        tna_dq_log_each(log, write_entry, &w);
        return TNA_OK;
    }
    tna_csv_header(&w, "file,line,column,value,reason,entries");
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t i = 0; i < r->periods[p].n_dq; i++) {
            const tna_dq_count *c = &r->periods[p].dq[i];
            tna_csv_text(&w, c->file);
            tna_csv_int(&w, c->first_line);
            tna_csv_int(&w, c->column);
            tna_csv_blank(&w, 1);
            tna_csv_text(&w, c->reason);
            tna_csv_int(&w, c->entries);
            tna_csv_end(&w);
        }
    return TNA_OK;
}
