# Primary and secondary suppression on the oracle dataset at several thresholds: nothing
# under the threshold is shown, and no hidden figure can be recovered by subtraction.
. tests/tools/cli_lib.sh
cp -r tests/cases/oracle "$SCRATCH/case"
for k in 5 10 25; do
  sed "s/min_group_size: 1/min_group_size: $k/" tests/cases/oracle/tna.yaml > "$SCRATCH/case/tna.yaml"
  expect_exit 0 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/o$k" -q
  python3 tests/tools/check_suppression.py "$SCRATCH/o$k/summary-2026-Q3.csv" "$k" || die "k=$k"
  # suppression did happen (the check would be empty otherwise)
  grep -q ',1$' "$SCRATCH/o$k/summary-2026-Q3.csv" || die "k=$k suppressed nothing"
done
# The checker itself catches a total shown beside exactly one hidden part.
cat > "$SCRATCH/bad.csv" <<'CSV'
period,authority,role,framework,topic,respondents,assessed,below_target,gap_sum,mean_gap,share_below,learners_needing,suppressed
P,*,*,*,*,12,40,10,12,0.300000,0.250000,8,0
P,a1,*,*,*,9,30,8,9,0.300000,0.266667,6,0
P,a2,*,*,*,,,,,,,,1
CSV
if python3 tests/tools/check_suppression.py "$SCRATCH/bad.csv" 5 >/dev/null; then die "checker missed a recoverable figure"; fi
# ... and a hidden total beside all of its parts shown.
cat > "$SCRATCH/bad2.csv" <<'CSV'
period,authority,role,framework,topic,respondents,assessed,below_target,gap_sum,mean_gap,share_below,learners_needing,suppressed
P,*,*,*,*,,,,,,,,1
P,a1,*,*,*,9,30,8,9,0.300000,0.266667,6,0
P,a2,*,*,*,7,20,4,5,0.250000,0.200000,3,0
CSV
if python3 tests/tools/check_suppression.py "$SCRATCH/bad2.csv" 5 >/dev/null; then die "checker missed a total recoverable by addition"; fi
