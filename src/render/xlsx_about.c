/*
 * tna_xlsx_about.c - the Data quality and About sheets.
 *
 * Data quality: rows read, accepted and rejected for every source in every period, then the
 * data-quality log of every period read counted by file, column and reason (with the first
 * line of each), at most XW_LOG_LIMIT rows with a line pointing at data-quality-PERIOD.csv
 * for the rest. No logged value is shown: a value is input text, possibly personal, and the
 * workbook is for sharing; data-quality-PERIOD.csv lists every entry with its value. The
 * frozen rows reach down to the log's header while the sources block is short; the filter
 * is on the log.
 *
 * About: what the workbook is (title, period, the run time from options->now in UTC, tna's
 * version), the privacy rule with its threshold and how many groups it hid, what each
 * figure means, the configuration (file, frameworks, parameters) and the inputs used.
 */
#include <stdarg.h>

#include "xlsx_write.h"

#define SOURCES_FROZEN_MAX 12 /* a longer sources block is not kept in the frozen rows */

void tna_xlsx_data_quality(xw *x)
{
    const tna_model *m = x->m;
    const tna_results *r = x->r;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_DATA_QUALITY);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_DATA_QUALITY), tna_xw_t(x, TERM_DATA_QUALITY_INTRO));
    const char *sh[] = {tna_xw_t(x, TERM_PERIOD),
                        tna_xw_t(x, TERM_FILE),
                        tna_xw_t(x, TERM_ROWS_READ),
                        tna_xw_t(x, TERM_ACCEPTED),
                        tna_xw_t(x, TERM_REJECTED),
                        tna_xw_t(x, TERM_SOURCE),
                        tna_xw_t(x, TERM_UNRECOGNISED_ANSWERS),
                        tna_xw_t(x, TERM_UNREADABLE_DATES),
                        tna_xw_t(x, TERM_INVALID_TEXT),
                        tna_xw_t(x, TERM_DATE_FORMAT)};
    /* the log below shares the columns: Period, File, Column, Entries, First line, Reason */
    static const double widths[] = {10, 44, 11, 11, 11, 56, 13, 12, 10, 10};
    tna_xw_header(x, ws, 3, sh, 10, widths, "ttnnntnnnt");
    lxw_row_t row = 4;
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t s = 0; s < m->n_sources && s < r->periods[p].n_sources; s++, row++) {
            const tna_source_read *st = &r->periods[p].sources[s];
            tna_xw_text(x, ws, row, 0, r->periods[p].period, x->text);
            tna_xw_text(x, ws, row, 1, st->path ? st->path : "", x->text);
            tna_xw_text(x, ws, row, 5, m->sources[s].name, x->indent);
            if (!st->present) {
                tna_xw_text(x, ws, row, 2, tna_xw_t(x, TERM_NO_FILE), x->suppressed);
                continue;
            }
            long v[] = {st->rows_read, st->accepted,    st->rejected, st->unrecognised_answers,
                        st->bad_dates, st->invalid_text};
            static const lxw_col_t at[] = {2, 3, 4, 6, 7, 8};
            for (size_t k = 0; k < G_N_ELEMENTS(v); k++)
                tna_xw_int(x, ws, row, at[k], v[k], x->integer);
            tna_xw_text(x, ws, row, 9, tna_date_format_names[st->date_format], x->indent);
        }
    lxw_row_t sources_end = row;
    row++;
    tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_DATA_QUALITY_LOG), x->heading);
    const char *lh[] = {tna_xw_t(x, TERM_PERIOD),  tna_xw_t(x, TERM_FILE),       tna_xw_t(x, TERM_COLUMN),
                        tna_xw_t(x, TERM_ENTRIES), tna_xw_t(x, TERM_FIRST_LINE), tna_xw_t(x, TERM_REASON)};
    tna_xw_header(x, ws, row, lh, 6, NULL, "ttnnnt");
    lxw_row_t header = row++;
    size_t shown = 0, total = 0;
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t i = 0; i < r->periods[p].n_dq; i++, total++) {
            if (shown >= XW_LOG_LIMIT || row >= XW_ROW_LIMIT - 1)
                continue;
            const tna_dq_count *c = &r->periods[p].dq[i];
            tna_xw_text(x, ws, row, 0, r->periods[p].period, x->text);
            tna_xw_text(x, ws, row, 1, c->file, x->text);
            if (c->column > 0)
                tna_xw_int(x, ws, row, 2, c->column, x->integer);
            tna_xw_int(x, ws, row, 3, c->entries, x->integer);
            if (c->first_line > 0)
                tna_xw_int(x, ws, row, 4, c->first_line, x->integer);
            tna_xw_text(x, ws, row, 5, tna_label_dq(x->l, c->reason, c->bad, c->detail, false), x->text);
            row++, shown++;
        }
    if (total == 0)
        tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_NO_PROBLEMS_FOUND), x->note);
    if (shown < total) {
        const char *more = tna_label_termf(x->l, TERM_MORE_LOG_ROWS, total - shown, x->cur->period);
        tna_xw_text(x, ws, row++, 0, more, x->note);
    }
    tna_xw_check(x, worksheet_autofilter(ws, header, 0, row - 1, 5));
    worksheet_freeze_panes(ws, sources_end - 4 <= SOURCES_FROZEN_MAX ? header + 1 : 4, 0);
}

