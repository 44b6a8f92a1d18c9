/*
 * reading.c - the configuration (tna.yaml) that reads a tool's export of the survey, written
 * beside the survey's file: the headings are exactly what the tool exports, so it runs with
 * no edit.
 *
 * What each tool exports, and so what the source names:
 *   limesurvey       question codes: "staffno", "council", "role" and "role[other]",
 *                    "TOPIC[SKILL]" per skill, "barriers[BARRIER]" per option and
 *                    "barriers[other]", "trained", "language", "submitdate"; answers are
 *                    codes (or their text, with "Full answers"), the codes given in answers:
 *   qualtrics        three header rows, the first the export tags the .qsf gives (qsf.c):
 *                    the question's code, "CODE_99_TEXT" for the text typed for Other, a
 *                    grid row's "CODE_SKILLCODE"; "EndDate" the submission. The tags come
 *                    from ids, so a renamed skill, council or level changes no heading
 *   google-forms     the question titles, a grid's "Title [Row]"; "Timestamp"
 *   microsoft-forms  the question titles, a grid's "Title.Row"; "Completion time"
 *   paper            the data-entry template's headings (reading.c and paper.c agree on
 *                    them through tna_q_entry_heading)
 * The rest is the configuration given: its periods (the current one: add the next when its
 * export comes), reference files (paths relative to the new file), privacy threshold and
 * commissioning.
 *
 * The comments list every framework's version and the skills asked about; written again into
 * a directory that holds an earlier tna.yaml, they also list what changed since.
 */
#include <string.h>

#include "questionnaire_internal.h"
#include "tna/paths.h"
#include "tna/presets.h"
#include "tna/quote.h"

static void q(FILE *fp, const char *s)
{
    char *t = tna_quote_yaml(s);
    fputs(t, fp);
    g_free(t);
}

/* key: "value"; a key that is not one of tna's own names is quoted too. */
static void kv(FILE *fp, int indent, const char *key, const char *value)
{
    fprintf(fp, "%*s", indent, "");
    if (strspn(key, "abcdefghijklmnopqrstuvwxyz_") == strlen(key))
        fputs(key, fp);
    else
        q(fp, key);
    fputs(": ", fp);
    q(fp, value);
    fputc('\n', fp);
}

static void path_kv(FILE *fp, tna_q_reading *r, int indent, const char *key, const char *path)
{
    char *rel = tna_path_relative(r->dir, path);
    if (key)
        kv(fp, indent, key, rel);
    else {
        fprintf(fp, "%*s- ", indent, "");
        q(fp, rel);
        fputc('\n', fp);
    }
    g_free(rel);
}

/* ---- what changed since the last questionnaire ---------------------------------------------- */

/* "#   framework ID version V" and every skill id of `skills:` ("      "H": "ID"") of the
 * earlier file. */
static void read_previous(const char *text, GHashTable *versions, GHashTable *skills)
{
    char **lines = g_strsplit(text, "\n", -1);
    bool in_skills = false;
    for (char **l = lines; *l; l++) {
        char id[256], version[256];
        if (sscanf(*l, "#   framework %255s version %255s", id, version) == 2)
            g_hash_table_insert(versions, g_strdup(id), g_strdup(version));
        if (strcmp(*l, "    skills:") == 0) {
            in_skills = true;
            continue;
        }
        if (in_skills && !g_str_has_prefix(*l, "      "))
            in_skills = false;
        const char *end = in_skills ? strrchr(*l, '"') : NULL;
        if (end != NULL && end > *l) {
            const char *start = end - 1;
            while (start > *l && *start != '"')
                start--;
            if (start > *l && start[-1] == ' ')
                g_hash_table_add(skills, g_strndup(start + 1, (gsize)(end - start - 1)));
        }
    }
    g_strfreev(lines);
}

