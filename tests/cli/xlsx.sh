# The workbook tna-PERIOD.xlsx (issue 6), read back by independent readers:
#   openpyxl (tests/tools/check_xlsx.py): sheets, headers, every figure against the CSVs,
#     suppression markers, charts, in English, in Welsh, with heavy suppression, and with
#     hostile text in the data-quality log;
#   LibreOffice headless: converts it to PDF and every sheet to CSV without errors;
# then determinism (SOURCE_DATE_EPOCH, cmp) and write failures (exit 3, last good workbook
# kept, no temporary file left).
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl, yaml' 2>/dev/null || die "needs python3 with openpyxl and yaml (make test-deps)"
command -v libreoffice >/dev/null 2>&1 || die "needs libreoffice (make test-deps installs libreoffice-calc-nogui)"
X=tna-2026-Q3.xlsx
check() {  # check DIR CONFIG LANG
  $PY tests/tools/check_xlsx.py "$1/$X" "$1" "$2" "$3" >"$SCRATCH/check" 2>&1 ||
    { cat "$SCRATCH/check" >&2; die "check_xlsx.py $1 $3"; }
}

# 1. the shipped sample, in English and in Welsh
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/en" -q
check "$SCRATCH/en" inputs/tna.yaml en
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/cy" --lang cy -q
check "$SCRATCH/cy" inputs/tna.yaml cy

# 2. a threshold of 40: suppressed rows in the summary and the planning outputs show the
#    marker and no number, and the charts leave them out
cp -r inputs "$SCRATCH/in40"
sed -i 's/min_group_size: 5/min_group_size: 40/' "$SCRATCH/in40/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/in40/tna.yaml" -o "$SCRATCH/k40" -q
for f in summary demand barriers raters; do
  grep -q ',1$' "$SCRATCH/k40/$f-2026-Q3.csv" || die "threshold 40 suppressed nothing in $f"
done
check "$SCRATCH/k40" "$SCRATCH/in40/tna.yaml" en

# 2b. a plan that buys places on open courses where some lines are hidden (threshold 120,
#     cohorts of 30 to 50): protected places and costs show the marker, never a zero, and
#     every line's delivery, places and cost per learner are the CSV's
cp -r inputs "$SCRATCH/in120"
sed -i 's/min_group_size: 5/min_group_size: 120/; s/^\( *cohort_min:\) *[0-9]*/\1 30/; s/^\( *cohort_max:\) *[0-9]*/\1 50/' \
  "$SCRATCH/in120/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/in120/tna.yaml" -o "$SCRATCH/k120" -q
$PY - "$SCRATCH/k120/commissioning-2026-Q3.csv" <<'PY' || die "threshold 120: no protected plan to check"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert any(r["cost_suppressed"] == "2" for r in rows), "no protected costs"
assert any(r["line"] != "total" and r["suppressed"] != "0" and r["cohorts"] == "0" for r in rows), "no hidden places"
assert any(r["line"] != "total" and r["places"] not in ("", "0") for r in rows), "no places shown"
PY
check "$SCRATCH/k120" "$SCRATCH/in120/tna.yaml" en

# 2c. the privacy-boundary case: 3 of 5 councils answered ("3 of 5 councils" stands for
#     Wales), a topic and two councils nobody answered (the trends' rows of zeros)
expect_exit 0 "$TNA" run tests/cases/boundary/tna.yaml -o "$SCRATCH/boundary" -q
grep -q '^2026-Q3,a4,\*,0,0,0,0,,,0,0' "$SCRATCH/boundary/trends-2026-Q3.csv" || die "boundary: no row of zeros in trends"
check "$SCRATCH/boundary" tests/cases/boundary/tna.yaml en

# 2d. the plan case with mentors: {min_level: 4, min_share: 0.5} on people's own ratings
#     (rater_policy: self_only): About states that rule, as the Mentors sheet does
expect_exit 0 "$TNA" run tests/cases/planning/plan/tna-mentors-self.yaml -o "$SCRATCH/self" -q
check "$SCRATCH/self" tests/cases/planning/plan/tna-mentors-self.yaml en

# 2e. the expectations case: an expectation with no evaluation responses in scope has no
#     figure and no count of respondents (the CSV's blank, not 0), on Summary and Evaluation
expect_exit 0 "$TNA" run tests/cases/expectations/tna.yaml -o "$SCRATCH/expect" -q
grep -q '^satisfaction-s4,.*,,,,,,0,no evaluation responses in scope,' \
  "$SCRATCH/expect/expectations-2026-Q3.csv" || die "expectations: satisfaction-s4 not blank in the CSV"
check "$SCRATCH/expect" tests/cases/expectations/tna.yaml en

# 3. text the library would pass through: an _xHHHH_ escape and a formula in names the
#    configuration gives (they reach the workbook), and invalid UTF-8, a formula, an escape
#    and a very long value in the inputs (they land in the data-quality log, whose values the
#    workbook never shows: only data-quality-PERIOD.csv lists them)
cp -r tests/cases/analysis "$SCRATCH/hostile"
cat > "$SCRATCH/hostile/authorities.yaml" <<'YAML'
authorities:
  - {id: a1, name: Authority one, name_cy: Awdurdod un, region: North, aliases: [One]}
  - {id: a2, name: "_x0041_ Council", region: North, aliases: [Authority two]}
  - {id: a3, name: '=HYPERLINK("http://example.invalid")', region: South, aliases: [Authority three]}
