# Level 4 (trained against untrained) on generated data (tests/tools/level4.py): the raw
# difference, the adjusted estimate, its 95% interval, the groups' sizes and starting gaps
# equal an independent computation to 6 decimals; where training does nothing but the
# people with the largest gaps were trained, the raw difference looks like an effect (it
# would have been green) yet the adjusted interval holds 0 and the status is not green;
# where training works, the interval excludes 0.
. tests/tools/cli_lib.sh
check() { # DIR EFFECT: generate, run, compare; leaves the row as $SCRATCH/row.json
  python3 tests/tools/level4.py gen "$1" --seed 1 --people 600 --effect "$2"
  expect_exit 0 "$TNA" run "$1/tna.yaml" -o "$1/out" -q
  python3 tests/tools/level4.py expect "$1" > "$1/expected"
  python3 - "$1/out/expectations-2026-Q3.csv" "$1/expected" > "$SCRATCH/row" <<'PY' || die "$1: Level 4 differs"
import csv, sys
row = next(r for r in csv.DictReader(open(sys.argv[1])) if r["id"] == "l4")
want = open(sys.argv[2]).read().strip().split(",")
cols = ["actual", "adjusted", "ci_low", "ci_high", "n_trained", "n_untrained",
        "start_gap_trained", "start_gap_untrained"]
got = [row[c] for c in cols]
if got != want:
    sys.exit("got      %s\nexpected %s" % (got, want))
print(row["actual"], row["adjusted"], row["ci_low"], row["ci_high"], row["rag"], row["progress"],
      row["note"], sep="|")
PY
}
check "$SCRATCH/none" 0
IFS='|' read -r raw adjusted low high rag progress note < "$SCRATCH/row"
# the raw difference beats the target (-0.2 from 0): the old status would have been green
python3 -c "import sys; sys.exit(0 if float('$raw') <= -0.2 else 1)" ||
  die "no effect: the raw difference $raw does not look like an effect"
python3 -c "import sys; sys.exit(0 if float('$low') <= 0 <= float('$high') else 1)" ||
  die "no effect: the adjusted interval $low .. $high excludes 0"
[ "$rag" != green ] || die "no effect: the status is green"
[ "$note" = "not yet shown: the 95% interval of the adjusted estimate includes 0" ] ||
  die "no effect: note '$note'"

check "$SCRATCH/effect" 0.25
IFS='|' read -r raw adjusted low high rag progress note < "$SCRATCH/row"
python3 -c "import sys; sys.exit(0 if float('$high') < 0 else 1)" ||
  die "real effect: the adjusted interval $low .. $high holds 0"
[ "$rag" = green ] || die "real effect: status '$rag' (adjusted $adjusted against -0.2)"
