/*
 * pdf_appendix.c - method and data quality: the definitions behind every figure, the
 * privacy rule with its threshold and how many groups it hid, rows read, accepted, rejected
 * and excluded per source and period, the data-quality log counted by reason, and (in a
 * Welsh or bilingual report) the configured texts shown in English for want of a Welsh
 * form.
 *
 * Reasons are counted after folding what varies within a kind ("unrecognised answer for
 * skill cd-seo" and "... for skill dd-m365" are one kind; numbers become N), so the table
 * stays short; the full log with file, line and column is data-quality-PERIOD.csv. No
 * logged value is shown here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

static void definition(pdf_doc *d, const char *term, const char *text)
{
    double h, th;
    tna_chart_text_size(d->cr, text, PDF_WIDTH - 120, 8.5, CHART_WRAP, 0, NULL, &h);
    tna_chart_text_size(d->cr, term, 112, 8.5, CHART_BOLD | CHART_WRAP, 0, NULL, &th);
    h = fmax(h, th);
    tna_pdf_need(d, h);
    tna_pdf_tag_begin(d, "P", NULL);
    tna_chart_set_rgb(d->cr, tna_chart_ink);
    tna_chart_text(d->cr, term, PDF_LEFT, d->y, 112, 8.5, CHART_BOLD | CHART_WRAP, CHART_LEFT, 0);
    tna_chart_text(d->cr, text, PDF_LEFT + 120, d->y, PDF_WIDTH - 120, 8.5, CHART_WRAP, CHART_LEFT, 0);
    tna_pdf_tag_end(d, "P");
    d->y += h + 5;
}

static void definitions(pdf_doc *d)
{
    tna_pdf_h2(d, tna_pdf_t(d, TERM_DEFINITIONS));
    definition(d, tna_pdf_t(d, TERM_GAP), tna_pdf_t(d, TERM_DEFINE_GAP));
    definition(d, tna_pdf_t(d, TERM_MEAN_GAP), tna_pdf_t(d, TERM_DEFINE_MEAN_GAP));
    definition(d, tna_pdf_t(d, TERM_SHARE_BELOW_TARGET), tna_pdf_t(d, TERM_DEFINE_SHARE_BELOW));
    definition(d, tna_pdf_t(d, TERM_LEARNERS_NEEDING_TRAINING), tna_pdf_t(d, TERM_DEFINE_LEARNERS_NEEDING));
    definition(d, tna_pdf_t(d, TERM_RESPONDENTS), tna_pdf_t(d, TERM_DEFINE_RESPONDENTS));
    definition(d, tna_pdf_t(d, TERM_RATINGS),
               pdf_tf(d, TERM_DEFINE_RATINGS, tna_rater_policy_names[d->m->rater_policy]));
    definition(d, tna_pdf_t(d, TERM_PERIODS), pdf_tf(d, TERM_DEFINE_PERIODS, d->cur->period));
}

static void privacy(pdf_doc *d)
{
    tna_pdf_h2(d, tna_pdf_t(d, TERM_PRIVACY));
    int k = d->res->min_group_size;
    if (k <= 1)
        tna_pdf_para(d, tna_pdf_t(d, TERM_PRIVACY_OFF));
    else
        tna_pdf_para(d, pdf_tf(d, TERM_PRIVACY_RULE_PDF, k, k, d->marker_short, d->protect_short,
                           d->cur->period, tna_pdf_count(d, (int64_t)d->cur->n_suppressed_primary),
                           tna_pdf_count(d, (int64_t)d->cur->n_suppressed_secondary)));
    tna_pdf_para(d, tna_pdf_t(d, TERM_NO_PERSONAL_DATA_PDF));
}

static void sources(pdf_doc *d)
{
    const tna_results *res = d->res;
    const tna_model *m = d->m;
    tna_pdf_h2(d, tna_pdf_t(d, TERM_ROWS_READ_ACCEPTED_REJECTED_EXCLUDED));
    size_t n = res->n_periods * m->n_sources;
    if (n == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NO_SOURCES_WERE_READ));
        return;
    }
    tna_pdf_para(d, tna_pdf_t(d, TERM_ROWS_READ_EXPLAINED));
    enum { NC = 8 };
    const char *head[NC] = {tna_pdf_t(d, TERM_PERIOD),          tna_pdf_t(d, TERM_SOURCE),
                            tna_pdf_t(d, TERM_ROWS_READ),       tna_pdf_t(d, TERM_ACCEPTED),
                            tna_pdf_t(d, TERM_REJECTED),        tna_pdf_t(d, TERM_EXCLUDED),
                            tna_pdf_t(d, TERM_UNRECOGNISED_ANSWERS),
                            tna_pdf_t(d, TERM_UNREADABLE_DATES)};
    const char **cells = g_new0(const char *, n *NC);
    unsigned char *kind = g_new0(unsigned char, n *NC);
    size_t r = 0;
    for (size_t p = 0; p < res->n_periods; p++) {
        for (size_t s = 0; s < m->n_sources; s++) {
            const tna_source_read *st =
                s < res->periods[p].n_sources ? &res->periods[p].sources[s] : NULL;
            const char **c = cells + r * NC;
            c[0] = res->periods[p].period;
            c[1] = m->sources[s].name;
            if (st == NULL || !st->present) {
                c[2] = tna_pdf_t(d, TERM_NO_FILE);
                kind[r * NC + 2] = PDF_CELL_MUTED;
            } else {
                c[2] = tna_pdf_count(d, st->rows_read);
                c[3] = tna_pdf_count(d, st->accepted);
                c[4] = tna_pdf_count(d, st->rejected);
                c[5] = tna_pdf_count(d, st->excluded);
                c[6] = tna_pdf_count(d, st->unrecognised_answers);
                c[7] = tna_pdf_count(d, st->bad_dates);
            }
            r++;
        }
    }
    double width[NC] = {50, 0, 56, 52, 50, 50, 68, 62};
    chart_align align[NC] = {CHART_LEFT,  CHART_LEFT,  CHART_RIGHT, CHART_RIGHT,
                             CHART_RIGHT, CHART_RIGHT, CHART_RIGHT, CHART_RIGHT};
    pdf_table t = {NC, r, head, width, align, cells, kind, 7.5};
    tna_pdf_table_draw(d, &t);
    g_free(cells), g_free(kind);
}

typedef struct reason_count {
    const char *reason;
    long count[8];
    long total;
} reason_count;

static int by_total_desc(const void *a, const void *b)
{
    const reason_count *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->reason, y->reason);
}

static void data_quality(pdf_doc *d)
{
    const tna_results *res = d->res;
    tna_pdf_h2(d, tna_pdf_t(d, TERM_DATA_QUALITY_LOG_BY_REASON));
    /* the last (up to) four periods, one column each */
    size_t first = res->n_periods > 4 ? res->n_periods - 4 : 0, np = res->n_periods - first;
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(reason_count));
    for (size_t p = first; p < res->n_periods; p++) {
        for (size_t i = 0; i < res->periods[p].n_dq; i++) {
            const tna_dq_count *dq = &res->periods[p].dq[i];
            if (dq->note)
                continue; /* not a problem: the table above counts excluded rows */
            /* by kind: a reason whose detail varies by entry (a skill id, numbers) once */
            const char *kept = tna_label_dq(d->l, dq->reason, dq->bad, dq->detail, true);
            gpointer at;
            if (!g_hash_table_lookup_extended(index, kept, NULL, &at)) {
                reason_count rc = {kept, {0}, 0};
                g_array_append_val(rows, rc);
                at = GSIZE_TO_POINTER(rows->len);
                g_hash_table_insert(index, (gpointer)kept, at);
            }
            reason_count *rc = &g_array_index(rows, reason_count, GPOINTER_TO_SIZE(at) - 1);
            rc->count[p - first] += dq->entries;
            rc->total += dq->entries;
        }
    }
    g_hash_table_destroy(index);
    if (rows->len == 0) {
        tna_pdf_para(d, tna_pdf_t(d, TERM_NOTHING_LOGGED));
        g_array_free(rows, TRUE);
        return;
    }
    g_array_sort(rows, by_total_desc);
    size_t nc = 1 + np;
    const char **head = g_new0(const char *, nc);
    double *width = g_new0(double, nc);
    head[0] = tna_pdf_t(d, TERM_REASON_AS_LOGGED);
    for (size_t p = 0; p < np; p++)
        head[1 + p] = res->periods[first + p].period, width[1 + p] = 58;
    const char **cells = g_new0(const char *, rows->len *nc);
    for (guint i = 0; i < rows->len; i++) {
        const reason_count *rc = &g_array_index(rows, reason_count, i);
        cells[i * nc] = rc->reason;
        for (size_t p = 0; p < np; p++)
            cells[i * nc + 1 + p] = tna_pdf_count(d, rc->count[p]);
    }
    pdf_table t = {nc, rows->len, head, width, NULL, cells, NULL, 7.5};
    tna_pdf_table_draw(d, &t);
    tna_pdf_note(d, tna_pdf_t(d, TERM_EVERY_ENTRY_IN_CSV));
    g_free(cells), g_free(head), g_free(width);
    g_array_free(rows, TRUE);
}

