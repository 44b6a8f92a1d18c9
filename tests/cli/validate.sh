# tna validate reports what it would read, per source and period, and writes nothing.
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
# a source file missing for a period is an error (exit 3) naming the file and the fix ...
rm "$SCRATCH/case/2026-Q3-managers.csv"
expect_exit 3 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/err" "2026-Q3-managers.csv: no such file for source 'managers': check its path, or add 'optional: true'"
# ... unless the source says it is optional
sed -i 's/^  - name: managers$/  - name: managers\n    optional: true/' "$SCRATCH/case/tna.yaml"
grep -q "optional: true" "$SCRATCH/case/tna.yaml" || die "the case has no managers source"
expect_exit 0 "$TNA" validate "$SCRATCH/case/tna.yaml"
expect_text "$SCRATCH/out" "2026-Q3-managers.csv: no file (optional; no data from this source)"
