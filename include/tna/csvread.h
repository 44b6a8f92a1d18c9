/*
 * csvread.h - streaming CSV reading on top of libcsv.
 *
 * Reads a file in fixed-size blocks (never the whole file), skips a byte-order mark,
 * converts Windows-1252 and UTF-16 to UTF-8, and calls back once per record with the fields as
 * NUL-terminated UTF-8 strings and the physical line on which the record starts (a quoted
 * newline advances the line count, as an editor shows it). libcsv runs in strict mode, so an
 * unterminated or misplaced quote is an error with its line; fields and records are capped,
 * so a hostile file gives an error rather than gigabytes of memory.
 *
 * Lines that are completely empty (or hold only spaces and tabs that are not the delimiter)
 * are not records (libcsv skips them) but still count as lines. A line of delimiters only
 * (",,,") is a record of empty fields: the caller decides what a blank row means. A trailing
 * delimiter gives a last empty field. LF, CRLF and a lone CR each end a line; CRLF inside a
 * quoted field is kept as it is. Unquoted fields are trimmed of spaces and tabs (libcsv);
 * quoted fields keep them. A final record without a newline is read normally.
 *
 * A field that is not valid UTF-8 (a NUL byte counts as invalid, as in g_utf8_validate()) is
 * passed with each bad byte replaced by U+FFFD and its `invalid` flag set: the caller must
 * log it and must not use its text as data. In Windows-1252 input the five undefined bytes
 * (0x81 0x8D 0x8F 0x90 0x9D), and in UTF-16 input a lone surrogate or a trailing odd byte,
 * become U+FFFD and flag their field the same way.
 *
 * Encoding and delimiter. tna_csv_sniff_file() looks at the start of a file before it is
 * read. A byte-order mark always decides the encoding (EF BB BF UTF-8, FF FE UTF-16 LE,
 * FE FF UTF-16 BE, as Excel's "CSV UTF-8" and "Unicode text" write them), whatever the
 * options say. Otherwise, with TNA_ENCODING_AUTO: text whose first bytes alternate with NULs
 * is UTF-16; else the file is read up to its first byte that is not ASCII (everything
 * before it reads the same in UTF-8 and Windows-1252), and when that byte does not start a
 * valid UTF-8 sequence the file is Windows-1252 (`guessed`, with the line), else UTF-8. A
 * delimiter of 0 is sniffed from the header line: whichever of ',' ';' and tab occurs most
 * often outside quotes (',' on a tie or when none does). The read functions sniff for
 * themselves when given TNA_ENCODING_AUTO or delimiter 0.
 *
 * Only regular files are read: a FIFO, device or directory is refused at once (never waited
 * on). A workbook saved under a .csv name (a zip: XLSX, ODS; or an old .xls) is recognised
 * and refused with the steps to save it as CSV UTF-8.
 *
 * Errors (the first one stops the reading; records already passed stay passed):
 *   TNA_ERR_INPUT  "cannot open: ...", "cannot read: ...", "not a regular file ...",
 *                  "this is a spreadsheet, not a CSV ...";
 *                  "malformed quoted field: text after the closing quote ..." and
 *                  "malformed field: quote inside an unquoted field ..." at the line and
 *                  column (characters, 1-based) of the offending character;
 *                  "unterminated quoted field (opened on line N and never closed)" at the
 *                  line and column of the opening quote.
 *   TNA_ERR_NOMEM  "field longer than N bytes", "record has more than N fields", "record
 *                  longer than N bytes" at the line where the record starts; memory stays
 *                  within about max_field + the record cap + 2 MiB whatever the input.
 *   TNA_ERR_CONFIG an unusable delimiter (a quote, CR, LF or a byte >= 0x80).
 *
 * Memory: the record and its fields belong to the reader and are valid only during the
 * callback. Nothing to free afterwards.
 */
#ifndef TNA_CSVREAD_H
#define TNA_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "tna/error.h"
#include "tna/model.h"

typedef struct tna_csv_options {
    char delimiter;        /* ',' ';' '\t'; 0: sniffed from the header line */
    tna_encoding encoding; /* input encoding (a BOM overrides it); output is always UTF-8 */
    size_t max_field;      /* bytes per field; 0 means TNA_CSV_MAX_FIELD */
    size_t max_fields;     /* fields per record; 0 means TNA_CSV_MAX_FIELDS */
} tna_csv_options;

#define TNA_CSV_MAX_FIELD (1u << 20) /* 1 MiB */
#define TNA_CSV_MAX_FIELDS 20000
/* All fields of one record together: this or 4 * max_field, whichever is larger. */
#define TNA_CSV_MAX_RECORD (64u << 20) /* 64 MiB */
/* Bytes that may be read from a field's start whatever its length: its NUL and what the
 * reader keeps after it (so a caller can load a word at once). */
