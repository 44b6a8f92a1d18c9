/*
 * test_xlsx.c - the workbook's guards (render/xlsx_write.c) and its failure paths.
 *
 * The guards: text is made valid UTF-8, an _xHHHH_ pattern is escaped, a string is cut at
 * Excel's 32,767 UTF-16 units, a sheet name follows Excel's rules. The render: a group
 * figure that is NaN or infinite never reaches the file, empty planning arrays give a
 * workbook, and a write that fails in workbook_close (the file-size limit standing in for
 * a full disk) is TNA_ERR_OUTPUT with the file's name, and the set refuses to commit.
 * The workbook's content is checked by tests/cli/xlsx.sh with an independent reader.
 */
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../../src/render/xlsx_write.h"
#include "check.h"
#include "tna/config.h"
#include "tna/ingest.h"

static void test_clean(void)
{
    char *s = tna_xw_clean("_x0041_ and _X00e9_ but not _x004_ or _x00G1_");
    CHECK_STR(s, "_x005F_x0041_ and _x005F_X00e9_ but not _x004_ or _x00G1_");
    g_free(s);
    s = tna_xw_clean("bad \xff\xfe bytes \xc3");
    CHECK(g_utf8_validate(s, -1, NULL));
    CHECK(strstr(s, "bad ") == s);
    g_free(s);
    s = tna_xw_clean(NULL);
    CHECK_STR(s, "");
    g_free(s);

    char *longer = g_strnfill(40000, 'y');
    s = tna_xw_clean(longer);
    CHECK_INT(strlen(s), XW_TEXT_LIMIT);
    g_free(s);
    g_free(longer);
    /* characters outside the BMP count twice, as in Excel */
    GString *emoji = g_string_new(NULL);
    for (int i = 0; i < 20000; i++)
        g_string_append(emoji, "\xF0\x9F\x98\x80");
    s = tna_xw_clean(emoji->str);
    CHECK_INT(g_utf8_strlen(s, -1), XW_TEXT_LIMIT / 2);
    CHECK(g_utf8_validate(s, -1, NULL));
    g_free(s);
    g_string_free(emoji, TRUE);
    /* an escape at the cut is not split into something Excel would decode */
    char *edge = g_strdup_printf("%s_x0041_", longer = g_strnfill(XW_TEXT_LIMIT - 3, 'z'));
    s = tna_xw_clean(edge);
    CHECK(strlen(s) <= XW_TEXT_LIMIT);
    CHECK(strstr(s, "_x0041_") == NULL || strstr(s, "_x005F_x0041_") != NULL);
    g_free(s);
    g_free(edge);
    g_free(longer);
}

static tna_model *load(const char *path)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(path, &m, &err), TNA_OK);
    return m;
}

static void test_sheet_names(void)
{
    char *s = tna_xw_valid_sheet_name("a[b]:c*?/\\d");
    CHECK_STR(s, "a-b--c----d");
    g_free(s);
    s = tna_xw_valid_sheet_name("A name much longer than Excel allows for a sheet");
    CHECK_INT(g_utf8_strlen(s, -1), 31);
    g_free(s);
    s = tna_xw_valid_sheet_name("'quoted'");
    CHECK_STR(s, "quoted");
    g_free(s);
    s = tna_xw_valid_sheet_name("History");
    CHECK_STR(s, "History sheet");
    g_free(s);
    s = tna_xw_valid_sheet_name(
        "ŵŷâ ŵŷâ ŵŷâ ŵŷâ ŵŷâ ŵŷâ ŵŷâ ŵŷâ ŵŷâ"); /* 31 characters, not bytes */
    CHECK_INT(g_utf8_strlen(s, -1), 31);
    CHECK(g_utf8_validate(s, -1, NULL));
    g_free(s);

    tna_model *m = load("tests/cases/analysis/tna.yaml");
    if (!m)
        return;
    xw x = {0};
    x.l = tna_labels_new(m, TNA_LANG_BOTH);
    s = tna_xw_sheet_name(&x, TERM_DATA_QUALITY);
    CHECK_STR(s, "Ansawdd data - Data quality"); /* Welsh first; "/" is not allowed */
    g_free(s);
    s = tna_xw_sheet_name(&x, TERM_SELF_VS_MANAGER); /* both too long for a tab: the Welsh */
    CHECK_STR(s, "Hunan a rheolwr");
    g_free(s);
    tna_labels_free(x.l);
    x.l = tna_labels_new(m, TNA_LANG_CY);
    s = tna_xw_sheet_name(&x, TERM_DATA_QUALITY);
    CHECK_STR(s, "Ansawdd data");
    g_free(s);
    tna_labels_free(x.l);
    tna_model_free(m);
}

typedef struct pipeline {
    tna_model *m;
    tna_dataset *ds;
    tna_results *r;
} pipeline;

static bool run(pipeline *p, const char *config)
{
    tna_error err = TNA_ERROR_INIT;
    tna_ingest_options io = {0};
    io.threads = 1;
    p->m = load(config);
    return p->m && tna_ingest(p->m, &io, &p->ds, &err) == TNA_OK &&
           tna_analyse(p->m, p->ds, &p->r, &err) == TNA_OK;
}

