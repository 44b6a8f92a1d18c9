/*
 * headings.c - which column holds which field and skill.
 *
 * A configured heading matches a column when their matching keys are equal. Survey tools
 * name the rows of a grid (matrix) question in their own way, so when the full heading
 * matches nothing, the preset's derived names are tried, in this order:
 *   google-forms, smartsurvey   "Question [Row]"        -> "Row", "Question"
 *   qualtrics                   "Question - Row"        -> "Row"; the field-id row above
 *                                                         the labels ("Q5_1") too
 *   limesurvey                  "Q5[SQ001]"             -> "SQ001"; "Q5. text" -> "Q5",
 *                                                         "text"; "Q5[SQ001]. text [Row]"
 *                                                         (code and text) -> all of these
 *   surveymonkey                question in the header row (blank cells continue the
 *                               question to their left), row label in the row under it
 *                                                       -> "Row", "Question - Row"
 *   microsoft-forms             the heading as is
 * Exact matches on the header row are always taken first, so a derived name never steals
 * a column that some heading names exactly; and a column holds one field or skill, so once
 * a derived name has taken it, no other derived name does.
 */
#include <string.h>

#include "ingest_internal.h"
#include "tna/text.h"

void column_map_clear(column_map *map)
{
    g_free(map->skill_col);
    map->skill_col = NULL;
}

static const char *cell(const GPtrArray *row, guint i)
{
    return row && i < row->len ? g_ptr_array_index(row, i) : "";
}

static void add_key(GPtrArray *keys, const char *text, long len)
{
    if (len < 0)
        len = (long)strlen(text);
    if (tna_text_blank(text, (size_t)len))
        return;
    char *k = tna_text_key(text, len);
    if (k)
        g_ptr_array_add(keys, k);
}

/* Text inside the last [...] of s and the text before it, when s ends with "]". */
static void add_bracketed(GPtrArray *keys, const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n < 2 || s[n - 1] != ']')
        return;
    const char *open = NULL;
    for (const char *p = s; p < s + n - 1; p++)
        if (*p == '[')
            open = p;
    if (open == NULL)
        return;
    add_key(keys, open + 1, (long)(s + n - 1 - (open + 1)));
    add_key(keys, s, (long)(open - s));
}

/* Text after the last " - " of s. */
static void add_after_dash(GPtrArray *keys, const char *s)
{
    const char *last = NULL;
    for (const char *p = strstr(s, " - "); p; p = strstr(p + 1, " - "))
        last = p;
    if (last)
        add_key(keys, last + 3, -1);
}

/* Derived names of column i (see the table at the top of the file). Caller frees. */
static GPtrArray *derived_keys(const tna_source *source, const header_rows *rows, guint i)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    const char *h = cell(rows->header, i);
    switch (source->preset) {
    case TNA_PRESET_GOOGLE_FORMS:
    case TNA_PRESET_SMARTSURVEY:
        add_bracketed(keys, h);
        add_after_dash(keys, h);
        break;
    case TNA_PRESET_QUALTRICS:
        add_after_dash(keys, h);
        add_key(keys, cell(rows->above, i), -1);
        break;
    case TNA_PRESET_LIMESURVEY: {
        add_bracketed(keys, h);
        const char *dot = strstr(h, ". ");
        if (dot) {
            char *code = g_strndup(h, (gsize)(dot - h));
            add_key(keys, code, -1);
            add_bracketed(keys, code); /* "Q5[SQ001]. text" -> "SQ001" too */
            g_free(code);
            add_key(keys, dot + 2, -1);
        }
        break;
    }
    case TNA_PRESET_SURVEYMONKEY: {
        const char *question = h;
        for (guint j = i + 1; j-- > 0 && tna_text_blank(question, strlen(question));)
            question = cell(rows->header, j);
        const char *sub = cell(rows->below, i);
        add_key(keys, sub, -1);
        char *both = g_strdup_printf("%s - %s", question, sub);
        add_key(keys, both, -1);
        g_free(both);
        add_key(keys, question, -1);
        break;
    }
    case TNA_PRESET_MICROSOFT_FORMS:
    case TNA_PRESET_NONE:
        break;
    }
    return keys;
}

/* Assigns column numbers to every wanted key: exact header matches first, then derived
 * names. wanted[i] is a matching key (or NULL), out[i] receives the column or -1. */
