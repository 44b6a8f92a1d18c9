/*
 * test_split.c - a file read by several workers (each a byte range, joined in file order)
 * gives exactly what one worker gives: the same records (respondents, order, levels,
 * barriers), the same data-quality entries with the same line numbers and values, the same
 * counts. Also when a cut falls inside a quoted field of many lines, under a header of two
 * rows, and with hundreds of distinct typed barrier texts.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "dq_words.h"
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
                   r->role != s->role || r->submitted != s->submitted ||
                   r->barriers != s->barriers || r->trained != s->trained ||
                   r->medium != s->medium || r->rater != s->rater ||
                   memcmp(tna_record_levels(x, i), tna_record_levels(y, i),
                          tna_level_row_bytes(n_skills)) != 0;
        }
        CHECK_INT(bad, 0);
        CHECK_INT(x->n_dq, y->n_dq);
        size_t bad_dq = 0;
        for (size_t i = 0; i < x->n_dq && i < y->n_dq; i++)
            bad_dq += x->dq[i].line != y->dq[i].line || x->dq[i].column != y->dq[i].column ||
                      strcmp(x->dq[i].value, y->dq[i].value) != 0 ||
                      !DQ_SAME_REASON(x->dq[i], y->dq[i]);
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

/* One worker against two, three and four, every file split. */
static void compare_workers(const char *config)
{
    tna_model *m1;
    tna_dataset *one = ingest(config, 1, 0, &m1);
    for (int n = 2; n <= 4 && one; n++) {
        tna_model *m2;
        tna_dataset *more = ingest(config, n, 1, &m2);
        if (more)
            check_same(one, more, m1->n_skills);
        tna_dataset_free(more);
        tna_model_free(m2);
    }
    tna_dataset_free(one);
    tna_model_free(m1);
}

static void test_messy_oracle(void)
{
    compare_workers("tests/cases/oracle/tna.yaml"); /* BOM, CRLF, duplicates, junk answers */
}

static void test_shipped_sample(void)
{
    compare_workers("inputs/tna.yaml"); /* two periods, long source, barriers, languages */
}

static void test_hand_computed(void)
{
    compare_workers("tests/cases/analysis/tna.yaml");
}

/* A scratch case: the hand-computed framework, roles and authorities beside tna.yaml (yaml)
 * and one export, P.csv (csv). Returns the config path; remove_case() cleans up. */
static char *write_case(const char *yaml, const GString *csv)
{
    char *dir = g_dir_make_tmp("tna-split-XXXXXX", NULL);
    const char *names[] = {"fw.yaml", "roles.yaml", "authorities.yaml"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *src = g_build_filename("tests/cases/analysis", names[i], NULL);
        char *dst = g_build_filename(dir, names[i], NULL);
        char *text;
        gsize len;
        CHECK(g_file_get_contents(src, &text, &len, NULL));
        CHECK(g_file_set_contents(dst, text, (gssize)len, NULL));
        g_free(text), g_free(src), g_free(dst);
    }
    char *path = g_build_filename(dir, "P.csv", NULL);
    CHECK(g_file_set_contents(path, csv->str, (gssize)csv->len, NULL));
    g_free(path);
    char *config = g_build_filename(dir, "tna.yaml", NULL);
    CHECK(g_file_set_contents(config, yaml, -1, NULL));
    g_free(dir);
    return config;
}

static void remove_case(char *config)
{
    char *dir = g_path_get_dirname(config);
    const char *names[] = {"fw.yaml", "roles.yaml", "authorities.yaml", "P.csv", "tna.yaml"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *f = g_build_filename(dir, names[i], NULL);
        g_unlink(f);
        g_free(f);
    }
    g_rmdir(dir);
    g_free(dir);
    g_free(config);
}

/* A cut inside a quoted field of many lines: the worker before it reads the record whole and
 * the next one is read again from there. */
