/*
 * csvread.c - see include/tna/csvread.h.
 *
 * Design notes
 *
 * Pipeline. Bytes go through three stages, each a function that takes a span:
 *   feed_raw      holds back the first bytes until it knows whether they are the BOM of the
 *                 encoding being read;
 *   feed_decoded  converts Windows-1252 (every byte is one character, so any split of the
 *                 input is safe) or UTF-16 (a code unit or surrogate pair cut by a block end
 *                 waits in `carry` for the rest) to UTF-8, in bounded chunks;
 *   feed_text     cuts the UTF-8 text into physical lines and hands each to csv_parse().
 *
 * Line numbers. libcsv knows nothing about positions, so feed_text() feeds it one physical
 * line at a time (a line ends at LF, CRLF or a lone CR; a CR that ends a chunk waits for the
 * next chunk to see whether an LF follows). While csv_parse() runs on a slice, every callback
 * happens on `line`. A record starts on the line of the first slice after which the parser is
 * inside a record, or, when it starts and ends in the same slice, on that slice's line. This
 * counts newlines inside quoted fields and the empty lines libcsv skips (those are counted
 * without calling libcsv at all). Slicing costs one memchr per line (two when the chunk has
 * a CR) and one csv_parse call per line. The parser's state is read from the public fields
 * of struct csv_parser (pstate, quoted, entry_pos) between slices, never changed.
 *
 * Errors. csv_parse() returns short on a strict-mode error, which gives the byte (and so the
 * column, counted in characters) inside the current slice. csv_fini() is called only when
 * nothing went wrong before; with CSV_STRICT_FINI it fails when the input ends inside a
 * quoted field, which is reported at the line and column where that field's quote opened
 * (noted after each slice while the parser sits in an open quoted field).
 *
 * Caps. libcsv's field buffer grows inside csv_parse(), which cannot be interrupted, so the
 * field size is checked after each slice and in the field callback; a slice is at most one
 * line or one read block, so memory stays within max_field plus one block. The record arena
 * is capped by max_record, the field count by max_fields. Callbacks cannot stop libcsv: once
 * `stop` is set they return at once and the caller returns after the current slice.
 *
 * Fields. Each field is copied (one memcpy, a tail call) into a per-record arena with its
 * NUL; offsets become pointers when the record ends, as the arena may move while it grows.
 * There is no allocation per field. Validation is per record: NUL bytes are spotted with a
 * memchr over each slice, and the arena is OR-ed a word at a time for bytes >= 0x80. Only a
 * record with either has its fields validated with GLib, and an invalid field is repaired
 * with g_utf8_make_valid() (NUL counts as invalid, as in g_utf8_validate(), so a field is
 * always a proper C string). In Windows-1252 and UTF-16 mode the converter writes U+FFFD for
 * what it cannot convert, and a field containing U+FFFD is flagged invalid.
 *
 * Whole lines. A line that starts a record and ends in a line break in the same chunk is
 * first offered to csvline.c, which splits it straight into the arena, exactly as libcsv
 * would, or refuses it (a quoted field running on to the next line, a malformed quote, a
 * cap); a refused line goes to libcsv as above, so every error and every record of more
 * than one line is libcsv's. test_csvread.c reads random text both ways.
 *
 * Ranges. The bytes consumed are counted as the file's (a Windows-1252 byte is one character
 * of the converted text), so a read can start at a line and stop at the first record
 * boundary at or after a given offset, and say where it stopped: ingest reads a large file in
 * ranges, a worker each, and checks that each stopped where the next started.
 *
 * What to read a file as (encoding, delimiter) is worked out before reading, in
 * csvsniff.c; the reader is told.
 *
 * State lives in one struct on the caller's stack; there is no global mutable state.
 */
#include "tna/csvread.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "csvline.h"

/* libcsv's parser states (libcsv.c, not exported by csv.h). */
enum { CSV_STATE_ROW_NOT_BEGUN = 0, CSV_STATE_FIELD_BEGUN = 2, CSV_STATE_FIELD_MIGHT_END = 3 };

