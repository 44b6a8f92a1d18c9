/*
 * cells.c - one field of one row: which cell it is read from, what the cell means, and the
 * data-quality entry when it means nothing. rows.c calls these for each row.
 *
 * A field with several columns is read from the first non-blank one; a cell that only says
 * "Other" gives way to a later non-blank column (the typed text). Every meaning comes from
 * tna_value_match() (a cache over answers.h), so each distinct text is matched once per file.
 *
 * Cells that are not valid UTF-8 (or hold a NUL byte) are never used as data: they are
 * logged with the encoding read (tna_dq_text), whose words name `encoding: windows-1252`,
 * since a file saved by an old spreadsheet in that encoding is the usual cause. The log holds
 * reason codes (dq_reason.h); the words come from the glossary when a report is written.
 */
#include <stdio.h>
#include <string.h>

#include "reader.h"
#include "tna/answers.h"
#include "tna/text.h"

#define DQ_VALUE_MAX   200
#define BITS_UNMATCHED ((uint64_t)1 << 63) /* cached with a list's bits: log its pieces */
#define LIST_MAX_CHOICES 64 /* pieces of one barriers cell */
#define LIST_MAX_RUN 4      /* pieces one option may span ("Travel, e.g. to Cardiff, ...") */
#define NOT_FOUND INT64_MIN /* tna_cell_levels: the cell was not at home in the cache */

/* What a cell the reader flagged fails to be, in the encoding the file is read in. */
static tna_dq_text cell_bad_text(const worker *w)
{
    switch (w->stats.encoding) {
    case TNA_ENCODING_WINDOWS_1252:
        return TNA_DQ_TEXT_WIN1252;
    case TNA_ENCODING_UTF16LE:
    case TNA_ENCODING_UTF16BE:
        return TNA_DQ_TEXT_UTF16;
    default:
        return TNA_DQ_TEXT_UTF8;
    }
}

/* ---- the data-quality log ------------------------------------------------------------------ */

/* An entry of a log, its strings kept in sc. A value over DQ_VALUE_MAX bytes is cut there (on
 * a character boundary) and ends in "..."; entries are made once, by whoever read the row,
 * and copied as they are when workers are joined, so no value is ever cut twice. */
static tna_dq_entry dq_make(GStringChunk *sc, const char *path, long line, long column,
                            const char *value, tna_dq_why why, bool note)
{
    char shortened[DQ_VALUE_MAX + 8];
    if (value && strlen(value) > DQ_VALUE_MAX) {
        /* cut on a character boundary */
        const char *end = g_utf8_find_prev_char(value, value + DQ_VALUE_MAX);
        size_t n = end ? (size_t)(end - value) : 0;
        memcpy(shortened, value, n);
        memcpy(shortened + n, "...", 4);
        value = shortened;
    }
    tna_dq_entry e = {path,
                      line,
                      column,
                      g_string_chunk_insert_const(sc, value ? value : ""),
                      why.reason,
                      why.bad,
                      g_string_chunk_insert_const(sc, why.detail ? why.detail : ""),
                      note};
    return e;
}

static void dq_entry(worker *w, long line, long column, const char *value, tna_dq_why why,
                     bool note)
{
    tna_dq_entry e = dq_make(w->strings, w->file->path, line, column, value, why, note);
    g_array_append_val(w->dq, e);
}

void tna_dq_period(run_ctx *run, period_ctx *per, const char *path, long line, long column,
                   const char *value, tna_dq_why why, bool note)
{
    tna_dq_entry e = dq_make(run->strings, path, line, column, value, why, note);
    g_array_append_val(per->dq, e);
}

void tna_dq_add(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                const char *detail)
{
    dq_entry(w, line, column, value, (tna_dq_why){reason, TNA_DQ_TEXT_NA, detail}, false);
}

void tna_dq_not_text(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                     const char *detail)
{
    dq_entry(w, line, column, value, (tna_dq_why){reason, cell_bad_text(w), detail}, false);
}

void tna_dq_note(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                 const char *detail)
{
    dq_entry(w, line, column, value, (tna_dq_why){reason, TNA_DQ_TEXT_NA, detail}, true);
}

