# In the first period an expectation has no baseline to measure progress from: its row in the
# PDF's expectations table and on the workbook's Summary sheet says "baseline set this period"
# (Welsh: "llinell sylfaen wedi'i gosod y cyfnod hwn") where the status would be, with no
# red, amber or green, no "no status" and no colour. tests/cases/expectations/tna-one.yaml
# (one period, share at target 0.3 against a target of 0.5: red if it were rated). The
# same check on the two-period case, where that expectation is rated amber, must fail.
. tests/tools/cli_lib.sh
command -v pdftotext >/dev/null || die "pdftotext is not installed (make test-deps)"
PY=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || die "needs python3 with openpyxl (make test-deps)"

# check DIR LANG TITLE: the expectation TITLE's row in DIR's PDF and workbook
check() {
  pdftotext -layout "$1/tna-2026-Q3.pdf" "$1/pdf.txt" || die "pdftotext $1"
  $PY - "$1" "$2" "$3" <<'PY'
import csv, re, sys, openpyxl
d, lang, title = sys.argv[1:4]
col = {"en": 1, "cy": 2}[lang]
g = {r[0]: r[col] for r in csv.reader(open("docs/glossary.tsv", encoding="utf-8"), delimiter="\t")}
note = g["note_baseline_set"]
rag_words = [g[k] for k in ("rag_red", "rag_amber", "rag_green", "rag_none_lower")]
bad = []
# the PDF: the table row is the title's line and the wrapped lines under its last cell
lines = open(d + "/pdf.txt", encoding="utf-8").read().split("\f")
page = next(p for p in lines if g["return_on_expectations"] in p and title in p)
rows = page.splitlines()
i = next(i for i, l in enumerate(rows) if l.startswith(title))
row = [rows[i]]
while i + 1 < len(rows) and rows[i + 1].startswith("      ") and rows[i + 1].strip():
    i += 1
    row.append(rows[i])
text = " ".join(" ".join(l.split()) for l in row)
if note not in text:
    bad.append("PDF row lacks %r: %r" % (note, text))
bad += ["PDF row shows %r: %r" % (w, text) for w in rag_words if re.search(r"\b%s\b" % w, text, re.I)]
# the workbook: the Summary sheet's row for the expectation, Status empty, Note the note
ws = openpyxl.load_workbook(d + "/tna-2026-Q3.xlsx").worksheets[0]
head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == g["expectation"])
names = [c.value for c in ws[head]]
r = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 1).value == title)
status, noted = ws.cell(r, names.index(g["status"]) + 1), ws.cell(r, names.index(g["note"]) + 1)
if status.value not in (None, ""):
    bad.append("workbook status %r" % status.value)
# (a share_at_target row carries that metric's definition after the note: "NOTE; DEFINITION")
parts = (noted.value or "").split("; ", 1)
if parts[0] != note or parts[1:] not in ([], [g["define_share_at_target"]]):
    bad.append("workbook note %r" % noted.value)
if status.fill.fill_type is not None:
    bad.append("workbook status filled %s" % status.fill.fgColor.rgb)
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

# the expectations CSV, for the record: no progress, no rag, the note
expect_exit 0 "$TNA" run tests/cases/expectations/tna-one.yaml -o "$SCRATCH/en" -q
grep -q '^share-all,Half at target,share_at_target,,0.300000,0.500000,0.300000,,,10,,0,baseline set this period,' \
  "$SCRATCH/en/expectations-2026-Q3.csv" || die "the CSV row of share-all"
check "$SCRATCH/en" en "Half at target" || die "English reports: baseline set this period"
expect_exit 0 "$TNA" run tests/cases/expectations/tna-one.yaml -o "$SCRATCH/cy" --lang cy -q
check "$SCRATCH/cy" cy "Half at target" || die "Welsh reports: llinell sylfaen wedi'i gosod y cyfnod hwn"
# negative control: two periods, the same expectation rated amber
expect_exit 0 "$TNA" run tests/cases/expectations/tna.yaml -o "$SCRATCH/two" -q
check "$SCRATCH/two" en "Three in ten at target, then half" 2>"$SCRATCH/why" &&
  die "the check passes on a rated expectation"
expect_text "$SCRATCH/why" "PDF row shows 'Amber'"
expect_text "$SCRATCH/why" "workbook status 'Amber'"
exit 0
