/*
 * paper.c - the survey as a printable, bilingual A4 PDF (questionnaire.pdf): for staff who
 * answer on paper, and the document Microsoft Forms' Quick import turns into a form.
 *
 * Large type (13 pt text, 15 pt questions), Welsh first: every text reads "Cymraeg /
 * English", exactly as the single-language tools show it, so a form made from this PDF
 * exports the headings the configuration reads. A box to tick beside every option; a grid
 * per topic, a row per skill and a column per level. On paper each option also shows, small
 * and grey, what the typist enters into the data-entry template (a council's or role's id, a
 * level's number, yes or no); the copy for Microsoft Forms leaves those out, and its
 * questions unnumbered, so that Quick import takes nothing but the questions and options.
 *
 * The PDF is tagged (Document, H1, H2, P, L and LI, Table, TR, TH, TD) and cairo embeds the
 * font (DejaVu Sans, named explicitly); it is drawn twice, once to count the pages for "page
 * N of M". Writes go through a checked stream, as the report's do.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "../render/labels.h"
#include "questionnaire_internal.h"

#define FONT      "DejaVu Sans"
#define PAGE_W    595.28
#define PAGE_H    841.89
#define LEFT      50.0
#define RIGHT     (PAGE_W - 50.0)
#define WIDTH     (RIGHT - LEFT)
#define TOP       56.0
#define BOTTOM    (PAGE_H - 60.0)
#define TEXT      13.0
#define QUESTION  15.0
#define SMALL     10.0
#define BOX       13.0
#define TAG_DEPTH 8

typedef struct stream {
    FILE *fp; /* NULL: the counting pass */
    bool failed;
    int error;
} stream;

