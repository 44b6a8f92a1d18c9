#!/usr/bin/env python3
"""The budget plan (commissioning.budget) against brute force, from the raw answers.

  budget_brute.py gen DIR --topics N --seed S
      writes DIR/tna.yaml, a framework of N topics (two skills each), a role that targets
      every skill at Practitioner, and a survey of staff in the five authorities (three
      regions) of tests/cases/planning, some preferring Welsh; cohorts of 3 to 5, a place
      price, an e-learning price, priorities on some topics, and a budget drawn between
      nothing and the cost of everything.
  budget_brute.py check DIR
      works out the plan's lines from DIR's survey alone (docs/method.md: learners, self-
      directed or cohort, medium, regions pooled under cohort_min, cohorts or places), every
      unit's value and cost, and the best plan by trying every way of funding each line's
      first 0, 1, ... units and each topic's self-directed learning. Then reads tna's
      budget-PERIOD.csv and checks: every line's learners and gap as worked out here; what
      tna funds costs what its cost column says and no more than the budget; and its value is
      the brute-force optimum.

Values are those of docs/method.md: a unit closing gap G x its learners / L of a line (L
learners, gap G, cohorts of L // c learners, the first L % c one more), at the topic's weight,
in whole millionths of a weighted level rounded down per unit; costs in whole pence.
"""
import argparse
import csv
import itertools
import os
import random
import sys

LABELS = ["None", "Awareness", "Working", "Practitioner", "Expert"]
AUTH = {"a1": "North", "a2": "North", "a3": "South", "a4": "South", "a5": "West"}
TARGET = 3


def gen(args):
    rng = random.Random(args.seed)
    d = args.dir
    os.makedirs(d, exist_ok=True)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    topics = ["t%d" % (i + 1) for i in range(args.topics)]
    with open(os.path.join(d, "fw.yaml"), "w") as fh:
        fh.write("id: fw\nname: Budget framework\nname_cy: Fframwaith cyllideb\nscale:\n"
                 "  id: ddat\n  levels:\n")
        for i, label in enumerate(LABELS):
            fh.write("    - {level: %d, label: %s}\n" % (i, label))
        fh.write("topics:\n")
        for t in topics:
            fh.write("  - id: %s\n    name: Topic %s\n    skills:\n" % (t, t))
            for k in (1, 2):
                fh.write("      - {id: %s-s%d, name: Skill %s %d}\n" % (t, k, t, k))
    with open(os.path.join(d, "roles.yaml"), "w") as fh:
        fh.write("roles:\n  - id: officer\n    name: Officer\n    targets:\n"
                 "      - {framework: fw, level: %d}\n" % TARGET)
    cohort_min = rng.randint(3, 4)
    cohort_max = rng.randint(cohort_min, 5)
    cohort, place, elearning = rng.randint(8, 20) * 100, rng.randint(2, 6) * 50, 30
    weights = {t: rng.choice([None, None, 0.5, 1.5, 2]) for t in topics}
    # small enough for brute force: the fewer people, the fewer lines and cohorts per topic
    people = (rng.randint(20, 40) if args.topics <= 3 else
              rng.randint(10, 16) if args.topics <= 5 else rng.randint(7, 10))
    rows = []
    for i in range(people):
        auth = rng.choice(list(AUTH))
        lang = rng.choice(["English", "English", "Welsh", "Either", ""])
        levels = [rng.choice([0, 1, 2, 2, 3, 3, 4, None]) for _ in topics for _ in (1, 2)]
        rows.append(["p%03d" % i, auth, "officer", lang] +
                    ["" if v is None else LABELS[v] for v in levels])
    with open(os.path.join(d, "2026-Q3-survey.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Staff", "Council", "Role", "Language"] +
                   ["%s-s%d" % (t, k) for t in topics for k in (1, 2)])
        w.writerows(rows)
    # the whole plan's price, to draw a budget that leaves choices
    with open(os.path.join(d, "tna.yaml"), "w") as fh:
        fh.write("title: Budget case\nperiods: [2026-Q3]\nframeworks: [fw.yaml]\n"
                 "roles: roles.yaml\nauthorities: %s/tests/cases/planning/authorities.yaml\n"
                 "sources:\n  - name: survey\n    path: \"{period}-survey.csv\"\n"
                 "    columns: {respondent: Staff, authority: Council, role: Role, "
                 "language_preference: Language}\n    skills: {%s}\n"
                 % (root, ", ".join("%s-s%d: %s-s%d" % (t, k, t, k) for t in topics
                                    for k in (1, 2))))
        fh.write("commissioning:\n  cohort_min: %d\n  cohort_max: %d\n  cost_per_cohort: %d\n"
                 "  cost_per_elearning_learner: %d\n  cost_per_open_place: %d\n"
                 "  elearning_max_gap: 1\n  budget: BUDGET\n"
                 % (cohort_min, cohort_max, cohort, elearning, place))
        prio = [(t, w) for t, w in weights.items() if w is not None]
        if prio:
            fh.write("priorities:\n" + "".join("  - {topic: %s, weight: %s}\n" % p for p in prio))
        fh.write("privacy:\n  min_group_size: 1\n")
    lines, blocks, _ = plan(d)
    everything = sum(l["price"] * len(l["values"]) for l in lines) + sum(b[0] for b in blocks)
    budget = rng.randint(0, everything) // 100
    text = open(os.path.join(d, "tna.yaml")).read().replace("BUDGET", str(budget))
    open(os.path.join(d, "tna.yaml"), "w").write(text)


