#!/usr/bin/env python3
"""Solves a run's group figures as one linear system: can any hidden figure be worked out?

    solve_suppression.py GROUPS.csv MIN_GROUP_SIZE [--verify UNSUPPRESSED.csv] [--bounds]

GROUPS.csv is a run's groups-PERIOD.csv (docs/outputs.md): every group of every grouping set,
a hidden row (suppressed 1 or 2) with its figures blank. Every file of a run shows only
figures of this CSV with the same hidden status (tests/tools/check_packs.py and
check_pdf_numbers.py check the packs and the full report), so what this file gives away is
what the whole run gives away.

The relations. A group is a place (Wales, a region, an authority), a role or all roles, and a
part of the frameworks (all, a framework, a topic, a skill). For two grouping sets that differ
in one of these three dimensions only, the finer one's groups add up to the coarser one's:

  - assessed, below_target, gap_sum are sums over pairs, so they add along every dimension
    (authorities to their region or Wales, regions to Wales, roles to all roles, skills to
    their topic, topics to their framework, frameworks to all, ...);
  - respondents and learners_needing count people, and a person has one authority and one
    role, so they add along the place and role dimensions only: a person with pairs in two
    topics counts in both, so topics do not add up to their framework.

A group with no row has no data: its figures are known to be 0. A skill's group, or a
topic's whose pairs are all in one skill, has one pair per person: there respondents =
assessed and learners_needing = below_target.

The solve. Per period, every figure of a hidden row is an unknown; shown figures move to the
right-hand side. The relations that hold unknowns are reduced (Gaussian elimination to
reduced row echelon form, exact, over the rationals) per connected component of unknowns.
An unknown is recoverable exactly when the unit vector e_i is in the row space: in RREF,
when a row has no other non-zero. Each recoverable figure is printed with its value and the
relations whose combination gives it (the certificate, which the tool re-checks).

--verify UNSUPPRESSED.csv: the same run at min_group_size 1 (nothing hidden). Every relation
used must hold there exactly, and on GROUPS.csv's shown figures; any that does not is
printed and fails the run (a wrong relation would make the solve meaningless).

--bounds: also propagates bounds (every figure >= 0; a row that exists has >= 1 respondent;
code 1 means 1 .. MIN_GROUP_SIZE - 1 respondents, code 2 at least MIN_GROUP_SIZE) through the
relations, and reports hidden figures pinned to one value that way. Informational: the
exit status follows the linear solve only.

Exit status 0 when no hidden figure is recoverable and every relation holds, 1 otherwise.
"""
import csv
import sys
from collections import defaultdict
from fractions import Fraction

PAIR_FIGS = ["assessed", "below_target", "gap_sum"]
PERSON_FIGS = ["respondents", "learners_needing"]
FIGS = PERSON_FIGS + PAIR_FIGS
DIMS = ("place", "role", "part")
PAIR_ONLY = {"part"}  # the dimension along which person counts do not add


def levels(r):
    """A row's group as (place, role, part), each a tuple from coarse to fine."""
    if r["authority"] != "*":
        place = (r["region"], r["authority"])
    elif r["region"] != "*":
        place = (r["region"],)
    else:
        place = ()
    role = () if r["role"] == "*" else (r["role"],)
    if r["skill"] != "*":
        part = (r["framework"], r["topic"], r["skill"])
    elif r["topic"] != "*":
        part = (r["framework"], r["topic"])
    elif r["framework"] != "*":
        part = (r["framework"],)
    else:
        part = ()
    return (place, role, part)


NOUNS = {"place": {1: "regions", 2: "authorities"}, "role": {1: "roles"},
         "part": {1: "frameworks", 2: "topics", 3: "skills"}}


def signature(key):
    return tuple(len(k) for k in key)


def describe(period, key):
    place, role, part = key
    bits = []
    bits.append("authority " + place[1] if len(place) == 2 else
                "region " + place[0] if place else "Wales")
    if role:
        bits.append("role " + role[0])
    names = ("framework", "topic", "skill")
    if part:
        bits.append("%s %s" % (names[len(part) - 1], part[-1]))
    return "%s %s" % (period, ", ".join(bits))


def load(path):
    """period -> {key: row}; also checks the codes and blanks."""
    out = defaultdict(dict)
    problems = []
    for r in csv.DictReader(open(path, encoding="utf-8", newline="")):
        key = levels(r)
        if r["suppressed"] not in ("0", "1", "2"):
            problems.append("%s: suppressed is %r" % (describe(r["period"], key), r["suppressed"]))
        hidden = r["suppressed"] != "0"
        if hidden and any(r[f] != "" for f in FIGS):
            problems.append("%s: hidden but shows figures" % describe(r["period"], key))
        if key in out[r["period"]]:
            problems.append("%s: two rows" % describe(r["period"], key))
        out[r["period"]][key] = r
    return out, problems