static void assign(const tna_source *source, const header_rows *rows, const char **wanted,
                   int *out, size_t n_wanted)
{
    guint ncol = rows->header->len;
    char **exact = g_new0(char *, ncol ? ncol : 1);
    bool *taken = g_new0(bool, ncol ? ncol : 1); /* a column holds one field or skill */
    for (guint c = 0; c < ncol; c++)
        exact[c] = tna_text_key(cell(rows->header, c), -1);
    for (size_t w = 0; w < n_wanted; w++) {
        out[w] = -1;
        for (guint c = 0; wanted[w] && c < ncol && out[w] < 0; c++)
            if (exact[c] && strcmp(exact[c], wanted[w]) == 0) {
                out[w] = (int)c;
                taken[c] = true;
            }
    }
    bool need_derived = false;
    for (size_t w = 0; w < n_wanted; w++)
        need_derived |= wanted[w] && out[w] < 0;
    if (need_derived && source->preset != TNA_PRESET_NONE) {
        for (guint c = 0; c < ncol; c++) {
            if (taken[c])
                continue;
            GPtrArray *keys = derived_keys(source, rows, c);
            for (size_t w = 0; w < n_wanted && !taken[c]; w++) {
                if (!wanted[w] || out[w] >= 0)
                    continue;
                for (guint k = 0; k < keys->len; k++)
                    if (strcmp(g_ptr_array_index(keys, k), wanted[w]) == 0) {
                        out[w] = (int)c;
                        taken[c] = true;
                        break;
                    }
            }
            g_ptr_array_free(keys, TRUE);
        }
    }
    for (guint c = 0; c < ncol; c++)
        g_free(exact[c]);
    g_free(exact);
    g_free(taken);
}

/* The heading of the header row nearest to `want` by edit distance, for a hint. */
static const char *nearest_heading(const header_rows *rows, const char *want)
{
    const char *best = NULL;
    int best_d = 4;
    for (guint c = 0; c < rows->header->len; c++) {
        char *k = tna_text_key(cell(rows->header, c), -1);
        if (k) {
            int d = tna_text_distance(k, want, 3);
            if (d < best_d) {
                best_d = d;
                best = cell(rows->header, c);
            }
        }
        g_free(k);
    }
    return best;
}

static bool field_required(const tna_source *source, tna_field f)
{
    switch (source->format) {
    case TNA_FORMAT_WIDE:
        return f == TNA_FIELD_AUTHORITY || f == TNA_FIELD_ROLE;
    case TNA_FORMAT_LONG:
        return f == TNA_FIELD_AUTHORITY || f == TNA_FIELD_ROLE || f == TNA_FIELD_SKILL ||
               f == TNA_FIELD_LEVEL;
    case TNA_FORMAT_EVALUATION:
        return f == TNA_FIELD_COURSE;
    }
    return false;
}

tna_status headings_map(const tna_model *model, const tna_source *source,
                        const header_rows *rows, const char *path, long header_line,
                        column_map *map, dq_fn dq, void *dq_ctx, tna_error *err)
{
    (void)model;
    size_t nw = TNA_FIELD_COUNT + source->n_skills;
    const char **wanted = g_new0(const char *, nw);
    int *col = g_new(int, nw);
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        wanted[f] = source->column_keys[f];
    for (size_t s = 0; s < source->n_skills; s++)
        wanted[TNA_FIELD_COUNT + s] = source->skills[s].key;
    assign(source, rows, wanted, col, nw);

    map->n_header = (int)rows->header->len;
    map->max_needed = -1;
    map->skill_col = g_new(int, source->n_skills ? source->n_skills : 1);
    tna_status st = TNA_OK;
    for (int f = 0; f < TNA_FIELD_COUNT && st == TNA_OK; f++) {
        map->field[f] = col[f];
        if (source->columns[f] && col[f] < 0 && field_required(source, (tna_field)f)) {
            const char *near = nearest_heading(rows, source->column_keys[f]);
            st = tna_error_set(err, TNA_ERR_INPUT, path, header_line, 0,
                               "no column headed '%s' for %s%s%s%s", source->columns[f],
                               tna_field_names[f], near ? " (did you mean '" : "",
                               near ? near : "", near ? "'?)" : "");
        } else if (source->columns[f] && col[f] < 0) {
            char *reason = g_strdup_printf("no column for %s", tna_field_names[f]);
            dq(dq_ctx, header_line, 0, source->columns[f], reason);
            g_free(reason);
        }
        if (col[f] > map->max_needed)
            map->max_needed = col[f];
    }
    size_t found = 0;
    for (size_t s = 0; s < source->n_skills && st == TNA_OK; s++) {
        map->skill_col[s] = col[TNA_FIELD_COUNT + s];
        if (map->skill_col[s] < 0) {
            char *reason = g_strdup_printf("no column for skill %s",
                                           model->skills[source->skills[s].skill].id);
            dq(dq_ctx, header_line, 0, source->skills[s].heading, reason);
            g_free(reason);
        } else {
            found++;
            if (map->skill_col[s] > map->max_needed)
                map->max_needed = map->skill_col[s];
        }
    }
    if (st == TNA_OK && source->format == TNA_FORMAT_WIDE && found == 0)
        st = tna_error_set(err, TNA_ERR_INPUT, path, header_line, 0,
                           "none of the %zu skill headings in the configuration is a column of "
                           "this file",
                           source->n_skills);
    g_free(wanted);
    g_free(col);
    if (st != TNA_OK)
        column_map_clear(map);
    return st;
}
