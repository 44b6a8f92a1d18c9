/*
 * stats.c - Student's t quantile, the intervals of group figures and the Level 4 fit; see
 * stats.h. The formulas are written out, with a worked example each, in docs/method.md.
 */
#include <math.h>

#include "stats.h"

/* ---- Student's t ------------------------------------------------------------------------ */

/* The continued fraction of the regularised incomplete beta function I_x(a, b), evaluated
 * by the modified Lentz method; converges quickly for x < (a + 1) / (a + b + 2). */
static double beta_fraction(double a, double b, double x)
{
    const double tiny = 1e-300, eps = 1e-16;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double f = d;
    for (int m = 1; m <= 100000; m++) {
        double m2 = 2.0 * m;
        /* the even step: m (b - m) x / ((a + 2m - 1)(a + 2m)) */
        double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + num * d;
        c = 1.0 + num / c;
        d = fabs(d) < tiny ? 1.0 / tiny : 1.0 / d;
        c = fabs(c) < tiny ? tiny : c;
        f *= d * c;
        /* the odd step: -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) */
        num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + num * d;
        c = 1.0 + num / c;
        d = fabs(d) < tiny ? 1.0 / tiny : 1.0 / d;
        c = fabs(c) < tiny ? tiny : c;
        double step = d * c;
        f *= step;
        if (fabs(step - 1.0) < eps)
            break;
    }
    return f;
}

static double incomplete_beta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    double front = exp(a * log(x) + b * log1p(-x) - (lgamma(a) + lgamma(b) - lgamma(a + b)));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * beta_fraction(a, b, x) / a;
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

/* P(T > t) for t >= 0. */
static double t_upper_tail(double t, double df)
{
    return 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
}

double tna_t_quantile(double p, double df)
{
    if (!(p > 0.0 && p < 1.0) || !(df > 0.0))
        return NAN;
    if (p == 0.5)
        return 0.0;
    if (p < 0.5)
        return -tna_t_quantile(1.0 - p, df);
    double tail = 1.0 - p, lo = 0.0, hi = 2.0;
    while (t_upper_tail(hi, df) > tail)
        lo = hi, hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
        double mid = 0.5 * (lo + hi);
        if (t_upper_tail(mid, df) > tail)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

/* ---- intervals of group figures ---------------------------------------------------------- */

/* sum over r of (y_r - (Y / A) a_r)^2, times A^2, exactly: A^2 yy - 2 A Y ay + Y^2 aa. */
static double residual_times_a2(int64_t A, int64_t Y, int64_t yy, int64_t ay, int64_t aa)
{
    tna_i128 a = A, y = Y;
    tna_i128 v = a * a * yy - 2 * a * y * ay + y * y * aa;
    return v < 0 ? 0.0 : (double)v; /* never negative in exact arithmetic */
}

/* The linearised variance of the ratio Y / A over n clusters. */
static double ratio_variance(int64_t n, int64_t A, int64_t Y, int64_t yy, int64_t ay, int64_t aa)
{
    double a = (double)A;
    return (double)n / (double)(n - 1) * residual_times_a2(A, Y, yy, ay, aa) / (a * a * a * a);
}

tna_interval tna_mean_gap_interval(const tna_cluster_sums *s, double t975)
{
    tna_interval out = {false, 0, 0};
    if (s->n < 2 || s->a <= 0)
        return out;
    double r = (double)s->g / (double)s->a;
    double half = t975 * sqrt(ratio_variance(s->n, s->a, s->g, s->gg, s->ag, s->aa));
    out.ok = true;
    out.low = fmax(0.0, r - half);
    out.high = r + half;
    return out;
}

tna_interval tna_share_interval(const tna_cluster_sums *s, double t975)
{
    tna_interval out = {false, 0, 0};
    if (s->n < 2 || s->a <= 0)
        return out;
    double p = (double)s->b / (double)s->a, q = 1.0 - p;
    double m; /* the effective number of pairs */
    if (s->b == 0 || s->b == s->a) {
        m = (double)s->n;
    } else {
        double v = ratio_variance(s->n, s->a, s->b, s->bb, s->ab, s->aa);
        m = v > 0.0 ? fmin((double)s->a, p * q / v) : (double)s->a;
    }
    double t = t975, t2 = t * t;
    double centre = (p + t2 / (2.0 * m)) / (1.0 + t2 / m);
    double half = t / (1.0 + t2 / m) * sqrt(p * q / m + t2 / (4.0 * m * m));
    out.ok = true;
    out.low = fmax(0.0, centre - half);
    out.high = fmin(1.0, centre + half);
    return out;
}

/* ---- Level 4 -------------------------------------------------------------------------------- */

int64_t tna_l4_fixed(int64_t num, int64_t den)
{
    tna_i128 v = (tna_i128)num * TNA_L4_SCALE;
    tna_i128 mag = v < 0 ? -v : v;
    tna_i128 q = (2 * mag + den) / (2 * (tna_i128)den); /* half away from zero */
    return (int64_t)(v < 0 ? -q : q);
}

/* n * sum z^2 - (sum z)^2 (or n * sum zw - sum z sum w): n times the within-group sum of
 * squares (or products), exact. */
static tna_i128 centred(int64_t n, tna_i128 zw, int64_t z, int64_t w)
{
    return (tna_i128)n * zw - (tna_i128)z * w;
}

tna_l4_fit tna_l4_estimate(const tna_l4_sums *s)
{
    tna_l4_fit f = {0};
    int64_t n0 = s->n[0], n1 = s->n[1], n = n0 + n1;
    if (n0 < 1 || n1 < 1 || n < 4)
        return f;
    const double S = TNA_L4_SCALE;
    double wxx = 0, wxy = 0, wyy = 0; /* within-group sums, in levels */
    for (int k = 0; k < 2; k++) {
        double nk = (double)s->n[k];
        f.start[k] = (double)s->x[k] / nk / S;
        f.change[k] = (double)s->y[k] / nk / S;
        wxx += (double)centred(s->n[k], s->xx[k], s->x[k], s->x[k]) / nk / (S * S);
        wxy += (double)centred(s->n[k], s->xy[k], s->x[k], s->y[k]) / nk / (S * S);
        wyy += (double)centred(s->n[k], s->yy[k], s->y[k], s->y[k]) / nk / (S * S);
    }
    f.raw = f.change[0] - f.change[1];
    double dx = f.start[0] - f.start[1], df, rss, spread;
    if (wxx > 0) {
        f.slope = wxy / wxx;
        rss = wyy - wxy * wxy / wxx;
        spread = 1.0 / (double)n0 + 1.0 / (double)n1 + dx * dx / wxx;
        df = (double)(n - 3);
    } else { /* every starting gap alike within each group: nothing to adjust for */
        f.slope = 0;
        rss = wyy;
        spread = 1.0 / (double)n0 + 1.0 / (double)n1;
        df = (double)(n - 2);
    }
    f.adjusted = f.raw - f.slope * dx;
    double half = tna_t_quantile(0.975, df) * sqrt(fmax(0.0, rss) / df * spread);
    f.low = f.adjusted - half;
    f.high = f.adjusted + half;
    f.ok = true;
    return f;
}