/* About rows: a label in A, a value or explanation in B. */
static void item(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *label, const char *value)
{
    tna_xw_text(x, ws, *row, 0, label, x->bold);
    tna_xw_text(x, ws, *row, 1, value, x->wrap);
    tna_xw_fit(x, ws, *row, tna_xw_lines(value, 100));
    (*row)++;
}

/* An item whose value is a term formatted with arguments (tna_label_termf). */
#define itemf(x, ws, row, label, term, ...)                                                        \
    item(x, ws, row, label, tna_label_termf(x->l, term, __VA_ARGS__))

/* An item whose value is the same in every language: names, ids and numbers. */
static void item_text(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *label, const char *fmt,
                      ...) TNA_PRINTF(5, 6);
static void item_text(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *label, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    item(x, ws, row, label, text);
    g_free(text);
}

static void heading(xw *x, lxw_worksheet *ws, lxw_row_t *row, const char *text)
{
    (*row)++;
    tna_xw_text(x, ws, (*row)++, 0, text, x->heading);
}

static void definitions(xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
    const tna_commissioning *c = &x->m->commissioning;
    heading(x, ws, row, tna_xw_t(x, TERM_WHAT_THE_FIGURES_MEAN));
    const char *fig[XW_FIGURES];
    tna_xw_figure_headers(x, fig);
    item(x, ws, row, fig[0], tna_xw_t(x, TERM_DEFINE_RESPONDENTS_XLSX));
    item(x, ws, row, fig[1], tna_xw_t(x, TERM_DEFINE_ASSESSED));
    item(x, ws, row, fig[2], tna_xw_t(x, TERM_DEFINE_BELOW_TARGET));
    item(x, ws, row, fig[3], tna_xw_t(x, TERM_DEFINE_TOTAL_GAP));
    item(x, ws, row, fig[4], tna_xw_t(x, TERM_DEFINE_MEAN_GAP_XLSX));
    item(x, ws, row, fig[5], tna_xw_t(x, TERM_DEFINE_SHARE_BELOW_XLSX));
    item(x, ws, row, fig[6], tna_xw_t(x, TERM_DEFINE_LEARNERS_NEEDING_XLSX));
    itemf(x, ws, row, tna_xw_t(x, TERM_SELF_DIRECTED_AND_COHORTS), TERM_DEFINE_SELF_DIRECTED,
          c->elearning_max_gap);
    itemf(x, ws, row, tna_xw_t(x, TERM_COHORTS_AND_POOLING), TERM_DEFINE_COHORTS, c->cohort_max,
          c->cohort_min);
    if (x->costed) {
        char *cohort = tna_xw_money(c->cost_per_cohort),
             *learner = tna_xw_money(c->cost_per_elearning_learner);
        if (c->has_cost_per_open_place) { /* a pool under cohort_min buys open places */
            char *place = tna_xw_money(c->cost_per_open_place);
            itemf(x, ws, row, tna_xw_t(x, TERM_COST_AND_SAVING), TERM_DEFINE_COST_OPEN, cohort,
                  place, c->cohort_min, learner, c->cohort_min);
            g_free(place);
        } else {
            itemf(x, ws, row, tna_xw_t(x, TERM_COST_AND_SAVING), TERM_DEFINE_COST, cohort,
                  learner);
        }
        g_free(cohort);
        g_free(learner);
    } else {
        item(x, ws, row, tna_xw_t(x, TERM_COST_AND_SAVING), tna_xw_t(x, TERM_COSTS_NOT_SET));
    }
    /* the rule as configured, in the Mentors sheet's words */
    item(x, ws, row, tna_xw_t(x, TERM_EXPERTS), tna_label_mentor_rule(x->l));
    item(x, ws, row, tna_xw_t(x, TERM_PROGRESS_AND_STATUS), tna_xw_t(x, TERM_DEFINE_PROGRESS));
    for (size_t i = 0; i < x->m->n_expectations; i++)
        if (x->m->expectations[i].metric == TNA_METRIC_SHARE_AT_TARGET) {
            item(x, ws, row, tna_xw_t(x, TERM_METRIC_SHARE_AT_TARGET),
                 tna_label_term_sentence(x->l, TERM_DEFINE_SHARE_AT_TARGET));
            break;
        }
    item(x, ws, row, tna_xw_t(x, TERM_KIRKPATRICK_LEVELS), tna_xw_t(x, TERM_DEFINE_KIRKPATRICK));
    item(x, ws, row, tna_xw_t(x, TERM_CHANGES), tna_xw_t(x, TERM_DEFINE_CHANGES));
}

