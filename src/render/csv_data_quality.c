/*
 * csv_data_quality.c - data-quality-PERIOD.csv: file,line,column,value,reason,code for every
 * entry of the log of every period read, in reading order.
 *
 * This is the analyst's list of what to fix in the inputs, so it keeps each value as found;
 * it is the only renderer that sees them (dq_log.h). Every other report shows the log as
 * counts (analysis.h). Like every CSV, it is written the same whatever the report's
 * language: the reason in the glossary's English, and its code (dq_reason.h), which names
 * the kind of problem with no detail, to filter and count by.
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
    tna_status st = csv_open(r, out, "data-quality", &fp, err);
    if (st != TNA_OK)
        return st;
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "file,line,column,value,reason,code");
    tna_dq_log_each(log, write_entry, &w);
    return TNA_OK;
}
