#!/usr/bin/env python3
"""check_pdf_numbers.py PDF OUTDIR CONFIG: every number the report prints is in a CSV row.

Reads the English PDF tna wrote into OUTDIR, with the CSVs beside it and the configuration
it ran on, and checks that every number printed in the executive summary, the gaps section
(bar charts, heatmap, raters table), the trends, the commissioning section (tables and
charts), the evaluation, the barriers and every council page can be found, at the precision
it is printed with, in a CSV row it could come from:

  - Words come from `pdftotext -bbox` and are put into lines by their height on the page;
    a page belongs to the section whose bookmark (qpdf --json) comes last before it, and a
    council page to its council. The running header, the footer, the cover, the contents
    and the method appendix are not checked.
  - The rows a number may come from are those of its section (a council page: the council's
    rows and the Wales rows beside them; the trends: every period), narrowed to the rows that
    carry the names printed on its line (a topic, role, council, region, barrier, framework);
    a row of a council or a role only where the line names it (or the page is the council's),
    a row without names (Wales, an expectation, the plan's total) anywhere in its section.
  - "0.45" must be a decimal field rounded half away from zero at two decimals, "45%" a
    decimal field times 100 at none, "1,713" an integer field (or a decimal one at none),
    "£777,100" a money field at none (a "*" or "~" mark after it is not part of it);
    rounding is done here on the CSV's text, with Python's decimal arithmetic (ROUND_HALF_UP
    is half away from zero).
  - An interval is printed as one word, "0.61–0.67" or "41–47%" (an en dash between): its
    two ends must be the low and high fields of one row (mean_gap_low and mean_gap_high,
    share_below_low and share_below_high, ci_low and ci_high), and those fields are matched
    by nothing else.
  - A marker must match its row's code: "fewer than K" and "<K" a suppressed row (1),
    "protected" and the dagger a protected row (2). On a council's page the row is the
    council's own (the Wales figures beside it are numbers); in the table of councils without
    a page, the named council's overall row.
  - The "What £X buys" section (with commissioning.budget) is checked against the rows of
    budget-PERIOD.csv, its title's budget against the `budget` field.
  - Not figures, and left alone: axis ticks (three or more numbers in a row or column,
    evenly spaced, in arithmetic progression from 0, or the two ticks, a number over a 0, of
    a trends small multiple's vertical axis), the two ends of a heatmap's legend,
    periods ("2026-Q3"), the "95%" of "95% interval" (and of a column's heading), the
    threshold in "fewer than 5", "Level 1", the "/ 5" of a satisfaction score, the "(0" of
    the definition of a gap, numbers
    inside the expectations' titles, the configuration's commissioning parameters (and the
    mentors' min_level and min_share) in the commissioning section, and "N of M councils" when N is the number of councils with
    responses and M the number configured.
Prints each number it could not place with its page and line, and a count; exit 1 if any.
"""
import csv
import html
import json
import os
import re
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

import yaml

pdf, outdir, config = sys.argv[1], sys.argv[2], sys.argv[3]
period = re.fullmatch(r"tna-(.+)\.pdf", os.path.basename(pdf)).group(1)
PACK = os.path.basename(os.path.dirname(pdf))  # a pack: OUTDIR/packs/ID/tna-ID-PERIOD.pdf
if os.path.basename(os.path.dirname(os.path.dirname(pdf))) == "packs" and period.startswith(PACK + "-"):
    period = period[len(PACK) + 1:]
else:
    PACK = None
cfg = yaml.safe_load(open(config, encoding="utf-8"))
base = os.path.dirname(config)
K = (cfg.get("privacy") or {}).get("min_group_size", 5)


def load(rel):
    return yaml.safe_load(open(os.path.join(base, rel), encoding="utf-8"))


def read(stem):
    path = os.path.join(outdir, "%s-%s.csv" % (stem, period))
    return list(csv.DictReader(open(path, encoding="utf-8", newline=""))) if os.path.exists(path) else []


# ---- names: what a line may say about the rows it comes from ----
auth_names, topic_names, role_names, fw_names, region_of = {}, {}, {}, {}, {}
for a in load(cfg["authorities"])["authorities"]:
    region_of[a["id"]] = a["region"]
    short = re.sub(r"^City and County of ", "", a["name"])
    short = re.sub(r" (County Borough|County|City)? ?Council$", "", short)
    auth_names[a["id"]] = {a["name"], short}
for r in load(cfg["roles"])["roles"]:
    role_names[r["id"]] = {r["name"]}
