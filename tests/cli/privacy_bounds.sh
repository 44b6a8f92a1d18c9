# Privacy against bounds (issue 16): no hidden figure of the sample is pinned to one value by
# the additive relations together with bounds a reader knows: every figure a whole number
# >= 0, a hidden row with code 1 holds 1 to min_group_size - 1 respondents and with code 2 at
# least min_group_size, learners <= respondents, assessed <= respondents x the topic's skills,
# ... (solve_suppression.py --bounds lists them). tests/cli/privacy_system.sh asks less: that
# no hidden figure follows from the relations alone.
# Before the protection-interval rule (protect_range in src/analysis/groups.c), 2026-Q2 failed:
# Ceredigion's four code-1 role groups held between them, in 15 of 17 topics, exactly as many
# respondents as there were groups, so each had exactly 1 (92 figures pinned in all). The
# negative control puts that pattern back (the two role groups the rule now hides for it are
# shown again, from the run at min_group_size 1) and the solver must find those figures.
. tests/tools/cli_lib.sh
PY=python3
G=groups-2026-Q3.csv
# none_pinned CONFIG RUN TRUTH SOLVE: runs CONFIG into RUN and nothing hidden into TRUTH,
# solves RUN's groups with bounds into SOLVE; both periods hide something, and pin nothing.
none_pinned() {
  expect_exit 0 "$TNA" run "$1" -o "$2" -q
  run_unhidden "$1" "$3"
  $PY tests/tools/solve_suppression.py "$2/$G" 5 --bounds --verify "$3/$G" >"$4" 2>&1 ||
    { cat "$4" >&2; die "solve_suppression.py ($1)"; }
  for p in 2026-Q2 2026-Q3; do
    grep -Eq "^$p: [0-9]+ groups, [1-9][0-9]* hidden" "$4" || die "$1: $p has nothing hidden"
    grep -q "^$p: 0 hidden figures pinned by bounds$" "$4" ||
      { grep -v '^PINNED' "$4" >&2; grep "^PINNED $p" "$4" | head -20 >&2
        die "$1: $p: hidden figures pinned by bounds"; }
  done
}
none_pinned inputs/tna.yaml "$SCRATCH/run" "$SCRATCH/open-out" "$SCRATCH/solve"
# the rule did act here: Ceredigion's data-analyst and team-manager rows of 2026-Q2 are
# protected (code 2) in some topics
n=$(grep -c '^2026-Q2,Mid Wales,ceredigion,\(data-analyst\|team-manager\),[^,]*,[^,]*,\*,.*,2,,,,$' \
  "$SCRATCH/run/$G")
[ "$n" -ge 15 ] || die "expected Ceredigion's protected role rows in 2026-Q2, found $n"

# negative control: show those protected rows again, with their true figures
$PY - "$SCRATCH/run/$G" "$SCRATCH/open-out/$G" "$SCRATCH/old.csv" <<'PYEOF'
import csv, sys
run, open_, out = sys.argv[1:4]
def key(r): return tuple(r[c] for c in ("period", "authority", "role", "framework", "topic", "skill"))
true = {key(r): r for r in csv.DictReader(open(open_, newline=""))}
rows = list(csv.DictReader(open(run, newline="")))
with open(out, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=rows[0].keys(), lineterminator="\n")
    w.writeheader()
    for r in rows:
        if (r["period"], r["authority"], r["suppressed"]) == ("2026-Q2", "ceredigion", "2") and \
                r["role"] in ("data-analyst", "team-manager") and r["skill"] == "*":
            r = dict(true[key(r)], suppressed="0")
        w.writerow(r)
PYEOF
$PY tests/tools/solve_suppression.py "$SCRATCH/old.csv" 5 --bounds --verify "$SCRATCH/open-out/$G" \
  >"$SCRATCH/solve-old" 2>&1 || { cat "$SCRATCH/solve-old" >&2; die "solve_suppression.py on the control"; }
n=$(sed -n 's/^2026-Q2: \([0-9]*\) hidden figures pinned by bounds$/\1/p' "$SCRATCH/solve-old")
[ "${n:-0}" -ge 60 ] || { grep -v '^PINNED' "$SCRATCH/solve-old" >&2; die "the control pins ${n:-no} figures, expected at least 60"; }
grep -q '^PINNED 2026-Q2 .*ceredigion.*content-designer.*respondents = 1$' "$SCRATCH/solve-old" ||
  die "the control does not pin Ceredigion's content designers at 1 respondent"
# a generated 20,000-staff sample (seed 3), where two relations together pinned 101
# respondent counts and a zero left for two hidden roles' gaps pinned those at 0 (187
# figures in all) before the audit of bounds across relations (audit() in groups.c)
expect_exit 0 "$TNA" sample "$SCRATCH/s20k" --staff 20000 --seed 3
none_pinned "$SCRATCH/s20k/tna.yaml" "$SCRATCH/s20k-run" "$SCRATCH/s20k-out" "$SCRATCH/solve20k"
echo "ok"
