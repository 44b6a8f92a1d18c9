/*
 * companions.c - the files that go with a questionnaire: the paper survey's data-entry
 * template (data-entry.csv), and the one-page note on bringing the PDF into Microsoft Forms
 * (setup-microsoft-forms.md).
 *
 * The template is one header row, UTF-8 with a byte-order mark (so Excel opens it as UTF-8),
 * a column per answer: staff_number, date (dd/mm/yyyy), council and role (the id printed
 * beside the ticked box, or the text written for Other in role_other), a column per skill
 * headed by its id (the number over the ticked box), trained (yes or no), a column per
 * barrier (1 when ticked) and barrier_other (what was written), language (welsh, english or
 * either). The configuration beside it reads those headings (reading.c).
 */
#include <string.h>

#include "questionnaire_internal.h"

static void csv_cell(FILE *fp, bool *first, const char *text)
{
    if (!*first)
        fputc(',', fp);
    *first = false;
    if (strpbrk(text, ",\"\r\n") == NULL) {
        fputs(text, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

bool tna_q_write_entry_template(tna_q_survey *s, FILE *fp)
{
    fputs("\xEF\xBB\xBF", fp);
    bool first = true;
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        switch (q->kind) {
        case Q_GRID:
            for (size_t k = 0; k < q->n_rows; k++)
                csv_cell(fp, &first, tna_q_entry_heading(s, q, &q->rows[k]));
            break;
        case Q_CHOICES:
            for (size_t k = 0; k < q->n_options; k++)
                csv_cell(fp, &first, tna_q_entry_heading(s, q, &q->options[k]));
            if (q->other)
                csv_cell(fp, &first, tna_q_entry_heading(s, q, NULL));
            break;
        default:
            csv_cell(fp, &first, tna_q_entry_heading(s, q, NULL));
            if (q->field == TNA_FIELD_RESPONDENT)
                csv_cell(fp, &first, "date");
            if (q->other) {
                char *h = g_strconcat(tna_q_entry_heading(s, q, NULL), "_other", NULL);
                csv_cell(fp, &first, h);
                g_free(h);
            }
            break;
        }
    }
    fputs("\r\n", fp);
    return ferror(fp) == 0;
}

static const char *form_type(const tna_q_question *q)
{
    switch (q->kind) {
    case Q_TEXT:
        return "Text";
    case Q_CHOICE:
        return q->other ? "Choice, one answer, with the Other option" : "Choice, one answer";
    case Q_CHOICES:
        return "Choice, multiple answers, with the Other option";
    case Q_GRID:
        return "Likert, the skills as statements and the levels as options";
    }
    return "";
}

/* The skills questions as one item of the note: how many, the first's title, the type
 * Forms should give them, and each topic with its number of statements. */
static void forms_note_grids(tna_q_survey *s, FILE *fp, const tna_q_question *first, size_t n_grids)
{
    fprintf(fp, "   - %zu skills question%s, \"%s\"%s: %s. Their topics and statements:\n     ",
            n_grids, n_grids == 1 ? "" : "s", tna_q_text(s, first),
            n_grids == 1 ? "" : " and the like", form_type(first));
    size_t column = 5;
    for (size_t i = 0, k = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        if (q->kind != Q_GRID)
            continue;
        char *item = g_strdup_printf("%s (%zu)%s", s->model->topics[q->topic].name, q->n_rows,
                                     ++k == n_grids ? "." : ",");
        size_t len = (size_t)g_utf8_strlen(item, -1);
        if (column > 5 && column + 1 + len > 88) {
            fputs("\n     ", fp);
            column = 5;
        }
        fprintf(fp, "%s%s", column > 5 ? " " : "", item);
        column += (column > 5 ? 1 : 0) + len;
        g_free(item);
    }
    fputc('\n', fp);
}

bool tna_q_write_forms_note(tna_q_survey *s, FILE *fp)
{
    fputs("# The questionnaire in Microsoft Forms\n\n"
          "Microsoft Forms imports no survey file, but it builds a form from a PDF: this is how\n"
          "to make the form that `tna.yaml`, beside this note, reads as it is.\n\n"
          "1. In Microsoft Forms choose **Quick import** and upload `questionnaire.pdf`.\n"
          "2. Check each question against the list below: Quick import guesses the types.\n"
          "   Keep every title, statement and option **exactly** as the PDF words them, Welsh\n"
          "   and English: the configuration reads the responses by them.\n",
          fp);
    /* The skills questions, one per topic, share one item (their titles differ only in the
     * topic): listed one by one, a full survey's note would run to two printed pages. */
    size_t n_grids = 0;
    for (size_t i = 0; i < s->n_questions; i++)
        n_grids += s->questions[i].kind == Q_GRID;
    bool grids_done = false;
    for (size_t i = 0; i < s->n_questions; i++) {
        const tna_q_question *q = &s->questions[i];
        if (q->kind == Q_GRID) {
            if (!grids_done)
                forms_note_grids(s, fp, q, n_grids);
            grids_done = true;
            continue;
        }
        fprintf(fp, "   - \"%s\": %s", tna_q_text(s, q), form_type(q));
        if (q->kind != Q_TEXT)
            fprintf(fp, " (%zu options)", q->n_options);
        fputs(q->required ? "; required\n" : "\n", fp);
    }
    fputs("3. Leave the questions unnumbered (Settings: untick question numbers if shown).\n"
          "4. Share the form. At the end of the period choose **Responses**, **Open results in\n"
          "   Excel**, and save the workbook as **CSV UTF-8** at\n"
          "   `exports/PERIOD/responses.csv` beside `tna.yaml` (PERIOD as in its `periods:`).\n"
          "5. Run `tna validate tna.yaml`: it says if a heading did not come through as\n"
          "   written; then `tna run tna.yaml`.\n",
          fp);
    return ferror(fp) == 0;
}
