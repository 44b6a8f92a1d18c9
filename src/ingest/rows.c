/*
 * rows.c - one CSV record at a time into records, evaluations and data-quality entries.
 *
 * rows_on_record() is the csvread callback for a file: records above the header rows are
 * skipped, the header rows (header_row to header_row + skip_after_header) are kept until
 * they are complete, then headings.c maps the columns, and every later record is a data row
 * for the source's format. Each row read is accepted, rejected (with a data-quality entry)
 * or excluded (a row the tool marks as not a response, noted in the log); never dropped.
 * cells.c reads each field.
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

/* What an unreadable date says, naming the key that fixes it. */
static const char *bad_date_reason(const file_ctx *f, tna_date_format used)
{
    (void)f;
    switch (used) {
    case TNA_DATE_DMY:
        return "unreadable date (read day-first; set date_format: mdy or iso if the column is "
               "written otherwise); counted as the earliest";
    case TNA_DATE_MDY:
        return "unreadable date (read month-first; set date_format: dmy or iso if the column "
               "is written otherwise); counted as the earliest";
    default:
        return "unreadable date (read year-first; set date_format: dmy or mdy if the column is "
               "written otherwise); counted as the earliest";
    }
}

/* Reads the submission time of a row; with auto, queues it until the column is known. */
static int64_t read_submitted(file_ctx *f, const tna_csv_record *r, size_t index, bool evaluation)
{
    int col = tna_cell_col(f, r, TNA_FIELD_SUBMITTED);
    const char *text = tna_cell_text(r, col);
    if (col < 0 || tna_text_blank(text, strlen(text)))
        return TNA_TIME_MISSING;
    if (tna_cell_invalid(r, col)) {
        char reason[160];
        snprintf(reason, sizeof reason, "date is %s", tna_cell_bad_text(f));
        tna_dq_add(f, r->line, col + 1, text, reason);
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
    tna_dq_add(f, r->line, col + 1, text, bad_date_reason(f, f->source->date_format));
    f->stats->bad_dates++;
    return TNA_TIME_MISSING;
}

static void reject(file_ctx *f, const tna_csv_record *r, long column, const char *value,
                   const char *reason)
{
    if (reason)
        tna_dq_add(f, r->line, column, value, reason);
    f->stats->rejected++;
}

static uint32_t find_named(GHashTable *names, const char *text)
{
    char *key = tna_text_key(text, -1);
    gpointer v = key ? g_hash_table_lookup(names, key) : NULL;
    g_free(key);
    return v ? (uint32_t)(GPOINTER_TO_SIZE(v) - 1) : TNA_NONE;
}

/* ---- rows --------------------------------------------------------------------------------- */

static tna_record *new_record(file_ctx *f, const tna_csv_record *r, uint32_t authority,
                              uint32_t role)
{
    size_t ns = f->run->model->n_skills;
    tna_record rec = {0};
    rec.respondent = respondent_of(f->w, tna_cell_text(r, tna_cell_col(f, r, TNA_FIELD_RESPONDENT)));
    rec.authority = authority;
    rec.role = role;
    rec.seq = f->per->seq++;
    rec.levels_at = f->per->levels->len;
    g_array_set_size(f->per->levels, f->per->levels->len + ns);
    memset(&g_array_index(f->per->levels, guint8, rec.levels_at), TNA_LEVEL_NONE, ns);
    int v;
    if (f->map.field[TNA_FIELD_RATER] >= 0)
        rec.rater = tna_cell_word(f, r, TNA_FIELD_RATER) == TNA_RATER_MANAGER ? TNA_RATER_MANAGER
                                                                         : TNA_RATER_SELF;
    if (f->map.field[TNA_FIELD_TRAINED] >= 0 && (v = tna_cell_word(f, r, TNA_FIELD_TRAINED)) > 0)
        rec.trained = (uint8_t)v;
    if (f->map.field[TNA_FIELD_LANGUAGE_PREFERENCE] >= 0 &&
        (v = tna_cell_word(f, r, TNA_FIELD_LANGUAGE_PREFERENCE)) > 0)
        rec.medium = (uint8_t)v;
    if (f->map.n_barriers > 0) {
        bool answered = false;
        rec.barriers = tna_cell_barriers(f, r, &answered);
        rec.barriers_answered = answered;
    }
    g_array_append_val(f->per->records, rec);
    tna_record *out = &g_array_index(f->per->records, tna_record, f->per->records->len - 1);
    out->submitted = read_submitted(f, r, f->per->records->len - 1, false);
    return out;
}

static void wide_row(file_ctx *f, const tna_csv_record *r)
{
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(f, r) || !tna_cell_who(f, r, true, &authority, &role)) {
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
        uint8_t lv = tna_cell_level(f, r, col, skill);
        if (lv != TNA_LEVEL_NONE)
            levels[skill] = lv;
    }
    f->stats->accepted++;
}