void tna_dq_callback(void *ctx, long line, long column, const char *value, tna_dq_reason reason,
                     const char *detail)
{
    tna_dq_add(ctx, line, column, value, reason, detail);
}

/* ---- cells ---------------------------------------------------------------------------------- */

const char *tna_cell_text(const tna_csv_record *r, int col)
{
    return col >= 0 && (size_t)col < r->n ? r->fields[col] : "";
}

size_t tna_cell_len(const tna_csv_record *r, int col)
{
    return col >= 0 && (size_t)col < r->n ? r->lens[col] : 0;
}

bool tna_cell_invalid(const tna_csv_record *r, int col)
{
    return col >= 0 && (size_t)col < r->n && r->invalid[col];
}

static bool cell_blank(const tna_csv_record *r, int col)
{
    return col < 0 || (size_t)col >= r->n || tna_text_blank(r->fields[col], r->lens[col]);
}

int tna_cell_col(const worker *w, const tna_csv_record *r, tna_field field)
{
    const column_map *m = &w->file->map;
    if (m->cols[field] == NULL)
        return m->field[field];
    int n = m->n_cols[field];
    for (int i = 0; i < n; i++) {
        int c = m->cols[field][i];
        if (cell_blank(r, c))
            continue;
        if (i + 1 < n && !tna_cell_invalid(r, c)) {
            char *key = tna_text_key(tna_cell_text(r, c), -1);
            bool other = tna_answer_is_other(key);
            g_free(key);
            if (other) /* the choice "Other": the text typed for it, if any, comes later */
                for (int j = i + 1; j < n; j++)
                    if (!cell_blank(r, m->cols[field][j]))
                        return m->cols[field][j];
        }
        return c;
    }
    return m->field[field];
}

bool tna_cell_respondent_ok(worker *w, const tna_csv_record *r)
{
    int col = tna_cell_col(w, r, TNA_FIELD_RESPONDENT);
    if (!tna_cell_invalid(r, col))
        return true;
    tna_dq_not_text(w, r->line, col + 1, tna_cell_text(r, col), TNA_DQ_RESPONDENT_NOT_TEXT, NULL);
    w->stats.invalid_text++;
    return false;
}

bool tna_cell_who(worker *w, const tna_csv_record *r, bool required, uint32_t *authority,
                  uint32_t *role)
{
    static const struct {
        tna_field field;
        tna_dq_reason not_text, none, unknown;
    } who[2] = {{TNA_FIELD_AUTHORITY, TNA_DQ_AUTHORITY_NOT_TEXT, TNA_DQ_NO_AUTHORITY,
                 TNA_DQ_UNKNOWN_AUTHORITY},
                {TNA_FIELD_ROLE, TNA_DQ_ROLE_NOT_TEXT, TNA_DQ_NO_ROLE, TNA_DQ_UNKNOWN_ROLE}};
    uint32_t *out[2] = {authority, role};
    value_cache *cache[2] = {&w->authority_cache, &w->role_cache};
    for (int i = 0; i < 2; i++) {
        int col = tna_cell_col(w, r, who[i].field);
        *out[i] = TNA_NONE;
        if (col < 0)
            continue;
        const char *text = tna_cell_text(r, col);
        int m = tna_cell_invalid(r, col)
                    ? TNA_ANSWER_UNKNOWN
                    : tna_value_match(w->run->model, w->file->source_index, who[i].field, 0,
                                      cache[i], text, tna_cell_len(r, col));
        if (m >= 0) {
            *out[i] = (uint32_t)m;
            continue;
        }
        if (!required && m == TNA_ANSWER_MISSING)
            continue;
        if (tna_cell_invalid(r, col))
            tna_dq_not_text(w, r->line, col + 1, text, who[i].not_text, NULL);
        else
            tna_dq_add(w, r->line, col + 1, text,
                       m == TNA_ANSWER_MISSING ? who[i].none : who[i].unknown, NULL);
        return false;
    }
    return true;
}

/* ---- barriers -------------------------------------------------------------------------------- */

