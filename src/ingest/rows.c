/*
 * rows.c - one CSV record at a time into records, evaluations and data-quality entries.
 *
 * rows_on_record() is the csvread callback for a file: records above the header and the
 * header rows are kept until the header is complete, then headings.c maps the columns, and
 * every later record is a data row for the source's format. Rows are accepted or rejected,
 * never dropped: each rejection is a data-quality entry.
 *
 * With date_format auto the submission times are kept as text until the whole column has
 * been seen, then read in the one format that fits it (rows_settle_dates, dates.h).
 */
#include <stdio.h>
#include <string.h>

#include "ingest_internal.h"
#include "tna/config.h"
#include "tna/dates.h"
#include "tna/text.h"

#define PROGRESS_EVERY 65536
#define DQ_VALUE_MAX 200

/* ---- data-quality log -------------------------------------------------------------------- */

void rows_dq_add(file_ctx *f, long line, long column, const char *value, const char *reason)
{
    GStringChunk *sc = f->w->strings;
    char shortened[DQ_VALUE_MAX + 8];
    if (value && strlen(value) > DQ_VALUE_MAX) {
        /* cut on a character boundary */
        const char *end = g_utf8_find_prev_char(value, value + DQ_VALUE_MAX);
        size_t n = end ? (size_t)(end - value) : 0;
        memcpy(shortened, value, n);
        memcpy(shortened + n, "...", 4);
        value = shortened;
    }
    tna_dq_entry e = {f->path, line, column, g_string_chunk_insert_const(sc, value ? value : ""),
                      g_string_chunk_insert_const(sc, reason)};
    g_array_append_val(f->per->dq, e);
}

void rows_dq_callback(void *ctx, long line, long column, const char *value, const char *reason)
{
    rows_dq_add(ctx, line, column, value, reason);
}

/* ---- helpers ------------------------------------------------------------------------------ */

static const char *field_text(const tna_csv_record *r, int col)
{
    return col >= 0 && (size_t)col < r->n ? r->fields[col] : "";
}

static bool field_invalid(const tna_csv_record *r, int col)
{
    return col >= 0 && (size_t)col < r->n && r->invalid[col];
}

static bool row_blank(const tna_csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!tna_text_blank(r->fields[i], r->lens[i]))
            return false;
    return true;
}

static uint32_t new_id(worker *w, char *key)
{
    if (w->local_keys) {
        g_ptr_array_add(w->local_keys, key);
        return w->local_next++;
    }
    if (key && w->new_keys)
        g_ptr_array_add(w->new_keys, key);
    return (*w->next_id)++;
}

static uint32_t respondent_of(worker *w, const char *text)
{
    const char *s = text;
    size_t n = strlen(s);
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    if (n == 0)
        return new_id(w, NULL);
    char small[64];
    char *key = n < sizeof small ? small : g_malloc(n + 1);
    memcpy(key, s, n);
    key[n] = '\0';
    gpointer v = g_hash_table_lookup(w->respondents, key);
    if (v == NULL) {
        char *kept = g_string_chunk_insert_len(w->keys, key, (gssize)n);
        uint32_t id = new_id(w, kept);
        g_hash_table_insert(w->respondents, kept, GSIZE_TO_POINTER((gsize)id + 1));
        v = GSIZE_TO_POINTER((gsize)id + 1);
    }
    if (key != small)
        g_free(key);
    return (uint32_t)(GPOINTER_TO_SIZE(v) - 1);
}

/* Reads the submission time of a row; with auto, queues it until the column is known. */
static int64_t read_submitted(file_ctx *f, const tna_csv_record *r, size_t index, bool evaluation)
{
    int col = f->map.field[TNA_FIELD_SUBMITTED];
    const char *text = field_text(r, col);
    if (col < 0 || tna_text_blank(text, strlen(text)))
        return TNA_TIME_MISSING;
    if (field_invalid(r, col)) {
        rows_dq_add(f, r->line, col + 1, text, "date is not valid UTF-8");
        f->stats->invalid_text++;
        return TNA_TIME_MISSING;
    }
    if (f->source->date_format == TNA_DATE_AUTO) {
        tna_date_sniff_add(&f->sniff, text, strlen(text), r->line);
        pending_date p = {index, evaluation, r->line, col + 1,
                          g_string_chunk_insert(f->w->strings, text)};
        g_array_append_val(f->pending, p);
        return TNA_TIME_MISSING;
    }
    int64_t t;
    if (tna_date_parse(text, strlen(text), f->source->date_format, &t))
        return t;
    rows_dq_add(f, r->line, col + 1, text, "unreadable date; counted as the earliest");
    f->stats->bad_dates++;
    return TNA_TIME_MISSING;
}