for f in cfg["frameworks"]:
    fw = load(f)
    fw_names[fw["id"]] = {fw["name"]}
    for t in fw["topics"]:
        topic_names[t["id"]] = {t["name"]}

summary, groups, expectations = read("summary"), read("groups"), read("expectations")
commissioning, demand, mentors = read("commissioning"), read("demand"), read("mentors")
barriers, raters = read("barriers"), read("raters")
budget = read("budget")  # with commissioning.budget only
current = [r for r in groups if r["period"] == period]
answered = {r["authority"] for r in current if r["authority"] != "*" and r["role"] == "*"
            and r["framework"] == "*"}
# a pack (tna run --packs) shows its council's or region's rows beside its region and Wales
PACK_REGION = region_of.get(PACK) or next(
    (g for g in region_of.values() if re.sub(r"[^a-z0-9]+", "-", g.lower()).strip("-") == PACK), None)
names_of_kind = {"authority": auth_names, "topic": topic_names, "role": role_names,
                 "framework": fw_names}


def row_names(r):
    """The display names a row's keys stand for, by kind."""
    out = {}
    for kind, table in names_of_kind.items():
        if r.get(kind, "*") not in ("*", None, ""):
            out[kind] = table.get(r[kind], set())
    if r.get("region", "*") not in ("*", None, ""):
        out["region"] = {r["region"]}
    if r.get("barrier"):
        out["barrier"] = {r["barrier"]}
    return out


def rows(source, keep=lambda r: True):
    return [(source, r) for r in source_rows[source] if keep(r)]


source_rows = {"groups": groups, "expectations": expectations, "commissioning": commissioning,
               "demand": demand, "mentors": mentors, "barriers": barriers, "raters": raters,
               "budget": budget}
now = lambda r: r["period"] == period
wales_rows = lambda r: r["authority"] == "*" and r["region"] == "*" and r["role"] == "*"
SECTIONS = {
    "Executive summary": rows("groups", lambda r: wales_rows(r) and r["skill"] == "*") +
    rows("expectations") + rows("commissioning", lambda r: r["topic"] == "*" and r["line"] == "total"),
    "Where the skills gaps are": rows("groups", lambda r: now(r) and r["region"] == "*" and r["skill"] == "*"
                                      and (r["authority"] == "*" or r["role"] == "*")) +
    rows("groups", lambda r: now(r) and r["authority"] != "*" and r["role"] == "*" and r["framework"] != "*"
         and r["topic"] != "*") + rows("raters"),
    "Trends": rows("groups", lambda r: wales_rows(r) and r["skill"] == "*"),
    "Commissioning training": rows("commissioning") + rows("mentors") +
    rows("demand", lambda r: r["region"] == "*" and r["authority"] == "*" or
         PACK and (r["authority"] == PACK or r["authority"] == "*" and r["region"] == PACK_REGION)),
    "Evaluation: did training work?": rows("expectations"),
    "Barriers to learning": rows("barriers"),
}
# the "What £X buys" section (its title names the budget): the budget plan's rows
BUDGET_SECTION = re.compile(r"^What £[\d,]+ buys$")

# ---- numbers ----
NUMBER = re.compile(r"^[(]?([+−-]?)(£?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)([*~]*)[),;:]?$")
DEC = ROUND_HALF_UP  # half away from zero


def parse(word):
    """(kind, value as Decimal, decimals) of a printed number, or None."""
    m = NUMBER.match(word)
    if not m:
        return None
    sign, pound, whole, frac, pct, _ = m.groups()
    v = Decimal(whole.replace(",", "") + (frac or ""))
    if sign in ("−", "-"):
        v = -v
    kind = "money" if pound else "percent" if pct else "decimal" if frac else "integer"
    return kind, v, len(frac) - 1 if frac else 0


def shown(field, kind, decimals):
    """The CSV field as it would be printed in that kind and precision, or None."""
    if field in ("", None) or not re.fullmatch(r"-?\d+(\.\d+)?", field):
        return None
    v = Decimal(field)
    if kind == "percent":
        v = v * 100
    if kind in ("integer", "money") and "." not in field:
        return v
    return v.quantize(Decimal(1).scaleb(-decimals), rounding=DEC)


INTERVALS = (("mean_gap_low", "mean_gap_high"), ("share_below_low", "share_below_high"),
             ("ci_low", "ci_high"))
INTERVAL_FIELDS = {f for pair in INTERVALS for f in pair}
RANGE = re.compile(r"^[(]?([+−-]?\d+(?:\.\d+)?)–([+−-]?\d+(?:\.\d+)?)(%?)[),;:]?$")


