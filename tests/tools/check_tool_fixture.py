#!/usr/bin/env python3
"""check_tool_fixture.py EXPECTED.JSON CONFIG OUTDIR: a run of tna against what the fixture's
generator (make_tool_fixtures.py) worked out from the people it invented.

Checks, in OUTDIR (the reports of `tna run CONFIG -o OUTDIR`):
  - summary-PERIOD.csv has exactly the expected rows (every group figure);
  - barriers-PERIOD.csv has exactly the expected rows (barrier ids, bases, citing, shares);
  - demand-PERIOD.csv's all-Wales row of each topic has the expected Welsh-preferring
    learners;
  - data-quality-PERIOD.csv holds the note "N rows read = A accepted + R rejected + E
    excluded" with the expected counts, exactly the expected problems (line, column, value,
    reason) and the expected notes (excluded rows, an encoding guessed);
  - no personal text (names, and first and last names alone where the export has a column
    for each; emails, staff numbers, comments, typed answers) is in the workbook's XML, the
    PDF's text or any CSV but the data-quality log.
Prints each failure and exits 1 on any.
"""
import csv
import glob
import json
import os
import subprocess
import sys
import zipfile

expected_path, config, out = sys.argv[1:4]
E = json.load(open(expected_path, encoding="utf-8"))[os.path.basename(config)]
FAILS = []


def check(cond, msg):
    if not cond:
        FAILS.append(msg)


def rows_of(stem):
    path = glob.glob(os.path.join(out, stem + "-*.csv"))
    check(len(path) == 1, "no %s CSV" % stem)
    if not path:
        return [], None
    with open(path[0], encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    return lines, path[0]


summary, _ = rows_of("summary")
got = sorted(summary[1:])
want = sorted(E["summary"])
check(got == want, "summary differs:\n  only tna: %s\n  only expected: %s" % (
    sorted(set(got) - set(want))[:5], sorted(set(want) - set(got))[:5]))

barriers, _ = rows_of("barriers")
check(sorted(barriers[1:]) == sorted(E["barriers"]), "barriers differ:\n  tna: %s\n  expected: %s" % (
    sorted(set(barriers[1:]) - set(E["barriers"]))[:6], sorted(set(E["barriers"]) - set(barriers[1:]))[:6]))

demand_lines, demand_path = rows_of("demand")
if demand_path:
    welsh = {r["topic"]: int(r["welsh"]) for r in csv.DictReader(open(demand_path, encoding="utf-8"))
             if r["region"] == "*" and r["authority"] == "*" and r["suppressed"] == "0"}
    for topic, n in E["welsh_learners"].items():
        check(welsh.get(topic) == n, "Welsh-preferring learners in %s: tna %r, expected %d" % (
            topic, welsh.get(topic), n))

_, dq_path = rows_of("data-quality")
problems, notes, counted = [], [], None
if dq_path:
    for r in csv.DictReader(open(dq_path, encoding="utf-8")):
        entry = [int(r["line"]), int(r["column"]), r["value"], r["reason"]]
        if " rows read = " in r["reason"]:
            counted = r["reason"]
        elif r["reason"].startswith("not a response") or "read as Windows-1252" in r["reason"]:
            notes.append(entry)
        else:
            problems.append(entry)
rows = E["rows"]
want_count = "%d rows read = %d accepted + %d rejected + %d excluded" % (
    rows["read"], rows["accepted"], rows["rejected"], rows["excluded"])
check(counted == want_count, "rows: tna %r, expected %r" % (counted, want_count))
check(sorted(problems) == sorted(E["problems"]), "problems differ:\n  tna: %s\n  expected: %s" % (
    sorted(problems), sorted(E["problems"])))
check(sorted(notes) == sorted(E["notes"]), "notes differ:\n  tna: %s\n  expected: %s" % (
    sorted(notes), sorted(E["notes"])))

# personal text: nowhere but the data-quality log
texts = {}
for path in glob.glob(os.path.join(out, "*.csv")):
    if "/data-quality-" not in path:
        texts[os.path.basename(path)] = open(path, encoding="utf-8").read()
for path in glob.glob(os.path.join(out, "*.xlsx")):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                texts[name] = z.read(name).decode("utf-8", "replace")
for path in glob.glob(os.path.join(out, "*.pdf")):
    texts[os.path.basename(path)] = subprocess.run(["pdftotext", path, "-"], capture_output=True,
                                                   check=True).stdout.decode("utf-8", "replace")
check(len(texts) >= 10, "expected the CSVs, the workbook and the PDF, found %d texts" % len(texts))
xml_escape = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
for p in E["personal"]:
    for name, text in texts.items():
        check(p not in text and xml_escape(p) not in text, "%r is in %s" % (p, name))

for f in FAILS:
    print("FAIL:", f)
sys.exit(1 if FAILS else 0)