/* Authority and role of a row; false (and a data-quality entry) when either is unusable. */
static bool read_who(file_ctx *f, const tna_csv_record *r, bool required, uint32_t *authority,
                     uint32_t *role)
{
    static const struct {
        tna_field field;
        const char *what;
    } who[2] = {{TNA_FIELD_AUTHORITY, "authority"}, {TNA_FIELD_ROLE, "role"}};
    uint32_t *out[2] = {authority, role};
    for (int i = 0; i < 2; i++) {
        int col = f->map.field[who[i].field];
        *out[i] = TNA_NONE;
        if (col < 0)
            continue;
        const char *text = field_text(r, col);
        int m = field_invalid(r, col) ? MATCH_INVALID
                : i == 0 ? match_authority(f->run->model, &f->w->authority_cache, text)
                         : match_role(f->run->model, &f->w->role_cache, text);
        if (m >= 0) {
            *out[i] = (uint32_t)m;
            continue;
        }
        if (!required && m == MATCH_BLANK)
            continue;
        char reason[96];
        snprintf(reason, sizeof reason, "%s %s; row left out",
                 m == MATCH_BLANK     ? "no"
                 : m == MATCH_INVALID ? "invalid UTF-8 in"
                                      : "unknown",
                 who[i].what);
        rows_dq_add(f, r->line, col + 1, text, reason);
        return false;
    }
    return true;
}

static void reject(file_ctx *f, const tna_csv_record *r, long column, const char *value,
                   const char *reason)
{
    if (reason)
        rows_dq_add(f, r->line, column, value, reason);
    f->stats->rejected++;
}

static uint64_t read_barriers(file_ctx *f, const tna_csv_record *r)
{
    int col = f->map.field[TNA_FIELD_BARRIERS];
    if (col < 0)
        return 0;
    if (field_invalid(r, col)) {
        rows_dq_add(f, r->line, col + 1, field_text(r, col),
                    "barriers answer is not valid UTF-8; not counted");
        f->stats->invalid_text++;
        return 0;
    }
    int64_t cached;
    if (value_cache_get(&f->w->barrier_cache, field_text(r, col), &cached))
        return (uint64_t)cached;
    uint64_t bits = 0;
    bool overflow = false;
    char **parts = g_strsplit(field_text(r, col), f->source->barrier_separator, -1);
    for (char **p = parts; *p; p++) {
        char *t = g_strstrip(*p);
        if (*t == '\0')
            continue;
        /* "Time" and "time " are one barrier: the table is keyed by the matching key, and
         * the first spelling seen is the one reports show. */
        char *key = tna_text_key(t, -1);
        gpointer v = key ? g_hash_table_lookup(f->w->barriers, key) : NULL;
        if (v == NULL) {
            if (f->w->barrier_list->len >= TNA_MAX_BARRIERS) {
                rows_dq_add(f, r->line, col + 1, t, "more than 64 distinct barriers; not counted");
                overflow = true;
                g_free(key);
                continue;
            }
            g_ptr_array_add(f->w->barrier_list, g_string_chunk_insert_const(f->w->strings, t));
            v = GSIZE_TO_POINTER((gsize)f->w->barrier_list->len);
            g_hash_table_insert(f->w->barriers, g_string_chunk_insert_const(f->w->strings, key), v);
        }
        g_free(key);
        bits |= (uint64_t)1 << (GPOINTER_TO_SIZE(v) - 1);
    }
    g_strfreev(parts);
    if (!overflow) /* an overflowing cell is logged every time it occurs */
        value_cache_put(&f->w->barrier_cache, field_text(r, col), (int64_t)bits);
    return bits;
}

