/*
 * qsf.c - the survey as a Qualtrics survey file (survey.qsf), to import with Create project
 * > Survey > From a file. docs/questionnaire.md describes the file.
 *
 * A .qsf is JSON: SurveyEntry (the survey's name, language and bookkeeping) and
 * SurveyElements, a list of typed elements: BL the blocks (one, holding every question, and
 * the empty trash block), FL the flow (that block), SO the options, SCO, PROJ, STAT, QC (the
 * question count), RS (the response set), and an SQ per question with its Payload: the text,
 * DataExportTag (the export's column name, from the question's code), the type (TE text entry,
 * MC multiple choice with selector SAVR one answer, MAVR several, DL drop-down, Matrix Likert
 * SingleAnswer), Choices and, for a matrix, Answers (the columns), in ChoiceOrder and
 * AnswerOrder, and RecodeValues (a level's number, 1 and 0 for yes and no) for exports with
 * numeric values.
 *
 * The export's first header row holds the export tags, and the configuration reads the
 * columns by them (reading.c), so they come from ids, never from positions or texts: a
 * question's tag is its code, a grid row's tag (ChoiceDataExportTags) "CODE_SKILLCODE", and
 * the Other choice is choice 99 whatever the number of options, so its text's column is
 * "CODE_99_TEXT". A skill, council or level renamed, or an option added, changes no column
 * a configuration names; and each choice's variable name (VariableNaming, what the cells
 * hold) is what it means, so no cell changes either.
 *
 * Every text is "Cymraeg / English": a Qualtrics export writes the base language's text
 * whatever language the respondent chose, so one bilingual text is what both read and what
 * the export's headings and cells hold. Texts are HTML in Qualtrics: &, < and > are escaped.
 */
#include <string.h>

#include "questionnaire_internal.h"
#include "tna/quote.h"

#define SURVEY_ID "SV_tnaQuestionnaire01"

typedef struct qsf {
    FILE *fp;
    tna_q_survey *s;
    int depth;
    bool first; /* no comma before the next member or item */
} qsf;

static void newline(qsf *j)
{
    fprintf(j->fp, "\n%*s", 2 * j->depth, "");
}

static void sep(qsf *j)
{
    if (!j->first)
        fputc(',', j->fp);
    j->first = false;
    newline(j);
}

static void str(qsf *j, const char *s)
{
    char *q = tna_quote_json(s);
    fputs(q, j->fp);
    g_free(q);
}

/* A text as Qualtrics' HTML holds it. */
static void html(qsf *j, const char *s)
{
    GString *h = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (*p == '&')
            g_string_append(h, "&amp;");
        else if (*p == '<')
            g_string_append(h, "&lt;");
        else if (*p == '>')
            g_string_append(h, "&gt;");
        else
            g_string_append_c(h, *p);
    }
    str(j, h->str);
    g_string_free(h, TRUE);
}

static void key(qsf *j, const char *k)
{
    sep(j);
    str(j, k);
    fputs(": ", j->fp);
}

/* A choice's key, its number as text ("1", "99"), to use within one expression. */
typedef struct choice_key {
    char text[24];
} choice_key;

static choice_key choice_id(size_t n)
{
    choice_key k;
    snprintf(k.text, sizeof k.text, "%zu", n);
    return k;
}

static void kstr(qsf *j, const char *k, const char *v)
{
    key(j, k);
    if (v)
        str(j, v);
    else
        fputs("null", j->fp);
}

static void kraw(qsf *j, const char *k, const char *v)
{
    key(j, k);
    fputs(v, j->fp);
}

static void jopen(qsf *j, const char *k, char bracket)
{
    if (k)
        key(j, k);
    else
        sep(j);
    fputc(bracket, j->fp);
    j->depth++;
    j->first = true;
}

static void jclose(qsf *j, char bracket)
{
    j->depth--;
    if (!j->first)
        newline(j);
    fputc(bracket, j->fp);
    j->first = false;
}

static void element(qsf *j, const char *type, const char *primary, const char *secondary,
                    const char *tertiary)
{
    jopen(j, NULL, '{');
    kstr(j, "SurveyID", SURVEY_ID);
    kstr(j, "Element", type);
    kstr(j, "PrimaryAttribute", primary);
    kstr(j, "SecondaryAttribute", secondary);
    kstr(j, "TertiaryAttribute", tertiary);
}

