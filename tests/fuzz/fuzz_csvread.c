/*
 * fuzz_csvread.c - the CSV reader (include/tna/csvread.h) on any bytes. The first byte picks
 * the delimiter, the encoding and whether the caps are tiny (so that they are reached); the
 * rest is the file. Checks what the header promises of every record: numbered from 1 in
 * order, on strictly later lines, at least one field, every field NUL-terminated at its
 * length and valid UTF-8 (bad bytes replaced); and that a failure always says why.
 */
#include <string.h>

#include "fuzz.h"
#include "tna/csvread.h"

typedef struct seen {
    long records, line;
} seen;

static int on_record(const tna_csv_record *r, void *ctx)
{
    seen *s = ctx;
    FUZZ_ASSERT(r->index == s->records + 1);
    FUZZ_ASSERT(r->line >= 1 && r->line > s->line);
    FUZZ_ASSERT(r->n >= 1);
    for (size_t i = 0; i < r->n; i++) {
        FUZZ_ASSERT(strlen(r->fields[i]) == r->lens[i]);
        FUZZ_ASSERT(g_utf8_validate(r->fields[i], (gssize)r->lens[i], NULL));
    }
    s->records++;
    s->line = r->line;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char delimiters[] = {',', ';', '\t', '|'};
    uint8_t knobs = data[0];
    tna_csv_options o = {0};
    o.delimiter = delimiters[knobs & 3];
    o.encoding = knobs & 4 ? TNA_ENCODING_WINDOWS_1252 : TNA_ENCODING_UTF8;
    if (knobs & 8) {
        o.max_field = 8 + (knobs >> 4);
        o.max_fields = 2 + (knobs >> 5);
    }
    /* an exact-size copy, so that reading one byte too far is caught */
    char *text = g_memdup2(data + 1, size - 1);
    tna_error err = TNA_ERROR_INIT;
    seen s = {0, 0};
    tna_status st = tna_csv_read_buffer("fuzz.csv", text, size - 1, &o, on_record, &s, &err);
    FUZZ_ASSERT(st == err.code);
    FUZZ_ASSERT(st == TNA_OK || err.message[0] != '\0');
    FUZZ_ASSERT(st != TNA_ERR_CONFIG); /* every delimiter offered is usable */
    g_free(text);
    return 0;
}
