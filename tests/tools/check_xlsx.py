#!/usr/bin/env python3
"""check_xlsx.py XLSX OUTDIR CONFIG [en|cy]: checks tna's workbook with an independent reader.

Opens tna-PERIOD.xlsx with openpyxl and checks, against the CSVs tna wrote beside it and the
names in the configuration's reference files:
  - the sheet list (in the report's language) and the header of every table;
  - every current-period row of summary-PERIOD.csv equals its row on By authority, By role
    or By topic, cell for cell, and the heatmap cells and the Summary headline agree; every
    group's 95% intervals equal the groups CSV's;
  - every row of the planning CSVs that exist (demand, commissioning, expectations,
    trends, barriers, mentors, raters, priorities, budget) equals its row on its sheet, and
    Level 4's adjusted estimate, interval and group sizes are on Evaluation;
  - a hidden row shows the marker of its code ("fewer than K" for 1, "protected" for 2, grey
    italic) and no number; a total over the councils that answered is labelled "N of M
    councils" when not all of them answered;
  - decimal cells hold the CSV's six-decimal value exactly, so their formats show the PDF's
    digits; a topic row resting on fewer than all its skills says "k of n skills", as the
    groups CSV says;
  - the data-quality log counts data-quality-PERIOD.csv by file, column and reason (with
    each first line), and no logged value appears on the sheet;
  - no cell holds NaN or infinity, every data sheet has frozen rows and a filter;
  - number formats: percentages 0.0%, gaps 0.00, money with a pound sign, and no pound sign
    anywhere in the workbook when the configuration sets no costs;
  - who counts as an expert, composed from `mentors:` and `rater_policy:` with the glossary's
    words, is what About and the Mentors sheet say; share_at_target's definition is in the
    Note of each row that uses it (and no other) and on About;
  - the four charts exist in the zip, are drawn on a sheet, and plot only numbers (never a
    marker) from the Chart data sheet, and the plotted gaps are shown figures.
Prints "ok" or each failure, and exits 1 on failure.
"""
import csv
import math
import os
import re
import sys
import zipfile

import openpyxl
import yaml

FAILS = []


def check(cond, msg):
    if not cond:
        FAILS.append(msg)
    return cond


xlsx, outdir, config = sys.argv[1], sys.argv[2], sys.argv[3]
lang = sys.argv[4] if len(sys.argv) > 4 else "en"
period = re.fullmatch(r"tna-(.+)\.xlsx", os.path.basename(xlsx)).group(1)

# ---- names from the configuration ----
cfg = yaml.safe_load(open(config, encoding="utf-8"))
base = os.path.dirname(config)
K = (cfg.get("privacy") or {}).get("min_group_size", 5)


def pick(en, cy):
    return cy if lang == "cy" and cy else en


def load(rel):
    return yaml.safe_load(open(os.path.join(base, rel), encoding="utf-8"))


auth, region_cy = {}, {}
for a in load(cfg["authorities"])["authorities"]:
    auth[a["id"]] = pick(a["name"], a.get("name_cy"))
    if a.get("region_cy"):
        region_cy[a["region"]] = a["region_cy"]