def config(d):
    text = open(os.path.join(d, "tna.yaml")).read()
    get = lambda key: text.split("  %s: " % key)[1].split("\n")[0]
    weights = {}
    if "priorities:" in text:
        for line in text.split("priorities:\n")[1].split("privacy:")[0].strip().split("\n"):
            t = line.split("topic: ")[1].split(",")[0]
            weights[t] = float(line.split("weight: ")[1].rstrip("}"))
    budget = get("budget")
    return {"cohort_min": int(get("cohort_min")), "cohort_max": int(get("cohort_max")),
            "cohort": int(get("cost_per_cohort")) * 100, "place": int(get("cost_per_open_place")) * 100,
            "elearning": int(get("cost_per_elearning_learner")) * 100,
            "budget": None if budget == "BUDGET" else int(budget) * 100, "weights": weights}


def plan(d):
    """The plan's lines and blocks from the survey: each line a dict, each block (cost, value)."""
    c = config(d)
    need = {}  # (topic, authority, kind, medium) -> [learners, gap]
    topics = []
    with open(os.path.join(d, "2026-Q3-survey.csv"), newline="") as fh:
        reader = csv.DictReader(fh)
        skills = [h for h in reader.fieldnames if "-s" in h]
        topics = sorted({s.split("-")[0] for s in skills}, key=lambda t: int(t[1:]))
        for row in reader:
            welsh = row["Language"] == "Welsh"
            for t in topics:
                gaps = [TARGET - LABELS.index(row[s]) for s in skills
                        if s.startswith(t + "-") and row[s] != "" and LABELS.index(row[s]) < TARGET]
                if not gaps:
                    continue
                kind = "self" if max(gaps) <= 1 else "cohort"
                key = (t, row["Council"], kind, "welsh" if welsh and kind == "cohort" else "english")
                acc = need.setdefault(key, [0, 0])
                acc[0] += 1
                acc[1] += sum(gaps)
    lines, blocks = [], []
    for t in topics:
        w = round(c["weights"].get(t, 1.0) * 1000)
        for medium in ("welsh", "english"):
            regions = {}
            for (tt, a, kind, m), (n, g) in need.items():
                if tt == t and kind == "cohort" and m == medium:
                    r = regions.setdefault(AUTH[a], [0, 0])
                    r[0] += n
                    r[1] += g
            pool = [0, 0]
            parts = []
            for region in sorted(regions, key=["North", "South", "West"].index):
                n, g = regions[region]
                if n < c["cohort_min"]:
                    pool[0] += n
                    pool[1] += g
                else:
                    parts.append((region, n, g))
            if pool[0]:
                parts.append(("*", pool[0], pool[1]))
            for region, n, g in parts:
                if n < c["cohort_min"]:
                    values = [w * g * 1 * 1000 // n for _ in range(n)]
                    price = c["place"]
                else:
                    k = -(-n // c["cohort_max"])
                    sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
                    values = [w * g * s * 1000 // n for s in sizes]
                    price = c["cohort"]
                lines.append({"topic": t, "region": region, "medium": medium, "learners": n,
                              "gap": g, "values": values, "price": price, "sizes": None
                              if n < c["cohort_min"] else sizes})
        sd = [0, 0]
        for (tt, a, kind, m), (n, g) in need.items():
            if tt == t and kind == "self":
                sd[0] += n
                sd[1] += g
        if sd[0]:
            blocks.append((sd[0] * c["elearning"], w * sd[1] * 1000, t, sd[0], sd[1]))
    return lines, blocks, c


def brute(lines, blocks, budget):
    best = -1
    items = [[(k * l["price"], sum(l["values"][:k])) for k in range(len(l["values"]) + 1)]
             for l in lines] + [[(0, 0), (b[0], b[1])] for b in blocks]

    def go(i, cost, value):
        nonlocal best
        if cost > budget:
            return
        if i == len(items):
            best = max(best, value)
            return
        for dc, dv in items[i]:
            go(i + 1, cost + dc, value + dv)

    go(0, 0, 0)
    return best


def check(args):
    lines, blocks, c = plan(args.dir)
    out = os.path.join(args.dir, "out", "budget-2026-Q3.csv")
    got = list(csv.DictReader(open(out)))
    cost = value = 0
    for l in lines:
        key = (l["topic"], "pool" if l["region"] == "*" else "region", l["region"], l["medium"])
        rows = [r for r in got if (r["topic"], r["line"], r["region"], r["medium"]) == key]
        if len(rows) != 1:
            sys.exit("no single row for %s" % (key,))
        r = rows[0]
        if int(r["learners"]) != l["learners"] or abs(float(r["gap"]) - l["gap"]) > 1e-9:
            sys.exit("%s: learners %s gap %s, expected %d and %d" % (key, r["learners"], r["gap"],
                                                                   l["learners"], l["gap"]))
        k = int(r["funded"])
        cost += k * l["price"]
        value += sum(l["values"][:k])
        if round(float(r["cost"]) * 100) != k * l["price"]:
            sys.exit("%s: cost %s for %d units" % (key, r["cost"], k))
    for b in blocks:
        rows = [r for r in got if r["topic"] == b[2] and r["line"] == "self_directed"]
        if len(rows) != 1 or int(rows[0]["units"]) != b[3]:
            sys.exit("%s: self-directed row %s, expected %d learners" % (b[2], rows, b[3]))
        if int(rows[0]["funded"]) not in (0, b[3]):
            sys.exit("%s: self-directed learning funded in part" % b[2])
        if int(rows[0]["funded"]):
            cost += b[0]
            value += b[1]
    n_rows = sum(1 for r in got if r["line"] in ("region", "pool", "self_directed"))
    if n_rows != len(lines) + len(blocks):
        sys.exit("tna has %d lines, expected %d" % (n_rows, len(lines) + len(blocks)))
    total = next(r for r in got if r["topic"] == "*")
    if round(float(total["cost"]) * 100) != cost:
        sys.exit("spent %s, the lines add up to %.2f" % (total["cost"], cost / 100))
    if cost > c["budget"]:
        sys.exit("spent %.2f over the budget %.2f" % (cost / 100, c["budget"] / 100))
    best = brute(lines, blocks, c["budget"])
    if value != best:
        sys.exit("tna's plan is worth %d, the best %d" % (value, best))
    print("%d lines, %d blocks, budget %.2f, spent %.2f, value %d (the best)" % (
        len(lines), len(blocks), c["budget"] / 100, cost / 100, value))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("dir")
    g.add_argument("--topics", type=int, default=3)
    g.add_argument("--seed", type=int, default=1)
    k = sub.add_parser("check")
    k.add_argument("dir")
    args = ap.parse_args()
    gen(args) if args.cmd == "gen" else check(args)


if __name__ == "__main__":
    main()
