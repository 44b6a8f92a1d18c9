/*
 * reader.h - the reading context the ingest files share (a file, a worker, a period);
 * not part of the API.
 *
 * ingest.c drives: every source of every period. ingest_read.c reads one file: it maps the
 * header, cuts the rest into byte ranges, has a worker read each range into tables of its
 * own (on as many threads as threads.h allows) and joins the workers in file order.
 * csvsniff.c works out how to read a file, csvread.c reads it (csvline.c splits the plain
 * lines); headings.c maps a source's header rows to column numbers per field, skill and
 * exclusion, the way the source's tool names its columns (presets.h); rows.c turns a
 * worker's rows into records and cells.c reads each field of a row; values.c caches what
 * answers mean (answers.h) by raw text, since a survey repeats the same few answers
 * millions of times; keys.c numbers respondents.
 */
#ifndef TNA_INGEST_READER_H
#define TNA_INGEST_READER_H

#include <glib.h>
#include <string.h>
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
typedef void (*dq_fn)(void *ctx, long line, long column, const char *value, tna_dq_reason reason,
                      const char *detail);
tna_status tna_headings_map(const tna_model *model, uint32_t source, const header_rows *rows,
                        const char *path, long header_line, column_map *map, dq_fn dq,
                        void *dq_ctx, tna_error *err);
void tna_column_map_clear(column_map *map);

/* Value caches: raw cell text -> index or level. A survey repeats a few dozen answers
 * millions of times, so this is an open-addressing table over the raw bytes, tuned for the
 * hot path: a text's first and last eight bytes (the text itself when shorter) are read as
 * two words once; they hash it, and up to 16 bytes they also compare it, with no call. */
typedef struct cache_slot {
    uint64_t head, tail; /* cache_words() of text */
    char *text;          /* NULL: empty slot */
    uint32_t len, hash;
    int64_t value;
} cache_slot;

typedef struct value_cache {
    cache_slot *slots;
    size_t mask, used;
    long matched; /* texts worked out on a miss (source_stats.answers_matched); never on a hit */
} value_cache;

/* Two words that, with the length, are a text of up to 16 bytes (and a good hash of any): its
 * first eight bytes and its last eight, or, shorter, its bytes and 0. */
static inline void cache_words(const char *s, size_t n, uint64_t *head, uint64_t *tail)
{
    if (n >= 8) {
        memcpy(head, s, 8);
        memcpy(tail, s + n - 8, 8);
        return;
    }
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h |= (uint64_t)(unsigned char)s[i] << (8 * i);
    *head = h;
    *tail = 0;
}

/* The same for a field of a CSV record, which may be read a word past its end
 * (TNA_CSV_FIELD_PAD): two loads and no branch, as field lengths follow no pattern. */
static inline void cache_field_words(const char *s, size_t n, uint64_t *head, uint64_t *tail)
{
    uint64_t first, last, big = -(uint64_t)(n >= 8); /* all ones for 8 bytes or more */
    memcpy(&first, s, 8);
    memcpy(&last, s + ((n - 8) & big), 8);
    *head = first & ((((uint64_t)1 << (8 * (n & 7))) - 1) | big);
    *tail = last & big;
}

static inline uint32_t cache_hash(uint64_t head, uint64_t tail, size_t n)
{
    uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n;
    return (uint32_t)(h >> 29) ^ (uint32_t)h;
}

/* The slot of text (len bytes) or the empty slot where it would go. */
static inline cache_slot *cache_slot_of(const value_cache *cache, const char *text, size_t len,
                                        uint64_t head, uint64_t tail, uint32_t hash)
{
    for (size_t i = hash & cache->mask;; i = (i + 1) & cache->mask) {
        cache_slot *slot = &cache->slots[i];
        if (slot->text == NULL)
            return slot;
        if (slot->head == head && slot->tail == tail && slot->len == len &&
            (len <= 16 || memcmp(slot->text, text, len) == 0))
            return slot;
    }
}

static inline bool value_cache_get(const value_cache *cache, const char *text, size_t len,
                                   int64_t *value)
{
    uint64_t head, tail;
    cache_words(text, len, &head, &tail);
    const cache_slot *slot =
        cache_slot_of(cache, text, len, head, tail, cache_hash(head, tail, len));
    if (slot->text == NULL)
        return false;
    *value = slot->value;
    return true;
}

/* value_cache_get() of a field of a CSV record (see cache_field_words). */
static inline bool value_cache_get_field(const value_cache *cache, const char *text, size_t len,
                                         int64_t *value)
{
    uint64_t head, tail;
    cache_field_words(text, len, &head, &tail);
    const cache_slot *slot =
        cache_slot_of(cache, text, len, head, tail, cache_hash(head, tail, len));
    if (slot->text == NULL)
        return false;
    *value = slot->value;
    return true;
}

