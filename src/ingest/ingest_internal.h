/*
 * ingest_internal.h - what the ingest files share; not part of the API.
 *
 * csvsniff.c works out how to read a file, csvread.c reads it; headings.c maps a source's
 * header rows to column numbers per field, skill and exclusion, the way the source's tool
 * names its columns (presets.h); values.c caches what answers mean (answers.h) by raw text,
 * since a survey repeats the same few answers millions of times; rows.c turns rows into
 * records; ingest.c drives, split.c reads a large file in two halves.
 */
#ifndef TNA_INGEST_INTERNAL_H
#define TNA_INGEST_INTERNAL_H

#include <glib.h>
#include <sys/types.h>

#include "tna/csvread.h"
#include "tna/dates.h"
#include "tna/ingest.h"

/* What a column of the barriers question holds. */
typedef enum barrier_kind {
    BARRIER_LIST,   /* the options chosen, between separators (one cell for the question) */
    BARRIER_OPTION, /* one option (a column per option): a non-blank cell that is not a "no"
                       cites `barrier` */
    BARRIER_OTHER   /* what someone typed for "Other": a non-blank cell cites other */
} barrier_kind;

typedef struct barrier_col {
    int col;
    barrier_kind kind;
    uint32_t barrier; /* BARRIER_OPTION: the barrier; TNA_NONE cites nothing */
} barrier_col;

/* Column numbers (0-based) of a source's fields, skills and exclusions; -1 when absent. */
typedef struct column_map {
    int field[TNA_FIELD_COUNT]; /* a field's column (its first, when it has several) */
    int *cols[TNA_FIELD_COUNT]; /* every column of a field that has several, in order (the
                                   first non-blank wins); NULL when it has one */
    int n_cols[TNA_FIELD_COUNT];
    barrier_col *barriers; /* the barriers question's columns (field[BARRIERS] is the first) */
    int n_barriers;
    int *skill_col;   /* per source skill column (source->skills[i]); -1 not found */
    int *exclude_col; /* per source->exclude; -1 when a preset's column is not in the file */
    int n_header;     /* columns in the widest header row */
    int max_needed;   /* highest mapped column */
} column_map;

/* The header rows as read, header_row to header_row + skip_after_header: GPtrArray * of
 * char * per row, owned. */
typedef struct header_rows {
    GPtrArray *rows;
} header_rows;

/* Fills map from the header rows; a required column that is missing, a heading that matches
 * two columns, or two headings that match one column is an error naming the file (line =
 * the header's). Problems that are not fatal go to dq via the callback. */
typedef void (*dq_fn)(void *ctx, long line, long column, const char *value, const char *reason);
tna_status headings_map(const tna_model *model, uint32_t source, const header_rows *rows,
                        const char *path, long header_line, column_map *map, dq_fn dq,
                        void *dq_ctx, tna_error *err);
void column_map_clear(column_map *map);

/* Value caches: raw cell text -> index or level. A survey repeats a few dozen answers
 * millions of times, so this is an open-addressing table over the raw bytes, tuned for
 * the hot path (one hash of a short string and one memcmp per cell). */
typedef struct cache_slot {
    char *text; /* NULL: empty slot */
    uint32_t len, hash;
    int64_t value;
} cache_slot;

typedef struct value_cache {
    cache_slot *slots;
    size_t mask, used;
} value_cache;

void value_cache_init(value_cache *cache);
void value_cache_clear(value_cache *cache);
bool value_cache_get(value_cache *cache, const char *text, int64_t *value);
void value_cache_put(value_cache *cache, const char *text, int64_t value);

/* A cached tna_answer_match(): the meaning of a cell for a field of the file's source. */
int tna_value_match(const tna_model *model, uint32_t source, tna_field field, uint32_t framework,
                value_cache *cache, const char *text);

/* ---- reading files (ingest.c drives, rows.c turns rows into records, split.c halves) ---- */

/* State of the whole ingest. */
typedef struct run_ctx {
    const tna_model *model;
    tna_dataset *ds;
    GStringChunk *strings;
    GHashTable *respondents; /* trimmed respondent text -> index + 1; dropped at the end */
    GStringChunk *respondent_keys; /* the texts: no allocation per respondent */
    GHashTable *courses;     /* course key -> index + 1 */
    GHashTable *skill_names; /* key of skill id/name/name_cy -> skill + 1 (long, evaluation) */
    GHashTable *topic_names; /* key of topic id/name/name_cy -> topic + 1 (evaluation) */
    GPtrArray *course_list;
    const tna_ingest_options *options;
} run_ctx;

/* What one thread reading (part of) a file owns. The main worker writes straight into the
 * run's tables; a split worker (split.c) numbers respondents locally, and its records are
 * renumbered when the halves are joined. The caches hold what answers mean in the file
 * being read (a source's `answers:` make them differ between sources): tna_worker_forget()
 * empties them before each file. */
