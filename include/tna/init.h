/*
 * init.h - `tna init`: a first configuration for survey exports tna has never seen.
 *
 * tna_init_write() reads each export, recognises the survey tool that wrote it from its
 * header signature (presets.h), maps the standard fields from their headings (English and
 * Welsh; a choice question's "Other (please specify)" column becomes the field's second
 * column; as respondent the column that identifies a person - a staff number, then an email
 * - never the tool's response id), maps the rating columns to framework skills by name
 * (English or Welsh, full or shortened; a guess is marked "# check"), maps the barriers
 * question (one cell, or a column per option), and lists as a commented `answers:` block
 * every answer in the authority, role, level, trained, language and barrier-option columns
 * that matches nothing, with its count and the nearest reference value. It then checks the
 * draft as `tna validate` would (load, then read every export) and writes it atomically.
 *
 * Reference files: the configuration names frameworks, roles and authorities files beside
 * it (frameworks/NAME.yaml, roles.yaml, authorities.yaml). Where they do not exist init
 * writes the shipped ones there; existing ones are used as they are and never overwritten,
 * so a council's own frameworks are matched against. Barriers stay the shipped list.
 *
 * Several exports: when every export's path names a period (2026-Q3, 2026Q3, 2026-07 or
 * 2026, the last one in the path), those are the periods, and exports whose paths differ only
 * in it are one source, its path holding `{period}` and read as its latest export is mapped;
 * a source some periods lack is `optional`. Otherwise everything is one period (named by the
 * paths when they agree, else the calendar quarter of the latest submission), each export a
 * source of its own, so a person who answered two of them is one respondent, their latest
 * answers winning. Sources are written surveys first, then ratings, then evaluations.
 *
 * The library never prints: what init did and what is left for the user come back in a
 * tna_init_report. Memory: every structure returned is the caller's, freed with its _free
 * function (NULL is fine).
 *
 * Errors: TNA_ERR_USAGE (no export, or the configuration exists and `force` is not set),
 * TNA_ERR_INPUT (an export cannot be read: not found, not a CSV, a broken quote),
 * TNA_ERR_OUTPUT (the configuration or a reference file cannot be written), TNA_ERR_CONFIG
 * (an existing reference file beside the configuration does not load).
 */
#ifndef TNA_INIT_H
#define TNA_INIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/error.h"
#include "tna/model.h"

/* ---- the skill-name matcher ------------------------------------------------------------- */

typedef enum tna_skill_match_kind {
    TNA_SKILL_NONE,  /* no skill is near enough */
    TNA_SKILL_GUESS, /* the nearest skill by shared words, not certain: to be checked */
    TNA_SKILL_SHORT, /* every word of the text is in this skill's name and no other's:
                        a shortened name ("Plain English") */
    TNA_SKILL_EXACT  /* the skill's name, Welsh name or id */
} tna_skill_match_kind;

typedef struct tna_skill_match {
    uint32_t skill; /* TNA_NONE with TNA_SKILL_NONE */
    tna_skill_match_kind kind;
    double score; /* 0..1: the share of words the text and the name have in common */
} tna_skill_match;

/* The skill a heading or grid row names, by its English or Welsh name: words are compared
 * after case folding, without little words (the, of, y, yr, ...) and plural or -ing
 * endings; a word may be an abbreviation of the name's ("alt" for "alternative") or differ
 * by one letter when long. A text written in both languages ("English / Cymraeg") is matched
 * side by side. */
tna_skill_match tna_init_match_skill(const tna_model *model, const char *text);

/* ---- what init found in one export ------------------------------------------------------ */

/* A field's columns and the headings that name them in the configuration. */
typedef struct tna_init_field {
    int *cols;       /* 0-based, in order; the first is the answer, the rest "Other" or options */
    size_t n_cols;   /* 0: not found */
    char **headings; /* what `columns:` writes: one heading, or several for a list */
    size_t n_headings;
    bool guessed; /* chosen by its answers, not its heading: to be checked */
} tna_init_field;

/* A rating column. */
typedef struct tna_init_skill {
    int col;
    char *heading;         /* what `skills:` writes */
    tna_skill_match match; /* match.skill TNA_NONE: its answers are levels, but no skill's
                              name is near: the user must say which skill it rates */
} tna_init_skill;

