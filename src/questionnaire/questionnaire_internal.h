/*
 * questionnaire_internal.h - what the files of src/questionnaire/ share; not part of the API.
 *
 * questionnaire.c drives `tna questionnaire`: it loads the configuration, builds the survey
 * (survey.c: the questions, their bilingual wording and their codes, one description for
 * every tool), has one writer lay it out in its tool's format (lss.c, qsf.c, gas.c, paper.c
 * with paper_layout.c) and writes the configuration that reads the tool's export of it
 * (reading.c). Writers only read the survey; nothing calls back into questionnaire.c.
 *
 * Codes: every code comes from an id through code_of() (survey.c), never from a position, so
 * the same framework, role and council ids give the same codes in next quarter's survey.
 */
#ifndef TNA_QUESTIONNAIRE_INTERNAL_H
#define TNA_QUESTIONNAIRE_INTERNAL_H

#include <glib.h>
#include <stdio.h>

#include "tna/error.h"
#include "tna/model.h"
#include "tna/questionnaire.h"

typedef enum tna_q_kind {
    Q_TEXT,    /* a line of text (the staff number) */
    Q_CHOICE,  /* one of the options */
    Q_CHOICES, /* any of the options */
    Q_GRID     /* one option (a level) per row (a skill) */
} tna_q_kind;

/* An option of a question, a row of a grid, or a column (level) of a grid. */
typedef struct tna_q_option {
    const char *code; /* a short code from its id: at most 5 letters and digits, a letter
                         first (LimeSurvey's answer codes) */
    const char *name; /* a longer one: at most 20 (LimeSurvey's subquestion codes) */
    const char *en, *cy;
    const char *meaning; /* what tna reads it as: an authority, role, barrier or skill id, a
                            level number, yes or no, welsh, english or either */
} tna_q_option;

typedef struct tna_q_question {
    const char *code; /* the question's code: LimeSurvey's title, Qualtrics' export tag */
    tna_q_kind kind;
    tna_field field; /* what it answers; TNA_FIELD_COUNT for a skills grid */
    const char *en, *cy;
    const char *help_en, *help_cy;
    tna_q_option *options; /* choices, or a grid's columns */
    size_t n_options;
    tna_q_option *rows; /* a grid's rows: skills */
    size_t n_rows;
    bool other; /* offers "Other (please specify)", with a box for the text */
    bool required;
    bool long_list;                      /* long enough to be a drop-down where the tool has one */
    uint32_t topic;                      /* a grid's topic */
    const char *section_en, *section_cy; /* the heading of the part it opens, or NULL */
} tna_q_question;

typedef struct tna_q_survey {
    const tna_model *model;
    const char *title_en, *title_cy;
    const char *intro_en, *intro_cy;
    const char *other_en, *other_cy; /* "Other (please specify)" */
    tna_q_question *questions;
    size_t n_questions;
    size_t n_skills;
    GStringChunk *strings;
} tna_q_survey;

/* ---- survey.c ----------------------------------------------------------------------------- */

/* The survey for the model's topics (topics[0..n), in that order; every topic when n is 0).
 * Errors: an unknown topic (TNA_ERR_USAGE), two ids giving one code (TNA_ERR_CONFIG). */
tna_status tna_q_survey_build(const tna_model *model, const char *const *topics, size_t n_topics,
                              tna_q_survey *survey, tna_error *err);
void tna_q_survey_clear(tna_q_survey *survey);

/* A formatted text kept by the survey. */
const char *tna_q_keepf(tna_q_survey *s, const char *fmt, ...) TNA_PRINTF(2, 3);
/* "Cymraeg / English" (the one text when both are the same), kept by the survey. */
const char *tna_q_both(tna_q_survey *s, const char *en, const char *cy);
/* The question's text as the single-language tools show it. */
const char *tna_q_text(tna_q_survey *s, const tna_q_question *q);
/* An option's text as the single-language tools show it. */
const char *tna_q_option_text(tna_q_survey *s, const tna_q_option *o);
/* The question a field is asked by, or NULL. */
const tna_q_question *tna_q_find(const tna_q_survey *s, tna_field field);

/* The heading of a column of the paper survey's data-entry template: a question's (o NULL),
 * an option's of a multiple choice ("barrier_ID", o NULL: "barrier_other"), a grid row's
 * (the skill id). Kept by the survey. */
const char *tna_q_entry_heading(tna_q_survey *s, const tna_q_question *q, const tna_q_option *o);

/* A code from an id: its letters and digits, `first` when it does not start with a letter,
 * at most max characters (the last four then a hash of the whole id). Kept by the survey. */
const char *tna_q_code(tna_q_survey *s, const char *id, char first, size_t max);

/* ---- the writers -------------------------------------------------------------------------- */

/* Each writes its tool's file of the survey into fp; false after a write error. */
bool tna_q_write_lss(tna_q_survey *s, FILE *fp);
bool tna_q_write_qsf(tna_q_survey *s, FILE *fp);
/* Qualtrics' export tags, from ids (qsf.c): the choice id of a question's Other, whose text
 * the export heads "CODE_ID_TEXT", and a grid row's tag, "CODE_SKILLCODE" (kept by s). */
size_t tna_q_qsf_other_id(const tna_q_question *q);
const char *tna_q_qsf_row_tag(tna_q_survey *s, const tna_q_question *q, const tna_q_option *row);
bool tna_q_write_gas(tna_q_survey *s, FILE *fp);
/* The printable PDF: with the office-use codes a typist enters (paper), or without them
 * (for Microsoft Forms' Quick import). Errors name `name`. */
tna_status tna_q_write_pdf(tna_q_survey *s, FILE *fp, bool codes, int64_t now, const char *name,
                           tna_error *err);
/* The data-entry template of the paper survey: its header row. */
bool tna_q_write_entry_template(tna_q_survey *s, FILE *fp);
/* The one-page note on importing the PDF into Microsoft Forms. */
bool tna_q_write_forms_note(tna_q_survey *s, FILE *fp);

/* ---- reading.c ---------------------------------------------------------------------------- */

typedef struct tna_q_reading {
    tna_qtool tool;
    const char *config_path; /* the configuration given */
    const char *dir;         /* where the new one goes */
    const char *previous;    /* the text of the tna.yaml the directory held, or NULL */
    GPtrArray *changes;      /* char *: what changed since then, for the comments and notes */
    GHashTable *earlier;     /* reading.c's own (NULL before): the earlier file's headings and
                                answer texts still to read, for the tools that export texts */
} tna_q_reading;

/* The configuration that reads the tool's export of the survey. */
bool tna_q_write_reading(tna_q_survey *s, tna_q_reading *r, FILE *fp);

#endif