#define READ_BLOCK    (1u << 20)  /* read(2) size */
#define CONVERT_CHUNK (64u << 10) /* bytes converted at a time (Windows-1252, UTF-16) */
#define LIBCSV_GROWTH (64u << 10) /* libcsv grows its field buffer by this much */

typedef struct reader {
    struct csv_parser parser;
    const char *name;
    char delimiter;
    tna_encoding encoding;
    size_t max_field, max_fields, max_record;
    tna_csv_record_fn fn;
    void *ctx;
    tna_error *err;
    tna_status status; /* first error */
    bool stop;         /* an error or the callback asked to stop */
    bool has_nul;      /* a slice of the current record holds a NUL byte */

    /* bytes of the input consumed, counted in the file (a Windows-1252 byte is one character
     * of the converted text; UTF-16 is not counted); the read stops at the first record
     * boundary at or after limit (0: none) */
    off_t offset, limit;

    /* position */
    long line;       /* physical line of the slice being parsed */
    long col_base;   /* characters already fed on this line (a line cut by a block end) */
    bool pending_cr; /* the last chunk ended with CR: a break, merged with an LF that follows */
    long rec_line;   /* line where the current record starts; 0 = not known yet */
    long quote_line; /* where the open quoted field started; 0 = none noted */
    long quote_col;
    size_t quote_n; /* ... which is field quote_n of record quote_rec (0-based, as counted */
    long quote_rec; /*     when it was noted) */
    long records;

    /* the record being built */
    char *arena;
    size_t arena_len, arena_cap;
    size_t n, cap;
    size_t *offs;
    size_t *lens;
    bool *invalid;
    const char **fields;

    /* BOM detection */
    unsigned char head[3];
    size_t head_len;
    bool head_done;

    /* Windows-1252 and UTF-16 output; a UTF-16 unit or pair cut by a block end */
    char *conv;
    unsigned char carry[4];
    size_t carry_len;
} reader;

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */

static void fail(reader *r, tna_status code, long line, long col, const char *fmt, ...)
    TNA_PRINTF(5, 6);

static void fail(reader *r, tna_status code, long line, long col, const char *fmt, ...)
{
    if (r->status == TNA_OK) {
        va_list ap;
        va_start(ap, fmt);
        tna_error_setv(r->err, code, r->name, line, col, fmt, ap);
        va_end(ap);
        r->status = code;
    }
    r->stop = true;
}

/* Number of UTF-8 characters in s[0..n) (bytes that are not continuation bytes). */
static long utf8_chars(const char *s, size_t n)
{
    long c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* ------------------------------------------------------------------------------------------ */
/* Fields and records                                                                          */

/* True when s[0..n) is all ASCII with no NUL: the common case, checked a word at a time. */
static bool plain_ascii(const char *s, size_t n)
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & high) || ((w - ones) & ~w & high))
            return false;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0 || c >= 0x80)
            return false;
    }
    return true;
}

static bool grow_arena(reader *r, size_t need)
{
    size_t cap = r->arena_cap ? r->arena_cap : 4096;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (cap > r->max_record)
        cap = r->max_record; /* the fast path relies on arena_cap <= max_record */
    char *p = g_try_realloc(r->arena, cap + TNA_CSV_FIELD_PAD);
    if (p == NULL)
        return false;
    r->arena = p;
    r->arena_cap = cap;
    return true;
}

static bool grow_fields(reader *r)
{
    size_t cap = r->cap ? r->cap * 2 : 64;
    if (cap > r->max_fields)
        cap = r->max_fields;
    size_t *offs = g_try_realloc_n(r->offs, cap, sizeof *offs);
    if (offs)
        r->offs = offs;
    size_t *lens = g_try_realloc_n(r->lens, cap, sizeof *lens);
    if (lens)
        r->lens = lens;
    bool *invalid = g_try_realloc_n(r->invalid, cap, sizeof *invalid);
    if (invalid)
        r->invalid = invalid;
    const char **fields = g_try_realloc_n(r->fields, cap, sizeof *fields);
    if (fields)
        r->fields = fields;
    if (!offs || !lens || !invalid || !fields)
        return false;
    r->cap = cap;
    return true;
}

