/*
 * csvline.h - one complete line of CSV split into fields in place, exactly as libcsv's strict
 * mode splits it, or a refusal; not part of the API.
 *
 * csvread.c feeds libcsv one physical line at a time. Most lines of a survey export are whole
 * records (no quoted field runs on to the next line), and for those libcsv's state machine,
 * a branch and a store per byte and a callback per field, is most of the cost of reading a
 * file. tna_csv_split_line() reads such a line in one pass, a word at a time between
 * delimiters and quotes, and refuses every line it cannot be sure of; csvread.c then gives
 * that line to libcsv, so an error is always libcsv's (see csvread.c).
 *
 * The rules it follows are libcsv 3.0's with CSV_STRICT: spaces and tabs (but never the
 * delimiter) before a field are skipped; an unquoted field runs to the delimiter and loses
 * its trailing spaces and tabs; a field whose first character (after those spaces) is a
 * quote runs to the closing quote, a doubled quote inside it standing for one quote, and
 * spaces or tabs between the closing quote and the delimiter are dropped; a line of spaces
 * and tabs only is no record.
 */
#ifndef TNA_CSVLINE_H
#define TNA_CSVLINE_H

#include <stdbool.h>
#include <stddef.h>

/* Extra bytes the buffer of tna_csv_split_line() must hold after the line. */
#define TNA_CSV_LINE_PAD 64

#define TNA_CSV_LINE_REFUSED ((size_t)-1)

/* Splits a[0..m) (one line without its line break; no CR or LF inside) in place. a must hold
 * m + TNA_CSV_LINE_PAD bytes; a[m] and the bytes after it are overwritten. Each field ends in
 * a NUL in a; offs and lens (room for max_fields) receive where each starts and how long it
 * is. Returns the number of fields, 0 for a line that is no record (blank, or spaces and
 * tabs only), or TNA_CSV_LINE_REFUSED for a line libcsv must read: a quoted field not closed
 * on the line, anything but spaces and the delimiter after a closing quote, a quote inside
 * an unquoted field, more than max_fields fields or a field longer than max_field. A
 * refused line leaves a changed but meaningless; the caller reads its own copy again.
 * *plain: true when the line is known to hold no NUL and no byte of 0x80 or more (ASCII
 * text needs no UTF-8 check); false when it does or was not looked at. */
size_t tna_csv_split_line(char *a, size_t m, char delimiter, size_t *offs, size_t *lens,
                          size_t max_fields, size_t max_field, bool *plain);

#endif