typedef struct worker {
    run_ctx *run;
    GStringChunk *strings;
    GHashTable *respondents;  /* key -> id + 1 */
    GStringChunk *keys;       /* where new keys are kept */
    GPtrArray *local_keys;    /* split worker: key per local id (NULL for a blank one) */
    GPtrArray *new_keys;      /* main worker during a split read: keys it added (for undo) */
    uint32_t *next_id;        /* the counter ids come from */
    uint32_t local_next;
    value_cache authority_cache, role_cache;
    value_cache *level_cache; /* per framework */
    value_cache trained_cache, applied_cache, medium_cache, rater_cache, satisfaction_cache;
    value_cache barrier_cache; /* a whole cell of a barriers list -> bits cited */
    value_cache option_cache;  /* a cell of a barrier option column -> yes/no */
    value_cache exclude_cache; /* a cell of an exclusion column -> which exclusions list it */
} worker;

/* State of one period. */
typedef struct period_ctx {
    GArray *records;     /* tna_record */
    GArray *levels;      /* guint8 */
    GArray *evaluations; /* tna_evaluation */
    GArray *dq;          /* tna_dq_entry */
    uint32_t seq;
} period_ctx;

typedef struct pending_date {
    size_t record;  /* index into records or evaluations */
    bool evaluation;
    long line, column;
    const char *text; /* in the worker's string chunk */
} pending_date;

/* State of one file. */
typedef struct file_ctx {
    run_ctx *run;
    worker *w;
    period_ctx *per;
    const tna_source *source;
    const char *path;
    tna_source_stats *stats;
    long header_record, last_header_record;
    long header_line;
    header_rows rows;
    uint32_t source_index;
    bool mapped;
    bool all_data;      /* every record is a data row (the second half of a split file) */
    bool stop_at_data;  /* stop at the first data row, once the columns are mapped */
    long first_data_line;
    column_map map;
    GArray *pending; /* pending_date, date_format auto only */
    tna_date_sniff sniff;
    tna_status status;
    tna_error *err;
} file_ctx;

/* rows.c */
void file_ctx_init(file_ctx *f, run_ctx *run, worker *w, period_ctx *per, uint32_t source,
                   const char *path, tna_source_stats *stats, tna_error *err);
void file_ctx_clear(file_ctx *f);
int rows_on_record(const tna_csv_record *record, void *ctx); /* tna_csv_record_fn */
tna_status tna_rows_map_header(file_ctx *f);
tna_status rows_settle_dates(file_ctx *f);

/* cells.c: the data-quality log (a note is not a problem) and one field of a row. */
void tna_dq_add(file_ctx *f, long line, long column, const char *value, const char *reason);
void tna_dq_note(file_ctx *f, long line, long column, const char *value, const char *reason);
void tna_dq_callback(void *ctx, long line, long column, const char *value, const char *reason);
const char *tna_cell_text(const tna_csv_record *r, int col);
bool tna_cell_invalid(const tna_csv_record *r, int col);
/* What is wrong with a flagged cell, for reasons: "not valid UTF-8 (... set encoding: ...)". */
const char *tna_cell_bad_text(const file_ctx *f);
/* The column a field is read from in this row (the first non-blank of several), or -1. */
int tna_cell_col(const file_ctx *f, const tna_csv_record *r, tna_field field);
/* false (logged) when the respondent key is not valid UTF-8 or holds a NUL. */
bool tna_cell_respondent_ok(file_ctx *f, const tna_csv_record *r);
/* Authority and role; false (logged) when either is unusable (blank only when required). */
bool tna_cell_who(file_ctx *f, const tna_csv_record *r, bool required, uint32_t *authority,
              uint32_t *role);
uint64_t tna_cell_barriers(file_ctx *f, const tna_csv_record *r, bool *answered);
/* A skill's level in a column: >= 0, or TNA_LEVEL_NONE (logged when unrecognised). */
uint8_t tna_cell_level(file_ctx *f, const tna_csv_record *r, int col, uint32_t skill);
/* before / after of an evaluation: a level of the topic's framework, -1 when none. */
int tna_cell_eval_level(file_ctx *f, const tna_csv_record *r, tna_field field, uint32_t topic);
/* trained, applied, language_preference, rater, satisfaction: the meaning, -1 when blank or
 * not understood (logged). */
int tna_cell_word(file_ctx *f, const tna_csv_record *r, tna_field field);
/* true (noted) when the row is one the source's tool marks as not a response. */
bool tna_cell_excluded(file_ctx *f, const tna_csv_record *r);
/* The options a file is read with: the source's, with what sniffing found (stats). */
tna_csv_options rows_csv_options(const file_ctx *f);

/* ingest.c */
void worker_init(worker *w, run_ctx *run, bool local);
void worker_clear(worker *w);
void tna_worker_forget(worker *w);
period_ctx period_ctx_new(void);
void period_ctx_free(period_ctx *per);

/* split.c: reads a large file in two halves on two threads; *done false when the file was
 * not split (too small, no data rows, or a half could not be read on its own), in which
 * case nothing was changed and the caller reads it whole. */
tna_status split_read(file_ctx *f, off_t size, bool *done);

#endif
