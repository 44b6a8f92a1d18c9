/*
 * test_csvread.c - the CSV reader: csv-spectrum against its JSON, the real survey exports in
 * tests/fixtures (see its SOURCES.md), each quirk (BOM, line ends, delimiters, encodings, caps, errors, line
 * numbers), read-block and conversion-chunk boundaries, and robustness on random bytes and
 * truncated real files.
 */
#include <csv.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "tna/csvread.h"

#define CASES "tests/cases/csv"

/* The copied public fixtures, from the repository root (tests/run.sh runs from there). */
static char *fixture(const char *rel)
{
    return g_build_filename("tests/fixtures", rel, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Collecting records                                                                          */

typedef struct row {
    GPtrArray *fields; /* char * */
    GString *invalid;  /* '0' / '1' per field */
    long line, index;
} row;

typedef struct collect {
    GPtrArray *rows; /* row * */
    long stop_after; /* stop after this many records; 0 = never */
    long bad;        /* records that broke an invariant */
} collect;

static void row_free(gpointer p)
{
    row *r = p;
    g_ptr_array_free(r->fields, TRUE);
    g_string_free(r->invalid, TRUE);
    g_free(r);
}

static void collect_init(collect *c)
{
    c->rows = g_ptr_array_new_with_free_func(row_free);
    c->stop_after = 0;
    c->bad = 0;
}

static void collect_clear(collect *c)
{
    g_ptr_array_free(c->rows, TRUE);
    c->rows = NULL;
}

/* Checks what every record must satisfy, whatever the input. */
static bool record_sane(const tna_csv_record *rec, long prev_line, long prev_index)
{
    if (rec->n == 0 || rec->index != prev_index + 1 || rec->line < 1 || rec->line < prev_line)
        return false;
    for (size_t i = 0; i < rec->n; i++) {
        if (rec->fields[i] == NULL || strlen(rec->fields[i]) != rec->lens[i])
            return false;
        if (!g_utf8_validate(rec->fields[i], (gssize)rec->lens[i], NULL))
            return false;
    }
    return true;
}

static int on_collect(const tna_csv_record *rec, void *ctx)
{
    collect *c = ctx;
    long prev_line = 0, prev_index = 0;
    if (c->rows->len > 0) {
        row *last = g_ptr_array_index(c->rows, c->rows->len - 1);
        prev_line = last->line;
        prev_index = last->index;
    }
    if (!record_sane(rec, prev_line, prev_index))
        c->bad++;
    row *r = g_new0(row, 1);
    r->fields = g_ptr_array_new_with_free_func(g_free);
    r->invalid = g_string_new(NULL);
    for (size_t i = 0; i < rec->n; i++) {
        g_ptr_array_add(r->fields, g_strndup(rec->fields[i], rec->lens[i]));
        g_string_append_c(r->invalid, rec->invalid[i] ? '1' : '0');
    }
    r->line = rec->line;
    r->index = rec->index;
    g_ptr_array_add(c->rows, r);
    return c->stop_after > 0 && (long)c->rows->len >= c->stop_after;
}

static row *row_at(const collect *c, guint i)
{
    return i < c->rows->len ? g_ptr_array_index(c->rows, i) : NULL;
}

/* Field j of record i (0-based), or "(missing)". */
static const char *cell(const collect *c, guint i, guint j)
{
    row *r = row_at(c, i);
    if (r == NULL || j >= r->fields->len)
        return "(missing)";
    return g_ptr_array_index(r->fields, j);
}

static long nfields(const collect *c, guint i)
{
    row *r = row_at(c, i);
    return r ? (long)r->fields->len : -1;
}

static long line_of(const collect *c, guint i)
{
    row *r = row_at(c, i);
    return r ? r->line : -1;
}

static const char *invalid_of(const collect *c, guint i)
{
    row *r = row_at(c, i);
    return r ? r->invalid->str : "(missing)";
}

static tna_status read_buf(const char *text, size_t len, const tna_csv_options *o, collect *c,
                           tna_error *err)
{
    return tna_csv_read_buffer("buf.csv", text, len, o, on_collect, c, err);
}

static tna_status read_str(const char *text, const tna_csv_options *o, collect *c, tna_error *err)
{
    return read_buf(text, strlen(text), o, c, err);
}

/* Every record's start line, as "1 3 7". */
static char *lines_str(const collect *c)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < c->rows->len; i++)
        g_string_append_printf(s, "%s%ld", i ? " " : "", line_of(c, i));
    return g_string_free(s, FALSE);
}

/* The whole result as text, for comparing two readings of the same data. */
static char *dump(const collect *c, tna_status st, const tna_error *err)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < c->rows->len; i++) {
        row *r = row_at(c, i);
        g_string_append_printf(s, "%ld@%ld %s:", r->index, r->line, r->invalid->str);
        for (guint j = 0; j < r->fields->len; j++) {
            const char *f = g_ptr_array_index(r->fields, j);
            if (strlen(f) > 200)
                g_string_append_printf(s, "[<%zu bytes, hash %u>]", strlen(f), g_str_hash(f));
            else
                g_string_append_printf(s, "[%s]", f);
        }
        g_string_append_c(s, '\n');
    }
    g_string_append_printf(s, "status %d %ld:%ld %s\n", st, err->line, err->col, err->message);
    return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* A small JSON reader for csv-spectrum's expectations: an array of flat objects (or one     */
/* object) whose values are strings. Only what those files use, but honest about errors.     */

typedef struct json_in {
    const char *p, *end;
    bool ok;
} json_in;

static void json_ws(json_in *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static bool json_eat(json_in *j, char c)
{
    json_ws(j);
    if (j->p < j->end && *j->p == c) {
        j->p++;
        return true;
    }
    return false;
}

static char *json_string(json_in *j)
{
    if (!json_eat(j, '"')) {
        j->ok = false;
        return g_strdup("");
    }
    GString *s = g_string_new(NULL);
    while (j->p < j->end && *j->p != '"') {
        char c = *j->p++;
        if (c != '\\') {
            g_string_append_c(s, c);
            continue;
        }
        if (j->p >= j->end)
            break;
        c = *j->p++;
        switch (c) {
        case 'n':
            g_string_append_c(s, '\n');
            break;
        case 'r':
            g_string_append_c(s, '\r');
            break;
        case 't':
            g_string_append_c(s, '\t');
            break;
        case 'b':
            g_string_append_c(s, '\b');
            break;
        case 'f':
            g_string_append_c(s, '\f');
            break;
        case 'u': {
            if (j->end - j->p < 4) {
                j->ok = false;
                break;
            }
            char hex[5] = {j->p[0], j->p[1], j->p[2], j->p[3], 0};
            j->p += 4;
            g_string_append_unichar(s, (gunichar)strtoul(hex, NULL, 16));
            break;
        }
        default:
            g_string_append_c(s, c);
            break; /* \" \\ \/ */
        }
    }
    if (j->p >= j->end)
        j->ok = false;
    else
        j->p++;
    return g_string_free(s, FALSE);
}

/* An object as a flat array: key, value, key, value ... */
static GPtrArray *json_object(json_in *j)
{
    GPtrArray *kv = g_ptr_array_new_with_free_func(g_free);
    if (!json_eat(j, '{')) {
        j->ok = false;
        return kv;
    }
    if (json_eat(j, '}'))
        return kv;
    do {
        g_ptr_array_add(kv, json_string(j));
        if (!json_eat(j, ':'))
            j->ok = false;
        g_ptr_array_add(kv, json_string(j));
    } while (j->ok && json_eat(j, ','));
    if (!json_eat(j, '}'))
        j->ok = false;
    return kv;
}

/* Returns an array of objects (GPtrArray of key/value arrays), NULL when the text is not an
 * array of flat string objects. *single is set when the file held one object, not an array. */
static GPtrArray *json_read(const char *path, bool *single)
{
    char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, NULL))
        return NULL;
    json_in j = {text, text + len, true};
    GPtrArray *objs = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    *single = false;
    json_ws(&j);
    if (j.p < j.end && *j.p == '{') {
        *single = true;
        g_ptr_array_add(objs, json_object(&j));
    } else if (json_eat(&j, '[')) {
        if (!json_eat(&j, ']')) {
            do
                g_ptr_array_add(objs, json_object(&j));
            while (j.ok && json_eat(&j, ','));
            if (!json_eat(&j, ']'))
                j.ok = false;
        }
    } else {
        j.ok = false;
    }
    json_ws(&j);
    if (j.p != j.end)
        j.ok = false;
    g_free(text);
    if (!j.ok) {
        g_ptr_array_free(objs, TRUE);
        return NULL;
    }
    return objs;
}

