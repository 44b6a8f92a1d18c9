/*
 * ingest.h - survey exports in, normalised records out.
 *
 * tna_ingest() reads every source of every period of the model (a missing file stops the
 * run with TNA_ERR_INPUT unless the source is `optional`), works out each file's encoding
 * and delimiter when the source does not say (csvread.h), maps headings to fields and skills
 * the way the source's tool names them (presets.h), matches answers once per distinct text
 * (answers.h), and turns each row into a tna_record: small integer keys and one level byte
 * per skill. Every row read is accepted, rejected or excluded (a row the tool marks as not a
 * response, such as a Qualtrics preview); rejections, unrecognised answers, unreadable dates
 * and invalid UTF-8 go to the data-quality log with file, line, column, value and reason,
 * and rows_read == accepted + rejected + excluded holds for every source (checked, not
 * assumed).
 *
 * Identity: respondents are numbered across the whole run in the order they first appear,
 * so the same staff number in two periods is the same respondent index; a row without one
 * is a respondent of its own. The staff numbers themselves are dropped when ingest returns:
 * no name, email, staff number or free text outlives this stage. Only mapped columns are
 * ever looked at.
 *
 * Threads: a large file is read in byte ranges, a worker each, into tables of the worker's
 * own, and the workers are then joined in file order; one worker is the same reading with a
 * single range. The result does not depend on how many workers read a file (threads.h says
 * how many do).
 *
 * Memory: *out is a new dataset the caller frees with tna_dataset_free(). It refers to the
 * model (ids, names), which must outlive it. A broken file (unterminated quote, a required
 * column missing or a heading that matches two columns, an ambiguous date column, a
 * spreadsheet saved under a .csv name, a file that is not a regular file) stops ingest with
 * TNA_ERR_INPUT and *out NULL.
 */
#ifndef TNA_INGEST_H
#define TNA_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/dq_reason.h"
#include "tna/error.h"
#include "tna/model.h"

#define TNA_LEVEL_NONE 0xFF /* no usable answer for this skill in this record */

/* A record's levels are packed two to a byte, the even skill of a pair in the low four bits
 * (a level is at most TNA_LEVEL_MAX); four bits all set are TNA_LEVEL_NONE. Half the memory
 * of a byte per level: a million records of 48 skills are 24 MB. */
static inline size_t tna_level_row_bytes(size_t n_skills)
{
    return (n_skills + 1) / 2;
}

static inline uint8_t tna_level_get(const uint8_t *row, size_t skill)
{
    uint8_t v = (uint8_t)(row[skill >> 1] >> ((skill & 1) * 4)) & 0xF;
    return v == 0xF ? TNA_LEVEL_NONE : v;
}

static inline void tna_level_set(uint8_t *row, size_t skill, uint8_t level)
{
    unsigned shift = (unsigned)(skill & 1) * 4;
    row[skill >> 1] = (uint8_t)((row[skill >> 1] & ~(0xFu << shift)) | (level & 0xFu) << shift);
}
#define TNA_TIME_MISSING INT64_MIN


/* One row of a wide or long source. Records are kept in reading order (sources in the
 * order of the configuration, rows in file order), so a record's index in its period is its
 * place in that order; its levels are tna_record_level(period, index, skill). */
typedef struct tna_record {
    uint32_t respondent;
    uint32_t authority, role;
    uint8_t rater;     /* tna_rater */
    uint8_t trained;   /* tna_yesno */
    uint8_t medium;    /* tna_medium: language preference */
    uint8_t barriers_answered; /* the row had a (non-blank) barriers answer */
    int64_t submitted; /* seconds since 1970 UTC; TNA_TIME_MISSING counts as earliest */
    uint64_t barriers; /* bit i: model->barriers[i] cited */
} tna_record;

/* One row of an evaluation source (post-training feedback). */
typedef struct tna_evaluation {
    uint32_t respondent;
    uint32_t authority, role; /* TNA_NONE when the source has no such column or no match */
    uint32_t course;          /* index into dataset->courses */
    uint32_t skill, topic;    /* TNA_NONE when not given; topic is set when skill is */
    int satisfaction;         /* 1-5, 0 when missing */
    int before, after;        /* levels, -1 when missing */
    uint8_t applied;          /* tna_yesno */
    int64_t submitted;
} tna_evaluation;

