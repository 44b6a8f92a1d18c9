# A hand-computed case (tests/cases/analysis, worked out in expected-summary.csv):
# duplicates (the later submission wins; a blank later answer keeps the earlier one; a
# missing time counts as earliest), manager_first raters from a long source, targets set
# per framework, topic and skill (0 = not required), aliases, rejected rows left out.
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/o" -q
cmp "$SCRATCH/o/summary-2026-Q3.csv" tests/cases/analysis/expected-summary.csv ||
  { diff "$SCRATCH/o/summary-2026-Q3.csv" tests/cases/analysis/expected-summary.csv; die "summary differs"; }
dq="$SCRATCH/o/data-quality-2026-Q3.csv"
expect_text "$dq" "tests/cases/analysis/2026-Q3-survey.csv,6,2,Nowhere,unknown authority; row left out"
expect_text "$dq" "tests/cases/analysis/2026-Q3-survey.csv,7,3,Boss,unknown role; row left out"
expect_text "$dq" "tests/cases/analysis/2026-Q3-survey.csv,8,5,Not sure,unrecognised answer for skill s1; counted as missing"
expect_text "$dq" "tests/cases/analysis/2026-Q3-survey.csv,0,0,,9 rows read = 7 accepted + 2 rejected + 0 excluded"
# the three problems and a note of the rows of each file
[ "$(grep -vc ',0,0,,[0-9]* rows read = ' "$dq")" -eq 4 ] || { cat "$dq"; die "expected exactly 3 data-quality problems"; }
[ "$(wc -l < "$dq")" -eq 6 ] || { cat "$dq"; die "expected 3 problems and 2 notes"; }
# --strict turns data problems into exit status 1
expect_exit 1 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/o2" -q --strict