static void find_changes(tna_q_survey *s, tna_q_reading *r)
{
    if (r->previous == NULL)
        return;
    GHashTable *versions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *skills = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    read_previous(r->previous, versions, skills);
    const tna_model *m = s->model;
    for (size_t f = 0; f < m->n_frameworks; f++) {
        const char *was = g_hash_table_lookup(versions, m->frameworks[f].id);
        const char *now = m->frameworks[f].version ? m->frameworks[f].version : "none";
        if (was != NULL && strcmp(was, now) != 0)
            g_ptr_array_add(r->changes, g_strdup_printf("framework %s: version %s, was %s",
                                                        m->frameworks[f].id, now, was));
        else if (was == NULL && g_hash_table_size(versions) > 0)
            g_ptr_array_add(r->changes, g_strdup_printf("framework %s: new, version %s",
                                                        m->frameworks[f].id, now));
    }
    GHashTable *asked = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < s->n_questions; i++)
        for (size_t k = 0; k < s->questions[i].n_rows; k++)
            g_hash_table_add(asked, (gpointer)s->questions[i].rows[k].meaning);
    for (size_t i = 0; g_hash_table_size(skills) > 0 && i < s->n_questions; i++)
        for (size_t k = 0; k < s->questions[i].n_rows; k++)
            if (!g_hash_table_contains(skills, s->questions[i].rows[k].meaning))
                g_ptr_array_add(r->changes, g_strdup_printf("skill %s: added",
                                                            s->questions[i].rows[k].meaning));
    GHashTableIter it;
    gpointer id;
    GPtrArray *removed = g_ptr_array_new();
    g_hash_table_iter_init(&it, skills);
    while (g_hash_table_iter_next(&it, &id, NULL))
        if (!g_hash_table_contains(asked, id))
            g_ptr_array_add(removed, id);
    g_ptr_array_sort(removed, (GCompareFunc)(void (*)(void))g_strcmp0);
    for (guint i = 0; i < removed->len; i++)
        g_ptr_array_add(r->changes, g_strdup_printf("skill %s: no longer asked about",
                                                    (char *)g_ptr_array_index(removed, i)));
    g_ptr_array_free(removed, TRUE);
    g_hash_table_destroy(asked);
    g_hash_table_destroy(skills);
    g_hash_table_destroy(versions);
}

/* ---- the file -------------------------------------------------------------------------------- */

static const char *export_file(tna_qtool tool)
{
    return tool == TNA_QTOOL_PAPER ? "data-entry.csv" : "responses.csv";
}

static void opening(FILE *fp, tna_q_survey *s, tna_q_reading *r)
{
    const tna_model *m = s->model;
    static const char *const exporter[TNA_QTOOL_COUNT] = {
        "LimeSurvey's export", "Qualtrics' export", "the Google Forms responses",
        "the Microsoft Forms responses", "the data-entry template, filled in"};
    fprintf(fp,
            "# Reads %s of the questionnaire written beside it by\n"
            "# `tna questionnaire --tool %s`: its headings are exactly what that file holds,\n"
            "# so it runs as it is once each period's file is saved at exports/PERIOD/%s.\n"
            "# Codes come from ids: a questionnaire written again from these frameworks gives\n"
            "# files this configuration reads.\n",
            exporter[r->tool], tna_qtool_names[r->tool], export_file(r->tool));
    char *from = tna_path_relative(r->dir, r->config_path);
    fputs("# Written from the configuration ", fp);
    fputs(from, fp);
    fputs(". Frameworks:\n", fp);
    g_free(from);
    for (size_t f = 0; f < m->n_frameworks; f++)
        fprintf(fp, "#   framework %s version %s\n", m->frameworks[f].id,
                m->frameworks[f].version ? m->frameworks[f].version : "none");
    if (r->changes->len > 0) {
        fputs("# Changed since the questionnaire this directory held before:\n", fp);
        for (guint i = 0; i < r->changes->len; i++)
            fprintf(fp, "#   %s\n", (char *)g_ptr_array_index(r->changes, i));
    }
    fputc('\n', fp);
}

