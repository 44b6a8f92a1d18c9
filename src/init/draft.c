/*
 * draft.c - the text of a configuration drafted by `tna init`: readable YAML a user edits,
 * each block opening with a comment that says what it is, each guess marked "# check" and
 * each gap "TODO", the answers that match nothing as a commented `answers:` block at the end.
 *
 * Every string is written double-quoted with escapes (tna_init_yaml_quote), so a heading
 * holding a colon, a quote, a '#' or a line break stays one scalar. The commented `answers:`
 * block is laid out so that removing "# " from a line gives the YAML the line stands for:
 * the `answers:` line, a field's line, an answer's line.
 */
#include <stdarg.h>
#include <string.h>

#include "init_internal.h"
#include "tna/presets.h"
#include "tna/quote.h"

#define COMMENT_AT 40 /* the column end-of-line comments start at */

/* Whether YAML lets character u stand as it is in a line: its printable set (YAML 1.1 5.1)
 * without the characters it reads as line breaks (NEL, LS, PS). */
static bool plain_in_line(gunichar u)
{
    return u == '\t' || (u >= 0x20 && u <= 0x7e) ||
           (u >= 0xa0 && u <= 0xd7ff && u != 0x2028 && u != 0x2029) ||
           (u >= 0xe000 && u <= 0xfffd && u != 0xfeff) || (u >= 0x10000 && u <= 0x10ffff);
}

void tna_init_yaml_quote(GString *out, const char *s)
{
    char *q = tna_quote_yaml(s);
    g_string_append(out, q);
    g_free(q);
}

/* Text from an export or a path in a comment: what YAML would not keep in the line becomes
 * '?', so a comment can never end early or carry a character the reader refuses. */
static void comment_text(GString *out, const char *s)
{
    const char *end = s + strlen(s);
    for (const char *p = s; *p;) {
        gunichar u = g_utf8_get_char_validated(p, end - p);
        if (u == (gunichar)-1 || u == (gunichar)-2) {
            g_string_append_c(out, '?');
            p++;
            continue;
        }
        if (plain_in_line(u))
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        else
            g_string_append_c(out, '?');
        p = g_utf8_next_char(p);
    }
}

static void commentf(GString *out, const char *fmt, ...) TNA_PRINTF(2, 3);
static void commentf(GString *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    comment_text(out, s);
    g_free(s);
}

/* Ends the current line with "# comment" (at COMMENT_AT when the line is shorter). */
static void end_line(GString *out, const char *comment)
{
    if (comment != NULL && comment[0] != '\0') {
        const char *line = strrchr(out->str, '\n');
        size_t width = (size_t)g_utf8_strlen(line ? line + 1 : out->str, -1);
        g_string_append_printf(out, "%*s# ", (int)(width < COMMENT_AT ? COMMENT_AT - width : 2),
                               "");
        comment_text(out, comment);
    }
    g_string_append_c(out, '\n');
}

static void key_value(GString *out, int indent, const char *key, const char *value,
                      const char *comment)
{
    g_string_append_printf(out, "%*s%s: ", indent, "", key);
    tna_init_yaml_quote(out, value);
    end_line(out, comment);
}

/* ---- the parts ------------------------------------------------------------------------------ */

static const char *tool_name(tna_preset p)
{
    return p == TNA_PRESET_NONE ? "an unrecognised tool's" : tna_preset_get(p)->tool;
}

