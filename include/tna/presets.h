/*
 * presets.h - what each survey tool writes, in one table.
 *
 * A preset is everything tna knows about one tool's CSV export: how many header rows it
 * writes and what each holds, how it names the rows of a grid (matrix) question, how it lays
 * out a multi-select question, the date order it writes, which rows are not responses, and
 * the headings that identify its exports. Configuration (src/config) takes a source's
 * defaults from here, ingest (src/ingest/headings.c) derives column names from it, and a
 * detector can recognise a tool by its signature headings. Nothing else in tna knows a tool
 * by name.
 *
 *   preset           header rows                    grid row column      multi-select
 *   microsoft-forms  1                              Question.Row         one cell, "A;B;"
 *   google-forms     1                              Question [Row]       one cell, "A, B"
 *   surveymonkey     2: question (blank to the      Question - Row       a column per option,
 *                    right of a grid or multi-                           cell = option text
 *                    select), then Response/row/option
 *   smartsurvey      3: question, row, option       Question - Row       a column per option
 *   qualtrics        3: ids (Q5_1), text            Q - Row, or the id   one cell, "A,B"
 *                    ("Q - Row"), import ids
 *   limesurvey       1: code, "code. text" or text  code[SQ001]. Q [Row] a column per option,
 *                                                                        Y / option text
 * Qualtrics marks previews, test responses and spam in its Status column; those rows are
 * not responses.
 *
 * Memory: the table is static; nothing to free.
 */
#ifndef TNA_PRESETS_H
#define TNA_PRESETS_H

#include <stdbool.h>
#include <stddef.h>

#include "tna/model.h"

/* How a tool names the column of one row of a grid question. */
typedef enum tna_grid_naming {
    TNA_GRID_AS_IS,    /* no convention: headings are matched as they are */
    TNA_GRID_DOT,      /* "Question.Row" */
    TNA_GRID_BRACKETS, /* "Question [Row]" */
    TNA_GRID_DASH      /* "Question - Row" */
} tna_grid_naming;

/* How a tool lays out the answers of a multi-select question. */
typedef enum tna_multi_layout {
    TNA_MULTI_ONE_CELL, /* every chosen option in one cell, between separators */
    TNA_MULTI_COLUMNS   /* a column per option; a non-blank cell means chosen */
} tna_multi_layout;

typedef struct tna_preset_info {
    tna_preset id;
    const char *name; /* as configuration spells it: "microsoft-forms" */
    const char *tool; /* as people call it: "Microsoft Forms" */
    int header_rows;  /* rows of headings at the top of the file (header_row 1, then
                         skip_after_header = header_rows - 1) */
    int text_row;     /* which of them (1-based) holds the question text, grid rows and
                         all, e.g. 2 for Qualtrics (row 1 holds ids) */
    tna_grid_naming grid;
    bool question_carried; /* the question heading stands over its first column only, and
                              the blank headings to its right continue it; the rows under it
                              name each column's row or option (SurveyMonkey, SmartSurvey) */
    bool codes;            /* headings may be question codes: "code", "code[SQ001]",
                              "code. text" (LimeSurvey) */
    tna_multi_layout multi;
    const char *separator;             /* one-cell multi-select: what stands between choices */
    tna_date_format date_format;       /* the order its timestamps are written in */
    const char *exclude_column;        /* heading of the column that marks rows that are not
                                          responses, or NULL */
    const char *const *exclude_values; /* ... and the values that mark them (NULL-ended) */
    const char *const *signature;      /* headings only this tool's exports carry, for
                                          recognising one (NULL-ended); compared as matching keys */
} tna_preset_info;

/* The entry of a preset (TNA_PRESET_NONE included: one header row, headings as they are,
 * one-cell multi-selects separated by ";", dates read in whichever order fits). */
const tna_preset_info *tna_preset_get(tna_preset preset);

/* Every tool's preset, in a fixed order, and how many (TNA_PRESET_NONE is not among them). */
extern const tna_preset_info *const tna_presets[];
extern const size_t tna_presets_count;

/* The tool whose signature headings the given header cells (matching keys, tna_text_key)
 * carry most of, or TNA_PRESET_NONE when none is there; a tie goes to the tool listed first
 * in tna_presets. Looks at every cell given, so pass all header rows. */
tna_preset tna_preset_detect(const char *const *cell_keys, size_t n);

#endif
