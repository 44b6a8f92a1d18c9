# tna validate reports what it would read, per source and period, and writes nothing.
. tests/tools/cli_lib.sh
cp -r tests/cases/analysis "$SCRATCH/case"
before=$(find "$SCRATCH" | sort)
expect_exit 0 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/out" "configuration is valid"
expect_text "$SCRATCH/out" "periods: 2026-Q3 (current)"
expect_text "$SCRATCH/out" "2026-Q3-survey.csv: 9 rows read, 7 accepted, 2 rejected"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: 2 rows read, 2 accepted, 0 rejected"
expect_text "$SCRATCH/out" "data quality: 3 entries"
expect_text "$SCRATCH/out" "2026-Q3-survey.csv:6:2: unknown authority; row left out ('Nowhere')"
after=$(find "$SCRATCH" -not -name out -not -name err | sort)
[ "$before" = "$(echo "$after")" ] || die "validate wrote files"
# a source file missing for a period is reported, not an error
rm "$SCRATCH/case/2026-Q3-managers.csv"
expect_exit 0 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: no file (no data from this source)"
