/*
 * data_quality.c - what the reports may know of the data-quality log and the sources read.
 *
 * The tallies (and so the results) get, per period, each source's counts (rows read,
 * accepted, rejected, ...) and the log counted by file, column and reason, with the strings
 * copied into the tallies: no value of the log is copied. The values stay in the dataset,
 * where only the narrow view of dq_log.h reaches them (it is the dataset itself, read as a
 * log).
 */
#include <glib.h>

#include "people.h"
#include "tna/dq_log.h"

void tna_dq_summarise(const tna_period_data *pd, size_t n_sources, GStringChunk *strings,
                      period_tallies *out)
{
    for (size_t s = 0; s < n_sources && pd->stats; s++) {
        const tna_source_stats *st = &pd->stats[s];
        out->sources[s] =
            (tna_source_read){st->source,
                              st->path ? g_string_chunk_insert_const(strings, st->path) : NULL,
                              st->present,
                              st->rows_read,
                              st->accepted,
                              st->rejected,
                              st->excluded,
                              st->unrecognised_answers,
                              st->bad_dates,
                              st->invalid_text,
                              st->date_format,
                              st->encoding,
                              st->delimiter,
                              st->encoding_guessed};
    }
    /* key "column \x1e file \x1e reason \x1e text kind \x1e detail \x1e note" -> count index + 1 */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *counts = g_array_new(FALSE, FALSE, sizeof(tna_dq_count));
    for (size_t i = 0; i < pd->n_dq; i++) {
        const tna_dq_entry *e = &pd->dq[i];
        const char *file = e->file ? e->file : "", *detail = e->detail ? e->detail : "";
        char *key = g_strdup_printf("%ld\x1e%s\x1e%d\x1e%d\x1e%s\x1e%d", e->column, file,
                                    (int)e->reason, (int)e->bad, detail, e->note);
        gpointer at = g_hash_table_lookup(seen, key);
        if (at == NULL) {
            tna_dq_count c = {g_string_chunk_insert_const(strings, file),
                              e->column,
                              e->reason,
                              e->bad,
                              g_string_chunk_insert_const(strings, detail),
                              0,
                              e->line,
                              e->note};
            g_array_append_val(counts, c);
            at = GUINT_TO_POINTER(counts->len);
            g_hash_table_insert(seen, key, at);
        } else {
            g_free(key);
        }
        g_array_index(counts, tna_dq_count, GPOINTER_TO_UINT(at) - 1).entries++;
    }
    g_hash_table_destroy(seen);
    out->n_dq = counts->len;
    out->dq = (tna_dq_count *)g_array_free(counts, FALSE);
    out->n_dq_entries = pd->n_dq;
}

const tna_dq_log *tna_dq_log_of(const tna_dataset *dataset)
{
    return (const tna_dq_log *)dataset;
}

void tna_dq_log_each(const tna_dq_log *log, tna_dq_visit visit, void *ctx)
{
    const tna_dataset *ds = (const tna_dataset *)log;
    if (ds == NULL)
        return;
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t i = 0; i < ds->periods[p].n_dq; i++) {
            const tna_dq_entry *e = &ds->periods[p].dq[i];
            visit(ctx, e->file ? e->file : "", e->line, e->column, e->value ? e->value : "",
                  e->reason, e->bad, e->detail ? e->detail : "");
        }
}
