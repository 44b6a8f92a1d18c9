/*
 * test_numbers.c - the one rounding rule of the reports (render/numbers.c): a shown figure
 * is its six-decimal CSV value rounded half away from zero at the shown decimals.
 *
 * 0.575 (23/40) and 0.125 (1/8) are the cases: the double nearest 0.575 lies just under it,
 * so printf rounds it down to 0.57 while Excel and LibreOffice show 0.58 for the stored
 * value; 0.125 is exact in binary, and printf's round-half-to-even gives 0.12 where half
 * away from zero gives 0.13. The workbook stores tna_round_shown(v), which must be the very
 * double a reader gets from the CSV's text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../src/render/numbers.h"
#include "check.h"

static const char *fmt(double v, int decimals, int scale)
{
    static char buf[64];
    return tna_format_decimal(v, decimals, scale, buf, sizeof buf);
}

static void test_half_away_from_zero(void)
{
    char printed[32];
    snprintf(printed, sizeof printed, "%.2f", 23.0 / 40.0);
    CHECK_STR(printed, "0.57"); /* why the rule exists: printf rounds the double down */
    snprintf(printed, sizeof printed, "%.2f", 0.125);
    CHECK_STR(printed, "0.12"); /* and a tie to even */
    CHECK_STR(fmt(23.0 / 40.0, 2, 0), "0.58");
    CHECK_STR(fmt(0.575, 2, 0), "0.58");
    CHECK_STR(fmt(0.125, 2, 0), "0.13");
    CHECK_STR(fmt(-0.125, 2, 0), "-0.13");
    CHECK_STR(fmt(-23.0 / 40.0, 2, 0), "-0.58");
    CHECK_STR(fmt(0.124999, 2, 0), "0.12");
    CHECK_STR(fmt(0.0049, 2, 0), "0.00");
    CHECK_STR(fmt(-0.0049, 2, 0), "0.00"); /* no sign on a zero */
    CHECK_STR(fmt(2.5, 0, 0), "3");
    CHECK_STR(fmt(-2.5, 0, 0), "-3");
    CHECK_STR(fmt(1234567.5, 0, 0), "1234568");
    CHECK_STR(fmt(1.0 / 3.0, 2, 0), "0.33");
    CHECK_STR(fmt(2.0 / 3.0, 6, 0), "0.666667");
}

static void test_percentages(void)
{
    CHECK_STR(fmt(0.575, 0, 2), "58"); /* 57.5% */
    CHECK_STR(fmt(0.125, 0, 2), "13");
    CHECK_STR(fmt(0.125, 1, 2), "12.5");
    CHECK_STR(fmt(0.4525, 1, 2), "45.3");
    CHECK_STR(fmt(0.452381, 0, 2), "45");
    CHECK_STR(fmt(-1.0 / 3.0, 0, 2), "-33");
    CHECK_STR(fmt(0.005, 0, 2), "1");
    CHECK_STR(fmt(1.0, 0, 2), "100");
    CHECK_STR(fmt(NAN, 2, 0), "");
}

static void test_stored_value(void)
{
    /* the workbook's value is the CSV text's value, to the bit */
    const double cases[] = {23.0 / 40.0, 0.125, 1.0 / 3.0, -0.056459, 0.592927, 12345.678901234};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "%.6f", cases[i]);
        CHECK(tna_round_shown(cases[i]) == strtod(text, NULL));
    }
    CHECK(tna_round_shown(23.0 / 40.0) == 0.575);
    CHECK(isnan(tna_round_shown(NAN)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_half_away_from_zero);
    RUN(test_percentages);
    RUN(test_stored_value);
    return g_test_run();
}