static const char *json_get(GPtrArray *kv, const char *key)
{
    for (guint i = 0; i + 1 < kv->len; i += 2)
        if (strcmp(g_ptr_array_index(kv, i), key) == 0)
            return g_ptr_array_index(kv, i + 1);
    return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* csv-spectrum                                                                                */

static void test_spectrum(void)
{
    char *dir = fixture("csv-spectrum/csvs");
    char *jsondir = fixture("csv-spectrum/json");
    GDir *d = g_dir_open(dir, 0, NULL);
    CHECK(d != NULL);
    int files = 0;
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        if (!g_str_has_suffix(name, ".csv") || strcmp(name, "location_coordinates.csv") == 0)
            continue;
        files++;
        char *base = g_strndup(name, strlen(name) - 4);
        char *csv = g_build_filename(dir, name, NULL);
        char *jsonname = g_strconcat(base, ".json", NULL);
        char *json = g_build_filename(jsondir, jsonname, NULL);
        bool single = false;
        GPtrArray *objs = json_read(json, &single);
        CHECK(objs != NULL);
        CHECK(!single);
        collect c;
        collect_init(&c);
        tna_error err = TNA_ERROR_INIT;
        tna_status st = tna_csv_read_file(csv, NULL, on_collect, &c, &err);
        CHECK_INT(st, TNA_OK);
        CHECK_INT(c.bad, 0);
        if (objs != NULL && objs->len > 0) {
            /* header = keys of the first object, in order; each record = an object */
            GPtrArray *first = g_ptr_array_index(objs, 0);
            CHECK_INT(c.rows->len, objs->len + 1);
            CHECK_INT(nfields(&c, 0), first->len / 2);
            for (guint k = 0; k < first->len / 2; k++)
                CHECK_STR(cell(&c, 0, k), g_ptr_array_index(first, 2 * k));
            for (guint i = 0; i < objs->len; i++) {
                GPtrArray *kv = g_ptr_array_index(objs, i);
                CHECK_INT(nfields(&c, i + 1), kv->len / 2);
                for (guint k = 0; k < first->len / 2; k++) {
                    const char *want = json_get(kv, cell(&c, 0, k));
                    CHECK_STR(cell(&c, i + 1, k), want);
                    if (want == NULL || strcmp(cell(&c, i + 1, k), want) != 0)
                        fprintf(stderr, "  in %s, record %u field %u\n", name, i + 2, k + 1);
                }
                CHECK(strchr(invalid_of(&c, i + 1), '1') == NULL);
            }
        }
        if (objs)
            g_ptr_array_free(objs, TRUE);
        collect_clear(&c);
        g_free(base);
        g_free(csv);
        g_free(jsonname);
        g_free(json);
    }
    if (d)
        g_dir_close(d);
    g_free(dir);
    g_free(jsondir);
    CHECK_INT(files, 11);
}

/* location_coordinates.csv has a bare quote inside an unquoted field (37�36'37.8"N), which
 * strict mode rejects; its JSON is known to be wrong (one object, another phone number). */
static void test_spectrum_location_coordinates(void)
{
    collect c;
    collect_init(&c);
    tna_error err = TNA_ERROR_INIT;
    char *csv = fixture("csv-spectrum/csvs/location_coordinates.csv");
    char *json = fixture("csv-spectrum/json/location_coordinates.json");
    tna_status st = tna_csv_read_file(csv, NULL, on_collect, &c, &err);
    CHECK_INT(st, TNA_ERR_INPUT);
    CHECK_INT(err.code, TNA_ERR_INPUT);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.col, 22); /* characters: "2095257564,37�36'37.8" is 21 */
    CHECK(strstr(err.message, "quote inside an unquoted field") != NULL);
    CHECK(g_str_has_suffix(err.file, "location_coordinates.csv"));
    CHECK_INT(c.rows->len, 1); /* the header came through before the error */
    CHECK_STR(cell(&c, 0, 1), "Location Coordinates");
    /* and the JSON really is the inconsistent single object the fixture notes describe */
    bool single = false;
    GPtrArray *objs = json_read(json, &single);
    CHECK(objs != NULL && single);
    if (objs) {
        CHECK_STR(json_get(g_ptr_array_index(objs, 0), "Contact Phone Number"), "1234567890");
        g_ptr_array_free(objs, TRUE);
    }
    collect_clear(&c);
    g_free(csv);
    g_free(json);
}

/* ------------------------------------------------------------------------------------------ */
/* Real survey exports (counts worked out with Python's csv module; libcsv also trims spaces  */
/* around unquoted fields, which these cells do not have)                                     */

static tna_status read_export(const char *rel, char delim, collect *c, tna_error *err)
{
    char *exports = fixture("exports");
    char *path = g_build_filename(exports, rel, NULL);
    g_free(exports);
    tna_csv_options o = {delim, TNA_ENCODING_UTF8, 0, 0};
    tna_status st = tna_csv_read_file(path, &o, on_collect, c, err);
    g_free(path);
    return st;
}

static bool all_width(const collect *c, long n)
{
    for (guint i = 0; i < c->rows->len; i++)
        if (nfields(c, i) != n)
            return false;
    return true;
}

static bool none_invalid(const collect *c)
{
    for (guint i = 0; i < c->rows->len; i++)
        if (strchr(invalid_of(c, i), '1'))
            return false;
    return true;
}

