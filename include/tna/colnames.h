/*
 * colnames.h - the names each column of an export answers to, from its header rows and the
 * way its survey tool names columns (presets.h).
 *
 * A configured heading finds its columns through these names (ingest's headings.c), and
 * `tna init` reads them to draft a configuration that will find the same columns. Every
 * column gets names, as matching keys (text.h), at three levels:
 *   0  the column's text in any header row; for a tool that writes a question over its first
 *      column only (SurveyMonkey, SmartSurvey), that question is every column's it spans
 *   1  the question joined with the row or option under it, "Question - Row"; a LimeSurvey
 *      code ("Q5[SQ001]", from "Q5[SQ001]. text") and the text after it
 *   2  the parts of a grid heading alone: "Row" and "Question" of "Question [Row]",
 *      "Question - Row" or "Question.Row"; LimeSurvey's "Q5" and "SQ001" of "Q5[SQ001]"
 * A heading takes the columns that have its key at the first level where any column has it,
 * so the exact text always wins over a derived name. Besides the keys, each column keeps the
 * raw text of its question part and of its row or option part, when its heading has them.
 *
 * Bounds: a heading over 4 KiB is not split (no grid heading is that long), and at most 16
 * splits of one heading are tried, so a hostile header costs linear time and memory.
 *
 * Memory: tna_colnames_new() copies what it needs; the caller frees the result with
 * tna_colnames_free() (NULL is fine). Strings returned belong to it.
 */
#ifndef TNA_COLNAMES_H
#define TNA_COLNAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "tna/model.h"

#define TNA_COLNAMES_LEVELS 3

typedef struct tna_colnames tna_colnames;

/* The names of every column of the header rows rows[r][0 .. lens[r]) (r < n_rows; a row
 * shorter than the widest has blank cells to its right), read the way `preset` names
 * columns. n_rows 0 gives no columns. */
tna_colnames *tna_colnames_new(tna_preset preset, const char *const *const *rows,
                               const size_t *lens, size_t n_rows);

void tna_colnames_free(tna_colnames *names);

/* How many columns (the widest header row). */
size_t tna_colnames_count(const tna_colnames *names);

/* The columns (in order) whose names hold the matching key `key` at the first level where
 * any column has it; *n of them (0: none, and NULL is returned). Caller g_free()s. */
int *tna_colnames_find(const tna_colnames *names, const char *key, size_t *n);

/* Whether column `col` has the name `key` at `level`. */
bool tna_colnames_has(const tna_colnames *names, size_t col, int level, const char *key);

/* The keys of column `col` at `level`, *n of them. */
const char *const *tna_colnames_keys(const tna_colnames *names, size_t col, int level, size_t *n);

/* The raw text of the row or option the column stands for (the grid row of "Question
 * [Row]", the option under a question, LimeSurvey's "SQ001" of "Q5[SQ001]"), or NULL; *row
 * (may be NULL) receives the header row (0-based) it is written in. */
const char *tna_colnames_option(const tna_colnames *names, size_t col, int *row);

/* The raw text of the question the column belongs to: the question standing over it (a tool
 * that carries it right), the part of its heading before the grid row, or NULL when its
 * heading is not split. */
const char *tna_colnames_question(const tna_colnames *names, size_t col);

/* The column's text in the tool's text row (presets.h `text_row`), or "" (never NULL). */
const char *tna_colnames_text(const tna_colnames *names, size_t col);

#endif
