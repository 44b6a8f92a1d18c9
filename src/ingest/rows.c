/*
 * rows.c - one CSV record at a time into a worker's records, evaluations and data-quality
 * entries.
 *
 * tna_rows_on_header() is the csvread callback that reads a file's header: records above
 * the header rows are skipped, the header rows (header_row to header_row + skip_after_header)
 * are kept, and after the last of them headings.c maps the columns. tna_rows_on_record()
 * reads a worker's byte range: it skips the header rows again when the range starts the
 * file, and every later record is a data row for the source's format. Each row read is
 * accepted, rejected (with a data-quality entry) or excluded (a row the tool marks as not a
 * response, noted in the log); never dropped. cells.c reads each field.
 *
 * Everything goes into the worker's own tables; respondent and course keys are written down
 * in order for the join to number (ingest_read.c). With date_format auto the submission
 * times are kept as text until the whole column has been seen, by every worker, then read
 * in the one format that fits it (tna_rows_settle_dates, dates.h).
 */
#include <stdio.h>
#include <string.h>

#include "reader.h"
#include "tna/config.h"
#include "tna/dates.h"
#include "tna/text.h"

#define PROGRESS_EVERY 65536

/* Writes down the respondent key of the row being added (its cell, trimmed), with its hash,
 * for the join to number; a blank key is a respondent of its own. */
static void note_respondent(worker *w, const tna_csv_record *r)
{
    int col = tna_cell_col(w, r, TNA_FIELD_RESPONDENT);
    const char *s = tna_cell_text(r, col);
    size_t n = tna_cell_len(r, col);
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    guint8 head[9];
    uint32_t hash = n ? tna_keyset_hash(s, n) : 0, len = (uint32_t)n;
    memcpy(head, &hash, 4);
    head[4] = n < 255 ? (guint8)n : 255;
    if (n >= 255)
        memcpy(head + 5, &len, 4);
    size_t need = (n < 255 ? 5 : 9) + n;
    GByteArray *chunk = w->keys->len ? g_ptr_array_index(w->keys, w->keys->len - 1) : NULL;
    if (chunk == NULL || chunk->len + need > KEY_CHUNK) {
        chunk = g_byte_array_sized_new((guint)MAX(KEY_CHUNK, need));
        g_ptr_array_add(w->keys, chunk);
    }
    g_byte_array_append(chunk, head, n < 255 ? 5 : 9);
    g_byte_array_append(chunk, (const guint8 *)s, (guint)n);
}

/* An unreadable date's detail: the format it was read with, whose words name the key that
 * fixes it. */
static const char *bad_date_detail(tna_date_format used)
{
    return tna_date_format_names[used == TNA_DATE_DMY || used == TNA_DATE_MDY ? used
                                                                               : TNA_DATE_ISO];
}

/* Reads the submission time of a row; with auto, queues it until the column is known. */
static int64_t read_submitted(worker *w, const tna_csv_record *r, size_t index, bool evaluation)
{
    int col = tna_cell_col(w, r, TNA_FIELD_SUBMITTED);
    const char *text = tna_cell_text(r, col);
    size_t len = tna_cell_len(r, col);
    if (col < 0 || tna_text_blank(text, len))
        return TNA_TIME_MISSING;
    if (tna_cell_invalid(r, col)) {
        tna_dq_not_text(w, r->line, col + 1, text, TNA_DQ_DATE_NOT_TEXT, NULL);
        w->stats.invalid_text++;
        return TNA_TIME_MISSING;
    }
    tna_date_format format = w->file->source->date_format;
    if (format == TNA_DATE_AUTO) {
        tna_date_sniff_add(&w->sniff, text, len, r->line);
        pending_date p = {index, evaluation, r->line, col + 1,
                          g_string_chunk_insert_len(w->strings, text, (gssize)len)};
        g_array_append_val(w->pending, p);
        return TNA_TIME_MISSING;
    }
    int64_t t;
    if (tna_date_parse(text, len, format, &t))
        return t;
    tna_dq_add(w, r->line, col + 1, text, TNA_DQ_DATE_UNREADABLE, bad_date_detail(format));
    w->stats.bad_dates++;
    return TNA_TIME_MISSING;
}

static void reject(worker *w, const tna_csv_record *r, long column, const char *value,
                   tna_dq_reason reason, const char *detail)
{
    tna_dq_add(w, r->line, column, value, reason, detail);
    w->stats.rejected++;
}

