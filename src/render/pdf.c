/*
 * pdf.c - tna-PERIOD.pdf, the report for senior management: the driver that runs the pages
 * (pdf_front.c, pdf_gaps.c, pdf_plan.c, pdf_authority.c, pdf_appendix.c) over the toolbox of
 * pdf_page.c and pdf_text.c; see include/tna/render.h and pdf_page.h.
 *
 * The surface writes through a stream: every fwrite is checked, and a failure is
 * remembered (never handed to cairo) and turned into TNA_ERR_OUTPUT with the file marked
 * failed in the outputs set, so the last good report stays in place (outputs.h). The
 * metadata carry the creation date from options->now (SOURCE_DATE_EPOCH when set), which
 * makes the file byte-identical from run to run; cairo reads no clock of its own once it is
 * set.
 *
 * Two passes: the layout pass renders everything into a stream that discards its bytes and
 * learns the page of every section and authority and the page count; the final pass uses
 * them for the contents, "page N of M" and links. Both passes run the same code, so they
 * paginate identically.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <pango/pangocairo.h>

#include "pdf_page.h"

/* ---- the stream ------------------------------------------------------------------------- */

typedef struct pdf_stream {
    FILE *fp; /* NULL: the layout pass, bytes are discarded */
    bool failed;
    int error; /* errno of the first failed write */
} pdf_stream;

/* Never returns an error to cairo: cairo 1.16 asserts (cairo-array.c:226) on a path it takes
 * after a failed write. The first failure is remembered and later output dropped; the run
 * reports it once cairo has finished. */
