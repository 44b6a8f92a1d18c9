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

# The PDF shows the adjusted estimate, its interval and who was compared beside the raw
# difference, each as the expectations row has it (rounded half away from zero), and the
# limits; with no effect, "not yet shown"
for c in none effect; do
  pdftotext -enc UTF-8 "$SCRATCH/$c/out/tna-2026-Q3.pdf" - | tr -s ' \n' '  ' >"$SCRATCH/$c.txt"
  python3 - "$SCRATCH/$c.txt" "$SCRATCH/$c/out/expectations-2026-Q3.csv" <<'PY' || die "$c: the PDF's Level 4"
import csv, re, sys
from decimal import ROUND_HALF_UP, Decimal
text = open(sys.argv[1], encoding="utf-8").read()
row = next(r for r in csv.DictReader(open(sys.argv[2])) if r["id"] == "l4")
def gap(field):  # two decimals, half away from zero
    return str(Decimal(row[field]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
def signed(field):  # a difference: "+0.05", "\u22120.05"
    v = gap(field)
    return v.replace("-", "\u2212") if v.startswith("-") else "+" + v if Decimal(v) else v
want = ("Adjusted for the starting gap: %s, 95%% interval %s\u2013%s (raw difference %s); the status "
        "uses the adjusted figure. Compared: %s trained staff starting %s of a level below target "
        "and %s untrained starting %s below" % (
            signed("adjusted"), signed("ci_low"), signed("ci_high"), signed("actual"),
            "{:,}".format(int(row["n_trained"])), gap("start_gap_trained"),
            "{:,}".format(int(row["n_untrained"])), gap("start_gap_untrained")))
if want not in text:
    m = re.search(r"Adjusted for the starting gap:.{0,220}", text)
    sys.exit("want %r\ngot  %r" % (want, m.group(0) if m else None))
for limit in ("(self-selection)", "(self-report)", "(timing)"):
    assert limit in text, "the limits are not stated: no " + limit
PY
done
grep -q "not yet shown: the 95% interval of the adjusted estimate includes 0" "$SCRATCH/none.txt" ||
  die "no effect: the PDF does not say 'not yet shown'"
