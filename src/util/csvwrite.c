/* csvwrite.c - the one CSV writer; see include/tna/csvwrite.h. libcsv writes every quoted
 * field (csv_fwrite2); this file only decides which fields need quotes. */
#include "tna/csvwrite.h"

#include <assert.h>
#include <csv.h>
#include <glib.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

tna_csv tna_csv_start(FILE *fp, unsigned flags)
{
    return (tna_csv){.fp = fp, .flags = flags};
}

/* The comma before every field but the first of a row. */
static void next_field(tna_csv *w)
{
    if (w->field++ > 0)
        fputc(',', w->fp);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

void tna_csv_text(tna_csv *w, const char *text)
{
    next_field(w);
    size_t len = text != NULL ? strlen(text) : 0;
    if (len == 0)
        return;
    bool formula = (w->flags & TNA_CSV_INERT) && strchr("=+-@\t\r\n", text[0]) != NULL;
    bool quote =
        formula || strpbrk(text, ",\"\r\n") != NULL || is_blank(text[0]) || is_blank(text[len - 1]);
    if (!quote) {
        fwrite(text, 1, len, w->fp);
    } else if (!formula) {
        csv_fwrite2(w->fp, text, len, '"');
    } else {
        char *inert = g_strconcat("'", text, NULL);
        csv_fwrite2(w->fp, inert, len + 1, '"');
        g_free(inert);
    }
}

void tna_csv_textf(tna_csv *w, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof buf) {
        tna_csv_text(w, buf);
        return;
    }
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tna_csv_text(w, text);
    g_free(text);
}

/* A number as printed: never needs quotes, never neutralised (a minus is not a formula). */
static void put_number_text(tna_csv *w, const char *s)
{
    next_field(w);
    fputs(s, w->fp);
}

void tna_csv_int(tna_csv *w, int64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    put_number_text(w, buf);
}

void tna_csv_number(tna_csv *w, double v, int decimals)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    const char *s = buf;
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        s = buf + 1; /* "-0.000000": the value rounds to zero */
    put_number_text(w, s);
}

void tna_csv_blank(tna_csv *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        next_field(w);
}

/* The position of column `name` in the comma-joined names; the number of names when name
 * is NULL. */
static size_t column_of(const char *names, const char *name)
{
    size_t i = 0, len = name != NULL ? strlen(name) : 0;
    for (const char *p = names;; i++) {
        const char *comma = strchr(p, ',');
        size_t n = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (name != NULL && n == len && memcmp(p, name, n) == 0)
            return i;
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    assert(name == NULL && "tna_csv_blank_until: no such column in the header");
    return i + 1;
}

void tna_csv_blank_until(tna_csv *w, const char *name)
{
    assert(w->names != NULL);
    size_t column = column_of(w->names, name);
    assert(column >= w->field);
    tna_csv_blank(w, column - w->field);
}

void tna_csv_end(tna_csv *w)
{
    fputs(w->flags & TNA_CSV_CRLF ? "\r\n" : "\n", w->fp);
    if (w->columns == 0)
        w->columns = w->field;
    assert(w->field == w->columns && "a CSV row with more or fewer fields than its header");
    w->field = 0;
}

void tna_csv_header(tna_csv *w, const char *names)
{
    w->names = names;
    for (const char *p = names;;) {
        const char *comma = strchr(p, ',');
        char *name = g_strndup(p, comma != NULL ? (size_t)(comma - p) : strlen(p));
        tna_csv_text(w, name);
        g_free(name);
        if (comma == NULL)
            break;
        p = comma + 1;
    }
    tna_csv_end(w);
}
