# Every number the PDF prints in its executive summary, gaps (bar charts by topic and by
# role, heatmap, raters), trends, commissioning, evaluation, barriers and council pages is in
# a CSV row it could come from, at the precision it is printed with, and every marker
# matches its row's code (tests/tools/check_pdf_numbers.py). On the shipped sample, on a
# generated dataset small enough for heavy suppression (tna sample --staff 150), and on the
# messy oracle case at a threshold of 5, and on the boundary case (one period, a topic nobody
# was asked about, 3 of 5 councils). Then the checker is shown to fail on a figure the CSV
# does not hold, on a protected cell whose row says suppressed and on a council page's
# "fewer than" over a row that is shown.
. tests/tools/cli_lib.sh
for t in pdftotext qpdf python3; do command -v $t >/dev/null || die "$t is not installed (make test-deps)"; done
check() {  # check OUTDIR CONFIG
  python3 tests/tools/check_pdf_numbers.py "$1/tna-2026-Q3.pdf" "$1" "$2" >"$SCRATCH/check.out" 2>&1 ||
    { cat "$SCRATCH/check.out"; die "numbers of $1/tna-2026-Q3.pdf not in its CSVs"; }
}
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/shipped" -q
check "$SCRATCH/shipped" inputs/tna.yaml
expect_exit 0 "$TNA" sample "$SCRATCH/small" --staff 150 --seed 3
expect_exit 0 "$TNA" run "$SCRATCH/small/tna.yaml" -o "$SCRATCH/small-out" -q
check "$SCRATCH/small-out" "$SCRATCH/small/tna.yaml"
grep -q ',2,,,,$' "$SCRATCH/small-out/groups-2026-Q3.csv" || die "the small sample protected nothing"
cp -r tests/cases/oracle "$SCRATCH/oracle"
sed -i 's/min_group_size: 1/min_group_size: 5/' "$SCRATCH/oracle/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/oracle/tna.yaml" -o "$SCRATCH/oracle-out" -q
check "$SCRATCH/oracle-out" "$SCRATCH/oracle/tna.yaml"
# the boundary case: one period (trends of one point, on two-tick axes), a topic nobody was
# asked about ("–", never "fewer than"), 3 of 5 councils, one council fewer than 3 and two
# protected
expect_exit 0 "$TNA" run tests/cases/boundary/tna.yaml -o "$SCRATCH/boundary" -q
check "$SCRATCH/boundary" tests/cases/boundary/tna.yaml

# the checker fails when a printed figure is not in its row ...
cp -rL "$SCRATCH/shipped" "$SCRATCH/bad"
python3 - "$SCRATCH/bad/groups-2026-Q3.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
for i, l in enumerate(lines):  # the current mean gap of a topic for Wales, as the bars show it
    if l.startswith("2026-Q3,*,*,*,content-design,cd-accessibility,*,"):
        f = l.split(",")
        f[11] = "0.123456"
        lines[i] = ",".join(f)
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
if python3 tests/tools/check_pdf_numbers.py "$SCRATCH/bad/tna-2026-Q3.pdf" "$SCRATCH/bad" inputs/tna.yaml >"$SCRATCH/out" 2>&1; then
  die "the checker missed a mean gap that is not in its row"
fi
expect_text "$SCRATCH/out" "page 4 (Where the skills gaps are): 0.64 in 'Accessible and inclusive content 0.64"
expect_text "$SCRATCH/out" "page 3 (Executive summary): 0.64 in 'Accessible and inclusive content"
# ... and when a protected cell's row says it is suppressed
cp -rL "$SCRATCH/small-out" "$SCRATCH/bad2"
sed -i 's/^\(2026-Q3,[^,]*,[a-z-]*,\*,.*\),2,,,,$/\1,1,,,,/' "$SCRATCH/bad2/groups-2026-Q3.csv"
if python3 tests/tools/check_pdf_numbers.py "$SCRATCH/bad2/tna-2026-Q3.pdf" "$SCRATCH/bad2" "$SCRATCH/small/tna.yaml" >"$SCRATCH/out" 2>&1; then
  die "the checker missed a protected mark on a suppressed row"
fi
expect_text "$SCRATCH/out" "without a row of code 2"
# ... and when a council page's "fewer than 5" stands on a row that is not suppressed
cp -rL "$SCRATCH/small-out" "$SCRATCH/bad4"
sed -i 's/^\(2026-Q3,[^,]*,cardiff,\*,[a-z-]*,[a-z-]*,\*,.*\),1,,,,$/\1,0,,,,/' "$SCRATCH/bad4/groups-2026-Q3.csv"
cmp -s "$SCRATCH/small-out/groups-2026-Q3.csv" "$SCRATCH/bad4/groups-2026-Q3.csv" && die "the small sample hid none of Cardiff's topics: update this test"
if python3 tests/tools/check_pdf_numbers.py "$SCRATCH/bad4/tna-2026-Q3.pdf" "$SCRATCH/bad4" "$SCRATCH/small/tna.yaml" >"$SCRATCH/out" 2>&1; then
  die "the checker missed 'fewer than' on a council page over a row that is shown"
fi
expect_text "$SCRATCH/out" "'fewer than' without a suppressed row"
# ... and when a figure of "What £150,000 buys" is not its budget row's (the gap closed in a
# topic, printed in whole levels)
cp -rL "$SCRATCH/shipped" "$SCRATCH/bad3"
sed -i 's/^\(2026-Q3,content-design,cd-accessibility,total,\*,\*,,,585,482,2170.000000,\)1450.250000,/\11460.250000,/' \
  "$SCRATCH/bad3/budget-2026-Q3.csv"
grep -q ',1460.250000,' "$SCRATCH/bad3/budget-2026-Q3.csv" || die "the sample's budget row changed: update this test"
if python3 tests/tools/check_pdf_numbers.py "$SCRATCH/bad3/tna-2026-Q3.pdf" "$SCRATCH/bad3" inputs/tna.yaml >"$SCRATCH/out" 2>&1; then
  die "the checker missed a gap closed that is not in its budget row"
fi
expect_text "$SCRATCH/out" "(What £150,000 buys): 1,450 in 'Accessible and inclusive content"

# the section is there with a budget (in the contents too), in Welsh first with --lang both,
# and not without a budget
pdftotext "$SCRATCH/shipped/tna-2026-Q3.pdf" "$SCRATCH/shipped.txt"
[ "$(grep -c '^What £150,000 buys' "$SCRATCH/shipped.txt")" -ge 2 ] || die "no 'What £150,000 buys' section and contents line"
expect_text "$SCRATCH/shipped.txt" "What is funded"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/both" -q --lang both
pdftotext "$SCRATCH/both/tna-2026-Q3.pdf" "$SCRATCH/both.txt"
expect_text "$SCRATCH/both.txt" "Beth mae £150,000 yn ei brynu / What £150,000 buys"
cp -r inputs "$SCRATCH/inputs"
sed -i '/^  budget:/d' "$SCRATCH/inputs/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/inputs/tna.yaml" -o "$SCRATCH/nobudget" -q
pdftotext "$SCRATCH/nobudget/tna-2026-Q3.pdf" "$SCRATCH/nobudget.txt"
if grep -q "^What £" "$SCRATCH/nobudget.txt"; then die "a 'What £X buys' section without a budget"; fi
check "$SCRATCH/nobudget" "$SCRATCH/inputs/tna.yaml"
exit 0