def relations(groups):
    """Every additive relation between the grouping sets of one period's groups.

    Yields (figures, total_key, [part_keys]): total = sum of parts, for each figure named."""
    sigs = {signature(k) for k in groups}
    by_sig = defaultdict(list)
    for k in groups:
        by_sig[signature(k)].append(k)
    for fine in sorted(sigs):
        for d, dim in enumerate(DIMS):
            for coarse_level in range(fine[d]):
                coarse = fine[:d] + (coarse_level,) + fine[d + 1:]
                if coarse not in sigs:
                    continue
                figs = PAIR_FIGS if dim in PAIR_ONLY else FIGS
                parts = defaultdict(list)
                for k in by_sig[fine]:
                    total = k[:d] + (k[d][:coarse_level],) + k[d + 1:]
                    parts[total].append(k)
                for k in by_sig[coarse]:
                    parts.setdefault(k, [])
                for total, ps in sorted(parts.items()):
                    yield figs, total, sorted(ps), NOUNS[dim][fine[d]]


def single_skill_topics(groups):
    """Topics with one skill: their groups have one pair per person."""
    skills = defaultdict(set)
    for k in groups:
        if len(k[2]) == 3:
            skills[k[2][:2]].add(k[2][2])
    return {t for t, s in skills.items() if len(s) == 1}


def number(text):
    f = Fraction(text)
    return f.numerator if f.denominator == 1 else f


def value(groups, key, fig):
    """The figure (an int, or a Fraction), None for hidden, 0 for a group with no row."""
    r = groups.get(key)
    if r is None:
        return 0
    if r["suppressed"] != "0":
        return None
    return number(r[fig])


def build(groups):
    """The period's equations: list of (terms {(key, fig): coef}, label), each sum = 0."""
    eqs = []
    for figs, total, parts, name in relations(groups):
        for fig in figs:
            terms = defaultdict(int)
            for k, c in [(total, -1)] + [(p, 1) for p in parts]:
                terms[(k, fig)] += c
            eqs.append((terms, "%s: %s = the sum of its %d %s" % (
                fig, describe("", total).strip(), len(parts), name)))
    single = single_skill_topics(groups)
    for k in groups:  # one pair per person: a skill's group, or a one-skill topic's
        if len(k[2]) == 3 or (len(k[2]) == 2 and k[2] in single):
            for a, b in (("respondents", "assessed"), ("learners_needing", "below_target")):
                eqs.append(({(k, a): 1, (k, b): -1}, "%s = %s (one pair per person): %s" % (
                    a, b, describe("", k).strip())))
    return eqs


def check_holds(groups, eqs, what):
    """Every equation whose figures are all shown holds exactly."""
    bad = []
    for terms, label in eqs:
        vals = [(c, value(groups, k, f)) for (k, f), c in terms.items()]
        if any(v is None for _, v in vals):
            continue
        s = sum(c * v for c, v in vals)
        if s != 0:
            bad.append("relation does not hold on %s (off by %s): %s" % (what, s, label))
    return bad


def div(x, c):
    """x / c, an int while it divides exactly (the relations' coefficients are mostly +-1)."""
    if isinstance(x, int) and isinstance(c, int) and x % c == 0:
        return x // c
    return Fraction(x) / c


def axpy(row, k, other):
    """row -= k * other, for sparse rows {column: value}, in place."""
    for w, x in other.items():
        y = row.get(w, 0) - k * x
        if y:
            row[w] = y
        else:
            row.pop(w, None)


def rref(rows, with_rhs):
    """Gauss-Jordan over the rationals: {pivot variable: (terms, rhs, certificate)}.

    rows: list of ({var: coef}, rhs, {equation index: coef}). Without with_rhs only the
    coefficients are reduced (whether a figure is determined does not depend on the values)."""
    pivots = {}
    for terms, rhs, cert in rows:
        terms = dict(terms)
        cert = dict(cert) if with_rhs else None
        for v in [v for v in terms if v in pivots]:
            c = terms.get(v)
            if c:
                pt, pr, pc = pivots[v]
                axpy(terms, c, pt)
                if with_rhs:
                    rhs -= c * pr
                    axpy(cert, c, pc)
        if not terms:
            continue  # redundant (the shown figures' consistency is checked elsewhere)
        v = min(terms)
        c = terms[v]
        if c != 1:
            terms = {w: div(x, c) for w, x in terms.items()}
            if with_rhs:
                rhs = div(rhs, c)
                cert = {e: div(x, c) for e, x in cert.items()}
        for u, (pt, pr, pc) in pivots.items():  # clear v from the earlier rows
            k = pt.get(v)
            if k:
                axpy(pt, k, terms)
                if with_rhs:
                    pivots[u] = (pt, pr - k * rhs, pc)
                    axpy(pc, k, cert)
        pivots[v] = (terms, rhs, cert)
    return pivots


