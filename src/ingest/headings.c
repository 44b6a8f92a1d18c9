/*
 * headings.c - which column holds which field, skill and exclusion.
 *
 * Every column gets names at three levels, from its header rows and its tool's way of naming
 * columns (colnames.h); a configured heading takes the columns that have its matching key at
 * the first level where any column has it. So a user lists the statements of a grid, not the
 * tool's full headings, and the exact text always wins over a derived name.
 *
 * How many columns a heading may take: a skill, one; a field, one, or several side by side
 * (one question's "Response" and "Other (please specify)" columns: the first non-blank
 * wins, a cell that only says "Other" giving way to the typed text); the barriers question,
 * any number. A heading that takes columns apart, or two where one is wanted, is an error
 * naming both; so is a column taken by two headings. An exclusion column must be one column.
 *
 * Each barriers column is read as what it holds: a list of options in one cell (one-cell
 * tools, or a column whose option is generic such as "Response"); one option, from the
 * configured mapping or the option text under the question (a column per option; an option
 * that matches no barrier counts as other, and is logged once); or typed "Other" text.
 */
#include <stdio.h>
#include <string.h>

#include "reader.h"
#include "tna/answers.h"
#include "tna/colnames.h"
#include "tna/presets.h"
#include "tna/text.h"

static const char *cell(const GPtrArray *row, guint i)
{
    return row && i < row->len ? g_ptr_array_index(row, i) : "";
}

static bool blank(const char *s)
{
    return tna_text_blank(s, strlen(s));
}

void tna_column_map_clear(column_map *map)
{
    for (int f = 0; f < TNA_FIELD_COUNT; f++) {
        g_free(map->cols[f]);
        map->cols[f] = NULL;
    }
    g_free(map->barriers);
    g_free(map->skill_col);
    g_free(map->exclude_col);
    map->barriers = NULL;
    map->skill_col = map->exclude_col = NULL;
}

/* ---- matching ----------------------------------------------------------------------------- */

typedef struct mapper {
    const tna_model *model;
    const tna_source *source;
    uint32_t source_index;
    const header_rows *rows;
    const char *path;
    long line;
    guint ncol;
    tna_colnames *names;
    const char **owner; /* per column: the configured heading that took it ... */
    int *owner_id;      /* ... and the field or skill that heading is for (see take) */
    tna_error *err;
    tna_status status;
} mapper;

/* How messages name column c: its number and the text of its text row. */
static char *shown(const mapper *m, int c)
{
    const tna_preset_info *p = tna_preset_get(m->source->preset);
    guint r = (guint)(p->text_row > 0 ? p->text_row - 1 : 0);
    const GPtrArray *row = r < m->rows->rows->len ? g_ptr_array_index(m->rows->rows, r) : NULL;
    const char *t = cell(row, (guint)c);
    if (blank(t))
        t = cell(g_ptr_array_index(m->rows->rows, 0), (guint)c);
    return g_strdup_printf("column %d ('%s')", c + 1, t);
}

static void fail(mapper *m, const char *fmt, ...) TNA_PRINTF(2, 3);
static void fail(mapper *m, const char *fmt, ...)
{
    if (m->status != TNA_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    m->status = tna_error_setv(m->err, TNA_ERR_INPUT, m->path, m->line, 0, fmt, ap);
    va_end(ap);
}

/* The columns whose names hold key at the first level that has any; *n of them. */
static int *find(const mapper *m, const char *key, int *n)
{
    size_t found = 0;
    int *out = tna_colnames_find(m->names, key, &found);
    *n = (int)found;
    return out;
}

static bool side_by_side(const int *cols, int n)
{
    for (int i = 1; i < n; i++)
        if (cols[i] != cols[i - 1] + 1)
            return false;
    return true;
}

static void too_many(mapper *m, const char *heading, const int *cols, int n)
{
    char *a = shown(m, cols[0]), *b = shown(m, cols[1]);
    fail(m,
         "heading '%s' matches %d columns, %s and %s: name the one you mean with its full "
         "heading",
         heading, n, a, b);
    g_free(a);
    g_free(b);
}

/* Marks columns as taken by heading, which is for `who` (a field, or TNA_FIELD_COUNT + a
 * skill's index); an error when a heading for something else took one first. Headings of
 * one field may overlap (a question and one of its columns). */
static void take(mapper *m, const char *heading, int who, const int *cols, int n)
{
    for (int i = 0; i < n && m->status == TNA_OK; i++) {
        const char *first = m->owner[cols[i]];
        if (first != NULL && m->owner_id[cols[i]] != who) {
            char *c = shown(m, cols[i]);
            fail(m, "headings '%s' and '%s' both match %s: give one of them in full", first,
                 heading, c);
            g_free(c);
        }
        m->owner[cols[i]] = heading;
        m->owner_id[cols[i]] = who;
    }
}

/* Appends the columns not already in `into`. */
static void add_new(GArray *into, const int *cols, int n)
{
    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (guint j = 0; j < into->len && !seen; j++)
            seen = g_array_index(into, int, j) == cols[i];
        if (!seen)
            g_array_append_val(into, cols[i]);
    }
}

