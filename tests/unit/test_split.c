/*
 * test_split.c - reading a file in two halves on two threads gives exactly what one pass
 * gives: the same records (respondents, sequence, levels, barriers), the same data-quality
 * entries with the same line numbers, the same counts. Also when the cut falls inside a
 * quoted multi-line field (the split is abandoned and the file read whole).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "tna/config.h"
#include "tna/ingest.h"

static tna_dataset *ingest(const char *config, int threads, long split_min, tna_model **model)
{
    tna_error err = TNA_ERROR_INIT;
    *model = NULL;
    CHECK_INT(tna_config_load(config, model, &err), TNA_OK);
    if (*model == NULL)
        return NULL;
    tna_ingest_options o = {0};
    o.threads = threads;
    o.split_min_bytes = split_min;
    tna_dataset *ds = NULL;
    CHECK_INT(tna_ingest(*model, &o, &ds, &err), TNA_OK);
    if (err.code)
        fprintf(stderr, "%s:%ld:%ld: %s\n", err.file, err.line, err.col, err.message);
    return ds;
}

static void check_same(const tna_dataset *a, const tna_dataset *b, size_t n_skills)
{
    CHECK_INT(a->n_periods, b->n_periods);
    CHECK_INT(a->n_respondents, b->n_respondents);
    for (size_t p = 0; p < a->n_periods && p < b->n_periods; p++) {
        const tna_period_data *x = &a->periods[p], *y = &b->periods[p];
        CHECK_INT(x->n_records, y->n_records);
        size_t bad = 0;
        for (size_t i = 0; i < x->n_records && i < y->n_records; i++) {
            const tna_record *r = &x->records[i], *s = &y->records[i];
            bad += r->respondent != s->respondent || r->authority != s->authority ||
                   r->role != s->role || r->submitted != s->submitted || r->seq != s->seq ||
                   r->barriers != s->barriers || r->trained != s->trained ||
                   r->medium != s->medium || r->rater != s->rater ||
                   memcmp(x->levels + r->levels_at, y->levels + s->levels_at, n_skills) != 0;
        }
        CHECK_INT(bad, 0);
        CHECK_INT(x->n_dq, y->n_dq);
        size_t bad_dq = 0;
        for (size_t i = 0; i < x->n_dq && i < y->n_dq; i++)
            bad_dq += x->dq[i].line != y->dq[i].line || x->dq[i].column != y->dq[i].column ||
                      strcmp(x->dq[i].value, y->dq[i].value) != 0 ||
                      strcmp(x->dq[i].reason, y->dq[i].reason) != 0;
        CHECK_INT(bad_dq, 0);
        for (size_t k = 0; k < a->model->n_sources; k++) {
            const tna_source_stats *u = &x->stats[k], *v = &y->stats[k];
            CHECK_INT(u->present, v->present);
            CHECK_INT(u->rows_read, v->rows_read);
            CHECK_INT(u->accepted, v->accepted);
            CHECK_INT(u->rejected, v->rejected);
            CHECK_INT(u->unrecognised_answers, v->unrecognised_answers);
            CHECK_INT(u->bad_dates, v->bad_dates);
            CHECK_INT(u->invalid_text, v->invalid_text);
            CHECK_INT(u->date_format, v->date_format);
        }
    }
}

static void compare_config(const char *config)
{
    tna_model *m1, *m2;
    tna_dataset *one = ingest(config, 1, 0, &m1);
    tna_dataset *two = ingest(config, 0, 1, &m2); /* every file large enough to split */
    if (one && two)
        check_same(one, two, m1->n_skills);
    tna_dataset_free(one);
    tna_dataset_free(two);
    tna_model_free(m1);
    tna_model_free(m2);
}

static void test_messy_oracle(void)
{
    compare_config("tests/cases/oracle/tna.yaml"); /* BOM, CRLF, duplicates, junk answers */
}

static void test_shipped_sample(void)
{
    compare_config("inputs/tna.yaml"); /* two periods, long source, barriers, languages */
}

static void test_hand_computed(void)
{
    compare_config("tests/cases/analysis/tna.yaml");
}

/* A scratch case: the hand-computed framework, roles and authorities, one source "{period}.csv"
 * with the given column mapping, and csv as the file of period P. Returns the directory;
 * remove_case() removes it. */
