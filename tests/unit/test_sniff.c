/*
 * test_sniff.c - what a file is before it is read (csvsniff.c) and the encodings the reader
 * converts: the delimiter of the header line (outside quotes), a byte-order mark deciding
 * the encoding (UTF-8, UTF-16 LE and BE, whatever the options say), auto reading a file whose
 * first non-ASCII bytes are not UTF-8 as Windows-1252 (with the line) and one whose are as
 * UTF-8, UTF-16 with surrogate pairs and code units cut by block ends, a spreadsheet under a
 * .csv name, and a FIFO, device or directory refused at once. Every real export in
 * tests/fixtures/exports is sniffed as it is.
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "check.h"
#include "tna/csvread.h"

static tna_csv_sniffed sniff_str(const char *text, size_t len, tna_encoding enc, char delim)
{
    tna_csv_sniffed sn;
    memset(&sn, 0xAB, sizeof sn);
    tna_error err = TNA_ERROR_INIT;
    tna_csv_options o = {delim, enc, 0, 0};
    CHECK_INT(tna_csv_sniff_buffer("buf.csv", text, len, &o, 1, &sn, &err), TNA_OK);
    return sn;
}

#define SNIFF(lit, enc, delim) sniff_str(lit, sizeof(lit) - 1, enc, delim)

static void test_delimiter(void)
{
    CHECK_INT(SNIFF("a,b,c\n1;2\n", TNA_ENCODING_AUTO, 0).delimiter, ',');
    CHECK_INT(SNIFF("a;b;c\n1,2,3,4,5\n", TNA_ENCODING_AUTO, 0).delimiter, ';');
    CHECK_INT(SNIFF("a\tb\tc\n", TNA_ENCODING_AUTO, 0).delimiter, '\t');
    /* counted outside quotes only: LimeSurvey headings hold tabs and commas */
    CHECK_INT(SNIFF("\"a,\tb,c\";\"d\";\"e\"\n", TNA_ENCODING_AUTO, 0).delimiter, ';');
    /* a quoted heading over two lines is still the header line */
    CHECK_INT(SNIFF("\"a\nb\";c;d\n1,2\n", TNA_ENCODING_AUTO, 0).delimiter, ';');
    /* only the header line counts; none there: ',' */
    CHECK_INT(SNIFF("single\n\t\t\t\n", TNA_ENCODING_AUTO, 0).delimiter, ',');
    /* a tie goes to ',' */
    CHECK_INT(SNIFF("a,b;c\n", TNA_ENCODING_AUTO, 0).delimiter, ',');
    /* the configuration's delimiter is kept */
    CHECK_INT(SNIFF("a;b;c\n", TNA_ENCODING_AUTO, ',').delimiter, ',');
    /* header_row: the line the delimiter is counted on */
    tna_csv_sniffed sn;
    tna_error err = TNA_ERROR_INIT;
    tna_csv_options o = {0, TNA_ENCODING_AUTO, 0, 0};
    const char two[] = "Survey results, July\na;b;c\n";
    CHECK_INT(tna_csv_sniff_buffer("b", two, sizeof two - 1, &o, 2, &sn, &err), TNA_OK);
    CHECK_INT(sn.delimiter, ';');
}