static void configuration(pdf_doc *d)
{
    const tna_model *m = d->m;
    tna_pdf_h2(d, tna_pdf_t(d, TERM_WHAT_WAS_ANALYSED));
    char *base = g_path_get_basename(m->config_path ? m->config_path : "");
    GString *fw = g_string_new(NULL);
    for (size_t f = 0; f < m->n_frameworks; f++) {
        if (f)
            g_string_append(fw, "; ");
        g_string_append(fw, tna_label_framework(d->l, (uint32_t)f));
        if (m->frameworks[f].version && m->frameworks[f].version[0])
            g_string_append_printf(fw, " (%s)", m->frameworks[f].version);
    }
    tna_pdf_para(d, pdf_tf(d, TERM_WHAT_WAS_ANALYSED_TEXT, fw->str, m->n_topics, m->n_skills,
                       m->n_roles, m->n_authorities, m->n_regions, base));
    g_string_free(fw, TRUE);
    g_free(base);
}

/* Welsh and bilingual reports list the configured texts they show in English, as the
 * configuration gives no Welsh form for them (at most 30 here; tna validate lists all). */
typedef struct untranslated_rows {
    pdf_doc *d;
    const char **cells;
    size_t n, max;
} untranslated_rows;

static void untranslated_row(void *ctx, const tna_untranslated *u)
{
    untranslated_rows *r = ctx;
    if (r->n >= r->max)
        return;
    const char **c = r->cells + r->n++ * 4;
    c[0] = tna_pdf_t(r->d, tna_text_kind_term(u->kind));
    c[1] = u->id;
    c[2] = u->text;
    c[3] = u->key;
}

