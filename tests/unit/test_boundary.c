/*
 * test_boundary.c - the results hold no input text (analysis.h), and the data-quality log's
 * values are reachable only through dq_log.h.
 *
 * tests/cases/boundary marks every cell a respondent typed that is not a reference value
 * with the word SECRET: staff numbers, an unknown council and role, an unrecognised level,
 * yes/no and language answer, an unreadable date, and an "Other" barrier one person cited.
 * Every string the results hold (periods, source paths, data-quality files and reasons)
 * is read and none may contain it, and the barriers reported are reference barriers; the log, read through dq_log.h, does hold
 * the values, so the case does exercise the boundary. Counts add up: the data-quality
 * counts sum to the log's entries, each count to the entries with its file, column and
 * reason. tests/cli/privacy_boundary.sh checks the same of every report file, and that no
 * renderer includes ingest.h.
 */
#include <glib.h>

#include "check.h"
#include "pipeline.h"
#include "tna/analysis.h"
#include "tna/dq_log.h"

static int leaks;

static void no_input_text(const char *s, const char *what)
{
    if (s != NULL && strstr(s, "SECRET") != NULL) {
        leaks++;
        fprintf(stderr, "  %s holds input text: \"%s\"\n", what, s);
    }
}

typedef struct log_read {
    int entries, secret;
    GHashTable *by_key; /* "file|column|reason|text kind|detail" -> entries */
} log_read;

static void read_entry(void *ctx, const char *file, long line, long column, const char *value,
                       tna_dq_reason reason, tna_dq_text bad, const char *detail)
{
    log_read *l = ctx;
    (void)line;
    l->entries++;
    l->secret += strstr(value, "SECRET") != NULL;
    no_input_text(detail, "a data-quality detail");
    char *key = g_strdup_printf("%s|%ld|%d|%d|%s", file, column, (int)reason, (int)bad, detail);
    g_hash_table_insert(l->by_key, key,
                        GINT_TO_POINTER(GPOINTER_TO_INT(g_hash_table_lookup(l->by_key, key)) + 1));
}

static void test_results_hold_no_input_text(void)
{
    run r;
    if (!run_pipeline("tests/cases/boundary/tna.yaml", 0, true, &r))
        return;
    const tna_results *res = r.res;
    leaks = 0;
    size_t dq_rows = 0;
    long dq_entries = 0;
    for (size_t p = 0; p < res->n_periods; p++) {
        const tna_period_figures *f = &res->periods[p];
        no_input_text(f->period, "a period");
        for (size_t s = 0; s < f->n_sources; s++)
            no_input_text(f->sources[s].path, "a source path");
        for (size_t i = 0; i < f->n_dq; i++) {
            no_input_text(f->dq[i].file, "a data-quality file");
            no_input_text(f->dq[i].detail, "a data-quality detail");
            dq_entries += f->dq[i].entries;
        }
        dq_rows += f->n_dq;
        CHECK_INT(dq_entries, f->n_dq_entries);
    }
    const tna_planning *pl = &res->planning;
    /* barriers are reference data: each row names a barrier of the model, and the typed
     * "Other" text counts as the reference barrier `other` */
    const tna_model *m = r.m;
    bool cited[TNA_MAX_BARRIERS] = {false};
    for (size_t i = 0; i < pl->n_barriers; i++) {
        CHECK(pl->barriers[i].barrier < m->n_barriers);
        if (pl->barriers[i].barrier < m->n_barriers && pl->barriers[i].barrier < TNA_MAX_BARRIERS)
            cited[pl->barriers[i].barrier] = true;
    }
    int n_cited = 0;
    for (size_t b = 0; b < m->n_barriers && b < TNA_MAX_BARRIERS; b++)
        if (cited[b]) {
            n_cited++;
            no_input_text(m->barriers[b].name, "a barrier name");
            CHECK(strcmp(m->barriers[b].id, "time") == 0 || strcmp(m->barriers[b].id, "cost") == 0 ||
                  strcmp(m->barriers[b].id, "other") == 0);
        }
    CHECK_INT(n_cited, 3);
    CHECK_INT(leaks, 0);

    /* the values are there, behind dq_log.h, and the counts agree with them */
    log_read l = {0, 0, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    tna_dq_log_each(tna_dq_log_of(r.ds), read_entry, &l);
    CHECK(l.secret >= 6); /* level, yes/no, language, date, council, role */
    CHECK_INT(l.entries, dq_entries);
    CHECK_INT(g_hash_table_size(l.by_key), dq_rows);
    for (size_t p = 0; p < res->n_periods; p++)
        for (size_t i = 0; i < res->periods[p].n_dq; i++) {
            const tna_dq_count *c = &res->periods[p].dq[i];
            char *key = g_strdup_printf("%s|%ld|%d|%d|%s", c->file, c->column, (int)c->reason,
                                        (int)c->bad, c->detail);
            CHECK_INT(GPOINTER_TO_INT(g_hash_table_lookup(l.by_key, key)), c->entries);
            g_free(key);
        }
    g_hash_table_destroy(l.by_key);

    /* the results stand alone: the dataset can go first */
    tna_dataset_free(r.ds);
    r.ds = NULL;
    CHECK(pl->n_barriers > 0);
    CHECK(strstr(res->periods[0].sources[0].path, "2026-Q3-survey.csv") != NULL);
    run_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_results_hold_no_input_text);
    return g_test_run();
}