def matches(kind, value, decimals, cand):
    for _, r in cand:
        for f, field in r.items():
            if f in ("period", "suppressed") or f in INTERVAL_FIELDS or field is None:
                continue
            if kind == "money" and f not in ("cost", "cost_alone", "saving", "budget", "cost_per_learner",
                                                   "welsh_elearning_cost"):
                continue
            if kind in ("decimal", "percent") and "." not in field:
                continue
            got = shown(field, kind, decimals)
            if got is not None and got == value:
                return True
    return False


# ---- the PDF's words, by page ----
text = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                      check=True).stdout
pages = []
for page in re.findall(r"<page [^>]*>(.*?)</page>", text, re.S):
    words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)]
    pages.append([w for w in words if 40 < w[1] < 795])  # no running header, no footer
outline = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                    capture_output=True, text=True, check=True).stdout)["outlines"]
# where each section starts: its page, and the height its bookmark points at (the heading
# lies 30 points below; a short section may start part way down a page)
starts, council_of = [], {}
for o in outline:
    top = 841.89 - float(o["dest"][3]) if len(o["dest"]) > 3 and o["dest"][3] is not None else 0
    starts.append((o["destpageposfrom1"], top + 25 if top > 40 else 0, o["title"]))
    for kid in o["kids"]:
        ids = [a for a, n in auth_names.items() if kid["title"] in n]
        if ids:
            council_of[kid["destpageposfrom1"]] = ids[0]
starts.sort()


def section_at(page, y):
    found = "Cover"
    for p, top, title in starts:
        if (p, top) <= (page, y):
            found = title
    return found


def lines_of(words):
    """Words grouped into lines by their vertical middle, each line left to right."""
    out = []
    for w in sorted(words, key=lambda w: ((w[1] + w[3]) / 2, w[0])):
        mid = (w[1] + w[3]) / 2
        if out and abs(out[-1][0] - mid) < 2.6:
            out[-1][1].append(w)
        else:
            out.append([mid, [w]])
    return [sorted(ws, key=lambda w: w[0]) for _, ws in out]


def axes(words):
    """Words that are axis ticks: 3+ numbers aligned in a row (same top) or a column (same
    right edge), evenly spaced, in arithmetic progression, one of them 0."""
    nums = [(w, parse(w[4].replace("k", "000") if w[4].startswith("£") and w[4].endswith("k") else w[4]))
            for w in words]
    nums = [(w, p) for w, p in nums if p]
    ticks = set()
    for key, pos in ((lambda w: w[1], lambda w: (w[0] + w[2]) / 2),   # a row: same top
                     (lambda w: w[2], lambda w: (w[1] + w[3]) / 2)):  # a column: same right
        buckets = []  # words of one kind whose key lies within 0.8 of the previous one's
        for w, p in sorted(nums, key=lambda wp: (wp[1][0], key(wp[0]))):
            if buckets and buckets[-1][-1][1][0] == p[0] and key(w) - key(buckets[-1][-1][0]) < 0.8:
                buckets[-1].append((w, p))
            else:
                buckets.append([(w, p)])
        for group in buckets:
            group.sort(key=lambda wp: pos(wp[0]))
            # runs of words evenly spaced whose values step evenly (charts stacked in a
            # column repeat their ticks: each chart's is a run of its own)
            start = 0
            for end in range(1, len(group) + 1):
                run = group[start:end + 1]
                if end < len(group) and len(run) >= 3:
                    gaps = [pos(b[0]) - pos(a[0]) for a, b in zip(run, run[1:])]
                    steps = [b[1][1] - a[1][1] for a, b in zip(run, run[1:])]
                    if len(set(steps)) == 1 and max(gaps) - min(gaps) < 1.5:
                        continue
                run = group[start:end]
                vals = [p[1] for _, p in run]
                steps = {b - a for a, b in zip(vals, vals[1:])}
                if len(run) >= 3 and 0 in vals and len(steps) == 1 and 0 not in steps:
                    ticks.update(id(w) for w, _ in run)
                start = max(start, end - 1)
    return ticks


PERIODS = [str(p) for p in cfg["periods"]]


def period_word(word):
    """A period's label, or its first part where pdftotext splits it ("2026-" of "2026-Q3")."""
    return len(word) >= 4 and any(p.startswith(word) for p in PERIODS)


