/*
 * pdf_page.c - the PDF's toolbox: text kept for the document, the structure tags, the page
 * furniture (running title, "page N of M"), page breaks and sections; see pdf_page.h. The
 * driver (pdf.c) and every page file (pdf_front.c, pdf_gaps.c, ...) call it; it calls none
 * of them.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pdf_page.h"

/* ---- small shared helpers ------------------------------------------------------------------ */

const char *tna_pdf_str(pdf_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    const char *kept = g_string_chunk_insert(d->strings, s);
    g_free(s);
    return kept;
}

const char *tna_pdf_t(pdf_doc *d, tna_term term)
{
    return tna_label_term(d->l, term);
}

const char *tna_pdf_pair(pdf_doc *d, const char *en, const char *cy)
{
    return tna_label_pair(d->l, en, cy);
}

/* ---- structure tags ------------------------------------------------------------------------ */

void tna_pdf_tag_begin(pdf_doc *d, const char *tag, const char *attributes)
{
    if (d->n_tags >= PDF_TAG_DEPTH) {
        d->tag_error = true;
        return;
    }
    d->tags[d->n_tags++] = tag;
    cairo_tag_begin(d->cr, tag, attributes ? attributes : "");
}

void tna_pdf_tag_end(pdf_doc *d, const char *tag)
{
    if (d->n_tags == 0 || strcmp(d->tags[d->n_tags - 1], tag) != 0) {
        d->tag_error = true; /* a bug: never hand cairo a mismatched end */
        return;
    }
    d->n_tags--;
    cairo_tag_end(d->cr, tag);
}

/* ---- pages ----------------------------------------------------------------------------------- */

static void furniture(pdf_doc *d)
{
    cairo_t *cr = d->cr;
    if (d->page == 1)
        return; /* the cover has none */
    tna_chart_set_rgb(cr, tna_chart_accent);
    cairo_rectangle(cr, PDF_LEFT, 34, PDF_WIDTH, 1.2);
    cairo_fill(cr);
    tna_chart_set_rgb(cr, tna_chart_muted);
    tna_pdf_tag_begin(d, "P", NULL);
    /* the title above the rule: a long (bilingual) one on two lines, a longer one smaller on
     * as many as it needs (never cut) */
    double th, line, size = 7.5;
    tna_chart_text_size(cr, "X", 0, size, 0, 0, NULL, &line);
    tna_chart_text_size(cr, d->running_title, PDF_WIDTH, size, CHART_WRAP, 0, NULL, &th);
    if (th > 2.5 * line) {
        size = 6;
        tna_chart_text_size(cr, d->running_title, PDF_WIDTH, size, CHART_WRAP, 0, NULL, &th);
    }
    tna_chart_text(cr, d->running_title, PDF_LEFT, 31 - th, PDF_WIDTH, size, CHART_WRAP,
                   CHART_LEFT, 0);
    tna_pdf_tag_end(d, "P");
    const char *page = d->n_pages > 0 ? pdf_tf(d, TERM_PAGE_N_OF_M, d->page, d->n_pages)
                                      : pdf_tf(d, TERM_PAGE_N, d->page);
    cairo_rectangle(cr, PDF_LEFT, PDF_H - 40, PDF_WIDTH, 0.5);
    tna_chart_set_rgb(cr, tna_chart_grid);
    cairo_fill(cr);
    tna_chart_set_rgb(cr, tna_chart_muted);
    tna_pdf_tag_begin(d, "P", NULL);
    tna_chart_text(cr, page, PDF_RIGHT, PDF_H - 34, 0, 7.5, 0, CHART_RIGHT, 0); /* never cut */
    tna_pdf_tag_end(d, "P");
}

void tna_pdf_page_begin(pdf_doc *d)
{
    if (d->n_tags > 1) /* only Document may stay open across a page break */
        d->tag_error = true;
    if (d->page > 0)
        cairo_show_page(d->cr);
    d->page++;
    char label[16];
    snprintf(label, sizeof label, "%d", d->page);
    if (d->final) /* the layout pass draws on a recording surface (render_pass) */
        cairo_pdf_surface_set_page_label(d->surface, label);
    furniture(d);
    d->y = PDF_TOP;
}

bool tna_pdf_need(pdf_doc *d, double h)
{
    if (d->y + h <= PDF_BOTTOM)
        return false;
    tna_pdf_page_begin(d);
    return true;
}

void tna_pdf_keep(pdf_doc *d, double h)
{
    tna_pdf_need(d, fmin(h, PDF_BOTTOM - PDF_TOP));
}

int tna_pdf_outline_here(pdf_doc *d, int parent, const char *title)
{
    char attrs[64];
    snprintf(attrs, sizeof attrs, "page=%d pos=[%.0f %.0f]", d->page, 0.0,
             d->y > 40 ? d->y - 30 : 0.0);
    return d->final ? cairo_pdf_surface_add_outline(d->surface, parent, title, attrs, 0)
                    : CAIRO_PDF_OUTLINE_ROOT;
}

int tna_pdf_section_begin(pdf_doc *d, pdf_section s, const char *title)
{
    return tna_pdf_section_begin_within(d, s, title, 0);
}

int tna_pdf_section_begin_within(pdf_doc *d, pdf_section s, const char *title, double h)
{
    if (h > 0 && d->page > 0 && d->y + 40 + h <= PDF_BOTTOM)
        d->y += 22; /* a short section after the last, on its page */
    else
        tna_pdf_page_begin(d);
    d->section_page[s] = d->page;
    int id = tna_pdf_outline_here(d, CAIRO_PDF_OUTLINE_ROOT, title);
    tna_pdf_tag_begin(d, "H1", NULL);
    tna_chart_set_rgb(d->cr, tna_chart_accent);
    d->y += tna_chart_text(d->cr, title, PDF_LEFT, d->y, PDF_WIDTH, 18, CHART_BOLD | CHART_WRAP,
                       CHART_LEFT, 2);
    tna_pdf_tag_end(d, "H1");
    d->y += 10;
    return id;
}

