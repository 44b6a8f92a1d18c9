/* numbers.c - the one rounding rule of the reports; see numbers.h. */
#include "numbers.h"

#include <inttypes.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

double tna_round_shown(double v)
{
    if (!isfinite(v))
        return v;
    char buf[64];
    snprintf(buf, sizeof buf, "%.6f", v);
    return strtod(buf, NULL);
}

char *tna_format_decimal(double v, int decimals, int scale, char *buf, size_t size)
{
    if (!isfinite(v) || decimals < 0 || decimals > 6 || scale < 0 || scale > decimals + 6) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    /* the six-decimal digits as an integer count of millionths: exact, as printf wrote them */
    char digits[64];
    snprintf(digits, sizeof digits, "%.6f", fabs(v));
    int64_t units = 0;
    for (const char *p = digits; *p; p++)
        if (*p >= '0' && *p <= '9')
            units = units * 10 + (*p - '0');
    /* scaled by 10^scale, the value has 6 - scale decimals; drop the extra ones, rounding
     * half away from zero (on the magnitude, the sign added back below) */
    int64_t step = 1;
    for (int i = 0; i < 6 - scale - decimals; i++)
        step *= 10;
    int64_t kept = step > 1 ? (units + step / 2) / step : units;
    for (int i = 0; i < decimals - (6 - scale); i++) /* more decimals than the value has */
        kept *= 10;
    int64_t ten = 1;
    for (int i = 0; i < decimals; i++)
        ten *= 10;
    const char *sign = v < 0 && kept != 0 ? "-" : "";
    if (decimals == 0)
        snprintf(buf, size, "%s%" PRId64, sign, kept);
    else
        snprintf(buf, size, "%s%" PRId64 ".%0*" PRId64, sign, kept / ten, decimals, kept % ten);
    return buf;
}

double tna_round_at(double v, int decimals)
{
    if (!isfinite(v))
        return v;
    char buf[64];
    return g_ascii_strtod(tna_format_decimal(v, decimals, 0, buf, sizeof buf), NULL);
}