roles = {r["id"]: pick(r["name"], r.get("name_cy")) for r in load(cfg["roles"])["roles"]}
# barriers: the configuration's file, or the shipped list tna compiles in; always an "other"
bfile = (os.path.join(base, cfg["barriers"]) if cfg.get("barriers") else
         os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../inputs/barriers.yaml"))
barriers = {b["id"]: pick(b["name"], b.get("name_cy"))
            for b in yaml.safe_load(open(bfile, encoding="utf-8"))["barriers"]}
barriers.setdefault("other", pick("Other", "Arall"))
fws, topics = {}, {}
for f in cfg["frameworks"]:
    fw = load(f)
    fws[fw["id"]] = pick(fw["name"], fw.get("name_cy"))
    for t in fw["topics"]:
        topics[t["id"]] = pick(t["name"], t.get("name_cy"))
# an expectation's title in the report's language (the CSV's title column is the English)
titles = {x["id"]: pick(x.get("title") or x["id"], x.get("title_cy"))
          for x in cfg.get("expectations") or []}

W = {
    "en": dict(roles="All roles", fws="All frameworks", topics="All topics", wales="All Wales",
               auths="All authorities", pool="All-Wales pool", welsh="Welsh-medium",
               english="English-medium", marker="fewer than %d" % K, protect="protected",
               councils="%d of %d councils", skills="%d of %d skills",
               rag={"green": "Green", "amber": "Amber", "red": "Red"},
               sheets=["Summary", "Heatmap", "By authority", "By role", "By topic", "Skills",
                       "Demand", "Commissioning", "Cohorts", "Mentors", "Trends", "Evaluation",
                       "Barriers", "Self vs manager", "Data quality", "About", "Chart data"]),
    "cy": dict(roles="Pob rôl", fws="Pob fframwaith", topics="Pob pwnc", wales="Cymru gyfan",
               auths="Pob awdurdod", pool="Cronfa Cymru gyfan", welsh="Cyfrwng Cymraeg",
               english="Cyfrwng Saesneg", marker="llai na %d" % K, protect="wedi'i ddiogelu",
               councils="%d o %d cyngor", skills="%d o %d sgil",
               rag={"green": "Gwyrdd", "amber": "Ambr", "red": "Coch"},
               sheets=["Crynodeb", "Map gwres", "Yn ôl awdurdod", "Yn ôl rôl", "Yn ôl pwnc",
                       "Sgiliau", "Galw", "Comisiynu", "Carfannau", "Mentoriaid", "Tueddiadau",
                       "Gwerthuso", "Rhwystrau", "Hunan a rheolwr", "Ansawdd data", "Ynghylch",
                       "Data siartiau"]),
}[lang]
MARKS = {"1": W["marker"], "2": W["protect"]}  # by suppressed code


def name(table, key, all_word):
    return all_word if key == "*" else table[key]


def region(r):
    return WALES if r == "*" else (region_cy.get(r, r) if lang == "cy" else r)


# ---- the workbook ----
wb = openpyxl.load_workbook(xlsx)
# Priorities after Cohorts, and Budget after it when the configuration sets a budget
HAS_BUDGET = os.path.exists(os.path.join(outdir, "budget-%s.csv" % period))
extra = [pick("Priorities", "Blaenoriaethau")] + ([pick("Budget", "Cyllideb")] if HAS_BUDGET else [])
W["sheets"][9:9] = extra
check(wb.sheetnames == W["sheets"], "sheets: %r" % wb.sheetnames)
S = dict(zip(["summary", "heatmap", "authority", "role", "topic", "skills", "demand", "comm",
              "cohorts", "priorities"] + (["budget"] if HAS_BUDGET else []) +
             ["mentors", "trends", "evaluation", "barriers", "raters", "dq",
              "about", "chart"], wb.worksheets))

for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if isinstance(v, float):
                check(math.isfinite(v), "%s!%s: %r" % (ws.title, c.coordinate, v))
            if isinstance(v, str):
                check(v.upper() not in ("NAN", "-NAN", "INF", "-INF"),
                      "%s!%s: %r" % (ws.title, c.coordinate, v))
            if v in MARKS.values():
                check(c.font.i and c.font.color is not None and c.font.color.rgb.endswith("808080"),
                      "%s!%s: marker not grey italic" % (ws.title, c.coordinate))
    if ws.sheet_state == "visible":
        check(ws.freeze_panes is not None, "%s: no frozen rows" % ws.title)
        if ws is not S["about"]:
            check(ws.auto_filter.ref is not None, "%s: no filter" % ws.title)


def table(ws, ndims, header_row=4):
    """{dims: [cells]} of the table whose header is on header_row; and the header."""
    head = [c.value for c in ws[header_row]]
    rows = {}
    for r in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if r[0] is None:
            break
        key = tuple(r[:ndims])
        check(key not in rows, "%s: row %r twice" % (ws.title, key))
        rows[key] = list(r)
    return head, rows


def same(cell, want, where):
    """A cell against a CSV field: '' (hidden or none), an integer or a decimal, which the
    workbook stores as the CSV's six-decimal value itself."""
    if want == "":
        return check(cell is None or cell in MARKS.values(), "%s: %r, want blank" % (where, cell))
    if re.fullmatch(r"-?\d+", want):
        return check(isinstance(cell, (int, float)) and cell == int(want),
                     "%s: %r, want %s" % (where, cell, want))
    return check(isinstance(cell, (int, float)) and cell == float(want),
                 "%s: %r, want %s" % (where, cell, want))


def compare(ws, rows, key, fields, cells, code, where):
    """fields: CSV values; cells: their columns (0-based) in the sheet row; code: the row's
    suppressed code ("0" shown, "1" suppressed, "2" protected)."""
    r = rows.get(key)
    if not check(r is not None, "%s: no row %r (%s)" % (ws.title, key, where)):
        return
    if code != "0":
        check(r[cells[0]] == MARKS[code], "%s %r: code %s but shows %r" % (ws.title, key, code, r[cells[0]]))
        for c in cells[1:]:
            check(not isinstance(r[c], (int, float)), "%s %r: suppressed but shows a number" % (ws.title, key))
        return
    for f, c in zip(fields, cells):
        same(r[c], f, "%s %r col %d" % (ws.title, key, c + 1))


def read_csv(stem):
    path = os.path.join(outdir, "%s-%s.csv" % (stem, period))
    if not os.path.exists(path):
        return None
    return list(csv.DictReader(open(path, encoding="utf-8", newline="")))


FIG = ["respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below",
       "learners_needing"]

# ---- summary: By authority, By role, By topic, Heatmap, Summary headline ----
ha, by_auth = table(S["authority"], 5)
hr, by_role = table(S["role"], 3)
ht, by_topic = table(S["topic"], 3)
hs, skills = table(S["skills"], 3)
if lang == "en":
    check(ha[:12] == ["Authority", "Region", "Role", "Framework", "Topic", "Respondents",
                      "Skills assessed", "Below target", "Total gap (levels)", "Mean gap",
                      "Share below target", "Learners needing training"], "By authority header %r" % ha)
    check(hr[:3] == ["Role", "Framework", "Topic"] and ht[:3] == ["Framework", "Topic", "Region"]
          and hs[:3] == ["Framework", "Topic", "Skill"], "group headers")
summary = [r for r in read_csv("summary") if r["period"] == period]
check(len(summary) > 0, "summary CSV has no current rows")
# a total over the councils that answered says how many, unless every one did
answered = {r["authority"] for r in summary
            if r["authority"] != "*" and r["role"] == "*" and r["topic"] == "*"}
WALES = W["wales"] if len(answered) == len(auth) else W["councils"] % (len(answered), len(auth))
AUTHS = W["auths"] if len(answered) == len(auth) else WALES
heat_rows = {}
hm = S["heatmap"]
topic_cols = {c.value: c.column - 1 for c in hm[4][2:]}
second = None
for r in hm.iter_rows(min_row=5):
    if r[0].value is None:
        continue
    if r[0].value == hm["A4"].value and r[0].row > 5:
        second = r[0].row
        continue
    heat_rows.setdefault(r[0].value, []).append([c.value for c in r])
for row in summary:
    sup = row["suppressed"]
    fields = [row[f] for f in FIG]
    a, p, f, t = row["authority"], row["role"], row["framework"], row["topic"]
    fwn, tn = name(fws, f, W["fws"]), name(topics, t, W["topics"])
    if a != "*":
        key = (auth[a], None, name(roles, p, W["roles"]), fwn, tn)
        key = next((k for k in by_auth if k[0] == key[0] and k[2:] == key[2:]), key)
        compare(S["authority"], by_auth, key, fields, list(range(5, 12)), sup, "summary")
        if p == "*" and t != "*" and check(auth[a] in heat_rows, "heatmap: no %s" % auth[a]):
            grids = heat_rows[auth[a]]
            for g, field in zip(grids, ["mean_gap", "learners_needing"]):
                cell = g[topic_cols[tn]]
                if sup != "0":
                    check(cell == MARKS[sup], "heatmap %s/%s: %r" % (a, t, cell))
                else:
                    same(cell, row[field], "heatmap %s/%s" % (a, t))
    elif p != "*":
        compare(S["role"], by_role, (roles[p], fwn, tn), fields, list(range(3, 10)), sup, "summary")
    else:
        compare(S["topic"], by_topic, (fwn, tn, WALES), fields, list(range(3, 10)), sup, "summary")
        if t == "*":
            check(S["summary"].cell(4, 1).value == WALES, "Summary headline: %r" % S["summary"].cell(4, 1).value)
            head = {S["summary"].cell(r, 1).value: S["summary"].cell(r, 2).value for r in range(5, 10)}
            if sup == "0" and lang == "en":
                same(head["Respondents"], row["respondents"], "Summary respondents")
                same(head["Mean gap"], row["mean_gap"], "Summary mean gap")
                same(head["Share below target"], row["share_below"], "Summary share")
                same(head["Learners needing training"], row["learners_needing"], "Summary learners")
check(second is not None, "heatmap: no second grid")

# every group of the groups CSV (the summary's sets and the others) on its sheet, with the
# skills it rests on: "k of n skills" on a topic row resting on fewer than all its skills
skill_names = {}
for f in cfg["frameworks"]:
    for t in load(f)["topics"]:
        for k in t["skills"]:
            skill_names[k["id"]] = pick(k["name"], k.get("name_cy"))
groups = [r for r in (read_csv("groups") or []) if r["period"] == period]
check(len(groups) >= len(summary), "groups CSV: %d current rows, summary %d" % (len(groups), len(summary)))
partial = intervals = 0
INTERVALS = ["mean_gap_low", "mean_gap_high", "share_below_low", "share_below_high"]
for g in groups:
    a, rg, p, f, t, k = g["authority"], g["region"], g["role"], g["framework"], g["topic"], g["skill"]
    fwn, tn = name(fws, f, W["fws"]), name(topics, t, W["topics"])
    if a != "*":
        ws, rows, nd = S["authority"], by_auth, 5
        key = (auth[a], region(rg), name(roles, p, W["roles"]), fwn, tn)
    elif p != "*":
        ws, rows, nd = S["role"], by_role, 3
        key = (roles[p], fwn, tn)
    elif k != "*":
        ws, rows, nd = S["skills"], skills, 3
        key = (fwn, tn, skill_names[k])
    else:
        ws, rows, nd = S["topic"], by_topic, 3
        key = (fwn, tn, region(rg))
    # the seven figures, then the 95% intervals (blank on a hidden row and for one person)
    compare(ws, rows, key, [g[c] for c in FIG + INTERVALS], list(range(nd, nd + 11)),
            g["suppressed"], "groups")
    r = rows.get(key)
    if r is None:
        continue
    intervals += g["suppressed"] == "0" and g["mean_gap_low"] != ""
    cover = r[nd + 11] if len(r) > nd + 11 else None
    if g["suppressed"] == "0" and t != "*" and int(g["skills_assessed"]) < int(g["skills"]):
        partial += 1
        check(cover == W["skills"] % (int(g["skills_assessed"]), int(g["skills"])),
              "%s %r: coverage %r, groups CSV %s of %s" % (ws.title, key, cover,
                                                          g["skills_assessed"], g["skills"]))
    else:
        check(cover is None, "%s %r: coverage %r on a row resting on every skill" % (ws.title, key, cover))

# number formats
for ws, rows, c in ((S["topic"], by_topic, 3), (S["authority"], by_auth, 5)):
    for r in ws.iter_rows(min_row=5, max_row=6):
        if isinstance(r[c + 4].value, float):
            check(r[c + 4].number_format == "0.00", "%s gap format %s" % (ws.title, r[c + 4].number_format))
            check(r[c + 5].number_format == "0.0%", "%s share format %s" % (ws.title, r[c + 5].number_format))

# ---- planning ----
demand = read_csv("demand")
if demand:
    _, rows = table(S["demand"], 3)
    cols = ["respondents", "learners", "self_directed", "cohort", "to_awareness", "to_working",
            "to_practitioner", "to_expert", "welsh", "english", "either", "unstated"]
    for d in demand:
        key = (topics[d["topic"]], region(d["region"]), name(auth, d["authority"], AUTHS))
        compare(S["demand"], rows, key, [d[c] for c in cols], list(range(3, 15)),
                d["suppressed"], "demand")
    check(len(rows) == len(demand), "demand: %d rows, CSV %d" % (len(rows), len(demand)))

comm = read_csv("commissioning")
costed = False
if comm:
    _, totals = table(S["comm"], 1)
    _, lines = table(S["cohorts"], 3)
    costed = any(c["cost"] != "" for c in comm)
    ntot = nlines = 0
    for c in comm:
        code = c["suppressed"]
        if c["line"] == "total":
            ntot += 1
            key = (name(topics, c["topic"], W["topics"]),)
            r = totals.get(key)
            if check(r is not None, "commissioning: no total %r" % (key,)):
                # places and money: blank in the CSV when protected (cost_suppressed 2), and
                # then the workbook's first such cell is the marker, never a zero
                kept = ["cohorts", "welsh_medium_cohorts", "places", "cohorts_alone", "places_alone"]
                kept += ["saving"] if costed else []
                for f, col in zip(kept, [3, 4, 5, 6, 7, 10]):
                    same(r[col], c[f], "commissioning %r %s" % (key, f))
                if c["cost_suppressed"] != "0":
                    check(r[5] == MARKS[c["cost_suppressed"]] and (not costed or r[8] == MARKS[c["cost_suppressed"]]),
                          "commissioning %r: protected places or costs without the marker" % (key,))
                if code != "0":
                    check(r[1] == MARKS[code] and all(not isinstance(v, (int, float)) for v in [r[2]] + r[8:10]),
                          "commissioning %r: hidden total shows learners or costs" % (key,))
                else:
                    for f, col in zip(["cohort_learners", "self_directed", "cost", "cost_alone"], [1, 2, 8, 9]):
                        if col < len(r):
                            same(r[col], c[f], "commissioning %r %s" % (key, f))
                check(costed or all(v is None for v in r[8:]),
                      "commissioning %r: money columns without costs" % (key,))
        elif c["topic"] != "*":  # the sums over topics by region are for the PDF's table
            nlines += 1
            key = (topics[c["topic"]], W["pool"] if c["line"] == "pool" else region(c["region"]),
                   W[c["medium"]])
            r = lines.get(key)
            if check(r is not None, "cohorts: no line %r" % (key,)):
                # delivery: a pool of two or more regions is online (the CSV's online), a
                # region's cohorts meet in person
                online = c["line"] == "pool" and c["online"] == "1"
                check(r[3] == (pick("Online", "Ar-lein") if online else pick("In person", "Wyneb yn wyneb")),
                      "cohorts %r delivery %r, CSV online %r" % (key, r[3], c["online"]))
                if code != "0":
                    check(r[4] == MARKS[code] and r[6] == MARKS[code],
                          "cohorts %r: hidden learners or places shown" % (key,))
                else:
                    same(r[4], c["cohort_learners"], "cohorts %r learners" % (key,))
                    same(r[6], c["places"], "cohorts %r places" % (key,))
                same(r[5], c["cohorts"], "cohorts %r cohorts" % (key,))
                if costed:
                    same(r[7], c["cost"], "cohorts %r cost" % (key,))
                    same(r[8], c["cost_per_learner"], "cohorts %r cost per learner" % (key,))
                else:
                    check(len(r) == 7, "cohorts %r: a cost column without costs" % (key,))
    check(len(totals) == ntot and len(lines) == nlines, "commissioning row counts")
    # the Welsh-medium table under the totals: floor and potential, each a total row's field
    ws = S["comm"]
    heading = "Darpariaeth cyfrwng Cymraeg" if lang == "cy" else "Welsh-medium provision"
    at = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == heading]
    if check(len(at) == 1, "commissioning: no Welsh-medium table (%r)" % heading):
        _, welsh = table(ws, 1, header_row=at[0] + 2)
        fields = ["welsh_learners_floor", "welsh_learners_potential", "welsh_cohorts_floor",
                  "welsh_cohorts_potential", "welsh_elearning_floor", "welsh_elearning_potential"]
        fields += ["welsh_elearning_cost"] if costed else []
        for c in comm:
            if c["line"] != "total":
                continue
            key = (name(topics, c["topic"], W["topics"]),)
            r = welsh.get(key)
            if check(r is not None, "Welsh-medium: no row %r" % (key,)):
                for col, f in enumerate(fields, 1):
                    if c["suppressed"] != "0" and f not in ("welsh_cohorts_floor", "welsh_cohorts_potential"):
                        check(not isinstance(r[col], (int, float)), "Welsh-medium %r: hidden %s shown" % (key, f))
                    else:
                        same(r[col], c[f], "Welsh-medium %r %s" % (key, f))
        check(len(welsh) == ntot, "Welsh-medium: %d rows, CSV %d totals" % (len(welsh), ntot))
    if costed:
        for r in S["comm"].iter_rows(min_row=5):
            if isinstance(r[8].value, (int, float)):  # the first shown cost
                check("\u00a3" in r[8].number_format, "cost format %s" % r[8].number_format)
                break
    else:  # no price set: no pound sign anywhere in the file, formats and charts included
        z = zipfile.ZipFile(xlsx)
        for n in z.namelist():
            check("\u00a3" not in z.read(n).decode("utf-8", "replace"), "a pound sign in %s" % n)

