/*
 * test_ingest.c - survey exports in, records out: everything through tna_config_load() and
 * tna_ingest(), asserting on the returned tna_dataset.
 *
 *   presets      a realistic small export per survey tool, each naming its grid rows its
 *                own way (tests/cases/ingest/<tool>/), and a preset value overridden
 *   knobs        header_row, skip_after_header, delimiters, windows-1252, BOM, CRLF (also
 *                inside quoted fields), trailing delimiters, blank lines at the end, no final
 *                newline, 600 columns, a heading over two lines, every date_format
 *   matching     answers, councils (composed and decomposed accents) and roles as typed;
 *                each distinct answer text matched once per worker, not per cell
 *   rejections   one row per reason, with line, column, value and reason
 *   identity     staff numbers across sources and periods
 *   formats      long and evaluation, with rater, trained, barriers, language preference
 *
 * Fixtures live in tests/cases/ingest/<case>/ and reuse the tiny framework of
 * tests/cases/analysis (skills s1..s4 "Skill one".."Skill four", roles r1/r2, authorities
 * a1..a3). Byte-exact inputs that are easier to read as C (windows-1252, 600 columns, date
 * tables) are written to a temporary directory. Every dataset is checked for
 * rows_read == accepted + rejected per source and period.
 *
 * A level string such as "21-4" gives the levels of s1..s4 in one record, '-' meaning
 * TNA_LEVEL_NONE.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "dq_words.h"
#include "pipeline.h"
#include "tna/config.h"
#include "tna/ingest.h"

#define CASES  "tests/cases/ingest/"
#define U_FFFD "\xEF\xBF\xBD" /* what an invalid byte reads as */

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

/* Every source of every period: each row read was accepted or rejected. */
static void check_balance(const tna_dataset *ds)
{
    for (size_t p = 0; p < ds->n_periods; p++)
        for (size_t s = 0; s < ds->model->n_sources; s++) {
            const tna_source_stats *st = &ds->periods[p].stats[s];
            CHECK_INT(st->rows_read, st->accepted + st->rejected);
            CHECK_INT(st->source, s);
            if (!st->present)
                CHECK_INT(st->rows_read, 0);
        }
}

/* Loads and ingests a configuration that must work; false (and a failed check) if not. */
static bool ingest_ok(const char *config, run *r)
{
    if (!run_pipeline(config, 0, false, r))
        return false;
    check_balance(r->ds);
    return true;
}

/* Loads a configuration that must load, ingests expecting TNA_ERR_INPUT; returns the
 * formatted error (static buffer). */
static const char *ingest_error(const char *config)
{
    static char buf[2048];
    tna_error err = TNA_ERROR_INIT;
    tna_model *m = NULL;
    buf[0] = '\0';
    tna_status st = tna_config_load(config, &m, &err);
    CHECK_INT(st, TNA_OK);
    if (st != TNA_OK)
        return "(configuration did not load)";
    static tna_dataset dummy;
    tna_dataset *ds = &dummy; /* ingest must reset it to NULL */
    st = tna_ingest(m, NULL, &ds, &err);
    CHECK_INT(st, TNA_ERR_INPUT);
    CHECK(ds == NULL);
    if (st == TNA_OK)
        tna_dataset_free(ds);
    tna_error_format(&err, buf, sizeof buf);
    tna_model_free(m);
    return buf;
}

static uint32_t authority(const run *r, const char *id)
{
    for (uint32_t i = 0; i < r->m->n_authorities; i++)
        if (strcmp(r->m->authorities[i].id, id) == 0)
            return i;
    CHECK(!"no such authority id in the fixture");
    return TNA_NONE;
}

static uint32_t role(const run *r, const char *id)
{
    for (uint32_t i = 0; i < r->m->n_roles; i++)
        if (strcmp(r->m->roles[i].id, id) == 0)
            return i;
    CHECK(!"no such role id in the fixture");
    return TNA_NONE;
}

/* The bit of a barrier of the model, by id. */
static uint64_t bit(const run *r, const char *id)
{
    for (uint32_t i = 0; i < r->m->n_barriers; i++)
        if (strcmp(r->m->barriers[i].id, id) == 0)
            return (uint64_t)1 << i;
    CHECK(!"no such barrier id");
    return 0;
}

static uint32_t skill(const run *r, const char *id)
{
    uint32_t s = tna_model_find_skill(r->m, id);
    CHECK(s != TNA_NONE);
    return s;
}

/* Levels of every skill of record i of period p: a digit each, '-' for none. */
static const char *levels(const run *r, size_t p, size_t i)
{
    static char buf[64];
    const tna_period_data *pd = &r->ds->periods[p];
    if (i >= pd->n_records)
        return "(no such record)";
    size_t n = r->m->n_skills < sizeof buf - 1 ? r->m->n_skills : sizeof buf - 1;
    for (size_t s = 0; s < n; s++) {
        uint8_t v = tna_record_level(pd, i, s);
        buf[s] = v == TNA_LEVEL_NONE ? '-' : v <= 9 ? (char)('0' + v) : '?';
    }
    buf[n] = '\0';
    return buf;
}

/* Seconds since 1970 of a UTC time, from GLib (not from the code under test). */
static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
    GDateTime *t = g_date_time_new_utc(y, mo, d, h, mi, s);
    int64_t e = g_date_time_to_unix(t);
    g_date_time_unref(t);
    return e;
}

/* Data-quality entries of a period that are problems (each file also leaves a note of its
 * rows read, accepted, rejected and excluded). */
static size_t problems(const tna_period_data *pd)
{
    size_t n = 0;
    for (size_t i = 0; i < pd->n_dq; i++)
        n += !pd->dq[i].note;
    return n;
}

/* One data-quality entry of a period, all four parts. */
#define CHECK_DQ(pd, i, l, c, v, why)                                                              \
    do {                                                                                           \
        const tna_period_data *pd_ = (pd);                                                         \
        size_t i_ = (i);                                                                           \
        CHECK(i_ < pd_->n_dq);                                                                     \
        if (i_ < pd_->n_dq) {                                                                      \
            CHECK_INT(pd_->dq[i_].line, l);                                                        \
            CHECK_INT(pd_->dq[i_].column, c);                                                      \
            CHECK_STR(pd_->dq[i_].value, v);                                                       \
            CHECK(DQ_SAYS(pd_->dq[i_], why));                                                      \
        }                                                                                          \
    } while (0)

#define CHECK_STATS(st, read, acc, rej)                                                            \
    do {                                                                                           \
        CHECK_INT((st)->rows_read, read);                                                          \
        CHECK_INT((st)->accepted, acc);                                                            \
        CHECK_INT((st)->rejected, rej);                                                            \
    } while (0)

/* ---- a generated case in a temporary directory -------------------------------------------- */

typedef struct tmpcase {
    char *dir;
    char *config; /* dir/tna.yaml */
    char *csv;    /* dir/survey.csv */
} tmpcase;

/* Writes tna.yaml (the analysis fixtures by absolute path, the authorities file named, and
 * one source "generated" reading survey.csv with the given extra keys, each line indented
 * four spaces) and survey.csv with exactly the bytes given. */
static tmpcase tmp_case(const char *authorities, const char *source_keys, const char *csv,
                        size_t csv_len)
{
    tmpcase t;
    t.dir = g_dir_make_tmp("tna-ingest-XXXXXX", NULL);
    t.config = g_build_filename(t.dir, "tna.yaml", NULL);
    t.csv = g_build_filename(t.dir, "survey.csv", NULL);
    char *cwd = g_get_current_dir();
    char *yaml = g_strdup_printf("title: generated\n"
                                 "periods: [2026-Q3]\n"
                                 "frameworks: [%s/tests/cases/analysis/fw.yaml]\n"
                                 "roles: %s/tests/cases/analysis/roles.yaml\n"
                                 "authorities: %s/tests/cases/%s\n"
                                 "sources:\n"
                                 "  - name: generated\n"
                                 "    path: survey.csv\n"
                                 "%s",
                                 cwd, cwd, cwd, authorities, source_keys);
    CHECK(g_file_set_contents(t.config, yaml, -1, NULL));
    CHECK(g_file_set_contents(t.csv, csv, (gssize)csv_len, NULL));
    g_free(yaml);
    g_free(cwd);
    return t;
}

static void tmp_close(tmpcase *t)
{
    g_remove(t->config);
    g_remove(t->csv);
    g_rmdir(t->dir);
    g_free(t->config);
    g_free(t->csv);
    g_free(t->dir);
}

#define BAD_ISO "unreadable date (read year-first; set date_format: dmy or mdy if the column is " \
                "written otherwise); counted as the earliest"