static void entry(qsf *j)
{
    tna_q_survey *s = j->s;
    jopen(j, "SurveyEntry", '{');
    kstr(j, "SurveyID", SURVEY_ID);
    kstr(j, "SurveyName", tna_q_both(s, s->title_en, s->title_cy));
    kstr(j, "SurveyDescription", NULL);
    kstr(j, "SurveyOwnerID", "UR_tna");
    kstr(j, "SurveyBrandID", "");
    kstr(j, "DivisionID", NULL);
    kstr(j, "SurveyLanguage", "EN");
    kstr(j, "SurveyActiveResponseSet", "RS_tnaDefault01");
    kstr(j, "SurveyStatus", "Inactive");
    kstr(j, "SurveyStartDate", "0000-00-00 00:00:00");
    kstr(j, "SurveyExpirationDate", "0000-00-00 00:00:00");
    kstr(j, "SurveyCreationDate", "0000-00-00 00:00:00");
    kstr(j, "CreatorID", "UR_tna");
    kstr(j, "LastModified", "0000-00-00 00:00:00");
    kstr(j, "LastAccessed", "0000-00-00 00:00:00");
    kstr(j, "LastActivated", "0000-00-00 00:00:00");
    kstr(j, "Deleted", NULL);
    jclose(j, '}');
}

static char *qid(size_t i)
{
    return g_strdup_printf("QID%zu", i + 1);
}

static void blocks_and_flow(qsf *j)
{
    tna_q_survey *s = j->s;
    element(j, "BL", "Survey Blocks", NULL, NULL);
    jopen(j, "Payload", '[');
    jopen(j, NULL, '{');
    kstr(j, "Type", "Default");
    kstr(j, "Description", "Default Question Block");
    kstr(j, "ID", "BL_tnaQuestions01");
    jopen(j, "BlockElements", '[');
    for (size_t i = 0; i < s->n_questions; i++) {
        jopen(j, NULL, '{');
        kstr(j, "Type", "Question");
        char *id = qid(i);
        kstr(j, "QuestionID", id);
        g_free(id);
        jclose(j, '}');
    }
    jclose(j, ']');
    jclose(j, '}');
    jopen(j, NULL, '{');
    kstr(j, "Type", "Trash");
    kstr(j, "Description", "Trash / Unused Questions");
    kstr(j, "ID", "BL_tnaTrash01");
    jopen(j, "BlockElements", '[');
    jclose(j, ']');
    jclose(j, '}');
    jclose(j, ']');
    jclose(j, '}');

    element(j, "FL", "Survey Flow", NULL, NULL);
    jopen(j, "Payload", '{');
    jopen(j, "Flow", '[');
    jopen(j, NULL, '{');
    kstr(j, "ID", "BL_tnaQuestions01");
    kstr(j, "Type", "Block");
    kstr(j, "FlowID", "FL_2");
    jclose(j, '}');
    jclose(j, ']');
    jopen(j, "Properties", '{');
    kraw(j, "Count", "2");
    jclose(j, '}');
    kstr(j, "FlowID", "FL_1");
    kstr(j, "Type", "Root");
    jclose(j, '}');
    jclose(j, '}');
}