/* The nearest header text to `want`, for a hint. */
static const char *nearest_heading(const header_rows *rows, const char *want)
{
    const char *best = NULL;
    int best_d = 4;
    for (guint r = 0; r < rows->rows->len; r++) {
        const GPtrArray *row = g_ptr_array_index(rows->rows, r);
        for (guint c = 0; c < row->len; c++) {
            char *k = tna_text_key(cell(row, c), -1);
            if (k) {
                int d = tna_text_distance(k, want, 3);
                if (d < best_d) {
                    best_d = d;
                    best = cell(row, c);
                }
            }
            g_free(k);
        }
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

static void note_max(column_map *map, int col)
{
    if (col > map->max_needed)
        map->max_needed = col;
}

/* The generic labels a tool writes under a question that has one column. */
static bool generic_label(const char *key)
{
    static const char *const words[] = {"response", "open-ended response", "responses",
                                        "answer",   "selected choice",     NULL};
    for (const char *const *w = words; *w; w++)
        if (strcmp(key, *w) == 0)
            return true;
    return false;
}

/* What barriers column c holds (see the top of the file). */
static barrier_col barrier_column(mapper *m, int c, const tna_column_ref *ref, dq_fn dq,
                                  void *dq_ctx)
{
    barrier_col b = {c, BARRIER_LIST, TNA_NONE};
    if (ref->option != TNA_NONE) {
        b.kind = BARRIER_OPTION;
        b.barrier = ref->option;
        return b;
    }
    int option_row = 0;
    const char *option = tna_colnames_option(m->names, (size_t)c, &option_row);
    char *key = option ? tna_text_key(option, -1) : NULL;
    const tna_preset_info *p = tna_preset_get(m->source->preset);
    if (key == NULL || key[0] == '\0' || generic_label(key)) {
        /* a list in one cell */
    } else if (tna_answer_is_other(key)) {
        b.kind = BARRIER_OTHER;
    } else if (p->multi == TNA_MULTI_COLUMNS) {
        int v = tna_answer_match(m->model, m->source_index, TNA_FIELD_BARRIERS, 0, option);
        b.kind = BARRIER_OPTION;
        b.barrier = v >= 0                    ? (uint32_t)v
                    : v == TNA_ANSWER_MISSING ? TNA_NONE
                                              : m->model->barrier_other;
        if (v == TNA_ANSWER_UNKNOWN)
            dq(dq_ctx, m->line + option_row, c + 1, option,
               TNA_DQ_BARRIER_OPTION_UNMATCHED, NULL);
    }
    g_free(key);
    return b;
}

static void map_barriers(mapper *m, column_map *map, dq_fn dq, void *dq_ctx)
{
    const tna_source *s = m->source;
    size_t nref = s->n_columns[TNA_FIELD_BARRIERS];
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(barrier_col));
    for (size_t r = 0; r < nref && m->status == TNA_OK; r++) {
        const tna_column_ref *ref = &s->columns[TNA_FIELD_BARRIERS][r];
        int n = 0;
        int *found = find(m, ref->key, &n);
        if (n == 0)
            dq(dq_ctx, m->line, 0, ref->heading, TNA_DQ_NO_COLUMN,
               tna_field_names[TNA_FIELD_BARRIERS]);
        take(m, ref->heading, TNA_FIELD_BARRIERS, found, n);
        for (int i = 0; i < n; i++) {
            bool seen = false;
            for (guint j = 0; j < cols->len && !seen; j++)
                seen = g_array_index(cols, barrier_col, j).col == found[i];
            if (seen)
                continue;
            barrier_col b = barrier_column(m, found[i], ref, dq, dq_ctx);
            g_array_append_val(cols, b);
            note_max(map, found[i]);
        }
        g_free(found);
    }
    map->n_barriers = (int)cols->len;
    map->barriers = (barrier_col *)g_array_free(cols, FALSE);
    map->field[TNA_FIELD_BARRIERS] = map->n_barriers > 0 ? map->barriers[0].col : -1;
}

/* A field other than barriers: its headings in order; each takes one column, or several
 * side by side. */
static void map_field(mapper *m, column_map *map, tna_field f, dq_fn dq, void *dq_ctx)
{
    const tna_source *s = m->source;
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(int));
    for (size_t r = 0; r < s->n_columns[f] && m->status == TNA_OK; r++) {
        const tna_column_ref *ref = &s->columns[f][r];
        int n = 0;
        int *found = find(m, ref->key, &n);
        if (n > 1 && !side_by_side(found, n))
            too_many(m, ref->heading, found, n);
        take(m, ref->heading, (int)f, found, n);
        add_new(cols, found, n);
        g_free(found);
    }
    map->field[f] = cols->len > 0 ? g_array_index(cols, int, 0) : -1;
    for (guint i = 0; i < cols->len; i++)
        note_max(map, g_array_index(cols, int, i));
    if (cols->len > 1) {
        map->n_cols[f] = (int)cols->len;
        map->cols[f] = (int *)g_array_free(cols, FALSE);
    } else {
        g_array_free(cols, TRUE);
    }
    if (m->status != TNA_OK || s->n_columns[f] == 0 || map->field[f] >= 0)
        return;
    const tna_column_ref *first = &s->columns[f][0];
    if (field_required(s, f)) {
        const char *near = nearest_heading(m->rows, first->key);
        fail(m, "no column headed '%s' for %s%s%s%s", first->heading, tna_field_names[f],
             near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    } else {
        dq(dq_ctx, m->line, 0, first->heading, TNA_DQ_NO_COLUMN, tna_field_names[f]);
    }
}

static void map_skills(mapper *m, column_map *map, dq_fn dq, void *dq_ctx)
{
    const tna_source *s = m->source;
    map->skill_col = g_new(int, s->n_skills ? s->n_skills : 1);
    size_t found_any = 0;
    for (size_t k = 0; k < s->n_skills && m->status == TNA_OK; k++) {
        int n = 0;
        int *found = find(m, s->skills[k].key, &n);
        map->skill_col[k] = n > 0 ? found[0] : -1;
        if (n > 1)
            too_many(m, s->skills[k].heading, found, n);
        take(m, s->skills[k].heading, TNA_FIELD_COUNT + (int)k, found, n > 1 ? 1 : n);
        g_free(found);
        if (map->skill_col[k] >= 0) {
            found_any++;
            note_max(map, map->skill_col[k]);
        }
    }
    /* a skill may have several headings (a questionnaire's earlier wording): only a skill
     * none of whose headings is a column has no column */
    bool *read = g_new0(bool, m->model->n_skills + 1);
    for (size_t k = 0; k < s->n_skills; k++)
        read[s->skills[k].skill] |= map->skill_col[k] >= 0;
    for (size_t k = 0; k < s->n_skills && m->status == TNA_OK; k++)
        if (!read[s->skills[k].skill])
            dq(dq_ctx, m->line, 0, s->skills[k].heading, TNA_DQ_NO_SKILL_COLUMN,
               m->model->skills[s->skills[k].skill].id);
    g_free(read);
    if (m->status == TNA_OK && s->format == TNA_FORMAT_WIDE && found_any == 0)
        fail(m, "none of the %zu skill headings in the configuration is a column of this file",
             s->n_skills);
}

static void map_exclusions(mapper *m, column_map *map)
{
    const tna_source *s = m->source;
    map->exclude_col = g_new(int, s->n_exclude ? s->n_exclude : 1);
    for (size_t x = 0; x < s->n_exclude && m->status == TNA_OK; x++) {
        int n = 0;
        int *found = find(m, s->exclude[x].key, &n);
        map->exclude_col[x] = n > 0 ? found[0] : -1;
        if (n > 1)
            too_many(m, s->exclude[x].heading, found, n);
        else if (n == 0 && !s->exclude_from_preset)
            fail(m, "no column headed '%s' for exclude_rows", s->exclude[x].heading);
        note_max(map, map->exclude_col[x]);
        g_free(found);
    }
}

tna_status tna_headings_map(const tna_model *model, uint32_t source, const header_rows *rows,
                        const char *path, long header_line, column_map *map, dq_fn dq, void *dq_ctx,
                        tna_error *err)
{
    const tna_source *s = &model->sources[source];
    memset(map, 0, sizeof *map);
    map->max_needed = -1;
    guint ncol = 0;
    for (guint r = 0; r < rows->rows->len; r++)
        ncol = MAX(ncol, ((GPtrArray *)g_ptr_array_index(rows->rows, r))->len);
    map->n_header = (int)((GPtrArray *)g_ptr_array_index(rows->rows, 0))->len;
    guint n_rows = rows->rows->len;
    const char *const **cells = g_new(const char *const *, n_rows);
    size_t *lens = g_new(size_t, n_rows);
    for (guint r = 0; r < n_rows; r++) {
        const GPtrArray *row = g_ptr_array_index(rows->rows, r);
        cells[r] = (const char *const *)row->pdata;
        lens[r] = row->len;
    }
    mapper m = {model,
                s,
                source,
                rows,
                path,
                header_line,
                ncol,
                tna_colnames_new(s->preset, cells, lens, n_rows),
                g_new0(const char *, ncol + 1),
                g_new0(int, ncol + 1),
                err,
                TNA_OK};
    g_free(cells);
    g_free(lens);

    for (int f = 0; f < TNA_FIELD_COUNT; f++) {
        map->field[f] = -1;
        if (f != TNA_FIELD_BARRIERS)
            map_field(&m, map, (tna_field)f, dq, dq_ctx);
    }
    map_barriers(&m, map, dq, dq_ctx);
    map_skills(&m, map, dq, dq_ctx);
    map_exclusions(&m, map);

    tna_colnames_free(m.names);
    g_free(m.owner);
    g_free(m.owner_id);
    if (m.status != TNA_OK)
        tna_column_map_clear(map);
    return m.status;
}
