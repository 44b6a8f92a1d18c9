# tna validate reports what it would read, per source and period, and writes nothing. A
# missing input file stops validate and run alike (exit 3, naming the file and the fix); the
# run writes no report directory and leaves an earlier report set as it was. With
# `optional: true` on the source both go on without it.
. tests/tools/cli_lib.sh
cp -r tests/cases/analysis "$SCRATCH/case"
before=$(find "$SCRATCH" | sort)
expect_exit 0 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/out" "configuration is valid"
expect_text "$SCRATCH/out" "periods: 2026-Q3 (current)"
expect_text "$SCRATCH/out" "2026-Q3-survey.csv: 9 rows read, 7 accepted, 2 rejected, 0 excluded"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: 2 rows read, 2 accepted, 0 rejected, 0 excluded"
expect_text "$SCRATCH/out" "data quality: 5 entries, 3 of them problems"
expect_text "$SCRATCH/out" "2026-Q3-survey.csv:6:2: unknown authority; row left out ('Nowhere')"
after=$(find "$SCRATCH" -not -name out -not -name err | sort)
[ "$before" = "$(echo "$after")" ] || die "validate wrote files"
# a report set from when every file was there, to see that a failed run leaves it alone
expect_exit 0 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports" -q
set_before=$(readlink "$SCRATCH/reports")
sum_before=$(cd "$SCRATCH/reports" && cat ./* | cksum)
# a source file missing for a period is an error (exit 3) naming the file and the fix, for
# validate and for run ...
rm "$SCRATCH/case/2026-Q3-managers.csv"
missing="$SCRATCH/case/2026-Q3-managers.csv: no such file for source 'managers': check its path, or add 'optional: true'"
expect_exit 3 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/err" "$missing"
expect_exit 3 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/fresh"
expect_text "$SCRATCH/err" "$missing"
[ ! -e "$SCRATCH/fresh" ] && [ ! -e "$(set_home "$SCRATCH/fresh")" ] ||
  die "a run that stopped on a missing file left a report directory"
expect_exit 3 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports"
expect_text "$SCRATCH/err" "$missing"
[ "$(readlink "$SCRATCH/reports")" = "$set_before" ] || die "a failed run replaced the report set"
[ "$(cd "$SCRATCH/reports" && cat ./* | cksum)" = "$sum_before" ] ||
  die "a failed run changed the earlier report set"
expect_no_litter "$SCRATCH/reports"
# ... unless the source says it is optional
sed -i 's/^  - name: managers$/  - name: managers\n    optional: true/' "$SCRATCH/case/tna.yaml"
grep -q "optional: true" "$SCRATCH/case/tna.yaml" || die "the case has no managers source"
expect_exit 0 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: no file (optional; no data from this source)"
expect_exit 0 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/reports"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: no file (optional; no data from this source)"
[ "$(readlink "$SCRATCH/reports")" != "$set_before" ] || die "the optional source's run kept the old set"
[ -s "$SCRATCH/reports/summary-2026-Q3.csv" ] || die "the optional source's run wrote no summary"