expect = read_csv("expectations")
if expect:
    ws = S["summary"]
    start = next(r for r in range(1, ws.max_row + 1)
                 if ws.cell(r, 1).value in ("Return on expectations", "Elw ar ddisgwyliadau"))
    for i, e in enumerate(expect):
        r = [c.value for c in ws[start + 2 + i]]
        check(r[0] == titles[e["id"]], "expectation %d title %r" % (i, r[0]))
        same(r[4], e["baseline"], "expectation %s baseline" % e["id"])
        same(r[5], e["target"], "expectation %s target" % e["id"])
        if e["suppressed"] != "0":
            check(r[6] == MARKS[e["suppressed"]] and r[7] is None and r[8] is None,
                  "expectation %s hidden" % e["id"])
        else:
            same(r[6], e["actual"], "expectation %s actual" % e["id"])
            same(r[7], e["progress"], "expectation %s progress" % e["id"])
            check((r[8] or "") == W["rag"].get(e["rag"], ""), "expectation %s rag %r" % (e["id"], r[8]))
            same(r[9], e["respondents"], "expectation %s respondents" % e["id"])
        values = [c for c in e if c.startswith("value_")]  # the metric per period
        for j, c in enumerate(values):
            same(r[10 + j], e[c], "expectation %s %s" % (e["id"], c))
        fill = ws.cell(start + 2 + i, 9).fill.fgColor.rgb
        want = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}.get(e["rag"])
        if want and e["suppressed"] == "0":
            check(fill.endswith(want), "expectation %s fill %s" % (e["id"], fill))
    # the Kirkpatrick levels on Evaluation
    _, ev = table(S["evaluation"], 3)
    for e in expect:
        if e["metric"] in ("satisfaction", "learning_uplift", "applied_rate", "trained_vs_untrained"):
            r = next((v for k, v in ev.items() if k[2] == titles[e["id"]]), None)
            if check(r is not None, "evaluation: no %s" % e["id"]) and e["suppressed"] == "0":
                same(r[5], e["actual"], "evaluation %s actual" % e["id"])
                same(r[8], e["respondents"], "evaluation %s respondents" % e["id"])
                # Level 4's adjusted estimate, its interval, who was compared
                for j, c in enumerate(["adjusted", "ci_low", "ci_high", "n_trained", "n_untrained",
                                       "start_gap_trained", "start_gap_untrained"]):
                    same(r[10 + j] if len(r) > 10 + j else None, e.get(c, ""),
                         "evaluation %s %s" % (e["id"], c))