def two_tick_axes(words):
    """Words that are the two ticks of a short time chart's vertical axis (a trends small
    multiple): a number over a 0 with the same right edge and nothing between them, 2.5 to 5
    of their heights apart, the 0 with a period label just below it and to its right."""
    ticks = set()
    nums = sorted(((w, parse(w[4])) for w in words), key=lambda wp: wp[0][1])
    nums = [(w, p) for w, p in nums if p]
    for i, (top, tp) in enumerate(nums):
        for low, lp in nums[i + 1:]:
            if abs(low[2] - top[2]) >= 0.8:
                continue
            # the next word below with the same right edge: it must be the 0
            height, gap = top[3] - top[1], low[1] - top[1]
            if lp[1] == 0 and tp[1] > 0 and 2.5 <= gap / height <= 5 and not any(
                    abs(w[2] - top[2]) < 0.8 and top[1] < w[1] < low[1] for w in words) and any(
                    period_word(w[4]) and 0 < w[1] - low[1] < 15 and 0 < w[0] - low[2] < 200
                    for w in words):
                ticks.update((id(top), id(low)))
            break
    return ticks


titles = [e["title"] for e in expectations]
commission_params = set()  # the configuration's (or the documented default) parameters
for k, default in (("cohort_min", 8), ("cohort_max", 16), ("elearning_max_gap", 1),
                   ("cost_per_cohort", None), ("cost_per_elearning_learner", None)):
    v = (cfg.get("commissioning") or {}).get(k, default)
    if v is not None:
        commission_params.add(Decimal(str(v)))
mentor_rule = cfg.get("mentors") or {}  # who counts as an expert: "level 4", "50%"
if "min_level" in mentor_rule:
    commission_params.add(Decimal(str(mentor_rule["min_level"])))
if "min_share" in mentor_rule:
    commission_params.add(Decimal(str(mentor_rule["min_share"])) * 100)

all_names = [(n, kind) for kind, table in names_of_kind.items() for ns in table.values() for n in ns]
all_names += [(r["region"], "region") for r in groups if r["region"] != "*"]
all_names += [(b["barrier"], "barrier") for b in barriers]
all_names = sorted(set(all_names), key=lambda x: (-len(x[0]), x))

