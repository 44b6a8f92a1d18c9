/*
 * ingest_internal.h - what the ingest files share; not part of the API.
 *
 * headings.c maps a source's header rows to column numbers per field and skill, using the
 * preset's way of naming grid rows; values.c matches cell text to authorities, roles,
 * levels and the small vocabularies (yes/no, rater, language), caching by raw text since
 * a survey repeats the same few answers millions of times.
 */
#ifndef TNA_INGEST_INTERNAL_H
#define TNA_INGEST_INTERNAL_H

#include <glib.h>
#include <sys/types.h>

#include "tna/csvread.h"
#include "tna/dates.h"
#include "tna/ingest.h"

/* Column numbers (0-based) of a source's fields and skills; -1 when absent. */
typedef struct column_map {
    int field[TNA_FIELD_COUNT];
    int *skill_col;     /* per source skill column (source->skills[i]); -1 not found */
    int n_header;       /* fields in the header row */
    int max_needed;     /* highest mapped column */
} column_map;

/* Header rows as read: the header itself, the row above it (Qualtrics ids) and the rows
 * under it up to skip_after_header (SurveyMonkey sub-labels). Strings are owned. */
typedef struct header_rows {
    GPtrArray *above;  /* char*, may be empty */
    GPtrArray *header; /* char* */
    GPtrArray *below;  /* first row under the header, may be empty */
} header_rows;

/* Fills map from the header rows; a required column that is missing is an error naming
 * the file (line = header line). Problems that are not fatal go to dq via the callback. */
typedef void (*dq_fn)(void *ctx, long line, long column, const char *value, const char *reason);
tna_status headings_map(const tna_model *model, const tna_source *source,
                        const header_rows *rows, const char *path, long header_line,
                        column_map *map, dq_fn dq, void *dq_ctx, tna_error *err);
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

/* Results of the matchers: >= 0 a match; these below otherwise. */
#define MATCH_BLANK (-1)
#define MATCH_UNKNOWN (-2)
#define MATCH_INVALID (-3) /* not valid UTF-8 */

int match_authority(const tna_model *model, value_cache *cache, const char *text);
int match_role(const tna_model *model, value_cache *cache, const char *text);
/* A level on the scale of `framework`: >= 0, TNA_ANSWER_MISSING or TNA_ANSWER_UNKNOWN. */
int match_level(const tna_model *model, uint32_t framework, value_cache *cache, const char *text);
tna_yesno match_yesno(const char *text);
int match_rater(const char *text);   /* tna_rater, or MATCH_UNKNOWN / MATCH_BLANK */
tna_medium match_medium(const char *text);

/* ---- reading files (ingest.c drives, rows.c turns rows into records, split.c halves) ---- */

/* State of the whole ingest. */
typedef struct run_ctx {
    const tna_model *model;
    tna_dataset *ds;
    GStringChunk *strings;
    GHashTable *respondents; /* trimmed respondent text -> index + 1; dropped at the end */
    GStringChunk *respondent_keys; /* the texts: no allocation per respondent */
    GHashTable *barriers;    /* barrier text -> index + 1 */
    GHashTable *courses;     /* course key -> index + 1 */
    GHashTable *skill_names; /* key of skill id/name/name_cy -> skill + 1 (long, evaluation) */
    GHashTable *topic_names; /* key of topic id/name/name_cy -> topic + 1 (evaluation) */
    GPtrArray *barrier_list;
    GPtrArray *course_list;
    const tna_ingest_options *options;
} run_ctx;

/* What one thread reading (part of) a file owns. The main worker writes straight into the
 * run's tables; a split worker (split.c) numbers respondents and barriers locally, and its
 * results are renumbered when the halves are joined. */
typedef struct worker {
    run_ctx *run;
    GStringChunk *strings;
    GHashTable *respondents;  /* key -> id + 1 */
    GStringChunk *keys;       /* where new keys are kept */
    GPtrArray *local_keys;    /* split worker: key per local id (NULL for a blank one) */
    GPtrArray *new_keys;      /* main worker during a split read: keys it added (for undo) */
    uint32_t *next_id;        /* the counter ids come from */
    uint32_t local_next;
    GHashTable *barriers;     /* text -> index + 1 */
    GPtrArray *barrier_list;
    value_cache authority_cache, role_cache;
    value_cache *level_cache; /* per framework */
    value_cache yesno_cache, medium_cache, barrier_cache; /* whole cell -> meaning */
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
tna_status rows_settle_dates(file_ctx *f);
void rows_dq_add(file_ctx *f, long line, long column, const char *value, const char *reason);
void rows_dq_callback(void *ctx, long line, long column, const char *value, const char *reason);
tna_csv_options rows_csv_options(const tna_source *source);

/* ingest.c */
void worker_init(worker *w, run_ctx *run, bool local);
void worker_clear(worker *w);
period_ctx period_ctx_new(void);
void period_ctx_free(period_ctx *per);

/* split.c: reads a large file in two halves on two threads; *done false when the file was
 * not split (too small, no data rows, or a half could not be read on its own), in which
 * case nothing was changed and the caller reads it whole. */
tna_status split_read(file_ctx *f, off_t size, bool *done);

#endif