/* A row whose reason the cell that failed has logged already. */
static void rejected_logged(worker *w)
{
    w->stats.rejected++;
}

static uint32_t find_named(GHashTable *names, const char *text)
{
    char *key = tna_text_key(text, -1);
    gpointer v = key ? g_hash_table_lookup(names, key) : NULL;
    g_free(key);
    return v ? (uint32_t)(GPOINTER_TO_SIZE(v) - 1) : TNA_NONE;
}

/* ---- rows --------------------------------------------------------------------------------- */

/* Adds a record and its levels (none yet); returns the packed levels. */
static uint8_t *new_record(worker *w, const tna_csv_record *r, uint32_t authority, uint32_t role)
{
    size_t row = tna_level_row_bytes(w->run->model->n_skills);
    tna_record rec = {0};
    note_respondent(w, r);
    rec.authority = authority;
    rec.role = role;
    int v;
    const column_map *map = &w->file->map;
    if (map->field[TNA_FIELD_RATER] >= 0)
        rec.rater = tna_cell_word(w, r, TNA_FIELD_RATER) == TNA_RATER_MANAGER ? TNA_RATER_MANAGER
                                                                               : TNA_RATER_SELF;
    if (map->field[TNA_FIELD_TRAINED] >= 0 && (v = tna_cell_word(w, r, TNA_FIELD_TRAINED)) > 0)
        rec.trained = (uint8_t)v;
    if (map->field[TNA_FIELD_LANGUAGE_PREFERENCE] >= 0 &&
        (v = tna_cell_word(w, r, TNA_FIELD_LANGUAGE_PREFERENCE)) > 0)
        rec.medium = (uint8_t)v;
    if (map->n_barriers > 0) {
        bool answered = false;
        rec.barriers = tna_cell_barriers(w, r, &answered);
        rec.barriers_answered = answered;
    }
    size_t index = w->records->len;
    rec.submitted = read_submitted(w, r, index, false);
    g_array_append_val(w->records, rec);
    g_array_set_size(w->levels, w->levels->len + row);
    uint8_t *levels = (uint8_t *)w->levels->data + index * row;
    memset(levels, 0xFF, row); /* every level none */
    return levels;
}

static void wide_row(worker *w, const tna_csv_record *r)
{
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(w, r) || !tna_cell_who(w, r, true, &authority, &role)) {
        rejected_logged(w);
        return;
    }
    tna_cell_levels(w, r, new_record(w, r, authority, role));
    w->stats.accepted++;
}

static void long_row(worker *w, const tna_csv_record *r)
{
    int scol = tna_cell_col(w, r, TNA_FIELD_SKILL);
    uint32_t skill = find_named(w->run->skill_names, tna_cell_text(r, scol));
    if (skill == TNA_NONE) {
        reject(w, r, scol + 1, tna_cell_text(r, scol), TNA_DQ_UNKNOWN_SKILL, NULL);
        return;
    }
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(w, r) || !tna_cell_who(w, r, true, &authority, &role)) {
        rejected_logged(w);
        return;
    }
    uint8_t *levels = new_record(w, r, authority, role);
    tna_level_set(levels, skill, tna_cell_level(w, r, tna_cell_col(w, r, TNA_FIELD_LEVEL), skill));
    w->stats.accepted++;
}

/* The worker's number for a course (by key): its first appearance in the worker's range. */
static uint32_t local_course(worker *w, char *key, const char *text)
{
    gpointer v = g_hash_table_lookup(w->courses, key);
    if (v != NULL) {
        g_free(key);
        return (uint32_t)(GPOINTER_TO_SIZE(v) - 1);
    }
    g_ptr_array_add(w->course_keys, key);
    g_ptr_array_add(w->course_names, g_strstrip(g_strdup(text)));
    g_hash_table_insert(w->courses, key, GSIZE_TO_POINTER((gsize)w->course_keys->len));
    return w->course_keys->len - 1;
}