static void untranslated(pdf_doc *d)
{
    size_t n = tna_model_each_untranslated(d->m, NULL, NULL);
    if (d->opt->language == TNA_LANG_EN || n == 0)
        return;
    tna_pdf_h2(d, tna_pdf_t(d, TERM_SHOWN_IN_ENGLISH));
    tna_pdf_para(d, tna_pdf_t(d, TERM_SHOWN_IN_ENGLISH_INTRO));
    enum { NC = 4 };
    const char *head[NC] = {tna_pdf_t(d, TERM_KIND), tna_pdf_t(d, TERM_IDENTIFIER), tna_pdf_t(d, TERM_TEXT),
                            tna_pdf_t(d, TERM_KEY_TO_ADD)};
    untranslated_rows rows = {d, g_new0(const char *, 30 * NC), 0, 30};
    tna_model_each_untranslated(d->m, untranslated_row, &rows);
    double width[NC] = {70, 110, 0, 70};
    chart_align align[NC] = {CHART_LEFT, CHART_LEFT, CHART_LEFT, CHART_LEFT};
    pdf_table t = {NC, rows.n, head, width, align, rows.cells, NULL, 7.5};
    tna_pdf_table_draw(d, &t);
    if (n > rows.n)
        tna_pdf_note(d, pdf_tf(d, TERM_SHOWN_IN_ENGLISH_MORE, n - rows.n));
    g_free(rows.cells);
}

void tna_pdf_pages_appendix(pdf_doc *d)
{
    tna_pdf_section_begin(d, PDF_SEC_APPENDIX, tna_pdf_section_title(d, PDF_SEC_APPENDIX));
    definitions(d);
    privacy(d);
    sources(d);
    data_quality(d);
    configuration(d);
    untranslated(d);
}
