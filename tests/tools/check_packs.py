#!/usr/bin/env python3
"""check_packs.py OUTDIR CONFIG: the packs of `tna run --packs` show the run's figures, no others.

OUTDIR holds one run's report set: the CSVs, tna-PERIOD.xlsx and packs/ID/tna-ID-PERIOD.xlsx
(ID a council's id or a region's name in lower case with hyphens). For the all-Wales workbook
and every pack workbook, every row of the By authority and By topic sheets and every cell of
the Heatmap's mean-gap grid is looked up, by the names it shows, in groups-PERIOD.csv:

  - the group must have a row there (a figure no CSV row holds would be a new figure);
  - a hidden row ("fewer than K" or "protected") must be hidden in the CSV with that code
    (1 or 2), and a shown row shown (0) with the same seven figures (decimals at the CSV's
    six places).

So the figures of every file are a subset of the groups CSV's, each hidden where the CSV
hides it; docs/packs.md says why that keeps every suppressed figure unrecoverable. Each pack
must also name its council or region and hold that place's own rows (By authority for a
council, By topic for a region), and only rows of its place, its region and Wales.
Prints "ok: ..." or each failure; exit 1 on failure.
"""
import csv
import glob
import os
import re
import sys

import openpyxl
import yaml

outdir, config = sys.argv[1], sys.argv[2]
base = os.path.dirname(config)
cfg = yaml.safe_load(open(config, encoding="utf-8"))
FAILS = []


def load(rel):
    return yaml.safe_load(open(os.path.join(base, rel), encoding="utf-8"))


auth, region_of, fw, topic, role = {}, {}, {}, {}, {}
for a in load(cfg["authorities"])["authorities"]:
    auth[a["name"]] = a["id"]
    region_of[a["id"]] = a["region"]
for r in load(cfg["roles"])["roles"]:
    role[r["name"]] = r["id"]
for f in cfg["frameworks"]:
    y = load(f)
    fw[y["name"]] = y["id"]
    for t in y["topics"]:
        topic[t["name"]] = t["id"]
ALL = {"All roles", "All frameworks", "All topics", "All Wales", None}
period = re.fullmatch(r"tna-(.+)\.xlsx", os.path.basename(glob.glob(os.path.join(outdir, "tna-*.xlsx"))[0])).group(1)
K = cfg.get("privacy", {}).get("min_group_size", 5)
FIGS = ["respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below", "learners_needing"]
groups = {}
for r in csv.DictReader(open(os.path.join(outdir, "groups-%s.csv" % period), encoding="utf-8", newline="")):
    if r["period"] == period:
        groups[(r["region"], r["authority"], r["role"], r["framework"], r["topic"], r["skill"])] = r


def key_of(names, table):
    return "*" if names in ALL else table[names]


def same_figures(cells, row, where):
    """cells: the seven figure cells; row: its CSV row."""
    code = row["suppressed"]
    marker = {"1": "fewer than %d" % K, "2": "protected"}
    if code != "0":
        ok = isinstance(cells[0], str) and cells[0].startswith(marker[code]) and \
            all(c is None for c in cells[1:])
        if not ok:
            FAILS.append("%s: hidden (code %s) in the CSV but shows %r" % (where, code, cells))
        return
    for c, f in zip(cells, FIGS):
        want = float(row[f]) if "." in row[f] else int(row[f])
        if not isinstance(c, (int, float)) or abs(c - want) > 5e-7:
            FAILS.append("%s: %s is %r, the CSV says %s" % (where, f, c, row[f]))
            return


def rows(ws, first=5):
    return [r for r in ws.iter_rows(min_row=first, values_only=True) if r[0] is not None]


