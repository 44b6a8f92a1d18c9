/*
 * xlsx.c - tna-PERIOD.xlsx, the workbook for L&D leads and commissioners (docs/outputs.md); see
 * include/tna/render.h.
 *
 * The workbook is written with libxlsxwriter to a temporary path of the outputs set, so it
 * appears together with the other reports or not at all. libxlsxwriter only opens the file
 * in workbook_close (workbook_new succeeds for any path), so its status is the one that
 * says whether the file was written: on failure the file is marked failed in the set (the
 * commit then refuses, and the previous workbook stays) and TNA_ERR_OUTPUT is returned.
 *
 * Determinism: the document's created time is options->now (SOURCE_DATE_EPOCH when set),
 * the only time libxlsxwriter writes, so the same inputs give byte-identical workbooks.
 *
 * Sheets, in order: Summary, Heatmap, By authority, By role, By topic, Skills, Demand,
 * Commissioning, Cohorts, Mentors, Trends, Evaluation, Barriers, Self vs manager, Data
 * quality, About, and a hidden Chart data sheet the charts plot from (xlsx_write.h).
 */
#include <errno.h>
#include <string.h>

#include "xlsx_write.h"

/* A pack's sheets: its council or region beside its region and Wales, without the all-Wales
 * plan, skills, evaluation and data-quality sheets (the full workbook has them). */
static void write_pack_sheets(xw *x)
{
    tna_xw_formats(x);
    tna_xlsx_chart_prepare(x);
    tna_xlsx_summary(x);
    tna_xlsx_heatmap(x);
    tna_xlsx_by_authority(x);
    tna_xlsx_by_role(x);
    tna_xlsx_by_topic(x);
    tna_xlsx_demand(x);
    tna_xlsx_trends(x);
    tna_xlsx_barriers(x);
    tna_xlsx_raters(x);
    tna_xlsx_about(x);
    tna_xlsx_chart_data(x);
}

static void write_sheets(xw *x)
{
    if (tna_render_is_pack(x->opt)) {
        write_pack_sheets(x);
        return;
    }
    tna_xw_formats(x);
    tna_xlsx_chart_prepare(x);
    tna_xlsx_summary(x);
    tna_xlsx_heatmap(x);
    tna_xlsx_by_authority(x);
    tna_xlsx_by_role(x);
    tna_xlsx_by_topic(x);
    tna_xlsx_skills(x);
    tna_xlsx_demand(x);
    tna_xlsx_commissioning(x);
    tna_xlsx_cohorts(x);
    tna_xlsx_priorities(x);
    tna_xlsx_budget(x);
    tna_xlsx_mentors(x);
    tna_xlsx_trends(x);
    tna_xlsx_evaluation(x);
    tna_xlsx_barriers(x);
    tna_xlsx_raters(x);
    tna_xlsx_data_quality(x);
    tna_xlsx_about(x);
    tna_xlsx_chart_data(x);
}

tna_status tna_render_xlsx(const tna_results *r, const tna_render_options *options,
                           tna_outputs *outputs, tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    const char *period = r->periods[r->n_periods - 1].period;
    char *name = tna_render_file_name(r, options, "xlsx");
    const char *tmp;
    tna_status st = tna_outputs_path(outputs, name, &tmp, err);
    if (st != TNA_OK) {
        g_free(name);
        return st;
    }

    xw x = {0};
    x.r = r;
    x.m = r->model;
    x.cur = &r->periods[r->n_periods - 1];
    x.prev = r->n_periods > 1 ? &r->periods[r->n_periods - 2] : NULL;
    x.opt = options;
    x.l = tna_labels_new(r->model, options->language);
    x.marker = tna_label_suppressed(x.l, r->min_group_size);
    x.protect = tna_label_hidden(x.l, TNA_PROTECTED, r->min_group_size);
    x.costed = r->planning.costed;
    tna_labels_set_answered(x.l, tna_results_answered(r)); /* totals say over whom */
    x.error = LXW_NO_ERROR;

    lxw_workbook_options wo = {0};
    x.wb = workbook_new_opt(tmp, &wo);
    lxw_error e = LXW_ERROR_MEMORY_MALLOC_FAILED;
    int sys_errno = 0;
    if (x.wb) {
        char *title = g_strdup(tna_label_title(x.l));
        char *subject = g_strdup_printf("%s %s", tna_xw_t(&x, TERM_TRAINING_NEEDS_ANALYSIS), period);
        lxw_doc_properties props = {0};
        props.title = g_utf8_make_valid(title, -1);
        props.subject = subject;
        props.author = "tna";
        char *comments = g_strdup(tna_label_termf(x.l, TERM_WRITTEN_BY_TNA, TNA_VERSION));
        props.comments = comments;
        props.created = (time_t)options->now;
        tna_xw_check(&x, workbook_set_properties(x.wb, &props));
        g_free(props.title);
        g_free(title);
        g_free(subject);
        g_free(comments);
        write_sheets(&x);
        errno = 0;
        e = workbook_close(x.wb);
        sys_errno = errno;
    }
    tna_labels_free(x.l);
    g_free(x.chart_sheet);

    if (e == LXW_NO_ERROR)
        e = x.error;
    /* the file and zip errors come from a failed system call: the set's one message names it */
    bool io = e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
              e == LXW_ERROR_READING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION ||
              e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE;
    if (io && sys_errno) {
        st = tna_outputs_fail(outputs, name, sys_errno, err);
    } else if (e != LXW_NO_ERROR) {
        tna_outputs_fail(outputs, name, 0, NULL);
        char *final = tna_outputs_final_path(outputs, name);
        char *why = g_strdup(lxw_strerror(e));
        g_strchomp(why);
        if (*why && why[strlen(why) - 1] == '.')
            why[strlen(why) - 1] = '\0';
        st = tna_error_set(err, TNA_ERR_OUTPUT, final, 0, 0, "cannot write the workbook: %s", why);
        g_free(why);
        g_free(final);
    }
    g_free(name);
    return st;
}
