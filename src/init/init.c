/*
 * init.c - `tna init EXPORT... [-o CONFIG]` (include/tna/init.h): drafts a configuration.
 *
 * The steps:
 *   1. refuse an existing CONFIG unless `force` (before anything is written);
 *   2. the reference files beside CONFIG: the shipped ones written where absent, then loaded
 *      (through a throwaway configuration naming them, so they are checked as a run checks
 *      them);
 *   3. every export inspected (inspect.c);
 *   4. exports grouped into sources and periods (a period in every path: 2026-Q3, 2026Q3,
 *      2026-07 or 2026, and a source per path but for it; else one period, a source each);
 *   5. the draft written to a temporary file beside CONFIG and checked as `tna validate`
 *      checks it: loaded, then every export read with it;
 *   6. renamed into place. What was done and what is left go into the report.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "init_internal.h"
#include "tna/config.h"
#include "tna/ingest.h"
#include "tna/paths.h"
#include "tna/presets.h"
#include "tna/reference.h"

/* ---- the report ----------------------------------------------------------------------------- */

static void say(char ***lines, size_t *n, char *line)
{
    *lines = g_renew(char *, *lines, *n + 1);
    (*lines)[(*n)++] = line;
}

#define DONE(r, ...) say(&(r)->done, &(r)->n_done, g_strdup_printf(__VA_ARGS__))
#define TODO(r, ...) say(&(r)->todo, &(r)->n_todo, g_strdup_printf(__VA_ARGS__))

void tna_init_report_free(tna_init_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_done; i++)
        g_free(r->done[i]);
    for (size_t i = 0; i < r->n_todo; i++)
        g_free(r->todo[i]);
    g_free(r->done);
    g_free(r->todo);
    g_free(r);
}

/* ---- reference files ------------------------------------------------------------------------ */

static bool is_reference(const char *path)
{
    return g_str_has_prefix(path, "frameworks/") || strcmp(path, "roles.yaml") == 0 ||
           strcmp(path, "authorities.yaml") == 0;
}

/* Writes a whole file (its directory made first). The configuration itself reaches its name
 * by a rename (write_config), so a reader never sees half of it. */
static tna_status write_file(const char *path, const void *data, size_t size, tna_error *err)
{
    char *parent = g_path_get_dirname(path);
    int rc = g_mkdir_with_parents(parent, 0777);
    g_free(parent);
    FILE *f = rc == 0 ? g_fopen(path, "wb") : NULL;
    bool ok = f != NULL && fwrite(data, 1, size, f) == size;
    int errnum = errno;
    if (f != NULL && fclose(f) != 0 && ok) {
        ok = false;
        errnum = errno;
    }
    if (!ok)
        return tna_error_set(err, TNA_ERR_OUTPUT, path, 0, 0, "cannot write: %s",
                             g_strerror(errnum));
    return TNA_OK;
}

static gint compare_text(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The framework files in dir/frameworks (*.yaml), relative to dir. */
static GPtrArray *framework_files(const char *dir)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    char *fdir = g_build_filename(dir, "frameworks", NULL);
    GDir *d = g_dir_open(fdir, 0, NULL);
    for (const char *name; d && (name = g_dir_read_name(d)) != NULL;)
        if (g_str_has_suffix(name, ".yaml") || g_str_has_suffix(name, ".yml"))
            g_ptr_array_add(list, g_strconcat("frameworks/", name, NULL));
    if (d)
        g_dir_close(d);
    g_free(fdir);
    return list;
}

/* Writes the missing reference files into dir and loads them; *frameworks receives the
 * framework files (relative to dir). */
