/*
 * csvline.c - see csvline.h.
 *
 * Where the delimiters, quotes and spaces are is worked out for the whole line first, 16
 * bytes at a time with SSE2 compares, as bitmaps (bit i set: a[i] is one of them). A line
 * with no quote and no space at the edge of a field (most lines of an export) is then split
 * from the delimiters' bits alone, a few instructions a field however long it is; any other
 * line is read field by field, the end of a field being the next delimiter or quote bit.
 * Without SSE2, or for a line too long for the bitmaps on the stack, the line is
 * scanned eight bytes at a time: XOR-ing a word with a byte repeated eight times turns the
 * wanted bytes into zero bytes, and the usual zero-byte test flags them (the lowest flag is
 * always a true one, as a borrow only spreads upwards). A copy of the delimiter written at
 * a[m] stops every scan, so the loops need no bounds checks; the pad after it, zeroed, is
 * what the last block or word read runs into.
 */
#include "csvline.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define BITMAP_MAX_LINE 4032 /* longest line whose bitmap (63 words) is kept on the stack */

#define ONES  0x0101010101010101u
#define HIGHS 0x8080808080808080u

static inline uint64_t zero_bytes(uint64_t w)
{
    return (w - ONES) & ~w & HIGHS;
}

/* Index of the first delimiter or quote at or after i, by word scan; a[m] is a delimiter. */
static inline size_t scan_special(const char *a, size_t i, uint64_t delims, uint64_t quotes)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (;; i += 8) {
        uint64_t w;
        memcpy(&w, a + i, 8);
        uint64_t hit = zero_bytes(w ^ delims) | zero_bytes(w ^ quotes);
        if (hit)
            return i + ((size_t)__builtin_ctzll(hit) >> 3);
    }
#else
    char d = (char)delims, q = (char)quotes;
    while (a[i] != d && a[i] != q)
        i++;
    return i;
#endif
}

#if defined(__SSE2__)
/* Bit i of delim, quote and space: a[i] is the delimiter, a quote, a space or tab that is
 * not the delimiter; for i < 64 * words. Returns whether a[0..m) has a NUL or a byte of
 * 0x80 or more (text the reader must check). */
static bool line_bits(const char *a, size_t m, size_t words, char delimiter, uint64_t *delim,
                      uint64_t *quote, uint64_t *space)
{
    const __m128i d = _mm_set1_epi8(delimiter), q = _mm_set1_epi8('"'), z = _mm_setzero_si128();
    uint64_t odd = 0;
    const __m128i sp = _mm_set1_epi8(delimiter == ' ' ? '\t' : ' ');
    const __m128i tab = _mm_set1_epi8(delimiter == '\t' ? ' ' : '\t');
    for (size_t w = 0; w < words; w++) {
        uint64_t bd = 0, bq = 0, bs = 0, bn = 0;
        for (int k = 0; k < 4; k++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(a + 64 * w + 16 * k));
            bd |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, d)) << (16 * k);
            bq |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, q)) << (16 * k);
            __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, tab));
            bs |= (uint64_t)(unsigned)_mm_movemask_epi8(blank) << (16 * k);
            bn |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, z)))
                  << (16 * k);
        }
        delim[w] = bd, quote[w] = bq, space[w] = bs;
        /* the pad after a[m] is zeros, and a[m] the delimiter: only bits below m count */
        odd |= 64 * w + 64 <= m ? bn : bn & (((uint64_t)1 << (m - 64 * w)) - 1);
    }
    return odd != 0;
}

/* A line with no quote, and no space or tab at the edge of a field: every field is what lies
 * between two delimiters, found from the bitmap alone. The same contract as
 * tna_csv_split_line. */
static size_t split_plain(char *a, size_t m, const uint64_t *delim, size_t *offs, size_t *lens,
                          size_t max_fields, size_t max_field)
{
    size_t n = 0, start = 0, w = 0;
    uint64_t word = delim[0];
    for (;;) {
        while (word == 0)
            word = delim[++w];
        size_t at = (w << 6) + (size_t)__builtin_ctzll(word);
        word &= word - 1;
        if (n == max_fields || at - start > max_field)
            return TNA_CSV_LINE_REFUSED;
        offs[n] = start;
        lens[n] = at - start;
        n++;
        a[at] = '\0';
        if (at == m)
            return n;
        start = at + 1;
    }
}
#endif

