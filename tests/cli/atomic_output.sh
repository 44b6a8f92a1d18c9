# Reports appear together or not at all: a failed run leaves the last good reports intact.
. tests/tools/cli_lib.sh
cp -r tests/cases/analysis "$SCRATCH/case"
expect_exit 0 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports" -q
cp "$SCRATCH/reports/summary-2026-Q3.csv" "$SCRATCH/good.csv"
# 1. a broken input (unterminated quote): exit 3, file:line:col, nothing written
printf '010,a1,r1,2026-07-05 10:00,"Working,None,None,None\n' >> "$SCRATCH/case/2026-Q3-survey.csv"
expect_exit 3 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports" -q
expect_text "$SCRATCH/err" "2026-Q3-survey.csv:11:"
cmp "$SCRATCH/reports/summary-2026-Q3.csv" "$SCRATCH/good.csv" || die "earlier report damaged"
expect_no_litter "$SCRATCH/reports"
# 2. an output directory that cannot be written: exit 3, the earlier reports untouched
cp tests/cases/analysis/2026-Q3-survey.csv "$SCRATCH/case/"
if [ "$(id -u)" != 0 ]; then
  chmod a-w "$SCRATCH/reports"
  expect_exit 3 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports" -q
  chmod u+w "$SCRATCH/reports"
fi
# (root ignores permissions, so also use a path under a regular file)
expect_exit 3 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/good.csv/sub" -q
expect_text "$SCRATCH/err" "cannot write reports to $SCRATCH/good.csv/sub: Not a directory"
cmp "$SCRATCH/reports/summary-2026-Q3.csv" "$SCRATCH/good.csv" || die "earlier report damaged"