static tna_status load_reference(const char *dir, tna_model **model, int *written,
                                 GPtrArray **frameworks, tna_error *err)
{
    *model = NULL;
    int n = 0;
    for (const tna_embedded_file *e = tna_reference_files; e->path != NULL; e++) {
        if (!is_reference(e->path))
            continue;
        char *path = g_build_filename(dir, e->path, NULL);
        tna_status st = TNA_OK;
        if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            st = write_file(path, e->data, e->size, err);
            n++;
        }
        g_free(path);
        if (st != TNA_OK)
            return st;
    }
    if (written)
        *written = n;
    GPtrArray *fw = framework_files(dir);
    g_ptr_array_sort(fw, compare_text);
    /* a throwaway configuration naming them, so they are read as a run reads them */
    char *absdir = g_canonicalize_filename(dir, NULL);
    GString *yaml = g_string_new("periods: [init]\nframeworks:\n");
    for (guint i = 0; i < fw->len; i++) {
        char *p = g_build_filename(absdir, g_ptr_array_index(fw, i), NULL);
        g_string_append(yaml, "  - ");
        tna_init_yaml_quote(yaml, p);
        g_string_append(yaml, "\n");
        g_free(p);
    }
    char *roles = g_build_filename(absdir, "roles.yaml", NULL);
    char *auth = g_build_filename(absdir, "authorities.yaml", NULL);
    g_string_append(yaml, "roles: ");
    tna_init_yaml_quote(yaml, roles);
    g_string_append(yaml, "\nauthorities: ");
    tna_init_yaml_quote(yaml, auth);
    g_string_append(yaml, "\nsources:\n  - {name: init, path: init.csv, format: long, columns: "
                          "{authority: a, role: r, skill: s, level: l}}\n");
    g_free(roles);
    g_free(auth);
    g_free(absdir);
    char *tmp = NULL;
    GError *ge = NULL;
    int fd = g_file_open_tmp("tna-init-XXXXXX.yaml", &tmp, &ge);
    tna_status st = TNA_OK;
    if (fd < 0) {
        st = tna_error_set(err, TNA_ERR_OUTPUT, NULL, 0, 0, "cannot make a temporary file: %s",
                           ge->message);
        g_clear_error(&ge);
    } else {
        close(fd);
        st = write_file(tmp, yaml->str, yaml->len, err);
        if (st == TNA_OK)
            st = tna_config_load(tmp, model, err);
        g_unlink(tmp);
    }
    g_free(tmp);
    g_string_free(yaml, TRUE);
    if (st != TNA_OK) {
        g_ptr_array_unref(fw);
        return st;
    }
    *frameworks = fw;
    return TNA_OK;
}

tna_status tna_init_reference(const char *dir, tna_model **model, int *written, tna_error *err)
{
    GPtrArray *fw = NULL;
    tna_status st = load_reference(dir, model, written, &fw, err);
    if (fw)
        g_ptr_array_unref(fw);
    return st;
}

/* ---- what is left -----------------------------------------------------------------------------
 */

static void export_todo(const tna_init_export *x, tna_init_report *r)
{
    char *base = g_path_get_basename(x->path);
    for (size_t i = 0; i < x->n_notes; i++)
        TODO(r, "%s: %s", base, x->notes[i]);
    static const struct {
        tna_field field;
        const char *what;
    } needed[] = {{TNA_FIELD_AUTHORITY, "the council"}, {TNA_FIELD_ROLE, "the job role"}};
    for (size_t i = 0; x->format != TNA_FORMAT_EVALUATION && i < G_N_ELEMENTS(needed); i++)
        if (x->fields[needed[i].field].n_cols == 0)
            TODO(r,
                 "%s: no column headed like a question about %s: give its heading as "
                 "%s: under columns: (the run needs it)",
                 base, needed[i].what, tna_field_names[needed[i].field]);
    if (x->fields[TNA_FIELD_RESPONDENT].n_cols == 0)
        TODO(r,
             "%s: no staff number or email column: each row counts as a different person, "
             "so a repeat submission counts twice (ask for a staff number in the survey)",
             base);
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        if (x->fields[f].guessed)
            TODO(r, "%s: check %s: its column was chosen by its answers, not its heading", base,
                 tna_field_names[f]);
    size_t guesses = 0, unplaced = 0, placed = 0;
    for (size_t i = 0; i < x->n_skills; i++) {
        guesses += x->skills[i].match.kind == TNA_SKILL_GUESS;
        unplaced += x->skills[i].match.skill == TNA_NONE;
        placed += x->skills[i].match.skill != TNA_NONE;
    }
    if (guesses > 0)
        TODO(r, "%s: check the %zu skill%s marked '# check': guessed from similar names", base,
             guesses, guesses == 1 ? "" : "s");
    if (unplaced > 0)
        TODO(r,
             "%s: %zu column%s answered in levels but named like no skill: give each its skill "
             "id (the commented lines with \"?\" under skills:)",
             base, unplaced, unplaced == 1 ? "" : "s");
    if (x->format == TNA_FORMAT_WIDE && placed == 0 && !x->codes_only)
        TODO(r,
             "%s: no column is named like a skill of the frameworks: list the rating "
             "columns under skills:",
             base);
    g_free(base);
}