static void options_and_counts(qsf *j)
{
    static const char *const options[][2] = {{"BackButton", "true"},
                                             {"SaveAndContinue", "true"},
                                             {"SurveyProtection", "PublicSurvey"},
                                             {"BallotBoxStuffingPrevention", "false"},
                                             {"NoIndex", "Yes"},
                                             {"SecureResponseFiles", "true"},
                                             {"SurveyExpiration", "None"},
                                             {"SurveyTermination", "DefaultMessage"},
                                             {"Header", ""},
                                             {"Footer", ""},
                                             {"ProgressBarDisplay", "Text"},
                                             {"PartialData", "+1 week"},
                                             {"ValidationMessage", ""},
                                             {"PreviousButton", " ← "},
                                             {"NextButton", " → "},
                                             {"SurveyLanguage", "EN"}};
    element(j, "SO", "Survey Options", NULL, NULL);
    jopen(j, "Payload", '{');
    for (size_t i = 0; i < G_N_ELEMENTS(options); i++)
        kstr(j, options[i][0], options[i][1]);
    jclose(j, '}');
    jclose(j, '}');

    element(j, "SCO", "Scoring", NULL, NULL);
    jopen(j, "Payload", '{');
    jopen(j, "ScoringCategories", '[');
    jclose(j, ']');
    jopen(j, "ScoringCategoryGroups", '[');
    jclose(j, ']');
    kraw(j, "ScoringSummaryCategory", "null");
    kraw(j, "ScoringSummaryAfterQuestions", "0");
    kraw(j, "ScoringSummaryAfterSurvey", "0");
    kraw(j, "DefaultScoringCategory", "null");
    kraw(j, "AutoScoringCategory", "null");
    jclose(j, '}');
    jclose(j, '}');

    element(j, "PROJ", "CORE", NULL, "1.1.0");
    jopen(j, "Payload", '{');
    kstr(j, "ProjectCategory", "CORE");
    kstr(j, "SchemaVersion", "1.1.0");
    jclose(j, '}');
    jclose(j, '}');

    element(j, "STAT", "Survey Statistics", NULL, NULL);
    jopen(j, "Payload", '{');
    kraw(j, "MobileCompatible", "true");
    kstr(j, "ID", "Survey Statistics");
    jclose(j, '}');
    jclose(j, '}');

    char count[32];
    snprintf(count, sizeof count, "%zu", j->s->n_questions);
    element(j, "QC", "Survey Question Count", count, NULL);
    kraw(j, "Payload", "null");
    jclose(j, '}');

    element(j, "RS", "RS_tnaDefault01", "Default Response Set", NULL);
    kraw(j, "Payload", "null");
    jclose(j, '}');
}

size_t tna_q_qsf_other_id(const tna_q_question *q)
{
    return q->n_options < 99 ? 99 : q->n_options + 1;
}

const char *tna_q_qsf_row_tag(tna_q_survey *s, const tna_q_question *q, const tna_q_option *row)
{
    return tna_q_keepf(s, "%s_%s", q->code, row->name);
}

/* Choices (or a matrix's Answers) keyed "1".."n", with an Other choice that takes text
 * (keyed tna_q_qsf_other_id). */
static void choices(qsf *j, const char *name, const char *order_name, const tna_q_option *o,
                    size_t n, bool other, size_t other_id)
{
    tna_q_survey *s = j->s;
    jopen(j, name, '{');
    for (size_t k = 0; k < n; k++) {
        jopen(j, choice_id(k + 1).text, '{');
        key(j, "Display");
        html(j, tna_q_option_text(s, &o[k]));
        jclose(j, '}');
    }
    if (other) {
        jopen(j, choice_id(other_id).text, '{');
        key(j, "Display");
        html(j, tna_q_both(s, s->other_en, s->other_cy));
        kstr(j, "TextEntry", "true");
        jclose(j, '}');
    }
    jclose(j, '}');
    jopen(j, order_name, '[');
    for (size_t k = 0; k < n + (other ? 1 : 0); k++) {
        sep(j);
        str(j, choice_id(k < n ? k + 1 : other_id).text);
    }
    jclose(j, ']');
}

/* Each choice's variable name, what an export of choice text writes in the cells (Qualtrics
 * Support, "Recode Values": "the variable name is the label of the choice when you export in
 * choice text format"; by default the choice's text): the meaning, an id, a level's number,
 * yes or no, welsh, english or either, and "other" for Other. So the cells do not change
 * when a council, role, barrier or level is renamed, and read as they are. */
static void variable_names(qsf *j, const tna_q_question *q)
{
    jopen(j, "VariableNaming", '{');
    for (size_t k = 0; k < q->n_options; k++)
        kstr(j, choice_id(k + 1).text, q->options[k].meaning);
    if (q->other)
        kstr(j, choice_id(tna_q_qsf_other_id(q)).text, "other");
    jclose(j, '}');
}

/* A grid's rows' export tags, from their ids: the export's columns "CODE_SKILLCODE". */
static void row_tags(qsf *j, const tna_q_question *q)
{
    jopen(j, "ChoiceDataExportTags", '{');
    for (size_t k = 0; k < q->n_rows; k++)
        kstr(j, choice_id(k + 1).text, tna_q_qsf_row_tag(j->s, q, &q->rows[k]));
    jclose(j, '}');
}