static void unrecognised(file_ctx *f, const tna_csv_record *r, int col, uint32_t skill,
                         bool invalid)
{
    char reason[160];
    snprintf(reason, sizeof reason, "%s for skill %s; counted as missing",
             invalid ? "answer is not valid UTF-8" : "unrecognised answer",
             f->run->model->skills[skill].id);
    rows_dq_add(f, r->line, col + 1, field_text(r, col), reason);
    if (invalid)
        f->stats->invalid_text++;
    else
        f->stats->unrecognised_answers++;
}

/* The level of a cell for a skill: >= 0, or TNA_LEVEL_NONE (logged when unrecognised). */
static uint8_t read_level(file_ctx *f, const tna_csv_record *r, int col, uint32_t skill)
{
    if (field_invalid(r, col)) {
        unrecognised(f, r, col, skill, true);
        return TNA_LEVEL_NONE;
    }
    const tna_model *m = f->run->model;
    uint32_t fw = m->topics[m->skills[skill].topic].framework;
    int lv = match_level(m, fw, &f->w->level_cache[fw], field_text(r, col));
    if (lv >= 0)
        return (uint8_t)lv;
    if (lv == TNA_ANSWER_UNKNOWN)
        unrecognised(f, r, col, skill, false);
    return TNA_LEVEL_NONE;
}

static uint32_t find_named(GHashTable *names, const char *text)
{
    char *key = tna_text_key(text, -1);
    gpointer v = key ? g_hash_table_lookup(names, key) : NULL;
    g_free(key);
    return v ? (uint32_t)(GPOINTER_TO_SIZE(v) - 1) : TNA_NONE;
}

/* A small vocabulary's meaning of a cell, looked up once per distinct text. */
/* A yes/no or language answer; an answer that means nothing is logged and unknown. */
static int read_word(file_ctx *f, const tna_csv_record *r, int col, value_cache *cache,
                     int (*match)(const char *), const char *what);

static int cached_word(value_cache *cache, const char *text, int (*match)(const char *))
{
    int64_t v;
    if (!value_cache_get(cache, text, &v)) {
        v = match(text);
        value_cache_put(cache, text, v);
    }
    return (int)v;
}

static int yesno_of(const char *text)
{
    return (int)match_yesno(text);
}

static int medium_of(const char *text)
{
    return (int)match_medium(text);
}

static int read_word(file_ctx *f, const tna_csv_record *r, int col, value_cache *cache,
                     int (*match)(const char *), const char *what)
{
    const char *text = field_text(r, col);
    if (tna_text_blank(text, strlen(text)))
        return 0;
    if (field_invalid(r, col)) {
        rows_dq_add(f, r->line, col + 1, text, "answer is not valid UTF-8; taken as unknown");
        f->stats->invalid_text++;
        return 0;
    }
    int v = cached_word(cache, text, match);
    if (v == 0)
        rows_dq_add(f, r->line, col + 1, text, what);
    return v;
}

/* ---- rows --------------------------------------------------------------------------------- */

static tna_record *new_record(file_ctx *f, const tna_csv_record *r, uint32_t authority,
                              uint32_t role)
{
    size_t ns = f->run->model->n_skills;
    tna_record rec = {0};
    rec.respondent = respondent_of(f->w, field_text(r, f->map.field[TNA_FIELD_RESPONDENT]));
    rec.authority = authority;
    rec.role = role;
    rec.seq = f->per->seq++;
    rec.levels_at = f->per->levels->len;
    g_array_set_size(f->per->levels, f->per->levels->len + ns);
    memset(&g_array_index(f->per->levels, guint8, rec.levels_at), TNA_LEVEL_NONE, ns);
    int col = f->map.field[TNA_FIELD_RATER];
    if (col >= 0) {
        int rater = match_rater(field_text(r, col));
        if (rater == MATCH_UNKNOWN)
            rows_dq_add(f, r->line, col + 1, field_text(r, col),
                   "unrecognised rater (self or manager); taken as self");
        rec.rater = rater == TNA_RATER_MANAGER ? TNA_RATER_MANAGER : TNA_RATER_SELF;
    }
    if ((col = f->map.field[TNA_FIELD_TRAINED]) >= 0)
        rec.trained = (uint8_t)read_word(f, r, col, &f->w->yesno_cache, yesno_of,
                                         "unrecognised answer (yes or no); taken as unknown");
    if ((col = f->map.field[TNA_FIELD_LANGUAGE_PREFERENCE]) >= 0)
        rec.medium = (uint8_t)read_word(f, r, col, &f->w->medium_cache, medium_of,
                                        "unrecognised language preference (Welsh, English or "
                                        "either); taken as not stated");
    rec.barriers = read_barriers(f, r);
    if ((col = f->map.field[TNA_FIELD_BARRIERS]) >= 0)
        rec.barriers_answered = !tna_text_blank(field_text(r, col), strlen(field_text(r, col)));
    g_array_append_val(f->per->records, rec);
    tna_record *out = &g_array_index(f->per->records, tna_record, f->per->records->len - 1);
    out->submitted = read_submitted(f, r, f->per->records->len - 1, false);
    return out;
}

