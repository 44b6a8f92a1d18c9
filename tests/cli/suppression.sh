# Primary and secondary suppression on the oracle dataset at several thresholds: nothing
# under the threshold is shown, no hidden figure can be recovered by subtraction, and each
# hidden row says why against the peers' unsuppressed figures (expected-summary.csv, written
# by DuckDB at min_group_size 1): 1 (suppressed) exactly for the groups of fewer than k
# respondents, 2 (protected) for the larger groups hidden by the secondary rule.
. tests/tools/cli_lib.sh
cp -r tests/cases/oracle "$SCRATCH/case"
for k in 5 10 25; do
  sed "s/min_group_size: 1/min_group_size: $k/" tests/cases/oracle/tna.yaml > "$SCRATCH/case/tna.yaml"
  expect_exit 0 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/o$k" -q
  python3 tests/tools/check_suppression.py "$SCRATCH/o$k/summary-2026-Q3.csv" "$k" \
    tests/cases/oracle/expected-summary.csv || die "k=$k"
  # both kinds of hiding did happen (the checks would be empty otherwise)
  grep -q ',1$' "$SCRATCH/o$k/summary-2026-Q3.csv" || die "k=$k suppressed nothing"
  grep -q ',2$' "$SCRATCH/o$k/summary-2026-Q3.csv" || die "k=$k protected nothing"
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
# ... and a protected group labelled as suppressed ("fewer than"), and a small one as protected.
cat > "$SCRATCH/truth.csv" <<'CSV'
period,authority,role,framework,topic,respondents,assessed,below_target,gap_sum,mean_gap,share_below,learners_needing,suppressed
P,*,*,*,*,16,50,12,14,0.280000,0.240000,10,0
P,a1,*,*,*,9,30,8,9,0.300000,0.266667,6,0
P,a2,*,*,*,5,15,3,4,0.266667,0.200000,3,0
P,a3,*,*,*,2,5,1,1,0.200000,0.200000,1,0
CSV
cat > "$SCRATCH/codes.csv" <<'CSV'
period,authority,role,framework,topic,respondents,assessed,below_target,gap_sum,mean_gap,share_below,learners_needing,suppressed
P,*,*,*,*,16,50,12,14,0.280000,0.240000,10,0
P,a1,*,*,*,9,30,8,9,0.300000,0.266667,6,0
P,a2,*,*,*,,,,,,,,2
P,a3,*,*,*,,,,,,,,1
CSV
python3 tests/tools/check_suppression.py "$SCRATCH/codes.csv" 5 "$SCRATCH/truth.csv" >/dev/null ||
  die "checker refused right codes"
sed 's/,,,,,,,,2$/,,,,,,,,1/' "$SCRATCH/codes.csv" > "$SCRATCH/bad3.csv"
if python3 tests/tools/check_suppression.py "$SCRATCH/bad3.csv" 5 "$SCRATCH/truth.csv" >/dev/null; then die "checker missed a protected group said to be fewer than 5"; fi
sed 's/,,,,,,,,1$/,,,,,,,,2/' "$SCRATCH/codes.csv" > "$SCRATCH/bad4.csv"
if python3 tests/tools/check_suppression.py "$SCRATCH/bad4.csv" 5 "$SCRATCH/truth.csv" >/dev/null; then die "checker missed a small group called protected"; fi
exit 0
