/*
 * csvwrite.h - the one CSV writer: every CSV file tna writes (the reports' CSVs and the
 * exports of `tna sample`) goes through it, a field at a time, and every field that needs
 * quotes is quoted by libcsv's csv_fwrite2 in tna_csv_text().
 *
 * Fields are separated by commas; rows end with LF, or CRLF with TNA_CSV_CRLF. A text field is
 * quoted when it holds a comma, a double quote, CR or LF, or begins or ends with a space or a
 * tab (readers such as libcsv trim those from an unquoted field); quotes inside are doubled.
 * An empty field is written as nothing. With TNA_CSV_INERT (the reports), text that begins
 * with = + - @ tab CR or LF is written quoted behind an apostrophe ("'=SUM(A1)"), so that a
 * spreadsheet shows it as text instead of running it as a formula (OWASP, CSV injection);
 * numbers are written as they are.
 *
 * Rows are checked: every row must have as many fields as the first (the header), so a row
 * that drifts from its header is a failed assertion in the tests, not a shifted column in a
 * report. tna_csv_header() also remembers the column names, so a hidden row can leave its
 * figures empty up to a named column (tna_csv_blank_until) instead of counting commas.
 *
 * Memory: the writer is a value on the caller's stack; it uses the stream but does not own or
 * close it, and allocates nothing that outlives a call. Write errors stay in the stream
 * (ferror) for whoever closes it to report.
 */
#ifndef TNA_CSVWRITE_H
#define TNA_CSVWRITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tna/error.h"

enum {
    TNA_CSV_CRLF = 1u << 0,  /* rows end with CR LF */
    TNA_CSV_INERT = 1u << 1, /* text that a spreadsheet would run as a formula is neutralised */
};

typedef struct tna_csv {
    FILE *fp;
    unsigned flags;
    size_t field;      /* fields written on the current row */
    size_t columns;    /* fields of the first row; 0 before it ends */
    const char *names; /* the header given to tna_csv_header, or NULL */
} tna_csv;

/* A writer of rows to fp with TNA_CSV_* flags. */
tna_csv tna_csv_start(FILE *fp, unsigned flags);

/* One text field (NULL is empty), quoted as above. */
void tna_csv_text(tna_csv *w, const char *text);
/* One text field, formatted. */
void tna_csv_textf(tna_csv *w, const char *fmt, ...) TNA_PRINTF(2, 3);
/* An integer. */
void tna_csv_int(tna_csv *w, int64_t v);
/* A number with `decimals` decimals; never "-0.00": a value that rounds to zero has no sign. */
void tna_csv_number(tna_csv *w, double v, int decimals);
/* n empty fields. */
void tna_csv_blank(tna_csv *w, size_t n);
/* Empty fields up to (not including) the header's column `name`; to the end of the row when
 * name is NULL. The column must be ahead of the current field. */
void tna_csv_blank_until(tna_csv *w, const char *name);
/* Ends the row. */
void tna_csv_end(tna_csv *w);
/* The header row: column names joined by commas (plain names, kept, not copied: pass a
 * literal). Written as one row and remembered for tna_csv_blank_until. */
void tna_csv_header(tna_csv *w, const char *names);

#endif
