/*
 * questionnaire.c - `tna questionnaire CONFIG --tool T [-o DIR] [--topics ...]`
 * (include/tna/questionnaire.h): loads the configuration, builds the survey (survey.c), has
 * the tool's writer lay it out, writes the configuration that reads its export (reading.c),
 * commits the files together in DIR kept a plain directory (outputs.h), then loads that
 * configuration once, as a check.
 */
#include <string.h>

#include "questionnaire_internal.h"
#include "tna/config.h"
#include "tna/outputs.h"

const char *const tna_qtool_names[TNA_QTOOL_COUNT] = {"limesurvey", "qualtrics", "google-forms",
                                                      "microsoft-forms", "paper"};

void tna_questionnaire_report_free(tna_questionnaire_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_files; i++)
        g_free(r->files[i]);
    for (size_t i = 0; i < r->n_notes; i++)
        g_free(r->notes[i]);
    g_free(r->files);
    g_free(r->notes);
    g_free(r);
}

static void note(tna_questionnaire_report *r, char *line)
{
    r->notes = g_renew(char *, r->notes, r->n_notes + 1);
    r->notes[r->n_notes++] = line;
}

/* What to do next with the tool's files. */
static const char *const next_steps[TNA_QTOOL_COUNT] = {
    "import survey.lss in LimeSurvey (Create survey > Import), activate it; export responses "
    "as CSV with headings 'Question code' into exports/PERIOD/responses.csv",
    "import survey.qsf in Qualtrics (Create project > Survey > From a file); export the data as "
    "CSV with 'Use choice text' into exports/PERIOD/responses.csv",
    "paste create-form.gs into a new project at script.google.com and run createForm; download "
    "the responses as CSV into exports/PERIOD/responses.csv",
    "upload questionnaire.pdf with Quick import in Microsoft Forms and check it against "
    "setup-microsoft-forms.md; save the responses as CSV UTF-8 into "
    "exports/PERIOD/responses.csv",
    "print questionnaire.pdf; type the answers into copies of data-entry.csv saved as "
    "exports/PERIOD/data-entry.csv, a row per form"};

typedef struct written {
    tna_outputs *out;
    tna_error *err;
    tna_status st;
} written;

static FILE *open_file(written *w, const char *name)
{
    FILE *fp = NULL;
    if (w->st == TNA_OK)
        w->st = tna_outputs_open(w->out, name, &fp, w->err);
    return w->st == TNA_OK ? fp : NULL;
}

static void wrote(written *w, const char *name, bool ok)
{
    if (w->st == TNA_OK && !ok) {
        w->st = tna_outputs_fail(w->out, name, 0, w->err);
    }
}

static void write_tool(written *w, tna_q_survey *s, tna_qtool tool, int64_t now)
{
    FILE *fp;
    switch (tool) {
    case TNA_QTOOL_LIMESURVEY:
        if ((fp = open_file(w, "survey.lss")) != NULL)
            wrote(w, "survey.lss", tna_q_write_lss(s, fp));
        break;
    case TNA_QTOOL_QUALTRICS:
        if ((fp = open_file(w, "survey.qsf")) != NULL)
            wrote(w, "survey.qsf", tna_q_write_qsf(s, fp));
        break;
    case TNA_QTOOL_GOOGLE_FORMS:
        if ((fp = open_file(w, "create-form.gs")) != NULL)
            wrote(w, "create-form.gs", tna_q_write_gas(s, fp));
        break;
    case TNA_QTOOL_MICROSOFT_FORMS:
    case TNA_QTOOL_PAPER:
        if ((fp = open_file(w, "questionnaire.pdf")) != NULL && w->st == TNA_OK) {
            char *path = tna_outputs_final_path(w->out, "questionnaire.pdf");
            w->st = tna_q_write_pdf(s, fp, tool == TNA_QTOOL_PAPER, now, path, w->err);
            if (w->st != TNA_OK)
                tna_outputs_fail(w->out, "questionnaire.pdf", 0, NULL);
            g_free(path);
        }
        if (tool == TNA_QTOOL_PAPER && (fp = open_file(w, "data-entry.csv")) != NULL)
            wrote(w, "data-entry.csv", tna_q_write_entry_template(s, fp));
        if (tool == TNA_QTOOL_MICROSOFT_FORMS &&
            (fp = open_file(w, "setup-microsoft-forms.md")) != NULL)
            wrote(w, "setup-microsoft-forms.md", tna_q_write_forms_note(s, fp));
        break;
    case TNA_QTOOL_COUNT:
        break;
    }
}