/* An answer that matches nothing (answers.h), for the commented `answers:` block. */
typedef struct tna_init_answer {
    tna_field field;    /* authority, role, level, trained, language_preference, barriers */
    char *text;         /* as the export writes it, trimmed */
    long count;         /* cells that hold it */
    char *nearest;      /* the nearest reference value as `answers:` writes it (an id, a level
                           label, yes, no, welsh, english, either, missing), or NULL */
    char *nearest_name; /* what it is called, for the comment, or NULL */
} tna_init_answer;

typedef struct tna_init_export {
    char *path;      /* as given */
    tna_preset tool; /* TNA_PRESET_NONE: not recognised */
    int header_rows; /* rows of headings */
    bool legacy;     /* Qualtrics' older export: two header rows (skip_after_header: 1) */
    bool codes_only; /* LimeSurvey question codes as headings: no text to map by */
    tna_format format;
    size_t n_columns;
    long rows;                   /* data rows */
    bool encoding_guessed;       /* no BOM and not UTF-8: read as Windows-1252 */
    tna_date_format date_format; /* to write, or TNA_DATE_AUTO to leave to the preset */
    bool date_guessed;           /* every date reads both ways: dmy chosen, to check */
    const char *separator;       /* barrier_separator to write, or NULL (the preset's) */
    char *exclude_heading;       /* the preset's column of rows that are not responses, named by
                                    a heading of its own because its usual name ("Status") is
                                    another column's too; NULL when the preset's name is fine */
    bool exclude_off;            /* ... or no heading names it alone: exclude_rows: {} */
    int64_t latest;              /* latest submission (seconds since 1970 UTC), or INT64_MIN */
    tna_init_field fields[TNA_FIELD_COUNT];
    tna_init_skill *skills; /* in column order */
    size_t n_skills;
    tna_init_answer *answers; /* by field, then by count (most first), then text */
    size_t n_answers;
    char **notes; /* what the user should know or do about this export, a sentence each */
    size_t n_notes;
} tna_init_export;

/* Reads the export at path and maps it against the model's frameworks, roles, authorities
 * and barriers. On success *out is new (tna_init_export_free). Errors: TNA_ERR_INPUT when
 * the file cannot be read as CSV (csvread.h), or has no header row. */
tna_status tna_init_inspect_file(const tna_model *model, const char *path, tna_init_export **out,
                                 tna_error *err) TNA_MUST_CHECK;

/* The same for bytes in memory; `name` stands for the path. */
tna_status tna_init_inspect_buffer(const tna_model *model, const char *name, const char *data,
                                   size_t size, tna_init_export **out,
                                   tna_error *err) TNA_MUST_CHECK;

void tna_init_export_free(tna_init_export *exp);

/* The reference model init matches against: the frameworks, roles and authorities files in
 * dir (frameworks/ *.yaml, roles.yaml, authorities.yaml), each written from the shipped copy
 * when absent (never overwritten). *written (may be NULL) receives how many files were
 * written. The model has no sources; tna_model_free() frees it. */
tna_status tna_init_reference(const char *dir, tna_model **model, int *written,
                              tna_error *err) TNA_MUST_CHECK;

/* ---- the command ------------------------------------------------------------------------ */

typedef struct tna_init_options {
    const char *const *exports; /* paths of the exports */
    size_t n_exports;
    const char *config; /* the configuration to write; NULL: tna.yaml */
    bool force;         /* replace an existing configuration */
    int64_t now;        /* names the period when no export gives a date (seconds since
                           1970 UTC); 0: the clock */
} tna_init_options;

typedef struct tna_init_report {
    char **done; /* what init did, a line each */
    size_t n_done;
    char **todo; /* what is left for the user, a line each */
    size_t n_todo;
    bool replaced; /* an existing configuration was replaced (force) */
    bool runs;     /* the configuration loads and every export reads with it, as written */
} tna_init_report;

/* Drafts the configuration (see the top of the file). On success *report (may be NULL) is
 * new (tna_init_report_free); on an error it may still hold what was done before it. */
tna_status tna_init_write(const tna_init_options *options, tna_init_report **report,
                          tna_error *err) TNA_MUST_CHECK;

void tna_init_report_free(tna_init_report *report);

#endif
