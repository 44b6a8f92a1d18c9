/*
 * dq_reason.h - why a data-quality entry was logged, as a code, not as words.
 *
 * Ingest logs a problem (or a note) as a tna_dq_reason with a detail that belongs to no
 * language: a skill id, a field name, a configured column heading, a date_format, or numbers.
 * Several details are joined by TNA_DQ_DETAIL_SEP. A cell that is not text in the file's
 * encoding also says which encoding (tna_dq_text), since the advice differs. The words come
 * later, from the glossary, in the report's language (render/dq_words.c): the data-quality
 * CSV in English with the code beside them, the workbook, PDF and console in the language of
 * the run. A detail never holds a value read from the input (test_boundary checks).
 *
 * Codes are stable: they are written in the data-quality CSV (docs/outputs.md lists them),
 * so a new one goes at the end of its group and none is renamed.
 */
#ifndef TNA_DQ_REASON_H
#define TNA_DQ_REASON_H

#define TNA_DQ_DETAIL_SEP "\x1f"

typedef enum tna_dq_reason {
    /* notes: not problems (--strict ignores them) */
    TNA_DQ_NO_FILE,          /* an optional source has no file this period */
    TNA_DQ_ENCODING_GUESSED, /* no BOM and not UTF-8: read as Windows-1252 */
    TNA_DQ_ROWS_COUNTED,     /* detail: read, accepted, rejected, excluded */
    TNA_DQ_ROW_EXCLUDED,     /* detail: the heading of the column that marks it */
    /* the file's columns */
    TNA_DQ_NO_COLUMN,         /* detail: the field */
    TNA_DQ_NO_SKILL_COLUMN,   /* detail: the skill id */
    TNA_DQ_BARRIER_OPTION_UNMATCHED,
    /* rows left out */
    TNA_DQ_EMPTY_ROW,
    TNA_DQ_SHORT_ROW, /* detail: fields in the row, fields in the header */
    TNA_DQ_RESPONDENT_NOT_TEXT,
    TNA_DQ_AUTHORITY_NOT_TEXT,
    TNA_DQ_ROLE_NOT_TEXT,
    TNA_DQ_NO_AUTHORITY,
    TNA_DQ_UNKNOWN_AUTHORITY,
    TNA_DQ_NO_ROLE,
    TNA_DQ_UNKNOWN_ROLE,
    TNA_DQ_UNKNOWN_SKILL, /* a long export's or an evaluation's skill */
    TNA_DQ_UNKNOWN_TOPIC, /* an evaluation's topic */
    TNA_DQ_NO_COURSE,     /* an evaluation without its course */
    /* answers */
    TNA_DQ_SKILL_NOT_TEXT,    /* detail: the skill id */
    TNA_DQ_SKILL_UNRECOGNISED, /* detail: the skill id */
    TNA_DQ_LEVEL_UNRECOGNISED,
    TNA_DQ_ANSWER_NOT_TEXT,
    TNA_DQ_YES_NO_UNRECOGNISED,
    TNA_DQ_LANGUAGE_UNRECOGNISED,
    TNA_DQ_RATER_UNRECOGNISED,
    TNA_DQ_SATISFACTION_UNRECOGNISED,
    TNA_DQ_BARRIERS_NOT_TEXT,
    TNA_DQ_BARRIERS_TOO_MANY,
    TNA_DQ_BARRIER_UNMATCHED,
    TNA_DQ_DATE_NOT_TEXT,
    TNA_DQ_DATE_UNREADABLE, /* detail: the date_format read with (dmy, mdy, iso) */
    TNA_DQ_REASON_COUNT
} tna_dq_reason;

/* What a cell that is not text failed to be, by the encoding the file is read in. */
typedef enum tna_dq_text {
    TNA_DQ_TEXT_NA,       /* the reason is not about such a cell */
    TNA_DQ_TEXT_UTF8,     /* not valid UTF-8 (or a NUL byte) */
    TNA_DQ_TEXT_WIN1252,  /* a byte Windows-1252 does not define */
    TNA_DQ_TEXT_UTF16     /* not valid UTF-16 */
} tna_dq_text;

#endif