#define BAD_DMY "unreadable date (read day-first; set date_format: mdy or iso if the column is " \
                "written otherwise); counted as the earliest"
#define BAD_MDY "unreadable date (read month-first; set date_format: dmy or iso if the column " \
                "is written otherwise); counted as the earliest"
#define NOT_UTF8 "not valid UTF-8 (if the file is not UTF-8, set encoding: windows-1252)"

#define ANALYSIS_AUTHORITIES "analysis/authorities.yaml"
#define WELSH_AUTHORITIES    "ingest/authorities-cy.yaml"

/* ------------------------------------------------------------------------------------------ */
/* 1. Presets: each tool's way of naming grid rows                                            */

/* Google Forms: "Question [Row]" columns, US timestamps with a one-digit hour, CRLF and no
 * newline after the last record. */
static void test_google_forms(void)
{
    run r;
    if (!ingest_ok(CASES "google-forms/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_INT(r.m->sources[0].preset, TNA_PRESET_GOOGLE_FORMS);
    CHECK_STR(pd->stats[0].path, CASES "google-forms/responses.csv");
    CHECK(pd->stats[0].present);
    CHECK_STATS(&pd->stats[0], 3, 3, 0);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_MDY);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 3);
    if (pd->n_records == 3) {
        /* by the row label in brackets; s4 by the full heading */
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[0].role, role(&r, "r1"));
        CHECK_INT(pd->records[0].submitted, utc(2026, 1, 16, 0, 10, 16));
        CHECK_STR(levels(&r, 0, 0), "2134");
        /* Welsh council name, role alias; "Prefer not to say" and blank are missing */
        CHECK_INT(pd->records[1].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_INT(pd->records[1].submitted, utc(2026, 1, 16, 13, 5, 2));
        CHECK_STR(levels(&r, 0, 1), "4--0");
        /* "2026/08/01 8:03:58 am GMT+3" is 05:03:58 UTC */
        CHECK_INT(pd->records[2].authority, authority(&r, "a3"));
        CHECK_INT(pd->records[2].submitted, utc(2026, 8, 1, 5, 3, 58));
        CHECK_STR(levels(&r, 0, 2), "0012");
        for (uint32_t i = 0; i < 3; i++) {
            CHECK_INT(pd->records[i].respondent, i);
            CHECK_INT(pd->records[i].rater, TNA_RATER_SELF);
        }
    }
    CHECK_INT(r.ds->n_respondents, 3);
    run_free(&r);
}

/* SurveyMonkey: the question in row 1 with blank cells continuing it, the row labels (or
 * "Response") in row 2, skipped through the preset's skip_after_header; US 12-hour times. */
static void test_surveymonkey(void)
{
    run r;
    if (!ingest_ok(CASES "surveymonkey/tna.yaml", &r))
        return;
    const tna_source *src = &r.m->sources[0];
    CHECK_INT(src->header_row, 1);
    CHECK_INT(src->skip_after_header, 1); /* from the preset; tna.yaml does not say */
    CHECK_INT(src->date_format, TNA_DATE_MDY);
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0); /* the sub-label row is not a data row */
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a2"));
        CHECK_INT(pd->records[0].role, role(&r, "r1"));
        CHECK_INT(pd->records[0].submitted, utc(2023, 7, 31, 16, 21, 36));
        /* s1, s3, s4 by row label; s2 by "Question - Row" */
        CHECK_STR(levels(&r, 0, 0), "1243");
        CHECK_INT(pd->records[1].authority, authority(&r, "a3"));
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_INT(pd->records[1].submitted, utc(2023, 8, 2, 0, 5, 0)); /* 12:05:00 AM */
        CHECK_STR(levels(&r, 0, 1), "0012");
        CHECK(pd->records[0].respondent != pd->records[1].respondent);
    }
    run_free(&r);
}

/* Qualtrics: field ids in row 1 ("Q5_1"), labels in row 2 ("Question - Row"), import ids
 * as JSON in row 3; the preset's header_row 2 and skip 1; ISO dates; numeric answers. */
static void test_qualtrics(void)
{
    run r;
    if (!ingest_ok(CASES "qualtrics/tna.yaml", &r))
        return;
    CHECK_INT(r.m->sources[0].header_row, 1); /* ids, text, import ids: all three name columns */
    CHECK_INT(r.m->sources[0].skip_after_header, 2);
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_ISO);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        /* respondent and submitted by the ids above the labels (Q1, EndDate) */
        CHECK_INT(pd->records[0].submitted, utc(2023, 5, 1, 10, 23, 11));
        CHECK_INT(pd->records[1].submitted, utc(2023, 5, 2, 8, 4, 59));
        CHECK(pd->records[0].respondent != pd->records[1].respondent);
        CHECK_INT(pd->records[0].authority, authority(&r, "a1")); /* alias "One" */
        CHECK_INT(pd->records[0].role, role(&r, "r1"));
        /* s1 "- Skill one", s2 by id Q5_2, s3 full label, s4 "- Skill four" */
        CHECK_STR(levels(&r, 0, 0), "2314");
        CHECK_INT(pd->records[1].authority, authority(&r, "a2"));
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_STR(levels(&r, 0, 1), "1040");
    }
    run_free(&r);
}

/* LimeSurvey: semicolons, a BOM, every field quoted, question codes "Q5[SQ001]" mapped by
 * the subquestion code, Welsh answers, an empty submitdate, LimeSurvey's extra blank line. */
static void test_limesurvey(void)
{
    run r;
    if (!ingest_ok(CASES "limesurvey/tna.yaml", &r))
        return;
    CHECK_INT(r.m->sources[0].delimiter, 0); /* sniffed from the header line */
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_INT(pd->stats[0].delimiter, ';');
    CHECK_INT(pd->stats[0].encoding, TNA_ENCODING_UTF8); /* its BOM */
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1")); /* "Awdurdod un" */
        CHECK_INT(pd->records[0].role, role(&r, "r1"));
        CHECK_INT(pd->records[0].submitted, utc(2023, 7, 31, 16, 21, 36));
        CHECK_STR(levels(&r, 0, 0), "2104"); /* Gweithio, Ymwybyddiaeth, Dim, Arbenigwr */
        CHECK_INT(pd->records[1].authority, authority(&r, "a2"));
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_INT(pd->records[1].submitted, TNA_TIME_MISSING); /* incomplete response */
        CHECK_STR(levels(&r, 0, 1), "2---");
    }
    run_free(&r);
}

/* LimeSurvey's "question code & question text" headings, "Q5[SQ001]. Question [Row]" (the
 * shape of the real exports in tests/fixtures/exports): a skill is found by its subquestion code,
 * its row text or its whole code, and a field by its code or its text. */
static void test_limesurvey_code_and_text(void)
{
    run r;
    if (!ingest_ok(CASES "limesurvey-code-text/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 1, 1, 0);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 1);
    if (pd->n_records == 1) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[0].role, role(&r, "r1"));
        CHECK_INT(pd->records[0].submitted, utc(2023, 7, 31, 16, 21, 36));
        CHECK_STR(levels(&r, 0, 0), "2104");
    }
    run_free(&r);
}

/* A column two configured headings match, one in full and one by its bracketed row, is an
 * error naming both (it used to go silently to the first). */
static void test_two_headings_one_column(void)
{
    static const char csv[] = "Staff,Council,Role,How confident are you? [Skill one]\n"
                              "E1,a1,r1,Expert\n";
    tmpcase t = tmp_case(ANALYSIS_AUTHORITIES,
                         "    preset: google-forms\n"
                         "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                         "    skills:\n"
                         "      \"How confident are you? [Skill one]\": s1\n"
                         "      Skill one: s2\n",
                         csv, sizeof csv - 1);
    char *want = g_strdup_printf("%s:1: headings 'How confident are you? [Skill one]' and "
                                 "'Skill one' both match column 4 ('How confident are you? "
                                 "[Skill one]'): give one of them in full",
                                 t.csv);
    CHECK_STR(ingest_error(t.config), want);
    g_free(want);
    tmp_close(&t);
}

/* SmartSurvey: "Question [Row]" like Google Forms, UK day-first dates without seconds. */
static void test_smartsurvey(void)
{
    run r;
    if (!ingest_ok(CASES "smartsurvey/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_DMY);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[0].role, role(&r, "r2"));
        CHECK_INT(pd->records[0].submitted, utc(2023, 7, 31, 16, 21, 0));
        CHECK_STR(levels(&r, 0, 0), "1234");
        CHECK_INT(pd->records[1].submitted, utc(2023, 8, 1, 9, 30, 0)); /* 1 August */
        CHECK_STR(levels(&r, 0, 1), "2222");
    }
    run_free(&r);
}

/* Microsoft Forms: a BOM, CRLF, headings as they are, "M/D/YY H:MM:SS". */
static void test_microsoft_forms(void)
{
    run r;
    if (!ingest_ok(CASES "microsoft-forms/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_MDY);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a3"));
        CHECK_INT(pd->records[0].submitted, utc(2026, 8, 1, 8, 3, 58));
        CHECK_STR(levels(&r, 0, 0), "2431");
        CHECK_INT(pd->records[1].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[1].submitted, utc(2026, 1, 2, 7, 5, 0));
        CHECK_STR(levels(&r, 0, 1), "1111");
    }
    run_free(&r);
}