void tna_value_cache_init(value_cache *cache);
void tna_value_cache_clear(value_cache *cache);
void tna_value_cache_put(value_cache *cache, const char *text, size_t len, int64_t value);

/* A cached tna_answer_match(): the meaning of a cell (text, len bytes) for a field of the
 * file's source. */
int tna_value_match(const tna_model *model, uint32_t source, tna_field field, uint32_t framework,
                    value_cache *cache, const char *text, size_t len);

/* ---- respondent keys (keys.c) ---------------------------------------------------------- */

/* Numbers in order of addition, each with a byte-string key or none; a key added twice gets
 * its first number. */
typedef struct tna_key_slot {
    uint32_t id1;  /* number + 1; 0: empty */
    uint32_t hash;
    uint64_t key;  /* a short key and its length (top bit set), or where it is in text */
} tna_key_slot;

typedef struct tna_keyset {
    tna_key_slot *slots;
    size_t n_slots;
    char *text; /* the keys too long for a slot, each after its length (4 bytes) */
    size_t text_len, text_cap;
    size_t n, n_keyed; /* numbers given; keys held */
} tna_keyset;

void tna_keyset_init(tna_keyset *keys);
void tna_keyset_clear(tna_keyset *keys);
uint32_t tna_keyset_hash(const char *key, size_t len);
/* Room for `more` keys without growing. */
void tna_keyset_reserve(tna_keyset *keys, size_t more);
/* The number of key (hash: tna_keyset_hash of it): its first number, or a new one. */
uint32_t tna_keyset_add(tna_keyset *keys, const char *key, size_t len, uint32_t hash);
/* A new number without a key. */
uint32_t tna_keyset_anonymous(tna_keyset *keys);
/* Starts fetching where a key of this hash would be looked up. */
void tna_keyset_prefetch(const tna_keyset *keys, uint32_t hash);

/* ---- reading files ----------------------------------------------------------------------- */

/* State of the whole ingest. Workers read it while they run; only the joins write to it. */
typedef struct run_ctx {
    const tna_model *model;
    const tna_ingest_options *options;
    tna_dataset *ds;
    GStringChunk *strings;   /* the dataset's: paths, logged values and reasons, courses */
    tna_keyset respondents;  /* respondent keys -> index; dropped at the end */
    GHashTable *courses;     /* course key -> index + 1 */
    GPtrArray *course_list;
    GHashTable *skill_names; /* key of skill id/name/name_cy -> skill + 1 (long, evaluation) */
    GHashTable *topic_names; /* key of topic id/name/name_cy -> topic + 1 (evaluation) */
    gint rows_read;          /* rows of the file being read, by all its workers (progress) */
    GMutex progress_lock;
} run_ctx;

/* What every worker of one file shares. The first worker fills it while it reads the header
 * (ingest_read.c); from then on it is read only. */
typedef struct file_ctx {
    run_ctx *run;
    const tna_source *source;
    uint32_t source_index;
    const char *path; /* in run->strings */
    tna_csv_options csv; /* the delimiter and encoding found */
    long header_record, last_header_record; /* 1-based record numbers */
    long header_line;
    header_rows rows;
    bool mapped;
    column_map map;
    uint32_t *skill_framework; /* per skill of the source: its framework */
} file_ctx;

/* A submission time of an auto-dated source, read once the whole column is known. */
typedef struct pending_date {
    size_t record;   /* index into the records or evaluations */
    bool evaluation;
    long line, column;
    const char *text; /* in the worker's string chunk */
} pending_date;

/* One worker: reads a byte range of a file into tables of its own, and nothing else. Its
 * records number respondents (and evaluations courses) by position: the respondent key of
 * record i is the i-th entry of `keys`, and the join gives it the run's number. Lines are
 * counted from the start of the range. The caches hold what answers mean in this file (a
 * source's `answers:` make them differ between sources). */
typedef struct worker {
    file_ctx *file;
    run_ctx *run;
    GStringChunk *strings; /* logged values and reasons, dates waiting to be read */
    GArray *records;       /* tna_record */
    GArray *levels;        /* guint8, a packed row of levels per record (ingest.h) */
    GArray *evaluations;   /* tna_evaluation */
    GArray *dq;            /* tna_dq_entry */
    GArray *pending;       /* pending_date */
    GPtrArray *keys;       /* GByteArray chunks of KEY_CHUNK bytes at most, holding per record
                              or evaluation: hash (4 bytes), length (1 byte, or 255 and 4
                              bytes), the key; length 0 for a row without one. In chunks, so
                              the join gives them back as it numbers them. */
    GHashTable *courses;   /* course key -> local course + 1 */
    GPtrArray *course_keys, *course_names; /* per local course */
    tna_source_stats stats;
    tna_date_sniff sniff;
    long rows_unreported; /* rows read since the last progress report */
    value_cache authority_cache, role_cache;
    value_cache *level_cache; /* per framework */
    int64_t *level_found; /* per skill of the source: tna_cell_levels' scratch */
    value_cache trained_cache, applied_cache, medium_cache, rater_cache, satisfaction_cache;
    value_cache barrier_cache; /* a whole cell of a barriers list -> bits cited */
    value_cache option_cache;  /* a cell of a barrier option column -> yes/no */
    value_cache exclude_cache; /* a cell of an exclusion column -> which exclusions list it */
    /* the range */
    off_t start, end;  /* end 0: to the end of the file */
    bool all_data;     /* the range starts after the header: every record is a data row */
    tna_csv_stop stop; /* where the reading stopped */
    tna_status status;
    tna_error err;
} worker;

