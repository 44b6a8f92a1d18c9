/*
 * colnames.c - the names each column answers to (include/tna/colnames.h).
 *
 * Why three levels: a user lists the statements of a grid, not the tool's full headings, yet
 * the exact text must always win over a derived name, so names are tried level by level and
 * the first level where any column has the key decides. The splits below are how each tool
 * joins a grid question and its row; each adds both parts at level 2 and remembers the raw
 * row (option) and question texts for messages, barrier options and `tna init`.
 */
#include <glib.h>
#include <string.h>

#include "tna/colnames.h"
#include "tna/presets.h"
#include "tna/text.h"

/* Grid headings are a question and a row, so a few splits find them; the caps keep a
 * hostile header (a megabyte of " - ") from costing quadratic time and memory. */
#define SPLIT_MAX_BYTES 4096
#define SPLIT_MAX       16

typedef struct colname {
    GPtrArray *keys[TNA_COLNAMES_LEVELS]; /* char *, owned */
    char *option;   /* the row or option text under or in the heading, or NULL */
    int option_row; /* the header row (0-based) that text is in */
    char *question; /* the question part, or NULL */
    const char *text;
} colname;

struct tna_colnames {
    colname *cols;
    size_t n;
    GStringChunk *texts;
};

static void add_key(GPtrArray *keys, const char *text, long len)
{
    if (len < 0)
        len = (long)strlen(text);
    if (tna_text_blank(text, (size_t)len))
        return;
    char *k = tna_text_key(text, len);
    if (k != NULL)
        g_ptr_array_add(keys, k);
}

static char *stripped(const char *text, long len)
{
    return g_strstrip(g_strndup(text, len < 0 ? strlen(text) : (size_t)len));
}

static void set_option(colname *n, const char *text, long len)
{
    g_free(n->option);
    n->option = stripped(text, len);
}

/* The question part: the first one found (the text before a heading's first split). */
static void set_question(colname *n, const char *text, long len)
{
    if (n->question == NULL)
        n->question = stripped(text, len);
}

/* "Question [Row]": Row and Question at level 2. */
static void split_brackets(colname *n, const char *s)
{
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len < 2 || s[len - 1] != ']')
        return;
    const char *open = NULL;
    for (const char *p = s; p < s + len - 1; p++)
        if (*p == '[')
            open = p;
    if (open == NULL)
        return;
    add_key(n->keys[2], open + 1, (long)(s + len - 1 - (open + 1)));
    add_key(n->keys[2], s, (long)(open - s));
    set_option(n, open + 1, (long)(s + len - 1 - (open + 1)));
    g_free(n->question);
    n->question = NULL;
    set_question(n, s, (long)(open - s));
}

/* "Question - Row": what stands before and after every " - " (a question may hold one). */
static void split_dash(colname *n, const char *s)
{
    int splits = 0;
    for (const char *p = strstr(s, " - "); p && splits++ < SPLIT_MAX; p = strstr(p + 1, " - ")) {
        add_key(n->keys[2], s, (long)(p - s));
        add_key(n->keys[2], p + 3, -1);
        set_option(n, p + 3, -1);
        set_question(n, s, (long)(p - s));
    }
}

/* "Question.Row": a dot with no space after it, and not inside a number ("WCAG 2.2"). */
static void split_dot(colname *n, const char *s)
{
    int splits = 0;
    for (const char *p = strchr(s, '.'); p && splits < SPLIT_MAX; p = strchr(p + 1, '.')) {
        if (p == s || p[1] == '\0' || p[1] == ' ' ||
            (g_ascii_isdigit(p[-1]) && g_ascii_isdigit(p[1])))
            continue;
        add_key(n->keys[2], s, (long)(p - s));
        add_key(n->keys[2], p + 1, -1);
        set_option(n, p + 1, -1);
        set_question(n, s, (long)(p - s));
        splits++;
    }
}

/* LimeSurvey: "code", "code[SQ001]", "code. text", "code[SQ001]. text [Row]". */
static void limesurvey(colname *n, const char *h)
{
    const char *dot = strstr(h, ". ");
    char *code = NULL;
    const char *text = NULL;
    if (dot != NULL && memchr(h, ' ', (size_t)(dot - h)) == NULL) {
        code = g_strndup(h, (gsize)(dot - h));
        text = dot + 2;
        add_key(n->keys[1], code, -1);
        add_key(n->keys[1], text, -1);
    } else if (strchr(h, ' ') == NULL) {
        code = g_strdup(h);
    } else {
        text = h;
    }
    size_t len = code ? strlen(code) : 0;
    const char *open = code ? strchr(code, '[') : NULL;
    if (open != NULL && len > 0 && code[len - 1] == ']') {
        add_key(n->keys[2], code, (long)(open - code));
        add_key(n->keys[2], open + 1, (long)(code + len - 1 - (open + 1)));
        set_option(n, open + 1, (long)(code + len - 1 - (open + 1)));
        set_question(n, code, (long)(open - code));
    }
    if (text != NULL)
        split_brackets(n, text); /* the text's question and row win over the code's */
    g_free(code);
}

static const char *cell(const char *const *const *rows, const size_t *lens, size_t r, size_t c)
{
    return c < lens[r] && rows[r][c] != NULL ? rows[r][c] : "";
}

static bool blank(const char *s)
{
    return tna_text_blank(s, strlen(s));
}

/* A tool that writes a question over its first column only: the question is this column's,
 * or the nearest to its left (blank cells continue it); the rows under it name the row or
 * option. */
