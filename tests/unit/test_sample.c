/*
 * test_sample.c - `tna sample`: the dataset it writes loads, has the promised shape, and
 * the same seed gives the same bytes.
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "check.h"
#include "tmptree.h"
#include "tna/config.h"
#include "tna/sample.h"

static char *tmp_root;

static char *path_in(const char *dir, const char *rel)
{
    return g_build_filename(dir, rel, NULL);
}

static char *slurp(const char *dir, const char *rel, gsize *len)
{
    char *path = path_in(dir, rel), *data = NULL;
    GError *gerr = NULL;
    if (!g_file_get_contents(path, &data, len, &gerr)) {
        g_error_free(gerr);
        data = NULL;
    }
    g_free(path);
    return data;
}

static bool exists(const char *dir, const char *rel)
{
    char *path = path_in(dir, rel);
    bool ok = g_file_test(path, G_FILE_TEST_IS_REGULAR);
    g_free(path);
    return ok;
}

/* Writes a sample into tmp_root/name; returns the directory (caller frees). */
static char *write_sample(const char *name, int staff, unsigned seed)
{
    char *dir = g_build_filename(tmp_root, name, NULL);
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_sample_write(dir, staff, seed, &err);
    if (st != TNA_OK)
        fprintf(stderr, "tna_sample_write: %s:%ld: %s\n", err.file, err.line, err.message);
    CHECK_INT(st, TNA_OK);
    return dir;
}

/* Every file a sample consists of, relative to its directory. */
static const char *const data_files[] = {
    "tna.yaml",
    "2026-Q2/staff-survey.csv",
    "2026-Q2/manager-ratings.csv",
    "2026-Q3/staff-survey.csv",
    "2026-Q3/manager-ratings.csv",
    "2026-Q3/course-evaluations.csv",
};

/* The fields of the first CSV line of text (after a BOM), quotes removed. */
static GPtrArray *header_fields(const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    GString *f = g_string_new(NULL);
    bool quoted = false;
    for (const char *c = text; *c; c++) {
        if (quoted) {
            if (*c == '"' && c[1] == '"')
                g_string_append_c(f, '"'), c++;
            else if (*c == '"')
                quoted = false;
            else
                g_string_append_c(f, *c);
        } else if (*c == '"') {
            quoted = true;
        } else if (*c == ',' || *c == '\r' || *c == '\n') {
            g_ptr_array_add(out, g_strdup(f->str));
            g_string_truncate(f, 0);
            if (*c != ',')
                break;
        } else {
            g_string_append_c(f, *c);
        }
    }
    g_string_free(f, TRUE);
    return out;
}

static void test_loads_and_has_files(void)
{
    char *dir = write_sample("a", 300, 7);
    for (const tna_embedded_file *e = tna_reference_files; e->path != NULL; e++) {
        gsize len = 0;
        char *data = slurp(dir, e->path, &len);
        CHECK(data != NULL);
        CHECK(data != NULL && len == e->size && memcmp(data, e->data, len) == 0);
        g_free(data);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(data_files); i++) {
        CHECK(exists(dir, data_files[i]));
        if (!exists(dir, data_files[i]))
            fprintf(stderr, "  missing %s\n", data_files[i]);
    }
    CHECK(!exists(dir, "2026-Q2/course-evaluations.csv")); /* evaluations: current period */

    char *config = path_in(dir, "tna.yaml");
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load(config, &m, &err), TNA_OK);
    if (m != NULL) {
        CHECK_STR(m->title, "Digital skills training-needs analysis (sample, 300 staff)");
        CHECK_STR(m->title_cy,
                  "Dadansoddiad o anghenion hyfforddi sgiliau digidol (sampl, 300 aelod o staff)");
        /* every text a report prints has its Welsh form, expectations' titles included */
        CHECK_INT(tna_model_each_untranslated(m, NULL, NULL), 0);
        CHECK(m->n_expectations > 0 && m->expectations[0].title_cy != NULL);
        CHECK_INT(m->n_periods, 2);
        CHECK_INT(m->n_sources, 3);
        CHECK_INT(m->rater_policy, TNA_RATER_MANAGER_FIRST);
        CHECK_INT(m->min_group_size, 5);
        CHECK_INT(m->n_expectations, 8);
        /* the planning keys of a run: open places, a budget, mentors, priorities */
        CHECK(m->commissioning.has_cost_per_open_place && m->commissioning.has_budget);
        CHECK_NEAR(m->commissioning.budget, 300 * 75, 0);
        CHECK(m->mentors.min_level == 4 && m->mentors.min_share == 0.5);
        CHECK(m->has_priorities);
        /* every Kirkpatrick level (L1-L4) has an expectation, so the reports show them all */
        const tna_metric levels[] = {TNA_METRIC_SATISFACTION, TNA_METRIC_LEARNING_UPLIFT,
                                     TNA_METRIC_APPLIED_RATE, TNA_METRIC_TRAINED_VS_UNTRAINED};
        for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
            bool found = false;
            for (size_t e = 0; e < m->n_expectations; e++)
                found |= m->expectations[e].metric == levels[k];
            CHECK(found);
        }
        CHECK_STR(m->output_dir, "../reports/{period}");
        CHECK_INT(m->sources[0].format, TNA_FORMAT_WIDE);
        CHECK_INT(m->sources[0].n_skills, m->n_skills);
        CHECK_INT(m->sources[0].date_format, TNA_DATE_MDY);
        CHECK_INT(m->sources[1].format, TNA_FORMAT_LONG);
        CHECK_INT(m->sources[2].format, TNA_FORMAT_EVALUATION);
    }

    /* The survey: BOM, CRLF, one column per skill named by the skill. */
    gsize len = 0;
    char *survey = slurp(dir, "2026-Q3/staff-survey.csv", &len);
    CHECK(survey != NULL && len > 3);
    if (survey != NULL && m != NULL) {
        CHECK(memcmp(survey, "\xEF\xBB\xBF", 3) == 0);
        CHECK(len >= 2 && survey[len - 2] == '\r' && survey[len - 1] == '\n');
        const char *eol = strchr(survey, '\n');
        CHECK(eol != NULL && eol > survey && eol[-1] == '\r');
        GPtrArray *h = header_fields(survey);
        CHECK_INT(h->len, 8 + m->n_skills + 4);
        if (h->len == 8 + m->n_skills + 4) {
            CHECK_STR(g_ptr_array_index(h, 0), "ID");
            CHECK_STR(g_ptr_array_index(h, 2), "Completion time");
            CHECK_STR(g_ptr_array_index(h, 5), "Staff number");
            CHECK_STR(g_ptr_array_index(h, 6), "Which council do you work for?");
            for (size_t k = 0; k < m->n_skills; k++)
                CHECK_STR(g_ptr_array_index(h, 8 + k), m->skills[k].name);
            CHECK_STR(g_ptr_array_index(h, h->len - 1), "Any other comments?");
        }
        g_ptr_array_free(h, TRUE);
        /* Most of 300 staff respond, and a few submit twice. */
        size_t crlf = 0;
        for (gsize i = 1; i < len; i++)
            crlf += survey[i] == '\n' && survey[i - 1] == '\r';
        CHECK(crlf > 230 && crlf < 300);
    }
    g_free(survey);
    tna_model_free(m);
    g_free(config);
    g_free(dir);
}