static void opening(GString *out, const tna_init_plan *plan)
{
    size_t n = 0;
    for (guint s = 0; s < plan->sources->len; s++)
        n += ((const tna_init_source *)g_ptr_array_index(plan->sources, s))->exports->len;
    char *base = g_path_get_basename(plan->config);
    g_string_append_printf(out, "# A tna configuration drafted by `tna init` from %zu export%s:\n",
                           n, n == 1 ? "" : "s");
    for (guint s = 0; s < plan->sources->len; s++) {
        const tna_init_source *src = g_ptr_array_index(plan->sources, s);
        for (guint e = 0; e < src->exports->len; e++) {
            const tna_init_export *x = g_ptr_array_index(src->exports, e);
            commentf(out, "#   %s (%s export, %ld rows)", x->path, tool_name(x->tool), x->rows);
            g_string_append_c(out, '\n');
        }
    }
    g_string_append(out, "# It is a draft: check each line marked \"# check\", fill in each "
                         "\"TODO\", then\n");
    commentf(out, "#   tna validate %s    # checks it and reads every export", base);
    g_string_append_c(out, '\n');
    commentf(out, "#   tna run %s         # writes the reports", base);
    g_string_append(out, "\n# Paths are relative to this file. Every key is described in "
                         "docs/configuration.md\n# and `man 5 tna.yaml`.\n\n");
    g_free(base);
}

static void analysis(GString *out, const tna_init_plan *plan)
{
    key_value(out, 0, "title", "Training-needs analysis", "the reports' title");
    g_string_append(out, "language: en");
    end_line(out, "the reports' language: en, cy or both");
    g_string_append(out, "periods: [");
    for (guint p = 0; p < plan->periods->len; p++) {
        if (p > 0)
            g_string_append(out, ", ");
        tna_init_yaml_quote(out, g_ptr_array_index(plan->periods, p));
    }
    g_string_append(out, "]");
    end_line(out, "oldest first; the last is the current period");
    if (plan->period_note != NULL) {
        commentf(out, "# (%s)", plan->period_note);
        g_string_append_c(out, '\n');
    }

    g_string_append(out, "\n# The skills frameworks, role profiles and councils to measure "
                         "against. tna init wrote\n# the shipped ones beside this file where "
                         "there were none (it never overwrites them):\n# edit them, or name "
                         "your own.\nframeworks:\n");
    const tna_model *m = plan->model;
    for (guint f = 0; f < plan->frameworks->len; f++) {
        g_string_append(out, "  - ");
        tna_init_yaml_quote(out, g_ptr_array_index(plan->frameworks, f));
        char *what = NULL;
        if (f < m->n_frameworks)
            what = m->frameworks[f].version
                       ? g_strdup_printf("%s, version %s", m->frameworks[f].name,
                                         m->frameworks[f].version)
                       : g_strdup(m->frameworks[f].name);
        end_line(out, what);
        g_free(what);
    }
    key_value(out, 0, "roles", "roles.yaml", "job roles and the level each needs per skill");
    key_value(out, 0, "authorities", "authorities.yaml", "the councils and their regions");
    g_string_append(out, "# barriers: \"barriers.yaml\"");
    end_line(out, "barriers to learning; without it, the shipped list");
}

static const char *field_comment(tna_field f)
{
    switch (f) {
    case TNA_FIELD_RESPONDENT:
        return "who answered: a repeat submission counts once";
    case TNA_FIELD_SUBMITTED:
        return "when: a person's latest answers win";
    case TNA_FIELD_BARRIERS:
        return "what stops people learning";
    default:
        return NULL;
    }
}

static const char *field_missing(tna_field f)
{
    switch (f) {
    case TNA_FIELD_RESPONDENT:
        return "not found: without a staff number or email, each row is a different person";
    case TNA_FIELD_AUTHORITY:
        return "TODO: the heading of the question that asks for the council";
    case TNA_FIELD_ROLE:
        return "TODO: the heading of the question that asks for the job role";
    default:
        return NULL;
    }
}

static bool field_needed(tna_format format, tna_field f)
{
    if (f == TNA_FIELD_RESPONDENT)
        return true;
    if (format == TNA_FORMAT_EVALUATION)
        return f == TNA_FIELD_COURSE;
    return f == TNA_FIELD_AUTHORITY || f == TNA_FIELD_ROLE;
}

