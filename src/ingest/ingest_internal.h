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

#include "tna/csvread.h"
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

#endif