/* The bits of a cell listing options between separators. Options may hold the separator
 * themselves ("Travel, e.g. to Cardiff" in Google Forms' ", "), so the longest run of pieces
 * (up to LIST_MAX_RUN) that matches a barrier is taken first. Pieces that match nothing cite
 * other; with `log` each is logged. A cell of more than LIST_MAX_CHOICES pieces is no list
 * of choices: it cites other, logged once. */
static uint64_t list_bits(worker *w, const tna_csv_record *r, int col, bool log)
{
    const tna_model *m = w->run->model;
    const char *sep = w->file->source->barrier_separator;
    w->barrier_cache.matched++; /* the cache it is kept in (or, to log, is not read from) */
    char **parts = g_strsplit(tna_cell_text(r, col), sep, -1);
    guint n = g_strv_length(parts);
    uint64_t bits = 0;
    if (n > LIST_MAX_CHOICES) { /* no survey offers that many: not a list of choices */
        if (log)
            tna_dq_add(w, r->line, col + 1, tna_cell_text(r, col), TNA_DQ_BARRIERS_TOO_MANY, NULL);
        g_strfreev(parts);
        return (uint64_t)1 << m->barrier_other | BITS_UNMATCHED;
    }
    for (guint i = 0; i < n;) {
        guint best = 0;
        int meaning = TNA_ANSWER_UNKNOWN;
        for (guint j = MIN(n, i + LIST_MAX_RUN); j > i && best == 0; j--) {
            GString *g = g_string_new(parts[i]);
            for (guint k = i + 1; k < j; k++)
                g_string_append(g_string_append(g, sep), parts[k]);
            /* a run of several pieces must match as a whole text (names, aliases,
             * answers:), or "A / B, C / D" would read as one bilingual option */
            int v;
            if (j - i == 1) {
                v = tna_answer_match(m, w->file->source_index, TNA_FIELD_BARRIERS, 0, g->str);
            } else {
                char *key = tna_text_key(g->str, -1);
                v = key ? tna_answer_match_key(m, w->file->source_index, TNA_FIELD_BARRIERS, 0, key)
                        : TNA_ANSWER_UNKNOWN;
                g_free(key);
            }
            g_string_free(g, TRUE);
            if (v != TNA_ANSWER_UNKNOWN) {
                best = j - i;
                meaning = v;
            }
        }
        if (best == 0) { /* a piece that matches nothing: other, unless it is blank */
            char *piece = g_strstrip(g_strdup(parts[i]));
            if (*piece != '\0') {
                bits |= (uint64_t)1 << m->barrier_other | BITS_UNMATCHED;
                if (log)
                    tna_dq_add(w, r->line, col + 1, piece, TNA_DQ_BARRIER_UNMATCHED, NULL);
            }
            g_free(piece);
            i++;
            continue;
        }
        if (meaning >= 0)
            bits |= (uint64_t)1 << meaning;
        i += best;
    }
    g_strfreev(parts);
    return bits;
}

/* Whether an option column's cell cites its option: non-blank and not a "no". */
static bool option_cited(worker *w, const tna_csv_record *r, int col)
{
    if (cell_blank(r, col))
        return false;
    int v = tna_value_match(w->run->model, TNA_NONE, TNA_FIELD_TRAINED, 0, &w->option_cache,
                            tna_cell_text(r, col), tna_cell_len(r, col));
    return v != TNA_NO;
}

uint64_t tna_cell_barriers(worker *w, const tna_csv_record *r, bool *answered)
{
    const column_map *map = &w->file->map;
    uint64_t bits = 0;
    *answered = false;
    for (int i = 0; i < map->n_barriers; i++) {
        const barrier_col *b = &map->barriers[i];
        if (cell_blank(r, b->col))
            continue;
        *answered = true;
        if (tna_cell_invalid(r, b->col)) {
            tna_dq_not_text(w, r->line, b->col + 1, tna_cell_text(r, b->col),
                            TNA_DQ_BARRIERS_NOT_TEXT, NULL);
            w->stats.invalid_text++;
            continue;
        }
        switch (b->kind) {
        case BARRIER_OPTION:
            if (b->barrier != TNA_NONE && option_cited(w, r, b->col))
                bits |= (uint64_t)1 << b->barrier;
            break;
        case BARRIER_OTHER:
            bits |= (uint64_t)1 << w->run->model->barrier_other;
            break;
        case BARRIER_LIST: {
            int64_t cached;
            uint64_t got;
            const char *text = tna_cell_text(r, b->col);
            size_t len = tna_cell_len(r, b->col);
            if (value_cache_get(&w->barrier_cache, text, len, &cached)) {
                got = (uint64_t)cached;
                if (got & BITS_UNMATCHED) /* log what matched nothing, on every row */
                    list_bits(w, r, b->col, true);
            } else {
                got = list_bits(w, r, b->col, true);
                tna_value_cache_put(&w->barrier_cache, text, len, (int64_t)got);
            }
            bits |= got & ~BITS_UNMATCHED;
            break;
        }
        }
    }
    return bits;
}