trends = read_csv("trends")
if trends:
    _, rows = table(S["trends"], 3)
    for t in trends:
        key = (name(auth, t["authority"], WALES), name(topics, t["topic"], W["topics"]), t["period"])
        fields = [t[f] for f in ["respondents", "assessed", "mean_gap", "share_below", "learners_needing",
                                 "change_mean_gap", "change_share_below", "change_learners"]]
        if t["suppressed"] == "0" and t["respondents"] == "":
            fields[0] = "0"  # no group in that period
        compare(S["trends"], rows, key, fields, list(range(3, 11)), t["suppressed"], "trends")
    check(len(rows) == len(trends), "trends: %d rows, CSV %d" % (len(rows), len(trends)))

for stem, sheet, keyf, cols in (
        ("barriers", "barriers", lambda b: (barriers[b["barrier"]],
                                            name(auth, b["authority"], AUTHS)),
         ["respondents", "citing", "share"]),
        ("mentors", "mentors", lambda m: (topics[m["topic"]], region(m["region"])),
         ["respondents", "experts", "learners", "learners_per_expert"]),
        ("raters", "raters", lambda g: (name(topics, g["topic"], W["topics"]),
                                        name(auth, g["authority"], AUTHS)),
         ["respondents", "pairs", "mean_difference"])):
    data = read_csv(stem)
    if not data:
        continue
    _, rows = table(S[sheet], 2)
    for d in data:
        compare(S[sheet], rows, keyf(d), [d[c] for c in cols], list(range(2, 2 + len(cols))),
                d["suppressed"], stem)
    check(len(rows) == len(data), "%s: %d rows, CSV %d" % (stem, len(rows), len(data)))

