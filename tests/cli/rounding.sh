# One rounding rule in every file (tests/cases/rounding, worked out in its tna.yaml): a
# figure is shown rounded half away from zero from its six-decimal CSV value. Authority one's
# mean gap is 23/40 = 0.575 and authority three's 1/8 = 0.125, which printf would show as
# 0.57 and 0.12. The PDF must print 0.58 and 0.13 (58% and 13% at no decimals); the
# workbook must store the CSV's value and LibreOffice, showing cells as formatted, must
# read 0.58 and 0.13 (57.5% and 12.5% at one decimal).
. tests/tools/cli_lib.sh
command -v pdftotext >/dev/null || die "pdftotext is not installed (make test-deps)"
command -v libreoffice >/dev/null 2>&1 || die "needs libreoffice (make test-deps)"
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || die "needs python3 with openpyxl (make test-deps)"
expect_exit 0 "$TNA" run tests/cases/rounding/tna.yaml -o "$SCRATCH/o" -q
grep -q '^2026-Q3,a1,\*,\*,\*,40,40,23,23,0.575000,0.575000,23,0$' "$SCRATCH/o/summary-2026-Q3.csv" ||
  die "the case lost its 23/40"
grep -q '^2026-Q3,a3,\*,\*,\*,8,8,1,1,0.125000,0.125000,1,0$' "$SCRATCH/o/summary-2026-Q3.csv" ||
  die "the case lost its 1/8"
# the PDF: each authority's page shows its tiles
pdftotext -layout "$SCRATCH/o/tna-2026-Q3.pdf" "$SCRATCH/pdf.txt"
python3 - "$SCRATCH/pdf.txt" <<'PY' || die "the PDF rounds otherwise"
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
def page(name):
    hits = [p for p in pages if "Authorities ·" in p and re.search(r"^\s*%s\s*$" % name, p, re.M)]
    assert len(hits) == 1, name
    return re.sub(r"\s+", " ", hits[0])
one, three = page("Authority one"), page("Authority three")
assert " 40 0.58 58% 23 " in one, one[:400]
assert " 8 0.13 13% 1 " in three, three[:400]
for p in (one, three):
    p = re.sub(r"\S+–\S+", " ", p)  # the intervals' ends are other figures (a3's share: 2–57%)
    assert "0.57" not in p and "0.12" not in p and "57%" not in p and "12%" not in p
PY
# the workbook: the stored value is the CSV's, and LibreOffice shows the PDF's digits
$PY - "$SCRATCH/o/tna-2026-Q3.xlsx" <<'PY' || die "the workbook stores another value"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["By authority"]
rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] and r[4] == "All topics"
        and r[3] == "All frameworks"}
assert rows["Authority one"][9] == 0.575 and rows["Authority three"][9] == 0.125, rows
PY
timeout 300 libreoffice --headless -env:UserInstallation="file://$SCRATCH/lo-profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$SCRATCH/csv" "$SCRATCH/o/tna-2026-Q3.xlsx" >"$SCRATCH/lo.out" 2>&1 ||
  { cat "$SCRATCH/lo.out"; die "libreoffice could not convert the workbook"; }
shown="$SCRATCH/csv/tna-2026-Q3-By authority.csv"
expect_text "$shown" 'Authority one,North,All roles,All frameworks,All topics,40,40,23,23,0.58,57.5%,23'
expect_text "$shown" 'Authority three,South,All roles,All frameworks,All topics,8,8,1,1,0.13,12.5%,1'
exit 0