/* A source's own delimiter and date_format win over its preset's. */
static void test_preset_override(void)
{
    run r;
    if (!ingest_ok(CASES "override/tna.yaml", &r))
        return;
    const tna_source *src = &r.m->sources[0];
    CHECK_INT(src->preset, TNA_PRESET_MICROSOFT_FORMS);
    CHECK_INT(src->delimiter, ';');
    CHECK_INT(src->date_format, TNA_DATE_DMY);
    CHECK_INT(src->header_row, 1); /* the rest still from the preset */
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 1, 1, 0);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_DMY);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 1);
    if (pd->n_records == 1) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a3"));
        CHECK_INT(pd->records[0].submitted, utc(2026, 8, 1, 8, 3, 58)); /* not 8 January */
        CHECK_STR(levels(&r, 0, 0), "2431");
    }
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* 2. Knobs and quirks                                                                         */

/* header_row 3: the two rows above are skipped and not counted; skip_after_header 1: the
 * hint row under the header neither. A configured skill heading missing from the file is
 * logged at the header's line. */
static void test_header_row(void)
{
    run r;
    if (!ingest_ok(CASES "header-row/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(pd->stats[0].unrecognised_answers, 1);
    CHECK_INT(r.ds->n_respondents, 2);
    CHECK_INT(problems(pd), 3);
    CHECK_DQ(pd, 0, 3, 0, "Trained in the last year?", "no column for trained"); /* optional */
    CHECK_DQ(pd, 1, 3, 0, "S4", "no column for skill s4");
    CHECK_DQ(pd, 2, 6, 7, "Bad answer", "unrecognised answer for skill s3; counted as missing");
    CHECK_STR(pd->dq[0].file, CASES "header-row/export.csv");
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_STR(levels(&r, 0, 0), "222-");
        CHECK_INT(pd->records[0].submitted, utc(2026, 7, 1, 10, 0, 0));
        CHECK_STR(levels(&r, 0, 1), "41--");
        CHECK_INT(pd->records[1].authority, authority(&r, "a2"));
        CHECK_INT(pd->records[1].trained, TNA_YESNO_UNKNOWN);
    }
    run_free(&r);
}

/* Tab-separated, commas inside values, no newline after the last record. */
static void test_tab_delimiter(void)
{
    run r;
    if (!ingest_ok(CASES "tab/tna.yaml", &r))
        return;
    CHECK_INT(r.m->sources[0].delimiter, '\t');
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 2);
    if (pd->n_records == 2) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_STR(levels(&r, 0, 0), "2-40");
        CHECK_INT(pd->records[1].authority, authority(&r, "a2"));
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_INT(pd->records[1].submitted, utc(2026, 7, 2, 0, 0, 0));
        CHECK_STR(levels(&r, 0, 1), "1222"); /* the last record, unterminated */
    }
    run_free(&r);
}

/* Excel on Windows: a BOM before the first (required) heading, CRLF, CRLF inside quoted
 * comments, a trailing delimiter on every line, blank lines at the end. Line numbers are
 * physical lines. */