static void evaluation_row(worker *w, const tna_csv_record *r)
{
    run_ctx *run = w->run;
    const tna_model *m = run->model;
    int ccol = tna_cell_col(w, r, TNA_FIELD_COURSE);
    const char *course = tna_cell_text(r, ccol);
    char *ckey = tna_cell_invalid(r, ccol) ? NULL : tna_text_key(course, -1);
    if (ckey == NULL || *ckey == '\0') {
        g_free(ckey);
        reject(w, r, ccol + 1, course, TNA_DQ_NO_COURSE, NULL);
        return;
    }
    uint32_t authority, role;
    if (!tna_cell_respondent_ok(w, r) || !tna_cell_who(w, r, false, &authority, &role)) {
        g_free(ckey);
        rejected_logged(w);
        return;
    }
    /* Skill and topic first: a rejected row must leave no course or respondent behind. */
    tna_evaluation e = {0};
    e.authority = authority;
    e.role = role;
    e.skill = e.topic = TNA_NONE;
    int col = tna_cell_col(w, r, TNA_FIELD_SKILL);
    if (col >= 0 && !tna_text_blank(tna_cell_text(r, col), tna_cell_len(r, col))) {
        e.skill = find_named(run->skill_names, tna_cell_text(r, col));
        if (e.skill == TNA_NONE) {
            g_free(ckey);
            reject(w, r, col + 1, tna_cell_text(r, col), TNA_DQ_UNKNOWN_SKILL, NULL);
            return;
        }
        e.topic = m->skills[e.skill].topic;
    }
    col = tna_cell_col(w, r, TNA_FIELD_TOPIC);
    if (e.topic == TNA_NONE && col >= 0 &&
        !tna_text_blank(tna_cell_text(r, col), tna_cell_len(r, col))) {
        e.topic = find_named(run->topic_names, tna_cell_text(r, col));
        if (e.topic == TNA_NONE) {
            g_free(ckey);
            reject(w, r, col + 1, tna_cell_text(r, col), TNA_DQ_UNKNOWN_TOPIC, NULL);
            return;
        }
    }
    e.course = local_course(w, ckey, course);
    note_respondent(w, r);
    int v;
    const column_map *map = &w->file->map;
    if (map->field[TNA_FIELD_SATISFACTION] >= 0)
        e.satisfaction = (v = tna_cell_word(w, r, TNA_FIELD_SATISFACTION)) > 0 ? v : 0;
    e.before = tna_cell_eval_level(w, r, TNA_FIELD_BEFORE, e.topic);
    e.after = tna_cell_eval_level(w, r, TNA_FIELD_AFTER, e.topic);
    if (map->field[TNA_FIELD_APPLIED] >= 0 && (v = tna_cell_word(w, r, TNA_FIELD_APPLIED)) > 0)
        e.applied = (uint8_t)v;
    e.submitted = read_submitted(w, r, w->evaluations->len, true);
    g_array_append_val(w->evaluations, e);
    w->stats.accepted++;
}

/* ---- the header and the data rows ----------------------------------------------------------- */

static GPtrArray *copy_row(const tna_csv_record *r)
{
    GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < r->n; i++)
        g_ptr_array_add(a, g_strdup(r->fields[i]));
    return a;
}

tna_status tna_rows_map_header(worker *w)
{
    file_ctx *f = w->file;
    if (f->rows.rows->len == 0)
        return tna_error_set(&w->err, TNA_ERR_INPUT, f->path, 0, 0,
                             "no header row: the file has fewer than %d records",
                             f->source->header_row);
    tna_status st = tna_headings_map(f->run->model, f->source_index, &f->rows, f->path,
                                 f->header_line, &f->map, tna_dq_callback, w, &w->err);
    if (st == TNA_OK)
        f->mapped = true;
    return st;
}

int tna_rows_on_header(const tna_csv_record *r, void *ctx)
{
    worker *w = ctx;
    file_ctx *f = w->file;
    if (r->index < f->header_record)
        return 0;
    if (r->index == f->header_record)
        f->header_line = r->line;
    g_ptr_array_add(f->rows.rows, copy_row(r));
    if (r->index < f->last_header_record)
        return 0;
    w->status = tna_rows_map_header(w);
    return 1; /* the data rows are the workers' */
}

/* Progress: the rows of this worker are added to the file's count now and then. */
static void report_progress(worker *w)
{
    const tna_ingest_options *o = w->run->options;
    long rows = g_atomic_int_add(&w->run->rows_read, (gint)w->rows_unreported) +
                w->rows_unreported;
    w->rows_unreported = 0;
    if (g_mutex_trylock(&w->run->progress_lock)) {
        o->progress(w->file->path, rows, o->progress_ctx);
        g_mutex_unlock(&w->run->progress_lock);
    }
}