typedef struct doc {
    tna_q_survey *s;
    bool codes;
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoContext *pango;
    tna_labels *cy, *en;
    double y;
    int page, n_pages;
    int number; /* of the question */
    const char *tags[TAG_DEPTH];
    int n_tags;
    bool tag_error;
} doc;

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int n)
{
    stream *st = closure;
    if (st->fp == NULL)
        return CAIRO_STATUS_SUCCESS;
    errno = 0;
    if (st->failed || (n > 0 && fwrite(data, 1, n, st->fp) != n)) {
        if (!st->failed)
            st->error = errno ? errno : EIO;
        st->failed = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* ---- tags ----------------------------------------------------------------------------------- */

static void tag(doc *d, const char *name)
{
    if (d->n_tags >= TAG_DEPTH) {
        d->tag_error = true;
        return;
    }
    d->tags[d->n_tags++] = name;
    cairo_tag_begin(d->cr, name, "");
}

static void untag(doc *d, const char *name)
{
    if (d->n_tags == 0 || strcmp(d->tags[d->n_tags - 1], name) != 0) {
        d->tag_error = true; /* never hand cairo a mismatched end */
        return;
    }
    d->n_tags--;
    cairo_tag_end(d->cr, name);
}

/* ---- text ----------------------------------------------------------------------------------- */

enum { PLAIN = 0, BOLD = 1, ITALIC = 2, GREY = 4, CENTRE = 8 };

/* Text wrapped at width (a width of -1: one line), words broken only when one alone is wider
 * than the width. */
static PangoLayout *layout(doc *d, const char *text, double width, double size, int style)
{
    PangoLayout *l = pango_layout_new(d->pango);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family_static(fd, FONT);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (style & BOLD)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    if (style & ITALIC)
        pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, width < 0 ? -1 : (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    if (style & CENTRE)
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    pango_layout_set_text(l, text, -1);
    return l;
}

static double height_of(doc *d, const char *text, double width, double size, int style)
{
    PangoLayout *l = layout(d, text, width, size, style);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

/* Draws text at (x, y), width wide; returns its height. */
static double draw(doc *d, const char *text, double x, double y, double width, double size,
                   int style)
{
    PangoLayout *l = layout(d, text, width, size, style);
    double grey = style & GREY ? 0.4 : 0.0;
    cairo_set_source_rgb(d->cr, grey, grey, grey);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static void box(doc *d, double x, double y)
{
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    cairo_set_line_width(d->cr, 1.0);
    cairo_rectangle(d->cr, x, y, BOX, BOX);
    cairo_stroke(d->cr);
}

/* ---- pages ----------------------------------------------------------------------------------- */

static void footer(doc *d)
{
    char *cy = g_strdup(tna_label_termf(d->cy, TERM_PAGE_N_OF_M, d->page, d->n_pages));
    const char *en = tna_label_termf(d->en, TERM_PAGE_N_OF_M, d->page, d->n_pages);
    char *both = g_strdup_printf("%s / %s", cy, en);
    tag(d, "P");
    draw(d, both, LEFT, PAGE_H - 40, WIDTH, SMALL, GREY);
    untag(d, "P");
    g_free(both);
    g_free(cy);
}

static void new_page(doc *d)
{
    if (d->n_tags > 1)
        d->tag_error = true; /* only Document spans pages */
    if (d->page > 0)
        cairo_show_page(d->cr);
    d->page++;
    d->y = TOP;
    footer(d);
}

/* Starts a new page unless h more points fit on this one. */
static void need(doc *d, double h)
{
    if (d->y + h > BOTTOM && d->y > TOP)
        new_page(d);
}

/* The same inside the structure element `open` (a list, a table), which is closed before the
 * page ends and opened again on the next: no element but Document spans a page break. */
static void need_in(doc *d, double h, const char *open)
{
    if (d->y + h > BOTTOM && d->y > TOP) {
        untag(d, open);
        new_page(d);
        tag(d, open);
    }
}

/* ---- the questionnaire ------------------------------------------------------------------------
 */

static const char *title_of(doc *d, const tna_q_question *q)
{
    const char *t = tna_q_text(d->s, q);
    if (!d->codes)
        return t; /* for Quick import: the question as the form will title it */
    return tna_q_keepf(d->s, "%d. %s", d->number, t);
}

/* The height of a question's title and help. */
static double head_height(doc *d, const tna_q_question *q)
{
    const char *help = q->help_en ? tna_q_both(d->s, q->help_en, q->help_cy) : NULL;
    return height_of(d, title_of(d, q), WIDTH, QUESTION, BOLD) + 4 +
           (help ? height_of(d, help, WIDTH, TEXT, ITALIC) + 4 : 0);
}

static void question_head(doc *d, const tna_q_question *q, double extra)
{
    const char *title = title_of(d, q);
    const char *help = q->help_en ? tna_q_both(d->s, q->help_en, q->help_cy) : NULL;
    need(d, head_height(d, q) + extra);
    tag(d, "H3");
    d->y += draw(d, title, LEFT, d->y, WIDTH, QUESTION, BOLD) + 4;
    untag(d, "H3");
    if (help) {
        tag(d, "P");
        d->y += draw(d, help, LEFT, d->y, WIDTH, TEXT, ITALIC) + 4;
        untag(d, "P");
    }
}

/* One option: a box, its text and (on paper) what to enter for it. */
static void option_line(doc *d, const char *text, const char *code)
{
    double code_w = d->codes && code ? 150 : 0; /* room for the longest id on one line */
    double text_w = WIDTH - BOX - 10 - code_w;
    double h = fmax(height_of(d, text, text_w, TEXT, PLAIN), BOX);
    need_in(d, h + 4, "L");
    tag(d, "LI");
    box(d, LEFT, d->y + 2);
    draw(d, text, LEFT + BOX + 10, d->y, text_w, TEXT, PLAIN);
    if (code_w > 0)
        draw(d, code, RIGHT - code_w + 10, d->y + 2, code_w - 10, SMALL, GREY);
    untag(d, "LI");
    d->y += h + 5;
}

static void write_line(doc *d, const char *label)
{
    need(d, 30);
    tag(d, "P");
    double h = label ? draw(d, label, LEFT, d->y, WIDTH, TEXT, PLAIN) : 0;
    untag(d, "P");
    d->y += h + 18;
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    cairo_set_line_width(d->cr, 0.8);
    cairo_move_to(d->cr, LEFT + (label ? 20 : 0), d->y);
    cairo_line_to(d->cr, RIGHT, d->y);
    cairo_stroke(d->cr);
    d->y += 12;
}

static const char *code_of(doc *d, const tna_q_question *q, const tna_q_option *o)
{
    if (q->kind == Q_CHOICES)
        return g_string_chunk_insert(d->s->strings, "✓ → 1");
    return o->meaning;
}

/* What must follow a choice question's head on its page: three options. */
#define CHOICES_START (3 * (TEXT + 8))
/* ... and a text question's: its write-in line. */
#define TEXT_START 40.0

static void choices(doc *d, const tna_q_question *q)
{
    question_head(d, q, CHOICES_START);
    tag(d, "L");
    for (size_t k = 0; k < q->n_options; k++)
        option_line(d, tna_q_option_text(d->s, &q->options[k]), code_of(d, q, &q->options[k]));
    untag(d, "L");
    if (q->other) {
        tag(d, "L");
        option_line(d, tna_q_both(d->s, d->s->other_en, d->s->other_cy),
                    q->kind == Q_CHOICES ? "barrier_other" : "role_other");
        untag(d, "L");
        write_line(d, NULL);
    }
}

/* The levels in words, above a grid whose columns carry their numbers: "0 Dim / None ·
 * 1 Ymwybyddiaeth / Awareness · ...", so no name is squeezed into a column. */
static const char *legend(doc *d, const tna_q_question *q)
{
    GString *t = g_string_new(NULL);
    for (size_t k = 0; k < q->n_options; k++)
        g_string_append_printf(t, "%s%s\u00a0%s", k ? "   ·   " : "", q->options[k].meaning,
                               tna_q_option_text(d->s, &q->options[k]));
    const char *kept = tna_q_keepf(d->s, "%s", t->str);
    g_string_free(t, TRUE);
    return kept;
}

/* A grid's columns and the height of its header row (the levels' numbers). */
#define GRID_HEADER (QUESTION + 8)

static double grid_col(const tna_q_question *q)
{
    return fmin(48.0, (WIDTH * 0.45) / (double)(q->n_options ? q->n_options : 1));
}

static double grid_row_height(doc *d, const tna_q_question *q, size_t r)
{
    double name_w = WIDTH - grid_col(q) * (double)q->n_options - 8;
    return fmax(height_of(d, tna_q_option_text(d->s, &q->rows[r]), name_w, TEXT, PLAIN), BOX) + 8;
}

/* What must follow a grid's head on its page: the legend, the header and the first row, so
 * that neither the header nor the legend is left at the foot of a page. */
static double grid_start(doc *d, const tna_q_question *q)
{
    return height_of(d, legend(d, q), WIDTH, TEXT, PLAIN) + 6 + GRID_HEADER +
           (q->n_rows ? grid_row_height(d, q, 0) : 0);
}

static void grid_header(doc *d, const tna_q_question *q, double name_w, double col)
{
    tag(d, "TR");
    tag(d, "TH");
    untag(d, "TH");
    for (size_t k = 0; k < q->n_options; k++) {
        tag(d, "TH");
        draw(d, q->options[k].meaning, LEFT + name_w + 8 + col * (double)k, d->y, col, QUESTION,
             BOLD | CENTRE);
        untag(d, "TH");
    }
    untag(d, "TR");
    d->y += GRID_HEADER;
}

/* A grid: a row per skill, a column per level headed by its number; rows carried over to a
 * new page are headed by the numbers again, so nobody turns back to see which box is which. */
static void grid(doc *d, const tna_q_question *q)
{
    size_t n = q->n_options;
    double col = grid_col(q);
    double name_w = WIDTH - col * (double)n - 8;
    const char *key = legend(d, q);
    question_head(d, q, grid_start(d, q));
    tag(d, "P");
    d->y += draw(d, key, LEFT, d->y, WIDTH, TEXT, PLAIN) + 6;
    untag(d, "P");
    tag(d, "Table");
    grid_header(d, q, name_w, col);
    for (size_t r = 0; r < q->n_rows; r++) {
        const char *name = tna_q_option_text(d->s, &q->rows[r]);
        double h = grid_row_height(d, q, r);
        int page = d->page;
        need_in(d, h, "Table");
        if (d->page != page)
            grid_header(d, q, name_w, col);
        tag(d, "TR");
        tag(d, "TH");
        draw(d, name, LEFT, d->y + 2, name_w, TEXT, PLAIN);
        untag(d, "TH");
        for (size_t k = 0; k < n; k++) {
            tag(d, "TD");
            box(d, LEFT + name_w + 8 + col * (double)k + col / 2 - BOX / 2, d->y + 3);
            untag(d, "TD");
        }
        cairo_set_source_rgb(d->cr, 0.8, 0.8, 0.8);
        cairo_set_line_width(d->cr, 0.5);
        cairo_move_to(d->cr, LEFT, d->y + h - 2);
        cairo_line_to(d->cr, RIGHT, d->y + h - 2);
        cairo_stroke(d->cr);
        untag(d, "TR");
        d->y += h;
    }
    untag(d, "Table");
    if (d->codes) {
        tag(d, "P");
        d->y += draw(d,
                     tna_q_both(d->s, "Office use: enter the number over the ticked box.",
                                "Defnydd swyddfa: rhowch y rhif uwchben y blwch a diciwyd."),
                     LEFT, d->y + 2, WIDTH, SMALL, GREY) +
                6;
        untag(d, "P");
    }
}

/* What a question needs on its page to start: its head and what must follow it. */
static double start_height(doc *d, const tna_q_question *q)
{
    return head_height(d, q) + (q->kind == Q_TEXT   ? TEXT_START
                                : q->kind == Q_GRID ? grid_start(d, q)
                                                    : CHOICES_START);
}

/* A section's heading, kept on the page of its first question's start. */
static void section(doc *d, const tna_q_question *q)
{
    const char *title = tna_q_both(d->s, q->section_en, q->section_cy);
    need(d, 6 + height_of(d, title, WIDTH, 18, BOLD) + 8 + 8 + start_height(d, q));
    d->y += 6;
    tag(d, "H2");
    d->y += draw(d, title, LEFT, d->y, WIDTH, 18, BOLD) + 8;
    untag(d, "H2");
}

static void front(doc *d)
{
    tna_q_survey *s = d->s;
    tag(d, "H1");
    d->y += draw(d, tna_q_both(s, s->title_en, s->title_cy), LEFT, d->y, WIDTH, 22, BOLD) + 12;
    untag(d, "H1");
    tag(d, "P");
    d->y += draw(d, s->intro_cy, LEFT, d->y, WIDTH, TEXT, PLAIN) + 8;
    untag(d, "P");
    tag(d, "P");
    d->y += draw(d, s->intro_en, LEFT, d->y, WIDTH, TEXT, PLAIN) + 8;
    untag(d, "P");
    if (d->codes) {
        tag(d, "P");
        d->y += draw(d,
                     tna_q_both(s,
                                "Tick one box unless the question says otherwise. Use black "
                                "or blue ink.",
                                "Ticiwch un blwch oni bai fod y cwestiwn yn dweud yn wahanol. "
                                "Defnyddiwch inc du neu las."),
                     LEFT, d->y, WIDTH, TEXT, BOLD) +
                10;
        untag(d, "P");
        write_line(d, tna_q_both(s, "Today's date (dd/mm/yyyy)", "Dyddiad heddiw (dd/mm/bbbb)"));
    }
}

static void render(doc *d)
{
    d->page = 0;
    d->n_tags = 0;
    d->number = 0;
    tag(d, "Document");
    new_page(d);
    front(d);
    for (size_t i = 0; i < d->s->n_questions; i++) {
        const tna_q_question *q = &d->s->questions[i];
        d->number++;
        if (q->section_en)
            section(d, q);
        d->y += 8;
        if (q->kind == Q_TEXT) {
            question_head(d, q, TEXT_START);
            write_line(d, NULL);
        } else if (q->kind == Q_GRID) {
            grid(d, q);
        } else {
            choices(d, q);
        }
    }
    untag(d, "Document");
    if (d->n_tags != 0)
        d->tag_error = true;
}

static cairo_status_t pass(doc *d, stream *st, int64_t now)
{
    d->surface = cairo_pdf_surface_create_for_stream(write_out, st, PAGE_W, PAGE_H);
    char date[32];
    time_t t = (time_t)now;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
                                   tna_q_both(d->s, d->s->title_en, d->s->title_cy));
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, "tna");
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "tna " TNA_VERSION);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    d->cr = cairo_create(d->surface);
    render(d);
    cairo_status_t status = cairo_status(d->cr);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    d->surface = NULL;
    return status;
}

tna_status tna_q_write_pdf(tna_q_survey *s, FILE *fp, bool codes, int64_t now, const char *name,
                           tna_error *err)
{
    doc d = {0};
    d.s = s;
    d.codes = codes;
    d.cy = tna_labels_new(s->model, TNA_LANG_CY);
    d.en = tna_labels_new(s->model, TNA_LANG_EN);
    PangoFontMap *fonts = pango_cairo_font_map_new();
    d.pango = pango_font_map_create_context(fonts);
    stream counting = {NULL, false, 0};
    cairo_status_t st = pass(&d, &counting, now);
    stream out = {fp, false, 0};
    if (st == CAIRO_STATUS_SUCCESS && !d.tag_error) {
        d.n_pages = d.page;
        st = pass(&d, &out, now);
    }
    tna_status rc = TNA_OK;
    if (out.failed)
        rc = tna_error_set(err, TNA_ERR_OUTPUT, name, 0, 0, "write failed: %s",
                           g_strerror(out.error));
    else if (st != CAIRO_STATUS_SUCCESS || d.tag_error)
        rc = tna_error_set(err, TNA_ERR_OUTPUT, name, 0, 0, "cannot write the PDF: %s",
                           d.tag_error ? "unmatched structure tags (a bug in tna)"
                                       : cairo_status_to_string(st));
    g_object_unref(d.pango);
    g_object_unref(fonts);
    tna_labels_free(d.cy);
    tna_labels_free(d.en);
    return rc;
}