static void analysis(FILE *fp, tna_q_survey *s, tna_q_reading *r)
{
    const tna_model *m = s->model;
    kv(fp, 0, "title", m->title ? m->title : "Training-needs analysis");
    fprintf(fp, "language: %s\n", tna_language_names[m->language]);
    fputs("periods: [", fp);
    q(fp, m->periods[m->n_periods - 1]);
    fputs("]   # add the next period here when its export comes\n", fp);
    fputs("frameworks:\n", fp);
    for (size_t f = 0; f < m->n_frameworks; f++)
        path_kv(fp, r, 2, NULL, m->frameworks[f].path);
    if (m->n_roles > 0)
        path_kv(fp, r, 0, "roles", m->roles[0].mark.file);
    if (m->n_authorities > 0)
        path_kv(fp, r, 0, "authorities", m->authorities[0].mark.file);
    if (m->barriers_path && strstr(m->barriers_path, "(built in)") == NULL)
        path_kv(fp, r, 0, "barriers", m->barriers_path);
}

/* A field read from one question's column(s), by the heading the tool gives it. */
static void field(FILE *fp, tna_q_survey *s, tna_q_reading *r, const tna_q_question *qu)
{
    const char *name = tna_field_names[qu->field];
    switch (r->tool) {
    case TNA_QTOOL_LIMESURVEY:
        if (qu->kind == Q_CHOICES) {
            fprintf(fp, "      %s:\n", name);
            for (size_t k = 0; k < qu->n_options; k++) {
                char *h = g_strdup_printf("%s[%s]", qu->code, qu->options[k].name);
                kv(fp, 8, h, qu->options[k].meaning);
                g_free(h);
            }
            if (qu->other) {
                char *h = g_strdup_printf("%s[other]", qu->code);
                kv(fp, 8, h, "other");
                g_free(h);
            }
        } else if (qu->other) {
            fprintf(fp, "      %s: [", name);
            q(fp, qu->code);
            fputs(", ", fp);
            char *h = g_strdup_printf("%s[other]", qu->code);
            q(fp, h);
            g_free(h);
            fputs("]\n", fp);
        } else {
            kv(fp, 6, name, qu->code);
        }
        return;
    case TNA_QTOOL_PAPER:
        if (qu->kind == Q_CHOICES) {
            fprintf(fp, "      %s:\n", name);
            for (size_t k = 0; k < qu->n_options; k++)
                kv(fp, 8, tna_q_entry_heading(s, qu, &qu->options[k]), qu->options[k].meaning);
            if (qu->other)
                kv(fp, 8, tna_q_entry_heading(s, qu, NULL), "other");
        } else if (qu->other) {
            fprintf(fp, "      %s: [", name);
            q(fp, tna_q_entry_heading(s, qu, NULL));
            fputs(", ", fp);
            char *h = g_strconcat(tna_q_entry_heading(s, qu, NULL), "_other", NULL);
            q(fp, h);
            g_free(h);
            fputs("]\n", fp);
        } else {
            kv(fp, 6, name, tna_q_entry_heading(s, qu, NULL));
        }
        return;
    case TNA_QTOOL_QUALTRICS: /* the export tag, and Other's text beside it */
        if (qu->other) {
            fprintf(fp, "      %s: [", name);
            q(fp, qu->code);
            fputs(", ", fp);
            char *h = g_strdup_printf("%s_%zu_TEXT", qu->code, tna_q_qsf_other_id(qu));
            q(fp, h);
            g_free(h);
            fputs("]\n", fp);
        } else {
            kv(fp, 6, name, qu->code);
        }
        return;
    default: /* the question's text names its column(s), "Other" beside it included */
        kv(fp, 6, name, tna_q_text(s, qu));
        return;
    }
}

static const char *skill_heading(tna_q_survey *s, tna_q_reading *r, const tna_q_question *qu,
                                 const tna_q_option *row, char **owned)
{
    *owned = NULL;
    switch (r->tool) {
    case TNA_QTOOL_LIMESURVEY:
        return *owned = g_strdup_printf("%s[%s]", qu->code, row->name);
    case TNA_QTOOL_PAPER:
        return tna_q_entry_heading(s, qu, row);
    case TNA_QTOOL_QUALTRICS:
        return tna_q_qsf_row_tag(s, qu, row);
    default: /* the row's text alone: Google's "[Row]", Forms' ".Row" */
        return tna_q_option_text(s, row);
    }
}