static void columns(GString *out, const tna_init_export *x)
{
    g_string_append(out, "    columns:");
    end_line(out, "field: the heading of its column in the export");
    for (int f = 0; f < TNA_FIELD_COUNT; f++) {
        const tna_init_field *fl = &x->fields[f];
        if (fl->n_cols == 0) {
            if (field_needed(x->format, (tna_field)f) && field_missing((tna_field)f)) {
                g_string_append_printf(out, "      # %s:", tna_field_names[f]);
                end_line(out, field_missing((tna_field)f));
            }
            continue;
        }
        char *comment = NULL;
        if (fl->guessed)
            comment = g_strdup("check: chosen by its answers, not its heading");
        else if (fl->n_headings > 1 && f != TNA_FIELD_BARRIERS)
            comment = g_strdup("the answer, then what was typed for Other");
        else if (field_comment((tna_field)f))
            comment = g_strdup(field_comment((tna_field)f));
        if (fl->n_headings == 1) {
            key_value(out, 6, tna_field_names[f], fl->headings[0], comment);
        } else {
            g_string_append_printf(out, "      %s: [", tna_field_names[f]);
            for (size_t h = 0; h < fl->n_headings; h++) {
                if (h > 0)
                    g_string_append(out, ", ");
                tna_init_yaml_quote(out, fl->headings[h]);
            }
            g_string_append(out, "]");
            end_line(out, comment);
        }
        g_free(comment);
    }
}

static void skills(GString *out, const tna_model *m, const tna_init_export *x)
{
    if (x->format != TNA_FORMAT_WIDE)
        return;
    g_string_append(out, "    skills:");
    end_line(out, "heading of a rating column: the skill it rates");
    size_t placed = 0;
    for (size_t i = 0; i < x->n_skills; i++) {
        const tna_init_skill *k = &x->skills[i];
        if (k->match.skill == TNA_NONE) {
            g_string_append(out, "      # ");
            tna_init_yaml_quote(out, k->heading);
            g_string_append(out, ": \"?\"");
            end_line(out, "TODO: answered in levels, but named like no skill: give its id");
            continue;
        }
        placed++;
        const tna_skill *s = &m->skills[k->match.skill];
        g_string_append(out, "      ");
        tna_init_yaml_quote(out, k->heading);
        g_string_append(out, ": ");
        tna_init_yaml_quote(out, s->id);
        char *comment = NULL;
        if (k->match.kind == TNA_SKILL_GUESS)
            comment = g_strdup_printf("check: a guess (%s)", s->name);
        else if (k->match.kind == TNA_SKILL_SHORT)
            comment = g_strdup_printf("%s", s->name);
        end_line(out, comment);
        g_free(comment);
    }
    if (placed == 0)
        g_string_append(out, "      # TODO: no column is named like a skill of the frameworks: "
                             "list each rating\n      # column's heading with the id of the "
                             "skill it rates\n");
}

static void source(GString *out, const tna_init_plan *plan, const tna_init_source *src)
{
    const tna_init_export *x = src->first;
    char *base = g_path_get_basename(x->path);
    commentf(out, "  # %s: %s export", base, tool_name(x->tool));
    g_free(base);
    if (src->exports->len > 1)
        g_string_append_printf(out, " (%u files, one a period)", src->exports->len);
    g_string_append(out, "\n");
    key_value(out, 2, "- name", src->name, NULL);
    key_value(out, 4, "path", src->path, NULL);
    if (src->optional) {
        g_string_append(out, "    optional: true");
        char *why = g_strdup_printf("no export for %s", src->missing_periods);
        end_line(out, why);
        g_free(why);
    }
    if (x->tool != TNA_PRESET_NONE) {
        g_string_append_printf(out, "    preset: %s", tna_preset_get(x->tool)->name);
        end_line(out, "the tool's header rows, grid names, multi-selects and dates");
    } else {
        g_string_append(out, "    # preset: the tool was not recognised: one header row, headings "
                             "as they are; if it\n    # came from microsoft-forms, google-forms, "
                             "surveymonkey, smartsurvey, qualtrics or\n    # limesurvey, say so "
                             "here\n");
    }
    static const char *const format_comment[] = {"a row per person, a column per skill",
                                                 "a row per person and skill",
                                                 "feedback after training"};
    g_string_append_printf(out, "    format: %s", tna_format_names[x->format]);
    end_line(out, format_comment[x->format]);
    if (x->legacy) {
        g_string_append(out, "    skip_after_header: 1");
        end_line(out, "Qualtrics' older export: two header rows");
    }
    if (x->date_format != TNA_DATE_AUTO) {
        g_string_append_printf(out, "    date_format: %s", tna_date_format_names[x->date_format]);
        end_line(out, x->date_guessed ? "check: every date reads both ways; UK exports are "
                                        "day first"
                                      : NULL);
    }
    if (x->exclude_heading != NULL || x->exclude_off) {
        g_string_append(out, "    exclude_rows: {");
        if (x->exclude_heading != NULL) {
            tna_init_yaml_quote(out, x->exclude_heading);
            g_string_append(out, ": [");
            const char *const *v = tna_preset_get(x->tool)->exclude_values;
            for (size_t i = 0; v && v[i]; i++) {
                if (i > 0)
                    g_string_append(out, ", ");
                tna_init_yaml_quote(out, v[i]);
            }
            g_string_append(out, "]");
        }
        g_string_append(out, "}");
        end_line(out, x->exclude_off ? "check: the tool's Status column cannot be told apart"
                                     : "the tool's rows that are not responses");
    }
    if (x->separator != NULL) {
        key_value(out, 4, "barrier_separator", x->separator,
                  "what stands between the choices of one cell");
    }
    if (x->encoding_guessed)
        g_string_append(out, "    # the export is not UTF-8: tna reads it as Windows-1252 "
                             "(encoding: auto)\n");
    columns(out, x);
    skills(out, plan->model, x);
}