static void configuration(xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
    const tna_model *m = x->m;
    const tna_results *r = x->r;
    heading(x, ws, row, tna_xw_t(x, TERM_CONFIGURATION_AND_INPUTS));
    item(x, ws, row, tna_xw_t(x, TERM_CONFIGURATION_FILE), m->config_path ? m->config_path : "");
    for (size_t f = 0; f < m->n_frameworks; f++) {
        const tna_framework *fw = &m->frameworks[f];
        item_text(x, ws, row, tna_xw_t(x, TERM_FRAMEWORK), "%s (%s%s%s): %u %s; %s",
                  tna_label_framework(x->l, (uint32_t)f), fw->id, fw->version ? ", " : "",
                  fw->version ? fw->version : "", fw->n_topics, tna_xw_t(x, TERM_TOPICS_LOWER),
                  fw->path ? fw->path : "");
    }
    item_text(x, ws, row, tna_xw_t(x, TERM_REFERENCE_DATA), "%zu %s, %zu %s, %zu %s, %zu %s",
              m->n_roles, tna_xw_t(x, TERM_ROLES_LOWER), m->n_authorities,
              tna_xw_t(x, TERM_AUTHORITIES_LOWER), m->n_regions, tna_xw_t(x, TERM_REGIONS_LOWER),
              m->n_skills, tna_xw_t(x, TERM_SKILLS_LOWER));
    item(x, ws, row, tna_xw_t(x, TERM_RATER_POLICY), tna_rater_policy_names[m->rater_policy]);
    item_text(x, ws, row, tna_xw_t(x, TERM_EXPECTATIONS), "%zu", m->n_expectations);
    for (size_t p = 0; p < r->n_periods; p++)
        for (size_t s = 0; s < m->n_sources && s < r->periods[p].n_sources; s++) {
            const tna_source_read *st = &r->periods[p].sources[s];
            const tna_source *src = &m->sources[s];
            item_text(
                x, ws, row, tna_xw_t(x, TERM_INPUT), "%s %s: %s (%s, %s%s%s)%s%s", r->periods[p].period,
                src->name, st->path ? st->path : "", tna_format_names[src->format],
                tna_encoding_names[st->present ? st->encoding : src->encoding],
                src->preset != TNA_PRESET_NONE ? ", " : "",
                src->preset != TNA_PRESET_NONE ? tna_preset_names[src->preset] : "",
                st->present ? "" : " - ", st->present ? "" : tna_xw_t(x, TERM_NO_FILE_THIS_PERIOD));
            if (st->present)
                itemf(x, ws, row, tna_xw_t(x, TERM_ROWS), TERM_ROWS_READ_EQUATION, st->rows_read,
                      st->accepted, st->rejected, st->excluded);
        }
}

