/*
 * dates.h - reading the timestamps survey tools write.
 *
 * Understands ISO (2026-08-01, 2026-08-01 08:03:58, 2026-08-01T08:03:58Z, +01:00 offsets,
 * 2026/08/01), day-first and month-first numeric dates (8/1/26, 07/31/2023, 31.07.2023),
 * two-digit years (taken as 20YY), one-digit hours, optional seconds, AM/PM and `GMT+3` /
 * `UTC-05:00` style suffixes (the offset is subtracted, so times compare in UTC). A date with
 * no time is midnight. The result is seconds since 1970-01-01 UTC.
 *
 * Accepted forms (ws = white space; sep = '-', '/' or '.', the same twice):
 *   YYYY sep M sep D                       year first: ISO, in every format
 *   D sep M sep YY[YY] / M sep D sep YY[YY] day or month first, for dmy / mdy only
 * optionally followed by 'T', ws, or ',' ws, and a time H[H]:MM[:SS[.fff]] with an optional
 * am/pm (a.m./p.m., any case; the hour is then 1-12, 12 am being midnight) and an optional
 * zone: Z, +HH, +HHMM, +HH:MM, GMT, UTC, GMT+3, GMT+01:00, UTC-05:00. Examples: Microsoft
 * Forms "8/1/26 8:03:58", SurveyMonkey "07/31/2023 04:21:36 PM", Google Forms
 * "1/16/2026 0:10:16" and "2026/08/01 8:03:58 am GMT+3", Qualtrics "2023-05-01 10:23:11",
 * "2026-08-01T08:03:58Z", UK "31/07/2023 16:21" and "31.07.2023". Two-digit years are 20YY.
 * Month 1-12, day within the month (leap years), hour 0-23, minute and second 0-59, offset up
 * to 14:59 are checked; anything else, or trailing text, makes the value invalid. The epoch
 * is computed arithmetically (no timegm, no locale, no TZ).
 *
 * For date_format auto the caller keeps a tna_date_sniff per column: every value is offered
 * to it, and at the end it says which reading fits the column, or that the column is
 * ambiguous (every day and month <= 12) and the user must set date_format.
 */
#ifndef TNA_DATES_H
#define TNA_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tna/model.h"

/* Parses s[0..len) (surrounding white space allowed). fmt must not be TNA_DATE_AUTO.
 * TNA_DATE_DMY and TNA_DATE_MDY also accept ISO (year-first) dates. Returns false when
 * the text is not a valid date in that format; epoch may be NULL (only check). */
bool tna_date_parse(const char *s, size_t len, tna_date_format fmt, int64_t *epoch);

typedef struct tna_date_sniff {
    long values;       /* non-blank values offered */
    long iso_ok;       /* values that parse as ISO */
    long dmy_ok;       /* values that parse day-first */
    long mdy_ok;       /* values that parse month-first */
    long first_bad_line; /* first line whose value fits no format, 0 if none */
    long any_ok;       /* values that parse in at least one format */
    long first_ambiguous_line; /* first line whose value reads both day- and month-first (and
                                  is not year-first), 0 if none */
} tna_date_sniff;

void tna_date_sniff_add(tna_date_sniff *sniff, const char *s, size_t len, long line);

typedef enum tna_date_verdict {
    TNA_DATE_VERDICT_ISO,
    TNA_DATE_VERDICT_DMY,
    TNA_DATE_VERDICT_MDY,
    TNA_DATE_VERDICT_AMBIGUOUS, /* both dmy and mdy fit every value */
    TNA_DATE_VERDICT_NONE       /* no parseable values, or dmy and mdy tie */
} tna_date_verdict;

/* The format to read the column in. Values that parse in no format at all are left out (the
 * caller logs them as bad dates whatever the verdict); of the others ("parseable"):
 *   NONE       when no value is parseable (including no values at all);
 *   ISO        when every parseable value is year-first (dmy and mdy would read them the
 *              same way, so the question does not arise);
 *   AMBIGUOUS  when both dmy and mdy read every parseable value (every day and month <= 12):
 *              the user must set date_format;
 *   DMY / MDY  when exactly one of them reads every parseable value;
 *   otherwise  the one that reads more values (the rest become bad dates), or NONE on a tie.
 * A zero-initialised tna_date_sniff is empty. */
tna_date_verdict tna_date_sniff_verdict(const tna_date_sniff *sniff);

#endif
