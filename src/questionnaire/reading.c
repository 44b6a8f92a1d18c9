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
 *
 * Google Forms and Microsoft Forms head their columns with the question and row texts and
 * write the options' texts in the cells, so a skill, council, role, barrier or level renamed
 * in the reference files changes what their next export holds. For them the file also lists
 * the options' texts under answers:, and written again over an earlier file for the same
 * tool it keeps reading the earlier wording (see "earlier wording" below).
 */
#include <string.h>

#include "questionnaire_internal.h"
#include "tna/paths.h"
#include "tna/presets.h"
#include "tna/quote.h"
#include "tna/text.h"

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

/* name: ["first", "second"]: a field read from the first non-blank of two columns (an
 * answer and the "Other" text typed beside it). */
static void kv_pair(FILE *fp, const char *key, const char *first, const char *second)
{
    fprintf(fp, "      %s: [", key);
    q(fp, first);
    fputs(", ", fp);
    q(fp, second);
    fputs("]\n", fp);
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

/* ---- earlier wording (the tools that export texts) -------------------------------------------
 *
 * Written again over a tna.yaml that was written for the same tool, the new file keeps what
 * the earlier one read where the wording changed: a field's earlier heading becomes a second
 * heading of the field, a skill's a second line for the skill, an option's earlier text a
 * second line of answers:. The earlier file's own carried wording is kept too, so every
 * export since the first still reads. r->earlier maps "field NAME", "skill ID" and "answer
 * FIELD MEANING" to the texts (GPtrArray of char *), the earlier file's own first. */

static bool texts_exported(tna_qtool tool)
{
    return tool == TNA_QTOOL_GOOGLE_FORMS || tool == TNA_QTOOL_MICROSOFT_FORMS;
}

/* A double-quoted YAML scalar as tna_quote_yaml writes it, into out; the text after it, or
 * NULL. */
static const char *quoted(const char *p, GString *out)
{
    g_string_truncate(out, 0);
    if (*p != '"')
        return NULL;
    for (p++; *p && *p != '"'; p++) {
        if (*p != '\\') {
            g_string_append_c(out, *p);
            continue;
        }
        p++;
        if (*p == 'n' || *p == 'r' || *p == 't') {
            g_string_append_c(out, *p == 'n' ? '\n' : *p == 'r' ? '\r' : '\t');
        } else if (*p == 'x' || *p == 'u') {
            int n = *p == 'x' ? 2 : 4;
            char hex[5] = {0};
            for (int i = 0; i < n; i++) {
                if (!g_ascii_isxdigit(p[1 + i]))
                    return NULL;
                hex[i] = p[1 + i];
            }
            g_string_append_unichar(out, (gunichar)g_ascii_strtoull(hex, NULL, 16));
            p += n;
        } else if (*p == '\0') {
            return NULL;
        } else {
            g_string_append_c(out, *p); /* \" and \\ */
        }
    }
    return *p == '"' ? p + 1 : NULL;
}

static void add_earlier(GHashTable *h, char *key, const char *text)
{
    GPtrArray *a = g_hash_table_lookup(h, key);
    if (a == NULL) {
        a = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(h, key, a);
    } else {
        g_free(key);
    }
    for (guint i = 0; i < a->len; i++)
        if (strcmp(g_ptr_array_index(a, i), text) == 0)
            return;
    g_ptr_array_add(a, g_strdup(text));
}

/* The headings under columns: and skills: and the texts under answers: of an earlier file
 * (as source() writes them). */
static void read_earlier(const char *text, GHashTable *h)
{
    enum { NONE, COLUMNS, SKILLS, ANSWERS } in = NONE;
    char field[64] = "";
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        const char *t = *l;
        if (strcmp(t, "    columns:") == 0 || strcmp(t, "    skills:") == 0 ||
            g_str_has_prefix(t, "    answers:")) {
            in = t[4] == 'c' ? COLUMNS : t[4] == 's' ? SKILLS : ANSWERS;
            field[0] = '\0';
            continue;
        }
        if (!g_str_has_prefix(t, "      ")) {
            in = NONE;
            continue;
        }
        t += 6;
        size_t n = strspn(t, "abcdefghijklmnopqrstuvwxyz_");
        const char *p;
        if (in == COLUMNS && n > 0 && n < sizeof field && strncmp(t + n, ": ", 2) == 0) {
            char *key = g_strdup_printf("field %.*s", (int)n, t);
            p = t + n + 2;
            bool list = *p == '[';
            while ((p = quoted(p + (list ? 1 : 0), a)) != NULL) {
                add_earlier(h, g_strdup(key), a->str);
                if (!list || *p != ',')
                    break;
                p++; /* ", " */
            }
            g_free(key);
        } else if (in == SKILLS && (p = quoted(t, a)) != NULL && strncmp(p, ": ", 2) == 0 &&
                   quoted(p + 2, b) != NULL) {
            add_earlier(h, g_strdup_printf("skill %s", b->str), a->str);
        } else if (in == ANSWERS && n > 0 && n < sizeof field && t[n] == ':') {
            snprintf(field, sizeof field, "%.*s", (int)n, t);
        } else if (in == ANSWERS && field[0] && g_str_has_prefix(t, "  ") &&
                   (p = quoted(t + 2, a)) != NULL && strncmp(p, ": ", 2) == 0 &&
                   quoted(p + 2, b) != NULL) {
            add_earlier(h, g_strdup_printf("answer %s %s", field, b->str), a->str);
        }
    }
    g_strfreev(lines);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
}