static void test_same_seed_same_bytes(void)
{
    char *a = write_sample("same-1", 300, 42);
    char *b = write_sample("same-2", 300, 42);
    char *c = write_sample("other", 300, 43);
    for (size_t i = 0; i < G_N_ELEMENTS(data_files); i++) {
        gsize la = 0, lb = 0;
        char *da = slurp(a, data_files[i], &la), *db = slurp(b, data_files[i], &lb);
        CHECK(da != NULL && db != NULL && la == lb && memcmp(da, db, la) == 0);
        g_free(da);
        g_free(db);
    }
    gsize la = 0, lc = 0;
    char *da = slurp(a, "2026-Q2/staff-survey.csv", &la);
    char *dc = slurp(c, "2026-Q2/staff-survey.csv", &lc);
    CHECK(da != NULL && dc != NULL && (la != lc || memcmp(da, dc, la) != 0));
    g_free(da);
    g_free(dc);
    g_free(a);
    g_free(b);
    g_free(c);
}

static void test_errors(void)
{
    tna_error err = TNA_ERROR_INIT;
    char *dir = g_build_filename(tmp_root, "bad", NULL);
    CHECK_INT(tna_sample_write(dir, 0, 1, &err), TNA_ERR_USAGE);

    /* A directory that cannot be made: its parent is a regular file. */
    char *file = g_build_filename(tmp_root, "plain-file", NULL);
    CHECK(g_file_set_contents(file, "x", 1, NULL));
    char *under = g_build_filename(file, "sample", NULL);
    tna_error err2 = TNA_ERROR_INIT;
    CHECK_INT(tna_sample_write(under, 10, 1, &err2), TNA_ERR_OUTPUT);
    CHECK_STR(err2.file, under);
    g_free(under);
    g_free(file);
    g_free(dir);

    /* A write that fails (the disk is full): the first reference file goes to /dev/full. */
    if (g_file_test("/dev/full", G_FILE_TEST_EXISTS)) {
        char *full = g_build_filename(tmp_root, "full", NULL);
        char *link = g_build_filename(full, tna_reference_files[0].path, NULL);
        char *parent = g_path_get_dirname(link);
        CHECK_INT(g_mkdir_with_parents(parent, 0700), 0);
        CHECK_INT(symlink("/dev/full", link), 0);
        tna_error err3 = TNA_ERROR_INIT;
        CHECK_INT(tna_sample_write(full, 10, 1, &err3), TNA_ERR_OUTPUT);
        CHECK_STR(err3.file, link);
        g_free(parent);
        g_free(link);
        g_free(full);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    GError *gerr = NULL;
    tmp_root = g_dir_make_tmp("tna-test-sample-XXXXXX", &gerr);
    if (tmp_root == NULL) {
        fprintf(stderr, "cannot make a temporary directory: %s\n", gerr->message);
        g_error_free(gerr);
        return 1;
    }
    RUN(test_loads_and_has_files);
    RUN(test_same_seed_same_bytes);
    RUN(test_errors);
    int status = g_test_run();
    remove_tree(tmp_root);
    g_free(tmp_root);
    return status;
}