static void name_carried(colname *n, const char *const *const *rows, const size_t *lens,
                         size_t n_rows, size_t i)
{
    const char *question = "";
    bool named = false; /* a column blank in every header row (a trailing delimiter) is no
                           part of the question to its left */
    for (size_t r = 0; r < n_rows; r++)
        named |= !blank(cell(rows, lens, r, i));
    for (size_t j = i + 1; named && j-- > 0 && blank(question);)
        question = cell(rows, lens, 0, j);
    if (strlen(question) > SPLIT_MAX_BYTES)
        return; /* not copied to every column of a hostile header */
    add_key(n->keys[0], question, -1);
    if (!blank(question))
        set_question(n, question, -1);
    for (size_t r = 1; r < n_rows; r++) {
        const char *sub = cell(rows, lens, r, i);
        if (blank(sub))
            continue;
        char *joined = g_strdup_printf("%s - %s", question, sub);
        add_key(n->keys[1], joined, -1);
        g_free(joined);
        set_option(n, sub, -1);
        n->option_row = (int)r;
    }
}

/* The names of column i (see colnames.h). */
static void name_column(tna_colnames *names, const tna_preset_info *p,
                        const char *const *const *rows, const size_t *lens, size_t n_rows, size_t i)
{
    colname *n = &names->cols[i];
    for (int l = 0; l < TNA_COLNAMES_LEVELS; l++)
        n->keys[l] = g_ptr_array_new_with_free_func(g_free);
    size_t text_row = (size_t)(p->text_row > 0 ? p->text_row - 1 : 0);
    n->text =
        g_string_chunk_insert(names->texts, text_row < n_rows ? cell(rows, lens, text_row, i) : "");
    for (size_t r = 0; r < n_rows; r++)
        add_key(n->keys[0], cell(rows, lens, r, i), -1);
    if (p->id == TNA_PRESET_NONE)
        return;
    if (p->question_carried) {
        name_carried(n, rows, lens, n_rows, i);
        return;
    }
    n->option_row = (int)text_row;
    const char *h = n->text;
    if (strlen(h) > SPLIT_MAX_BYTES)
        return; /* no grid heading is that long */
    if (p->codes)
        limesurvey(n, h);
    else if (p->grid == TNA_GRID_BRACKETS)
        split_brackets(n, h);
    else if (p->grid == TNA_GRID_DASH)
        split_dash(n, h);
    else if (p->grid == TNA_GRID_DOT)
        split_dot(n, h);
}

tna_colnames *tna_colnames_new(tna_preset preset, const char *const *const *rows,
                               const size_t *lens, size_t n_rows)
{
    tna_colnames *names = g_new0(tna_colnames, 1);
    names->texts = g_string_chunk_new(1024);
    for (size_t r = 0; r < n_rows; r++)
        names->n = MAX(names->n, lens[r]);
    names->cols = g_new0(colname, names->n ? names->n : 1);
    const tna_preset_info *p = tna_preset_get(preset);
    for (size_t c = 0; c < names->n; c++)
        name_column(names, p, rows, lens, n_rows, c);
    return names;
}

void tna_colnames_free(tna_colnames *names)
{
    if (names == NULL)
        return;
    for (size_t c = 0; c < names->n; c++) {
        for (int l = 0; l < TNA_COLNAMES_LEVELS; l++)
            g_ptr_array_free(names->cols[c].keys[l], TRUE);
        g_free(names->cols[c].option);
        g_free(names->cols[c].question);
    }
    g_free(names->cols);
    g_string_chunk_free(names->texts);
    g_free(names);
}

size_t tna_colnames_count(const tna_colnames *names)
{
    return names ? names->n : 0;
}

bool tna_colnames_has(const tna_colnames *names, size_t col, int level, const char *key)
{
    if (names == NULL || col >= names->n || level < 0 || level >= TNA_COLNAMES_LEVELS)
        return false;
    const GPtrArray *keys = names->cols[col].keys[level];
    for (guint k = 0; k < keys->len; k++)
        if (strcmp(g_ptr_array_index(keys, k), key) == 0)
            return true;
    return false;
}

int *tna_colnames_find(const tna_colnames *names, const char *key, size_t *n)
{
    *n = 0;
    if (names == NULL || names->n == 0 || key == NULL)
        return NULL;
    int *out = g_new(int, names->n);
    for (int l = 0; l < TNA_COLNAMES_LEVELS && *n == 0; l++)
        for (size_t c = 0; c < names->n; c++)
            if (tna_colnames_has(names, c, l, key))
                out[(*n)++] = (int)c;
    if (*n == 0) {
        g_free(out);
        return NULL;
    }
    return out;
}

const char *const *tna_colnames_keys(const tna_colnames *names, size_t col, int level, size_t *n)
{
    *n = 0;
    if (names == NULL || col >= names->n || level < 0 || level >= TNA_COLNAMES_LEVELS)
        return NULL;
    const GPtrArray *keys = names->cols[col].keys[level];
    *n = keys->len;
    return (const char *const *)keys->pdata;
}

const char *tna_colnames_option(const tna_colnames *names, size_t col, int *row)
{
    if (names == NULL || col >= names->n)
        return NULL;
    if (row != NULL)
        *row = names->cols[col].option_row;
    return names->cols[col].option;
}

const char *tna_colnames_question(const tna_colnames *names, size_t col)
{
    return names && col < names->n ? names->cols[col].question : NULL;
}

const char *tna_colnames_text(const tna_colnames *names, size_t col)
{
    return names && col < names->n ? names->cols[col].text : "";
}