static void test_cut_inside_quotes(void)
{
    const char *yaml = "periods: [P]\nframeworks: [fw.yaml]\nroles: roles.yaml\n"
                       "authorities: authorities.yaml\nsources:\n  - name: s\n"
                       "    path: \"{period}.csv\"\n    columns: {respondent: Staff, "
                       "authority: Council, role: Role}\n    skills: {S1: s1, S2: s2}\n";
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
    char *config = write_case(yaml, csv);
    g_string_free(csv, TRUE);
    compare_workers(config);
    tna_model *m;
    tna_dataset *ds = ingest(config, 2, 1, &m);
    if (ds) {
        CHECK_INT(ds->periods[0].n_records, 81);
        CHECK_INT(ds->periods[0].records[80].authority, 2); /* the last row, a3 */
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    remove_case(config);
}

/* Hundreds of distinct barrier texts, typed and chosen, in a list column and an "Other"
 * column: every piece that matches no barrier is logged, the same pieces on the same lines
 * whoever reads them; long ones (over the 200 bytes a logged value keeps) are cut once, on a
 * character boundary, even where a Welsh letter straddles the cut. */
static void test_many_barrier_texts(void)
{
    const char *yaml = "periods: [P]\nframeworks: [fw.yaml]\nroles: roles.yaml\n"
                       "authorities: authorities.yaml\nsources:\n  - name: s\n"
                       "    path: \"{period}.csv\"\n    barrier_separator: \";\"\n"
                       "    columns: {respondent: Staff, authority: Council, role: Role,\n"
                       "              barriers: [Barriers, Other barrier]}\n"
                       "    skills: {S1: s1, S2: s2}\n";
    GString *csv = g_string_new("Staff,Council,Role,S1,Barriers,Other barrier,S2\n");
    for (int i = 0; i < 900; i++) {
        GString *typed = g_string_new(NULL);
        if (i % 3 == 0) { /* a long answer: 198 + i % 3 ASCII bytes, then Welsh letters */
            for (int k = 0; k < 197 + i % 5; k++)
                g_string_append_c(typed, (char)('a' + (i + k) % 26));
            g_string_append(typed, "\xC5\xB5\xC5\xB7\xC3\xA2 gwaith");
        } else {
            g_string_append_printf(typed, "Rheswm %d: dim amser i ddysgu", i);
        }
        g_string_append_printf(csv, "%04d,a%d,r%d,Working,\"Lack of time;%s;Cost\",%s,None\n",
                               i % 700, 1 + i % 3, 1 + i % 2, typed->str,
                               i % 4 == 0 ? "Other" : "");
        g_string_free(typed, TRUE);
    }
    char *config = write_case(yaml, csv);
    g_string_free(csv, TRUE);
    tna_model *m;
    tna_dataset *ds = ingest(config, 1, 0, &m);
    if (ds) { /* a piece logged per row, and the count of rows */
        CHECK_INT(ds->periods[0].n_dq, 900 + 1);
        size_t cut = 0;
        for (size_t i = 0; i < ds->periods[0].n_dq; i++)
            cut += g_str_has_suffix(ds->periods[0].dq[i].value, "...") &&
                   !g_str_has_suffix(ds->periods[0].dq[i].value, "....");
        CHECK_INT(cut, 300);
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    compare_workers(config);
    remove_case(config);
}

/* A cut inside a quoted field of many lines, under a two-row header (SurveyMonkey's
 * question and option rows) with a column per barrier option, one of them no barrier of
 * the list: the option's data-quality entry names the option row, and every record and
 * entry is the same, however the file is cut. */
static void test_cut_inside_quotes_two_row_header(void)
{
    const char *yaml = "periods: [P]\nframeworks: [fw.yaml]\nroles: roles.yaml\n"
                       "authorities: authorities.yaml\nsources:\n  - name: s\n"
                       "    path: \"{period}.csv\"\n    preset: surveymonkey\n"
                       "    columns: {respondent: Staff, authority: Council, role: Role,\n"
                       "              barriers: What stops you learning?}\n"
                       "    skills: {Skill one: s1, Skill two: s2}\n";
    GString *csv = g_string_new(
        "Staff,Council,Role,How confident are you?,,What stops you learning?,,,Comments\n"
        ",Response,Response,Skill one,Skill two,Lack of time,Parking at the office,"
        "Other (please specify),Open-Ended Response\n");
    for (int i = 0; i < 60; i++)
        g_string_append_printf(csv, "%03d,a1,r1,Working,None,Lack of time,,,short\n", i);
    g_string_append(csv, "100,a2,r2,Expert,Working,,Parking at the office,,\"");
    for (int i = 0; i < 300; i++)
        g_string_append(csv, "a line of a long comment, \"\"quoted\"\"\n");
    g_string_append(csv, "\"\n");
    for (int i = 0; i < 60; i++)
        g_string_append_printf(csv, "%03d,a3,r1,Awareness,Practitioner,,,My own reason %d,\n",
                               200 + i, i);
    char *config = write_case(yaml, csv);
    g_string_free(csv, TRUE);
    tna_model *m;
    tna_dataset *ds = ingest(config, 1, 0, &m);
    if (ds) {
        const tna_period_data *pd = &ds->periods[0];
        CHECK_INT(pd->n_records, 121);
        bool named = false;
        for (size_t i = 0; i < pd->n_dq; i++)
            named |= pd->dq[i].line == 2 && pd->dq[i].column == 7 &&
                     strcmp(pd->dq[i].value, "Parking at the office") == 0;
        CHECK(named);
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    compare_workers(config);
    remove_case(config);
}

/* A value too long for the data-quality log, in a later worker's range: it is shortened once,
 * as in one pass (joining used to log it again, shortening it twice; found by
 * tests/fuzz/fuzz_ingest.c, input tests/fuzz/regressions/ingest/). */
static void test_long_value_in_second_half(void)
{
    /* UTF-8 said, so the bad bytes are invalid text (auto would read the file as cp1252) */
    const char *yaml = "periods: [P]\nframeworks: [fw.yaml]\nroles: roles.yaml\n"
                       "authorities: authorities.yaml\nsources:\n  - name: s\n"
                       "    path: \"{period}.csv\"\n    encoding: utf-8\n"
                       "    columns: {respondent: Staff, authority: Council, role: Role, "
                       "submitted: Submitted}\n    skills: {S1: s1, S2: s2}\n";
    GString *csv = g_string_new("Staff,Council,Role,Submitted,S1,S2\n");
    for (int i = 0; i < 20; i++)
        g_string_append_printf(csv, "%03d,a1,r1,2026-07-01,Working,None\n", i);
    g_string_append(csv, "100,a1,r1,2026-07-0"); /* (so that byte 200 falls inside a character) */
    for (int i = 0; i < 300; i++)
        g_string_append_c(csv, (char)0xAA); /* not UTF-8: logged with its value shortened */
    g_string_append(csv, ",Working,None\n");
    char *config = write_case(yaml, csv);
    g_string_free(csv, TRUE);
    compare_workers(config);
    tna_model *m;
    tna_dataset *ds = ingest(config, 2, 1, &m);
    const tna_period_data *p = ds ? &ds->periods[0] : NULL;
    const tna_dq_entry *problem = NULL;
    size_t problems = 0;
    for (size_t i = 0; p && i < p->n_dq; i++)
        if (!p->dq[i].note)
            problem = &p->dq[i], problems++;
    CHECK_INT(problems, 1);
    if (problem && problems == 1) {
        CHECK_INT(problem->line, 22);
        CHECK(g_str_has_suffix(problem->value, "\xef\xbf\xbd...")); /* after a whole U+FFFD */
        CHECK(strlen(problem->value) <= 200 + 3);
    }
    tna_dataset_free(ds);
    tna_model_free(m);
    remove_case(config);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_messy_oracle);
    RUN(test_shipped_sample);
    RUN(test_hand_computed);
    RUN(test_cut_inside_quotes);
    RUN(test_many_barrier_texts);
    RUN(test_cut_inside_quotes_two_row_header);
    RUN(test_long_value_in_second_half);
    return g_test_run();
}