#define TNA_CSV_FIELD_PAD 8

typedef struct tna_csv_record {
    size_t n;             /* number of fields */
    const char **fields;  /* n NUL-terminated UTF-8 strings */
    const size_t *lens;   /* their lengths in bytes */
    const bool *invalid;  /* n flags: the field was not valid UTF-8 in the input */
    long line;            /* physical line (1-based) where the record starts */
    long index;           /* 1-based record number in the file */
} tna_csv_record;

/* Return 0 to go on, anything else to stop reading (tna_csv_read then returns TNA_OK).
 * Records are numbered from 1 in file order (`index`); `line` counts every LF, CRLF and lone
 * CR before the record's first character, including those inside earlier quoted fields. */
typedef int (*tna_csv_record_fn)(const tna_csv_record *record, void *ctx);

/* Opens path for reading, refusing with TNA_ERR_INPUT (and a message saying what it is)
 * anything but a regular file; never waits on a FIFO. The descriptor, which the caller
 * closes, or -1. */
int tna_csv_open(const char *path, tna_error *err);

/* What the start of a file says about how to read it. */
typedef struct tna_csv_sniffed {
    tna_encoding encoding; /* never TNA_ENCODING_AUTO */
    char delimiter;        /* never 0 */
    int bom;               /* bytes of byte-order mark at the start (0, 2 or 3) */
    bool guessed;          /* auto read it as Windows-1252: no BOM, and bytes not UTF-8 */
    long guessed_line;     /* ... on this line (1-based) */
} tna_csv_sniffed;

/* Works out the encoding and delimiter of path (see the top of the file), taking those the
 * options fix; header_row (1-based, 0 meaning 1) is the line the delimiter is counted on.
 * Errors: TNA_ERR_INPUT for a file that cannot be opened or read, is not a regular file or
 * is a spreadsheet. */
tna_status tna_csv_sniff_file(const char *path, const tna_csv_options *options, int header_row,
                              tna_csv_sniffed *out, tna_error *err) TNA_MUST_CHECK;

/* The same for bytes in memory (`name` for messages). */
tna_status tna_csv_sniff_buffer(const char *name, const char *data, size_t size,
                                const tna_csv_options *options, int header_row,
                                tna_csv_sniffed *out, tna_error *err) TNA_MUST_CHECK;

/* Reads path with read(2) in 1 MiB blocks. Errors (TNA_ERR_INPUT, or TNA_ERR_NOMEM over a
 * cap) name path, line and col. options may be NULL (UTF-8 unless a BOM says otherwise, the
 * delimiter sniffed, default caps). */
tna_status tna_csv_read_file(const char *path, const tna_csv_options *options,
                             tna_csv_record_fn fn, void *ctx, tna_error *err) TNA_MUST_CHECK;

/* A part of a file to read: from start, the first byte of a line numbered first_line (0
 * means 1), to the end of the file (end 0) or to the first point at or after end that lies
 * between records: a record that starts before end is read whole, even when it runs past
 * end (a quoted field with line breaks). */
typedef struct tna_csv_range {
    off_t start, end;
    long first_line;
} tna_csv_range;

/* Where a read stopped: just after the last record passed, its line break included. */
typedef struct tna_csv_stop {
    off_t offset; /* bytes of the file before that point; -1 for UTF-16 (not counted) */
    long lines;   /* line breaks read from the start of the range to that point */
} tna_csv_stop;

/* Reads a part of path as if it were a file of its own: records are numbered from 1 at its
 * start, lines from first_line, and a BOM is skipped only at the start of the file. *stop
 * (may be NULL) says where reading ended; when that is range->end, a read from there goes on
 * exactly where this one stopped. A part that does not start the file needs the options to
 * say the encoding and delimiter (those tna_csv_sniff_file found). A UTF-16 file is read only
 * whole. Used to read a large file in parts, one per core (ingest). */
tna_status tna_csv_read_range(const char *path, const tna_csv_options *options,
                              const tna_csv_range *range, tna_csv_record_fn fn, void *ctx,
                              tna_csv_stop *stop, tna_error *err) TNA_MUST_CHECK;

/* The same over a buffer in memory; `name` stands for the file name in errors (tests). */
tna_status tna_csv_read_buffer(const char *name, const char *data, size_t size,
                               const tna_csv_options *options, tna_csv_record_fn fn,
                               void *ctx, tna_error *err) TNA_MUST_CHECK;

#endif