def unknowns_side(groups, eqs):
    """[(equation index, {hidden figure: coef}, rhs)]: the shown figures moved to the right."""
    system = []
    for i, (terms, _) in enumerate(eqs):
        unk, rhs = {}, 0
        for (k, f), c in terms.items():
            v = value(groups, k, f)
            if v is None:
                unk[(k, f)] = c
            else:
                rhs -= c * v
        if unk:
            system.append((i, unk, rhs))
    return system


def solve(groups, eqs):
    """Recoverable unknowns: [(var, value, {eq_index: coef})]; the numbers of unknowns, of
    relations holding one or more, and of relations holding exactly one."""
    unknowns = {(k, f) for k, r in groups.items() if r["suppressed"] != "0" for f in FIGS}
    system = unknowns_side(groups, eqs)
    # connected components of unknowns (union-find), each reduced on its own
    parent = {u: u for u in unknowns}

    def find(u):
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u
    for _, unk, _ in system:
        vs = list(unk)
        for v in vs[1:]:
            a, b = find(vs[0]), find(v)
            if a != b:
                parent[a] = b
    comps = defaultdict(list)
    for i, unk, rhs in system:
        comps[find(next(iter(unk)))].append((unk, rhs, {i: 1}))
    found = []
    for rows in comps.values():
        if any(len(t) == 1 for t, _, _ in rref(rows, False).values()):
            for v, (terms, rhs, cert) in rref(rows, True).items():
                if len(terms) == 1:
                    found.append((v, rhs, cert))
    alone = sum(len(unk) == 1 for _, unk, _ in system)
    return found, len(unknowns), len(system), alone


# a <= m * b within one group (m None: the number of skills under the group's part)
ORDER = [("learners_needing", 1, "respondents"), ("learners_needing", 1, "below_target"),
         ("below_target", 1, "assessed"), ("respondents", 1, "assessed"),
         ("below_target", 1, "gap_sum"), ("assessed", None, "respondents"),
         ("below_target", None, "learners_needing")]