# ---- priorities and the budget plan ----
prio = read_csv("priorities") or []
_, rows = table(S["priorities"], 2)
for b in prio:
    key = (fws[b["framework"]], topics[b["topic"]])
    r = rows.get(key)
    if check(r is not None, "priorities: no row %r" % (key,)):
        same(r[2], b["weight"], "priorities %r weight" % (key,))
        if b["suppressed"] != "0":
            check(r[3] == MARKS[b["suppressed"]] and not any(isinstance(v, (int, float)) for v in r[4:6]),
                  "priorities %r: hidden but shows %r" % (key, r[3:6]))
        else:
            for f, col in zip(["learners", "mean_gap", "burden"], [3, 4, 5]):
                same(r[col], b[f], "priorities %r %s" % (key, f))
check(len(rows) == len(prio), "priorities: %d rows, CSV %d" % (len(rows), len(prio)))
if HAS_BUDGET:
    LINE = {"total": pick("Total", "Cyfanswm"), "region": pick("Cohorts", "Carfannau"),
            "pool": None, "self_directed": pick("Self-directed learning", "Dysgu hunangyfeiriedig")}
    _, rows = table(S["budget"], 4)
    budget = read_csv("budget")
    for b in budget:
        units = b["units"]
        line = LINE[b["line"]]
        if b["line"] == "pool":  # a pool without cohorts buys places on open courses
            pool = next(c for c in comm if c["topic"] == b["topic"] and c["line"] == "pool"
                        and c["medium"] == b["medium"])
            if pool["cohorts"] == "0":
                line = pick("Places on open courses", "Lleoedd ar gyrsiau agored")
            else:
                line = pick("Cohorts", "Carfannau")
        where = (W["pool"] if b["line"] == "pool" else WALES if b["line"] == "self_directed"
                 else None if b["line"] == "total" else region(b["region"]))
        medium = W[b["medium"]] if b["medium"] != "*" else None
        key = (name(topics, b["topic"], W["topics"]), line, where, medium)
        r = rows.get(key)
        if not check(r is not None, "budget: no row %r" % (key,)):
            continue
        for f, col in zip(["units", "funded", "learners", "reached", "gap", "gap_closed", "gap_left",
                           "cost", "budget", "weight"], range(4, 14)):
            same(r[col] if col < len(r) else None, b[f], "budget %r %s" % (key, f))
        if b["suppressed"] != "0":
            check(r[6] == MARKS[b["suppressed"]], "budget %r: code %s shows %r" % (key, b["suppressed"], r[6]))
    check(len(rows) == len(budget), "budget: %d rows, CSV %d" % (len(rows), len(budget)))