static const char *unit(tna_field f)
{
    return f == TNA_FIELD_LEVEL ? "answer" : f == TNA_FIELD_BARRIERS ? "choice" : "row";
}

static void answers(GString *out, const tna_init_plan *plan)
{
    if (plan->n_answers == 0) {
        g_string_append(out, "\n# Every answer in the authority, role, level, trained, language "
                             "and barrier columns\n# matches something tna knows: no `answers:` "
                             "are needed.\n");
        return;
    }
    g_string_append(out,
                    "\n# Answers in the exports that match nothing tna knows, how often each "
                    "was given, and\n# the nearest value tna knows. Give each its meaning (an id "
                    "or name from the reference\n# files, a level, yes or no, welsh, english or "
                    "either, or missing) and remove the \"# \"\n# from the answers: line, the "
                    "field's line and the answer's line. An answer left out\n# counts as "
                    "missing, and a council or role that matches nothing leaves its row out;\n"
                    "# either way the data-quality log lists it.\n"
                    "# answers:\n");
    int field = -1;
    for (size_t i = 0; i < plan->n_answers; i++) {
        const tna_init_answer *a = &plan->answers[i];
        if ((int)a->field != field) {
            field = (int)a->field;
            g_string_append_printf(out, "#   %s:\n", tna_field_names[a->field]);
        }
        g_string_append(out, "#     ");
        tna_init_yaml_quote(out, a->text);
        g_string_append(out, ": ");
        tna_init_yaml_quote(out, a->nearest ? a->nearest : "missing");
        char *comment = g_strdup_printf(
            "%ld %s%s%s%s", a->count, unit(a->field), a->count == 1 ? "" : "s",
            a->nearest_name ? "; nearest: " : "", a->nearest_name ? a->nearest_name : "");
        end_line(out, comment);
        g_free(comment);
    }
}

char *tna_init_draft(const tna_init_plan *plan)
{
    GString *out = g_string_new(NULL);
    opening(out, plan);
    analysis(out, plan);
    g_string_append(out, "\n# The exports to read: a source per kind of export.\nsources:\n");
    for (guint s = 0; s < plan->sources->len; s++)
        source(out, plan, g_ptr_array_index(plan->sources, s));
    g_string_append(out, "\n");
    g_string_append(out, "privacy:\n  min_group_size: 5");
    end_line(out, "no figure for a group smaller than this");
    g_string_append(out, "output:\n");
    key_value(out, 2, "dir", "reports/{period}", "where the reports go, relative to this file");
    answers(out, plan);
    return g_string_free(out, FALSE);
}