static long record_line(const reader *r)
{
    return r->rec_line ? r->rec_line : r->line;
}

/* The field callback when the fast path cannot take it: stopped, over a cap, or the arrays
 * need to grow. Kept out of line so that the fast path stays a leaf with few registers. */
G_GNUC_NO_INLINE static void on_field_slow(reader *r, const char *s, size_t len)
{
    if (r->stop)
        return;
    if (len > r->max_field) {
        fail(r, TNA_ERR_NOMEM, record_line(r), 0, "field longer than %zu bytes", r->max_field);
        return;
    }
    if (r->n == r->cap) {
        if (r->n >= r->max_fields) {
            fail(r, TNA_ERR_NOMEM, record_line(r), 0, "record has more than %zu fields",
                 r->max_fields);
            return;
        }
        if (!grow_fields(r)) {
            fail(r, TNA_ERR_NOMEM, record_line(r), 0, "out of memory reading a record");
            return;
        }
    }
    size_t need = r->arena_len + len + 1;
    if (need > r->max_record) {
        fail(r, TNA_ERR_NOMEM, record_line(r), 0, "record longer than %zu bytes", r->max_record);
        return;
    }
    if (need > r->arena_cap && !grow_arena(r, need)) {
        fail(r, TNA_ERR_NOMEM, record_line(r), 0, "out of memory reading a record");
        return;
    }
    memcpy(r->arena + r->arena_len, s, len);
    r->arena[r->arena_len + len] = '\0';
    r->offs[r->n] = r->arena_len;
    r->lens[r->n] = len;
    r->n++;
    r->arena_len = need;
}

/* Copies the field into the arena; validation waits for the end of the record. The
 * bookkeeping comes first so that the copy is a tail call. */
static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    size_t at = r->arena_len, n = r->n, need = at + len + 1;
    if (G_UNLIKELY(r->stop || n == r->cap || need > r->arena_cap || len > r->max_field)) {
        on_field_slow(r, data, len);
        return;
    }
    char *dst = r->arena + at;
    dst[len] = '\0';
    r->offs[n] = at;
    r->lens[n] = len;
    r->n = n + 1;
    r->arena_len = need;
    memcpy(dst, data, len);
}

/* True when s[0..size) is all ASCII, a word at a time. */
static bool all_ascii(const char *s, size_t size)
{
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        any |= w;
    }
    for (; i < size; i++)
        any |= (unsigned char)s[i];
    return (any & 0x8080808080808080u) == 0;
}

/* Validates every field of a record that has non-ASCII bytes or NULs; repairs the invalid ones
 * (rebuilding the arena) and flags them. */
static void check_record(reader *r)
{
    bool repair = false;
    for (size_t i = 0; i < r->n; i++) {
        const char *s = r->arena + r->offs[i];
        size_t len = r->lens[i];
        r->invalid[i] = false;
        if (plain_ascii(s, len))
            continue;
        if (g_utf8_validate_len(s, len, NULL)) {
            /* Converted text has no U+FFFD of its own: it marks what could not be converted. */
            r->invalid[i] = r->encoding != TNA_ENCODING_UTF8 &&
                            memmem(s, len, "\xEF\xBF\xBD", 3) != NULL;
            continue;
        }
        r->invalid[i] = true;
        repair = true;
    }
    if (!repair)
        return;
    GString *out = g_string_sized_new(r->arena_len + 64);
    for (size_t i = 0; i < r->n; i++) {
        const char *s = r->arena + r->offs[i];
        size_t at = out->len;
        if (r->invalid[i] && !g_utf8_validate_len(s, r->lens[i], NULL)) {
            gchar *fixed = g_utf8_make_valid(s, (gssize)r->lens[i]);
            g_string_append(out, fixed);
            g_free(fixed);
        } else {
            g_string_append_len(out, s, (gssize)r->lens[i]);
        }
        r->offs[i] = at;
        r->lens[i] = out->len - at;
        g_string_append_c(out, '\0');
    }
    size_t len = out->len;
    g_string_append_len(out, "\0\0\0\0\0\0\0\0", TNA_CSV_FIELD_PAD); /* readable after */
    g_free(r->arena);
    r->arena_cap = MIN(out->allocated_len - 1 - TNA_CSV_FIELD_PAD, r->max_record);
    r->arena_len = len;
    r->arena = g_string_free(out, FALSE);
}