static void test_export_google_forms(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    /* CRLF, no newline after the last record: 80 records of 4 fields, record i on line i */
    collect_init(&c);
    CHECK_INT(read_export("google_forms/gforms_uvads_hotdog_spring26.csv", ',', &c, &err), TNA_OK);
    CHECK_INT(c.bad, 0);
    CHECK_INT(c.rows->len, 80);
    CHECK(all_width(&c, 4));
    CHECK_STR(cell(&c, 0, 0), "Timestamp");
    CHECK_STR(cell(&c, 0, 2), "What year are you?");
    CHECK_STR(cell(&c, 1, 0), "1/14/2026 14:54:44");
    CHECK_STR(cell(&c, 79, 0), "1/16/2026 10:59:34");
    CHECK_STR(cell(&c, 79, 3), "No"); /* no stray CR on the unterminated last line */
    CHECK_INT(line_of(&c, 79), 80);
    collect_clear(&c);

    collect_init(&c);
    CHECK_INT(read_export("google_forms/gforms_uvads_project0_fall26.csv", ',', &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 20);
    CHECK(all_width(&c, 4));
    CHECK_STR(cell(&c, 0, 2), "What school are you in? (Primary Major)");
    CHECK_STR(cell(&c, 19, 0), "8/31/2026 9:55:21");
    CHECK_STR(cell(&c, 19, 2), "Engineering");
    CHECK_INT(line_of(&c, 19), 20);
    collect_clear(&c);
}

static void test_export_limesurvey(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    /* ';', BOM, 502 columns, 10 records, a trailing blank line */
    collect_init(&c);
    CHECK_INT(read_export("limesurvey/limesurvey_chi_332449_semicolon_bom.csv", ';', &c, &err),
              TNA_OK);
    CHECK_INT(c.bad, 0);
    CHECK_INT(c.rows->len, 10);
    CHECK(all_width(&c, 502));
    CHECK(none_invalid(&c));
    CHECK_STR(cell(&c, 0, 0), "id. Response ID"); /* the BOM is gone */
    CHECK_STR(cell(&c, 1, 1), "2018-06-29 21:31:20");
    CHECK_STR(cell(&c, 9, 0), "16");
    CHECK_STR(cell(&c, 9, 500), "1.7");
    CHECK_STR(cell(&c, 9, 501), "");
    CHECK_INT(line_of(&c, 9), 10);
    collect_clear(&c);

    /* ';', BOM, 338 columns, 11 records; headers with TABs and curly quotes; multi-line
     * comments, so records start on lines 1 2 3 11 17 18 ... 23 */
    collect_init(&c);
    CHECK_INT(read_export("limesurvey/limesurvey_chi_673185_semicolon_bom.csv", ';', &c, &err),
              TNA_OK);
    CHECK_INT(c.rows->len, 11);
    CHECK(all_width(&c, 338));
    CHECK_STR(cell(&c, 0, 0), "id. Response ID");
    CHECK(g_str_has_prefix(cell(&c, 0, 10), "TYPstudy[stumat]. Study materials [Materials"));
    CHECK(strstr(cell(&c, 0, 10), "responses\tIncludes: Questionnaire\t") != NULL);
    CHECK(strstr(cell(&c, 0, 10), "interviewer\xE2\x80\x99s scripts") != NULL);
    CHECK_STR(cell(&c, 1, 337), "test comment");
    CHECK(g_str_has_prefix(cell(&c, 2, 337), "other comment\n\nLorem ipsum dolor sit amet"));
    CHECK(g_str_has_suffix(cell(&c, 2, 337), "id est laborum."));
    CHECK_INT(strlen(cell(&c, 2, 337)), 461);
    char *lines = lines_str(&c);
    CHECK_STR(lines, "1 2 3 11 17 18 19 20 21 22 23");
    g_free(lines);
    collect_clear(&c);

    /* ',', every field quoted, a large JSON field, 66 records, empty line at the end */
    collect_init(&c);
    CHECK_INT(read_export("limesurvey/limesurvey_uu_nameface_codes.csv", ',', &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 66);
    CHECK(all_width(&c, 27));
    CHECK_STR(cell(&c, 0, 1), "submitdate");
    CHECK_STR(cell(&c, 0, 26), "Score");
    CHECK_STR(cell(&c, 1, 1), "1980-01-01 00:00:00");
    CHECK_STR(cell(&c, 65, 0), "73");
    CHECK_STR(cell(&c, 65, 25), "Nee");
    CHECK_INT(line_of(&c, 65), 66);
    collect_clear(&c);
    CHECK_INT(err.code, TNA_OK);
}

static void test_export_qualtrics(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    collect_init(&c);
    CHECK_INT(read_export("qualtrics/qualtrics_sample_de.csv", ',', &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 4);
    CHECK(all_width(&c, 20));
    CHECK_STR(cell(&c, 0, 0), "StartDate");
    CHECK_STR(cell(&c, 1, 0), "Anfangsdatum");
    CHECK_STR(cell(&c, 2, 0), "{\"ImportId\":\"startDate\"}");
    CHECK_STR(cell(&c, 3, 0), "2017-07-18 08:28:09");
    CHECK_STR(cell(&c, 3, 18), "Hello World!");
    CHECK_STR(cell(&c, 3, 19), "");
    CHECK(none_invalid(&c));
    collect_clear(&c);

    /* BOM, trailing comma on every line: 16 fields, the last empty */
    collect_init(&c);
    CHECK_INT(read_export("qualtrics/qualtrics_sample_legacy.csv", ',', &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 3);
    CHECK(all_width(&c, 16));
    CHECK_STR(cell(&c, 0, 0), "V1");
    CHECK_STR(cell(&c, 0, 15), "");
    CHECK_STR(cell(&c, 1, 0), "ResponseID");
    CHECK_STR(cell(&c, 2, 0), "R_2YPOQ602ER1jkf1");
    CHECK_STR(cell(&c, 2, 1), "Standard-Antwortsatz");
    CHECK_STR(cell(&c, 2, 14), "-1");
    CHECK_STR(cell(&c, 2, 15), "");
    collect_clear(&c);
    CHECK_INT(err.code, TNA_OK);
}

static void test_export_surveymonkey(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    collect_init(&c);
    CHECK_INT(
        read_export("surveymonkey/surveymonkey_churcharmy_lead_module_feedback.csv", ',', &c, &err),
        TNA_OK);
    CHECK_INT(c.bad, 0);
    CHECK_INT(c.rows->len, 18);
    CHECK(all_width(&c, 20));
    CHECK_STR(cell(&c, 0, 0), "Respondent ID");
    CHECK_STR(cell(&c, 0, 19), "");
    CHECK_STR(cell(&c, 1, 0), "");
    CHECK_STR(cell(&c, 1, 18), "Response");
    CHECK_STR(cell(&c, 2, 0), "19085864118");
    CHECK_STR(cell(&c, 2, 2), "07/31/2023 04:21:36 PM");
    CHECK_STR(cell(&c, 16, 18), "Aagree");
    CHECK_STR(cell(&c, 17, 18), "Strongly agree");
    CHECK(g_str_has_prefix(cell(&c, 17, 19), "Jane is always affirming"));
    CHECK_INT(line_of(&c, 17), 18);
    collect_clear(&c);
}

/* ------------------------------------------------------------------------------------------ */
/* Quirks                                                                                      */

static void test_bom(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    collect_init(&c);
    /* with CSV_STRICT a BOM before a quoted heading would be a parse error */
    CHECK_INT(read_str("\xEF\xBB\xBF\"id\",\"name\"\n1,x\n", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 2);
    CHECK_STR(cell(&c, 0, 0), "id");
    CHECK_INT(line_of(&c, 1), 2);
    collect_clear(&c);

    /* only at the very start; a BOM alone, or part of one, is data */
    collect_init(&c);
    CHECK_INT(read_str("\xEF\xBB\xBF", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 0);
    collect_clear(&c);
    collect_init(&c);
    CHECK_INT(read_str("a,\xEF\xBB\xBF"
                       "b\n",
                       NULL, &c, &err),
              TNA_OK);
    CHECK_STR(cell(&c, 0, 1), "\xEF\xBB\xBF"
                              "b");
    collect_clear(&c);
    collect_init(&c);
    CHECK_INT(read_str("\xEF\xBB", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 1);
    CHECK_STR(invalid_of(&c, 0), "1");
    CHECK_STR(cell(&c, 0, 0), "\xEF\xBF\xBD\xEF\xBF\xBD");
    collect_clear(&c);
    /* empty input */
    collect_init(&c);
    CHECK_INT(read_buf("", 0, NULL, &c, &err), TNA_OK);
    CHECK_INT(read_buf(NULL, 0, NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 0);
    collect_clear(&c);
    CHECK_INT(err.code, TNA_OK);
}

static void test_line_ends(void)
{
    /* The same records with LF, CRLF and lone CR; blank lines between and after, a quoted
     * newline: records start on lines 1 3 7, as an editor numbers them. */
    const char *variants[][2] = {
        {"h1,h2\n\n1,\"x\ny\"\n\n\n2,3\n\n", "x\ny"},
        {"h1,h2\r\n\r\n1,\"x\r\ny\"\r\n\r\n\r\n2,3\r\n\r\n", "x\r\ny"},
        {"h1,h2\r\r1,\"x\ry\"\r\r\r2,3\r\r", "x\ry"},
    };
    for (size_t v = 0; v < G_N_ELEMENTS(variants); v++) {
        collect c;
        tna_error err = TNA_ERROR_INIT;
        collect_init(&c);
        CHECK_INT(read_str(variants[v][0], NULL, &c, &err), TNA_OK);
        CHECK_INT(c.bad, 0);
        CHECK_INT(c.rows->len, 3);
        char *lines = lines_str(&c);
        CHECK_STR(lines, "1 3 7");
        g_free(lines);
        CHECK_STR(cell(&c, 0, 1), "h2"); /* no CR left on a field */
        CHECK_STR(cell(&c, 1, 1), variants[v][1]);
        CHECK_STR(cell(&c, 2, 1), "3");
        collect_clear(&c);
    }
    struct {
        const char *text, *lines;
        long records;
    } cases[] = {
        {"a,\"x\ry\"\nb,c\n", "1 3", 2},     /* a CR inside quotes is a line break too */
        {"a\nb", "1 2", 2},                  /* no final newline */
        {"a\r\nb", "1 2", 2},                /* CRLF, no final newline */
        {"\n\n\na\n", "4", 1},               /* blank lines first */
        {"a\r\n\rb\n", "1 3", 2},            /* CRLF then a lone CR */
        {"a\r\r\nb", "1 3", 2},              /* a lone CR then CRLF */
        {"a\n  \n\t\nb\n", "1 4", 2},        /* lines of spaces and tabs are blank */
        {"\"a\n\n\nb\",c\nd\n", "1 5", 2},   /* blank lines inside quotes */
        {"x,\"\"\"\n\"\"\"\ny\n", "1 3", 2}, /* escaped quotes around a quoted newline */
        {"a,b\n,\n", "1 2", 2},              /* a row of one delimiter is a record */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        collect c;
        tna_error err = TNA_ERROR_INIT;
        collect_init(&c);
        CHECK_INT(read_str(cases[i].text, NULL, &c, &err), TNA_OK);
        CHECK_INT(c.rows->len, cases[i].records);
        char *lines = lines_str(&c);
        CHECK_STR(lines, cases[i].lines);
        if (strcmp(lines, cases[i].lines) != 0)
            fprintf(stderr, "  case %zu\n", i);
        g_free(lines);
        collect_clear(&c);
    }
    /* a field of a CRLF inside quotes keeps both bytes; the record after is on line 3 */
    collect c;
    tna_error err = TNA_ERROR_INIT;
    collect_init(&c);
    CHECK_INT(read_str("\"\r\n\",b\r\nc,d\r\n", NULL, &c, &err), TNA_OK);
    CHECK_STR(cell(&c, 0, 0), "\r\n");
    CHECK_INT(line_of(&c, 1), 3);
    collect_clear(&c);
}

static void test_fields(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    /* trailing delimiter: an empty last field; ",," gives empty fields; blank rows of
     * delimiters are records the caller judges */
    collect_init(&c);
    CHECK_INT(read_str("a,b,\n1,2,\n,,\n", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 3);
    CHECK_INT(nfields(&c, 0), 3);
    CHECK_STR(cell(&c, 0, 2), "");
    CHECK_STR(cell(&c, 1, 1), "2");
    CHECK_INT(nfields(&c, 2), 3);
    CHECK_STR(cell(&c, 2, 0), "");
    collect_clear(&c);

    /* spaces around unquoted fields go, quoted ones keep theirs */
    collect_init(&c);
    CHECK_INT(read_str("  a  , \" b \" ,c d\n", NULL, &c, &err), TNA_OK);
    CHECK_STR(cell(&c, 0, 0), "a");
    CHECK_STR(cell(&c, 0, 1), " b ");
    CHECK_STR(cell(&c, 0, 2), "c d");
    collect_clear(&c);

    /* multi-line header cells */
    collect_init(&c);
    CHECK_INT(read_str("\"Name\n(full)\",\"Q1\nHow \"\"good\"\"?\"\nx,y\n", NULL, &c, &err),
              TNA_OK);
    CHECK_STR(cell(&c, 0, 0), "Name\n(full)");
    CHECK_STR(cell(&c, 0, 1), "Q1\nHow \"good\"?");
    CHECK_INT(line_of(&c, 1), 4);
    collect_clear(&c);

    /* ';' and TAB delimiters; a TAB delimiter is not trimmed as space */
    tna_csv_options semi = {';', TNA_ENCODING_UTF8, 0, 0};
    collect_init(&c);
    CHECK_INT(read_str("a;b,c;\"d;e\"\n", &semi, &c, &err), TNA_OK);
    CHECK_INT(nfields(&c, 0), 3);
    CHECK_STR(cell(&c, 0, 1), "b,c");
    CHECK_STR(cell(&c, 0, 2), "d;e");
    collect_clear(&c);
    tna_csv_options tab = {'\t', TNA_ENCODING_UTF8, 0, 0};
    collect_init(&c);
    CHECK_INT(read_str("a\tb c\t\"d\te\"\t\n\t\t\n", &tab, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 2);
    CHECK_INT(nfields(&c, 0), 4);
    CHECK_STR(cell(&c, 0, 1), "b c");
    CHECK_STR(cell(&c, 0, 2), "d\te");
    CHECK_STR(cell(&c, 0, 3), "");
    CHECK_INT(nfields(&c, 1), 3);
    collect_clear(&c);

    /* 600 columns */
    GString *wide = g_string_new(NULL);
    for (int r = 0; r < 3; r++) {
        for (int i = 0; i < 600; i++)
            g_string_append_printf(wide, "%s%c%d", i ? "," : "", 'a' + r, i);
        g_string_append(wide, "\r\n");
    }
    collect_init(&c);
    CHECK_INT(read_buf(wide->str, wide->len, NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 3);
    CHECK(all_width(&c, 600));
    CHECK_STR(cell(&c, 2, 599), "c599");
    CHECK_STR(cell(&c, 0, 0), "a0");
    collect_clear(&c);
    /* ... and max_fields caps them */
    tna_csv_options few = {',', TNA_ENCODING_UTF8, 0, 500};
    collect_init(&c);
    tna_error err2 = TNA_ERROR_INIT;
    CHECK_INT(read_buf(wide->str, wide->len, &few, &c, &err2), TNA_ERR_NOMEM);
    CHECK_STR(err2.message, "record has more than 500 fields");
    CHECK_INT(err2.line, 1);
    CHECK_INT(c.rows->len, 0);
    collect_clear(&c);
    g_string_free(wide, TRUE);

    /* the callback can stop the reading */
    collect_init(&c);
    c.stop_after = 2;
    CHECK_INT(read_str("a\nb\nc\nd\n", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 2);
    collect_clear(&c);
    collect_init(&c);
    c.stop_after = 1;
    CHECK_INT(read_str("a\nb\n\"unterminated", NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 1);
    collect_clear(&c);
    CHECK_INT(err.code, TNA_OK);
}

static void test_encodings(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    tna_csv_options cp = {',', TNA_ENCODING_WINDOWS_1252, 0, 0};
    collect_init(&c);
    CHECK_INT(tna_csv_read_file(CASES "/cp1252.csv", &cp, on_collect, &c, &err), TNA_OK);
    CHECK_INT(c.bad, 0);
    CHECK_INT(c.rows->len, 3);
    CHECK_STR(cell(&c, 1, 0), "Price \xC2\xA3"
                              "5"); /* £ */
    CHECK_STR(cell(&c, 1, 1), "It\xE2\x80\x99s \xE2\x80\x9C"
                              "fine\xE2\x80\x9D"); /* ’ “ ” */
    CHECK_STR(cell(&c, 1, 2), "Caf\xC3\xA9");      /* é */
    CHECK_STR(invalid_of(&c, 1), "000");
    CHECK_STR(cell(&c, 2, 0), "Euro \xE2\x82\xAC");     /* € */
    CHECK_STR(cell(&c, 2, 1), "bad \xEF\xBF\xBD byte"); /* 0x81: undefined */
    CHECK_STR(cell(&c, 2, 2), "Ren\xC3\xA9"
                              "e");
    CHECK_STR(invalid_of(&c, 2), "010");
    CHECK_INT(line_of(&c, 2), 3);
    collect_clear(&c);

    /* every byte 0x80..0xFF against the Windows-1252 table */
    static const char *const high[32] = {
        "\xE2\x82\xAC", "\xEF\xBF\xBD", "\xE2\x80\x9A", "\xC6\x92",     "\xE2\x80\x9E",
        "\xE2\x80\xA6", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86",     "\xE2\x80\xB0",
        "\xC5\xA0",     "\xE2\x80\xB9", "\xC5\x92",     "\xEF\xBF\xBD", "\xC5\xBD",
        "\xEF\xBF\xBD", "\xEF\xBF\xBD", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C",
        "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xCB\x9C",
        "\xE2\x84\xA2", "\xC5\xA1",     "\xE2\x80\xBA", "\xC5\x93",     "\xEF\xBF\xBD",
        "\xC5\xBE",     "\xC5\xB8"};
    char in[2 * 128];
    for (int b = 0x80; b <= 0xFF; b++) {
        in[2 * (b - 0x80)] = (char)b;
        in[2 * (b - 0x80) + 1] = ',';
    }
    collect_init(&c);
    CHECK_INT(read_buf(in, sizeof in, &cp, &c, &err), TNA_OK);
    CHECK_INT(nfields(&c, 0), 129);
    for (int b = 0x80; b <= 0xFF; b++) {
        char want[16];
        if (b < 0xA0)
            g_strlcpy(want, high[b - 0x80], sizeof want);
        else
            want[g_unichar_to_utf8((gunichar)b, want)] = '\0';
        CHECK_STR(cell(&c, 0, (guint)(b - 0x80)), want);
        CHECK_INT(invalid_of(&c, 0)[b - 0x80] == '1',
                  b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D);
    }
    CHECK_STR(cell(&c, 0, 0x20), "\xC2\xA0"); /* no-break space is not trimmed */
    collect_clear(&c);

    /* Welsh in UTF-8 */
    collect_init(&c);
    CHECK_INT(tna_csv_read_file(CASES "/welsh.csv", NULL, on_collect, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 3);
    CHECK_STR(cell(&c, 1, 0), "Gw\xC5\xB5yn");             /* ŵ */
    CHECK_STR(cell(&c, 1, 1), "Ynys M\xC3\xB4n");          /* ô */
    CHECK_STR(cell(&c, 1, 2), "T\xC5\xB7 \xC3\xA2 dweud"); /* ŷ â */
    CHECK_STR(cell(&c, 2, 2), "\xE2\x80\x99n iawn");
    CHECK(none_invalid(&c));
    collect_clear(&c);

    /* invalid UTF-8 is repaired and flagged, field by field; NUL counts as invalid */
    const char bad[] = "ok,\xFF\xFE"
                       "bad,caf\xC3\n\xC5\xB5,a\0b,\xED\xA0\x80\n";
    collect_init(&c);
    CHECK_INT(read_buf(bad, sizeof bad - 1, NULL, &c, &err), TNA_OK);
    CHECK_INT(c.bad, 0);
    CHECK_STR(cell(&c, 0, 0), "ok");
    CHECK_STR(cell(&c, 0, 1), "\xEF\xBF\xBD\xEF\xBF\xBD"
                              "bad");
    CHECK_STR(cell(&c, 0, 2), "caf\xEF\xBF\xBD");
    CHECK_STR(invalid_of(&c, 0), "011");
    CHECK_STR(cell(&c, 1, 0), "\xC5\xB5");
    CHECK_STR(cell(&c, 1, 1), "a\xEF\xBF\xBD"
                              "b");
    CHECK_STR(invalid_of(&c, 1), "011"); /* a surrogate (ED A0 80) is not UTF-8 */
    collect_clear(&c);
    /* a NUL inside a multi-line quoted field; the records around it stay clean */
    const char nul[] = "p,q\n\"x\0\ny\",z\nr,s\n";
    collect_init(&c);
    CHECK_INT(read_buf(nul, sizeof nul - 1, NULL, &c, &err), TNA_OK);
    CHECK_INT(c.rows->len, 3);
    CHECK_STR(invalid_of(&c, 0), "00");
    CHECK_STR(cell(&c, 1, 0), "x\xEF\xBF\xBD\ny");
    CHECK_STR(invalid_of(&c, 1), "10");
    CHECK_STR(invalid_of(&c, 2), "00");
    CHECK_INT(line_of(&c, 2), 4);
    collect_clear(&c);
    CHECK_INT(err.code, TNA_OK);
}

static void test_errors(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    char msg[2048];

    /* unterminated quote: reported where the quote opened */
    collect_init(&c);
    CHECK_INT(tna_csv_read_file(CASES "/unterminated.csv", NULL, on_collect, &c, &err),
              TNA_ERR_INPUT);
    tna_error_format(&err, msg, sizeof msg);
    CHECK_STR(msg, CASES "/unterminated.csv:3:3: unterminated quoted field (opened on line 3 "
                         "and never closed)");
    CHECK_INT(c.rows->len, 2);
    collect_clear(&c);

    /* ... after multi-line and escaped-quote fields, with CRLF, and after a multibyte char */
    struct {
        const char *text;
        long line, col;
        long records;
        const char *msg;
    } cases[] = {
        {"a,\"b\nc\"\r\n\"d\"\"\",\"e\r\nf", 3, 7, 1, "unterminated quoted field"},
        {"\xC5\xB5\xC5\xB5,\"x", 1, 4, 0, "unterminated quoted field"},
        {"a\n\n\"\"\"", 3, 1, 1, "unterminated quoted field"},
        {"a,b\"c,d\n", 1, 4, 0, "malformed field: quote inside an unquoted field"},
        {"x\n\"ab\"c\n", 2, 5, 1, "malformed quoted field: text after the closing quote"},
        {"x\n\"ab\" \"\n", 2, 6, 1, "malformed quoted field: text after the closing quote"},
        {"\xC3\xA9\xC3\xA9\"\n", 1, 3, 0, "malformed field: quote inside an unquoted field"},
        {"ok\n\xEF\xBB\xBF\"id\"\n", 2, 2, 1, "malformed field: quote inside"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        tna_error e = TNA_ERROR_INIT;
        collect_init(&c);
        CHECK_INT(read_str(cases[i].text, NULL, &c, &e), TNA_ERR_INPUT);
        CHECK_INT(e.line, cases[i].line);
        CHECK_INT(e.col, cases[i].col);
        CHECK_INT(c.rows->len, cases[i].records);
        CHECK(g_str_has_prefix(e.message, cases[i].msg));
        CHECK_STR(e.file, "buf.csv");
        if (e.line != cases[i].line || e.col != cases[i].col)
            fprintf(stderr, "  case %zu: %s\n", i, e.message);
        collect_clear(&c);
    }

    /* a file that cannot be opened; an unusable delimiter */
    tna_error e = TNA_ERROR_INIT;
    collect_init(&c);
    CHECK_INT(tna_csv_read_file(CASES "/no-such-file.csv", NULL, on_collect, &c, &e),
              TNA_ERR_INPUT);
    CHECK(g_str_has_prefix(e.message, "cannot open: "));
    tna_error e2 = TNA_ERROR_INIT;
    tna_csv_options quote = {'"', TNA_ENCODING_UTF8, 0, 0};
    CHECK_INT(read_str("a\n", &quote, &c, &e2), TNA_ERR_CONFIG);
    tna_error e3 = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_read_file(CASES, NULL, on_collect, &c, &e3), TNA_ERR_INPUT);
    CHECK_STR(e3.message, "not a regular file (a directory): give the path of a CSV file");
    CHECK_INT(c.rows->len, 0);
    collect_clear(&c);
}

static void test_caps(void)
{
    collect c;
    tna_error err = TNA_ERROR_INIT;
    /* a field one byte over 1 MiB, quoted or not, on a single line or many */
    size_t big = TNA_CSV_MAX_FIELD + 1;
    for (int quoted = 0; quoted < 2; quoted++) {
        GString *s = g_string_new("h\nok\n");
        g_string_append(s, quoted ? "\"" : "");
        for (size_t i = 0; i < big; i++)
            g_string_append_c(s, quoted && i % 1000 == 999 ? '\n' : 'x');
        g_string_append(s, quoted ? "\"\nafter\n" : "\nafter\n");
        tna_error e = TNA_ERROR_INIT;
        collect_init(&c);
        CHECK_INT(read_buf(s->str, s->len, NULL, &c, &e), TNA_ERR_NOMEM);
        CHECK_STR(e.message, "field longer than 1048576 bytes");
        CHECK_INT(e.line, 3);
        CHECK_INT(c.rows->len, 2);
        collect_clear(&c);
        /* exactly 1 MiB is fine */
        g_string_erase(s, 5 + (gssize)quoted, 1);
        tna_error e2 = TNA_ERROR_INIT;
        collect_init(&c);
        CHECK_INT(read_buf(s->str, s->len, NULL, &c, &e2), TNA_OK);
        CHECK_INT(c.rows->len, 4);
        CHECK_INT(strlen(cell(&c, 2, 0)), TNA_CSV_MAX_FIELD);
        collect_clear(&c);
        g_string_free(s, TRUE);
    }
    /* a smaller cap from the options */
    tna_csv_options small = {',', TNA_ENCODING_UTF8, 10, 0};
    collect_init(&c);
    CHECK_INT(read_str("0123456789,x\n\"0123456789\"\"\"\n", &small, &c, &err), TNA_ERR_NOMEM);
    CHECK_STR(err.message, "field longer than 10 bytes");
    CHECK_INT(err.line, 2);
    CHECK_INT(c.rows->len, 1);
    collect_clear(&c);

    /* hostile: a 24 MiB file that opens a quote and never closes it fails at the cap,
     * long before the end of the file */
    char *path = NULL;
    int fd = g_file_open_tmp("tna-csv-XXXXXX", &path, NULL);
    CHECK(fd >= 0);
    if (fd >= 0) {
        char *block = g_malloc(1 << 20);
        memset(block, 'q', 1 << 20);
        for (size_t i = 99; i < (1 << 20); i += 100)
            block[i] = '\n';
        block[0] = '"';
        bool wrote = true;
        for (int i = 0; i < 24 && wrote; i++) {
            wrote = write(fd, block, 1 << 20) == (1 << 20);
            block[0] = 'q';
        }
        CHECK(wrote);
        close(fd);
        g_free(block);
        tna_error e = TNA_ERROR_INIT;
        collect_init(&c);
        gint64 t0 = g_get_monotonic_time();
        CHECK_INT(tna_csv_read_file(path, NULL, on_collect, &c, &e), TNA_ERR_NOMEM);
        CHECK(g_get_monotonic_time() - t0 < 5 * G_USEC_PER_SEC);
        CHECK_STR(e.message, "field longer than 1048576 bytes");
        CHECK_INT(e.line, 1);
        CHECK_INT(c.rows->len, 0);
        collect_clear(&c);
        g_unlink(path);
        g_free(path);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Boundaries: the same text read from memory in one piece and from a file whose 1 MiB read  */
/* blocks (or 64 KiB Windows-1252 chunks) end at every offset around the tricky part.        */

static char *read_whole_via_file(const char *data, size_t len, const tna_csv_options *o)
{
    char *path = NULL;
    int fd = g_file_open_tmp("tna-csv-XXXXXX", &path, NULL);
    if (fd < 0)
        return g_strdup("no temp file");
    bool ok = write(fd, data, len) == (ssize_t)len;
    close(fd);
    collect c;
    collect_init(&c);
    tna_error e = TNA_ERROR_INIT;
    tna_status st = ok ? tna_csv_read_file(path, o, on_collect, &c, &e) : TNA_ERR_OUTPUT;
    char *d = dump(&c, st, &e);
    collect_clear(&c);
    g_unlink(path);
    g_free(path);
    return d;
}

static char *read_whole_via_buffer(const char *data, size_t len, const tna_csv_options *o)
{
    collect c;
    collect_init(&c);
    tna_error e = TNA_ERROR_INIT;
    tna_status st = tna_csv_read_buffer("x", data, len, o, on_collect, &c, &e);
    char *d = dump(&c, st, &e);
    collect_clear(&c);
    return d;
}

/* `size` bytes (size >= 2) of records: lines of up to 60000 'z' and a final line of one quoted
 * field; followed by tail. */
static GString *padded(size_t size, const char *tail, size_t tail_len)
{
    GString *s = g_string_sized_new(size + tail_len + 1);
    g_string_set_size(s, size);
    memset(s->str, 'z', size);
    for (size_t i = 60000; i + 8 < size; i += 60001)
        s->str[i] = '\n';
    s->str[size - 1] = '\n';
    s->str[size - 2] = '"';
    size_t q = size - 2; /* open the quote just after the last newline before it */
    while (q > 0 && s->str[q - 1] != '\n')
        q--;
    s->str[q] = '"';
    g_string_append_len(s, tail, (gssize)tail_len);
    return s;
}

static void test_block_boundaries(void)
{
    const char *tails[] = {
        "a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n",                /* CRLF, CRLF inside quotes */
        "a\rb\r\r\"c\rd\"\re",                           /* lone CRs */
        "x,\"\"\"q\"\"\",\"open\nstill open",            /* escaped quotes, unterminated */
        "\xC5\xB5\xC3\xA2,\"\xE2\x80\x99\"\n\xC5\xB7\n", /* multibyte characters */
        "ok,\"ab\"c,d\n",                                /* malformed */
        "p,\"q\"\r",                                     /* a final CR */
    };
    tna_csv_options opt = {',', TNA_ENCODING_UTF8, 0, 0};
    int compared = 0, same = 0;
    for (size_t t = 0; t < G_N_ELEMENTS(tails); t++) {
        size_t tl = strlen(tails[t]);
        for (size_t back = 0; back <= tl + 1; back++) {
            /* the first 1 MiB read block ends `back` bytes into the tail */
            GString *s = padded((1u << 20) - back, tails[t], tl);
            char *a = read_whole_via_buffer(s->str, s->len, &opt);
            char *b = read_whole_via_file(s->str, s->len, &opt);
            compared++;
            if (strcmp(a, b) == 0)
                same++;
            else
                fprintf(stderr, "tail %zu back %zu differs:\n%s---\n%s\n", t, back, a, b);
            g_free(a);
            g_free(b);
            g_string_free(s, TRUE);
        }
    }
    CHECK_INT(same, compared);

    /* a CR that ends the first block and the LF that starts the next are one line end */
    GString *s = padded(1u << 20, "", 0);
    g_string_truncate(s, s->len - 1);
    g_string_append(s, "\r\na\r\nb\r\n");
    CHECK_INT(s->str[(1u << 20) - 1], '\r');
    long pad_lines = 1;
    for (size_t i = 0; i < (1u << 20); i++)
        pad_lines += s->str[i] == '\n' || s->str[i] == '\r';
    collect c;
    collect_init(&c);
    tna_error e = TNA_ERROR_INIT;
    char *path = NULL;
    int fd = g_file_open_tmp("tna-csv-XXXXXX", &path, NULL);
    CHECK(fd >= 0 && write(fd, s->str, s->len) == (ssize_t)s->len);
    if (fd >= 0)
        close(fd);
    CHECK_INT(tna_csv_read_file(path, &opt, on_collect, &c, &e), TNA_OK);
    guint n = c.rows->len;
    CHECK_INT(n, 20); /* 17 lines of z, the quoted one, a, b */
    CHECK(n >= 2 && strcmp(cell(&c, n - 2, 0), "a") == 0);
    CHECK_INT(line_of(&c, n - 2), pad_lines);
    CHECK_INT(line_of(&c, n - 1), pad_lines + 1);
    collect_clear(&c);
    g_unlink(path);
    g_free(path);
    g_string_free(s, TRUE);

    /* Windows-1252 is converted 64 KiB at a time: reading it gives the same as reading its
     * UTF-8 conversion (by iconv), wherever a chunk ends */
    tna_csv_options cp = {',', TNA_ENCODING_WINDOWS_1252, 0, 0};
    tna_csv_options u8 = {',', TNA_ENCODING_UTF8, 0, 0};
    const char *cptail = "\xA3,\"\x92\r\n\x93\"\r\x80\r\n\xE9";
    size_t cl = strlen(cptail);
    int ok = 0, total = 0;
    for (size_t back = 0; back <= cl; back++) {
        GString *p = padded((64u << 10) - back, cptail, cl);
        g_string_overwrite(p, 10, "\xE2\xA3\x80"); /* some Windows-1252 in the padding too */
        gsize out = 0;
        char *utf8 = g_convert(p->str, (gssize)p->len, "UTF-8", "WINDOWS-1252", NULL, &out, NULL);
        CHECK(utf8 != NULL);
        char *a = read_whole_via_buffer(p->str, p->len, &cp);
        char *b = utf8 ? read_whole_via_buffer(utf8, out, &u8) : g_strdup("");
        total++;
        ok += strcmp(a, b) == 0 && strstr(a, "[\xC2\xA3][\xE2\x80\x99\r\n\xE2\x80\x9C]") &&
              strstr(a, "[\xE2\x82\xAC]");
        g_free(utf8);
        g_free(a);
        g_free(b);
        g_string_free(p, TRUE);
    }
    CHECK_INT(ok, total);
}

/* ------------------------------------------------------------------------------------------ */
/* Robustness                                                                                  */

static uint64_t rng_next(uint64_t *s)
{
    /* splitmix64 */
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static bool status_ok(tna_status st)
{
    return st == TNA_OK || st == TNA_ERR_INPUT || st == TNA_ERR_NOMEM;
}

static void test_random_bytes(void)
{
    uint64_t seed = 20260801;
    static const char alphabet[] = "\"\",,;\t\r\n\n  ab\xC3\xA9\x80\xFF\0";
    int runs = 0, sane = 0, allowed = 0;
    char *buf = g_malloc(64 << 10);
    for (int it = 0; it < 1500; it++) {
        size_t len = rng_next(&seed) % (it < 1000 ? 2048 : (64 << 10));
        int mode = (int)(rng_next(&seed) % 3);
        for (size_t i = 0; i < len; i++) {
            uint64_t r = rng_next(&seed);
            buf[i] = mode == 0 ? (char)r : alphabet[r % (sizeof alphabet - 1)];
            if (mode == 2 && r % 7 == 0)
                buf[i] = 'x'; /* longer plain runs */
        }
        tna_csv_options o = {"\0;\t,"[rng_next(&seed) % 4],
                             rng_next(&seed) % 4 == 0 ? TNA_ENCODING_WINDOWS_1252
                                                      : TNA_ENCODING_UTF8,
                             rng_next(&seed) % 3 == 0 ? 1 + rng_next(&seed) % 64 : 0,
                             rng_next(&seed) % 3 == 0 ? 1 + rng_next(&seed) % 16 : 0};
        collect c;
        collect_init(&c);
        c.stop_after = rng_next(&seed) % 5 == 0 ? 3 : 0;
        tna_error e = TNA_ERROR_INIT;
        tna_status st = tna_csv_read_buffer("rand", buf, len, &o, on_collect, &c, &e);
        runs++;
        allowed += status_ok(st) && (st == TNA_OK) == (e.code == TNA_OK);
        sane += c.bad == 0;
        collect_clear(&c);
    }
    g_free(buf);
    CHECK_INT(allowed, runs);
    CHECK_INT(sane, runs);
}


/* libcsv alone over the whole text, strict as csvread runs it: the records, each field in [],
 * a line per record, then "error" if it failed. The reference the line splitter (csvline.c,
 * which reads most lines without libcsv) must agree with. */
typedef struct reference {
    GString *out;
    GString *record;
} reference;

static void ref_field(void *data, size_t len, void *ctx)
{
    reference *ref = ctx;
    g_string_append_c(ref->record, '[');
    g_string_append_len(ref->record, data, (gssize)len);
    g_string_append_c(ref->record, ']');
}

static void ref_record(int c, void *ctx)
{
    (void)c;
    reference *ref = ctx;
    g_string_append(ref->out, ref->record->str);
    g_string_append_c(ref->out, '\n');
    g_string_truncate(ref->record, 0);
}

static char *libcsv_reading(const char *text, size_t len, char delimiter)
{
    struct csv_parser p;
    reference ref = {g_string_new(NULL), g_string_new(NULL)};
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(&p, (unsigned char)delimiter);
    bool failed = csv_parse(&p, text, len, ref_field, ref_record, &ref) != len;
    if (!failed)
        failed = csv_fini(&p, ref_field, ref_record, &ref) != 0;
    csv_free(&p);
    if (failed)
        g_string_append(ref.out, "error\n");
    g_string_free(ref.record, TRUE);
    return g_string_free(ref.out, FALSE);
}

static int on_reading(const tna_csv_record *rec, void *ctx)
{
    GString *out = ctx;
    for (size_t i = 0; i < rec->n; i++)
        g_string_append_printf(out, "[%s]", rec->fields[i]);
    g_string_append_c(out, '\n');
    return 0;
}

static char *csvread_reading(const char *text, size_t len, char delimiter)
{
    GString *out = g_string_new(NULL);
    tna_csv_options o = {delimiter, TNA_ENCODING_UTF8, 0, 0};
    tna_error e = TNA_ERROR_INIT;
    if (tna_csv_read_buffer("x", text, len, &o, on_reading, out, &e) != TNA_OK)
        g_string_append(out, "error\n");
    return g_string_free(out, FALSE);
}

/* Random text of the characters that matter (quotes, delimiters, spaces, tabs, CR, LF,
 * letters, a Welsh letter) in runs that make plausible and implausible fields, lines from a
 * few bytes to past the splitter's bitmap (4 KiB): the fields csvread passes are libcsv's,
 * and it fails where libcsv fails. */
static void test_same_as_libcsv(void)
{
    static const char *const pieces[] = {
        "\"", "\"\"", ",", ";", "\t", " ", "  ", "\r\n", "\n", "\r", "abc", "Working",
        "\xC5\xB5", "x y", "\",", ",\"", "\" ", " \"", "\"\n", "1,2,3",
    };
    uint64_t seed = 20261202;
    int runs = 0, same = 0;
    for (int it = 0; it < 3000; it++) {
        GString *text = g_string_new(NULL);
        int lines = 1 + (int)(rng_next(&seed) % 6);
        for (int l = 0; l < lines; l++) {
            bool plain = rng_next(&seed) % 2 == 0; /* a line of fields, some quoted */
            int fields = 1 + (int)(rng_next(&seed) % (it % 10 == 0 ? 700 : 12));
            for (int f = 0; f < fields; f++) {
                if (f > 0)
                    g_string_append_c(text, ',');
                if (plain) {
                    bool quoted = rng_next(&seed) % 4 == 0;
                    if (rng_next(&seed) % 5 == 0)
                        g_string_append(text, " ");
                    if (quoted)
                        g_string_append_c(text, '"');
                    int k = (int)(rng_next(&seed) % 4);
                    for (int j = 0; j < k; j++)
                        g_string_append(text, quoted && rng_next(&seed) % 4 == 0 ? "\"\"" : "ab");
                    if (quoted)
                        g_string_append_c(text, '"');
                    if (rng_next(&seed) % 7 == 0)
                        g_string_append(text, "\t");
                } else {
                    int k = (int)(rng_next(&seed) % 3);
                    for (int j = 0; j < k; j++)
                        g_string_append(text, pieces[rng_next(&seed) % G_N_ELEMENTS(pieces)]);
                }
            }
            g_string_append(text, rng_next(&seed) % 3 == 0 ? "\r\n" : "\n");
        }
        if (rng_next(&seed) % 4 == 0) /* no line break at the end */
            g_string_truncate(text, text->len - 1);
        char delimiter = ",;\t"[it % 3 == 2 ? rng_next(&seed) % 3 : 0];
        char *a = libcsv_reading(text->str, text->len, delimiter);
        char *b = csvread_reading(text->str, text->len, delimiter);
        runs++;
        if (strcmp(a, b) == 0)
            same++;
        else if (runs - same <= 3)
            fprintf(stderr, "input:\n%s\n--- libcsv:\n%s--- csvread:\n%s\n", text->str, a, b);
        g_free(a);
        g_free(b);
        g_string_free(text, TRUE);
    }
    CHECK_INT(same, runs);
}

static void test_truncated_fixtures(void)
{
    const char *files[] = {
        "google_forms/gforms_uvads_hotdog_spring26.csv",
        "google_forms/gforms_uvads_project0_fall26.csv",
        "limesurvey/limesurvey_chi_332449_semicolon_bom.csv",
        "limesurvey/limesurvey_chi_673185_semicolon_bom.csv",
        "limesurvey/limesurvey_uu_nameface_codes.csv",
        "qualtrics/qualtrics_sample_de.csv",
        "qualtrics/qualtrics_sample_legacy.csv",
        "surveymonkey/surveymonkey_churcharmy_lead_module_feedback.csv",
    };
    int runs = 0, allowed = 0, sane = 0, full_ok = 0;
    for (size_t f = 0; f < G_N_ELEMENTS(files); f++) {
        char *exports = fixture("exports");
        char *path = g_build_filename(exports, files[f], NULL);
        g_free(exports);
        char *data = NULL;
        gsize len = 0;
        CHECK(g_file_get_contents(path, &data, &len, NULL));
        tna_csv_options o = {strstr(files[f], "semicolon") ? ';' : ',', TNA_ENCODING_UTF8, 0, 0};
        /* every prefix of small files; about 150 spread over the big ones */
        size_t step = len > 4000 ? len / 150 + 1 : 1;
        for (size_t cut = 0;; cut = cut + step < len ? cut + step : len) {
            collect c;
            collect_init(&c);
            tna_error e = TNA_ERROR_INIT;
            tna_status st = tna_csv_read_buffer(files[f], data, cut, &o, on_collect, &c, &e);
            runs++;
            allowed += st == TNA_OK || (st == TNA_ERR_INPUT && strstr(e.message, "unterminated"));
            sane += c.bad == 0;
            if (cut == len)
                full_ok += st == TNA_OK;
            collect_clear(&c);
            if (cut == len)
                break;
        }
        g_free(data);
        g_free(path);
    }
    CHECK_INT(allowed, runs);
    CHECK_INT(sane, runs);
    CHECK_INT(full_ok, (int)G_N_ELEMENTS(files));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_spectrum);
    RUN(test_spectrum_location_coordinates);
    RUN(test_export_google_forms);
    RUN(test_export_limesurvey);
    RUN(test_export_qualtrics);
    RUN(test_export_surveymonkey);
    RUN(test_bom);
    RUN(test_line_ends);
    RUN(test_fields);
    RUN(test_encodings);
    RUN(test_errors);
    RUN(test_caps);
    RUN(test_block_boundaries);
    RUN(test_random_bytes);
    RUN(test_same_as_libcsv);
    RUN(test_truncated_fixtures);
    return g_test_run();
}
