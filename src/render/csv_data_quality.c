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

static void write_entry(void *fp, const char *file, long line, long column, const char *value,
                        const char *reason)
{
    tna_csv_write_text(fp, file);
    fprintf(fp, ",%ld,%ld,", line, column);
    tna_csv_write_text(fp, value);
    fputc(',', fp);
    tna_csv_write_text(fp, reason);
    fputc('\n', fp);
}

tna_status tna_csv_write_data_quality(const tna_results *r, const tna_dq_log *log, tna_outputs *out,
                                      tna_error *err)
{
    FILE *fp;
    tna_status st = csv_open(r, out, "data-quality", &fp, err);
    if (st != TNA_OK)
        return st;
    if (log != NULL) {
        fputs("file,line,column,value,reason\n", fp);
        tna_dq_log_each(log, write_entry, fp);
        return TNA_OK;
    }
    fputs("file,line,column,value,reason,entries\n", fp);
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t i = 0; i < r->periods[p].n_dq; i++) {
            const tna_dq_count *c = &r->periods[p].dq[i];
            tna_csv_write_text(fp, c->file);
            fprintf(fp, ",%ld,%ld,,", c->first_line, c->column);
            tna_csv_write_text(fp, c->reason);
            fprintf(fp, ",%ld\n", c->entries);
        }
    return TNA_OK;
}