/* ---- levels and words ------------------------------------------------------------------------ */

static void unrecognised(worker *w, const tna_csv_record *r, int col, uint32_t skill,
                         bool invalid)
{
    const char *id = w->run->model->skills[skill].id;
    if (invalid) {
        tna_dq_not_text(w, r->line, col + 1, tna_cell_text(r, col), TNA_DQ_SKILL_NOT_TEXT, id);
        w->stats.invalid_text++;
    } else {
        tna_dq_add(w, r->line, col + 1, tna_cell_text(r, col), TNA_DQ_SKILL_UNRECOGNISED, id);
        w->stats.unrecognised_answers++;
    }
}

uint8_t tna_cell_level(worker *w, const tna_csv_record *r, int col, uint32_t skill)
{
    if (col < 0 || (size_t)col >= r->n)
        return TNA_LEVEL_NONE; /* as a blank cell */
    if (r->invalid[col]) {
        unrecognised(w, r, col, skill, true);
        return TNA_LEVEL_NONE;
    }
    const tna_model *m = w->run->model;
    uint32_t fw = m->topics[m->skills[skill].topic].framework;
    int lv = tna_value_match(m, w->file->source_index, TNA_FIELD_LEVEL, fw, &w->level_cache[fw],
                             r->fields[col], r->lens[col]);
    if (lv >= 0)
        return (uint8_t)lv;
    if (lv == TNA_ANSWER_UNKNOWN)
        unrecognised(w, r, col, skill, false);
    return TNA_LEVEL_NONE;
}

/* The levels of a wide row in two rounds: first every skill's cell is hashed and its home
 * slot read (the rounds of the loop do not wait for each other, so the loads overlap) and
 * the value kept when the slot holds the cell; then a cell not found at home (new, unknown,
 * not valid text, or moved on by a collision) takes the way of one cell, which may grow the
 * cache: the first round keeps values, never slots. */
void tna_cell_levels(worker *w, const tna_csv_record *r, uint8_t *levels)
{
    const file_ctx *f = w->file;
    const tna_source *source = f->source;
    size_t n = source->n_skills;
    int64_t *found = w->level_found;
    for (size_t s = 0; s < n; s++) {
        int col = f->map.skill_col[s];
        found[s] = NOT_FOUND;
        if (col < 0 || (size_t)col >= r->n)
            continue;
        uint64_t head, tail;
        size_t len = r->lens[col];
        cache_field_words(r->fields[col], len, &head, &tail);
        const value_cache *cache = &w->level_cache[f->skill_framework[s]];
        const cache_slot *slot = &cache->slots[cache_hash(head, tail, len) & cache->mask];
        bool hit = (slot->head == head) & (slot->tail == tail) & (slot->len == len) &
                   (slot->text != NULL) & (len <= 16) & !r->invalid[col] &
                   (slot->value != TNA_ANSWER_UNKNOWN); /* one branch, later */
        found[s] = hit ? slot->value : NOT_FOUND;
    }
    for (size_t s = 0; s < n; s++) {
        int col = f->map.skill_col[s];
        if (col < 0 || (size_t)col >= r->n)
            continue;
        uint32_t skill = source->skills[s].skill;
        if (found[s] != NOT_FOUND) {
            if (found[s] >= 0)
                tna_level_set(levels, skill, (uint8_t)found[s]);
            continue;
        }
        uint8_t lv = tna_cell_level(w, r, col, skill);
        if (lv != TNA_LEVEL_NONE)
            tna_level_set(levels, skill, lv);
    }
}