static void describe(const tna_init_export *x, tna_init_report *r)
{
    char *base = g_path_get_basename(x->path);
    size_t mapped = 0, skills = 0;
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        mapped += x->fields[f].n_cols > 0;
    for (size_t i = 0; i < x->n_skills; i++)
        skills += x->skills[i].match.skill != TNA_NONE;
    if (x->tool == TNA_PRESET_NONE)
        DONE(r,
             "%s: not recognised as the export of a tool tna knows (Microsoft Forms, Google "
             "Forms, SurveyMonkey, SmartSurvey, Qualtrics, LimeSurvey): drafted without a "
             "preset, one header row and headings as they are; %ld row%s, %zu columns",
             base, x->rows, x->rows == 1 ? "" : "s", x->n_columns);
    else
        DONE(r, "%s: recognised as a %s export%s (%d header row%s); %ld row%s, %zu columns", base,
             tna_preset_get(x->tool)->tool, x->legacy ? " (the older format)" : "", x->header_rows,
             x->header_rows == 1 ? "" : "s", x->rows, x->rows == 1 ? "" : "s", x->n_columns);
    GString *fields = g_string_new(NULL);
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        if (x->fields[f].n_cols > 0)
            g_string_append_printf(fields, "%s%s%s", fields->len ? ", " : "", tna_field_names[f],
                                   x->fields[f].n_cols > 1 && f != TNA_FIELD_BARRIERS
                                       ? " (with its Other column)"
                                   : f == TNA_FIELD_BARRIERS && x->fields[f].n_cols > 1
                                       ? (tna_preset_get(x->tool)->multi == TNA_MULTI_COLUMNS
                                              ? " (a column per option)"
                                              : " (with its Other column)")
                                       : "");
    DONE(r, "%s: %s format; mapped %s%s; %zu rating column%s to skills", base,
         tna_format_names[x->format], mapped ? fields->str : "no field",
         x->fields[TNA_FIELD_RESPONDENT].n_cols
             ? ""
             : " (no respondent: no staff number or email column)",
         skills, skills == 1 ? "" : "s");
    if (x->fields[TNA_FIELD_RESPONDENT].n_cols > 0)
        DONE(r, "%s: respondent is '%s', so a person's repeat submissions count once", base,
             x->fields[TNA_FIELD_RESPONDENT].headings[0]);
    g_string_free(fields, TRUE);
    g_free(base);
}

/* ---- the check ----------------------------------------------------------------------------- */

/* Whether the draft of this export lacks what a run needs (said in the report already). */
static bool has_gaps(const tna_init_export *x)
{
    if (x->format == TNA_FORMAT_EVALUATION)
        return x->fields[TNA_FIELD_COURSE].n_cols == 0;
    size_t placed = 0;
    for (size_t i = 0; i < x->n_skills; i++)
        placed += x->skills[i].match.skill != TNA_NONE;
    return x->fields[TNA_FIELD_AUTHORITY].n_cols == 0 || x->fields[TNA_FIELD_ROLE].n_cols == 0 ||
           (x->format == TNA_FORMAT_WIDE && placed == 0);
}

/* Loads the draft at tmp (named `config` in messages) and reads every export with it; with
 * gaps already reported, only says that it cannot load yet. */