/* A level's number (yes 1, no 0) for exports of numeric values. */
static void recodes(qsf *j, const tna_q_question *q)
{
    jopen(j, "RecodeValues", '{');
    for (size_t k = 0; k < q->n_options; k++) {
        const char *m = q->options[k].meaning;
        kstr(j, choice_id(k + 1).text,
             strcmp(m, "yes") == 0  ? "1"
             : strcmp(m, "no") == 0 ? "0"
                                    : m);
    }
    jclose(j, '}');
}

static void question(qsf *j, size_t i)
{
    tna_q_survey *s = j->s;
    const tna_q_question *q = &s->questions[i];
    char *id = qid(i);
    const char *text = tna_q_text(s, q);
    element(j, "SQ", id, text, NULL);
    jopen(j, "Payload", '{');
    key(j, "QuestionText");
    html(j, text);
    kstr(j, "DataExportTag", q->code);
    kraw(j, "DefaultChoices", "false");
    switch (q->kind) {
    case Q_TEXT:
        kstr(j, "QuestionType", "TE");
        kstr(j, "Selector", "SL");
        break;
    case Q_CHOICE:
        kstr(j, "QuestionType", "MC");
        kstr(j, "Selector", q->long_list ? "DL" : "SAVR");
        if (!q->long_list)
            kstr(j, "SubSelector", "TX");
        break;
    case Q_CHOICES:
        kstr(j, "QuestionType", "MC");
        kstr(j, "Selector", "MAVR");
        kstr(j, "SubSelector", "TX");
        break;
    case Q_GRID:
        kstr(j, "QuestionType", "Matrix");
        kstr(j, "Selector", "Likert");
        kstr(j, "SubSelector", "SingleAnswer");
        break;
    }
    jopen(j, "Configuration", '{');
    kstr(j, "QuestionDescriptionOption", "UseText");
    jclose(j, '}');
    kstr(j, "QuestionDescription", text);
    if (q->kind == Q_GRID) {
        choices(j, "Choices", "ChoiceOrder", q->rows, q->n_rows, false, 0);
        row_tags(j, q);
        choices(j, "Answers", "AnswerOrder", q->options, q->n_options, false, 0);
        recodes(j, q);
        variable_names(j, q);
    } else if (q->kind != Q_TEXT) {
        choices(j, "Choices", "ChoiceOrder", q->options, q->n_options, q->other,
                tna_q_qsf_other_id(q));
        if (q->field == TNA_FIELD_TRAINED)
            recodes(j, q);
        variable_names(j, q);
    }
    jopen(j, "Validation", '{');
    jopen(j, "Settings", '{');
    kstr(j, "ForceResponse", q->required ? "ON" : "OFF");
    kstr(j, "ForceResponseType", "ON");
    kstr(j, "Type", "None");
    jclose(j, '}');
    jclose(j, '}');
    jopen(j, "Language", '[');
    jclose(j, ']');
    char next[32];
    snprintf(next, sizeof next, "%zu",
             (q->kind == Q_GRID ? q->n_rows
              : q->other        ? tna_q_qsf_other_id(q)
                                : q->n_options) +
                 1);
    kraw(j, "NextChoiceId", next);
    snprintf(next, sizeof next, "%zu", q->kind == Q_GRID ? q->n_options + 1 : 1);
    kraw(j, "NextAnswerId", next);
    kstr(j, "QuestionID", id);
    jclose(j, '}');
    jclose(j, '}');
    g_free(id);
}

bool tna_q_write_qsf(tna_q_survey *s, FILE *fp)
{
    qsf j = {fp, s, 0, true};
    fputc('{', fp);
    j.depth = 1;
    entry(&j);
    jopen(&j, "SurveyElements", '[');
    blocks_and_flow(&j);
    options_and_counts(&j);
    for (size_t i = 0; i < s->n_questions; i++)
        question(&j, i);
    jclose(&j, ']');
    j.depth = 0;
    fputs("\n}\n", fp);
    return ferror(fp) == 0;
}
