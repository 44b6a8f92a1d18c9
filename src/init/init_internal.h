/*
 * init_internal.h - what the files of src/init/ share; not part of the API.
 *
 * init.c drives `tna init` (reference files, the draft checked, then written); below it,
 * plan.c groups the exports into sources and periods, inspect.c reads one export (tool, header
 * rows, the answers in each column); fields.c finds the standard fields by their headings;
 * skillmatch.c names the skill a heading rates (and compares words for the nearest
 * reference value); unmatched.c lists the answers nothing matches; draft.c writes the YAML.
 * Nothing below calls back into init.c.
 */
#ifndef TNA_INIT_INTERNAL_H
#define TNA_INIT_INTERNAL_H

#include <glib.h>

#include "tna/colnames.h"
#include "tna/csvread.h"
#include "tna/init.h"
#include "tna/presets.h"

/* Distinct answers kept per column, and over a whole export: beyond them a column counts as
 * free text, and further new answers are not kept (their cells are still counted). */
#define TNA_INIT_MAX_DISTINCT     256
#define TNA_INIT_MAX_DISTINCT_ALL 200000
#define TNA_INIT_MAX_ANSWER_BYTES 256

/* What one column holds below its headings. */
typedef struct tna_init_column {
    GHashTable *counts; /* trimmed answer (owned) -> cells (GSIZE_TO_POINTER) */
    long non_blank;     /* non-blank cells */
    bool overflow;      /* more distinct answers than kept */
} tna_init_column;

/* An export being inspected. */
typedef struct tna_init_scan {
    const tna_model *model;
    tna_init_export *exp;
    const tna_preset_info *preset;
    GPtrArray *header; /* header rows: GPtrArray of char * each */
    tna_colnames *names;
    size_t ncol;
    tna_init_column *cols; /* ncol */
    bool *taken;           /* ncol: the column is some field's or skill's */
    size_t distinct_all;
    char *unreadable_date; /* the heading of a submitted column left out: no date in it reads */
} tna_init_scan;

/* Adds a sentence (taken) to the export's notes (inspect.c). */
void tna_init_note(tna_init_export *exp, char *note);
/* Frees what an answer holds; frees n answers and their array (inspect.c). */
void tna_init_answer_clear(tna_init_answer *a);
void tna_init_answers_free(tna_init_answer *answers, size_t n);

/* ---- fields.c ----------------------------------------------------------------------------- */

/* The columns whose headings say they hold a date of submission, best first (-1 ends). */
void tna_init_date_candidates(const tna_init_scan *scan, int *out, size_t max);
/* Fills scan->exp->fields and the format; marks the columns taken. */
void tna_init_find_fields(tna_init_scan *scan);
/* The heading that names exactly the columns cols[0..n) (when `all`), or column cols[0]
 * within them, as the configuration writes it; NULL when none does. Caller frees. */
char *tna_init_name_for(const tna_init_scan *scan, const int *cols, size_t n, bool all);
/* Notes that column c, which looks like `what`, is left out: no heading names it alone. */
void tna_init_unnamed(tna_init_scan *scan, size_t c, const char *what);
/* Whether column c is a choice question's "Other (please specify)" column. */
bool tna_init_is_other_column(const tna_init_scan *scan, size_t c);
/* Share (0..1) of the column's non-blank cells that mean something for field (answers.h),
 * missing answers included; -1 when it has none. */
double tna_init_share_matching(const tna_init_scan *scan, size_t c, tna_field field);

/* ---- skillmatch.c ------------------------------------------------------------------------- */

/* The content words of a matching key: split at what is not a letter or digit, without
 * little words (English and Welsh) and with plural and -ing endings taken off. Caller frees
 * with g_ptr_array_unref(). */
GPtrArray *tna_init_words(const char *key);
/* How alike two matching keys are, 0..1: the larger of the share of content words they have
 * in common (Dice) and of letters (1 - edit distance / length). */
double tna_init_similarity(const char *a, const char *b);
/* The same with the words of each (tna_init_words) at hand; a result at most `beat` may be
 * returned as any value up to `beat` (the letters are not counted when they cannot win). */
double tna_init_alike(const char *a, const GPtrArray *wa, const char *b, const GPtrArray *wb,
                      double beat);
/* Fills scan->exp->skills from the columns no field took. */
void tna_init_find_skills(tna_init_scan *scan);

/* ---- unmatched.c -------------------------------------------------------------------------- */

/* Fills scan->exp->answers. */
void tna_init_find_unmatched(tna_init_scan *scan);
/* The barriers a one-cell column's answers cite under a separator, for choosing it: how many
 * pieces of its cells (weighted by count) match a barrier. */
long tna_init_barrier_pieces(const tna_init_scan *scan, size_t c, const char *separator);

/* ---- draft.c ------------------------------------------------------------------------------ */

/* One source of the configuration: the exports of one shape. */
typedef struct tna_init_source {
    char *name;
    char *path;                   /* relative to the configuration, may hold {period} */
    const tna_init_export *first; /* the shape (the first export) */
    GPtrArray *exports;           /* const tna_init_export *, every export read for it */
    bool optional;                /* not every period has it */
    char *missing_periods;        /* which, for the comment, or NULL */
} tna_init_source;

typedef struct tna_init_plan {
    const tna_model *model;   /* owned */
    const char *config;       /* the path it will be written to */
    GPtrArray *exports;       /* tna_init_export *, owned, in the order given */
    GPtrArray *rel;           /* char *: each export's path relative to the configuration */
    GPtrArray *todo;          /* char *: what the user should know about the plan */
    GPtrArray *periods;       /* char * labels, oldest first */
    char *period_note;        /* where the period labels came from */
    GPtrArray *sources;       /* tna_init_source * */
    GPtrArray *frameworks;    /* char * paths relative to the configuration */
    tna_init_answer *answers; /* over every export: text and field merged, counts summed */
    size_t n_answers;
} tna_init_plan;

/* The configuration's text. Caller g_free()s. */
char *tna_init_draft(const tna_init_plan *plan);

/* ---- plan.c ------------------------------------------------------------------------------- */

/* Fills plan->sources, periods and period_note from plan->exports and rel (init.h says how);
 * `now` names the period when no export gives a date. */
void tna_init_plan_sources(tna_init_plan *plan, int64_t now);
/* Fills plan->answers: every export's unmatched answers, merged by field and text. */
void tna_init_plan_answers(tna_init_plan *plan);
/* Frees what the plan owns (the model too) and empties it. */
void tna_init_plan_clear(tna_init_plan *plan);

/* A YAML double-quoted scalar of s, appended to out. */
void tna_init_yaml_quote(GString *out, const char *s);

#endif