static cairo_status_t stream_write(void *closure, const unsigned char *data, unsigned int n)
{
    pdf_stream *s = closure;
    if (s->fp == NULL || s->failed)
        return CAIRO_STATUS_SUCCESS;
    errno = 0;
    if (n > 0 && fwrite(data, 1, n, s->fp) != n) {
        s->failed = true;
        s->error = errno ? errno : EIO;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* ---- one pass ------------------------------------------------------------------------------- */

static void set_metadata(pdf_doc *d)
{
    cairo_surface_t *s = d->surface;
    char date[32];
    time_t t = (time_t)d->opt->now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const char *period = d->cur ? d->cur->period : "";
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->running_title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "tna");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
                                   pdf_tf(d, TERM_PDF_SUBJECT, period));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS,
                                   tna_pdf_str(d, "%s; %s", tna_pdf_t(d, TERM_PDF_KEYWORDS), period));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "tna " TNA_VERSION);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* One pass over the whole report. The layout pass only finds where pages break (the page
 * count, each council's page): it draws on a recording surface, which keeps the drawing
 * without writing PDF (no numbers printed, nothing compressed, no fonts subset), for about a
 * third of the cost. Text is measured with the PDF surface's font options in both passes
 * (set on the pango context, which merges them over the surface's), so the layout pass
 * breaks pages exactly where the final pass does. */
static cairo_status_t render_pass(pdf_doc *d, pdf_stream *stream)
{
    d->surface = cairo_pdf_surface_create_for_stream(stream_write, stream, PDF_W, PDF_H);
    if (!d->final) {
        cairo_font_options_t *pdf_options = cairo_font_options_create();
        cairo_surface_get_font_options(d->surface, pdf_options);
        pango_cairo_context_set_font_options(d->pango, pdf_options);
        cairo_font_options_destroy(pdf_options);
        cairo_surface_destroy(d->surface); /* nothing drawn: an empty document, discarded */
        d->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    } else {
        set_metadata(d);
    }
    d->cr = cairo_create(d->surface);
    tna_chart_set_context(d->cr, d->pango);
    d->page = 0;
    d->n_tags = 0;
    tna_pdf_tag_begin(d, "Document", NULL);
    tna_pdf_pages_front(d);
    if (tna_render_is_pack(d->opt)) { /* the council or region first, then Wales beside it */
        tna_pdf_pages_authorities(d);
        tna_pdf_pages_summary(d);
    }
    tna_pdf_pages_gaps(d);
    tna_pdf_pages_plan(d);
    if (!tna_render_is_pack(d->opt))
        tna_pdf_pages_authorities(d);
    tna_pdf_pages_appendix(d);
    tna_pdf_tag_end(d, "Document");
    if (d->n_tags != 0)
        d->tag_error = true;
    if (d->final && tna_chart_cut_texts(d->cr))
        d->cut = g_ptr_array_ref(tna_chart_cut_texts(d->cr));
    cairo_status_t st = cairo_status(d->cr);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    d->surface = NULL;
    return st;
}

tna_status tna_render_pdf(const tna_results *results, const tna_render_options *options,
                          tna_outputs *outputs, tna_error *err)
{
    if (results->n_periods == 0)
        return TNA_OK;
    const tna_model *m = results->model;
    char *name = tna_render_file_name(results, options, "pdf");
    FILE *fp = NULL;
    tna_status rc = tna_outputs_open(outputs, name, &fp, err);
    if (rc != TNA_OK) {
        g_free(name);
        return rc;
    }
    pdf_doc d = {0};
    d.res = results;
    d.m = m;
    d.opt = options;
    d.l = tna_labels_new(m, options->language);
    d.cur = &results->periods[results->n_periods - 1];
    d.strings = g_string_chunk_new(16384);
    d.authority_page = g_new0(int, m->n_authorities ? m->n_authorities : 1);
    d.marker = tna_label_suppressed(d.l, results->min_group_size);
    d.marker_short = tna_pdf_str(&d, "<%d", results->min_group_size);
    d.protect = tna_label_hidden(d.l, TNA_PROTECTED, results->min_group_size);
    d.protect_short = tna_pdf_t(&d, TERM_MARKER_PROTECTED_SHORT);
    d.costed = results->planning.costed;
    tna_labels_set_answered(d.l, tna_results_answered(results)); /* totals say over whom */
    d.running_title = tna_label_title(d.l);
    if (options->focus.authority.plus_one) /* a pack: "Title · Gwynedd Council" */
        d.running_title = tna_pdf_str(&d, "%s · %s", d.running_title,
                                  tna_label_authority(d.l, options->focus.authority.plus_one - 1));
    else if (options->focus.region.plus_one)
        d.running_title = tna_pdf_str(&d, "%s · %s", d.running_title,
                                  tna_label_region(d.l, options->focus.region.plus_one - 1));

    /* a font map of our own, freed with the report, rather than pango's process-wide one */
    PangoFontMap *fonts = pango_cairo_font_map_new();
    d.pango = pango_font_map_create_context(fonts);
    pdf_stream layout = {NULL, false, 0};
    cairo_status_t st = render_pass(&d, &layout);
    if (st == CAIRO_STATUS_SUCCESS && !d.tag_error) {
        d.n_pages = d.page;
        d.final = true;
        pdf_stream out = {fp, false, 0};
        st = render_pass(&d, &out);
        if (out.failed)
            rc = tna_outputs_fail(outputs, name, out.error, err);
    }
    if (rc == TNA_OK && (st != CAIRO_STATUS_SUCCESS || d.tag_error)) {
        tna_outputs_fail(outputs, name, 0, NULL);
        char *path = tna_outputs_final_path(outputs, name);
        rc = tna_error_set(err, TNA_ERR_OUTPUT, path, 0, 0, "cannot write the PDF: %s",
                           d.tag_error ? "unmatched structure tags (a bug in tna)"
                                       : cairo_status_to_string(st));
        g_free(path);
    }
    if (d.cut && options->cut_label)
        for (guint i = 0; i < d.cut->len; i++)
            options->cut_label(options->cut_label_data, name, g_ptr_array_index(d.cut, i));
    if (d.cut)
        g_ptr_array_unref(d.cut);
    tna_chart_drop_layouts(d.pango);
    g_object_unref(d.pango);
    g_object_unref(fonts);
    g_free(d.authority_page);
    g_string_chunk_free(d.strings);
    tna_labels_free(d.l);
    g_free(name);
    return rc;
}