static bool check_draft(const char *tmp, const char *config, bool gaps, tna_init_report *r)
{
    tna_config_problems *pr = g_new0(tna_config_problems, 1);
    tna_model *m = NULL;
    bool runs = false;
    if (tna_config_load_all(tmp, &m, pr) != TNA_OK && gaps) {
        TODO(r, "the draft will not load until what is missing above is filled in");
    } else if (m == NULL) {
        for (size_t i = 0; i < pr->n; i++) {
            tna_error e = pr->list[i];
            if (strcmp(e.file, tmp) == 0)
                g_strlcpy(e.file, config, sizeof e.file);
            char buf[TNA_ERROR_FILE_MAX + TNA_ERROR_MSG_MAX + 64];
            tna_error_format(&e, buf, sizeof buf);
            TODO(r, "the draft does not load yet: %s", buf);
        }
    } else {
        tna_dataset *ds = NULL;
        tna_error err = TNA_ERROR_INIT;
        tna_ingest_options io = {0};
        io.threads = 1;
        if (tna_ingest(m, &io, &ds, &err) != TNA_OK) {
            char buf[TNA_ERROR_FILE_MAX + TNA_ERROR_MSG_MAX + 64];
            tna_error_format(&err, buf, sizeof buf);
            TODO(r, "the draft loads, but an export does not read with it: %s", buf);
        } else {
            long read = 0, accepted = 0, rejected = 0, excluded = 0;
            for (size_t p = 0; p < ds->n_periods; p++)
                for (size_t s = 0; s < m->n_sources; s++) {
                    const tna_source_stats *st = &ds->periods[p].stats[s];
                    read += st->rows_read, accepted += st->accepted;
                    rejected += st->rejected, excluded += st->excluded;
                }
            DONE(r,
                 "checked it as tna validate does: it loads, and reads %ld rows (%ld accepted, "
                 "%ld rejected, %ld excluded as not responses)",
                 read, accepted, rejected, excluded);
            runs = true;
        }
        tna_dataset_free(ds);
    }
    tna_model_free(m);
    g_free(pr);
    return runs;
}

/* ---- the command ---------------------------------------------------------------------------- */

static tna_status refuse_existing(const char *config, bool force, tna_error *err)
{
    if (g_file_test(config, G_FILE_TEST_IS_DIR))
        return tna_error_set(err, TNA_ERR_USAGE, config, 0, 0,
                             "is a directory: give the configuration's file name, e.g. -o "
                             "%s/tna.yaml",
                             config);
    if (!force && g_file_test(config, G_FILE_TEST_EXISTS))
        return tna_error_set(err, TNA_ERR_USAGE, config, 0, 0,
                             "already exists, and tna init does not overwrite a configuration: "
                             "give another name with -o, or add --force to replace it");
    return TNA_OK;
}

static tna_status write_config(const char *config, const char *text, bool force, bool gaps,
                               tna_init_report *r, tna_error *err)
{
    char *dir = g_path_get_dirname(config);
    char *base = g_path_get_basename(config);
    char *tmpl = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    int fd = g_mkstemp(tmpl);
    tna_status st = TNA_OK;
    if (fd < 0)
        st = tna_error_set(err, TNA_ERR_OUTPUT, config, 0, 0, "cannot write beside it: %s",
                           g_strerror(errno));
    else {
        close(fd);
        st = write_file(tmpl, text, strlen(text), err);
    }
    if (st == TNA_OK) {
        r->runs = check_draft(tmpl, config, gaps, r);
        bool existed = g_file_test(config, G_FILE_TEST_EXISTS);
        st = refuse_existing(config, force, err); /* it may have appeared meanwhile */
        if (st == TNA_OK && g_rename(tmpl, config) != 0)
            st = tna_error_set(err, TNA_ERR_OUTPUT, config, 0, 0, "cannot write: %s",
                               g_strerror(errno));
        r->replaced = st == TNA_OK && existed;
    }
    if (fd >= 0 && st != TNA_OK)
        g_unlink(tmpl);
    g_free(tmpl);
    g_free(base);
    g_free(dir);
    return st;
}