/* An answer the new file lists: the text of an option and what it means. */
typedef struct answer_row {
    const char *field, *text, *meaning;
} answer_row;

/* The options' texts the new file lists under answers:, by field: councils, roles, barriers
 * and the grids' levels (a level's text once; one that means two numbers in two scales is
 * left to the scales' own labels). */
static GArray *answer_rows(tna_q_survey *s)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(answer_row));
    static const tna_field fields[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE, TNA_FIELD_BARRIERS};
    for (size_t f = 0; f < G_N_ELEMENTS(fields); f++) {
        const tna_q_question *qu = tna_q_find(s, fields[f]);
        for (size_t k = 0; qu != NULL && k < qu->n_options; k++) {
            answer_row a = {tna_field_names[fields[f]], tna_q_option_text(s, &qu->options[k]),
                            qu->options[k].meaning};
            g_array_append_val(rows, a);
        }
    }
    GHashTable *level = g_hash_table_new(g_str_hash, g_str_equal); /* text -> meaning or "" */
    GPtrArray *order = g_ptr_array_new();
    for (size_t i = 0; i < s->n_questions; i++)
        for (size_t k = 0; s->questions[i].kind == Q_GRID && k < s->questions[i].n_options; k++) {
            const tna_q_option *o = &s->questions[i].options[k];
            const char *text = tna_q_option_text(s, o);
            const char *was = g_hash_table_lookup(level, text);
            if (was == NULL)
                g_ptr_array_add(order, (gpointer)text);
            g_hash_table_insert(
                level, (gpointer)text,
                (gpointer)(was == NULL || strcmp(was, o->meaning) == 0 ? o->meaning : ""));
        }
    for (guint i = 0; i < order->len; i++) {
        answer_row a = {tna_field_names[TNA_FIELD_LEVEL], g_ptr_array_index(order, i), NULL};
        a.meaning = g_hash_table_lookup(level, a.text);
        if (a.meaning[0] != '\0')
            g_array_append_val(rows, a);
    }
    g_ptr_array_free(order, TRUE);
    g_hash_table_destroy(level);
    return rows;
}

/* Keeps of r->earlier's `key` the texts the new file does not read already (taken: the
 * matching keys of what it reads, each kept text added), and lists a change when the earlier
 * file's own text was another. */
static void keep_earlier(tna_q_reading *r, GHashTable *taken, const char *scope, const char *key,
                         const char *now, const char *what)
{
    GPtrArray *a = g_hash_table_lookup(r->earlier, key);
    if (a == NULL || a->len == 0)
        return;
    if (strcmp(g_ptr_array_index(a, 0), now) != 0)
        g_ptr_array_add(r->changes, g_strdup_printf("%s: \"%s\", was \"%s\" (both read)", what, now,
                                                    (char *)g_ptr_array_index(a, 0)));
    for (guint i = 0; i < a->len;) {
        char *k = tna_text_key(g_ptr_array_index(a, i), -1);
        char *scoped = g_strconcat(scope, " ", k ? k : "", NULL);
        g_free(k);
        if (g_hash_table_contains(taken, scoped)) {
            g_free(scoped);
            g_ptr_array_remove_index(a, i);
        } else {
            g_hash_table_add(taken, scoped);
            i++;
        }
    }
}

static void take_text(GHashTable *taken, const char *scope, const char *text)
{
    char *k = tna_text_key(text, -1);
    g_hash_table_add(taken, g_strconcat(scope, " ", k ? k : "", NULL));
    g_free(k);
}

