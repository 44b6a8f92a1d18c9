/*
 * lss.c - the survey as a LimeSurvey survey structure file (survey.lss), to import with
 * Surveys > Create survey > Import. docs/questionnaire.md describes the file.
 *
 * An .lss is LimeSurvey's database tables written out as XML: per table a <fields> list and
 * <rows>, each row an element per field. This writes the tables of LimeSurvey 4 and later
 * (DBVersion 425, which later versions import and upgrade): surveys and their per-language
 * settings; groups, questions, subquestions and answers, with their texts per language in
 * the *_l10ns tables. Rows refer to each other by number (gid, qid, aid): the numbers here
 * are the file's own, and LimeSurvey renumbers them on import; the codes (question titles,
 * subquestion titles, answer codes) are what the export carries, and they come from ids
 * (survey.c).
 *
 * Welsh is the base language and English the second: the respondent switches between them;
 * the export writes codes, or the answers' text in the language chosen for it.
 */
#include <string.h>

#include "questionnaire_internal.h"
#include "tna/quote.h"

#define DB_VERSION 425

typedef struct lss {
    FILE *fp;
    tna_q_survey *s;
    int sid;
} lss;

static void text(lss *x, const char *s)
{
    char *q = tna_quote_xml(s);
    fputs(q, x->fp);
    g_free(q);
}

/* <name>value</name>, or <name/> for no value. */
static void cell(lss *x, const char *name, const char *value)
{
    if (value == NULL || value[0] == '\0') {
        fprintf(x->fp, "    <%s/>\n", name);
        return;
    }
    fprintf(x->fp, "    <%s>", name);
    text(x, value);
    fprintf(x->fp, "</%s>\n", name);
}

static void celli(lss *x, const char *name, long value)
{
    fprintf(x->fp, "    <%s>%ld</%s>\n", name, value, name);
}

static void table_begin(lss *x, const char *table, const char *const *fields)
{
    fprintf(x->fp, " <%s>\n  <fields>\n", table);
    for (const char *const *f = fields; *f; f++)
        fprintf(x->fp, "   <fieldname>%s</fieldname>\n", *f);
    fputs("  </fields>\n  <rows>\n", x->fp);
}

static void table_end(lss *x, const char *table)
{
    fprintf(x->fp, "  </rows>\n </%s>\n", table);
}

static const char *const question_fields[] = {
    "qid",          "parent_qid", "sid",        "gid",       "type",           "title",
    "preg",         "other",      "mandatory",  "encrypted", "question_order", "scale_id",
    "same_default", "relevance",  "modulename", NULL};

static const char *type_of(const tna_q_question *q)
{
    switch (q->kind) {
    case Q_TEXT:
        return "S"; /* short free text */
    case Q_CHOICE:
        return q->long_list ? "!" : "L"; /* list (drop-down), list (radio) */
    case Q_CHOICES:
        return "M"; /* multiple choice */
    case Q_GRID:
        return "F"; /* array */
    }
    return "S";
}

/* The group each question is in: a new one where a section starts. */
static int group_of(const tna_q_survey *s, size_t i)
{
    int g = 0;
    for (size_t j = 0; j <= i; j++)
        g += s->questions[j].section_en != NULL;
    return g > 0 ? g : 1;
}

/* qid of question i, and of its first subquestion: questions first, subquestions after. */
static int qid_of(size_t i)
{
    return (int)i + 1;
}

static void question_row(lss *x, int qid, int parent, int gid, const char *type, const char *title,
                         bool other, bool mandatory, int order)
{
    fputs("   <row>\n", x->fp);
    celli(x, "qid", qid);
    celli(x, "parent_qid", parent);
    celli(x, "sid", x->sid);
    celli(x, "gid", gid);
    cell(x, "type", type);
    cell(x, "title", title);
    cell(x, "preg", NULL);
    cell(x, "other", other ? "Y" : "N");
    cell(x, "mandatory", mandatory ? "Y" : "N");
    cell(x, "encrypted", "N");
    celli(x, "question_order", order);
    celli(x, "scale_id", 0);
    celli(x, "same_default", 0);
    cell(x, "relevance", "1");
    cell(x, "modulename", NULL);
    fputs("   </row>\n", x->fp);
}

/* The rows of subquestions: a grid's skills, a multiple choice's options. */
static const tna_q_option *subquestions(const tna_q_question *q, size_t *n)
{
    *n = q->kind == Q_GRID ? q->n_rows : q->kind == Q_CHOICES ? q->n_options : 0;
    return q->kind == Q_GRID ? q->rows : q->options;
}

