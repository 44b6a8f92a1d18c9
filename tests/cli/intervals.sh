# The 95% intervals of groups-PERIOD.csv (docs/method.md, "Intervals"), worked out without
# tna: tests/tools/groups_oracle.py computes the whole file of the intervals case (twelve
# staff; answers as tests/cases/intervals/resolved-answers.csv writes them, one per
# person) with the intervals of tests/tools/intervals_oracle.py, whose t quantiles come from
# the closed-form distribution function, and the file must be the same byte for byte. One
# group is worked by hand in tests/unit/test_intervals.c. Then the privacy rule: at a
# threshold of 3 a hidden group has no interval, and neither has a group of one person.
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" run tests/cases/intervals/tna.yaml -o "$SCRATCH/o" -q
python3 tests/tools/groups_oracle.py tests/cases/intervals/tna.yaml \
  tests/cases/intervals/resolved-answers.csv 2026-Q3 >"$SCRATCH/want.csv" || die "groups_oracle.py"
cmp "$SCRATCH/want.csv" "$SCRATCH/o/groups-2026-Q3.csv" ||
  { diff "$SCRATCH/want.csv" "$SCRATCH/o/groups-2026-Q3.csv"; die "intervals differ from the independent computation"; }
# authority a1, topic t1, as worked by hand
grep -q '^2026-Q3,North,a1,\*,fw,t1,\*,6,10,6,9,0.900000,0.600000,4,2,2,0,0.166776,1.633224,0.190886,0.905098$' \
  "$SCRATCH/o/groups-2026-Q3.csv" || die "a1 x t1 is not as worked by hand"

C="$PWD/tests/cases"
sed -e 's/min_group_size: 1/min_group_size: 3/' -e "s|\.\./|$C/|g" \
  -e "s|\"{period}-survey.csv\"|\"$C/intervals/{period}-survey.csv\"|" \
  tests/cases/intervals/tna.yaml > "$SCRATCH/k3.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/k3.yaml" -o "$SCRATCH/k3" -q
python3 - "$SCRATCH/k3/groups-2026-Q3.csv" <<'PY' || die "an interval beside a hidden figure"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
bounds = ("mean_gap_low", "mean_gap_high", "share_below_low", "share_below_high")
hidden = [r for r in rows if r["suppressed"] != "0"]
assert hidden, "nothing hidden at 3"
for r in hidden:
    assert all(r[b] == "" for b in bounds), r
for r in rows:
    if r["suppressed"] == "0":
        assert all(r[b] != "" for b in bounds), r  # shown groups have at least 3 people
        assert float(r["mean_gap_low"]) <= float(r["mean_gap"]) <= float(r["mean_gap_high"]), r
        assert float(r["share_below_low"]) <= float(r["share_below"]) <= float(r["share_below_high"]), r
PY