# ---- data quality: counted, never the values ----
# The CSV's reason is the glossary's English of its code; a Welsh workbook shows the
# glossary's Welsh of the same code with the same details, worked out here from the glossary.
GLOSSARY = {}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../docs/glossary.tsv"),
          encoding="utf-8") as f:
    next(f)
    for line in f:
        k, en, cy, _ = line.rstrip("\n").split("\t")
        GLOSSARY[k] = (en, cy)
NOT_TEXT = {GLOSSARY[k][0]: GLOSSARY[k][1] for k in ("dq_not_utf8", "dq_not_win1252", "dq_not_utf16")}


def reason_in(lang, reason, code):
    if lang == "en":
        return reason
    for k, (en, cy) in GLOSSARY.items():
        if k != "dq_" + code and not (k.startswith("dq_" + code + "_") and not k.endswith("_any")):
            continue
        m = re.fullmatch(re.escape(en).replace(re.escape("%s"), "(.*?)"), reason)
        if m:
            args = [NOT_TEXT.get(a, a) for a in m.groups()]
            return re.sub("%s", lambda _: args.pop(0), cy)
    return "no words in the glossary for %r (%s)" % (reason, code)


dq = read_csv("data-quality")
ws = S["dq"]
start = next(r for r in range(1, ws.max_row + 1)
             if ws.cell(r, 1).value in ("Data-quality log", "Log ansawdd data"))
