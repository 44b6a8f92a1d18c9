/*
 * packs.c - a report for every council and region (tna run --packs); see render.h.
 *
 * A pack is not a second analysis. It is the workbook and the PDF renderers run again over
 * the same results with options->focus set, and they skip what lies outside the focus. So a
 * pack can only show figures the run's results already hold, each hidden exactly where the
 * results hide it: suppression was decided once, for the whole run, before any file was
 * written, and no file can hold a figure that the run's groups CSV does not (docs/packs.md
 * gives the argument; tests/tools/check_packs.py checks it).
 *
 * The workbooks are rendered on a second thread while the PDFs are rendered here, as the
 * full report is (threads.h decides whether a second thread is allowed).
 */
#include <glib.h>
#include <string.h>

#include "tna/render.h"
#include "tna/threads.h"

/* The foci with respondents in the current period: every council, then every region. */
static GArray *foci(const tna_results *r)
{
    const tna_model *m = r->model;
    const tna_period_figures *cur = &r->periods[r->n_periods - 1];
    GArray *list = g_array_new(FALSE, FALSE, sizeof(tna_dims));
    for (uint32_t a = 0; a < m->n_authorities; a++)
        if (tna_results_find(cur, TNA_SET_AUTHORITY, (tna_dims){.authority = tna_is(a)})) {
            tna_dims f = {.authority = tna_is(a)};
            g_array_append_val(list, f);
        }
    for (uint32_t g = 0; g < m->n_regions; g++)
        if (tna_results_find(cur, TNA_SET_REGION, (tna_dims){.region = tna_is(g)})) {
            tna_dims f = {.region = tna_is(g)};
            g_array_append_val(list, f);
        }
    return list;
}

typedef struct pack_job {
    const tna_results *r;
    const tna_render_options *base;
    const GArray *foci;
    tna_outputs *out;
    tna_error err;
    tna_status status;
    bool pdf; /* this job renders the PDFs, else the workbooks */
} pack_job;

static gpointer render_all(gpointer data)
{
    pack_job *job = data;
    for (guint i = 0; i < job->foci->len && job->status == TNA_OK; i++) {
        tna_render_options o = *job->base;
        o.focus = g_array_index(job->foci, tna_dims, i);
        job->status = job->pdf ? tna_render_pdf(job->r, &o, job->out, &job->err)
                               : tna_render_xlsx(job->r, &o, job->out, &job->err);
    }
    return NULL;
}

tna_status tna_render_packs(const tna_results *r, const tna_render_options *options,
                            tna_outputs *outputs, tna_error *err)
{
    if (r->n_periods == 0)
        return TNA_OK;
    GArray *list = foci(r);
    pack_job xlsx = {r, options, list, outputs, TNA_ERROR_INIT, TNA_OK, false};
    pack_job pdf = {r, options, list, outputs, TNA_ERROR_INIT, TNA_OK, true};
    GThread *t = tna_threads_for(2, 1) > 1 ? g_thread_new("tna-packs", render_all, &xlsx)
                                           : (render_all(&xlsx), NULL);
    render_all(&pdf);
    if (t)
        g_thread_join(t);
    g_array_free(list, TRUE);
    pack_job *failed = xlsx.status != TNA_OK ? &xlsx : pdf.status != TNA_OK ? &pdf : NULL;
    if (failed)
        *err = failed->err;
    return failed ? failed->status : TNA_OK;
}