static void questions(lss *x)
{
    tna_q_survey *s = x->s;
    table_begin(x, "questions", question_fields);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        question_row(x, qid_of(i), 0, group_of(s, i), type_of(q), q->code, q->other, q->required,
                     (int)i + 1);
    }
    table_end(x, "questions");
    table_begin(x, "subquestions", question_fields);
    int qid = (int)s->n_questions + 1;
    for (size_t i = 0; i < s->n_questions; i++) {
        size_t n;
        const tna_q_option *sub = subquestions(&s->questions[i], &n);
        for (size_t k = 0; k < n; k++)
            question_row(x, qid++, qid_of(i), group_of(s, i), type_of(&s->questions[i]),
                         sub[k].name, false, false, (int)k + 1);
    }
    table_end(x, "subquestions");
}

static void l10n_row(lss *x, int id, int qid, const char *question, const char *help,
                     const char *lang)
{
    fputs("   <row>\n", x->fp);
    celli(x, "id", id);
    celli(x, "qid", qid);
    cell(x, "question", question);
    cell(x, "help", help);
    cell(x, "language", lang);
    fputs("   </row>\n", x->fp);
}

static const char *cy_or_en(const char *cy, const char *en)
{
    return cy && cy[0] ? cy : en;
}

static void question_texts(lss *x)
{
    static const char *const fields[] = {"id", "qid", "question", "help", "language", NULL};
    tna_q_survey *s = x->s;
    table_begin(x, "question_l10ns", fields);
    int id = 1;
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        l10n_row(x, id++, qid_of(i), cy_or_en(q->cy, q->en), cy_or_en(q->help_cy, q->help_en),
                 "cy");
        l10n_row(x, id++, qid_of(i), q->en, q->help_en, "en");
    }
    int qid = (int)s->n_questions + 1;
    for (size_t i = 0; i < s->n_questions; i++) {
        size_t n;
        const tna_q_option *sub = subquestions(&s->questions[i], &n);
        for (size_t k = 0; k < n; k++, qid++) {
            l10n_row(x, id++, qid, cy_or_en(sub[k].cy, sub[k].en), NULL, "cy");
            l10n_row(x, id++, qid, sub[k].en, NULL, "en");
        }
    }
    table_end(x, "question_l10ns");
}

/* The answers of lists and grids (a multiple choice's options are subquestions). */
static void answers(lss *x)
{
    static const char *const fields[] = {"aid",      "qid", "code", "sortorder", "assessment_value",
                                         "scale_id", NULL};
    static const char *const l10n_fields[] = {"id", "aid", "answer", "language", NULL};
    tna_q_survey *s = x->s;
    for (int pass = 0; pass < 2; pass++) {
        table_begin(x, pass == 0 ? "answers" : "answer_l10ns", pass == 0 ? fields : l10n_fields);
        int aid = 1, id = 1;
        for (size_t i = 0; i < s->n_questions; i++) {
            const tna_q_question *q = &s->questions[i];
            if (q->kind != Q_CHOICE && q->kind != Q_GRID)
                continue;
            for (size_t k = 0; k < q->n_options; k++, aid++) {
                const tna_q_option *o = &q->options[k];
                if (pass == 0) {
                    fputs("   <row>\n", x->fp);
                    celli(x, "aid", aid);
                    celli(x, "qid", qid_of(i));
                    cell(x, "code", o->code);
                    celli(x, "sortorder", (long)k);
                    celli(x, "assessment_value", 0);
                    celli(x, "scale_id", 0);
                    fputs("   </row>\n", x->fp);
                    continue;
                }
                const char *texts[2][2] = {{cy_or_en(o->cy, o->en), "cy"}, {o->en, "en"}};
                for (int l = 0; l < 2; l++) {
                    fputs("   <row>\n", x->fp);
                    celli(x, "id", id++);
                    celli(x, "aid", aid);
                    cell(x, "answer", texts[l][0]);
                    cell(x, "language", texts[l][1]);
                    fputs("   </row>\n", x->fp);
                }
            }
        }
        table_end(x, pass == 0 ? "answers" : "answer_l10ns");
    }
}

static void groups(lss *x)
{
    static const char *const fields[] = {"gid",        "sid", "group_order", "randomization_group",
                                         "grelevance", NULL};
    static const char *const l10n_fields[] = {"id",          "gid",      "group_name",
                                              "description", "language", NULL};
    tna_q_survey *s = x->s;
    table_begin(x, "groups", fields);
    int g = 0;
    for (size_t i = 0; i < s->n_questions; i++) {
        if (s->questions[i].section_en == NULL)
            continue;
        g++;
        fputs("   <row>\n", x->fp);
        celli(x, "gid", g);
        celli(x, "sid", x->sid);
        celli(x, "group_order", g);
        cell(x, "randomization_group", NULL);
        cell(x, "grelevance", "1");
        fputs("   </row>\n", x->fp);
    }
    table_end(x, "groups");
    table_begin(x, "group_l10ns", l10n_fields);
    g = 0;
    int id = 1;
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        if (q->section_en == NULL)
            continue;
        g++;
        const char *names[2][2] = {{cy_or_en(q->section_cy, q->section_en), "cy"},
                                   {q->section_en, "en"}};
        for (int l = 0; l < 2; l++) {
            fputs("   <row>\n", x->fp);
            celli(x, "id", id++);
            celli(x, "gid", g);
            cell(x, "group_name", names[l][0]);
            cell(x, "description", NULL);
            cell(x, "language", names[l][1]);
            fputs("   </row>\n", x->fp);
        }
    }
    table_end(x, "group_l10ns");
}