static void test_crlf_bom_trailing(void)
{
    run r;
    if (!ingest_ok(CASES "crlf/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 4, 3, 1); /* the blank lines at the end are not rows */
    CHECK_INT(problems(pd), 2);
    CHECK_DQ(pd, 0, 6, 1, "Atlantis", "unknown authority; row left out");
    CHECK_DQ(pd, 1, 8, 5, "Wizard", "unrecognised answer for skill s1; counted as missing");
    CHECK_INT(pd->n_records, 3);
    if (pd->n_records == 3) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_STR(levels(&r, 0, 0), "22--");
        CHECK_INT(pd->records[1].role, role(&r, "r2"));
        CHECK_STR(levels(&r, 0, 1), "4---");
        CHECK_INT(pd->records[2].authority, authority(&r, "a3"));
        CHECK_INT(pd->records[2].submitted, utc(2026, 7, 1, 13, 0, 0));
        CHECK_STR(levels(&r, 0, 2), "----");
    }
    run_free(&r);
}

/* A heading with a line break matches the configured heading written on one line; data
 * lines count from the line after the heading ends. */
static void test_multiline_header(void)
{
    run r;
    if (!ingest_ok(CASES "multiline-header/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 2, 2, 0);
    CHECK_INT(problems(pd), 1);
    CHECK_DQ(pd, 0, 4, 4, "Guru", "unrecognised answer for skill s1; counted as missing");
    CHECK_STR(levels(&r, 0, 0), "32--");
    CHECK_STR(levels(&r, 0, 1), "-2--");
    run_free(&r);
}

/* windows-1252: £ (A3), ’ (92), é (E9), ô (F4), â (E2) become UTF-8; an undefined byte (81)
 * is invalid text, shown as U+FFFD and never used. Typed barriers that match no barrier
 * reach the log converted (and count as other). */
static void test_windows_1252(void)
{
    static const char csv[] =
        "Staff,Council,Role,S1,S2,What stops you learning?\r\n"
        "W1,Ynys M\xF4n,Role one,Working,Gweithio,Cost;Can\x92t get time (\xA3)\r\n"
        "W2,Cyngor Sir G\xE2r,Role two,Expert,\x81,Caf\xE9 too far\r\n"
        "W3,Ynys M\x81n,Role one,Working,,\r\n"
        "W4,Ynys Mon,Role one,Awareness,,Cost;\x81\r\n";
    tmpcase t = tmp_case(WELSH_AUTHORITIES,
                         "    encoding: windows-1252\n"
                         "    columns: {respondent: Staff, authority: Council, role: Role,\n"
                         "              barriers: What stops you learning?}\n"
                         "    skills: {S1: s1, S2: s2}\n",
                         csv, sizeof csv - 1);
    run r;
    if (ingest_ok(t.config, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        const char *undefined = "not text (a byte Windows-1252 does not define)";
        char *why = g_strdup_printf("answer is %s for skill s2; counted as missing", undefined);
        CHECK_INT(r.m->sources[0].encoding, TNA_ENCODING_WINDOWS_1252);
        CHECK_INT(pd->stats[0].encoding, TNA_ENCODING_WINDOWS_1252);
        CHECK(!pd->stats[0].encoding_guessed); /* configured, not guessed */
        CHECK_STATS(&pd->stats[0], 4, 3, 1);
        CHECK_DQ(pd, 0, 2, 6, "Can\xE2\x80\x99t get time (\xC2\xA3)",
                 "barrier matches no barrier; counted as other (give its meaning in answers: "
                 "barriers:)");
        CHECK_DQ(pd, 1, 3, 6, "Caf\xC3\xA9 too far",
                 "barrier matches no barrier; counted as other (give its meaning in answers: "
                 "barriers:)");
        CHECK_DQ(pd, 2, 3, 5, U_FFFD, why);
        g_free(why);
        why = g_strdup_printf("authority is %s; row left out", undefined);
        CHECK_DQ(pd, 3, 4, 2, "Ynys M" U_FFFD "n", why);
        g_free(why);
        why = g_strdup_printf("barriers answer is %s; not counted", undefined);
        CHECK_DQ(pd, 4, 5, 6, "Cost;" U_FFFD, why);
        g_free(why);
        /* Invalid text: W2's S2 and W4's barriers. (Rejected rows count as rejected, not as
         * invalid text, so W3's authority is not in invalid_text.) */
        CHECK_INT(pd->stats[0].invalid_text, 2);
        CHECK_INT(problems(pd), 5);
        CHECK_INT(pd->n_records, 3);
        if (pd->n_records == 3) {
            CHECK_INT(pd->records[2].barriers, 0); /* never used */
            CHECK(pd->records[2].barriers_answered); /* but answered */
            CHECK_STR(levels(&r, 0, 2), "1---");
            CHECK_INT(pd->records[0].authority, authority(&r, "anglesey"));
            CHECK_STR(levels(&r, 0, 0), "22--");
            CHECK_INT(pd->records[0].barriers, bit(&r, "cost") | bit(&r, "other"));
            CHECK_INT(pd->records[1].authority, authority(&r, "carmarthenshire"));
            CHECK_INT(pd->records[1].role, role(&r, "r2"));
            CHECK_STR(levels(&r, 0, 1), "4---");
            CHECK_INT(pd->records[1].barriers, bit(&r, "other"));
        }
        run_free(&r);
    }
    tmp_close(&t);
}

/* 600 columns, the skills far to the right; a row short of the last mapped column is
 * rejected, a row with one field more (trailing delimiter) is fine. */
static void test_many_columns(void)
{
    GString *csv = g_string_new("Staff,Council,Role");
    for (int c = 4; c <= 600; c++) {
        if (c == 550)
            g_string_append(csv, ",S1");
        else if (c == 598)
            g_string_append(csv, ",S2");
        else if (c == 600)
            g_string_append(csv, ",S3");
        else
            g_string_append_printf(csv, ",Q%d", c);
    }
    g_string_append(csv, "\n");
    for (int row = 0; row < 3; row++) {
        g_string_append_printf(csv, "E%d,a%d,r1", row, row + 1);
        int last = row == 1 ? 560 : 600;
        for (int c = 4; c <= last; c++)
            g_string_append(csv, c == 550   ? ",Working"
                                 : c == 598 ? ",Guru"
                                 : c == 600 ? ",Expert"
                                            : ",x");
        g_string_append(csv, row == 2 ? ",\n" : "\n");
    }
    tmpcase t = tmp_case(ANALYSIS_AUTHORITIES,
                         "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                         "    skills: {S1: s1, S2: s2, S3: s3}\n",
                         csv->str, csv->len);
    run r;
    if (ingest_ok(t.config, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        CHECK_STATS(&pd->stats[0], 3, 2, 1);
        CHECK_INT(problems(pd), 3);
        CHECK_DQ(pd, 0, 2, 598, "Guru", "unrecognised answer for skill s2; counted as missing");
        CHECK_DQ(pd, 1, 3, 0, "", "row has 560 fields, the header has 600; row left out");
        CHECK_DQ(pd, 2, 4, 598, "Guru", "unrecognised answer for skill s2; counted as missing");
        CHECK_STR(levels(&r, 0, 0), "2-4-");
        CHECK_STR(levels(&r, 0, 1), "2-4-");
        if (pd->n_records == 2)
            CHECK_INT(pd->records[1].authority, authority(&r, "a3"));
        run_free(&r);
    }
    tmp_close(&t);
    g_string_free(csv, TRUE);
}

/* date_format auto: a day over 12 settles the column day-first; blanks are missing without
 * a log entry, an unreadable value is logged after the rows (when the column is settled). */
static void test_dates_auto_dmy(void)
{
    run r;
    if (!ingest_ok(CASES "dates-dmy/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_INT(r.m->sources[0].date_format, TNA_DATE_AUTO);
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_DMY);
    CHECK_INT(pd->stats[0].bad_dates, 1);
    CHECK_STATS(&pd->stats[0], 4, 4, 0);
    CHECK_INT(pd->n_records, 4);
    if (pd->n_records == 4) {
        CHECK_INT(pd->records[0].submitted, utc(2026, 3, 5, 10, 0, 0));
        CHECK_INT(pd->records[1].submitted, utc(2026, 3, 13, 9, 0, 0));
        CHECK_INT(pd->records[2].submitted, TNA_TIME_MISSING);
        CHECK_INT(pd->records[3].submitted, TNA_TIME_MISSING);
    }
    CHECK_INT(problems(pd), 1);
    CHECK_DQ(pd, 0, 5, 4, "soon", BAD_DMY);
    run_free(&r);
}

/* ... and a month-position value over 12 settles it month-first (ISO values fit both). */
static void test_dates_auto_mdy(void)
{
    run r;
    if (!ingest_ok(CASES "dates-mdy/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_INT(pd->stats[0].date_format, TNA_DATE_MDY);
    CHECK_INT(problems(pd), 0);
    CHECK_INT(pd->n_records, 3);
    if (pd->n_records == 3) {
        CHECK_INT(pd->records[0].submitted, utc(2026, 5, 3, 10, 0, 0));
        CHECK_INT(pd->records[1].submitted, utc(2025, 12, 25, 16, 21, 0));
        CHECK_INT(pd->records[2].submitted, utc(2026, 1, 2, 8, 0, 0));
    }
    run_free(&r);
}

/* ... and a column that reads both ways stops ingest, pointing at its first value. The
 * rejected first row's 13/13/2026 plays no part. */
static void test_dates_auto_ambiguous(void)
{
    CHECK_STR(ingest_error(CASES "dates-ambiguous/tna.yaml"),
              CASES "dates-ambiguous/survey.csv:3:4: every date in column 'Submitted' reads "
                    "both day-first and month-first (e.g. '05/03/2026 10:00' on this line); "
                    "set date_format: dmy or mdy for source 'survey'");
}

/* Each explicit date_format on the forms the survey tools write: two-digit years, AM/PM,
 * zone suffixes; year-first dates in every format. -1: unreadable (logged, missing). */
static void test_date_formats(void)
{
    static const struct {
        const char *format, *text;
        int y, mo, d, h, mi, s; /* y 0: unreadable */
    } cases[] = {
        {"iso", "2026-08-01T08:03:58Z", 2026, 8, 1, 8, 3, 58},
        {"iso", "2026-08-01 09:03:58+01:00", 2026, 8, 1, 8, 3, 58},
        {"iso", "2023/07/31 11:21 GMT-05:00", 2023, 7, 31, 16, 21, 0},
        {"iso", "2026-08-01", 2026, 8, 1, 0, 0, 0},
        {"iso", "31/07/2023 16:21", 0, 0, 0, 0, 0, 0},
        {"dmy", "31/07/23 4:21 pm", 2023, 7, 31, 16, 21, 0},
        {"dmy", "31.07.2023", 2023, 7, 31, 0, 0, 0},
        {"dmy", "1/8/26 08:03:58 GMT+3", 2026, 8, 1, 5, 3, 58},
        {"dmy", "2026-08-01T08:03:58Z", 2026, 8, 1, 8, 3, 58},
        {"dmy", "07/31/2023", 0, 0, 0, 0, 0, 0},
        {"mdy", "07/31/2023 04:21:36 PM", 2023, 7, 31, 16, 21, 36},
        {"mdy", "8/1/26 8:03:58", 2026, 8, 1, 8, 3, 58},
        {"mdy", "12/31/25 12:00:00 AM", 2025, 12, 31, 0, 0, 0},
        {"mdy", "1/16/2026 0:10:16 GMT+3", 2026, 1, 15, 21, 10, 16},
        {"mdy", "31/07/2023", 0, 0, 0, 0, 0, 0},
        {"mdy", "07/31/2023 13:00 PM", 0, 0, 0, 0, 0, 0},
    };
    static const tna_date_format formats[] = {TNA_DATE_ISO, TNA_DATE_DMY, TNA_DATE_MDY};
    for (size_t f = 0; f < G_N_ELEMENTS(formats); f++) {
        const char *name = tna_date_format_names[formats[f]];
        GString *csv = g_string_new("Staff,Council,Role,Submitted,S1\n");
        size_t n = 0;
        for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
            if (strcmp(cases[i].format, name) == 0)
                g_string_append_printf(csv, "D%zu,a1,r1,%s,Working\n", n++, cases[i].text);
        char *keys = g_strdup_printf("    date_format: %s\n"
                                     "    columns: {respondent: Staff, authority: Council, "
                                     "role: Role, submitted: Submitted}\n"
                                     "    skills: {S1: s1}\n",
                                     name);
        tmpcase t = tmp_case(ANALYSIS_AUTHORITIES, keys, csv->str, csv->len);
        run r;
        if (ingest_ok(t.config, &r)) {
            const tna_period_data *pd = &r.ds->periods[0];
            CHECK_INT(pd->stats[0].date_format, formats[f]);
            CHECK_INT(pd->n_records, n);
            size_t k = 0, bad = 0;
            for (size_t i = 0; i < G_N_ELEMENTS(cases) && k < pd->n_records; i++) {
                if (strcmp(cases[i].format, name) != 0)
                    continue;
                int64_t want = cases[i].y ? utc(cases[i].y, cases[i].mo, cases[i].d, cases[i].h,
                                                cases[i].mi, cases[i].s)
                                          : TNA_TIME_MISSING;
                if (pd->records[k].submitted != want)
                    fprintf(stderr, "  date_format %s, '%s':\n", name, cases[i].text);
                CHECK_INT(pd->records[k].submitted, want);
                if (!cases[i].y) {
                    CHECK_DQ(pd, bad, (long)k + 2, 4, cases[i].text,
                             formats[f] == TNA_DATE_ISO   ? BAD_ISO
                             : formats[f] == TNA_DATE_DMY ? BAD_DMY
                                                          : BAD_MDY);
                    bad++;
                }
                k++;
            }
            CHECK_INT(problems(pd), bad);
            CHECK_INT(pd->stats[0].bad_dates, bad);
            run_free(&r);
        }
        tmp_close(&t);
        g_free(keys);
        g_string_free(csv, TRUE);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* 3. Matching                                                                                 */

/* Answers by label, Welsh label, alias and number, in any case and spacing; configured
 * missing answers and blanks are missing without a log entry; anything else is logged.
 * Councils by name, Welsh name, alias or id, with composed or decomposed accents; roles by
 * name, alias or id. */
static void test_matching(void)
{
    run r;
    if (!ingest_ok(CASES "matching/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 8, 8, 0);
    CHECK_INT(pd->n_records, 8);
    if (pd->n_records != 8) {
        run_free(&r);
        return;
    }
    static const struct {
        const char *authority, *role, *levels;
    } want[8] = {
        {"anglesey", "r1", "2203"},        /* Ynys Môn; Gweithio, Dim, "3" */
        {"anglesey", "r1", "2304"},        /* Ynys Mo + U+0302 + n; "  wORKING  ", NONE */
        {"anglesey", "r2", "---4"},        /* "  cyngor  sir ynys MÔN "; missing, blank */
        {"carmarthenshire", "r2", "1111"}, /* CYNGOR SIR GÂR; alias "Second role" */
        {"carmarthenshire", "r2", "0424"}, /* Sir Ga + U+0302 + r; "SECOND   ROLE" */
        {"anglesey", "r1", "----"},        /* ids; all blank */
        {"anglesey", "r2", "----"},        /* full English name; nothing on the scale */
        {"carmarthenshire", "r1", "--22"}, /* alias; unconfigured "Don't know" */
    };
    for (size_t i = 0; i < 8; i++) {
        CHECK_INT(pd->records[i].authority, authority(&r, want[i].authority));
        CHECK_INT(pd->records[i].role, role(&r, want[i].role));
        CHECK_STR(levels(&r, 0, i), want[i].levels);
    }
    /* only what matches nothing is logged: not "Prefer not to say" in any spelling, not blank */
    CHECK_INT(pd->stats[0].unrecognised_answers, 6);
    CHECK_INT(problems(pd), 6);
    CHECK_DQ(pd, 0, 8, 4, "5", "unrecognised answer for skill s1; counted as missing");
    CHECK_DQ(pd, 1, 8, 5, "2.0", "unrecognised answer for skill s2; counted as missing");
    CHECK_DQ(pd, 2, 8, 6, "Expert level", "unrecognised answer for skill s3; counted as missing");
    CHECK_DQ(pd, 3, 8, 7, "-1", "unrecognised answer for skill s4; counted as missing");
    CHECK_DQ(pd, 4, 9, 4, "Don't know", "unrecognised answer for skill s1; counted as missing");
    CHECK_DQ(pd, 5, 9, 5, "Prefer not", "unrecognised answer for skill s2; counted as missing");
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* 4. Rejections and the data-quality log                                                      */

static void test_rejections(void)
{
    run r;
    if (!ingest_ok(CASES "rejects/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    const tna_source_stats *st = &pd->stats[0];
    CHECK_STATS(st, 18, 8, 10);
    CHECK_INT(st->unrecognised_answers, 1);
    CHECK_INT(st->bad_dates, 2);
    CHECK_INT(st->invalid_text, 2); /* the answer and the date; rejected rows are "rejected" */
    CHECK_INT(problems(pd), 15);
    CHECK_DQ(pd, 0, 3, 2, "Nowhere Council", "unknown authority; row left out");
    CHECK_DQ(pd, 1, 4, 3, "Chief Wizard", "unknown role; row left out");
    CHECK_DQ(pd, 2, 5, 2, "", "no authority; row left out");
    CHECK_DQ(pd, 3, 6, 0, "", "empty row");
    CHECK_DQ(pd, 4, 7, 0, "", "empty row"); /* spaces only */
    CHECK_DQ(pd, 5, 8, 0, "", "row has 3 fields, the header has 9; row left out");
    /* line 9 lacks only the unmapped Notes column: accepted */
    CHECK_DQ(pd, 6, 10, 5, "Very good", "unrecognised answer for skill s1; counted as missing");
    CHECK_DQ(pd, 7, 11, 5, "Work" U_FFFD "ing",
             "answer is " NOT_UTF8 " for skill s1; counted as missing");
    CHECK_DQ(pd, 8, 12, 2, "Auth" U_FFFD "ority one", "authority is " NOT_UTF8 "; row left out");
    CHECK_DQ(pd, 9, 13, 4, "not a date", BAD_ISO);
    CHECK_DQ(pd, 10, 14, 4, "2026-02-30 10:00", BAD_ISO);
    CHECK_DQ(pd, 11, 15, 4, "2026-07-" U_FFFD "1", "date is " NOT_UTF8);
    CHECK_DQ(pd, 12, 16, 3, "Ro" U_FFFD "le one", "role is " NOT_UTF8 "; row left out");
    /* line 17: invalid bytes in the unmapped Notes column are never looked at */
    CHECK_DQ(pd, 13, 18, 2, "", "no authority; row left out"); /* one entry per row */
    /* a no-break space alone is as blank as the matching key says (text.h) */
    CHECK_DQ(pd, 14, 19, 2, "\xC2\xA0", "no authority; row left out");
    for (size_t i = 0; i < pd->n_dq; i++)
        CHECK_STR(pd->dq[i].file, CASES "rejects/survey.csv");

    CHECK_INT(pd->n_records, 8);
    CHECK_INT(r.ds->n_respondents, 8); /* rejected rows are nobody */
    if (pd->n_records == 8) {
        CHECK_INT(pd->records[0].authority, authority(&r, "a1"));
        CHECK_INT(pd->records[0].submitted, utc(2026, 7, 1, 10, 0, 0));
        CHECK_STR(levels(&r, 0, 0), "2140");
        CHECK_STR(levels(&r, 0, 1), "2222"); /* line 9 */
        CHECK_STR(levels(&r, 0, 2), "-2--"); /* line 10: unrecognised counts as missing */
        CHECK_STR(levels(&r, 0, 3), "-2--"); /* line 11: invalid text is never used */
        CHECK_INT(pd->records[4].submitted, TNA_TIME_MISSING); /* line 13 */
        CHECK_STR(levels(&r, 0, 4), "2---");
        CHECK_INT(pd->records[5].submitted, TNA_TIME_MISSING);
        CHECK_INT(pd->records[6].submitted, TNA_TIME_MISSING);
        CHECK_STR(levels(&r, 0, 7), "2---"); /* line 17 */
    }
    run_free(&r);
}

/* A long value is cut for the log on a character boundary and marked with "...". */
static void test_long_values_cut(void)
{
    GString *answer = g_string_new("x"), *council = g_string_new("");
    for (int i = 0; i < 150; i++)
        g_string_append(answer, "\xC3\xB4"); /* 301 bytes: byte 200 is inside an ô */
    for (int i = 0; i < 300; i++)
        g_string_append_c(council, 'A');
    char *csv = g_strdup_printf("Staff,Council,Role,S1\nE1,a1,r1,%s\nE2,%s,r1,Working\n",
                                answer->str, council->str);
    tmpcase t = tmp_case(ANALYSIS_AUTHORITIES,
                         "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                         "    skills: {S1: s1}\n",
                         csv, strlen(csv));
    run r;
    if (ingest_ok(t.config, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        CHECK_INT(problems(pd), 2);
        const char *full[2] = {answer->str, council->str};
        for (size_t i = 0; i < pd->n_dq && i < 2; i++) {
            const char *v = pd->dq[i].value;
            size_t n = strlen(v);
            CHECK(g_utf8_validate(v, -1, NULL));
            CHECK(n >= 3 && n <= 200 + 3 && n >= 190);
            CHECK(n >= 3 && strcmp(v + n - 3, "...") == 0);
            CHECK(n >= 3 && strncmp(v, full[i], n - 3) == 0);
        }
        if (problems(pd) == 2) {
            CHECK(DQ_SAYS(pd->dq[0], "unrecognised answer for skill s1; counted as missing"));
            CHECK(DQ_SAYS(pd->dq[1], "unknown authority; row left out"));
        }
        run_free(&r);
    }
    tmp_close(&t);
    g_free(csv);
    g_string_free(answer, TRUE);
    g_string_free(council, TRUE);
}

/* A required column missing stops ingest, naming the nearest heading when there is one. */
static void test_required_column_missing(void)
{
    CHECK_STR(ingest_error(CASES "missing-column/tna.yaml"),
              CASES "missing-column/survey.csv:1: no column headed 'Which council do you work "
                    "for?' for authority (did you mean 'Which council do you work in?'?)");

    static const char csv[] = "Staff,Council,Position,S1\nE1,a1,r1,Working\n";
    tmpcase t = tmp_case(ANALYSIS_AUTHORITIES,
                         "    columns: {respondent: Staff, authority: Council, role: Job title}\n"
                         "    skills: {S1: s1}\n",
                         csv, sizeof csv - 1);
    char *want = g_strdup_printf("%s:1: no column headed 'Job title' for role", t.csv);
    CHECK_STR(ingest_error(t.config), want);
    g_free(want);
    tmp_close(&t);

    /* not one skill heading found: nothing to read */
    static const char csv2[] = "Staff,Council,Role,Skill 1\nE1,a1,r1,Working\n";
    t = tmp_case(ANALYSIS_AUTHORITIES,
                 "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                 "    skills: {S1: s1}\n",
                 csv2, sizeof csv2 - 1);
    want = g_strdup_printf("%s:1: none of the 1 skill headings in the configuration is a "
                           "column of this file",
                           t.csv);
    CHECK_STR(ingest_error(t.config), want);
    g_free(want);
    tmp_close(&t);

    /* header_row past the end of the file */
    t = tmp_case(ANALYSIS_AUTHORITIES,
                 "    header_row: 5\n"
                 "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                 "    skills: {S1: s1}\n",
                 csv2, sizeof csv2 - 1);
    want = g_strdup_printf("%s: no header row: the file has fewer than 5 records", t.csv);
    CHECK_STR(ingest_error(t.config), want);
    g_free(want);
    tmp_close(&t);
}

/* A file with its header and no data rows yet (an export taken before anyone answered) must
 * still have its headings checked: a required column missing is the same error as above,
 * and a missing skill heading the same log entry. */
static void test_header_only_file(void)
{
    static const char csv[] = "Staff,Which council do you work in?,Role,S1\n";
    tmpcase t = tmp_case(ANALYSIS_AUTHORITIES,
                         "    columns: {respondent: Staff, authority: Which council do you work "
                         "for?, role: Role}\n"
                         "    skills: {S1: s1}\n",
                         csv, sizeof csv - 1);
    char *want = g_strdup_printf("%s:1: no column headed 'Which council do you work for?' for "
                                 "authority (did you mean 'Which council do you work in?'?)",
                                 t.csv);
    /* (Found by this test: the headings used to be mapped only when a first data row
     * arrived, so a header-only file was TNA_OK unchecked; read_whole() now maps them.) */
    CHECK_STR(ingest_error(t.config), want);
    g_free(want);
    tmp_close(&t);

    static const char csv2[] = "Staff,Council,Role,S1\n";
    t = tmp_case(ANALYSIS_AUTHORITIES,
                 "    columns: {respondent: Staff, authority: Council, role: Role}\n"
                 "    skills: {S1: s1, S2: s2}\n",
                 csv2, sizeof csv2 - 1);
    run r;
    if (ingest_ok(t.config, &r)) {
        const tna_period_data *pd = &r.ds->periods[0];
        CHECK_STATS(&pd->stats[0], 0, 0, 0);
        CHECK_INT(pd->n_records, 0);
        CHECK_INT(problems(pd), 1);
        CHECK_DQ(pd, 0, 1, 0, "S2", "no column for skill s2");
        run_free(&r);
    }
    tmp_close(&t);
}

/* ------------------------------------------------------------------------------------------ */
/* 5. Identity                                                                                 */

/* The same staff number in two sources and two periods is one respondent; blanks are each
 * their own; padding does not matter. There is nothing to look the numbers up by afterwards:
 * tna_record and tna_evaluation carry only the index, tna_dataset has no respondent-key
 * field (ingest destroys its staff-number table before returning), and its string chunk
 * cannot be enumerated, so the strings it does expose are checked instead. */
static void test_identity(void)
{
    run r;
    if (!ingest_ok(CASES "identity/tna.yaml", &r))
        return;
    CHECK_INT(r.ds->n_periods, 2);
    const tna_period_data *q2 = &r.ds->periods[0], *q3 = &r.ds->periods[1];
    CHECK_STR(q2->period, "2026-Q2");
    CHECK(!q2->stats[1].present); /* no managers file in Q2 */
    CHECK_STR(q2->stats[1].path, CASES "identity/2026-Q2-managers.csv");
    CHECK(q3->stats[1].present);
    CHECK_STATS(&q2->stats[0], 4, 3, 1);
    CHECK_INT(problems(q2), 1);
    CHECK_DQ(q2, 0, 5, 2, "Nowhere", "unknown authority; row left out");
    CHECK_INT(q2->n_records, 3);
    CHECK_INT(q3->n_records, 7);
    if (q2->n_records != 3 || q3->n_records != 7) {
        run_free(&r);
        return;
    }
    uint32_t e1 = q2->records[0].respondent, blank_q2 = q2->records[1].respondent,
             e2 = q2->records[2].respondent; /* "  E2  " */
    CHECK_INT(e1, 0);
    CHECK_INT(blank_q2, 1);
    CHECK_INT(e2, 2);                         /* E3's rejected row is nobody */
    CHECK_INT(q3->records[0].respondent, e2); /* next period */
    CHECK_INT(q3->records[1].respondent, e1);
    CHECK_INT(q3->records[2].respondent, 3);  /* a blank again: someone new */
    CHECK_INT(q3->records[3].respondent, 4);  /* E4 */
    CHECK_INT(q3->records[4].respondent, e1); /* " E1" in the managers' file */
    CHECK_INT(q3->records[5].respondent, e2); /* "E2 " */
    CHECK_INT(q3->records[6].respondent, 5);  /* "" */
    CHECK_INT(r.ds->n_respondents, 6);
    CHECK_INT(q3->records[4].rater, TNA_RATER_MANAGER);
    CHECK_STR(levels(&r, 1, 4), "2---");
    CHECK_STR(levels(&r, 1, 5), "-1--");
    CHECK_STR(levels(&r, 1, 0), "4---");

    static const char *const staff[] = {"E1", "E2", "E3", "E4"};
    for (size_t p = 0; p < r.ds->n_periods; p++)
        for (size_t i = 0; i < r.ds->periods[p].n_dq; i++)
            for (size_t k = 0; k < G_N_ELEMENTS(staff); k++) {
                CHECK(strstr(r.ds->periods[p].dq[i].value, staff[k]) == NULL);
                CHECK(strstr(r.ds->periods[p].dq[i].detail, staff[k]) == NULL);
            }
    CHECK_INT(r.ds->n_courses, 0);
    run_free(&r);
}

/* through_period stops after a period; an unknown one is a usage error. */
static void test_through_period(void)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(CASES "identity/tna.yaml", &m, &err), TNA_OK);
    if (m == NULL)
        return;
    tna_ingest_options opt = {.through_period = "2026-Q2"};
    tna_dataset *ds = NULL;
    CHECK_INT(tna_ingest(m, &opt, &ds, &err), TNA_OK);
    if (ds != NULL) {
        CHECK_INT(ds->n_periods, 1);
        CHECK_INT(ds->n_respondents, 3);
        check_balance(ds);
    }
    tna_dataset_free(ds);
    opt.through_period = "2026-Q9";
    CHECK_INT(tna_ingest(m, &opt, &ds, &err), TNA_ERR_USAGE);
    CHECK(ds == NULL);
    char buf[512];
    tna_error_format(&err, buf, sizeof buf);
    CHECK_STR(buf, "period '2026-Q9' is not in the configuration");
    tna_model_free(m);
}

/* ------------------------------------------------------------------------------------------ */
/* 6. Long and evaluation formats                                                              */

static void test_long_format(void)
{
    run r;
    if (!ingest_ok(CASES "long/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_STATS(&pd->stats[0], 10, 6, 4);
    CHECK_INT(pd->stats[0].unrecognised_answers, 1);
    CHECK_INT(problems(pd), 7);
    CHECK_DQ(pd, 0, 5, 5, "boss", "unrecognised rater (self or manager); taken as self");
    CHECK_DQ(pd, 1, 6, 6, "s9", "unknown skill; row left out");
    CHECK_DQ(pd, 2, 7, 6, "", "unknown skill; row left out");
    CHECK_DQ(pd, 3, 8, 6, "t1", "unknown skill; row left out"); /* a topic is not a skill */
    CHECK_DQ(pd, 4, 9, 2, "Nowhere", "unknown authority; row left out");
    /* an answer that means neither yes nor no is logged, and the row still counts */
    CHECK_DQ(pd, 5, 10, 8, "dunno", "unrecognised answer (yes or no); taken as unknown");
    CHECK_DQ(pd, 6, 10, 7, "Legend", "unrecognised answer for skill s2; counted as missing");

    /* barriers are the shipped list's (no barriers: key), matched by alias */
    uint64_t time = bit(&r, "time"), cost = bit(&r, "cost"), manager = bit(&r, "manager-support");
    CHECK_INT(pd->n_records, 6);
    CHECK_INT(r.ds->n_respondents, 3); /* E1, E2, E5; the rejected E3 and E4 are nobody */
    if (pd->n_records != 6) {
        run_free(&r);
        return;
    }
    const tna_record *rec = pd->records;
    /* one skill per row: s1 by id, s2 by name, s3 by name in odd case and spacing */
    CHECK_STR(levels(&r, 0, 0), "2---");
    CHECK_STR(levels(&r, 0, 1), "-3--");
    CHECK_STR(levels(&r, 0, 2), "--3-");
    CHECK_STR(levels(&r, 0, 3), "---0");
    CHECK_STR(levels(&r, 0, 4), "----");
    CHECK_INT(rec[0].respondent, rec[1].respondent);
    CHECK_INT(rec[2].respondent, rec[3].respondent);
    CHECK(rec[0].respondent != rec[2].respondent);
    CHECK(rec[4].respondent != rec[0].respondent && rec[4].respondent != rec[2].respondent);
    CHECK_INT(rec[0].submitted, utc(2026, 7, 1, 10, 0, 0));
    CHECK_INT(rec[1].submitted, utc(2026, 7, 1, 10, 5, 0));
    CHECK_INT(rec[4].authority, authority(&r, "a3"));
    CHECK_INT(rec[4].role, role(&r, "r2"));

    CHECK_INT(rec[0].rater, TNA_RATER_MANAGER); /* "Manager" */
    CHECK_INT(rec[1].rater, TNA_RATER_SELF);
    CHECK_INT(rec[2].rater, TNA_RATER_MANAGER); /* "Line manager" */
    CHECK_INT(rec[3].rater, TNA_RATER_SELF);    /* "boss", logged */
    CHECK_INT(rec[4].rater, TNA_RATER_SELF);    /* blank */
    CHECK_INT(rec[5].rater, TNA_RATER_SELF);    /* a no-break space: blank, not logged */
    CHECK_INT(rec[5].respondent, rec[4].respondent);
    CHECK_STR(levels(&r, 0, 5), "--2-");

    CHECK_INT(rec[0].trained, TNA_YES);
    CHECK_INT(rec[1].trained, TNA_NO);
    CHECK_INT(rec[2].trained, TNA_YES); /* "Ydw" */
    CHECK_INT(rec[3].trained, TNA_YESNO_UNKNOWN);
    CHECK_INT(rec[4].trained, TNA_YESNO_UNKNOWN); /* "dunno" */

    CHECK_INT(rec[0].barriers, time | cost); /* "Time;Cost;": a trailing ';' adds nothing */
    CHECK_INT(rec[1].barriers, cost);
    CHECK_INT(rec[2].barriers, 0);
    CHECK_INT(rec[3].barriers, time | manager); /* "Time; No manager support ;" */
    CHECK_INT(rec[4].barriers, cost);

    CHECK_INT(rec[0].medium, TNA_MEDIUM_WELSH);   /* Welsh */
    CHECK_INT(rec[1].medium, TNA_MEDIUM_WELSH);   /* Cymraeg */
    CHECK_INT(rec[2].medium, TNA_MEDIUM_ENGLISH); /* English */
    CHECK_INT(rec[3].medium, TNA_MEDIUM_EITHER);  /* Either */
    CHECK_INT(rec[4].medium, TNA_MEDIUM_EITHER);  /* Dim ots */
    run_free(&r);
}

static void test_evaluation_format(void)
{
    run r;
    if (!ingest_ok(CASES "evaluation/tna.yaml", &r))
        return;
    const tna_period_data *pd = &r.ds->periods[0];
    CHECK_INT(pd->n_records, 0);
    CHECK_STATS(&pd->stats[0], 9, 5, 4);
    CHECK_INT(problems(pd), 7);
    CHECK_DQ(pd, 0, 4, 3, "", "no course; row left out");
    CHECK_DQ(pd, 1, 5, 5, "Topic nine", "unknown topic; row left out");
    CHECK_DQ(pd, 2, 6, 4, "Skill nine", "unknown skill; row left out");
    CHECK_DQ(pd, 3, 7, 2, "Nowhere", "unknown authority; row left out");
    CHECK_DQ(pd, 4, 8, 6, "great", "unrecognised satisfaction (1-5); counted as missing");
    CHECK_DQ(pd, 5, 8, 7, "Expert?", "unrecognised level; counted as missing");
    CHECK_DQ(pd, 6, 8, 9, "dunno", "unrecognised answer (yes or no); taken as unknown");

    /* A rejected row leaves no course and no respondent behind: not line 5's "Leadership
     * course" (unknown topic), nor E4 and E5 (found by this test; evaluation_row() now
     * checks skill and topic before it registers either). */
    CHECK_INT(r.ds->n_courses, 2);
    if (r.ds->n_courses >= 2) {
        CHECK_STR(r.ds->courses[0], "Plain English workshop");
        CHECK_STR(r.ds->courses[1], "Data course");
    }
    CHECK_INT(r.ds->n_respondents, 5); /* E1, E2, E7, E8, E9 */

    CHECK_INT(pd->n_evaluations, 5);
    if (pd->n_evaluations != 5) {
        run_free(&r);
        return;
    }
    const tna_evaluation *e = pd->evaluations;
    uint32_t data_course = e[2].course;
    CHECK_STR(r.ds->courses[data_course], "Data course");
    /* line 2 */
    CHECK_INT(e[0].course, 0);
    CHECK_INT(e[0].authority, authority(&r, "a1"));
    CHECK_INT(e[0].role, TNA_NONE); /* no role column */
    CHECK_INT(e[0].skill, skill(&r, "s1"));
    CHECK_INT(e[0].topic, tna_model_find_topic(r.m, "t1"));
    CHECK_INT(e[0].satisfaction, 5);
    CHECK_INT(e[0].before, 1);
    CHECK_INT(e[0].after, 2);
    CHECK_INT(e[0].applied, TNA_YES);
    CHECK_INT(e[0].submitted, utc(2026, 7, 10, 0, 0, 0));
    /* line 3: the same course in other case and spacing; no council is fine here */
    CHECK_INT(e[1].course, 0);
    CHECK_INT(e[1].authority, TNA_NONE);
    CHECK_INT(e[1].skill, TNA_NONE);
    CHECK_INT(e[1].topic, tna_model_find_topic(r.m, "t2")); /* by name */
    CHECK_INT(e[1].satisfaction, 5);                        /* "Very satisfied" */
    CHECK_INT(e[1].before, 1);
    CHECK_INT(e[1].after, 3);
    CHECK_INT(e[1].applied, TNA_NO);
    CHECK_INT(e[1].submitted, utc(2026, 7, 11, 0, 0, 0));
    /* line 8: the skill's topic wins over the topic column */
    CHECK_INT(e[2].skill, skill(&r, "s3"));
    CHECK_INT(e[2].topic, tna_model_find_topic(r.m, "t2"));
    CHECK_INT(e[2].satisfaction, 0);
    CHECK_INT(e[2].before, -1);
    CHECK_INT(e[2].after, 4);
    CHECK_INT(e[2].applied, TNA_YESNO_UNKNOWN);
    CHECK_INT(e[2].submitted, TNA_TIME_MISSING);
    /* line 9: neither skill nor topic */
    CHECK_INT(e[3].course, data_course);
    CHECK_INT(e[3].skill, TNA_NONE);
    CHECK_INT(e[3].topic, TNA_NONE);
    CHECK_INT(e[3].satisfaction, 2);
    CHECK_INT(e[3].before, -1);
    CHECK_INT(e[3].applied, TNA_NO); /* "Naddo" */
    CHECK(e[0].respondent != e[1].respondent && e[2].respondent != e[3].respondent);
    /* line 10: a no-break space for the council is no council, as a blank is */
    CHECK_INT(e[4].authority, TNA_NONE);
    CHECK_INT(e[4].course, data_course);
    CHECK_INT(e[4].satisfaction, 4);
    run_free(&r);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading in parts                                                                            */

static void check_same_dataset(const char *config, const tna_dataset *a, const tna_dataset *b)
{
    int before = check_failed_total;
    CHECK_INT(a->n_periods, b->n_periods);
    CHECK_INT(a->n_respondents, b->n_respondents);
    CHECK_INT(a->n_courses, b->n_courses);
    size_t ns = a->model->n_skills;
    for (size_t p = 0; p < a->n_periods && p < b->n_periods; p++) {
        const tna_period_data *x = &a->periods[p], *y = &b->periods[p];
        CHECK_INT(x->n_records, y->n_records);
        for (size_t i = 0; i < x->n_records && i < y->n_records; i++) {
            const tna_record *u = &x->records[i], *v = &y->records[i];
            CHECK_INT(u->respondent, v->respondent);
            CHECK_INT(u->authority, v->authority);
            CHECK_INT(u->role, v->role);
            CHECK_INT(u->submitted, v->submitted);
            CHECK_INT(u->rater, v->rater);
            CHECK_INT(u->trained, v->trained);
            CHECK_INT(u->medium, v->medium);
            CHECK_INT(u->barriers, v->barriers);
            CHECK(memcmp(tna_record_levels(x, i), tna_record_levels(y, i),
                         tna_level_row_bytes(ns)) == 0);
        }
        CHECK_INT(x->n_evaluations, y->n_evaluations);
        for (size_t i = 0; i < x->n_evaluations && i < y->n_evaluations; i++) {
            const tna_evaluation *u = &x->evaluations[i], *v = &y->evaluations[i];
            CHECK_INT(u->respondent, v->respondent);
            CHECK_INT(u->course, v->course);
            CHECK_INT(u->authority, v->authority);
            CHECK_INT(u->skill, v->skill);
            CHECK_INT(u->topic, v->topic);
            CHECK_INT(u->satisfaction, v->satisfaction);
            CHECK_INT(u->before, v->before);
            CHECK_INT(u->after, v->after);
            CHECK_INT(u->submitted, v->submitted);
        }
        for (size_t c = 0; c < a->n_courses && c < b->n_courses; c++)
            CHECK_STR(a->courses[c], b->courses[c]);
        CHECK_INT(x->n_dq, y->n_dq);
        for (size_t i = 0; i < x->n_dq && i < y->n_dq; i++) {
            CHECK_STR(x->dq[i].file, y->dq[i].file);
            CHECK_INT(x->dq[i].line, y->dq[i].line);
            CHECK_INT(x->dq[i].column, y->dq[i].column);
            CHECK_STR(x->dq[i].value, y->dq[i].value);
            CHECK(DQ_SAME_REASON(x->dq[i], y->dq[i]));
        }
        for (size_t s = 0; s < a->model->n_sources; s++) {
            const tna_source_stats *m = &x->stats[s], *n = &y->stats[s];
            CHECK_INT(m->rows_read, n->rows_read);
            CHECK_INT(m->accepted, n->accepted);
            CHECK_INT(m->rejected, n->rejected);
            CHECK_INT(m->unrecognised_answers, n->unrecognised_answers);
            CHECK_INT(m->bad_dates, n->bad_dates);
            CHECK_INT(m->invalid_text, n->invalid_text);
            CHECK_INT(m->date_format, n->date_format);
        }
    }
    if (check_failed_total != before)
        fprintf(stderr, "  (%s read by three workers differs from one)\n", config);
}

/* What an answer means is worked out once per distinct text, not per cell: 3000 rows of ten
 * answer cells (30,000 cells) hold 19 distinct texts in the caches they are matched in:
 * councils 3, roles 2, levels 5 (the four skills share their framework's cache), trained 3,
 * barriers lists 3 (a whole cell is one text), language 3. One worker matches each once;
 * three workers (the file cut in three) at most once each. */
static void test_matched_once_per_text(void)
{
    static const char *const councils[] = {"a1", "Authority two", "One"};
    static const char *const roles[] = {"r1", "Second role"};
    static const char *const levels[] = {"None", "Awareness", "Working", "Practitioner", "Expert"};
    static const char *const trained[] = {"Yes", "No", "Do"};
    static const char *const barriers[] = {"Time", "Cost", "Time;Cost"};
    static const char *const language[] = {"Welsh", "English", "Cymraeg"};
    const long rows = 3000, distinct = 3 + 2 + 5 + 3 + 3 + 3;
    GString *csv = g_string_new("Staff,Council,Role,S1,S2,S3,S4,Trained,Barriers,Language\n");
    for (long i = 0; i < rows; i++)
        g_string_append_printf(csv, "E%ld,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i, councils[i % 3],
                               roles[i % 2], levels[i % 5], levels[(i + 1) % 5],
                               levels[(i + 2) % 5], levels[(i / 5) % 5], trained[(i / 2) % 3],
                               barriers[(i / 3) % 3], language[(i / 7) % 3]);
    tmpcase t = tmp_case("analysis/authorities.yaml",
                         "    columns: {respondent: Staff, authority: Council, role: Role,\n"
                         "              trained: Trained, barriers: Barriers,\n"
                         "              language_preference: Language}\n"
                         "    skills: {S1: s1, S2: s2, S3: s3, S4: s4}\n",
                         csv->str, csv->len);
    g_string_free(csv, TRUE);
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(t.config, &m, &err), TNA_OK);
    tna_ingest_options one = {.threads = 1}, three = {.threads = 3, .split_min_bytes = 1};
    tna_dataset *a = NULL, *b = NULL;
    if (m != NULL) {
        CHECK_INT(tna_ingest(m, &one, &a, &err), TNA_OK);
        CHECK_INT(tna_ingest(m, &three, &b, &err), TNA_OK);
    }
    if (a != NULL) {
        const tna_source_stats *st = &a->periods[0].stats[0];
        CHECK_INT(st->rows_read, rows);
        CHECK_INT(st->accepted, rows);
        CHECK_INT(a->periods[0].n_dq, 1); /* the rows counted, and nothing unmatched */
        CHECK_INT(st->answers_matched, distinct);
    }
    if (b != NULL) {
        const tna_source_stats *st = &b->periods[0].stats[0];
        CHECK_INT(st->accepted, rows);
        CHECK(st->answers_matched >= distinct);
        CHECK(st->answers_matched <= 3 * distinct);
    }
    tna_dataset_free(a);
    tna_dataset_free(b);
    tna_model_free(m);
    tmp_close(&t);
}

/* Every fixture read by three workers (forced by split_min_bytes 1) gives the dataset one
 * worker gives: the cuts fall mid-file, inside quoted CRLFs, under a three-row header, in an
 * evaluation export (courses numbered by the join). Workers are threads, so this holds on a
 * machine of any size. */
static void test_workers_same_as_one(void)
{
    static const char *const configs[] = {
        "google-forms", "surveymonkey",     "qualtrics", "limesurvey", "limesurvey-code-text",
        "smartsurvey",  "microsoft-forms",  "override",  "header-row", "tab",
        "crlf",         "multiline-header", "dates-dmy", "dates-mdy",  "matching",
        "rejects",      "identity",         "long",      "evaluation",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(configs); i++) {
        char *path = g_strdup_printf(CASES "%s/tna.yaml", configs[i]);
        tna_model *m = NULL;
        tna_error err = TNA_ERROR_INIT;
        CHECK_INT(tna_config_load(path, &m, &err), TNA_OK);
        tna_ingest_options one = {.threads = 1}, two = {.threads = 3, .split_min_bytes = 1};
        tna_dataset *a = NULL, *b = NULL;
        if (m != NULL) {
            CHECK_INT(tna_ingest(m, &one, &a, &err), TNA_OK);
            CHECK_INT(tna_ingest(m, &two, &b, &err), TNA_OK);
        }
        if (a != NULL && b != NULL) {
            check_balance(b);
            check_same_dataset(path, a, b);
        }
        tna_dataset_free(a);
        tna_dataset_free(b);
        tna_model_free(m);
        g_free(path);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_google_forms);
    RUN(test_surveymonkey);
    RUN(test_qualtrics);
    RUN(test_limesurvey);
    RUN(test_limesurvey_code_and_text);
    RUN(test_two_headings_one_column);
    RUN(test_smartsurvey);
    RUN(test_microsoft_forms);
    RUN(test_preset_override);
    RUN(test_header_row);
    RUN(test_tab_delimiter);
    RUN(test_crlf_bom_trailing);
    RUN(test_multiline_header);
    RUN(test_windows_1252);
    RUN(test_many_columns);
    RUN(test_dates_auto_dmy);
    RUN(test_dates_auto_mdy);
    RUN(test_dates_auto_ambiguous);
    RUN(test_date_formats);
    RUN(test_matching);
    RUN(test_rejections);
    RUN(test_long_values_cut);
    RUN(test_required_column_missing);
    RUN(test_header_only_file);
    RUN(test_identity);
    RUN(test_through_period);
    RUN(test_long_format);
    RUN(test_evaluation_format);
    RUN(test_workers_same_as_one);
    RUN(test_matched_once_per_text);
    return g_test_run();
}
