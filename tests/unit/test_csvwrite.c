/*
 * test_csvwrite.c - the one CSV writer (tna/csvwrite.h): the exact bytes of a few rows, and
 * awkward text (commas, quotes, line breaks, leading and trailing spaces, Welsh, formulas)
 * read back by Python's csv module, a reader independent of libcsv, which writes the quotes.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "tna/csvwrite.h"

/* Texts that need care; each is written in a row of its own between two plain fields. */
static const char *const awkward[] = {
    "plain",
    "",
    "a,b",
    "say \"hi\"",
    "\"",
    "\"\"",
    ",",
    "two\nlines",
    "crlf\r\nend",
    "cr\ronly",
    " leading space",
    "trailing space ",
    " both ",
    "inner  spaces stay",
    "tab\tinside",
    "Ynys Môn",
    "Rhondda Cynon Taf",
    "Sgiliau digidol: ŵ ŷ â ë ï",
    "Cyngor Gwynedd, \"Gwasanaethau Cymraeg\"\n(ail linell)",
    "Wrecsam ",
    "=SUM(A1:A9)",
    "+44 29 2046 8600",
    "-5 staff",
    "@cmd",
    "\tleading tab",
    "\nleading newline",
    "'already quoted",
    "100%",
};

/* A temporary file's path; the caller removes it and frees the path. */
static char *temp_path(void)
{
    char *path = NULL;
    int fd = g_file_open_tmp("tna-csvwrite-XXXXXX.csv", &path, NULL);
    if (fd >= 0)
        close(fd);
    return path;
}

static char *contents(const char *path)
{
    char *data = NULL;
    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}

/* Writes the awkward texts with `flags` and the field each should read back as, hex-encoded,
 * tab-separated, a row per line, to expected. */
static void write_awkward(const char *path, const char *expected, unsigned flags)
{
    FILE *fp = fopen(path, "wb");
    FILE *ex = fopen(expected, "wb");
    CHECK(fp != NULL && ex != NULL);
    if (fp == NULL || ex == NULL)
        return;
    tna_csv w = tna_csv_start(fp, flags);
    tna_csv_header(&w, "n,text,after");
    fputs("6e\t74657874\t6166746572\n", ex); /* n, text, after */
    for (size_t i = 0; i < G_N_ELEMENTS(awkward); i++) {
        const char *t = awkward[i];
        tna_csv_int(&w, (int64_t)i);
        tna_csv_text(&w, t);
        tna_csv_text(&w, "end");
        tna_csv_end(&w);
        /* what a spreadsheet must see: text that starts like a formula behind an apostrophe */
        bool formula = (flags & TNA_CSV_INERT) && t[0] != '\0' && strchr("=+-@\t\r\n", t[0]);
        GString *back = g_string_new(formula ? "'" : "");
        g_string_append(back, t);
        GString *hex = g_string_new(NULL);
        for (const char *c = back->str; *c; c++)
            g_string_append_printf(hex, "%02x", (unsigned char)*c);
        char num[32];
        snprintf(num, sizeof num, "%zu", i);
        for (const char *c = num; *c; c++)
            fprintf(ex, "%02x", (unsigned char)*c);
        fprintf(ex, "\t%s\t656e64\n", hex->str);
        g_string_free(hex, TRUE);
        g_string_free(back, TRUE);
    }
    CHECK(fclose(fp) == 0);
    CHECK(fclose(ex) == 0);
}

/* Python's csv module reads the file back, as is and skipping spaces after a comma (as
 * readers that trim unquoted fields do); prints "ok" when both give the expected fields. */
static const char *const python_reader =
    "import csv, sys\n"
    "want = [[bytes.fromhex(f).decode('utf-8') for f in line.rstrip('\\n').split('\\t')]\n"
    "        for line in open(sys.argv[2], encoding='ascii')]\n"
    "bad = 0\n"
    "for skip in (False, True):\n"
    "    with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "        got = list(csv.reader(f, skipinitialspace=skip, strict=True))\n"
    "    if len(got) != len(want):\n"
    "        print('rows', len(got), 'want', len(want)); bad += 1\n"
    "    for g, w in zip(got, want):\n"
    "        if g != w:\n"
    "            print('skip' if skip else 'as is', repr(g), '!=', repr(w)); bad += 1\n"
    "print('ok' if bad == 0 else 'failed')\n"
    "sys.exit(1 if bad else 0)\n";

