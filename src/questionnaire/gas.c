/*
 * gas.c - the survey as a Google Apps Script (create-form.gs) that builds the Google Form in
 * the user's own account: open script.google.com, New project, paste the file, run
 * createForm, allow it to manage forms; the log gives the form's edit and share links.
 * docs/questionnaire.md describes the file.
 *
 * It calls Apps Script's Forms service (FormApp): FormApp.create, then per question
 * addTextItem, addListItem (a drop-down), addMultipleChoiceItem (showOtherOption for
 * "Other"), addCheckboxItem, and addGridItem with setRows and setColumns, each with setTitle,
 * setHelpText and setRequired; addPageBreakItem opens each part. Every text is
 * "Cymraeg / English", so the responses' sheet and CSV carry exactly the headings the
 * configuration reads: the question's title, and "Title [Row]" for a grid's rows.
 *
 * Strings are written as JSON string literals, which are JavaScript ones too.
 */
#include "questionnaire_internal.h"
#include "tna/quote.h"

static void js(FILE *fp, const char *s)
{
    char *q = tna_quote_json(s);
    fputs(q, fp);
    g_free(q);
}

static void list(FILE *fp, tna_q_survey *s, const tna_q_option *o, size_t n)
{
    fputs("[", fp);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ",\n      " : "\n      ", fp);
        js(fp, tna_q_option_text(s, &o[k]));
    }
    fputs("\n    ]", fp);
}

static void common(FILE *fp, tna_q_survey *s, const tna_q_question *q)
{
    fputs("\n    .setTitle(", fp);
    js(fp, tna_q_text(s, q));
    fputs(")", fp);
    if (q->help_en) {
        fputs("\n    .setHelpText(", fp);
        js(fp, tna_q_both(s, q->help_en, q->help_cy));
        fputs(")", fp);
    }
    fprintf(fp, "\n    .setRequired(%s)", q->required ? "true" : "false");
}

bool tna_q_write_gas(tna_q_survey *s, FILE *fp)
{
    fputs("/**\n"
          " * Builds the tna training-needs questionnaire as a Google Form in your account.\n"
          " * Written by tna questionnaire: keep the titles as they are, because the\n"
          " * configuration beside this file reads the responses by them.\n"
          " *\n"
          " * 1. Open https://script.google.com, choose New project, paste this file.\n"
          " * 2. Run createForm and allow it to create forms in your account.\n"
          " * 3. The log (View > Logs) shows the form's edit link and its link to share.\n"
          " */\n"
          "function createForm() {\n"
          "  var form = FormApp.create(",
          fp);
    js(fp, tna_q_both(s, s->title_en, s->title_cy));
    fputs(");\n  form.setDescription(", fp);
    js(fp, tna_q_both(s, s->intro_en, s->intro_cy));
    fputs(");\n  form.setProgressBar(true);\n", fp);
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        if (q->section_en && i > 0) {
            fputs("  form.addPageBreakItem().setTitle(", fp);
            js(fp, tna_q_both(s, q->section_en, q->section_cy));
            fputs(");\n", fp);
        }
        switch (q->kind) {
        case Q_TEXT:
            fputs("  form.addTextItem()", fp);
            common(fp, s, q);
            break;
        case Q_CHOICE:
        case Q_CHOICES:
            fputs(q->kind == Q_CHOICES ? "  form.addCheckboxItem()"
                  : q->long_list       ? "  form.addListItem()"
                                       : "  form.addMultipleChoiceItem()",
                  fp);
            common(fp, s, q);
            fputs("\n    .setChoiceValues(", fp);
            list(fp, s, q->options, q->n_options);
            fputs(")", fp);
            if (q->other) /* a ListItem (drop-down) has none: only councils, which have no Other */
                fputs("\n    .showOtherOption(true)", fp);
            break;
        case Q_GRID:
            fputs("  form.addGridItem()", fp);
            common(fp, s, q);
            fputs("\n    .setRows(", fp);
            list(fp, s, q->rows, q->n_rows);
            fputs(")\n    .setColumns(", fp);
            list(fp, s, q->options, q->n_options);
            fputs(")", fp);
            break;
        }
        fputs(";\n", fp);
    }
    fputs("  Logger.log('Edit the form: ' + form.getEditUrl());\n"
          "  Logger.log('Share the form: ' + form.getPublishedUrl());\n"
          "}\n",
          fp);
    return ferror(fp) == 0;
}