/* Index of the first delimiter or quote at or after i: from the bitmap when there is one. */
static inline size_t next_special(const char *a, size_t i, const uint64_t *bits, uint64_t delims,
                                  uint64_t quotes)
{
    if (bits == NULL)
        return scan_special(a, i, delims, quotes);
    size_t w = i >> 6;
    uint64_t word = bits[w] & (~(uint64_t)0 << (i & 63));
    while (word == 0)
        word = bits[++w];
    return (w << 6) + (size_t)__builtin_ctzll(word);
}

static inline bool is_space(char c, char delimiter)
{
    return (c == ' ' || c == '\t') && c != delimiter;
}

size_t tna_csv_split_line(char *a, size_t m, char delimiter, size_t *offs, size_t *lens,
                          size_t max_fields, size_t max_field, bool *plain)
{
    *plain = false;
    const uint64_t delims = ONES * (unsigned char)delimiter, quotes = ONES * (unsigned char)'"';
    a[m] = delimiter; /* stops every scan below */
    memset(a + m + 1, 0, TNA_CSV_LINE_PAD - 1);
    uint64_t stack_bits[BITMAP_MAX_LINE / 64 + 1], *bits = NULL;
#if defined(__SSE2__)
    if (m > 0 && m < BITMAP_MAX_LINE) {
        uint64_t quote[BITMAP_MAX_LINE / 64 + 1], space[BITMAP_MAX_LINE / 64 + 1];
        size_t words = m / 64 + 1;
        *plain = !line_bits(a, m, words, delimiter, stack_bits, quote, space);
        uint64_t quotes_seen = 0, edge_space = 0;
        for (size_t w = 0; w < words; w++) {
            uint64_t d = stack_bits[w];
            /* a field's first byte follows a delimiter (or starts the line), its last comes
             * before one (the one at a[m] too) */
            uint64_t after = d << 1 | (w > 0 ? stack_bits[w - 1] >> 63 : 1);
            uint64_t before = d >> 1 | (w + 1 < words ? stack_bits[w + 1] << 63 : 0);
            quotes_seen |= quote[w];
            edge_space |= space[w] & (after | before);
        }
        if (quotes_seen == 0 && edge_space == 0)
            return split_plain(a, m, stack_bits, offs, lens, max_fields, max_field);
        for (size_t w = 0; w < words; w++)
            stack_bits[w] |= quote[w];
        bits = stack_bits;
    }
#else
    (void)stack_bits;
#endif
    size_t i = 0, n = 0;
    while (is_space(a[i], delimiter))
        i++;
    if (i == m)
        return 0; /* libcsv skips a line of spaces as it skips an empty one */
    for (;;) {    /* i: the first character of a field, after its leading spaces */
        size_t start, len, next;
        if (a[i] == '"' && i < m) {
            /* quoted: to the closing quote, undoubling doubled quotes */
            size_t from = i + 1, to = i + 1;
            for (;;) {
                const char *q = memchr(a + from, '"', m - from);
                if (q == NULL)
                    return TNA_CSV_LINE_REFUSED; /* runs on to the next line */
                size_t at = (size_t)(q - a);
                if (to != from)
                    memmove(a + to, a + from, at - from);
                to += at - from;
                if (at + 1 < m && a[at + 1] == '"') {
                    a[to++] = '"';
                    from = at + 2;
                    continue;
                }
                from = at + 1;
                break;
            }
            next = from;
            while (is_space(a[next], delimiter))
                next++;
            if (a[next] != delimiter)
                return TNA_CSV_LINE_REFUSED; /* text or a quote after the closing quote */
            start = i + 1;
            len = to - start;
        } else {
            next = next_special(a, i, bits, delims, quotes);
            if (a[next] != delimiter)
                return TNA_CSV_LINE_REFUSED; /* a quote inside an unquoted field */
            size_t end = next;
            while (end > i && (a[end - 1] == ' ' || a[end - 1] == '\t'))
                end--;
            start = i;
            len = end - i;
        }
        if (n == max_fields || len > max_field)
            return TNA_CSV_LINE_REFUSED;
        offs[n] = start;
        lens[n] = len;
        n++;
        if (next == m) {
            a[start + len] = '\0';
            return n;
        }
        a[start + len] = '\0'; /* at or before the delimiter just found */
        i = next + 1;
        while (is_space(a[i], delimiter))
            i++;
    }
}