problems, checked = [], 0
skip_sections = {"Cover", "Contents", "Method and data quality"}
for pno, words in enumerate(pages, 1):
    tick_ids = axes(words) | two_tick_axes(words)
    for line in lines_of(words):
        section = section_at(pno, line[0][1])
        if section in skip_sections:
            continue
        if section == "Authorities":
            a = council_of.get(pno)
            if PACK:  # the council or the region, beside its region and Wales
                cands = rows("groups", lambda r: now(r) and r["role"] == "*" and r["skill"] == "*" and (
                    r["authority"] == (a or PACK) or r["authority"] == "*" and r["region"] in (PACK_REGION, "*")))
            elif a is None:  # the table of councils without a page: only the threshold
                cands = []
            else:
                cands = rows("groups", lambda r: now(r) and r["role"] == "*" and r["skill"] == "*"
                             and (r["authority"] == a or wales_rows(r)))
        elif BUDGET_SECTION.match(section):
            cands = rows("budget")
        else:
            cands = SECTIONS.get(section, [])
        line_text = " ".join(w[4] for w in line)
        # names on the line narrow the rows
        found = {}
        rest = line_text
        for n, kind in all_names:  # the longest first: a barrier may name a council
            if re.search(r"(^|\W)%s(\W|$)" % re.escape(n), rest):
                found.setdefault(kind, set()).add(n)
                rest = re.sub(r"(^|\W)%s(\W|$)" % re.escape(n), " ", rest)
        line_cands = cands
        if found:
            # a row named by a key must carry the names printed on the line in the kinds it
            # has, and at least one of them; rows without names (expectations, the plan's
            # total, Wales) may stand on any line
            def fits(r):
                names = row_names(r)
                if not names:
                    return True
                return any(k in names for k in found) and \
                    all(names[k] & ns for k, ns in found.items() if k in names)
            line_cands = [c for c in cands if fits(c[1])]
        # a council's or a role's row must be named on the line, unless the page is the
        # council's (a topic may be a column's heading)
        for kind in ("authority", "role"):
            if kind == "authority" and (section == "Authorities" or PACK and section == "Commissioning training"):
                continue
            line_cands = [c for c in line_cands if kind not in row_names(c[1]) or kind in found]
        # words of the line that are not figures
        skip = set()
        ws = [w[4] for w in line]
        for t in titles:  # numbers inside an expectation's title
            tw = t.split()
            for i in range(len(ws)):
                for j, x in enumerate(tw):
                    if parse(x) and i + 1 < len(ws) and j + 1 < len(tw) and ws[i] == x and ws[i + 1] == tw[j + 1]:
                        skip.add(i)
                    if parse(x) and i > 0 and j > 0 and ws[i] == x and ws[i - 1] == tw[j - 1]:
                        skip.add(i)
        if line_text.startswith(("Mean gap ", "Share citing ")) and section in (
                "Where the skills gaps are", "Barriers to learning"):
            nums = [i for i, w in enumerate(ws) if parse(w)]
            skip.update(nums[:2])  # the heatmap legend's ends
        for i, w in enumerate(ws):
            if i > 0 and ws[i - 1] in ("than", "Level", "below") or ws[i - 1:i] == ["/"]:
                skip.add(i)  # the threshold, a level's number, the RAG rule, "/ 5"
            if ws[i + 1:i + 3] == ["or", "more,"] or ws[i + 1:i + 3] == ["or", "more"]:
                skip.add(i)  # the RAG rule: "green at 100% or more"
            if w == "95%" and (i + 1 < len(ws) and ws[i + 1].startswith("interval")
                               or ws[i - 1:i] in (["Mean"], ["Below"])):
                skip.add(i)  # the level of an interval, in prose or a column's heading
            if ws[i:i + 3] == ["1", "to", "5,"]:
                skip.update((i, i + 2))  # the satisfaction scale
            if w == "(0" and ws[i + 1:i + 4] == ["at", "or", "above"]:
                skip.add(i)  # the definition of a gap: "(0 at or above target)"
            if i + 3 < len(ws) and ws[i + 1] == "of" and ws[i + 3].startswith("councils"):
                n, m = parse(w), parse(ws[i + 2])
                if not (n and m and n[1] == len(answered) and m[1] == len(auth_names)):
                    problems.append("page %d: %r: not %d of %d councils" % (pno, line_text, len(answered), len(auth_names)))
                skip.update((i, i + 2))
        for i, w in enumerate(line):
            word = w[4]
            if i in skip or id(w) in tick_ids or re.search(r"\d{4}-Q\d", word):
                continue
            if word in ("<%d" % K, "†"):  # a marker on a named line: a row with its code
                code = "1" if word.startswith("<") else "2"
                if found and not any(r.get("suppressed") == code for _, r in line_cands):
                    problems.append("page %d: %r: %s without a row of code %s" % (pno, line_text, word, code))
                continue
            rg = RANGE.match(word)
            if rg:  # an interval: both ends from one row's pair of fields
                ends = [parse(x + rg.group(3)) for x in rg.group(1, 2)]
                checked += 1
                if not any(all(shown(r.get(f), e[0], e[2]) == e[1] for e, f in zip(ends, pair))
                           for _, r in line_cands for pair in INTERVALS):
                    problems.append("page %d (%s): interval %s in %r" % (pno, section, word, line_text))
                continue
            p = parse(word)
            if p is None:
                continue
            kind, value, decimals = p
            if section == "Commissioning training" and (value in commission_params or kind == "money" and value in commission_params):
                continue
            checked += 1
            if not matches(kind, value, decimals, line_cands):
                problems.append("page %d (%s): %s in %r" % (pno, section, word, line_text))
        # the words for a hidden figure: on a council's page, a row of that council (the
        # Wales figures beside it are shown as numbers); in the table of councils without a
        # page, the named council's overall row
        marked = line_cands
        if section == "Authorities" and not PACK and a is not None:
            marked = [c for c in line_cands if c[1].get("authority") == a]
        elif section == "Authorities" and not PACK:
            marked = rows("groups", lambda r: now(r) and r["role"] == r["framework"] == r["topic"] == "*"
                          and auth_names.get(r["authority"], set()) & found.get("authority", set()))
        if "fewer than %d" % K in line_text and found:
            if not any(r.get("suppressed") == "1" for _, r in marked):
                problems.append("page %d: %r: 'fewer than' without a suppressed row" % (pno, line_text))
        if "protected" in line_text.split() and found:
            if not any(r.get("suppressed") == "2" for _, r in marked):
                problems.append("page %d: %r: 'protected' without a protected row" % (pno, line_text))

for p in problems[:40]:
    print(p)
print("%s: %d numbers checked on %d pages, %d not found in a CSV row" % (pdf, checked, len(pages), len(problems)))
sys.exit(1 if problems or checked == 0 else 0)