tna_status tna_init_write(const tna_init_options *o, tna_init_report **report, tna_error *err)
{
    tna_init_report *r = g_new0(tna_init_report, 1);
    if (report)
        *report = r;
    const char *config = o && o->config ? o->config : "tna.yaml";
    tna_status st = TNA_OK;
    if (o == NULL || o->n_exports == 0)
        st = tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0,
                           "give the survey export(s) to draft a configuration for: tna init "
                           "EXPORT.csv [-o tna.yaml]");
    if (st == TNA_OK)
        st = refuse_existing(config, o->force, err);
    tna_init_plan pl = {0};
    char *dir = g_path_get_dirname(config);
    if (st == TNA_OK && g_mkdir_with_parents(dir, 0777) != 0)
        st = tna_error_set(err, TNA_ERR_OUTPUT, dir, 0, 0, "cannot create the directory: %s",
                           g_strerror(errno));
    tna_model *model = NULL;
    int written = 0;
    if (st == TNA_OK)
        st = load_reference(dir, &model, &written, &pl.frameworks, err);
    if (st == TNA_OK) {
        pl.model = model;
        pl.config = config;
        if (written > 0)
            DONE(r,
                 "wrote the shipped reference files beside %s (%d files: frameworks/, "
                 "roles.yaml, authorities.yaml)",
                 config, written);
        else
            DONE(r,
                 "using the reference files already beside %s (frameworks/, roles.yaml, "
                 "authorities.yaml)",
                 config);
        pl.exports = g_ptr_array_new_with_free_func((GDestroyNotify)tna_init_export_free);
        pl.rel = g_ptr_array_new_with_free_func(g_free);
        pl.todo = g_ptr_array_new_with_free_func(g_free);
    }
    for (size_t i = 0; st == TNA_OK && i < o->n_exports; i++) {
        if (!g_utf8_validate(o->exports[i], -1, NULL)) {
            st = tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0,
                               "an export's path is not UTF-8 text, so a configuration cannot "
                               "name it: rename the file");
            break;
        }
        tna_init_export *x = NULL;
        st = tna_init_inspect_file(model, o->exports[i], &x, err);
        if (st != TNA_OK)
            break;
        g_ptr_array_add(pl.exports, x);
        g_ptr_array_add(pl.rel, tna_path_relative(dir, o->exports[i]));
        describe(x, r);
    }
    char *text = NULL;
    if (st == TNA_OK) {
        int64_t now = o->now ? o->now : (int64_t)time(NULL);
        tna_init_plan_sources(&pl, now);
        tna_init_plan_answers(&pl);
        for (guint i = 0; i < pl.todo->len; i++)
            TODO(r, "%s", (char *)g_ptr_array_index(pl.todo, i));
        for (guint e = 0; e < pl.exports->len; e++)
            export_todo(g_ptr_array_index(pl.exports, e), r);
        if (pl.n_answers > 0)
            TODO(r,
                 "%zu answer%s match%s nothing tna knows: give their meaning in the commented "
                 "answers: block at the end (the nearest values are suggested), or leave them "
                 "(they count as missing; a council or role leaves its row out)",
                 pl.n_answers, pl.n_answers == 1 ? "" : "s", pl.n_answers == 1 ? "es" : "");
        text = tna_init_draft(&pl);
        bool gaps = false;
        for (guint e = 0; e < pl.exports->len; e++)
            gaps |= has_gaps(g_ptr_array_index(pl.exports, e));
        st = write_config(config, text, o->force, gaps, r, err);
    }
    if (st == TNA_OK) {
        DONE(r, "%s %s", r->replaced ? "replaced" : "wrote", config);
        TODO(r, "then: tna validate %s, and tna run %s", config, config);
    }
    g_free(text);
    g_free(dir);
    tna_init_plan_clear(&pl);
    if (report == NULL)
        tna_init_report_free(r);
    return st;
}