log = [[c.value for c in r][:6] for r in ws.iter_rows(min_row=start + 2)]
log = [r for r in log if r[1] is not None]
if dq is not None and len(dq) <= 100000:
    counts, codes = {}, {}
    for e in dq:  # in order of each count's first entry
        key = (e["file"], int(e["column"]), e["reason"])
        codes[key] = e["code"]
        if key not in counts:
            counts[key] = [0, int(e["line"])]
        counts[key][0] += 1
    check(len(log) == len(counts), "data quality: %d rows, CSV counts %d" % (len(log), len(counts)))
    for (key, (n, first)), r in zip(counts.items(), log):
        check(r[1] == key[0] and (r[2] or 0) == key[1] and r[3] == n and (r[4] or 0) == first
              and r[5] == reason_in(lang, key[2], codes[key]),
              "data quality %r != %r" % (r, (key, reason_in(lang, key[2], codes[key]), n, first)))
    values = {e["value"] for e in dq if e["value"] and not re.fullmatch(r"[0-9.]+", e["value"])}
    for row in ws.iter_rows(values_only=True):
        for v in row:
            check(not (isinstance(v, str) and v in values), "data quality shows a value: %r" % v)

# ---- definitions that follow the configuration ----
def G(key):
    return GLOSSARY[key][1 if lang == "cy" else 0]


def about(label):
    return next((r[1] for r in S["about"].iter_rows(max_col=2, values_only=True) if r[0] == label), None)


