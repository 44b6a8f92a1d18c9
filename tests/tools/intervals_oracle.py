#!/usr/bin/env python3
"""The 95% intervals of tests/cases/intervals, worked out independently of tna.

Reads the case's survey with its targets written out below (tests/cases/analysis/roles.yaml:
r1 targets s1 = s2 = 2 and s3 = 3, r2 targets s1 = 4; topics t1 = {s1, s2}, t2 = {s3, s4}),
and prints, for every group of the sets (authority, topic), (topic), (authority), (role),
(region, topic) and all, the mean gap and share below target with their intervals, as the
method of docs/method.md defines them:

  mean gap      R = G / A, v = n / (n - 1) * sum (g_r - R a_r)^2 / A^2,
                R -+ t(n - 1) sqrt(v), the lower end no less than 0
  share below   p = B / A, m = p (1 - p) / v (v as above with b_r), at most A; m = n when p
                is 0 or 1; Wilson's interval on m with t(n - 1) in place of z

The t quantile comes from the closed forms of Student's distribution function for a whole
number of degrees of freedom (Abramowitz and Stegun 26.7.3 and 26.7.4), solved by
bisection: a different road from tna's incomplete beta function.

Usage: intervals_oracle.py SURVEY.csv   ->  lines "set key mean low high share low high"
"""
import csv
import math
import sys
from fractions import Fraction

LEVELS = {"none": 0, "awareness": 1, "working": 2, "practitioner": 3, "expert": 4}
TARGETS = {"r1": {"s1": 2, "s2": 2, "s3": 3}, "r2": {"s1": 4}}
TOPIC = {"s1": "t1", "s2": "t1", "s3": "t2", "s4": "t2"}
REGION = {"a1": "North", "a2": "North", "a3": "South", "a4": "South", "a5": "West"}


def t_abs_cdf(t, nu):
    """P(|T| <= t) for nu degrees of freedom, A&S 26.7.3 (odd) and 26.7.4 (even)."""
    theta = math.atan(t / math.sqrt(nu))
    c, s = math.cos(theta), math.sin(theta)
    if nu % 2 == 1:
        total, term = 0.0, s * c  # the bracket times sin: sin cos (1 + 2/3 cos^2 + ...)
        if nu > 1:
            total = term
            for k in range(1, (nu - 3) // 2 + 1):
                term *= (2 * k) / (2 * k + 1) * c * c
                total += term
        return 2 / math.pi * (theta + total)
    total, term = 1.0, 1.0
    for k in range(1, (nu - 2) // 2 + 1):
        term *= (2 * k - 1) / (2 * k) * c * c
        total += term
    return s * total


def t975(nu):
    lo, hi = 0.0, 1.0
    while t_abs_cdf(hi, nu) < 0.95:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_abs_cdf(mid, nu) < 0.95:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def intervals(per_person):
    """per_person: list of (a, g, b) of each respondent in the group."""
    n = len(per_person)
    A = sum(a for a, _, _ in per_person)
    G = sum(g for _, g, _ in per_person)
    B = sum(b for _, _, b in per_person)
    R = Fraction(G, A)
    p = Fraction(B, A)
    if n < 2:
        return float(R), None, None, float(p), None, None
    t = t975(n - 1)
    v = Fraction(n, n - 1) * sum((g - R * a) ** 2 for a, g, _ in per_person) / A**2
    half = t * math.sqrt(v)
    mean_low, mean_high = max(0.0, float(R) - half), float(R) + half
    if B in (0, A):
        m = float(n)
    else:
        vb = Fraction(n, n - 1) * sum((b - p * a) ** 2 for a, _, b in per_person) / A**2
        m = float(A) if vb == 0 else min(float(A), float(p * (1 - p) / vb))
    pf = float(p)
    centre = (pf + t * t / (2 * m)) / (1 + t * t / m)
    half = t / (1 + t * t / m) * math.sqrt(pf * (1 - pf) / m + t * t / (4 * m * m))
    return (float(R), mean_low, mean_high, pf, max(0.0, centre - half),
            min(1.0, centre + half))


def main():
    people = []
    with open(sys.argv[1], newline="") as fh:
        for row in csv.DictReader(fh):
            role = row["Role"]
            pairs = []
            for skill, target in TARGETS[role].items():
                answer = row[skill.upper()].strip().lower()
                if answer == "":
                    continue
                level = LEVELS[answer]
                pairs.append((skill, max(0, target - level), level < target))
            people.append((row["Council"], role, pairs))
    sets = {
        "authority_topic": lambda auth, role, skill: (auth, TOPIC[skill]),
        "topic": lambda auth, role, skill: (TOPIC[skill],),
        "authority": lambda auth, role, skill: (auth,),
        "role": lambda auth, role, skill: (role,),
        "region_topic": lambda auth, role, skill: (REGION[auth], TOPIC[skill]),
        "all": lambda auth, role, skill: ("*",),
    }
    for name, key_of in sets.items():
        groups = {}
        for auth, role, pairs in people:
            mine = {}
            for skill, gap, below in pairs:
                a, g, b = mine.get(key_of(auth, role, skill), (0, 0, 0))
                mine[key_of(auth, role, skill)] = (a + 1, g + gap, b + below)
            for key, sums in mine.items():
                groups.setdefault(key, []).append(sums)
        for key in sorted(groups):
            figures = intervals(groups[key])
            shown = " ".join("-" if x is None else "%.6f" % x for x in figures)
            print(name, "/".join(key), len(groups[key]), shown)


if __name__ == "__main__":
    main()