static void test_encoding(void)
{
    tna_csv_sniffed sn = SNIFF("\xEF\xBB\xBFh1,h2\n", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF8);
    CHECK_INT(sn.bom, 3);
    CHECK(!sn.guessed);
    sn = SNIFF("\xFF\xFEh\0,\0h\0\n\0", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF16LE);
    CHECK_INT(sn.bom, 2);
    CHECK_INT(sn.delimiter, ',');
    sn = SNIFF("\xFE\xFF\0h\0\t\0h\0\n", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF16BE);
    CHECK_INT(sn.delimiter, '\t');
    /* a BOM wins over the configuration */
    sn = SNIFF("\xFF\xFEh\0;\0h\0\n\0", TNA_ENCODING_UTF8, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF16LE);
    CHECK_INT(sn.delimiter, ';');
    /* UTF-16 without a BOM: ASCII text alternating with NULs */
    sn = SNIFF("h\0e\0a\0d\0,\0b\0\n\0", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF16LE);
    /* no BOM: the first non-ASCII bytes decide */
    sn = SNIFF("h1,h2\nYnys M\xC3\xB4n,x\nCaf\xE9,y\n", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF8); /* valid UTF-8 first; the later é is a bad cell */
    CHECK(!sn.guessed);
    sn = SNIFF("h1,h2\na,b\nYnys M\xF4n,x\n", TNA_ENCODING_AUTO, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_WINDOWS_1252);
    CHECK(sn.guessed);
    CHECK_INT(sn.guessed_line, 3);
    sn = SNIFF("h1,h2\na,b\n", TNA_ENCODING_AUTO, 0); /* all ASCII: UTF-8 */
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF8);
    sn = SNIFF("h1,h2\na,b\xC3", TNA_ENCODING_AUTO, 0); /* a sequence cut by the end */
    CHECK_INT(sn.encoding, TNA_ENCODING_WINDOWS_1252);
    /* configured: kept, nothing guessed */
    sn = SNIFF("h1,h2\nYnys M\xF4n,x\n", TNA_ENCODING_UTF8, 0);
    CHECK_INT(sn.encoding, TNA_ENCODING_UTF8);
    CHECK(!sn.guessed);
}

/* A file far longer than a sniff block whose first non-ASCII byte is deep inside, and one
 * whose UTF-8 sequence is cut by the block end: the scan reads on and decides right. */