YAML
$PY - "$SCRATCH/hostile/2026-Q3-survey.csv" <<'PY'
import sys
with open(sys.argv[1], "ab") as f:
    f.write(b"020,_x0042_ Council,r1,2026-07-05 10:00,Working,None,None,None\n")
    f.write(b"021,Bad \xff\xfe bytes,r1,2026-07-05 10:00,Working,None,None,None\n")
    f.write(b'022,"=HYPERLINK(""http://logged.invalid"")",r1,2026-07-05 10:00,Working,None,None,None\n')
    f.write(b"023," + b"y" * 40000 + b",r1,2026-07-05 10:00,Working,None,None,None\n")
    f.write(b"024,a1,r1,2026-07-05 10:00,_X004A_,None,None,None\n")
PY
expect_exit 0 "$TNA" run "$SCRATCH/hostile/tna.yaml" -o "$SCRATCH/h" -q
check "$SCRATCH/h" "$SCRATCH/hostile/tna.yaml" en
grep -q '_x0042_ Council' "$SCRATCH/h/data-quality-2026-Q3.csv" || die "the CSV lost a logged value"
( cd "$SCRATCH" && mkdir hx && cd hx && $PY -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" "$SCRATCH/h/$X" )
for v in _x0042_ _x005F_x0042_ logged.invalid yyyyyyyyyy _X004A_; do
  if grep -rq "$v" "$SCRATCH/hx"; then die "a logged value ($v) is in the workbook"; fi
done

# 4. LibreOffice opens it: PDF of every sheet, and every sheet as CSV, where the escaped
#    text reads back as written and the figures as in summary-PERIOD.csv
lo() {  # lo OUTDIR FILTER FILE
  timeout 300 libreoffice --headless -env:UserInstallation="file://$SCRATCH/lo-profile" \
    --convert-to "$2" --outdir "$1" "$3" >"$SCRATCH/lo.out" 2>&1 ||
    { cat "$SCRATCH/lo.out" >&2; die "libreoffice --convert-to $2 failed"; }
  ! grep -qi '^error' "$SCRATCH/lo.out" || { cat "$SCRATCH/lo.out" >&2; die "libreoffice: error"; }
}
lo "$SCRATCH/pdf" pdf "$SCRATCH/en/$X"
[ -s "$SCRATCH/pdf/tna-2026-Q3.pdf" ] || die "libreoffice wrote no PDF"
pages=$(pdfinfo "$SCRATCH/pdf/tna-2026-Q3.pdf" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 16 ] || die "the PDF has ${pages:-0} pages"
lo "$SCRATCH/csv" 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "$SCRATCH/h/$X"
grep -q '^_x0041_ Council,North,' "$SCRATCH/csv/tna-2026-Q3-By authority.csv" ||
  die "LibreOffice does not read _x0041_ back as written"
grep -q '^"=HYPERLINK(""http://example.invalid"")",South,' "$SCRATCH/csv/tna-2026-Q3-By authority.csv" ||
  die "formula text lost"
all=$(grep '^2026-Q3,\*,\*,\*,\*,' "$SCRATCH/h/summary-2026-Q3.csv" | cut -d, -f6-8)
grep -q "^All frameworks,All topics,All Wales,$all," "$SCRATCH/csv/tna-2026-Q3-By topic.csv" ||
  die "LibreOffice reads other Wales figures than summary-2026-Q3.csv ($all)"

# 5. determinism: the same inputs and SOURCE_DATE_EPOCH give the same bytes, stamped with it
export SOURCE_DATE_EPOCH=1700000000
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/d1" -q
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/d2" -q
unset SOURCE_DATE_EPOCH
cmp "$SCRATCH/d1/$X" "$SCRATCH/d2/$X" || die "two runs with SOURCE_DATE_EPOCH differ"
$PY - "$SCRATCH/d1/$X" <<'PY' || die "About does not show the run time of SOURCE_DATE_EPOCH"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["About"]
assert any(r == ("Run at", "2023-11-14 22:13:20 UTC") for r in ws.iter_rows(max_col=2, values_only=True))
PY

# 6. write failures: exit 3, a clear message, the last good workbook untouched
case="$SCRATCH/case"
cp -r tests/cases/analysis "$case"
expect_exit 0 "$TNA" run "$case/tna.yaml" -o "$SCRATCH/reports" -q
cp "$SCRATCH/reports/$X" "$SCRATCH/good.xlsx"
# a file-size limit stands in for a full disk: the CSVs fit, the workbook does not, so the
# error comes from workbook_close
(ulimit -f 20; trap '' XFSZ; exec "$TNA" run "$case/tna.yaml" -o "$SCRATCH/reports" -q) \
  >"$SCRATCH/o" 2>"$SCRATCH/err" && die "a run over the file-size limit succeeded"
rc=$?; [ "$rc" -eq 3 ] || { cat "$SCRATCH/err" >&2; die "exit $rc over the file-size limit, expected 3"; }
expect_text "$SCRATCH/err" "cannot write reports to $SCRATCH/reports: File too large"
if grep -q '^\[ERROR\]' "$SCRATCH/err"; then die "libxlsxwriter's own error lines reached the terminal"; fi
cmp "$SCRATCH/reports/$X" "$SCRATCH/good.xlsx" || die "the last good workbook was damaged"
expect_no_litter "$SCRATCH/reports"
# a directory that cannot exist (root ignores permissions, so a path under a regular file)
expect_exit 3 "$TNA" run "$case/tna.yaml" -o "$SCRATCH/good.xlsx/sub" -q
expect_text "$SCRATCH/err" "cannot write reports to $SCRATCH/good.xlsx/sub: Not a directory"
if [ "$(id -u)" != 0 ]; then
  chmod a-w "$SCRATCH/reports"
  expect_exit 3 "$TNA" run "$case/tna.yaml" -o "$SCRATCH/reports" -q
  chmod u+w "$SCRATCH/reports"
  cmp "$SCRATCH/reports/$X" "$SCRATCH/good.xlsx" || die "the last good workbook was damaged"
fi
exit 0