static void check_with_python(unsigned flags)
{
    char *path = temp_path(), *expected = temp_path();
    CHECK(path != NULL && expected != NULL);
    if (path == NULL || expected == NULL)
        return;
    write_awkward(path, expected, flags);
    char *argv[] = {"python3", "-c", (char *)python_reader, path, expected, NULL};
    char *out = NULL, *errout = NULL;
    int status = -1;
    CHECK(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &errout, &status,
                       NULL));
    CHECK(g_spawn_check_wait_status(status, NULL));
    CHECK_STR(out, "ok\n");
    if (errout != NULL && errout[0] != '\0')
        g_test_message("python3: %s", errout);
    g_free(out);
    g_free(errout);
    g_unlink(path);
    g_unlink(expected);
    g_free(path);
    g_free(expected);
}

static void test_python_reads_back(void)
{
    check_with_python(0);
    check_with_python(TNA_CSV_CRLF);
}

static void test_python_reads_back_inert(void)
{
    check_with_python(TNA_CSV_INERT);
}

/* The exact bytes: quotes only where needed, doubled inside, numbers as numbers. */
static void test_bytes(void)
{
    char *path = temp_path();
    CHECK(path != NULL);
    if (path == NULL)
        return;
    FILE *fp = fopen(path, "wb");
    tna_csv w = tna_csv_start(fp, TNA_CSV_INERT);
    tna_csv_header(&w, "a,b,c,d,e,f");
    tna_csv_text(&w, "a,b");
    tna_csv_text(&w, " x");
    tna_csv_text(&w, "y ");
    tna_csv_text(&w, "q\"");
    tna_csv_text(&w, "Môn");
    tna_csv_text(&w, NULL);
    tna_csv_end(&w);
    tna_csv_text(&w, "=1+1");
    tna_csv_int(&w, -3);
    tna_csv_number(&w, -0.25, 2);
    tna_csv_number(&w, -1e-9, 6); /* rounds to zero: no sign */
    tna_csv_number(&w, 2.0 / 3.0, 6);
    tna_csv_textf(&w, "value_%s", "2026-Q3");
    tna_csv_end(&w);
    /* a hidden row: empty up to a named column, then to the end */
    tna_csv_text(&w, "x");
    tna_csv_blank_until(&w, "d");
    tna_csv_int(&w, 1);
    tna_csv_blank_until(&w, NULL);
    tna_csv_end(&w);
    tna_csv_blank_until(&w, "a");
    tna_csv_blank(&w, 6);
    tna_csv_end(&w);
    CHECK(fclose(fp) == 0);
    char *data = contents(path);
    CHECK_STR(data, "a,b,c,d,e,f\n"
                    "\"a,b\",\" x\",\"y \",\"q\"\"\",Môn,\n"
                    "\"'=1+1\",-3,-0.25,0.000000,0.666667,value_2026-Q3\n"
                    "x,,,1,,\n"
                    ",,,,,\n");
    g_free(data);

    /* without TNA_CSV_INERT, as the sample writes its exports: text as typed, CRLF */
    fp = fopen(path, "wb");
    w = tna_csv_start(fp, TNA_CSV_CRLF);
    tna_csv_text(&w, "-5");
    tna_csv_text(&w, "=A1");
    tna_csv_text(&w, "two\nlines");
    tna_csv_end(&w);
    CHECK(fclose(fp) == 0);
    data = contents(path);
    CHECK_STR(data, "-5,=A1,\"two\nlines\"\r\n");
    g_free(data);
    g_unlink(path);
    g_free(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_bytes);
    RUN(test_python_reads_back);
    RUN(test_python_reads_back_inert);
    return g_test_run();
}