static void source(FILE *fp, tna_q_survey *s, tna_q_reading *r)
{
    static const char *const presets[TNA_QTOOL_COUNT] = {"limesurvey", "qualtrics", "google-forms",
                                                         "microsoft-forms", NULL};
    static const char *const submitted[TNA_QTOOL_COUNT] = {"submitdate", "EndDate", "Timestamp",
                                                           "Completion time", "date"};
    fputs("\nsources:\n  - name: \"staff-survey\"\n", fp);
    char *path = g_strdup_printf("exports/{period}/%s", export_file(r->tool));
    kv(fp, 4, "path", path);
    g_free(path);
    if (presets[r->tool])
        fprintf(fp, "    preset: %s\n", presets[r->tool]);
    else
        fputs("    date_format: dmy                  # the form asks for dd/mm/yyyy\n", fp);
    fputs("    columns:\n", fp);
    for (size_t i = 0; i < s->n_questions; i++)
        if (s->questions[i].field == TNA_FIELD_RESPONDENT)
            field(fp, s, r, &s->questions[i]);
    kv(fp, 6, "submitted", submitted[r->tool]);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *qu = &s->questions[i];
        if (qu->field != TNA_FIELD_COUNT && qu->field != TNA_FIELD_RESPONDENT)
            field(fp, s, r, qu);
    }
    fputs("    skills:\n", fp);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *qu = &s->questions[i];
        for (size_t k = 0; k < qu->n_rows; k++) {
            char *owned;
            const char *h = skill_heading(s, r, qu, &qu->rows[k], &owned);
            kv(fp, 6, h, qu->rows[k].meaning);
            g_free(owned);
        }
    }
    if (r->tool != TNA_QTOOL_LIMESURVEY)
        return;
    /* LimeSurvey exports answer codes unless asked for full answers: say what they mean */
    fputs("    answers:                          # LimeSurvey's answer codes\n", fp);
    static const tna_field with_codes[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE};
    for (size_t f = 0; f < G_N_ELEMENTS(with_codes); f++) {
        const tna_q_question *qu = tna_q_find(s, with_codes[f]);
        if (qu == NULL)
            continue;
        fprintf(fp, "      %s:\n", tna_field_names[with_codes[f]]);
        for (size_t k = 0; k < qu->n_options; k++)
            kv(fp, 8, qu->options[k].code, qu->options[k].meaning);
    }
    fputs("      level:\n", fp);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < s->n_questions; i++)
        for (size_t k = 0; s->questions[i].kind == Q_GRID && k < s->questions[i].n_options; k++) {
            const tna_q_option *o = &s->questions[i].options[k];
            if (g_hash_table_contains(seen, o->code))
                continue;
            g_hash_table_add(seen, (gpointer)o->code);
            kv(fp, 8, o->code, o->meaning);
        }
    g_hash_table_destroy(seen);
}

bool tna_q_write_reading(tna_q_survey *s, tna_q_reading *r, FILE *fp)
{
    find_changes(s, r);
    opening(fp, s, r);
    analysis(fp, s, r);
    source(fp, s, r);
    const tna_model *m = s->model;
    fprintf(fp, "\nprivacy:\n  min_group_size: %d\n", m->min_group_size);
    fprintf(fp,
            "commissioning:\n  cohort_min: %d\n  cohort_max: %d\n  cost_per_cohort: %g\n"
            "  cost_per_elearning_learner: %g\n  elearning_max_gap: %d\n",
            m->commissioning.cohort_min, m->commissioning.cohort_max,
            m->commissioning.cost_per_cohort, m->commissioning.cost_per_elearning_learner,
            m->commissioning.elearning_max_gap);
    fputs("output:\n  dir: \"reports/{period}\"\n", fp);
    return ferror(fp) == 0;
}