/* Hands the record built in the arena to the callback and starts the next. plain: its text
 * is known to be ASCII without NUL (csvline.h), so there is nothing to check. */
static void end_record(reader *r, bool plain)
{
    if (r->n > 0) {
        /* NULs were spotted in the input slices; the terminators are not looked at */
        if (plain || (!r->has_nul && all_ascii(r->arena, r->arena_len)))
            memset(r->invalid, 0, r->n * sizeof *r->invalid);
        else
            check_record(r);
        for (size_t i = 0; i < r->n; i++)
            r->fields[i] = r->arena + r->offs[i];
        tna_csv_record rec = {r->n, r->fields, r->lens, r->invalid, record_line(r), ++r->records};
        if (r->fn(&rec, r->ctx) != 0)
            r->stop = true;
    }
    r->n = 0;
    r->arena_len = 0;
    r->rec_line = 0;
    r->has_nul = false;
}

static void on_record(int c, void *ctx)
{
    reader *r = ctx;
    (void)c;
    if (!r->stop)
        end_record(r, false);
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                     */

/* Column (1-based, characters) of the quote that opened the quoted field still open at the end
 * of the slice s[0..n): the first char of the last run of quotes of odd length (inside a quoted
 * field every run of quotes is an even number of escaped quotes). 0 when not in the slice. */
static long open_quote_col(const reader *r, const char *s, size_t n)
{
    size_t i = n;
    while (i > 0) {
        if (s[i - 1] != '"') {
            i--;
            continue;
        }
        size_t end = i;
        while (i > 0 && s[i - 1] == '"')
            i--;
        if ((end - i) % 2 == 1)
            return r->col_base + utf8_chars(s, i) + 1;
    }
    return 0;
}

/* Parses one slice (at most one physical line) s[0..n). */
static void parse_slice(reader *r, const char *s, size_t n)
{
    /* A slice ends where a record may end, so a NUL in it belongs to the record being read
     * (or started) while it is parsed; on_record() clears the flag. */
    if (memchr(s, '\0', n) != NULL)
        r->has_nul = true;
    size_t got = csv_parse(&r->parser, s, n, on_field, on_record, r);
    if (r->stop)
        return;
    if (got != n) {
        long col = r->col_base + utf8_chars(s, got) + 1;
        if (csv_error(&r->parser) != CSV_EPARSE)
            fail(r, TNA_ERR_NOMEM, r->line, col, "out of memory reading a field (%s)",
                 csv_strerror(csv_error(&r->parser)));
        else if (r->parser.pstate == CSV_STATE_FIELD_MIGHT_END)
            fail(r, TNA_ERR_INPUT, r->line, col,
                 "malformed quoted field: text after the closing quote (a quote inside a "
                 "quoted field must be doubled)");
        else
            fail(r, TNA_ERR_INPUT, r->line, col,
                 "malformed field: quote inside an unquoted field (quote the whole field and "
                 "double the quote)");
        return;
    }
    if (r->parser.pstate != CSV_STATE_ROW_NOT_BEGUN && r->rec_line == 0)
        r->rec_line = r->line;
    /* A quoted field is still open: note where it opened, unless it is the one noted before
     * (same record, same number of fields done). */
    if (r->parser.quoted && r->parser.pstate == CSV_STATE_FIELD_BEGUN &&
        (r->quote_line == 0 || r->quote_n != r->n || r->quote_rec != r->records)) {
        r->quote_line = r->line;
        r->quote_n = r->n;
        r->quote_rec = r->records;
        r->quote_col = open_quote_col(r, s, n);
    }
    if (r->parser.entry_pos > r->max_field)
        fail(r, TNA_ERR_NOMEM, record_line(r), 0, "field longer than %zu bytes", r->max_field);
}

static void new_line(reader *r)
{
    r->line++;
    r->col_base = 0;
}

/* Reads one whole line s[0..n), its line break included, that starts a record, without
 * libcsv (csvline.h). False when the line is refused; then nothing has changed. */
static bool fast_line(reader *r, const char *s, size_t n)
{
    size_t m = n;
    if (m > 0 && s[m - 1] == '\n')
        m--;
    if (m > 0 && s[m - 1] == '\r')
        m--;
    size_t need = m + TNA_CSV_LINE_PAD;
    if (need > r->max_record || (need > r->arena_cap && !grow_arena(r, need)) ||
        need > r->arena_cap)
        return false;
    memcpy(r->arena, s, m);
    bool plain;
    size_t fields = tna_csv_split_line(r->arena, m, r->delimiter, r->offs, r->lens, r->cap,
                                       r->max_field, &plain);
    if (fields == TNA_CSV_LINE_REFUSED)
        return false;
    if (fields > 0) {
        r->has_nul = !plain && memchr(s, '\0', m) != NULL;
        r->n = fields;
        r->arena_len = m + 1;
        end_record(r, plain);
    }
    return true;
}

/* Counts n bytes of text s as consumed input. */
static void consume(reader *r, const char *s, size_t n)
{
    r->offset += r->encoding == TNA_ENCODING_UTF8 ? (off_t)n : (off_t)utf8_chars(s, n);
}

/* Whether the read has reached its limit: between records, at or after it. */
static bool at_limit(const reader *r)
{
    return r->limit > 0 && r->offset >= r->limit && !r->pending_cr &&
           r->parser.pstate == CSV_STATE_ROW_NOT_BEGUN;
}

/* Feeds UTF-8 text, cut into physical lines. */
static void feed_text(reader *r, const char *s, size_t n)
{
    if (n == 0 || r->stop)
        return;
    size_t pos = 0;
    if (r->pending_cr) {
        r->pending_cr = false;
        if (s[0] != '\n') /* a lone CR; an LF here is cut below as its own slice */
            new_line(r);
    }
    bool has_cr = memchr(s, '\r', n) != NULL;
    while (pos < n && !r->stop) {
        if (at_limit(r)) {
            r->stop = true;
            break;
        }
        if (r->parser.pstate == CSV_STATE_ROW_NOT_BEGUN && (s[pos] == '\n' || s[pos] == '\r')) {
            /* an empty line between records, which libcsv would skip: just count it */
            size_t from = pos;
            if (s[pos] == '\r' && pos + 1 == n) {
                r->pending_cr = true;
                consume(r, s + pos, 1);
                break;
            }
            if (s[pos] == '\r' && s[pos + 1] == '\n')
                pos++;
            pos++;
            consume(r, s + from, pos - from);
            new_line(r);
            continue;
        }
        const char *lf = memchr(s + pos, '\n', n - pos);
        size_t lim = lf ? (size_t)(lf - s) : n; /* index of the LF, or n */
        size_t end = lf ? lim + 1 : n;
        bool brk = lf != NULL;
        if (has_cr) {
            const char *cr = memchr(s + pos, '\r', lim - pos);
            if (cr) {
                size_t c = (size_t)(cr - s);
                if (lf && c + 1 == lim) {
                    /* CRLF ends this line */
                } else if (c + 1 == n) {
                    r->pending_cr = true; /* CR at the end of the chunk: wait for the next */
                    brk = false;
                } else {
                    end = c + 1; /* lone CR */
                    brk = true;
                }
            }
        }
        if (!brk || r->parser.pstate != CSV_STATE_ROW_NOT_BEGUN ||
            !fast_line(r, s + pos, end - pos))
            parse_slice(r, s + pos, end - pos);
        consume(r, s + pos, end - pos);
        if (brk)
            new_line(r);
        else if (!r->pending_cr)
            r->col_base += utf8_chars(s + pos, end - pos);
        pos = end;
    }
}

/* The Windows-1252 characters 0x80..0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Converts s[0..n) (n <= CONVERT_CHUNK) into out, which holds 3 * n bytes; returns the length. */
static size_t cp1252_to_utf8(const unsigned char *s, size_t n, char *out)
{
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i];
        if (b < 0x80) {
            *o++ = (char)b;
            continue;
        }
        gunichar cp = b >= 0xA0 ? b : cp1252_high[b - 0x80];
        o += g_unichar_to_utf8(cp ? cp : 0xFFFD, o);
    }
    return (size_t)(o - out);
}

