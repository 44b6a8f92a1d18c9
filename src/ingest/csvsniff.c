/*
 * csvsniff.c - what a file is before it is read: regular or not, a spreadsheet under a .csv
 * name, its encoding and its delimiter (see csvread.h, "Encoding and delimiter").
 *
 * Only the first block is looked at, except for one case: with encoding auto and no BOM, the
 * file is read on until its first byte that is not ASCII, because everything before that
 * byte reads the same in UTF-8 and Windows-1252 and that byte decides. The scan goes a word
 * at a time and stops there, so a file with a Welsh name in its first rows costs one block;
 * an all-ASCII file is read once more (at memory speed) to find that nothing decides.
 *
 * The delimiter is counted on the header line (header_row) outside quotes, on code units for
 * UTF-16 (every candidate is ASCII), so nothing needs converting.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tna/csvread.h"

#define SNIFF_BLOCK (64u << 10)

static const char spreadsheet_help[] =
    "this is a spreadsheet, not a CSV: save it as CSV UTF-8. In Excel: File > Save As (or Save "
    "a Copy), choose 'CSV UTF-8 (Comma delimited) (*.csv)' under the file name, Save, and "
    "answer Yes if asked to keep that format; in LibreOffice Calc: File > Save As, type 'Text "
    "CSV (.csv)', character set 'Unicode (UTF-8)'";

int tna_csv_open(const char *path, tna_error *err)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a file */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        tna_error_set(err, TNA_ERR_INPUT, path, 0, 0, "cannot open: %s", g_strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        tna_error_set(err, TNA_ERR_INPUT, path, 0, 0,
                      "not a regular file (%s): give the path of a CSV file",
                      S_ISDIR(sb.st_mode)    ? "a directory"
                      : S_ISFIFO(sb.st_mode) ? "a pipe"
                                             : "a device or socket");
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads up to size bytes from the start; the count read, or -1 after an error. */
static ssize_t read_head(int fd, const char *path, char *buf, size_t size, tna_error *err)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            tna_error_set(err, TNA_ERR_INPUT, path, 0, 0, "cannot read: %s", g_strerror(errno));
            return -1;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

static bool is_spreadsheet(const unsigned char *s, size_t n)
{
    static const unsigned char zip[] = {'P', 'K', 3, 4};
    static const unsigned char ole2[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return (n >= sizeof zip && memcmp(s, zip, sizeof zip) == 0) ||
           (n >= sizeof ole2 && memcmp(s, ole2, sizeof ole2) == 0);
}

/* The encoding a byte-order mark names, and its length; UTF8 with 0 when there is none. */
static int bom_of(const unsigned char *s, size_t n, tna_encoding *enc)
{
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return *enc = TNA_ENCODING_UTF8, 3;
    if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
        return *enc = TNA_ENCODING_UTF16LE, 2;
    if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
        return *enc = TNA_ENCODING_UTF16BE, 2;
    return 0;
}

/* UTF-16 without a BOM: ASCII text whose every other byte is NUL. */
static bool looks_utf16(const unsigned char *s, size_t n, tna_encoding *enc)
{
    if (n < 8)
        return false;
    size_t even = 0, odd = 0, pairs = MIN(n, 512) / 2;
    for (size_t i = 0; i < pairs; i++) {
        even += s[2 * i] == 0;
        odd += s[2 * i + 1] == 0;
    }
    if (odd * 10 >= pairs * 9 && even == 0)
        return *enc = TNA_ENCODING_UTF16LE, true;
    if (even * 10 >= pairs * 9 && odd == 0)
        return *enc = TNA_ENCODING_UTF16BE, true;
    return false;
}

/* Offset of the first byte >= 0x80 in s[0..n), or n. */
static size_t first_high(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080u)
            break;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

static long count_lines(const unsigned char *s, size_t n)
{
    long lines = 0;
    for (const unsigned char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        lines++;
    return lines;
}

/* Whether s[0..n) starts with one whole, valid UTF-8 sequence of more than one byte. */
static bool utf8_sequence_ok(const unsigned char *s, size_t n)
{
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    return len > 0 && n >= len && g_utf8_validate_len((const gchar *)s, len, NULL);
}

/* The delimiter of the header line: candidates counted outside quotes on line header_row.
 * unit: 1 for 8-bit text, 2 for UTF-16 (big: high byte first). */
static char sniff_delimiter(const unsigned char *s, size_t n, int unit, bool big, int header_row)
{
    long counts[3] = {0, 0, 0};
    static const char cand[3] = {',', ';', '\t'};
    int line = 1;
    bool quoted = false;
    for (size_t i = 0; i + (size_t)unit <= n; i += (size_t)unit) {
        unsigned c;
        if (unit == 1)
            c = s[i];
        else
            c = big ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (c == '\n' || c == '\r') {
            if (line >= header_row)
                break; /* the header line is over */
            if (c == '\n')
                line++;
            continue;
        }
        if (line < header_row)
            continue;
        for (int k = 0; k < 3; k++)
            counts[k] += c == (unsigned char)cand[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return cand[best];
}

/* What is left to decide after the first block, shared by the file and buffer forms. */
typedef struct sniff_state {
    const char *name;
    const unsigned char *head;
    size_t head_len;
    bool want_scan; /* auto without a BOM: the first non-ASCII byte decides */
} sniff_state;

static tna_status sniff_head(sniff_state *st, const tna_csv_options *o, int header_row,
                             tna_csv_sniffed *out, tna_error *err)
{
    memset(out, 0, sizeof *out);
    tna_encoding want = o ? o->encoding : TNA_ENCODING_UTF8;
    if (is_spreadsheet(st->head, st->head_len))
        return tna_error_set(err, TNA_ERR_INPUT, st->name, 0, 0, "%s", spreadsheet_help);
    tna_encoding enc = want;
    out->bom = bom_of(st->head, st->head_len, &enc);
    if (out->bom == 0 && want == TNA_ENCODING_AUTO && !looks_utf16(st->head, st->head_len, &enc)) {
        enc = TNA_ENCODING_UTF8;
        st->want_scan = true;
    }
    out->encoding = enc;
    out->delimiter = o && o->delimiter ? o->delimiter : 0;
    if (out->delimiter == 0) {
        bool wide = enc == TNA_ENCODING_UTF16LE || enc == TNA_ENCODING_UTF16BE;
        out->delimiter =
            sniff_delimiter(st->head + out->bom, st->head_len - (size_t)out->bom, wide ? 2 : 1,
                            enc == TNA_ENCODING_UTF16BE, header_row > 0 ? header_row : 1);
    }
    return TNA_OK;
}

typedef enum scan_result { SCAN_ASCII, SCAN_CUT, SCAN_DECIDED } scan_result;

/* Looks for the first non-ASCII byte of s[0..n), `*lines` line breaks into the file. ASCII:
 * none (the line breaks are added). CUT: the sequence there may go on past n, so decide on
 * more bytes (*at is where it starts; the line breaks before it are added). DECIDED: out
 * says which encoding. */
static scan_result scan_span(const unsigned char *s, size_t n, bool more_follows, long *lines,
                             size_t *at, tna_csv_sniffed *out)
{
    *at = first_high(s, n);
    if (*at == n) {
        *lines += count_lines(s, n);
        return SCAN_ASCII;
    }
    *lines += count_lines(s, *at);
    if (more_follows && n - *at < 4 && !utf8_sequence_ok(s + *at, n - *at))
        return SCAN_CUT;
    if (!utf8_sequence_ok(s + *at, n - *at)) {
        out->encoding = TNA_ENCODING_WINDOWS_1252;
        out->guessed = true;
        out->guessed_line = *lines + 1;
    }
    return SCAN_DECIDED;
}

tna_status tna_csv_sniff_buffer(const char *name, const char *data, size_t size,
                                const tna_csv_options *options, int header_row,
                                tna_csv_sniffed *out, tna_error *err)
{
    sniff_state st = {name, (const unsigned char *)(data ? data : ""),
                      data ? MIN(size, SNIFF_BLOCK) : 0, false};
    tna_status s = sniff_head(&st, options, header_row, out, err);
    if (s != TNA_OK || !st.want_scan)
        return s;
    long lines = 0;
    size_t at;
    scan_span((const unsigned char *)data, size, false, &lines, &at, out);
    return TNA_OK;
}

tna_status tna_csv_sniff_file(const char *path, const tna_csv_options *options, int header_row,
                              tna_csv_sniffed *out, tna_error *err)
{
    int fd = tna_csv_open(path, err);
    if (fd < 0)
        return err && err->code ? err->code : TNA_ERR_INPUT;
    unsigned char *buf = g_malloc(SNIFF_BLOCK + 4);
    ssize_t got = read_head(fd, path, (char *)buf, SNIFF_BLOCK, err);
    tna_status s = TNA_ERR_INPUT;
    if (got >= 0) {
        sniff_state st = {path, buf, (size_t)got, false};
        s = sniff_head(&st, options, header_row, out, err);
        /* Auto without a BOM: read on to the first non-ASCII byte. A sequence cut by the
         * end of a block (at most 3 bytes) is carried to the start of the next. */
        long lines = 0;
        size_t have = (size_t)got;
        while (s == TNA_OK && st.want_scan) {
            bool more = have == SNIFF_BLOCK;
            size_t at = 0;
            scan_result r = scan_span(buf, have, more, &lines, &at, out);
            if (r == SCAN_DECIDED || !more)
                break;
            size_t keep = r == SCAN_CUT ? have - at : 0;
            memmove(buf, buf + at, keep);
            got = read_head(fd, path, (char *)buf + keep, SNIFF_BLOCK - keep, err);
            if (got < 0) {
                s = TNA_ERR_INPUT;
                break;
            }
            have = keep + (size_t)got;
        }
    }
    g_free(buf);
    close(fd);
    return s;
}
