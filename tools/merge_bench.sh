#!/bin/sh
# Merge speed (issue 16): 400 councils' counts files merged by `tna merge`, timed.
#
# A national body merging every UK council's counts needs one configuration naming all the
# councils. This script makes one of 400 councils in 12 regions (the sample's frameworks and
# roles), and 400 counts files for it: a 20,000-staff sample is run once with
# --export-counts, and council i gets the rows of the sample's council i mod 22, renamed (the
# number of rows a council's file has depends on roles and skills, not on its staff). It then
# runs `tna merge` RUNS times (default 5) with TNA_TIMING=1 and prints min/median/max of the
# merge stage (reading and adding the 400 files), of the analysis (suppression and planning
# over 400 councils) and of the whole command (which also writes the CSVs, the workbook and
# a PDF with a page per council). Not a test: timings never go in tests.
#
# Usage: tools/merge_bench.sh [TNA] (default build/tna); WORK (default $TMPDIR/tna-merge-bench)
set -e
tna=${1:-build/tna}
work=${WORK:-${TMPDIR:-/tmp}/tna-merge-bench}
runs=${RUNS:-5}
rm -rf "$work"
mkdir -p "$work"
"$tna" sample "$work/sample" --staff 20000 --seed 3 >/dev/null
"$tna" run "$work/sample/tna.yaml" -o "$work/sample-out" -q --export-counts
python3 - "$work" <<'PY'
import csv, os, shutil, sys
w = sys.argv[1]
src = os.path.join(w, "sample")
nat = os.path.join(w, "national")
shutil.copytree(src, nat, ignore=shutil.ignore_patterns("*.csv"))
with open(os.path.join(nat, "authorities.yaml"), "w") as f:
    f.write("authorities:\n")
    for i in range(400):
        f.write("  - {id: c%03d, name: Council %d, name_cy: Cyngor %d, region: Region %d}\n"
                % (i, i, i, i % 12))
for p in ("2026-Q2", "2026-Q3"):  # empty inputs: a run that gives the definitions hash
    os.makedirs(os.path.join(nat, p), exist_ok=True)
    for name in os.listdir(os.path.join(src, p)):
        with open(os.path.join(src, p, name), encoding="utf-8-sig") as a, \
             open(os.path.join(nat, p, name), "w", encoding="utf-8") as b:
            b.write(a.readline())
PY
"$tna" run "$work/national/tna.yaml" -o "$work/national-out" -q --export-counts
python3 - "$work" <<'PY'
import csv, os, sys
w = sys.argv[1]
rows = list(csv.reader(open(os.path.join(w, "sample-out", "counts-2026-Q3.csv"), encoding="utf-8")))
nat = list(csv.reader(open(os.path.join(w, "national-out", "counts-2026-Q3.csv"), encoding="utf-8")))
meta = [r for r in nat if r[0] == "meta"]
import yaml
welsh = [a["id"] for a in yaml.safe_load(open(os.path.join(w, "sample", "authorities.yaml")))["authorities"]]
by = {a: [r for r in rows[1:] if r[0] != "meta" and r[2] == a] for a in welsh}
common = [r for r in rows[1:] if r[0] not in ("meta",) and r[2] == ""]
os.makedirs(os.path.join(w, "counts"), exist_ok=True)
for i in range(400):
    with open(os.path.join(w, "counts", "c%03d.csv" % i), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(rows[0])
        out.writerows(meta)
        out.writerows(r[:2] + ["c%03d" % i] + r[3:] for r in by[welsh[i % 22]])
        out.writerows(common)
print("400 counts files, %d rows in all" % sum(1 + len(meta) + len(by[welsh[i % 22]]) + len(common) for i in range(400)))
PY
i=0
: >"$work/times"
while [ $i -lt "$runs" ]; do
  s=$(date +%s.%N)
  TNA_TIMING=1 "$tna" merge "$work/national/tna.yaml" "$work"/counts/c*.csv -o "$work/merged" -q 2>"$work/timing"
  e=$(date +%s.%N)
  m=$(awk '$2 == "merge" {print $3}' "$work/timing")
  a=$(awk '$2 == "analyse" {print $3}' "$work/timing")
  echo "$m $a $(echo "$e - $s" | bc)" >>"$work/times"
  i=$((i + 1))
done
python3 - "$work/times" <<'PY'
import statistics, sys
t = [list(map(float, l.split())) for l in open(sys.argv[1])]
for k, name in enumerate(("read and add 400 counts files", "analysis of the sum", "whole tna merge")):
    v = sorted(r[k] for r in t)
    print("%-32s min %.3f s  median %.3f s  max %.3f s  (%d runs)" % (name, v[0], statistics.median(v), v[-1], len(v)))
PY