def check(path):
    wb = openpyxl.load_workbook(path)
    seen = {"authorities": set(), "regions": set(), "figures": 0}
    for r in rows(wb["By authority"]):
        a = auth[r[0]]
        k = (region_of[a], a, key_of(r[2], role), key_of(r[3], fw), key_of(r[4], topic), "*")
        row = groups.get(k)
        if row is None:
            FAILS.append("%s: By authority row %s has no row in the groups CSV" % (path, k))
            continue
        same_figures(r[5:12], row, "%s: By authority %s" % (path, k))
        seen["authorities"].add(a)
        seen["figures"] += 7
    for r in rows(wb["By topic"]):
        g = "*" if r[2] == "All Wales" else r[2]
        k = (g, "*", "*", key_of(r[0], fw), key_of(r[1], topic), "*")
        row = groups.get(k)
        if row is None:
            FAILS.append("%s: By topic row %s has no row in the groups CSV" % (path, k))
            continue
        same_figures(r[3:10], row, "%s: By topic %s" % (path, k))
        if g != "*":
            seen["regions"].add(g)
        seen["figures"] += 7
    ws = wb["Heatmap"]
    head = next(ws.iter_rows(min_row=4, max_row=4, values_only=True))
    for r in ws.iter_rows(min_row=5, values_only=True):
        if r[0] is None:
            break  # the grid ends at its first blank row
        a = "*" if r[0] == "All Wales" else auth[r[0]]
        for name, cell in zip(head[2:], r[2:]):
            t = "*" if name == "All topics" else topic[name]
            k = ("*" if a == "*" else region_of[a], a, "*", "*" if t == "*" else
                 next(g[3] for g in groups if g[4] == t), t, "*")
            row = groups.get(k)
            if cell is None:
                if row is not None:
                    FAILS.append("%s: Heatmap %s blank but the CSV has figures" % (path, k))
                continue
            if row is None:
                FAILS.append("%s: Heatmap cell %s has no row in the groups CSV" % (path, k))
            elif row["suppressed"] != "0":
                if not (isinstance(cell, str) and cell.startswith({"1": "fewer than", "2": "protected"}[row["suppressed"]])):
                    FAILS.append("%s: Heatmap %s hidden in the CSV, shows %r" % (path, k, cell))
            elif not isinstance(cell, float) or abs(cell - float(row["mean_gap"])) > 5e-7:
                FAILS.append("%s: Heatmap %s is %r, the CSV says %s" % (path, k, cell, row["mean_gap"]))
            seen["figures"] += 1
    return seen


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


whole = check(os.path.join(outdir, "tna-%s.xlsx" % period))
answered = sorted({k[1] for k, r in groups.items() if k[1] != "*" and k[2:] == ("*", "*", "*", "*")})
regions = sorted({k[0] for k, r in groups.items() if k[0] != "*" and k[1:] == ("*", "*", "*", "*", "*")})
want = {a: ("council", a) for a in answered}
want.update({slug(g): ("region", g) for g in regions})
packs = sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(outdir, "packs", "*", "*.xlsx")))
if packs != sorted(want):
    FAILS.append("packs %s, want one per council with respondents and per region: %s" % (packs, sorted(want)))
figures = whole["figures"]
for pid in packs:
    kind, place = want.get(pid, (None, None))
    path = os.path.join(outdir, "packs", pid, "tna-%s-%s.xlsx" % (pid, period))
    if not os.path.exists(path.replace(".xlsx", ".pdf")):
        FAILS.append("%s: no PDF beside the workbook" % path)
    seen = check(path)
    figures += seen["figures"]
    if kind == "council":
        if seen["authorities"] != {place}:
            FAILS.append("%s: councils %s, want %s alone" % (path, seen["authorities"], place))
        if seen["regions"] - {region_of[place]}:
            FAILS.append("%s: regions %s beside %s" % (path, seen["regions"], place))
    elif kind == "region":
        if place not in seen["regions"] or seen["regions"] != {place}:
            FAILS.append("%s: regions %s, want %s" % (path, seen["regions"], place))
        if any(region_of[a] != place for a in seen["authorities"]):
            FAILS.append("%s: a council outside %s" % (path, place))
for f in FAILS[:40]:
    print(f)
if FAILS:
    print("%d problems" % len(FAILS))
    sys.exit(1)
print("ok: %d packs and the all-Wales workbook, %d figures, each a groups CSV figure with its hidden status"
      % (len(packs), figures))