static char *write_case(const char *columns, const GString *csv)
{
    char *dir = g_dir_make_tmp("tna-split-XXXXXX", NULL);
    const char *names[] = {"fw.yaml", "roles.yaml", "authorities.yaml"};
    for (size_t i = 0; i < 3; i++) {
        char *src = g_build_filename("tests/cases/analysis", names[i], NULL);
        char *dst = g_build_filename(dir, names[i], NULL);
        char *text;
        gsize len;
        CHECK(g_file_get_contents(src, &text, &len, NULL));
        CHECK(g_file_set_contents(dst, text, (gssize)len, NULL));
        g_free(text), g_free(src), g_free(dst);
    }
    char *yaml = g_build_filename(dir, "tna.yaml", NULL);
    char *config = g_strdup_printf("periods: [P]\nframeworks: [fw.yaml]\nroles: roles.yaml\n"
                                   "authorities: authorities.yaml\nsources:\n  - name: s\n"
                                   "    path: \"{period}.csv\"\n    columns: {%s}\n"
                                   "    skills: {S1: s1, S2: s2}\n",
                                   columns);
    CHECK(g_file_set_contents(yaml, config, -1, NULL));
    char *path = g_build_filename(dir, "P.csv", NULL);
    CHECK(g_file_set_contents(path, csv->str, (gssize)csv->len, NULL));
    g_free(config), g_free(yaml), g_free(path);
    return dir;
}

static void remove_case(char *dir)
{
    const char *names[] = {"fw.yaml", "roles.yaml", "authorities.yaml", "tna.yaml", "P.csv"};
    for (size_t i = 0; i < 5; i++) {
        char *f = g_build_filename(dir, names[i], NULL);
        g_unlink(f);
        g_free(f);
    }
    g_rmdir(dir);
    g_free(dir);
}

/* A cut inside a quoted field: the first half ends in an open quote; the split is undone. */
static void test_cut_inside_quotes(void)
{
    GString *csv = g_string_new("Staff,Council,Role,S1,Comment,S2\n");
    for (int i = 0; i < 40; i++)
        g_string_append_printf(csv, "%03d,a1,r1,Working,short,None\n", i);
    /* one comment of many lines spans the middle of the file */
    g_string_append(csv, "100,a2,r2,Expert,\"");
    for (int i = 0; i < 200; i++)
        g_string_append(csv, "a line of a long comment\n");
    g_string_append(csv, "\",Working\n");
    for (int i = 0; i < 40; i++)
        g_string_append_printf(csv, "%03d,a3,r1,Awareness,short,Practitioner\n", 200 + i);
    char *dir = write_case("respondent: Staff, authority: Council, role: Role", csv);
    g_string_free(csv, TRUE);
    char *yaml = g_build_filename(dir, "tna.yaml", NULL);
    compare_config(yaml);
    tna_model *m;
    tna_dataset *ds = ingest(yaml, 0, 1, &m);
    if (ds) {
        CHECK_INT(ds->periods[0].n_records, 81);
        CHECK_INT(ds->periods[0].records[80].seq, 80);
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    g_free(yaml);
    remove_case(dir);
}

/* A value too long for the data-quality log, in the second half: it is shortened once, as in
 * one pass (joining the halves used to log it again, shortening it twice; found by
 * tests/fuzz/fuzz_ingest.c, input tests/fuzz/regressions/ingest/). */
static void test_long_value_in_second_half(void)
{
    GString *csv = g_string_new("Staff,Council,Role,Submitted,S1,S2\n");
    for (int i = 0; i < 20; i++)
        g_string_append_printf(csv, "%03d,a1,r1,2026-07-01,Working,None\n", i);
    g_string_append(csv, "100,a1,r1,2026-07-0"); /* (so that byte 200 falls inside a character) */
    for (int i = 0; i < 300; i++)
        g_string_append_c(csv, (char)0xAA); /* not UTF-8: logged with its value shortened */
    g_string_append(csv, ",Working,None\n");
    char *dir =
        write_case("respondent: Staff, authority: Council, role: Role, submitted: Submitted", csv);
    g_string_free(csv, TRUE);
    char *yaml = g_build_filename(dir, "tna.yaml", NULL);
    /* UTF-8 said, so the bad bytes are invalid text (auto would read the file as cp1252) */
    char *text = NULL;
    CHECK(g_file_get_contents(yaml, &text, NULL, NULL));
    char *with_encoding = g_strconcat(text ? text : "", "    encoding: utf-8\n", NULL);
    CHECK(g_file_set_contents(yaml, with_encoding, -1, NULL));
    g_free(text), g_free(with_encoding);
    compare_config(yaml);
    tna_model *m;
    tna_dataset *ds = ingest(yaml, 0, 1, &m);
    const tna_period_data *p = ds ? &ds->periods[0] : NULL;
    const tna_dq_entry *problem = NULL;
    size_t problems = 0;
    for (size_t i = 0; p && i < p->n_dq; i++)
        if (!p->dq[i].note)
            problem = &p->dq[i], problems++;
    CHECK_INT(problems, 1);
    if (problem && problems == 1) {
        CHECK_INT(problem->line, 22);
        CHECK(g_str_has_suffix(problem->value, "\xef\xbf\xbd...")); /* cut after a whole U+FFFD */
        CHECK(strlen(problem->value) <= 200 + 3);
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    g_free(yaml);
    remove_case(dir);
}

int main(void)
{
    RUN(test_messy_oracle);
    RUN(test_shipped_sample);
    RUN(test_hand_computed);
    RUN(test_cut_inside_quotes);
    RUN(test_long_value_in_second_half);
    return check_summary("test_split");
}