#define KEY_CHUNK (1u << 20)

/* State of one period: the joined tables. */
typedef struct period_ctx {
    GArray *records;     /* tna_record */
    GArray *levels;      /* guint8 */
    GArray *evaluations; /* tna_evaluation */
    GArray *dq;          /* tna_dq_entry */
} period_ctx;

/* rows.c: the csvread callbacks of a worker (ctx is the worker). tna_rows_on_header keeps the
 * header rows, maps the columns after the last one and stops; tna_rows_on_record skips the
 * header rows (unless all_data) and reads every later record as a data row. */
int tna_rows_on_header(const tna_csv_record *record, void *ctx);
int tna_rows_on_record(const tna_csv_record *record, void *ctx);
/* Maps the columns from the header rows kept so far. */
tna_status tna_rows_map_header(worker *w);
/* Reads the pending submission times of an auto-dated file once all its workers are joined:
 * into per's records or evaluations; problems to per's log, for path. */
tna_status tna_rows_settle_dates(const file_ctx *f, period_ctx *per, tna_source_stats *stats,
                             const GArray *pending, const tna_date_sniff *sniff,
                             tna_error *err);

/* cells.c: the data-quality log (a note is not a problem) and one field of a row. */
/* Why an entry was logged: code, text kind, detail (dq_reason.h; NULL detail for none). */
typedef struct tna_dq_why {
    tna_dq_reason reason;
    tna_dq_text bad;
    const char *detail;
} tna_dq_why;
void tna_dq_add(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                const char *detail);
/* A cell that is not text in the file's encoding (the entry says which encoding). */
void tna_dq_not_text(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                     const char *detail);
void tna_dq_note(worker *w, long line, long column, const char *value, tna_dq_reason reason,
                 const char *detail);
void tna_dq_callback(void *ctx, long line, long column, const char *value, tna_dq_reason reason,
                     const char *detail);
/* An entry straight into a period's log, its strings kept in run's chunk. */
void tna_dq_period(run_ctx *run, period_ctx *per, const char *path, long line, long column,
                   const char *value, tna_dq_why why, bool note);
const char *tna_cell_text(const tna_csv_record *r, int col);
size_t tna_cell_len(const tna_csv_record *r, int col);
bool tna_cell_invalid(const tna_csv_record *r, int col);
/* The column a field is read from in this row (the first non-blank of several), or -1. */
int tna_cell_col(const worker *w, const tna_csv_record *r, tna_field field);
/* false (logged) when the respondent key is not valid UTF-8 or holds a NUL. */
bool tna_cell_respondent_ok(worker *w, const tna_csv_record *r);
/* Authority and role; false (logged) when either is unusable (blank only when required). */
bool tna_cell_who(worker *w, const tna_csv_record *r, bool required, uint32_t *authority,
                  uint32_t *role);
uint64_t tna_cell_barriers(worker *w, const tna_csv_record *r, bool *answered);
/* A skill's level in a column: >= 0, or TNA_LEVEL_NONE (logged when unrecognised). */
uint8_t tna_cell_level(worker *w, const tna_csv_record *r, int col, uint32_t skill);
/* The levels of every skill column of a wide row into the packed row levels; others
 * untouched. */
void tna_cell_levels(worker *w, const tna_csv_record *r, uint8_t *levels);
/* before / after of an evaluation: a level of the topic's framework, -1 when none. */
int tna_cell_eval_level(worker *w, const tna_csv_record *r, tna_field field, uint32_t topic);
/* trained, applied, language_preference, rater, satisfaction: the meaning, -1 when blank or
 * not understood (logged). */
int tna_cell_word(worker *w, const tna_csv_record *r, tna_field field);
/* true (noted) when the row is one the source's tool marks as not a response. */
bool tna_cell_excluded(worker *w, const tna_csv_record *r);

/* ingest_read.c: reads the file of source si (path, already found to exist) into per, and
 * its counts into stats; file-level notes are logged by the caller. */
tna_status tna_ingest_read_file(run_ctx *run, period_ctx *per, uint32_t si, const char *path,
                                tna_source_stats *stats, tna_error *err);

#endif