typedef struct tna_source_stats {
    uint32_t source;   /* index into model->sources */
    const char *path;  /* resolved file path */
    bool present;      /* false: the file does not exist for this period (optional source) */
    long rows_read, accepted, rejected, excluded; /* read = accepted + rejected + excluded */
    long unrecognised_answers, bad_dates, invalid_text;
    /* Cell texts whose meaning was worked out by answers.h rather than found in a cache: each
     * distinct text once per field's cache and worker, however many cells repeat it (a
     * barriers list cell whose pieces match nothing is worked out again on each row, to log
     * them). What the caches save; no report shows it. */
    long answers_matched;
    tna_date_format date_format; /* the format used (auto resolved) */
    tna_encoding encoding;       /* the encoding read (auto resolved) */
    char delimiter;              /* the delimiter used (sniffed when not configured) */
    bool encoding_guessed;       /* auto found no BOM and bytes that are not UTF-8 */
} tna_source_stats;

/* An entry of the data-quality log. Values are what the file held: the log is the
 * analyst's list of what to fix, and the only output that shows input text. A `note` is
 * not a problem (an excluded row, the rows read per file, the encoding guessed): --strict
 * ignores notes. */
typedef struct tna_dq_entry {
    const char *file;
    long line, column; /* column: 1-based field number, 0 for the whole row/file */
    const char *value;    /* what was found, may be "" */
    tna_dq_reason reason; /* the words come from the glossary (dq_reason.h) */
    tna_dq_text bad;      /* a cell that is not text: in which encoding */
    const char *detail;   /* no language's: ids, fields, headings, numbers; "" when none */
    bool note;
} tna_dq_entry;

typedef struct tna_period_data {
    const char *period; /* model->periods[i] */
    tna_record *records;
    size_t n_records;
    uint8_t *levels; /* a packed row (tna_level_row_bytes) per record */
    size_t n_skills; /* model->n_skills */
    tna_evaluation *evaluations;
    size_t n_evaluations;
    tna_source_stats *stats; /* one per model source */
    tna_dq_entry *dq;        /* data-quality log of this period, in reading order */
    size_t n_dq;
} tna_period_data;

typedef struct tna_dataset {
    const tna_model *model;
    tna_period_data *periods; /* model->n_periods entries */
    size_t n_periods;
    uint32_t n_respondents; /* respondent indices are 0 .. n_respondents-1 across periods */
    const char **courses;
    size_t n_courses;
    void *strings; /* GStringChunk owning the dataset's strings */
} tna_dataset;

/* The packed levels of record i of a period, and one of them (TNA_LEVEL_NONE: none). */
static inline const uint8_t *tna_record_levels(const tna_period_data *period, size_t i)
{
    return period->levels + i * tna_level_row_bytes(period->n_skills);
}

static inline uint8_t tna_record_level(const tna_period_data *period, size_t i, size_t skill)
{
    return tna_level_get(tna_record_levels(period, i), skill);
}

/* rows: read so far from the file at path, by every worker. Called from the workers'
 * threads, one call at a time. */
typedef void (*tna_progress_fn)(const char *path, long rows, void *ctx);

typedef struct tna_ingest_options {
    const char *through_period; /* NULL: every period; else stop after this one */
    tna_progress_fn progress; /* called every so many rows; may be NULL */
    void *progress_ctx;
    int threads;          /* most workers per file; 0: as threads.h decides */
    long split_min_bytes; /* a file this large is read by several workers; 0: threads.h's */
} tna_ingest_options;

tna_status tna_ingest(const tna_model *model, const tna_ingest_options *options,
                      tna_dataset **out, tna_error *err) TNA_MUST_CHECK;

void tna_dataset_free(tna_dataset *dataset);

/* Frees the records, levels and evaluations of every period once the analysis has read them
 * (the results copy what they need); the counts and the data-quality log stay. The biggest
 * part of a large dataset, given back before the reports are rendered. */
void tna_dataset_release_rows(tna_dataset *dataset);

/* Data-quality entries that are problems (not notes), over every period: what --strict
 * counts. */
long tna_dataset_problems(const tna_dataset *dataset);

#endif