# who counts as an expert, composed here from `mentors:` and `rater_policy:` with the
# glossary's words: the About sheet says the same as the Mentors sheet's subtitle
rule = cfg.get("mentors") or {}
level = G("mentors_level_n") % rule["min_level"] if "min_level" in rule else G("mentors_level_top")
share = rule.get("min_share", 1)
part = G("mentors_share_part") % ("%g%%" % (share * 100)) if share < 1 else G("mentors_share_all")
rater = G("mentors_rater_" + cfg.get("rater_policy", "manager_first"))
want = G("mentors_rule") % (level, part, rater)
check(about(G("experts")) == want, "About: experts %r, want %r" % (about(G("experts")), want))
check(S["mentors"].cell(2, 1).value == want, "Mentors: rule %r, want %r" % (S["mentors"].cell(2, 1).value, want))
# share_at_target counts people, not skills: its definition beside each of its rows (the
# Summary's note column, after any note of the row) and on About
define = G("define_share_at_target")
if any(e["metric"] == "share_at_target" for e in expect or []):
    got = about(G("metric_share_at_target"))
    check(got == define[0].upper() + define[1:] + ".", "About: share at target %r" % got)
    ws = S["summary"]
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == G("return_on_expectations"))
    head = [c.value for c in ws[top + 1]]
    for i, e in enumerate(expect):
        note = ws.cell(top + 2 + i, head.index(G("note")) + 1).value or ""
        if e["metric"] == "share_at_target":
            check(note.endswith(define), "expectation %s: note %r lacks the definition" % (e["id"], note))
        else:
            check(define not in note, "expectation %s (%s) defines share at target" % (e["id"], e["metric"]))
else:
    check(about(G("metric_share_at_target")) is None, "About defines share at target, which no expectation uses")

# what the plan's costs are made of, composed here from `commissioning:` with the glossary's
# words: open places are named when they are priced (a pool under cohort_min buys them)
com = cfg.get("commissioning") or {}
got = about(G("cost_and_saving"))
if got != G("costs_not_set"):
    def money(v):
        return "£{:,.0f}".format(v)
    if "cost_per_open_place" in com:
        want = G("define_cost_open") % (money(com["cost_per_cohort"]), money(com["cost_per_open_place"]),
                                        com.get("cohort_min", 8), money(com["cost_per_elearning_learner"]),
                                        com.get("cohort_min", 8))
    else:
        want = G("define_cost") % (money(com["cost_per_cohort"]), money(com["cost_per_elearning_learner"]))
    check(got == want, "About: cost %r, want %r" % (got, want))

# ---- charts ----
z = zipfile.ZipFile(xlsx)
charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
rels = "".join(z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/drawings/_rels/.*\.rels", n))
for c in charts:
    check("../charts/" + os.path.basename(c) in rels, "%s is not drawn on any sheet" % c)
kinds = []
chart_ws = S["chart"]
check(chart_ws.sheet_state == "hidden", "Chart data is not hidden")
for c in charts:
    xml = z.read(c).decode()
    kinds.append("line" if "<c:lineChart>" in xml else
                 re.search(r'<c:barDir val="(\w+)"', xml).group(1) if "<c:barChart>" in xml else "?")
    for ref in re.findall(r"<c:val><c:numRef><c:f>([^<]+)</c:f>", xml):
        sheet, rng = ref.rsplit("!", 1)
        check(sheet.strip("'") == chart_ws.title, "%s plots from %s" % (c, sheet))
        cells = chart_ws[rng.replace("$", "")]
        for row in cells if isinstance(cells, tuple) else ((cells,),):
            for cell in row:
                check(cell.value is None or isinstance(cell.value, (int, float)),
                      "%s plots %r from %s" % (c, cell.value, cell.coordinate))
want = ["bar"] + (["line"] if trends is None or trends else []) + (["col"] if comm and costed else []) + \
       (["bar"] if read_csv("barriers") else [])
check(sorted(kinds) == sorted(want), "charts: %r, want %r" % (kinds, want))
# the plotted gaps are shown topics' mean gaps
for r in chart_ws.iter_rows(min_row=4, max_col=2, values_only=True):
    if r[0] is None:
        break
    shown = [v for k, v in by_topic.items() if k[1] == r[0] and k[2] == WALES]
    check(len(shown) == 1 and shown[0][7] == r[1], "chart gap %r not a shown figure" % (r,))

if FAILS:
    for f in FAILS[:40]:
        print("FAIL:", f)
    print("%d failures" % len(FAILS))
    sys.exit(1)
print("ok")