static void find_earlier(tna_q_survey *s, tna_q_reading *r)
{
    r->earlier =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    if (r->previous == NULL || !texts_exported(r->tool))
        return;
    char *mark = g_strdup_printf("--tool %s`", tna_qtool_names[r->tool]);
    bool same_tool = strstr(r->previous, mark) != NULL;
    g_free(mark);
    if (!same_tool)
        return;
    read_earlier(r->previous, r->earlier);
    /* what the new file reads: no earlier text may name it again */
    GHashTable *taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *qu = &s->questions[i];
        if (qu->field != TNA_FIELD_COUNT)
            take_text(taken, "heading", tna_q_text(s, qu));
        for (size_t k = 0; k < qu->n_rows; k++)
            take_text(taken, "heading", tna_q_option_text(s, &qu->rows[k]));
    }
    GArray *answers = answer_rows(s);
    for (guint i = 0; i < answers->len; i++)
        take_text(taken, g_array_index(answers, answer_row, i).field,
                  g_array_index(answers, answer_row, i).text);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *qu = &s->questions[i];
        if (qu->field != TNA_FIELD_COUNT) {
            char *key = g_strdup_printf("field %s", tna_field_names[qu->field]);
            char *what = g_strdup_printf("%s heading", tna_field_names[qu->field]);
            keep_earlier(r, taken, "heading", key, tna_q_text(s, qu), what);
            g_free(what);
            g_free(key);
        }
        for (size_t k = 0; k < qu->n_rows; k++) {
            char *key = g_strdup_printf("skill %s", qu->rows[k].meaning);
            keep_earlier(r, taken, "heading", key, tna_q_option_text(s, &qu->rows[k]), key);
            g_free(key);
        }
    }
    for (guint i = 0; i < answers->len; i++) {
        const answer_row *a = &g_array_index(answers, answer_row, i);
        char *key = g_strdup_printf("answer %s %s", a->field, a->meaning);
        char *what = g_strdup_printf("%s %s", a->field, a->meaning);
        keep_earlier(r, taken, a->field, key, a->text, what);
        g_free(what);
        g_free(key);
    }
    g_array_free(answers, TRUE);
    g_hash_table_destroy(taken);
}

/* The earlier texts still read for `key` (none: NULL). */
static const GPtrArray *earlier(tna_q_reading *r, const char *kind, const char *id)
{
    char *key = g_strdup_printf("%s %s", kind, id);
    const GPtrArray *a = g_hash_table_lookup(r->earlier, key);
    g_free(key);
    return a != NULL && a->len > 0 ? a : NULL;
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
            "# so it runs as it is once each period's file is saved at exports/PERIOD/%s.\n",
            exporter[r->tool], tna_qtool_names[r->tool], export_file(r->tool));
    fputs(texts_exported(r->tool)
              ? "# The export is headed by texts: written again into this directory after a\n"
                "# name changed, the new configuration reads the earlier wording too.\n"
              : "# Codes come from ids: a questionnaire written again from these frameworks gives\n"
                "# files this configuration reads, whatever was renamed.\n",
          fp);
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
            char *h = g_strdup_printf("%s[other]", qu->code);
            kv_pair(fp, name, qu->code, h);
            g_free(h);
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
            char *h = g_strconcat(tna_q_entry_heading(s, qu, NULL), "_other", NULL);
            kv_pair(fp, name, tna_q_entry_heading(s, qu, NULL), h);
            g_free(h);
        } else {
            kv(fp, 6, name, tna_q_entry_heading(s, qu, NULL));
        }
        return;
    case TNA_QTOOL_QUALTRICS: /* the export tag, and Other's text beside it */
        if (qu->other) {
            char *h = g_strdup_printf("%s_%zu_TEXT", qu->code, tna_q_qsf_other_id(qu));
            kv_pair(fp, name, qu->code, h);
            g_free(h);
        } else {
            kv(fp, 6, name, qu->code);
        }
        return;
    default: { /* the question's text names its column(s), "Other" beside it included */
        const GPtrArray *was = earlier(r, "field", name);
        if (was == NULL) {
            kv(fp, 6, name, tna_q_text(s, qu));
            return;
        }
        fprintf(fp, "      %s: [", name);
        q(fp, tna_q_text(s, qu));
        for (guint i = 0; i < was->len; i++) {
            fputs(", ", fp);
            q(fp, g_ptr_array_index(was, i));
        }
        fputs("]   # and the earlier wording\n", fp);
        return;
    }
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
            const GPtrArray *was = earlier(r, "skill", qu->rows[k].meaning);
            for (guint e = 0; was != NULL && e < was->len; e++)
                kv(fp, 6, g_ptr_array_index(was, e), qu->rows[k].meaning);
        }
    }
    if (texts_exported(r->tool)) {
        /* the cells hold the options' texts: listed, with the earlier ones, so that the file
         * written next time can keep reading these */
        fputs("    answers:                          # the options' texts, and earlier ones\n", fp);
        GArray *answers = answer_rows(s);
        const char *field = "";
        for (guint i = 0; i < answers->len; i++) {
            const answer_row *a = &g_array_index(answers, answer_row, i);
            if (strcmp(a->field, field) != 0)
                fprintf(fp, "      %s:\n", field = a->field);
            kv(fp, 8, a->text, a->meaning);
            char *id = g_strdup_printf("%s %s", a->field, a->meaning);
            const GPtrArray *was = earlier(r, "answer", id);
            g_free(id);
            for (guint e = 0; was != NULL && e < was->len; e++)
                kv(fp, 8, g_ptr_array_index(was, e), a->meaning);
        }
        g_array_free(answers, TRUE);
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
    find_earlier(s, r);
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
    g_hash_table_destroy(r->earlier);
    r->earlier = NULL;
    return ferror(fp) == 0;
}
