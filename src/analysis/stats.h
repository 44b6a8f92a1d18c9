/*
 * stats.h - the interval arithmetic of the analysis (docs/method.md, "Intervals" and
 * "Level 4"); private to src/analysis/.
 *
 * Everything here works from sums over respondents, never from the respondents themselves,
 * so that a figure built from merged partial sums (councils' counts files) is the figure
 * built from the raw answers: the sums are integers (pairs, gaps and below-target counts are
 * whole numbers; Level 4's per-person means are fixed point, TNA_L4_SCALE), and a sum of
 * integers does not depend on the order it was added in. The arithmetic on the sums is
 * done in a fixed order, in double, from exact integer numerators (__int128 where a product
 * would overflow int64).
 *
 * Pure functions; nothing to free.
 */
#ifndef TNA_STATS_H
#define TNA_STATS_H

#include <stdbool.h>
#include <stdint.h>

__extension__ typedef __int128 tna_i128;

/* The p-quantile of Student's t distribution with df > 0 degrees of freedom (p in (0, 1)),
 * to about 1e-12: the inverse of its distribution function, by bisection on the regularised
 * incomplete beta function. */
double tna_t_quantile(double p, double df);

/* Sums over the respondents r of a group, where a_r is r's assessed pairs in the group, g_r
 * their gap sum and b_r their below-target pairs (each respondent in the group has a_r >= 1). */
typedef struct tna_cluster_sums {
    int64_t n;          /* respondents */
    int64_t a, g, b;    /* sums of a_r, g_r, b_r */
    int64_t aa, gg, ag; /* sums of a_r^2, g_r^2, a_r * g_r */
    int64_t bb, ab;     /* sums of b_r^2, a_r * b_r */
} tna_cluster_sums;

typedef struct tna_interval {
    bool ok; /* false: no interval (fewer than two respondents, or no pairs) */
    double low, high;
} tna_interval;

/* Both intervals take t975 = tna_t_quantile(0.975, s->n - 1), worked out by the caller
 * because one quantile costs tens of microseconds and a run has thousands of groups with
 * far fewer distinct sizes (groups.c keeps one per size). */

/* The 95% interval of the mean gap g / a: respondents are the sampling units, so the
 * interval is the t-interval (n - 1 degrees of freedom) of the ratio estimator with its
 * linearised variance n / (n - 1) * sum (g_r - R a_r)^2 / a^2, R = g / a. With the same
 * number of pairs per respondent it is the t-interval of the respondents' mean gaps. It is
 * centred on R; a lower end under 0 is 0 (no gap is negative). */
tna_interval tna_mean_gap_interval(const tna_cluster_sums *s, double t975);

/* The 95% interval of the share b / a (below-target pairs): Wilson's score interval on the
 * effective number of pairs, n_eff = p (1 - p) / v, v the linearised variance as above with
 * b_r in place of g_r (the pairs' design effect), at most a; with t(n - 1) in place of z
 * (Korn and Graubard). When p is 0 or 1 the variance says nothing of the clustering and
 * n_eff is n, as if each respondent were one observation. The interval holds p. */
tna_interval tna_share_interval(const tna_cluster_sums *s, double t975);

/* Level 4 (trained against untrained), from per-group sums over the people compared: x is a
 * person's starting mean gap, y its change, both fixed point (TNA_L4_SCALE units of a level).
 * [0] trained, [1] untrained. */
#define TNA_L4_SCALE 1000000000
typedef struct tna_l4_sums {
    int64_t n[2];
    int64_t x[2], y[2];           /* sums of x, y */
    tna_i128 xx[2], xy[2], yy[2]; /* sums of x^2, x*y, y^2 */
} tna_l4_sums;

typedef struct tna_l4_fit {
    bool ok;          /* false: fewer than 4 people, or one group empty */
    double raw;       /* mean change of the trained minus that of the untrained */
    double adjusted;  /* the trained coefficient of least squares of y on trained and x */
    double slope;     /* the coefficient of the starting gap */
    double low, high; /* 95% interval of adjusted (t with n - 3 degrees of freedom) */
    double start[2];  /* mean starting gap of each group */
    double change[2]; /* mean change of each group */
} tna_l4_fit;

tna_l4_fit tna_l4_estimate(const tna_l4_sums *s);

/* x rounded half away from zero to a whole number of TNA_L4_SCALE units: num / den levels. */
int64_t tna_l4_fixed(int64_t num, int64_t den);

#endif
