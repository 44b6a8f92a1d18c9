/*
 * numbers.h - the one rounding rule of the reports.
 *
 * A decimal figure (a mean gap, a share, a mean difference, a ratio) is computed in double
 * precision and written to the CSVs with six decimals ("%.6f"). Everything the reports show
 * is that six-decimal value rounded half away from zero at the shown decimals, by decimal
 * arithmetic on its digits, never by printf on the double: 23/40 is stored as the double
 * 0.57499999999999995559, which printf("%.2f") shows as 0.57, while its six-decimal value
 * 0.575000 shows as 0.58, as Excel and LibreOffice show the stored 0.575 with "0.00" (they
 * round the stored value to 15 significant digits, then half away from zero). The workbook
 * stores tna_round_shown(v), the six-decimal value itself, so its number formats show the
 * same digits as the PDF and every cell equals its CSV field.
 *
 * Header of render/numbers.c; nothing allocated.
 */
#ifndef TNA_NUMBERS_H
#define TNA_NUMBERS_H

#include <stddef.h>

/* The six-decimal value of v (what "%.6f" writes), as a double: the value the workbook
 * stores. A value that is not finite is returned as it is. */
double tna_round_shown(double v);

/* v written with `decimals` digits after the point (0..6), rounded half away from zero from
 * its six-decimal value, scaled by 10^scale first (2 for a percentage: 0.4525 -> "45.25"
 * before rounding). No sign on a value that rounds to zero; "-" for a negative one (callers
 * print their own minus sign from the returned text when they want one). Returns buf. */
char *tna_format_decimal(double v, int decimals, int scale, char *buf, size_t size);

/* v rounded as tna_format_decimal rounds it at `decimals` (0..6), as a double: the value a
 * CSV field written with that many decimals holds (money: 2), for the workbook to store. */
double tna_round_at(double v, int decimals);

#endif
