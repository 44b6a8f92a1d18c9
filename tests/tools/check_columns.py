#!/usr/bin/env python3
"""check_columns.py GLOSSARY CONFIG DIR...: every CSV column tna wrote has its Welsh and
English description in the glossary, and the glossary describes nothing tna did not write.

Reads the header of every *.csv in each DIR (a run's, a merge's report set). A file
FILE-PERIOD.csv (PERIOD the configuration's current period) needs the term csvfile_FILE
(FILE with _ for -); each of its columns NAME needs column_FILE_NAME, or else the shared
column_NAME. Columns named after the run are looked up as their family: value_P for a period
P of the configuration is value_period, v1, v2, ... are v_n. Each term needs an English and
a Welsh text, and the Welsh must not be the English. The other way round: every csvfile_
term names a file that was written and every column_ term a column that was, and a shared
term is used by two files at least (one file's column is its own term).
Prints every problem, then "N files, M columns"; exits 1 on a problem.
"""
import csv
import glob
import os
import re
import sys

import yaml

glossary, config, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
terms = {}
with open(glossary, encoding="utf-8") as f:
    next(f)
    for line in f:
        key, en, cy, _ = line.rstrip("\n").split("\t")
        terms[key] = (en, cy)
periods = yaml.safe_load(open(config, encoding="utf-8"))["periods"]
current = periods[-1]

problems = []
used = set()
users = {}  # shared key -> files using it
n_files = n_columns = 0


def need(key, what):
    if key not in terms:
        problems.append("%s: no glossary term %s" % (what, key))
        return False
    en, cy = terms[key]
    if not en.strip() or not cy.strip() or en == cy:
        problems.append("%s: term %s needs an English and a different Welsh text" % (what, key))
    used.add(key)
    return True


for d in dirs:
    paths = sorted(glob.glob(os.path.join(d, "*.csv")))
    if not paths:
        problems.append("%s: no CSV file" % d)
    for path in paths:
        base = os.path.basename(path)
        m = re.fullmatch(r"(.+)-%s\.csv" % re.escape(current), base)
        if not m:
            problems.append("%s: not named FILE-%s.csv" % (path, current))
            continue
        stem = m.group(1).replace("-", "_")
        n_files += 1
        need("csvfile_" + stem, base)
        with open(path, encoding="utf-8", newline="") as fp:
            header = next(csv.reader(fp))
        for name in header:
            n_columns += 1
            norm = name
            if any(name == "value_" + p for p in periods):
                norm = "value_period"
            elif re.fullmatch(r"v[0-9]+", name):
                norm = "v_n"
            if not re.fullmatch(r"[a-z][a-z0-9_]*", norm):
                problems.append("%s: column %r is not lower_snake_case" % (base, name))
                continue
            own = "column_%s_%s" % (stem, norm)
            if own in terms:
                need(own, "%s: column %s" % (base, name))
            elif need("column_" + norm, "%s: column %s" % (base, name)):
                users.setdefault("column_" + norm, set()).add(stem)

for key in terms:
    if key.startswith(("column_", "csvfile_")) and key not in used:
        problems.append("%s: %s describes a file or column no run here wrote" % (glossary, key))
for key, stems in sorted(users.items()):
    if len(stems) < 2:
        problems.append("%s: %s is shared but only %s has it: make it column_%s_%s"
                        % (glossary, key, " ".join(stems), min(stems), key[len("column_"):]))
for p in problems:
    print(p)
print("%d files, %d columns" % (n_files, n_columns))
sys.exit(1 if problems else 0)
