#!/usr/bin/env python3
"""Checks that no suppressed figure in a summary-PERIOD.csv can be recovered.

    check_suppression.py SUMMARY.csv MIN_GROUP_SIZE [UNSUPPRESSED.csv]

1. A hidden row (suppressed = 1 or 2) has every figure blank; a shown row (0) has at least
   MIN_GROUP_SIZE respondents.
2. For each relation between the summary's grouping sets (a total and the parts it is the
   sum of, or for topics within an authority or overall, the parts whose pairs, gaps and
   below-target counts add up to it), a shown total never has exactly one suppressed part
   (that part would be the total minus the shown parts), and a suppressed total never has
   all its parts shown (it would be their sum).
3. With UNSUPPRESSED.csv, the same groups computed without suppression (by someone else:
   the oracle's peers), the codes say why a row is hidden: 1 exactly when the group has fewer
   than MIN_GROUP_SIZE respondents, 2 (protected) only for groups of MIN_GROUP_SIZE or more,
   so "fewer than" is never said of a protected group; and the groups are the same (a group
   with no data has no row in either).
Exit status 0 when all hold, 1 otherwise (the problems are printed).
"""
import csv
import sys
from collections import defaultdict

FIGS = ["respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below",
        "learners_needing"]


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    problems = []
    groups = {}
    truth = {}
    if len(sys.argv) > 3:
        for r in csv.DictReader(open(sys.argv[3], encoding="utf-8", newline="")):
            truth[(r["period"], r["authority"], r["role"], r["topic"])] = int(r["respondents"])
    codes = {"0": 0, "1": 0, "2": 0}
    for r in rows:
        key = (r["period"], r["authority"], r["role"], r["topic"])
        if r["suppressed"] not in codes:
            problems.append("suppressed is %r, not 0, 1 or 2: %s" % (r["suppressed"], key))
            continue
        codes[r["suppressed"]] += 1
        sup = r["suppressed"] != "0"
        if sup and any(r[f] != "" for f in FIGS):
            problems.append("hidden row shows figures: %s" % (key,))
        if not sup and int(r["respondents"]) < k:
            problems.append("row under the threshold shown: %s" % (key,))
        if truth:
            n = truth.get(key)
            if n is None:
                problems.append("a row for a group with no data: %s" % (key,))
            elif r["suppressed"] == "1" and n >= k:
                problems.append("%s has %d respondents but says fewer than %d" % (key, n, k))
            elif r["suppressed"] != "1" and n < k:
                problems.append("%s has %d respondents but is not suppressed" % (key, n))
        groups[key] = sup
    if truth and set(truth) != set(groups):
        problems.append("%d groups with data have no row" % len(set(truth) - set(groups)))
    # relations: part key -> total key
    fams = {
        "apt->at": lambda p, a, r, t: (p, a, "*", t) if a != "*" and r != "*" and t != "*" else None,
        "apt->pt": lambda p, a, r, t: (p, "*", r, t) if a != "*" and r != "*" and t != "*" else None,
        "at->t": lambda p, a, r, t: (p, "*", "*", t) if a != "*" and r == "*" and t != "*" else None,
        "pt->t": lambda p, a, r, t: (p, "*", "*", t) if a == "*" and r != "*" and t != "*" else None,
        "a->all": lambda p, a, r, t: (p, "*", "*", "*") if a != "*" and r == "*" and t == "*" else None,
        "at->a": lambda p, a, r, t: (p, a, "*", "*") if a != "*" and r == "*" and t != "*" else None,
        "t->all": lambda p, a, r, t: (p, "*", "*", "*") if a == "*" and r == "*" and t != "*" else None,
    }
    checked = 0
    for name, fam in fams.items():
        parts = defaultdict(list)
        for key, sup in groups.items():
            total = fam(*key)
            if total is not None:
                parts[total].append(sup)
        for total, sups in parts.items():
            checked += 1
            if total in groups and not groups[total] and sum(sups) == 1:
                problems.append("%s: %s is shown with exactly one suppressed part" % (name, total))
            if total in groups and groups[total] and sum(sups) == 0:
                problems.append("%s: %s is suppressed but all its parts are shown" % (name, total))
    for p in problems[:20]:
        print(p)
    n_sup = sum(groups.values())
    print("%s: %d groups, %d hidden (%d suppressed, %d protected), %d relations checked, "
          "%d problems" % (path, len(groups), n_sup, codes["1"], codes["2"], checked,
                           len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
