# Privacy across files (issue 16): all the files of a run, packs included, solved as one system
# of additive relations leave no hidden figure recoverable.
# 1. the sample runs with --packs; check_packs.py shows every figure of every pack workbook
#    and of the all-Wales workbook is a groups CSV figure with the same hidden status, so the
#    groups CSV holds everything the files show (check_pdf_numbers.py does the same for the
#    PDFs in packs.sh);
# 2. tests/tools/solve_suppression.py takes every relation between the grouping sets of
#    groups-PERIOD.csv, checks each holds exactly on the same run at min_group_size 1, and
#    reduces the hidden figures' system (exact Gaussian elimination): no hidden figure of
#    either period is determined;
# 3. the solver can fail: the run at min_group_size 1 with nine cells of one topic hidden as
#    two 2x2 blocks joined by one cell. Every relation then has 0 or at least 2 hidden
#    figures (a check of single relations passes), yet the joining cell is the sum of two
#    authorities' relations less two roles': the solver must report exactly its five
#    figures, each from more than one relation, with its true value. And a relation that
#    does not hold (one figure changed by 1) is reported.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl, yaml' 2>/dev/null || die "needs python3 with openpyxl and yaml (make test-deps)"
export SOURCE_DATE_EPOCH=1790000000
O="$SCRATCH/run"
G=groups-2026-Q3.csv
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$O" -q --packs
run_unhidden inputs/tna.yaml "$SCRATCH/open-out"

# 1. the packs add no figure
$PY tests/tools/check_packs.py "$O" inputs/tna.yaml >"$SCRATCH/check" 2>&1 ||
  { cat "$SCRATCH/check" >&2; die "check_packs.py"; }

# 2. no hidden figure is determined by the system
$PY tests/tools/solve_suppression.py "$O/$G" 5 --verify "$SCRATCH/open-out/$G" >"$SCRATCH/solve" 2>&1 ||
  { head -60 "$SCRATCH/solve" >&2; die "solve_suppression.py found a recoverable figure or a false relation"; }
# the system is not empty: both periods have hidden figures and relations holding them
for p in 2026-Q2 2026-Q3; do
  grep -Eq "^$p: [0-9]+ groups, [1-9][0-9]* hidden, [1-9][0-9]* unknowns, [0-9]+ relations \([1-9][0-9]* with unknowns, 0 with one\), 0 recoverable$" \
    "$SCRATCH/solve" || { cat "$SCRATCH/solve" >&2; die "$p: no system solved"; }
done

# 3. a figure recoverable only through relations combined is found
$PY - "$SCRATCH/open-out/$G" "$SCRATCH/doctored.csv" "$SCRATCH/broken.csv" >"$SCRATCH/bridge" <<'PY' ||
import csv, sys
from collections import defaultdict
src, doctored, broken = sys.argv[1:]
rows = [r for r in csv.DictReader(open(src, encoding="utf-8", newline="")) if r["period"] == "2026-Q3"]
fields = list(rows[0].keys())
cells = defaultdict(set)  # topic -> (authority, role) with a row
for r in rows:
    if "*" not in (r["authority"], r["role"], r["topic"]) and r["skill"] == "*":
        cells[r["topic"]].add((r["authority"], r["role"]))
pick = None
for t in sorted(cells):
    auths = sorted({a for a, _ in cells[t]})
    roles = sorted({p for _, p in cells[t]})
    full = [p for p in roles if all((a, p) in cells[t] for a in auths[:8])]
    if len(auths) >= 8 and len(full) >= 4:
        a, p = auths, full
        pick = (t, [(a[0], p[0]), (a[0], p[1]), (a[1], p[0]), (a[1], p[1]),
                    (a[2], p[2]), (a[2], p[3]), (a[3], p[2]), (a[3], p[3]), (a[1], p[2])])
        break
assert pick, "no topic with 4 authorities x 4 roles"
topic, hide = pick
FIGS = ("respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below",
        "learners_needing", "skills_assessed", "skills", "mean_gap_low", "mean_gap_high",
        "share_below_low", "share_below_high")
with open(doctored, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        r = dict(r)
        if r["topic"] == topic and r["skill"] == "*" and (r["authority"], r["role"]) in hide:
            r.update({k: "" for k in FIGS})
            r["suppressed"] = "1"
        w.writerow(r)
with open(broken, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        r = dict(r)
        if r["topic"] == topic and r["skill"] == "*" and (r["authority"], r["role"]) == hide[0]:
            r["assessed"] = str(int(r["assessed"]) + 1)
        w.writerow(r)
print("authority %s, role %s, topic %s" % (hide[8][0], hide[8][1], topic))
PY
  die "could not doctor the groups CSV"
bridge=$(cat "$SCRATCH/bridge")
expect_exit 1 $PY tests/tools/solve_suppression.py "$SCRATCH/doctored.csv" 1 --verify "$SCRATCH/open-out/$G"
expect_text "$SCRATCH/out" "2026-Q3: "
grep -Eq "^2026-Q3: [0-9]+ groups, 9 hidden, 45 unknowns, [0-9]+ relations \([1-9][0-9]* with unknowns, 0 with one\), 5 recoverable$" "$SCRATCH/out" ||
  { cat "$SCRATCH/out" >&2; die "the doctored CSV: not 5 of 45 unknowns recoverable, or one relation alone would give one"; }
n=0
for fig in respondents assessed below_target gap_sum learners_needing; do
  grep -Eq "^RECOVERABLE 2026-Q3 $bridge $fig = [0-9]+ from [2-9][0-9]* relation\(s\):$" "$SCRATCH/out" ||
    { cat "$SCRATCH/out" >&2; die "the doctored CSV: $bridge $fig not found through several relations"; }
  n=$((n + 1))
done
[ "$(grep -c '^RECOVERABLE' "$SCRATCH/out")" -eq "$n" ] || { cat "$SCRATCH/out" >&2; die "more recoverable than the joining cell"; }
grep -q 'solved .* but the true figure' "$SCRATCH/out" && { cat "$SCRATCH/out" >&2; die "a wrong value solved"; }
expect_exit 1 $PY tests/tools/solve_suppression.py "$SCRATCH/broken.csv" 1
expect_text "$SCRATCH/out" "relation does not hold on"
expect_text "$SCRATCH/out" "(off by "
echo "ok"
