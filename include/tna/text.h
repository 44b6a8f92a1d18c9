/*
 * text.h - the matching key, the one way tna compares what people typed.
 *
 * Headings, answers, authority and role names are matched on a key: the text trimmed, runs
 * of white space (space, tab, CR, LF, no-break space) folded to one space, Unicode
 * case-folded and NFC-normalised, so "Ynys  Môn" (o + combining circumflex) and "ynys môn"
 * have the same key. GLib does the Unicode work.
 *
 * Memory: tna_text_key() returns a new string the caller frees with g_free(); NULL when the
 * input is not valid UTF-8.
 */
#ifndef TNA_TEXT_H
#define TNA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The matching key of s[0..len) (len < 0: NUL-terminated). Caller frees; NULL if s is not
 * valid UTF-8. */
char *tna_text_key(const char *s, long len);

/* True when s[0..len) is blank after trimming white space. */
bool tna_text_blank(const char *s, size_t len);

/* The edit distance between two short strings (bytes), capped at cap+1; for "did you mean". */
int tna_text_distance(const char *a, const char *b, int cap);

#endif