def bounds(groups, eqs, k):
    """Hidden figures pinned to one value by bounds, propagated through the relations.

    Every figure is a whole number >= 0; a hidden row exists, so it has >= 1 respondent; code
    1 means 1 .. k - 1 respondents and code 2 at least k; within a group, learners <=
    respondents, learners <= below_target <= assessed, below_target <= gap_sum (a gap is at
    least one level), respondents <= assessed <= respondents x skills and below_target <=
    learners x skills (skills: the number under the group's topic, framework or all, a
    public figure of its Wales row). None is no upper bound."""
    lo, hi, order = {}, {}, []
    for key, r in groups.items():
        if r["suppressed"] == "0":
            continue
        for f in FIGS:
            lo[(key, f)], hi[(key, f)] = 0, None
        lo[(key, "respondents")] = 1 if r["suppressed"] == "1" else k
        if r["suppressed"] == "1":
            hi[(key, "respondents")] = k - 1
        wales = groups.get(((), (), key[2]))
        skills = int(wales["skills"]) if wales and wales["skills"] else None
        for a, m, b in ORDER:
            if m or skills:
                order.append(((key, a), m or skills, (key, b)))
    system = [(unk, rhs) for _, unk, rhs in unknowns_side(groups, eqs)]
    if not all(isinstance(x, int) for unk, rhs in system for x in list(unk.values()) + [rhs]):
        return []  # the bounds are for whole numbers

    def tighten(v, nlo, nhi):
        changed = False
        if nlo is not None and nlo > lo[v]:
            lo[v], changed = nlo, True
        if nhi is not None and (hi[v] is None or nhi < hi[v]):
            hi[v], changed = nhi, True
        if hi[v] is not None and lo[v] > hi[v]:
            raise ValueError("no value fits %s: the figures contradict the bounds" % (v,))
        return changed
    changed, rounds = True, 0
    while changed and rounds < 100:
        changed, rounds = False, rounds + 1
        for unk, rhs in system:
            # sum c x = rhs: the least and greatest of each term, infinities counted apart
            least, most = {}, {}
            for w, c in unk.items():
                least[w] = c * lo[w] if c > 0 else (None if hi[w] is None else c * hi[w])
                most[w] = (None if hi[w] is None else c * hi[w]) if c > 0 else c * lo[w]
            lsum = sum(x for x in least.values() if x is not None)
            linf = sum(x is None for x in least.values())
            msum = sum(x for x in most.values() if x is not None)
            minf = sum(x is None for x in most.values())
            for v, c in unk.items():
                # c v = rhs - (others): others' least gives c v's greatest, and the reverse
                o_l = None if linf - (least[v] is None) else lsum - (least[v] or 0)
                o_m = None if minf - (most[v] is None) else msum - (most[v] or 0)
                top = None if o_l is None else rhs - o_l  # c v in [bottom, top]
                bottom = None if o_m is None else rhs - o_m
                if c < 0:  # c = -|c|: v in [ceil(-top/|c|), floor(-bottom/|c|)]
                    nlo = None if top is None else -(top // abs(c))
                    nhi = None if bottom is None else (-bottom) // abs(c)
                else:
                    nlo = None if bottom is None else -((-bottom) // c)
                    nhi = None if top is None else top // c
                changed |= tighten(v, nlo, nhi)
        for a, m, b in order:  # a <= m b
            changed |= tighten(a, None, None if hi[b] is None else m * hi[b])
            changed |= tighten(b, -((-lo[a]) // m), None)
    return [(v, lo[v]) for v in lo if hi[v] is not None and lo[v] == hi[v]]


def main():
    args = sys.argv[1:]
    verify = None
    use_bounds = "--bounds" in args
    args = [a for a in args if a != "--bounds"]
    if "--verify" in args:
        i = args.index("--verify")
        verify = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    path, k = args[0], int(args[1])
    data, problems = load(path)
    truth = None
    if verify:
        truth, tp = load(verify)
        problems += ["%s: %s" % (verify, p) for p in tp]
    recoverable = 0
    for period in sorted(data):
        groups = data[period]
        eqs = build(groups)
        problems += check_holds(groups, eqs, path)
        if truth is not None:
            tg = truth.get(period, {})
            if any(r["suppressed"] != "0" for r in tg.values()):
                problems.append("%s hides figures: it must be a run at min_group_size 1" % verify)
            if set(tg) != set(groups):
                problems.append("%s: the two files have different groups (%d only here, %d only "
                                "there)" % (period, len(set(groups) - set(tg)),
                                            len(set(tg) - set(groups))))
            for key, r in groups.items():
                t = tg.get(key)
                if t and r["suppressed"] == "0" and any(r[f] != t[f] for f in FIGS):
                    problems.append("%s: shown figures differ from %s" % (describe(period, key),
                                                                          verify))
            problems += check_holds(tg, build(tg), verify)
        found, n_unknowns, n_rel, n_alone = solve(groups, eqs)
        print("%s: %d groups, %d hidden, %d unknowns, %d relations (%d with unknowns, %d with "
              "one), %d recoverable" % (period, len(groups),
                                        sum(r["suppressed"] != "0" for r in groups.values()),
                                        n_unknowns, len(eqs), n_rel, n_alone, len(found)))
        for (key, fig), val, cert in sorted(found, key=lambda x: (x[0][0], x[0][1])):
            recoverable += 1
            # re-check the certificate: the combination of relations leaves only this unknown
            comb = defaultdict(int)
            for e, x in cert.items():
                for var, c in eqs[e][0].items():
                    comb[var] += x * c
            rest = {var: c for var, c in comb.items() if c != 0 and var != (key, fig)}
            assert all(value(groups, *var) is not None for var in rest), "bad certificate"
            print("RECOVERABLE %s %s = %s from %d relation(s):" % (
                describe(period, key), fig, val, len(cert)))
            if truth is not None:
                tv = number(truth[period][key][fig])
                if tv != val:
                    problems.append("%s %s: solved %s but the true figure is %s" % (
                        describe(period, key), fig, val, tv))
            for e, x in sorted(cert.items()):
                print("    %s x [%s]" % (x, eqs[e][1]))
        if use_bounds:
            pinned = bounds(groups, eqs, k)
            print("%s: %d hidden figures pinned by bounds" % (period, len(pinned)))
            for (key, fig), val in sorted(pinned):
                print("PINNED %s %s = %s" % (describe(period, key), fig, val))
                if truth is not None and number(truth[period][key][fig]) != val:
                    problems.append("%s %s: pinned to %s but the true figure is %s" % (
                        describe(period, key), fig, val, truth[period][key][fig]))
    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print("... and %d more problems" % (len(problems) - 40))
    return 1 if problems or recoverable else 0


if __name__ == "__main__":
    sys.exit(main())