static bool row_blank(const tna_csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!tna_text_blank(r->fields[i], r->lens[i]))
            return false;
    return true;
}

int tna_rows_on_record(const tna_csv_record *r, void *ctx)
{
    worker *w = ctx;
    const file_ctx *f = w->file;
    if (!w->all_data && r->index <= f->last_header_record)
        return 0; /* read by tna_rows_on_header */
    w->stats.rows_read++;
    if (f->run->options && f->run->options->progress && ++w->rows_unreported == PROGRESS_EVERY)
        report_progress(w);
    if (row_blank(r)) {
        reject(w, r, 0, "", TNA_DQ_EMPTY_ROW, NULL);
        return 0;
    }
    if (f->source->n_exclude > 0 && tna_cell_excluded(w, r)) {
        w->stats.excluded++;
        return 0;
    }
    if ((int)r->n <= f->map.max_needed) {
        char detail[48];
        snprintf(detail, sizeof detail, "%zu" TNA_DQ_DETAIL_SEP "%d", r->n, f->map.n_header);
        reject(w, r, 0, "", TNA_DQ_SHORT_ROW, detail);
        return 0;
    }
    switch (f->source->format) {
    case TNA_FORMAT_WIDE: wide_row(w, r); break;
    case TNA_FORMAT_LONG: long_row(w, r); break;
    case TNA_FORMAT_EVALUATION: evaluation_row(w, r); break;
    }
    return 0;
}

/* ---- dates of an auto-dated file ------------------------------------------------------------ */

tna_status tna_rows_settle_dates(const file_ctx *f, period_ctx *per, tna_source_stats *stats,
                                 const GArray *pending, const tna_date_sniff *sniff,
                                 tna_error *err)
{
    if (pending->len == 0)
        return TNA_OK;
    tna_date_format fmt;
    const tna_source *source = f->source;
    switch (tna_date_sniff_verdict(sniff)) {
    case TNA_DATE_VERDICT_ISO: fmt = TNA_DATE_ISO; break;
    case TNA_DATE_VERDICT_DMY: fmt = TNA_DATE_DMY; break;
    case TNA_DATE_VERDICT_MDY: fmt = TNA_DATE_MDY; break;
    case TNA_DATE_VERDICT_AMBIGUOUS: {
        /* quote a value that reads both ways, not merely the first one */
        const pending_date *p = &g_array_index(pending, pending_date, 0);
        for (guint i = 0; i < pending->len; i++)
            if (g_array_index(pending, pending_date, i).line == sniff->first_ambiguous_line) {
                p = &g_array_index(pending, pending_date, i);
                break;
            }
        return tna_error_set(err, TNA_ERR_INPUT, f->path, p->line, p->column,
                             "every date in column '%s' reads both day-first and month-first "
                             "(e.g. '%s' on this line); set date_format: dmy or mdy for source "
                             "'%s'",
                             source->columns[TNA_FIELD_SUBMITTED][0].heading, p->text,
                             source->name);
    }
    default:
        if (sniff->any_ok == 0 && sniff->values > 0) {
            const pending_date *p = &g_array_index(pending, pending_date, 0);
            return tna_error_set(err, TNA_ERR_INPUT, f->path, p->line, p->column,
                                 "no date in column '%s' can be read (e.g. '%s'); set "
                                 "date_format: iso, dmy or mdy for source '%s', or map another "
                                 "column as submitted",
                                 source->columns[TNA_FIELD_SUBMITTED][0].heading, p->text,
                                 source->name);
        }
        fmt = TNA_DATE_ISO;
        break;
    }
    stats->date_format = fmt;
    for (guint i = 0; i < pending->len; i++) {
        const pending_date *p = &g_array_index(pending, pending_date, i);
        int64_t t;
        if (!tna_date_parse(p->text, strlen(p->text), fmt, &t)) {
            tna_dq_period(f->run, per, f->path, p->line, p->column, p->text,
                          (tna_dq_why){TNA_DQ_DATE_UNREADABLE, TNA_DQ_TEXT_NA,
                                       bad_date_detail(fmt)},
                          false);
            stats->bad_dates++;
            t = TNA_TIME_MISSING;
        }
        if (p->evaluation)
            g_array_index(per->evaluations, tna_evaluation, p->record).submitted = t;
        else
            g_array_index(per->records, tna_record, p->record).submitted = t;
    }
    return TNA_OK;
}