/* Converts UTF-16 s[0..n) (n even, n <= CONVERT_CHUNK) into out (3 * n / 2 bytes at most, a
 * pair of units giving 4); a high surrogate at the very end is left for the next call.
 * Returns the bytes written; *used, the input bytes consumed. */
static size_t utf16_to_utf8(const unsigned char *s, size_t n, bool big, char *out, size_t *used)
{
    char *o = out;
    size_t i = 0;
    while (i + 2 <= n) {
        gunichar u = big ? (gunichar)(s[i] << 8 | s[i + 1]) : (gunichar)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n)
                break; /* the low half is in the next block */
            gunichar lo = big ? (gunichar)(s[i + 2] << 8 | s[i + 3])
                               : (gunichar)(s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                o += g_unichar_to_utf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), o);
                i += 4;
                continue;
            }
            u = 0xFFFD;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        o += g_unichar_to_utf8(u, o);
        i += 2;
    }
    *used = i;
    return (size_t)(o - out);
}

static void feed_utf16(reader *r, const char *s, size_t n)
{
    bool big = r->encoding == TNA_ENCODING_UTF16BE;
    while ((n > 0 || r->carry_len > 0) && !r->stop) {
        unsigned char buf[CONVERT_CHUNK];
        size_t k = r->carry_len;
        memcpy(buf, r->carry, k);
        size_t take = MIN(n, CONVERT_CHUNK - k);
        memcpy(buf + k, s, take);
        s += take, n -= take, k += take;
        size_t used = 0, m = utf16_to_utf8(buf, k & ~(size_t)1, big, r->conv, &used);
        r->carry_len = k - used; /* an odd byte, or a high surrogate waiting for its pair */
        memcpy(r->carry, buf + used, r->carry_len);
        feed_text(r, r->conv, m);
        if (used == 0 && n == 0)
            break;
    }
}