static void wide_row(file_ctx *f, const tna_csv_record *r)
{
    uint32_t authority, role;
    if (!read_who(f, r, true, &authority, &role)) {
        reject(f, r, 0, NULL, NULL);
        return;
    }
    tna_record *rec = new_record(f, r, authority, role);
    guint8 *levels = &g_array_index(f->per->levels, guint8, rec->levels_at);
    for (size_t s = 0; s < f->source->n_skills; s++) {
        int col = f->map.skill_col[s];
        if (col < 0 || (size_t)col >= r->n)
            continue;
        uint32_t skill = f->source->skills[s].skill;
        uint8_t lv = read_level(f, r, col, skill);
        if (lv != TNA_LEVEL_NONE)
            levels[skill] = lv;
    }
    f->stats->accepted++;
}

static void long_row(file_ctx *f, const tna_csv_record *r)
{
    int scol = f->map.field[TNA_FIELD_SKILL];
    uint32_t skill = find_named(f->run->skill_names, field_text(r, scol));
    if (skill == TNA_NONE) {
        reject(f, r, scol + 1, field_text(r, scol), "unknown skill; row left out");
        return;
    }
    uint32_t authority, role;
    if (!read_who(f, r, true, &authority, &role)) {
        reject(f, r, 0, NULL, NULL);
        return;
    }
    tna_record *rec = new_record(f, r, authority, role);
    uint8_t lv = read_level(f, r, f->map.field[TNA_FIELD_LEVEL], skill);
    g_array_index(f->per->levels, guint8, rec->levels_at + skill) = lv;
    f->stats->accepted++;
}

static int read_satisfaction(const char *text)
{
    static const char *const words[5][4] = {
        {"very dissatisfied", "very poor", "anfodlon iawn", NULL},
        {"dissatisfied", "poor", "anfodlon", NULL},
        {"neutral", "neither satisfied nor dissatisfied", "niwtral", NULL},
        {"satisfied", "good", "bodlon", NULL},
        {"very satisfied", "excellent", "bodlon iawn", NULL}};
    char *key = tna_text_key(text, -1);
    int v = 0;
    if (key && key[0] >= '1' && key[0] <= '5' && key[1] == '\0')
        v = key[0] - '0';
    for (int i = 0; key && v == 0 && i < 5; i++)
        for (int j = 0; words[i][j]; j++)
            if (strcmp(key, words[i][j]) == 0)
                v = i + 1;
    g_free(key);
    return v;
}