/* Welsh and bilingual workbooks list the configured texts they show in English, for want
 * of a Welsh form: kind, then "id: text (key to add)". */
typedef struct untranslated_items {
    xw *x;
    lxw_worksheet *ws;
    lxw_row_t *row;
} untranslated_items;

static void untranslated_item(void *ctx, const tna_untranslated *u)
{
    untranslated_items *it = ctx;
    item_text(it->x, it->ws, it->row, tna_xw_t(it->x, tna_text_kind_term(u->kind)), "%s%s%s (%s)",
              u->id, u->id[0] ? ": " : "", u->text, u->key);
}

static void untranslated(xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
    if (x->opt->language == TNA_LANG_EN || tna_model_each_untranslated(x->m, NULL, NULL) == 0)
        return;
    heading(x, ws, row, tna_xw_t(x, TERM_SHOWN_IN_ENGLISH));
    item(x, ws, row, "", tna_xw_t(x, TERM_SHOWN_IN_ENGLISH_INTRO));
    untranslated_items it = {x, ws, row};
    tna_model_each_untranslated(x->m, untranslated_item, &it);
}

void tna_xlsx_about(xw *x)
{
    const tna_model *m = x->m;
    lxw_worksheet *ws = tna_xw_sheet(x, TERM_ABOUT);
    tna_xw_title(x, ws, tna_xw_t(x, TERM_ABOUT_THIS_WORKBOOK), tna_xw_t(x, TERM_ABOUT_INTRO));
    tna_xw_check(x, worksheet_set_column(ws, 0, 0, 30, NULL));
    tna_xw_check(x, worksheet_set_column(ws, 1, 1, 100, NULL));
    worksheet_freeze_panes(ws, 2, 0);
    lxw_row_t row = 3;
    item(x, ws, &row, tna_xw_t(x, TERM_TITLE), tna_label_title(x->l));
    item(x, ws, &row, tna_xw_t(x, TERM_CURRENT_PERIOD), x->cur->period);
    GString *periods = g_string_new(NULL);
    for (size_t p = 0; p < x->r->n_periods; p++)
        g_string_append_printf(periods, "%s%s", p ? ", " : "", x->r->periods[p].period);
    item(x, ws, &row, tna_xw_t(x, TERM_PERIODS_IN_THE_RUN), periods->str);
    g_string_free(periods, TRUE);
    char *when = tna_xw_utc(x->opt->now);
    item(x, ws, &row, tna_xw_t(x, TERM_RUN_AT), when);
    g_free(when);
    item(x, ws, &row, tna_xw_t(x, TERM_WRITTEN_BY), "tna " TNA_VERSION);
    item(x, ws, &row, tna_xw_t(x, TERM_LANGUAGE),
         tna_xw_t(x, x->opt->language == TNA_LANG_CY     ? TERM_LANGUAGE_NAME_CY
                 : x->opt->language == TNA_LANG_BOTH
                     ? (m->language_order == TNA_ORDER_EN_FIRST ? TERM_LANGUAGE_NAME_BOTH_EN_FIRST
                                                                : TERM_LANGUAGE_NAME_BOTH)
                                                     : TERM_LANGUAGE_NAME_EN));

    heading(x, ws, &row, tna_xw_t(x, TERM_PRIVACY));
    tna_xw_text(x, ws, row, 0, tna_xw_t(x, TERM_THRESHOLD_RESPONDENTS), x->bold);
    tna_xw_int(x, ws, row++, 1, x->r->min_group_size, x->left_integer);
    itemf(x, ws, &row, tna_xw_t(x, TERM_RULE), TERM_PRIVACY_RULE_XLSX, x->r->min_group_size, x->marker,
          x->r->min_group_size, x->protect);
    itemf(x, ws, &row, tna_xw_t(x, TERM_HIDDEN_THIS_PERIOD), TERM_HIDDEN_THIS_PERIOD_TEXT,
          x->cur->n_suppressed_primary, x->cur->n_suppressed_secondary, x->cur->n_groups);
    definitions(x, ws, &row);
    configuration(x, ws, &row);
    untranslated(x, ws, &row);
}
