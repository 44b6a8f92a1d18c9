/*
 * questionnaire.h - `tna questionnaire`: the survey, written by tna, in the form a survey
 * tool imports, and the configuration that reads that tool's export of it.
 *
 * From a configuration's frameworks (or some of their topics), roles, councils and barriers,
 * tna_questionnaire_write() builds one bilingual questionnaire: the staff number, the council,
 * the job role (with "Other"), a grid per topic rating each skill on its framework's scale,
 * training in the last 12 months, the barriers to learning (several, with "Other") and the
 * language the person would rather learn in. It writes it for one tool into a directory:
 *
 *   limesurvey       survey.lss: a LimeSurvey survey structure (XML), Welsh and English as
 *                    its two languages
 *   qualtrics        survey.qsf: a Qualtrics survey file (JSON), every text "Cymraeg / English"
 *   google-forms     create-form.gs: an Apps Script that builds the form in the user's own
 *                    Google account, every text "Cymraeg / English"
 *   microsoft-forms  questionnaire.pdf for Forms' Quick import, and setup-microsoft-forms.md,
 *                    a one-page note on what to check after importing it
 *   paper            questionnaire.pdf (A4, large type, tagged, fonts embedded) and
 *                    data-entry.csv, the template its answers are typed into
 *
 * and, beside it, tna.yaml: a configuration whose one source reads that tool's export of the
 * survey as it is (its headings exactly what the tool writes), with the same periods,
 * reference files, privacy threshold and commissioning as the configuration given.
 *
 * Stable codes: every question, row and option code derives from an id (a topic, skill,
 * council, role or barrier id, a level number), never from its position, so a survey written
 * again next quarter (a skill added, a council renamed) exports the same codes for what it
 * kept, and this quarter's configuration still reads it. Where the tool exports texts rather
 * than codes (Google Forms, Microsoft Forms, Qualtrics), the texts come from the names, and
 * the same names give the same headings. When the directory holds an earlier tna.yaml, the
 * new one lists, in comments, the framework versions that changed and the skills added or
 * removed since.
 *
 * The files appear together or not at all (outputs.h), in DIR kept a plain directory: the
 * user saves the exports there, beside tna.yaml, and other files in it are left alone.
 * Memory: *report (may be NULL) is new, freed with tna_questionnaire_report_free().
 *
 * Errors: TNA_ERR_USAGE (an unknown tool or topic; no topic left), TNA_ERR_CONFIG (the
 * configuration does not load, or two ids give one code), TNA_ERR_OUTPUT (a file cannot be
 * written).
 */
#ifndef TNA_QUESTIONNAIRE_H
#define TNA_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/error.h"

typedef enum tna_qtool {
    TNA_QTOOL_LIMESURVEY,
    TNA_QTOOL_QUALTRICS,
    TNA_QTOOL_GOOGLE_FORMS,
    TNA_QTOOL_MICROSOFT_FORMS,
    TNA_QTOOL_PAPER,
    TNA_QTOOL_COUNT
} tna_qtool;

/* "limesurvey", "qualtrics", "google-forms", "microsoft-forms", "paper". */
extern const char *const tna_qtool_names[TNA_QTOOL_COUNT];

typedef struct tna_questionnaire_options {
    const char *config;        /* the analysis configuration */
    const char *tool;          /* one of tna_qtool_names */
    const char *dir;           /* where the files go; NULL: questionnaire-TOOL */
    const char *const *topics; /* topic ids to ask about (in this order); NULL: every topic */
    size_t n_topics;
    int64_t now; /* the PDF's date (seconds since 1970 UTC): SOURCE_DATE_EPOCH makes it fixed */
} tna_questionnaire_options;

typedef struct tna_questionnaire_report {
    char **files; /* the files written, paths */
    size_t n_files;
    char **notes; /* what the user should know or do next, a line each */
    size_t n_notes;
    size_t n_questions, n_skills; /* questions asked, skills rated */
} tna_questionnaire_report;

tna_status tna_questionnaire_write(const tna_questionnaire_options *options,
                                   tna_questionnaire_report **report,
                                   tna_error *err) TNA_MUST_CHECK;

void tna_questionnaire_report_free(tna_questionnaire_report *report);

#endif