static void evaluation_row(file_ctx *f, const tna_csv_record *r)
{
    run_ctx *run = f->run;
    const tna_model *m = run->model;
    int ccol = f->map.field[TNA_FIELD_COURSE];
    const char *course = field_text(r, ccol);
    char *ckey = field_invalid(r, ccol) ? NULL : tna_text_key(course, -1);
    if (ckey == NULL || *ckey == '\0') {
        g_free(ckey);
        reject(f, r, ccol + 1, course, "no course; row left out");
        return;
    }
    uint32_t authority, role;
    if (!read_who(f, r, false, &authority, &role)) {
        g_free(ckey);
        reject(f, r, 0, NULL, NULL);
        return;
    }
    /* Skill and topic first: a rejected row must leave no course or respondent behind. */
    tna_evaluation e = {0};
    e.authority = authority;
    e.role = role;
    e.skill = e.topic = TNA_NONE;
    int col = f->map.field[TNA_FIELD_SKILL];
    if (col >= 0 && !tna_text_blank(field_text(r, col), strlen(field_text(r, col)))) {
        e.skill = find_named(run->skill_names, field_text(r, col));
        if (e.skill == TNA_NONE) {
            g_free(ckey);
            reject(f, r, col + 1, field_text(r, col), "unknown skill; row left out");
            return;
        }
        e.topic = m->skills[e.skill].topic;
    }
    col = f->map.field[TNA_FIELD_TOPIC];
    if (e.topic == TNA_NONE && col >= 0 &&
        !tna_text_blank(field_text(r, col), strlen(field_text(r, col)))) {
        e.topic = find_named(run->topic_names, field_text(r, col));
        if (e.topic == TNA_NONE) {
            g_free(ckey);
            reject(f, r, col + 1, field_text(r, col), "unknown topic; row left out");
            return;
        }
    }
    gpointer cv = g_hash_table_lookup(run->courses, ckey);
    if (cv == NULL) {
        char *trimmed = g_strstrip(g_strdup(course));
        g_ptr_array_add(run->course_list, g_string_chunk_insert_const(run->strings, trimmed));
        g_free(trimmed);
        cv = GSIZE_TO_POINTER((gsize)run->course_list->len);
        g_hash_table_insert(run->courses, ckey, cv);
    } else {
        g_free(ckey);
    }
    e.course = (uint32_t)(GPOINTER_TO_SIZE(cv) - 1);
    e.respondent = respondent_of(f->w, field_text(r, f->map.field[TNA_FIELD_RESPONDENT]));
    if ((col = f->map.field[TNA_FIELD_SATISFACTION]) >= 0) {
        const char *t = field_text(r, col);
        e.satisfaction = read_satisfaction(t);
        if (e.satisfaction == 0 && !tna_text_blank(t, strlen(t)))
            rows_dq_add(f, r->line, col + 1, t, "unrecognised satisfaction (1-5); counted as missing");
    }
    e.before = e.after = -1;
    for (int k = 0; k < 2; k++) {
        col = f->map.field[k == 0 ? TNA_FIELD_BEFORE : TNA_FIELD_AFTER];
        if (col < 0 || e.topic == TNA_NONE)
            continue;
        uint32_t fw = m->topics[e.topic].framework;
        int lv = field_invalid(r, col)
                     ? TNA_ANSWER_UNKNOWN
                     : match_level(m, fw, &f->w->level_cache[fw], field_text(r, col));
        if (lv == TNA_ANSWER_UNKNOWN)
            rows_dq_add(f, r->line, col + 1, field_text(r, col),
                   "unrecognised level; counted as missing");
        (k == 0 ? &e.before : &e.after)[0] = lv >= 0 ? lv : -1;
    }
    if ((col = f->map.field[TNA_FIELD_APPLIED]) >= 0)
        e.applied = (uint8_t)read_word(f, r, col, &f->w->yesno_cache, yesno_of,
                                       "unrecognised answer (yes or no); taken as unknown");
    g_array_append_val(f->per->evaluations, e);
    tna_evaluation *out =
        &g_array_index(f->per->evaluations, tna_evaluation, f->per->evaluations->len - 1);
    out->submitted = read_submitted(f, r, f->per->evaluations->len - 1, true);
    f->stats->accepted++;
}

/* ---- one file ----------------------------------------------------------------------------- */

static GPtrArray *copy_row(const tna_csv_record *r)
{
    GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < r->n; i++)
        g_ptr_array_add(a, g_strdup(r->fields[i]));
    return a;
}

