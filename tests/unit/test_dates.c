/*
 * test_dates.c - timestamps as survey tools write them, range checks, offsets, and the
 * column sniffer's verdicts. Expected instants come from GLib's GDateTime, an independent
 * calendar implementation.
 */
#include <glib.h>
#include <string.h>

#include "check.h"
#include "tna/dates.h"

/* Seconds since the epoch of a UTC civil time, by GLib. */
static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
    GDateTime *t = g_date_time_new_utc(y, mo, d, h, mi, s);
    if (t == NULL)
        return INT64_MIN;
    int64_t e = g_date_time_to_unix(t);
    g_date_time_unref(t);
    return e;
}

/* Parses text in fmt; INT64_MIN when it is rejected. */
static int64_t parse(const char *text, tna_date_format fmt)
{
    int64_t e = 0;
    return tna_date_parse(text, strlen(text), fmt, &e) ? e : INT64_MIN;
}

#define REJECT INT64_MIN

static void test_survey_tools(void)
{
    /* Microsoft Forms: M/D/YY, 24 hours */
    CHECK_INT(parse("8/1/26 8:03:58", TNA_DATE_MDY), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("8/1/26 8:03:58", TNA_DATE_DMY), utc(2026, 1, 8, 8, 3, 58));
    CHECK_INT(parse("8/1/26 8:03:58", TNA_DATE_ISO), REJECT);
    CHECK_INT(parse("12/31/25 23:59:59", TNA_DATE_MDY), utc(2025, 12, 31, 23, 59, 59));
    /* SurveyMonkey: 12 hours */
    CHECK_INT(parse("07/31/2023 04:21:36 PM", TNA_DATE_MDY), utc(2023, 7, 31, 16, 21, 36));
    CHECK_INT(parse("07/31/2023 04:21:36 PM", TNA_DATE_DMY), REJECT);
    CHECK_INT(parse("03/08/2022 12:37:13 PM", TNA_DATE_MDY), utc(2022, 3, 8, 12, 37, 13));
    CHECK_INT(parse("02/16/2022 08:48:12 AM", TNA_DATE_MDY), utc(2022, 2, 16, 8, 48, 12));
    /* Google Forms */
    CHECK_INT(parse("1/16/2026 0:10:16", TNA_DATE_MDY), utc(2026, 1, 16, 0, 10, 16));
    CHECK_INT(parse("8/31/2026 9:55:21", TNA_DATE_MDY), utc(2026, 8, 31, 9, 55, 21));
    CHECK_INT(parse("1/14/2026 14:54:44", TNA_DATE_MDY), utc(2026, 1, 14, 14, 54, 44));
    /* Google Forms with a time zone: the offset is taken off */
    CHECK_INT(parse("2026/08/01 8:03:58 am GMT+3", TNA_DATE_ISO), utc(2026, 8, 1, 5, 3, 58));
    CHECK_INT(parse("2026/08/01 8:03:58 am GMT+3", TNA_DATE_DMY), utc(2026, 8, 1, 5, 3, 58));
    CHECK_INT(parse("2026/08/01 8:03:58 am GMT+3", TNA_DATE_MDY), utc(2026, 8, 1, 5, 3, 58));
    CHECK_INT(parse("2026/08/01 8:03:58 pm GMT+01:00", TNA_DATE_ISO), utc(2026, 8, 1, 19, 3, 58));
    CHECK_INT(parse("2026/08/01 8:03:58 AM GMT-5", TNA_DATE_ISO), utc(2026, 8, 1, 13, 3, 58));
    CHECK_INT(parse("2026/08/01 8:03:58 am GMT", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("2026-08-01 08:03:58 UTC-05:00", TNA_DATE_ISO), utc(2026, 8, 1, 13, 3, 58));
    /* ISO */
    CHECK_INT(parse("2026-08-01 08:03:58", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03:58Z", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03:58+01:00", TNA_DATE_ISO), utc(2026, 8, 1, 7, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03:58-05:30", TNA_DATE_ISO), utc(2026, 8, 1, 13, 33, 58));
    CHECK_INT(parse("2026-08-01T08:03:58+0100", TNA_DATE_ISO), utc(2026, 8, 1, 7, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03:58+01", TNA_DATE_ISO), utc(2026, 8, 1, 7, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03:58.123Z", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("2026-08-01T08:03", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 0));
    CHECK_INT(parse("2026-08-01", TNA_DATE_ISO), utc(2026, 8, 1, 0, 0, 0));
    CHECK_INT(parse("2026/08/01", TNA_DATE_ISO), utc(2026, 8, 1, 0, 0, 0));
    CHECK_INT(parse("2026-8-1", TNA_DATE_ISO), utc(2026, 8, 1, 0, 0, 0));
    /* Qualtrics, LimeSurvey (the anonymised date) */
    CHECK_INT(parse("2023-05-01 10:23:11", TNA_DATE_ISO), utc(2023, 5, 1, 10, 23, 11));
    CHECK_INT(parse("1980-01-01 00:00:00", TNA_DATE_ISO), 315532800);
    CHECK_INT(parse("1980-01-01 00:00:00", TNA_DATE_DMY), 315532800); /* ISO in any format */
    /* UK */
    CHECK_INT(parse("31/07/2023 16:21", TNA_DATE_DMY), utc(2023, 7, 31, 16, 21, 0));
    CHECK_INT(parse("31/07/2023 16:21", TNA_DATE_MDY), REJECT);
    CHECK_INT(parse("31.07.2023", TNA_DATE_DMY), utc(2023, 7, 31, 0, 0, 0));
    CHECK_INT(parse("31-07-2023", TNA_DATE_DMY), utc(2023, 7, 31, 0, 0, 0));
    CHECK_INT(parse("31/07/2023, 16:21", TNA_DATE_DMY), utc(2023, 7, 31, 16, 21, 0));
    CHECK_INT(parse("31/07/23", TNA_DATE_DMY), utc(2023, 7, 31, 0, 0, 0)); /* 20YY */
    CHECK_INT(parse("1/2/99", TNA_DATE_DMY), utc(2099, 2, 1, 0, 0, 0));
    /* white space around and inside */
    CHECK_INT(parse("  2026-08-01 08:03:58 \r\n", TNA_DATE_ISO), utc(2026, 8, 1, 8, 3, 58));
    CHECK_INT(parse("\t8/1/26   8:03:58  ", TNA_DATE_MDY), utc(2026, 8, 1, 8, 3, 58));
    /* the length is respected (no NUL needed) */
    int64_t e = 0;
    CHECK(tna_date_parse("2026-08-01junk", 10, TNA_DATE_ISO, &e));
    CHECK_INT(e, utc(2026, 8, 1, 0, 0, 0));
    CHECK(tna_date_parse("2026-08-01", 10, TNA_DATE_ISO, NULL));
}

static void test_am_pm(void)
{
    CHECK_INT(parse("1/1/2026 12:00:00 AM", TNA_DATE_MDY), utc(2026, 1, 1, 0, 0, 0));
    CHECK_INT(parse("1/1/2026 12:59:59 AM", TNA_DATE_MDY), utc(2026, 1, 1, 0, 59, 59));
    CHECK_INT(parse("1/1/2026 1:00:00 AM", TNA_DATE_MDY), utc(2026, 1, 1, 1, 0, 0));
    CHECK_INT(parse("1/1/2026 11:59:59 AM", TNA_DATE_MDY), utc(2026, 1, 1, 11, 59, 59));
    CHECK_INT(parse("1/1/2026 12:00:00 PM", TNA_DATE_MDY), utc(2026, 1, 1, 12, 0, 0));
    CHECK_INT(parse("1/1/2026 12:30 pm", TNA_DATE_MDY), utc(2026, 1, 1, 12, 30, 0));
    CHECK_INT(parse("1/1/2026 1:00 PM", TNA_DATE_MDY), utc(2026, 1, 1, 13, 0, 0));
    CHECK_INT(parse("1/1/2026 11:59:59 PM", TNA_DATE_MDY), utc(2026, 1, 1, 23, 59, 59));
    CHECK_INT(parse("1/1/2026 11:59:59PM", TNA_DATE_MDY), utc(2026, 1, 1, 23, 59, 59));
    CHECK_INT(parse("1/1/2026 9:15 p.m.", TNA_DATE_MDY), utc(2026, 1, 1, 21, 15, 0));
    CHECK_INT(parse("1/1/2026 0:30 AM", TNA_DATE_MDY), REJECT);
    CHECK_INT(parse("1/1/2026 13:00 PM", TNA_DATE_MDY), REJECT);
    CHECK_INT(parse("1/1/2026 10:00 AMX", TNA_DATE_MDY), REJECT);
    CHECK_INT(parse("1/1/2026 AM", TNA_DATE_MDY), REJECT);
}

static void test_calendar(void)
{
    /* leap days */
    CHECK_INT(parse("29/02/2024", TNA_DATE_DMY), utc(2024, 2, 29, 0, 0, 0));
    CHECK_INT(parse("2/29/24", TNA_DATE_MDY), utc(2024, 2, 29, 0, 0, 0));
    CHECK_INT(parse("2000-02-29", TNA_DATE_ISO), utc(2000, 2, 29, 0, 0, 0));
    CHECK_INT(parse("29/02/2023", TNA_DATE_DMY), REJECT);
    CHECK_INT(parse("1900-02-29", TNA_DATE_ISO), REJECT);
    CHECK_INT(parse("2100-02-29", TNA_DATE_ISO), REJECT);
    /* the epoch and around it */
    CHECK_INT(parse("1970-01-01", TNA_DATE_ISO), 0);
    CHECK_INT(parse("1969-12-31 23:59:59", TNA_DATE_ISO), -1);
    CHECK_INT(parse("1970-01-01T00:00:00+01:00", TNA_DATE_ISO), -3600);
    CHECK_INT(parse("9999-12-31 23:59:59", TNA_DATE_ISO), utc(9999, 12, 31, 23, 59, 59));
    CHECK_INT(parse("0001-01-01", TNA_DATE_ISO), utc(1, 1, 1, 0, 0, 0));
    /* every day from 1899 to 2101 agrees with GLib, in all three spellings */
    GDate *d = g_date_new_dmy(1, 1, 1899);
    int days = 0, agree = 0;
    while (g_date_get_year(d) <= 2101) {
        int y = g_date_get_year(d), m = g_date_get_month(d), dd = g_date_get_day(d);
        int64_t want = utc(y, m, dd, 0, 0, 0);
        char iso[32], dmy[32], mdy[32];
        g_snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
        g_snprintf(dmy, sizeof dmy, "%d/%d/%d", dd, m, y);
        g_snprintf(mdy, sizeof mdy, "%02d/%02d/%04d", m, dd, y);
        days++;
        agree += parse(iso, TNA_DATE_ISO) == want && parse(dmy, TNA_DATE_DMY) == want &&
                 parse(mdy, TNA_DATE_MDY) == want;
        g_date_add_days(d, 1);
    }
    g_date_free(d);
    CHECK_INT(agree, days);
    CHECK(days > 73000);
}

static void test_invalid(void)
{
    const char *bad[] = {
        "",
        "   ",
        "yesterday",
        "2026",
        "2026-08",
        "8/1",
        "8/1/",
        "8/1/226",
        "8/1/20266",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-08-00",
        "0000-01-01",
        "20260801",
        "2026-08/01",
        "2026.08-01",
        "1/2-2026",
        "32/01/2026",
        "1/1/2026 24:00",
        "1/1/2026 10:60",
        "1/1/2026 10:00:60",
        "1/1/2026 8:3",
        "1/1/2026 8",
        "1/1/2026 8:",
        "1/1/2026 10:00:0",
        "2026-08-01T",
        "2026-08-01 08:03:58 junk",
        "2026-08-01 08:03:58Z1",
        "2026-08-01T08:03:58+1",
        "2026-08-01T08:03:58+15:00",
        "2026-08-01T08:03:58+01:60",
        "2026-08-01T08:03:58+010",
        "2026-08-01 8:03:58 am GMT+",
        "2026-08-01+01:00",
        "2026-08-01 08:03:58.",
        "-2026-08-01",
        "2026-08-01 08:03:58 BST",
        "1/1/2026 10:00 xm",
        "1//2026",
        "１/１/2026",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        for (int f = TNA_DATE_ISO; f <= TNA_DATE_MDY; f++) {
            int64_t e = 42;
            bool ok = tna_date_parse(bad[i], strlen(bad[i]), (tna_date_format)f, &e);
            CHECK(!ok);
            if (ok)
                fprintf(stderr, "  accepted \"%s\" as format %d\n", bad[i], f);
        }
    }
    /* day-first and month-first dates are not ISO; auto is not a format to parse in */
    CHECK_INT(parse("31/07/2023", TNA_DATE_ISO), REJECT);
    CHECK_INT(parse("2026-08-01", TNA_DATE_AUTO), REJECT);
    CHECK(!tna_date_parse(NULL, 0, TNA_DATE_ISO, NULL));
}

/* ------------------------------------------------------------------------------------------ */
/* Sniffer                                                                                     */

static tna_date_verdict sniff_all(const char *const *values, size_t n, tna_date_sniff *out)
{
    tna_date_sniff s = {0};
    for (size_t i = 0; i < n; i++)
        tna_date_sniff_add(&s, values[i], strlen(values[i]), (long)i + 2);
    if (out)
        *out = s;
    return tna_date_sniff_verdict(&s);
}

#define SNIFF(arr, out) sniff_all(arr, G_N_ELEMENTS(arr), out)

static void test_sniff(void)
{
    tna_date_sniff s;
    /* nothing seen */
    CHECK_INT(sniff_all(NULL, 0, &s), TNA_DATE_VERDICT_NONE);
    const char *blank[] = {"", "  ", "\t"};
    CHECK_INT(SNIFF(blank, &s), TNA_DATE_VERDICT_NONE);
    CHECK_INT(s.values, 0);

    /* every day and month <= 12: ambiguous */
    const char *amb[] = {"1/2/2026", "3/4/2026 10:00", "12/11/26 8:03:58", ""};
    CHECK_INT(SNIFF(amb, &s), TNA_DATE_VERDICT_AMBIGUOUS);
    CHECK_INT(s.values, 3);
    CHECK_INT(s.dmy_ok, 3);
    CHECK_INT(s.mdy_ok, 3);
    CHECK_INT(s.iso_ok, 0);
    CHECK_INT(s.first_bad_line, 0);

    /* one day over 12 settles it */
    const char *dmy[] = {"1/2/2023", "31/07/2023 16:21", "4/5/2023"};
    CHECK_INT(SNIFF(dmy, &s), TNA_DATE_VERDICT_DMY);
    const char *mdy[] = {"07/31/2023 04:21:36 PM", "03/08/2022 12:37:13 PM",
                         "02/16/2022 08:48:12 PM"};
    CHECK_INT(SNIFF(mdy, &s), TNA_DATE_VERDICT_MDY);
    const char *gforms[] = {"1/14/2026 14:54:44", "1/16/2026 0:10:16", "1/2/2026 9:00:00"};
    CHECK_INT(SNIFF(gforms, &s), TNA_DATE_VERDICT_MDY);

    /* year-first everywhere: ISO, also with junk that fits nothing */
    const char *iso[] = {"2026-08-01", "2023-05-01 10:23:11", "2026/08/01 8:03:58 am GMT+3"};
    CHECK_INT(SNIFF(iso, &s), TNA_DATE_VERDICT_ISO);
    CHECK_INT(s.iso_ok, 3);
    const char *iso_junk[] = {"2026-08-01", "n/a", "2026-08-02", "soon"};
    CHECK_INT(SNIFF(iso_junk, &s), TNA_DATE_VERDICT_ISO);
    CHECK_INT(s.values, 4);
    CHECK_INT(s.any_ok, 2);
    CHECK_INT(s.first_bad_line, 3); /* "n/a", the second value, is on line 3 here */

    /* ISO mixed with month-first values that only mdy reads */
    const char *mixed[] = {"2026-08-01", "07/31/2023"};
    CHECK_INT(SNIFF(mixed, &s), TNA_DATE_VERDICT_MDY);
    /* ISO mixed with values both read: still ambiguous */
    const char *mixed_amb[] = {"2026-08-01", "07/06/2023"};
    CHECK_INT(SNIFF(mixed_amb, &s), TNA_DATE_VERDICT_AMBIGUOUS);

    /* neither fits all: the one that fits more wins; a tie has no verdict */
    const char *most[] = {"31/01/2026", "30/01/2026", "01/31/2026", "02/02/2026"};
    CHECK_INT(SNIFF(most, &s), TNA_DATE_VERDICT_DMY);
    CHECK_INT(s.dmy_ok, 3);
    CHECK_INT(s.mdy_ok, 2);
    const char *most_mdy[] = {"01/31/2026", "12/13/2026", "31/01/2026"};
    CHECK_INT(SNIFF(most_mdy, &s), TNA_DATE_VERDICT_MDY);
    const char *tie[] = {"31/01/2026", "01/31/2026"};
    CHECK_INT(SNIFF(tie, &s), TNA_DATE_VERDICT_NONE);

    /* junk only */
    const char *junk[] = {"tomorrow", "", "n/a"};
    CHECK_INT(SNIFF(junk, &s), TNA_DATE_VERDICT_NONE);
    CHECK_INT(s.values, 2);
    CHECK_INT(s.first_bad_line, 2);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_survey_tools);
    RUN(test_am_pm);
    RUN(test_calendar);
    RUN(test_invalid);
    RUN(test_sniff);
    return g_test_run();
}
