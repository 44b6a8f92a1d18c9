/*
 * csv_data_quality.c - data-quality-PERIOD.csv: file,line,column,value,reason,code for every
 * entry of the log of every period read, in reading order.
 *
 * This is the analyst's list of what to fix in the inputs, so it keeps each value as found;
 * it is the only renderer that sees them (dq_log.h). Every other report shows the log as
 * counts (analysis.h). Like every CSV, it is written the same whatever the report's
 * language: the reason in the glossary's English, and its code (dq_reason.h), which names
 * the kind of problem with no detail, to filter and count by.
 *
 * Results merged from councils' counts files (tna merge) have no log: the values stay with
 * each council. Their data-quality CSV lists the log counted instead, one row per council's
 * file, column and reason: `line` is the first line of them, `value` is empty, and a
 * seventh column, `entries`, says how many entries the row stands for.
 */
#include <glib.h>

#include "labels.h"
#include "render_internal.h"
#include "tna/dq_log.h"

static void write_entry(void *csv, const char *file, long line, long column, const char *value,
                        tna_dq_reason reason, tna_dq_text bad, const char *detail)
{
    tna_csv *w = csv;
    char *words = tna_dq_words(reason, bad, detail, false, TNA_LANG_EN);
    tna_csv_text(w, file);
    tna_csv_int(w, line);
    tna_csv_int(w, column);
    tna_csv_text(w, value);
    tna_csv_text(w, words);
    tna_csv_text(w, tna_dq_code(reason));
    tna_csv_end(w);
    g_free(words);
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
        tna_csv_header(&w, "file,line,column,value,reason,code");
        tna_dq_log_each(log, write_entry, &w);
        return TNA_OK;
    }
    tna_csv_header(&w, "file,line,column,value,reason,code,entries");
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t i = 0; i < r->periods[p].n_dq; i++) {
            const tna_dq_count *c = &r->periods[p].dq[i];
            char *words = tna_dq_words(c->reason, c->bad, c->detail, false, TNA_LANG_EN);
            tna_csv_text(&w, c->file);
            tna_csv_int(&w, c->first_line);
            tna_csv_int(&w, c->column);
            tna_csv_blank(&w, 1);
            tna_csv_text(&w, words);
            tna_csv_text(&w, tna_dq_code(c->reason));
            tna_csv_int(&w, c->entries);
            tna_csv_end(&w);
            g_free(words);
        }
    return TNA_OK;
}