int rows_on_record(const tna_csv_record *r, void *ctx)
{
    file_ctx *f = ctx;
    if (!f->all_data && r->index <= f->last_header_record) {
        if (f->mapped) /* a second pass (split.c): the header is known */
            return 0;
        if (r->index == f->header_record - 1) {
            g_ptr_array_unref(f->rows.above);
            f->rows.above = copy_row(r);
        } else if (r->index == f->header_record) {
            f->rows.header = copy_row(r);
            f->header_line = r->line;
        } else if (r->index == f->header_record + 1) {
            f->rows.below = copy_row(r);
        }
        return 0;
    }
    if (!f->mapped) {
        f->status = headings_map(f->run->model, f->source, &f->rows, f->path, f->header_line,
                                 &f->map, rows_dq_callback, f, f->err);
        if (f->status != TNA_OK)
            return 1;
        f->mapped = true;
        f->first_data_line = r->line;
        if (f->stop_at_data)
            return 1;
    }
    f->stats->rows_read++;
    if (f->run->options && f->run->options->progress && f->stats->rows_read % PROGRESS_EVERY == 0)
        f->run->options->progress(f->path, f->stats->rows_read, f->run->options->progress_ctx);
    if (row_blank(r)) {
        reject(f, r, 0, "", "empty row");
        return 0;
    }
    if ((int)r->n <= f->map.max_needed) {
        char reason[96];
        snprintf(reason, sizeof reason, "row has %zu fields, the header has %d; row left out",
                 r->n, f->map.n_header);
        reject(f, r, 0, "", reason);
        return 0;
    }
    switch (f->source->format) {
    case TNA_FORMAT_WIDE: wide_row(f, r); break;
    case TNA_FORMAT_LONG: long_row(f, r); break;
    case TNA_FORMAT_EVALUATION: evaluation_row(f, r); break;
    }
    return 0;
}

tna_csv_options rows_csv_options(const tna_source *source)
{
    tna_csv_options opt = {source->delimiter, source->encoding, 0, 0};
    return opt;
}

void file_ctx_init(file_ctx *f, run_ctx *run, worker *w, period_ctx *per, uint32_t source,
                   const char *path, tna_source_stats *stats, tna_error *err)
{
    memset(f, 0, sizeof *f);
    f->run = run;
    f->w = w;
    f->per = per;
    f->source = &run->model->sources[source];
    f->path = path;
    f->stats = stats;
    f->header_record = f->source->header_row;
    f->last_header_record = f->source->header_row + f->source->skip_after_header;
    f->rows.above = g_ptr_array_new_with_free_func(g_free);
    f->pending = g_array_new(FALSE, FALSE, sizeof(pending_date));
    f->err = err;
}

void file_ctx_clear(file_ctx *f)
{
    if (f->mapped && !f->all_data) /* a second half shares the first half's map */
        column_map_clear(&f->map);
    g_ptr_array_unref(f->rows.above);
    if (f->rows.header)
        g_ptr_array_unref(f->rows.header);
    if (f->rows.below)
        g_ptr_array_unref(f->rows.below);
    g_array_free(f->pending, TRUE);
}

/* Settles the queued submission times of an auto-dated file. */
tna_status rows_settle_dates(file_ctx *f)
{
    if (f->pending->len == 0)
        return TNA_OK;
    tna_date_format fmt;
    switch (tna_date_sniff_verdict(&f->sniff)) {
    case TNA_DATE_VERDICT_ISO: fmt = TNA_DATE_ISO; break;
    case TNA_DATE_VERDICT_DMY: fmt = TNA_DATE_DMY; break;
    case TNA_DATE_VERDICT_MDY: fmt = TNA_DATE_MDY; break;
    case TNA_DATE_VERDICT_AMBIGUOUS: {
        pending_date *p = &g_array_index(f->pending, pending_date, 0);
        return tna_error_set(f->err, TNA_ERR_INPUT, f->path, p->line, p->column,
                             "every date in column '%s' reads both day-first and month-first "
                             "(e.g. '%s'); set date_format: dmy or mdy for source '%s'",
                             f->source->columns[TNA_FIELD_SUBMITTED], p->text, f->source->name);
    }
    default: fmt = TNA_DATE_ISO; break;
    }
    f->stats->date_format = fmt;
    for (guint i = 0; i < f->pending->len; i++) {
        pending_date *p = &g_array_index(f->pending, pending_date, i);
        int64_t t;
        if (!tna_date_parse(p->text, strlen(p->text), fmt, &t)) {
            rows_dq_add(f, p->line, p->column, p->text, "unreadable date; counted as the earliest");
            f->stats->bad_dates++;
            t = TNA_TIME_MISSING;
        }
        if (p->evaluation)
            g_array_index(f->per->evaluations, tna_evaluation, p->record).submitted = t;
        else
            g_array_index(f->per->records, tna_record, p->record).submitted = t;
    }
    return TNA_OK;
}
