/*
 * dates.c - see include/tna/dates.h.
 *
 * A small hand-written scanner over the text (no sscanf, no strptime, no locale):
 *
 *   date   := YYYY sep M sep D              year first (ISO; sep is '-', '/' or '.')
 *           | A sep B sep (YY | YYYY)       day and month in the order fmt says
 *   time   := H[H]:MM[:SS[.fraction]] [ws] [am | pm | a.m. | p.m.]
 *   zone   := [ws] ( Z | (+|-)HH[[:]MM] | (GMT|UTC)[(+|-)H[H][[:]MM]] )
 *   value  := ws* date [ ('T' | ws+ | ',' ws*) time [zone] ] ws*
 *
 * Both separators of a date are the same character. Ranges are checked (month 1-12, the day
 * within the month with leap years, hour 0-23 or 1-12 with am/pm, minutes and seconds 0-59,
 * offsets up to 14:59). The epoch comes from days-from-civil arithmetic (Howard Hinnant's
 * algorithm), so the result does not depend on the time zone or locale of the machine.
 */
#include "tna/dates.h"

#include <string.h>

typedef struct scan {
    const char *p, *end;
} scan;

static bool at_end(const scan *s)
{
    return s->p >= s->end;
}

static int peek(const scan *s)
{
    return s->p < s->end ? (unsigned char)*s->p : -1;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void skip_spaces(scan *s)
{
    while (!at_end(s) && is_space(peek(s)))
        s->p++;
}

/* Reads min..max digits; returns the number of digits read (0 when fewer than min). */
static int digits(scan *s, int min, int max, int *value)
{
    int n = 0, v = 0;
    const char *start = s->p;
    while (n < max && !at_end(s) && is_digit(peek(s))) {
        v = v * 10 + (*s->p - '0');
        s->p++;
        n++;
    }
    if (n < min || (!at_end(s) && is_digit(peek(s)))) { /* too few, or too many */
        s->p = start;
        return 0;
    }
    *value = v;
    return n;
}

static bool eat(scan *s, char c)
{
    if (!at_end(s) && *s->p == c) {
        s->p++;
        return true;
    }
    return false;
}

/* Case-insensitive match of an ASCII word (lower case in w). */
static bool eat_word(scan *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s->p[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return false;
    }
    s->p += n;
    return true;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                   /* [0, 399] */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* The date part. Year-first dates are accepted in every format; the others only for dmy and
 * mdy. */
static bool parse_date(scan *s, tna_date_format fmt, int *y, int *m, int *d)
{
    const char *start = s->p;
    int a = 0, b = 0, c = 0;
    if (digits(s, 4, 4, &a)) {
        char sep = at_end(s) ? 0 : *s->p;
        if ((sep != '-' && sep != '/' && sep != '.') || !eat(s, sep) || !digits(s, 1, 2, &b) ||
            !eat(s, sep) || !digits(s, 1, 2, &c))
            return false;
        *y = a, *m = b, *d = c;
        return a >= 1;
    }
    s->p = start;
    if (fmt != TNA_DATE_DMY && fmt != TNA_DATE_MDY)
        return false;
    if (!digits(s, 1, 2, &a))
        return false;
    char sep = at_end(s) ? 0 : *s->p;
    if (sep != '/' && sep != '.' && sep != '-')
        return false;
    s->p++;
    if (!digits(s, 1, 2, &b) || !eat(s, sep))
        return false;
    int n = digits(s, 2, 4, &c);
    if (n == 2)
        c += 2000;
    else if (n != 4 || c < 1)
        return false;
    *y = c;
    if (fmt == TNA_DATE_DMY)
        *d = a, *m = b;
    else
        *m = a, *d = b;
    return true;
}

/* The time part after the date separator; seconds of the day in *secs. */
static bool parse_time(scan *s, int *secs)
{
    int h = 0, mi = 0, sec = 0;
    if (!digits(s, 1, 2, &h) || !eat(s, ':') || !digits(s, 2, 2, &mi))
        return false;
    if (eat(s, ':')) {
        if (!digits(s, 2, 2, &sec))
            return false;
        if (eat(s, '.') || eat(s, ',')) { /* a fraction of a second, dropped */
            if (at_end(s) || !is_digit(peek(s)))
                return false;
            while (!at_end(s) && is_digit(peek(s)))
                s->p++;
        }
    }
    const char *before = s->p;
    skip_spaces(s);
    int half = 0; /* 1 am, 2 pm */
    if (eat_word(s, "am") || eat_word(s, "a.m."))
        half = 1;
    else if (eat_word(s, "pm") || eat_word(s, "p.m."))
        half = 2;
    if (half && !at_end(s) && ((peek(s) | 0x20) >= 'a' && (peek(s) | 0x20) <= 'z'))
        return false; /* "amber", "pmx" */
    if (!half)
        s->p = before;
    if (mi > 59 || sec > 59)
        return false;
    if (half) {
        if (h < 1 || h > 12)
            return false;
        h = half == 1 ? (h == 12 ? 0 : h) : (h == 12 ? 12 : h + 12);
    } else if (h > 23) {
        return false;
    }
    *secs = h * 3600 + mi * 60 + sec;
    return true;
}

/* An offset after '+' or '-': HH, HHMM, HH:MM; with a GMT/UTC prefix also H and H:MM. */
static bool parse_offset(scan *s, bool short_hours, int *offset)
{
    int sign = 0;
    if (eat(s, '+'))
        sign = 1;
    else if (eat(s, '-'))
        sign = -1;
    else
        return false;
    int h = 0, m = 0;
    const char *start = s->p;
    int n = 0;
    while (n < 4 && !at_end(s) && is_digit(peek(s)))
        s->p++, n++;
    if (!at_end(s) && is_digit(peek(s)))
        return false;
    s->p = start;
    if (n == 4) { /* HHMM */
        h = (start[0] - '0') * 10 + (start[1] - '0');
        m = (start[2] - '0') * 10 + (start[3] - '0');
        s->p += 4;
    } else if (n == 2 || (n == 1 && short_hours)) {
        digits(s, n, n, &h);
        if (eat(s, ':') && !digits(s, 2, 2, &m))
            return false;
    } else {
        return false;
    }
    if (h > 14 || m > 59)
        return false;
    *offset = sign * (h * 3600 + m * 60);
    return true;
}

/* An optional zone; *offset in seconds east of UTC. */
static bool parse_zone(scan *s, int *offset)
{
    *offset = 0;
    const char *before = s->p;
    skip_spaces(s);
    if (at_end(s)) {
        s->p = before;
        return true;
    }
    if (eat(s, 'Z') || eat(s, 'z'))
        return true;
    if (eat_word(s, "gmt") || eat_word(s, "utc")) {
        if (!at_end(s) && (peek(s) == '+' || peek(s) == '-'))
            return parse_offset(s, true, offset);
        return true;
    }
    if (peek(s) == '+' || peek(s) == '-')
        return parse_offset(s, false, offset);
    s->p = before;
    return true;
}

bool tna_date_parse(const char *text, size_t len, tna_date_format fmt, int64_t *epoch)
{
    if (text == NULL || fmt == TNA_DATE_AUTO)
        return false;
    scan s = {text, text + len};
    skip_spaces(&s);
    int y = 0, m = 0, d = 0, secs = 0, offset = 0;
    if (!parse_date(&s, fmt, &y, &m, &d))
        return false;
    if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return false;
    const char *after_date = s.p;
    bool has_time = false;
    if (eat(&s, 'T') || eat(&s, 't')) {
        has_time = true;
    } else {
        bool comma = eat(&s, ',');
        const char *ws = s.p;
        skip_spaces(&s);
        has_time = (s.p > ws || comma) && !at_end(&s) && is_digit(peek(&s));
        if (!has_time)
            s.p = after_date;
    }
    if (has_time && (!parse_time(&s, &secs) || !parse_zone(&s, &offset)))
        return false;
    skip_spaces(&s);
    if (!at_end(&s))
        return false;
    if (epoch)
        *epoch = days_from_civil(y, m, d) * 86400 + secs - offset;
    return true;
}

void tna_date_sniff_add(tna_date_sniff *sniff, const char *s, size_t len, long line)
{
    size_t i = 0;
    while (i < len && is_space((unsigned char)s[i]))
        i++;
    if (i == len)
        return; /* blank */
    sniff->values++;
    bool iso = tna_date_parse(s, len, TNA_DATE_ISO, NULL);
    bool dmy = iso || tna_date_parse(s, len, TNA_DATE_DMY, NULL);
    bool mdy = iso || tna_date_parse(s, len, TNA_DATE_MDY, NULL);
    sniff->iso_ok += iso;
    sniff->dmy_ok += dmy;
    sniff->mdy_ok += mdy;
    sniff->any_ok += dmy || mdy;
    if (!dmy && !mdy && sniff->first_bad_line == 0)
        sniff->first_bad_line = line;
    if (!iso && dmy && mdy && sniff->first_ambiguous_line == 0)
        sniff->first_ambiguous_line = line;
}

tna_date_verdict tna_date_sniff_verdict(const tna_date_sniff *sniff)
{
    long any = sniff->any_ok;
    if (any == 0)
        return TNA_DATE_VERDICT_NONE;
    if (sniff->iso_ok == any)
        return TNA_DATE_VERDICT_ISO;
    bool dmy_all = sniff->dmy_ok == any, mdy_all = sniff->mdy_ok == any;
    if (dmy_all && mdy_all)
        return TNA_DATE_VERDICT_AMBIGUOUS;
    if (dmy_all)
        return TNA_DATE_VERDICT_DMY;
    if (mdy_all)
        return TNA_DATE_VERDICT_MDY;
    if (sniff->dmy_ok != sniff->mdy_ok)
        return sniff->dmy_ok > sniff->mdy_ok ? TNA_DATE_VERDICT_DMY : TNA_DATE_VERDICT_MDY;
    return TNA_DATE_VERDICT_NONE;
}