static void survey(lss *x)
{
    /* a setting left to the site's defaults is "I" (inherit), as LimeSurvey writes it */
    static const char *const fields[][2] = {{"admin", "inherit"},
                                            {"adminemail", "inherit"},
                                            {"anonymized", "N"},
                                            {"format", "G"},
                                            {"savetimings", "N"},
                                            {"template", "inherit"},
                                            {"language", "cy"},
                                            {"additional_languages", "en"},
                                            {"datestamp", "Y"},
                                            {"usecookie", "N"},
                                            {"allowregister", "N"},
                                            {"allowsave", "Y"},
                                            {"autonumber_start", "0"},
                                            {"autoredirect", "N"},
                                            {"allowprev", "Y"},
                                            {"printanswers", "N"},
                                            {"ipaddr", "N"},
                                            {"refurl", "N"},
                                            {"showsurveypolicynotice", "0"},
                                            {"publicstatistics", "N"},
                                            {"publicgraphs", "N"},
                                            {"listpublic", "N"},
                                            {"htmlemail", "Y"},
                                            {"sendconfirmation", "N"},
                                            {"tokenanswerspersistence", "N"},
                                            {"assessments", "N"},
                                            {"usecaptcha", "N"},
                                            {"usetokens", "N"},
                                            {"showxquestions", "Y"},
                                            {"showgroupinfo", "B"},
                                            {"shownoanswer", "N"},
                                            {"showqnumcode", "X"},
                                            {"showwelcome", "Y"},
                                            {"showprogress", "Y"},
                                            {"questionindex", "0"},
                                            {"navigationdelay", "0"},
                                            {"nokeyboard", "N"},
                                            {"alloweditaftercompletion", "N"}};
    const char *names[G_N_ELEMENTS(fields) + 3] = {"sid", "gsid"};
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
        names[i + 2] = fields[i][0];
    names[G_N_ELEMENTS(fields) + 2] = NULL;
    table_begin(x, "surveys", names);
    fputs("   <row>\n", x->fp);
    celli(x, "sid", x->sid);
    celli(x, "gsid", 1);
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
        cell(x, fields[i][0], fields[i][1]);
    fputs("   </row>\n", x->fp);
    table_end(x, "surveys");

    static const char *const ls_fields[] = {"surveyls_survey_id",    "surveyls_language",
                                            "surveyls_title",        "surveyls_description",
                                            "surveyls_welcometext",  "surveyls_endtext",
                                            "surveyls_numberformat", NULL};
    table_begin(x, "surveys_languagesettings", ls_fields);
    tna_q_survey *s = x->s;
    const char *texts[2][4] = {{"cy", s->title_cy, s->intro_cy, "Diolch am eich atebion."},
                               {"en", s->title_en, s->intro_en, "Thank you for your answers."}};
    for (int l = 0; l < 2; l++) {
        fputs("   <row>\n", x->fp);
        celli(x, "surveyls_survey_id", x->sid);
        cell(x, "surveyls_language", texts[l][0]);
        cell(x, "surveyls_title", texts[l][1]);
        cell(x, "surveyls_description", texts[l][2]);
        cell(x, "surveyls_welcometext", texts[l][2]);
        cell(x, "surveyls_endtext", texts[l][3]);
        celli(x, "surveyls_numberformat", 0);
        fputs("   </row>\n", x->fp);
    }
    table_end(x, "surveys_languagesettings");
}

/* A survey id from the topics asked about: the same survey gets the same id. */
static int survey_id(const tna_q_survey *s)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < s->n_questions; i++)
        for (const unsigned char *p = (const unsigned char *)s->questions[i].code; *p; p++)
            h = (h ^ *p) * 16777619u;
    return 100000 + (int)(h % 900000u);
}

bool tna_q_write_lss(tna_q_survey *s, FILE *fp)
{
    lss x = {fp, s, survey_id(s)};
    fprintf(fp,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<document>\n"
            " <LimeSurveyDocType>Survey</LimeSurveyDocType>\n"
            " <DBVersion>%d</DBVersion>\n"
            " <languages>\n  <language>cy</language>\n  <language>en</language>\n"
            " </languages>\n",
            DB_VERSION);
    answers(&x);
    groups(&x);
    questions(&x);
    question_texts(&x);
    survey(&x);
    fputs("</document>\n", fp);
    return ferror(fp) == 0;
}