static void long_row(file_ctx *f, const tna_csv_record *r)
{
    int scol = tna_cell_col(f, r, TNA_FIELD_SKILL);
    uint32_t skill = find_named(f->run->skill_names, tna_cell_text(r, scol));
    if (skill == TNA_NONE) {
        reject(f, r, scol + 1, tna_cell_text(r, scol), "unknown skill; row left out");
        return;
    }
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(f, r) || !tna_cell_who(f, r, true, &authority, &role)) {
        reject(f, r, 0, NULL, NULL);
        return;
    }
    tna_record *rec = new_record(f, r, authority, role);
    uint8_t lv = tna_cell_level(f, r, tna_cell_col(f, r, TNA_FIELD_LEVEL), skill);
    g_array_index(f->per->levels, guint8, rec->levels_at + skill) = lv;
    f->stats->accepted++;
}

static void evaluation_row(file_ctx *f, const tna_csv_record *r)
{
    run_ctx *run = f->run;
    const tna_model *m = run->model;
    int ccol = tna_cell_col(f, r, TNA_FIELD_COURSE);
    const char *course = tna_cell_text(r, ccol);
    char *ckey = tna_cell_invalid(r, ccol) ? NULL : tna_text_key(course, -1);
    if (ckey == NULL || *ckey == '\0') {
        g_free(ckey);
        reject(f, r, ccol + 1, course, "no course; row left out");
        return;
    }
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(f, r) || !tna_cell_who(f, r, false, &authority, &role)) {
        g_free(ckey);
        reject(f, r, 0, NULL, NULL);
        return;
    }
    /* Skill and topic first: a rejected row must leave no course or respondent behind. */
    tna_evaluation e = {0};
    e.authority = authority;
    e.role = role;
    e.skill = e.topic = TNA_NONE;
    int col = tna_cell_col(f, r, TNA_FIELD_SKILL);
    if (col >= 0 && !tna_text_blank(tna_cell_text(r, col), strlen(tna_cell_text(r, col)))) {
        e.skill = find_named(run->skill_names, tna_cell_text(r, col));
        if (e.skill == TNA_NONE) {
            g_free(ckey);
            reject(f, r, col + 1, tna_cell_text(r, col), "unknown skill; row left out");
            return;
        }
        e.topic = m->skills[e.skill].topic;
    }
    col = tna_cell_col(f, r, TNA_FIELD_TOPIC);
    if (e.topic == TNA_NONE && col >= 0 &&
        !tna_text_blank(tna_cell_text(r, col), strlen(tna_cell_text(r, col)))) {
        e.topic = find_named(run->topic_names, tna_cell_text(r, col));
        if (e.topic == TNA_NONE) {
            g_free(ckey);
            reject(f, r, col + 1, tna_cell_text(r, col), "unknown topic; row left out");
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
    e.respondent = respondent_of(f->w, tna_cell_text(r, tna_cell_col(f, r, TNA_FIELD_RESPONDENT)));
    int v;
    if (f->map.field[TNA_FIELD_SATISFACTION] >= 0)
        e.satisfaction = (v = tna_cell_word(f, r, TNA_FIELD_SATISFACTION)) > 0 ? v : 0;
    e.before = tna_cell_eval_level(f, r, TNA_FIELD_BEFORE, e.topic);
    e.after = tna_cell_eval_level(f, r, TNA_FIELD_AFTER, e.topic);
    if (f->map.field[TNA_FIELD_APPLIED] >= 0 && (v = tna_cell_word(f, r, TNA_FIELD_APPLIED)) > 0)
        e.applied = (uint8_t)v;
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

tna_status tna_rows_map_header(file_ctx *f)
{
    if (f->rows.rows->len == 0)
        return tna_error_set(f->err, TNA_ERR_INPUT, f->path, 0, 0,
                             "no header row: the file has fewer than %d records",
                             f->source->header_row);
    tna_status st = headings_map(f->run->model, f->source_index, &f->rows, f->path,
                                 f->header_line, &f->map, tna_dq_callback, f, f->err);
    if (st == TNA_OK)
        f->mapped = true;
    return st;
}

int rows_on_record(const tna_csv_record *r, void *ctx)
{
    file_ctx *f = ctx;
    if (!f->all_data && r->index <= f->last_header_record) {
        if (f->mapped || r->index < f->header_record) /* split.c's second pass; or above */
            return 0;
        if (r->index == f->header_record)
            f->header_line = r->line;
        g_ptr_array_add(f->rows.rows, copy_row(r));
        return 0;
    }
    if (!f->mapped) {
        f->status = tna_rows_map_header(f);
        if (f->status != TNA_OK)
            return 1;
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
    if (f->source->n_exclude > 0 && tna_cell_excluded(f, r)) {
        f->stats->excluded++;
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

tna_csv_options rows_csv_options(const file_ctx *f)
{
    tna_csv_options opt = {f->stats->delimiter, f->stats->encoding, 0, 0};
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
    f->source_index = source;
    f->path = path;
    f->stats = stats;
    f->header_record = f->source->header_row;
    f->last_header_record = f->source->header_row + f->source->skip_after_header;
    f->rows.rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    f->pending = g_array_new(FALSE, FALSE, sizeof(pending_date));
    f->err = err;
}

void file_ctx_clear(file_ctx *f)
{
    if (f->mapped && !f->all_data) /* a second half shares the first half's map */
        column_map_clear(&f->map);
    g_ptr_array_unref(f->rows.rows);
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
        /* quote a value that reads both ways, not merely the first one */
        pending_date *p = &g_array_index(f->pending, pending_date, 0);
        for (guint i = 0; i < f->pending->len; i++)
            if (g_array_index(f->pending, pending_date, i).line == f->sniff.first_ambiguous_line) {
                p = &g_array_index(f->pending, pending_date, i);
                break;
            }
        return tna_error_set(f->err, TNA_ERR_INPUT, f->path, p->line, p->column,
                             "every date in column '%s' reads both day-first and month-first "
                             "(e.g. '%s' on this line); set date_format: dmy or mdy for source "
                             "'%s'",
                             f->source->columns[TNA_FIELD_SUBMITTED][0].heading, p->text,
                             f->source->name);
    }
    default:
        if (f->sniff.any_ok == 0 && f->sniff.values > 0) {
            pending_date *p = &g_array_index(f->pending, pending_date, 0);
            return tna_error_set(f->err, TNA_ERR_INPUT, f->path, p->line, p->column,
                                 "no date in column '%s' can be read (e.g. '%s'); set "
                                 "date_format: iso, dmy or mdy for source '%s', or map another "
                                 "column as submitted",
                                 f->source->columns[TNA_FIELD_SUBMITTED][0].heading, p->text,
                                 f->source->name);
        }
        fmt = TNA_DATE_ISO;
        break;
    }
    f->stats->date_format = fmt;
    for (guint i = 0; i < f->pending->len; i++) {
        pending_date *p = &g_array_index(f->pending, pending_date, i);
        int64_t t;
        if (!tna_date_parse(p->text, strlen(p->text), fmt, &t)) {
            tna_dq_add(f, p->line, p->column, p->text, bad_date_reason(f, fmt));
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