int tna_cell_eval_level(worker *w, const tna_csv_record *r, tna_field field, uint32_t topic)
{
    int col = tna_cell_col(w, r, field);
    if (col < 0 || topic == TNA_NONE)
        return -1;
    const tna_model *m = w->run->model;
    uint32_t fw = m->topics[topic].framework;
    int lv = tna_cell_invalid(r, col)
                 ? TNA_ANSWER_UNKNOWN
                 : tna_value_match(m, w->file->source_index, field, fw, &w->level_cache[fw],
                                   tna_cell_text(r, col), tna_cell_len(r, col));
    if (lv == TNA_ANSWER_UNKNOWN)
        tna_dq_add(w, r->line, col + 1, tna_cell_text(r, col), TNA_DQ_LEVEL_UNRECOGNISED, NULL);
    return lv >= 0 ? lv : -1;
}

/* The caches of the small vocabularies. */
static value_cache *word_cache(worker *w, tna_field field)
{
    switch (field) {
    case TNA_FIELD_TRAINED:
        return &w->trained_cache;
    case TNA_FIELD_APPLIED:
        return &w->applied_cache;
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return &w->medium_cache;
    case TNA_FIELD_RATER:
        return &w->rater_cache;
    default:
        return &w->satisfaction_cache;
    }
}

static tna_dq_reason word_problem(tna_field field)
{
    switch (field) {
    case TNA_FIELD_TRAINED:
    case TNA_FIELD_APPLIED:
        return TNA_DQ_YES_NO_UNRECOGNISED;
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return TNA_DQ_LANGUAGE_UNRECOGNISED;
    case TNA_FIELD_RATER:
        return TNA_DQ_RATER_UNRECOGNISED;
    default:
        return TNA_DQ_SATISFACTION_UNRECOGNISED;
    }
}

int tna_cell_word(worker *w, const tna_csv_record *r, tna_field field)
{
    int col = tna_cell_col(w, r, field);
    if (col < 0 || cell_blank(r, col))
        return -1;
    const char *text = tna_cell_text(r, col);
    if (tna_cell_invalid(r, col)) {
        tna_dq_not_text(w, r->line, col + 1, text, TNA_DQ_ANSWER_NOT_TEXT, NULL);
        w->stats.invalid_text++;
        return -1;
    }
    int v = tna_value_match(w->run->model, w->file->source_index, field, 0, word_cache(w, field),
                            text, tna_cell_len(r, col));
    if (v == TNA_ANSWER_UNKNOWN)
        tna_dq_add(w, r->line, col + 1, text, word_problem(field), NULL);
    return v >= 0 ? v : -1;
}

/* ---- rows that are not responses --------------------------------------------------------------
 */

bool tna_cell_excluded(worker *w, const tna_csv_record *r)
{
    const tna_source *s = w->file->source;
    for (size_t x = 0; x < s->n_exclude && x < 62; x++) {
        int col = w->file->map.exclude_col[x];
        if (col < 0 || cell_blank(r, col) || tna_cell_invalid(r, col))
            continue;
        const char *text = tna_cell_text(r, col);
        int64_t hits = 0; /* bit x: exclusion x lists this text */
        size_t len = tna_cell_len(r, col);
        if (!value_cache_get(&w->exclude_cache, text, len, &hits)) {
            char *key = tna_text_key(text, -1);
            for (size_t y = 0; key && y < s->n_exclude && y < 62; y++)
                for (size_t v = 0; v < s->exclude[y].n_values; v++)
                    if (strcmp(key, s->exclude[y].value_keys[v]) == 0)
                        hits |= (int64_t)1 << y;
            g_free(key);
            tna_value_cache_put(&w->exclude_cache, text, len, hits);
        }
        if (hits & ((int64_t)1 << x)) {
            /* the value is in the entry's value; the detail is the configured heading */
            tna_dq_note(w, r->line, col + 1, text, TNA_DQ_ROW_EXCLUDED, s->exclude[x].heading);
            return true;
        }
    }
    return false;
}