static void done(pipeline *p)
{
    tna_results_free(p->r);
    tna_dataset_free(p->ds);
    tna_model_free(p->m);
}

/* The sheet XML of a workbook, through python3's zipfile (no unzip in the deps). */
static char *sheets_xml(const char *path)
{
    char *argv[] = {
        "python3", "-c",
        "import sys, zipfile\n"
        "z = zipfile.ZipFile(sys.argv[1])\n"
        "print(''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml')))",
        (char *)path, NULL};
    char *out = NULL;
    int status = 0;
    if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL))
        return NULL;
    return out;
}

static void test_not_finite(void)
{
    pipeline p = {0};
    if (!run(&p, "tests/cases/analysis/tna.yaml")) {
        CHECK(false);
        done(&p);
        return;
    }
    /* poison every shown figure of the current period, and hide the planning arrays */
    tna_period_figures *f = &p.r->periods[p.r->n_periods - 1];
    for (size_t i = 0; i < f->n_groups; i++)
        if (!f->groups[i].hidden)
            f->groups[i].mean_gap = NAN, f->groups[i].share_below = INFINITY;
    tna_planning saved = p.r->planning;
    memset(&p.r->planning, 0, sizeof p.r->planning);

    char *root = g_dir_make_tmp("tna-xlsx-XXXXXX", NULL);
    char *dir = g_build_filename(root, "reports", NULL);
    tna_outputs *out = tna_outputs_new(dir);
    tna_render_options ro = {.language = TNA_LANG_EN, .now = 1700000000};
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_render_xlsx(p.r, &ro, out, &err), TNA_OK);
    CHECK_INT(tna_outputs_commit(out, &err), TNA_OK);
    char *path = g_build_filename(dir, "tna-2026-Q3.xlsx", NULL);
    char *xml = sheets_xml(path);
    CHECK(xml != NULL && strstr(xml, "<sheetData>") != NULL);
    CHECK(xml != NULL && strstr(xml, "NAN") == NULL && strstr(xml, "nan<") == NULL);
    CHECK(xml != NULL && strstr(xml, ">INF") == NULL && strstr(xml, ">inf") == NULL);
    /* the empty planning sheets say so */
    CHECK(xml != NULL && strstr(xml, "Nothing to commission in this period.") != NULL);
    g_free(xml);
    g_free(path);
    tna_outputs_free(out);
    char *rm = g_strdup_printf("rm -rf '%s'", root);
    CHECK(system(rm) == 0);
    g_free(rm);
    g_free(root);
    g_free(dir);
    p.r->planning = saved;
    done(&p);
}

static void test_write_failure(void)
{
    pipeline p = {0};
    if (!run(&p, "tests/cases/analysis/tna.yaml")) {
        CHECK(false);
        done(&p);
        return;
    }
    char *dir = g_dir_make_tmp("tna-xlsx-XXXXXX", NULL);
    char *final = g_build_filename(dir, "tna-2026-Q3.xlsx", NULL);
    g_file_set_contents(final, "the last good workbook", -1, NULL);

    /* a file-size limit makes the write fail inside workbook_close, like a full disk */
    struct rlimit old, small = {8192, 8192};
    getrlimit(RLIMIT_FSIZE, &old);
    small.rlim_max = old.rlim_max;
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);
    tna_outputs *out = tna_outputs_new(dir);
    tna_render_options ro = {.language = TNA_LANG_EN, .now = 1700000000};
    tna_error err = TNA_ERROR_INIT;
    fflush(stderr); /* libxlsxwriter reports the failure on stderr too: keep the log clean */
    int saved_stderr = dup(2), null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    CHECK_INT(tna_render_xlsx(p.r, &ro, out, &err), TNA_ERR_OUTPUT);
    dup2(saved_stderr, 2);
    close(saved_stderr), close(null);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, was);
    /* one message for the set, naming the directory and the reason */
    CHECK_STR(err.file, "");
    char *want = g_strdup_printf("cannot write reports to %s: File too large", dir);
    CHECK_STR(err.message, want);
    g_free(want);
    tna_error err2 = TNA_ERROR_INIT;
    CHECK_INT(tna_outputs_commit(out, &err2), TNA_ERR_OUTPUT);
    tna_outputs_free(out);

    char *kept = NULL;
    CHECK(g_file_get_contents(final, &kept, NULL, NULL));
    CHECK_STR(kept, "the last good workbook");
    g_free(kept);
    GDir *d = g_dir_open(dir, 0, NULL);
    int files = 0;
    while (d && g_dir_read_name(d))
        files++;
    if (d)
        g_dir_close(d);
    CHECK_INT(files, 1); /* no temporary file left behind */
    char *parent = g_path_get_dirname(dir), *base = g_path_get_basename(dir);
    char *home = g_strdup_printf("%s/.%s.tna", parent, base); /* outputs.h */
    CHECK(!g_file_test(home, G_FILE_TEST_EXISTS)); /* nor the lock of a failed first run */
    g_free(home), g_free(parent), g_free(base);
    g_unlink(final);
    g_rmdir(dir);
    g_free(final);
    g_free(dir);
    done(&p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_clean);
    RUN(test_sheet_names);
    RUN(test_not_finite);
    RUN(test_write_failure);
    return g_test_run();
}
