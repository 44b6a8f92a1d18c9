/*
 * quote.c - text written into YAML, JSON and XML (include/tna/quote.h).
 *
 * One walk over the UTF-8 characters per format; each character is kept, escaped, or (when
 * the format cannot hold it) replaced, so whatever a reference file or an export holds, the
 * file tna writes parses and gives the text back.
 */
#include <glib.h>
#include <stdbool.h>
#include <string.h>

#include "tna/quote.h"

typedef enum format { YAML, JSON, XML } format;

/* Whether the YAML reader keeps character u as it is in a double-quoted scalar (YAML 1.1's
 * printable set, without the characters it reads as line breaks). */
static bool yaml_plain(gunichar u)
{
    return (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xd7ff && u != 0x2028 && u != 0x2029) ||
           (u >= 0xe000 && u <= 0xfffd && u != 0xfeff) || (u >= 0x10000 && u <= 0x10ffff);
}

static void escaped(GString *out, format f, gunichar u)
{
    switch (u) {
    case '"':
        g_string_append(out, f == XML ? "&quot;" : "\\\"");
        return;
    case '\\':
        g_string_append(out, f == XML ? "\\" : "\\\\");
        return;
    case '\n':
        g_string_append(out, f == XML ? "\n" : "\\n");
        return;
    case '\r':
        g_string_append(out, f == XML ? "\r" : "\\r");
        return;
    case '\t':
        g_string_append(out, f == XML ? "\t" : "\\t");
        return;
    default:
        break;
    }
    if (f == XML) {
        if (u == '&')
            g_string_append(out, "&amp;");
        else if (u == '<')
            g_string_append(out, "&lt;");
        else if (u == '>')
            g_string_append(out, "&gt;");
        else if (u == '\'')
            g_string_append(out, "&apos;");
        else if (u < 0x20 || u == 0xfffe || u == 0xffff)
            g_string_append_unichar(out, 0xfffd); /* XML 1.0 cannot hold it */
        else
            g_string_append_unichar(out, u);
    } else if (f == JSON) {
        if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029)
            g_string_append_printf(out, "\\u%04X", (unsigned)u);
        else
            g_string_append_unichar(out, u);
    } else if (!yaml_plain(u)) {
        g_string_append_printf(out, u <= 0xff ? "\\x%02X" : "\\u%04X", (unsigned)u);
    } else {
        g_string_append_unichar(out, u);
    }
}

static char *quote(const char *s, format f)
{
    GString *out = g_string_sized_new(strlen(s) + 2);
    if (f != XML)
        g_string_append_c(out, '"');
    const char *end = s + strlen(s);
    for (const char *p = s; *p;) {
        gunichar u = g_utf8_get_char_validated(p, end - p);
        if (u == (gunichar)-1 || u == (gunichar)-2) {
            escaped(out, f, 0xfffd);
            p++;
            continue;
        }
        escaped(out, f, u);
        p = g_utf8_next_char(p);
    }
    if (f != XML)
        g_string_append_c(out, '"');
    return g_string_free(out, FALSE);
}

char *tna_quote_yaml(const char *s)
{
    return quote(s ? s : "", YAML);
}

char *tna_quote_json(const char *s)
{
    return quote(s ? s : "", JSON);
}

char *tna_quote_xml(const char *s)
{
    return quote(s ? s : "", XML);
}