static void feed_decoded(reader *r, const char *s, size_t n)
{
    if (r->encoding == TNA_ENCODING_UTF8) {
        feed_text(r, s, n);
        return;
    }
    if (r->conv == NULL) {
        r->conv = g_try_malloc(3 * CONVERT_CHUNK);
        if (r->conv == NULL) {
            fail(r, TNA_ERR_NOMEM, 0, 0, "out of memory");
            return;
        }
    }
    if (r->encoding != TNA_ENCODING_WINDOWS_1252) {
        feed_utf16(r, s, n);
        return;
    }
    while (n > 0 && !r->stop) {
        size_t k = n < CONVERT_CHUNK ? n : CONVERT_CHUNK;
        size_t m = cp1252_to_utf8((const unsigned char *)s, k, r->conv);
        feed_text(r, r->conv, m);
        s += k;
        n -= k;
    }
}

/* The byte-order mark of the encoding being read: what feed_raw skips. */
static size_t bom_length(const reader *r, const unsigned char *head, size_t n)
{
    if (r->encoding == TNA_ENCODING_UTF8 && n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        return 3;
    if (r->encoding == TNA_ENCODING_UTF16LE && n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        return 2;
    if (r->encoding == TNA_ENCODING_UTF16BE && n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        return 2;
    return 0;
}

/* Feeds input bytes; the first three are held back until it is known whether they start
 * with a BOM. */
static void feed_raw(reader *r, const char *s, size_t n)
{
    if (!r->head_done) {
        while (n > 0 && r->head_len < 3) {
            r->head[r->head_len++] = (unsigned char)*s++;
            n--;
        }
        if (r->head_len < 3)
            return;
        r->head_done = true;
        size_t skip = bom_length(r, r->head, 3);
        r->offset += (off_t)skip;
        feed_decoded(r, (const char *)r->head + skip, 3 - skip);
    }
    feed_decoded(r, s, n);
}

static tna_status reader_init(reader *r, const char *name, const tna_csv_options *o,
                              tna_csv_record_fn fn, void *ctx, tna_error *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->fn = fn;
    r->ctx = ctx;
    r->err = err;
    r->line = 1;
    r->delimiter = o && o->delimiter ? o->delimiter : ',';
    r->encoding = o ? o->encoding : TNA_ENCODING_UTF8;
    r->max_field = o && o->max_field ? o->max_field : TNA_CSV_MAX_FIELD;
    r->max_fields = o && o->max_fields ? o->max_fields : TNA_CSV_MAX_FIELDS;
    r->max_record = TNA_CSV_MAX_RECORD;
    if (r->max_field <= SIZE_MAX / 4 && 4 * r->max_field > r->max_record)
        r->max_record = 4 * r->max_field;
    if (r->delimiter == '"' || r->delimiter == '\r' || r->delimiter == '\n' ||
        (unsigned char)r->delimiter >= 0x80)
        return tna_error_set(err, TNA_ERR_CONFIG, name, 0, 0,
                             "unusable CSV delimiter (byte 0x%02X)", (unsigned char)r->delimiter);
    if (r->encoding != TNA_ENCODING_UTF8 && r->encoding != TNA_ENCODING_WINDOWS_1252 &&
        r->encoding != TNA_ENCODING_UTF16LE && r->encoding != TNA_ENCODING_UTF16BE)
        return tna_error_set(err, TNA_ERR_CONFIG, name, 0, 0, "unknown encoding");
    if (fn == NULL)
        return tna_error_set(err, TNA_ERR_USAGE, name, 0, 0, "no record callback");
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return tna_error_set(err, TNA_ERR_NOMEM, name, 0, 0, "out of memory");
    csv_set_delim(&r->parser, (unsigned char)r->delimiter);
    csv_set_blk_size(&r->parser, LIBCSV_GROWTH);
    return TNA_OK;
}

/* Ends the input: flushes held bytes, runs csv_fini unless something went wrong. */
static void reader_finish(reader *r)
{
    if (!r->head_done) {
        r->head_done = true;
        size_t skip = bom_length(r, r->head, r->head_len);
        r->offset += (off_t)skip;
        feed_decoded(r, (const char *)r->head + skip, r->head_len - skip);
    }
    if (r->carry_len > 0 && !r->stop) { /* an odd byte at the end of UTF-16 text */
        r->carry_len = 0;
        feed_text(r, "\xEF\xBF\xBD", 3);
    }
    if (r->stop)
        return;
    if (r->pending_cr) {
        r->pending_cr = false;
        new_line(r);
    }
    if (csv_fini(&r->parser, on_field, on_record, r) != 0 && !r->stop) {
        long line = r->quote_line ? r->quote_line : r->line;
        fail(r, TNA_ERR_INPUT, line, r->quote_line ? r->quote_col : 0,
             "unterminated quoted field (opened on line %ld and never closed)", line);
    }
}

static void reader_free(reader *r)
{
    csv_free(&r->parser);
    g_free(r->arena);
    g_free(r->offs);
    g_free(r->lens);
    g_free(r->invalid);
    g_free(r->fields);
    g_free(r->conv);
}

tna_status tna_csv_read_buffer(const char *name, const char *data, size_t size,
                               const tna_csv_options *options, tna_csv_record_fn fn, void *ctx,
                               tna_error *err)
{
    tna_csv_sniffed sn;
    tna_status st = tna_csv_sniff_buffer(name, data, size, options, 1, &sn, err);
    if (st != TNA_OK)
        return st;
    tna_csv_options resolved = options ? *options : (tna_csv_options){0};
    resolved.encoding = sn.encoding;
    resolved.delimiter = sn.delimiter;
    reader r;
    st = reader_init(&r, name, &resolved, fn, ctx, err);
    if (st != TNA_OK)
        return st;
    if (data != NULL)
        feed_raw(&r, data, size);
    reader_finish(&r);
    reader_free(&r);
    return r.status;
}

/* Reads path from start through r, to the end of the file or until r stops (at its limit,
 * on an error, or when the callback asks). */
static void read_range(reader *r, const char *path, off_t start)
{
    int fd = tna_csv_open(path, r->err);
    if (fd < 0) {
        r->status = r->err && r->err->code ? r->err->code : TNA_ERR_INPUT;
        r->stop = true;
        return;
    }
    if (start > 0 && lseek(fd, start, SEEK_SET) != start) {
        fail(r, TNA_ERR_INPUT, 0, 0, "cannot seek: %s", g_strerror(errno));
        close(fd);
        return;
    }
    char *buf = g_try_malloc(READ_BLOCK);
    if (buf == NULL)
        fail(r, TNA_ERR_NOMEM, 0, 0, "out of memory");
    while (buf != NULL && !r->stop) {
        ssize_t got = read(fd, buf, READ_BLOCK);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fail(r, TNA_ERR_INPUT, 0, 0, "cannot read: %s", g_strerror(errno));
            break;
        }
        if (got == 0) {
            reader_finish(r);
            break;
        }
        feed_raw(r, buf, (size_t)got);
    }
    g_free(buf);
    close(fd);
}

tna_status tna_csv_read_file(const char *path, const tna_csv_options *options, tna_csv_record_fn fn,
                             void *ctx, tna_error *err)
{
    return tna_csv_read_range(path, options, NULL, fn, ctx, NULL, err);
}

tna_status tna_csv_read_range(const char *path, const tna_csv_options *options,
                              const tna_csv_range *range, tna_csv_record_fn fn, void *ctx,
                              tna_csv_stop *stop, tna_error *err)
{
    off_t start = range ? range->start : 0, end = range ? range->end : 0;
    tna_csv_options resolved = options ? *options : (tna_csv_options){0};
    if (start == 0) { /* the start of the file says what it is (a BOM wins) */
        tna_csv_sniffed sn;
        tna_status st = tna_csv_sniff_file(path, options, 1, &sn, err);
        if (st != TNA_OK)
            return st;
        resolved.encoding = sn.encoding;
        resolved.delimiter = sn.delimiter;
    } else if (resolved.encoding == TNA_ENCODING_AUTO || resolved.delimiter == 0) {
        return tna_error_set(err, TNA_ERR_USAGE, path, 0, 0,
                             "a part of a file is read only with its encoding and delimiter "
                             "given");
    }
    bool utf16 = resolved.encoding == TNA_ENCODING_UTF16LE ||
                 resolved.encoding == TNA_ENCODING_UTF16BE;
    if (utf16 && (start > 0 || end > 0))
        return tna_error_set(err, TNA_ERR_USAGE, path, 0, 0,
                             "a UTF-16 file is read only as a whole");
    reader r;
    tna_status st = reader_init(&r, path, &resolved, fn, ctx, err);
    if (st != TNA_OK)
        return st;
    if (start > 0) /* a BOM can only open the file */
        r.head_done = true;
    r.offset = start;
    r.limit = end;
    if (range && range->first_line > 0)
        r.line = range->first_line;
    read_range(&r, path, start);
    if (stop) {
        stop->offset = utf16 ? -1 : r.offset;
        stop->lines = r.line - (range && range->first_line > 0 ? range->first_line : 1);
    }
    reader_free(&r);
    return r.status;
}