static void test_encoding_deep(void)
{
    char *dir = g_dir_make_tmp("tna-sniff-XXXXXX", NULL);
    char *path = g_build_filename(dir, "deep.csv", NULL);
    for (int variant = 0; variant < 3; variant++) {
        GString *s = g_string_new("h1,h2\n");
        while (s->len < 200000 + (gsize)variant)
            g_string_append(s, "abcdefgh,ijklmnopqrst\n");
        long line = 1;
        for (gsize i = 0; i < s->len; i++)
            line += s->str[i] == '\n';
        /* cut a two-byte ô (or put a Windows-1252 ô) across a 64 KiB boundary too */
        if (variant == 0)
            g_string_append(s, "Ynys M\xC3\xB4n,x\n");
        else if (variant == 1)
            g_string_append(s, "Ynys M\xF4n,x\n");
        else {
            g_string_truncate(s, 65536 - 1);
            g_string_append(s, "\xC3\xB4n,x\nrest,of\n");
        }
        CHECK(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
        tna_csv_sniffed sn;
        tna_error err = TNA_ERROR_INIT;
        tna_csv_options o = {0, TNA_ENCODING_AUTO, 0, 0};
        CHECK_INT(tna_csv_sniff_file(path, &o, 1, &sn, &err), TNA_OK);
        CHECK_INT(sn.encoding, variant == 1 ? TNA_ENCODING_WINDOWS_1252 : TNA_ENCODING_UTF8);
        if (variant == 1)
            CHECK_INT(sn.guessed_line, line);
        g_string_free(s, TRUE);
    }
    g_remove(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

typedef struct got {
    GPtrArray *cells;
    long lines[8];
    int n, invalid;
} got;

static int on_record(const tna_csv_record *r, void *ctx)
{
    got *g = ctx;
    if (g->n < 8)
        g->lines[g->n] = r->line;
    g->n++;
    for (size_t i = 0; i < r->n; i++) {
        g_ptr_array_add(g->cells, g_strdup(r->fields[i]));
        g->invalid += r->invalid[i];
    }
    return 0;
}

/* UTF-16 as Excel's "Unicode text" writes it: the same cells as the UTF-8 text, surrogate
 * pairs whole, a lone surrogate flagged, in LE and BE, with the text cut at every byte in
 * read_buffer's one call and in 1 MiB blocks of a file. */
static void test_utf16(void)
{
    const char *utf8 =
        "Enw\tCyngor\n\"Siân\tJones\"\tYnys Môn \xF0\x9F\x99\x82\r\nGwen\t\xE2\x82\xAC 5\n";
    for (int big = 0; big < 2; big++) {
        glong n = 0;
        gunichar2 *units = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
        GString *bytes = g_string_new(big ? "\xFE\xFF" : "\xFF\xFE");
        for (glong i = 0; i < n; i++) {
            unsigned char hi = (unsigned char)(units[i] >> 8), lo = (unsigned char)units[i];
            g_string_append_c(bytes, (char)(big ? hi : lo));
            g_string_append_c(bytes, (char)(big ? lo : hi));
        }
        g_free(units);
        got g = {g_ptr_array_new_with_free_func(g_free), {0}, 0, 0};
        tna_error err = TNA_ERROR_INIT;
        CHECK_INT(tna_csv_read_buffer("u.txt", bytes->str, bytes->len, NULL, on_record, &g, &err),
                  TNA_OK);
        CHECK_INT(g.n, 3);
        CHECK_INT(g.cells->len, 6);
        if (g.cells->len == 6) {
            CHECK_STR(g_ptr_array_index(g.cells, 0), "Enw");
            CHECK_STR(g_ptr_array_index(g.cells, 2), "Siân\tJones");
            CHECK_STR(g_ptr_array_index(g.cells, 3), "Ynys Môn \xF0\x9F\x99\x82");
            CHECK_STR(g_ptr_array_index(g.cells, 5), "\xE2\x82\xAC 5");
        }
        CHECK_INT(g.invalid, 0);
        CHECK_INT(g.lines[2], 3);
        g_ptr_array_free(g.cells, TRUE);

        /* a lone high surrogate: U+FFFD, and the field flagged */
        GString *bad = g_string_new_len(bytes->str, (gssize)bytes->len);
        const char lone_le[] = {'x', 0, 0x00, (char)0xD8, '\n', 0};
        const char lone_be[] = {0, 'x', (char)0xD8, 0x00, 0, '\n'};
        g_string_append_len(bad, big ? lone_be : lone_le, 6);
        got h = {g_ptr_array_new_with_free_func(g_free), {0}, 0, 0};
        CHECK_INT(tna_csv_read_buffer("u.txt", bad->str, bad->len, NULL, on_record, &h, &err),
                  TNA_OK);
        CHECK_INT(h.invalid, 1);
        CHECK(h.cells->len == 7 && strcmp(g_ptr_array_index(h.cells, 6), "x\xEF\xBF\xBD") == 0);
        g_ptr_array_free(h.cells, TRUE);
        g_string_free(bad, TRUE);

        /* a long file in 1 MiB blocks: records full of surrogate pairs, with an odd number
         * of other units, so that pairs straddle block (and conversion chunk) ends */
        char *dir = g_dir_make_tmp("tna-u16-XXXXXX", NULL);
        char *path = g_build_filename(dir, "u.txt", NULL);
        glong rn = 0;
        gunichar2 *rec =
            g_utf8_to_utf16("\xF0\x9F\x99\x82\xF0\x9F\x99\x82x\tM\xC3\xB4n\n", -1, NULL, &rn, NULL);
        GString *file = g_string_new(big ? "\xFE\xFF" : "\xFF\xFE");
        for (int k = 0; k < 170000; k++) /* 3.4 MB: a pair straddles 3 MiB */
            for (glong i = 0; i < rn; i++) {
                unsigned char hi = (unsigned char)(rec[i] >> 8), lo = (unsigned char)rec[i];
                g_string_append_c(file, (char)(big ? hi : lo));
                g_string_append_c(file, (char)(big ? lo : hi));
            }
        g_free(rec);
        CHECK(file->len > 2u << 20);
        CHECK(g_file_set_contents(path, file->str, (gssize)file->len, NULL));
        got f = {g_ptr_array_new_with_free_func(g_free), {0}, 0, 0};
        CHECK_INT(tna_csv_read_file(path, NULL, on_record, &f, &err), TNA_OK);
        CHECK_INT(f.n, 170000);
        CHECK_INT(f.invalid, 0);
        bool same = f.cells->len == 340000;
        for (guint i = 0; same && i < f.cells->len; i += 2)
            same =
                strcmp(g_ptr_array_index(f.cells, i), "\xF0\x9F\x99\x82\xF0\x9F\x99\x82x") == 0 &&
                strcmp(g_ptr_array_index(f.cells, i + 1), "M\xC3\xB4n") == 0;
        CHECK(same);
        g_ptr_array_free(f.cells, TRUE);
        g_remove(path);
        g_rmdir(dir);
        g_free(path);
        g_free(dir);
        g_string_free(file, TRUE);
        g_string_free(bytes, TRUE);
    }
}

/* A workbook saved under a .csv name, old or new, and what is not a regular file. */
static void test_not_csv(void)
{
    char *dir = g_dir_make_tmp("tna-notcsv-XXXXXX", NULL);
    char *xlsx = g_build_filename(dir, "survey.csv", NULL);
    CHECK(g_file_set_contents(xlsx, "PK\x03\x04\x14\0\x06\0rest of a zip", 20, NULL));
    tna_csv_sniffed sn;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_sniff_file(xlsx, NULL, 1, &sn, &err), TNA_ERR_INPUT);
    CHECK(g_str_has_prefix(err.message, "this is a spreadsheet, not a CSV: save it as CSV UTF-8. "
                                        "In Excel: File > Save As"));
    CHECK_STR(err.file, xlsx);
    CHECK(g_file_set_contents(xlsx, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old xls", 15, NULL));
    tna_error e2 = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_read_file(xlsx, NULL, on_record, NULL, &e2), TNA_ERR_INPUT);
    CHECK(strstr(e2.message, "spreadsheet, not a CSV") != NULL);

    /* a FIFO is refused at once, never waited on (no writer ever opens this one) */
    char *fifo = g_build_filename(dir, "fifo.csv", NULL);
    CHECK(mkfifo(fifo, 0600) == 0);
    tna_error e3 = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_sniff_file(fifo, NULL, 1, &sn, &e3), TNA_ERR_INPUT);
    CHECK_STR(e3.message, "not a regular file (a pipe): give the path of a CSV file");
    tna_error e4 = TNA_ERROR_INIT;
    CHECK_INT(tna_csv_read_file("/dev/null", NULL, on_record, NULL, &e4), TNA_ERR_INPUT);
    CHECK_STR(e4.message, "not a regular file (a device or socket): give the path of a CSV file");
    g_remove(fifo);
    g_remove(xlsx);
    g_rmdir(dir);
    g_free(fifo);
    g_free(xlsx);
    g_free(dir);
}

/* Every real export, sniffed as it is. */
static void test_real_exports(void)
{
    static const struct {
        const char *file;
        char delimiter;
        int bom;
    } want[] = {
        {"google_forms/gforms_uvads_hotdog_spring26.csv", ',', 0},
        {"google_forms/gforms_uvads_project0_fall26.csv", ',', 0},
        {"limesurvey/limesurvey_chi_332449_semicolon_bom.csv", ';', 3},
        {"limesurvey/limesurvey_chi_673185_semicolon_bom.csv", ';', 3},
        {"limesurvey/limesurvey_uu_nameface_codes.csv", ',', 0},
        {"qualtrics/qualtrics_sample_de.csv", ',', 0},
        {"qualtrics/qualtrics_sample_legacy.csv", ',', 3},
        {"surveymonkey/surveymonkey_churcharmy_lead_module_feedback.csv", ',', 0},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
        char *path = g_build_filename("tests/fixtures/exports", want[i].file, NULL);
        tna_csv_sniffed sn;
        tna_error err = TNA_ERROR_INIT;
        tna_csv_options o = {0, TNA_ENCODING_AUTO, 0, 0};
        CHECK_INT(tna_csv_sniff_file(path, &o, 1, &sn, &err), TNA_OK);
        CHECK_INT(sn.delimiter, want[i].delimiter);
        CHECK_INT(sn.bom, want[i].bom);
        CHECK_INT(sn.encoding, TNA_ENCODING_UTF8); /* every one is UTF-8 */
        CHECK(!sn.guessed);
        if (sn.delimiter != want[i].delimiter)
            fprintf(stderr, "  %s\n", want[i].file);
        g_free(path);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_delimiter);
    RUN(test_encoding);
    RUN(test_encoding_deep);
    RUN(test_utf16);
    RUN(test_not_csv);
    RUN(test_real_exports);
    return g_test_run();
}
