/*
 * fuzz_ingest.c - the whole ingest path (include/tna/ingest.h) on any file, as a
 * differential harness: the file is read by one worker (threads = 1) and by the split read
 * on two (threads = 0, split_min_bytes = 1, so that every file is cut in two; see
 * src/ingest/split.c), and the two must agree exactly: the same status and error, or the
 * same dataset (records, levels, respondents, barriers, courses, statistics) and the same
 * data-quality log, entry by entry. The first byte picks the source the rest is written as
 * (tests/fuzz/ingest/tna.yaml: a wide survey or a long one). On a machine with one core the
 * split read does not run and the harness only checks one pass against itself.
 */
#include <string.h>

#include "fuzz.h"
#include "tna/config.h"
#include "tna/ingest.h"

static tna_model *model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_copy("tests/fuzz/ingest/tna.yaml", "tna.yaml");
    fuzz_copy("tests/cases/analysis/fw.yaml", "fw.yaml");
    fuzz_copy("tests/cases/analysis/roles.yaml", "roles.yaml");
    fuzz_copy("tests/cases/analysis/authorities.yaml", "authorities.yaml");
    char *config = g_build_filename(fuzz_scratch(), "tna.yaml", NULL);
    tna_error err = TNA_ERROR_INIT;
    if (tna_config_load(config, &model, &err) != TNA_OK) {
        fprintf(stderr, "%s:%ld:%ld: %s\n", err.file, err.line, err.col, err.message);
        abort();
    }
    g_free(config);
    return 0;
}

static tna_status ingest(int threads, long split_min, tna_dataset **ds, tna_error *err)
{
    tna_ingest_options o = {0};
    o.threads = threads;
    o.split_min_bytes = split_min;
    *ds = NULL;
    return tna_ingest(model, &o, ds, err);
}

static bool same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void check_same(const tna_dataset *a, const tna_dataset *b)
{
    size_t n_skills = model->n_skills;
    FUZZ_ASSERT(a->n_periods == b->n_periods);
    FUZZ_ASSERT(a->n_respondents == b->n_respondents);
    FUZZ_ASSERT(a->n_courses == b->n_courses);
    for (size_t i = 0; i < a->n_courses; i++)
        FUZZ_ASSERT(same_text(a->courses[i], b->courses[i]));
    for (size_t p = 0; p < a->n_periods; p++) {
        const tna_period_data *x = &a->periods[p], *y = &b->periods[p];
        FUZZ_ASSERT(x->n_records == y->n_records);
        for (size_t i = 0; i < x->n_records; i++) {
            const tna_record *r = &x->records[i], *s = &y->records[i];
            FUZZ_ASSERT(r->respondent == s->respondent && r->authority == s->authority &&
                        r->role == s->role && r->submitted == s->submitted &&
                        r->rater == s->rater && r->trained == s->trained &&
                        r->medium == s->medium && r->barriers_answered == s->barriers_answered &&
                        r->barriers == s->barriers);
            FUZZ_ASSERT(memcmp(tna_record_levels(x, i), tna_record_levels(y, i),
                               tna_level_row_bytes(n_skills)) == 0);
        }
        FUZZ_ASSERT(x->n_dq == y->n_dq);
        for (size_t i = 0; i < x->n_dq; i++) {
            const tna_dq_entry *d = &x->dq[i], *e = &y->dq[i];
            FUZZ_ASSERT(same_text(d->file, e->file) && d->line == e->line &&
                        d->column == e->column && same_text(d->value, e->value) &&
                        d->reason == e->reason && d->bad == e->bad &&
                        same_text(d->detail, e->detail) && d->note == e->note);
        }
        for (size_t k = 0; k < model->n_sources; k++) {
            const tna_source_stats *u = &x->stats[k], *v = &y->stats[k];
            FUZZ_ASSERT(u->present == v->present && u->rows_read == v->rows_read &&
                        u->accepted == v->accepted && u->rejected == v->rejected &&
                        u->excluded == v->excluded && u->encoding == v->encoding &&
                        u->delimiter == v->delimiter && u->encoding_guessed == v->encoding_guessed &&
                        u->unrecognised_answers == v->unrecognised_answers &&
                        u->bad_dates == v->bad_dates && u->invalid_text == v->invalid_text &&
                        u->date_format == v->date_format);
            FUZZ_ASSERT(u->rows_read == u->accepted + u->rejected + u->excluded);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *name = data[0] & 1 ? "P-long.csv" : "P-wide.csv";
    g_free(fuzz_write(name, data + 1, size - 1));
    tna_dataset *one, *two;
    tna_error e1 = TNA_ERROR_INIT, e2 = TNA_ERROR_INIT;
    tna_status s1 = ingest(1, 0, &one, &e1);
    tna_status s2 = ingest(0, 1, &two, &e2);
    FUZZ_ASSERT(s1 == s2);
    FUZZ_ASSERT((s1 == TNA_OK) == (one != NULL) && (s2 == TNA_OK) == (two != NULL));
    if (s1 != TNA_OK) {
        FUZZ_ASSERT(e1.code == e2.code && strcmp(e1.file, e2.file) == 0 && e1.line == e2.line &&
                    e1.col == e2.col && strcmp(e1.message, e2.message) == 0);
        FUZZ_ASSERT(e1.message[0] != '\0');
    } else {
        check_same(one, two);
    }
    tna_dataset_free(one);
    tna_dataset_free(two);
    char *path = g_build_filename(fuzz_scratch(), name, NULL);
    g_unlink(path);
    g_free(path);
    return 0;
}