tna_status tna_questionnaire_write(const tna_questionnaire_options *o,
                                   tna_questionnaire_report **report, tna_error *err)
{
    tna_questionnaire_report *r = g_new0(tna_questionnaire_report, 1);
    if (report)
        *report = r;
    tna_qtool tool = TNA_QTOOL_COUNT;
    for (int t = 0; o && o->tool && t < TNA_QTOOL_COUNT; t++)
        if (strcmp(o->tool, tna_qtool_names[t]) == 0)
            tool = (tna_qtool)t;
    tna_status st = TNA_OK;
    if (tool == TNA_QTOOL_COUNT)
        st = tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0,
                           "--tool must be limesurvey, qualtrics, google-forms, "
                           "microsoft-forms or paper%s%s%s",
                           o && o->tool ? ", not '" : "", o && o->tool ? o->tool : "",
                           o && o->tool ? "'" : "");
    tna_model *m = NULL;
    if (st == TNA_OK)
        st = tna_config_load(o->config, &m, err);
    tna_q_survey s = {0};
    if (st == TNA_OK)
        st = tna_q_survey_build(m, o->topics, o->n_topics, &s, err);
    char *dir = st == TNA_OK ? (o->dir ? g_strdup(o->dir)
                                       : g_strdup_printf("questionnaire-%s", tna_qtool_names[tool]))
                             : NULL;
    tna_outputs *out = NULL;
    if (st == TNA_OK) {
        out = tna_outputs_new(dir);
        /* a plain directory: the user saves the exports in it, beside tna.yaml */
        const tna_outputs_options keep_dir = {.in_place = true};
        written w = {out, err, tna_outputs_lock(out, &keep_dir, err)};
        write_tool(&w, &s, tool, o->now);
        char *previous_path = g_build_filename(dir, "tna.yaml", NULL);
        char *previous = NULL;
        g_file_get_contents(previous_path, &previous, NULL, NULL);
        tna_q_reading rd = {tool, o->config, dir, previous, g_ptr_array_new_with_free_func(g_free),
                            NULL};
        FILE *fp = open_file(&w, "tna.yaml");
        if (fp != NULL)
            wrote(&w, "tna.yaml", tna_q_write_reading(&s, &rd, fp));
        st = w.st;
        if (st == TNA_OK)
            st = tna_outputs_commit(out, err);
        for (guint i = 0; st == TNA_OK && i < rd.changes->len; i++)
            note(r, g_strdup_printf("changed since the last questionnaire: %s",
                                    (char *)g_ptr_array_index(rd.changes, i)));
        g_ptr_array_unref(rd.changes);
        g_free(previous);
        /* the configuration must load as written (its exports come later) */
        tna_model *check = NULL;
        if (st == TNA_OK)
            st = tna_config_load(previous_path, &check, err);
        tna_model_free(check);
        g_free(previous_path);
    }
    if (st == TNA_OK) {
        for (size_t i = 0; i < tna_outputs_count(out); i++) {
            r->files = g_renew(char *, r->files, r->n_files + 1);
            r->files[r->n_files++] = tna_outputs_final_path(out, tna_outputs_name(out, i));
        }
        r->n_questions = s.n_questions;
        r->n_skills = s.n_skills;
        note(r, g_strdup(next_steps[tool]));
        note(r, g_strdup_printf("then: tna run %s/tna.yaml", dir));
        note(r, g_strdup("the Welsh wording of the survey's own questions is tna's: have "
                         "it checked before the survey goes out"));
    }
    tna_outputs_free(out);
    g_free(dir);
    tna_q_survey_clear(&s);
    tna_model_free(m);
    if (report == NULL)
        tna_questionnaire_report_free(r);
    return st;
}
