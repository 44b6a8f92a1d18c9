# Welsh as a first language of the reports (issue 13), on the shipped sample:
# - --lang cy: no English word of the glossary's English column in the PDF's text or in any
#   string of the workbook (sheet names, charts, properties), except proper names, the texts
#   the configuration gives only in English; the data-quality log's reasons included (ingest
#   logs codes, the glossary gives the words), in the workbook's Data quality sheet and in the
#   PDF's appendix, and the sample's log is not empty (so they are there to be checked);
# - --lang both: every heading Welsh first, in both files; language_order: en-first reverses it;
# - --lang en: the same checker finds the English words (it is not blind).
# tests/tools/check_welsh.py says how each file is read.
. tests/tools/cli_lib.sh
cp -r inputs "$SCRATCH/in"
cfg="$SCRATCH/in/tna.yaml"
check() { # check MODE DIR
  python3 tests/tools/check_welsh.py "$1" "$2/tna-2026-Q3.pdf" "$2/tna-2026-Q3.xlsx" "$cfg" \
    >"$SCRATCH/check" 2>&1 || { cat "$SCRATCH/check" >&2; die "check_welsh.py $1 failed"; }
  cat "$SCRATCH/check"
}

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/cy" --lang cy -q
check cy "$SCRATCH/cy"
# the log's reasons are there, in Welsh: the workbook's Data quality sheet and the PDF's
# appendix count the sample's unknown councils and unrecognised answers
[ "$(grep -c ',unknown_authority$' "$SCRATCH/cy/data-quality-2026-Q3.csv")" -gt 0 ] ||
  die "the sample logs no unknown authority: the reasons below are not checked"
unzip -p "$SCRATCH/cy/tna-2026-Q3.xlsx" xl/sharedStrings.xml >"$SCRATCH/strings"
expect_text "$SCRATCH/strings" "awdurdod anhysbys; gadawyd y rhes allan"
expect_text "$SCRATCH/strings" "ateb anhysbys ar gyfer sgil cd-seo; fe'i cyfrifwyd yn ateb coll"
pdftotext "$SCRATCH/cy/tna-2026-Q3.pdf" - | tr -s ' \n' '  ' >"$SCRATCH/pdf.txt"
expect_text "$SCRATCH/pdf.txt" "ateb anhysbys ar gyfer un o'r sgiliau; fe'i cyfrifwyd yn ateb coll"
# ... and the CSV stays in English, with the code
expect_text "$SCRATCH/cy/data-quality-2026-Q3.csv" "unknown authority; row left out,unknown_authority"

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/both" --lang both -q
check both "$SCRATCH/both"

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/en" --lang en -q
check en "$SCRATCH/en"
# a Welsh check of the English report fails
python3 tests/tools/check_welsh.py cy "$SCRATCH/en/tna-2026-Q3.pdf" "$SCRATCH/en/tna-2026-Q3.xlsx" \
  "$cfg" >"$SCRATCH/out" 2>&1 && die "an English report passed the Welsh check"
# ... and finds an English reason of the log in an otherwise Welsh workbook
mkdir -p "$SCRATCH/mixed/xl" && cp "$SCRATCH/cy/tna-2026-Q3.xlsx" "$SCRATCH/mixed.xlsx"
sed 's/awdurdod anhysbys; gadawyd y rhes allan/unknown authority; row left out/' "$SCRATCH/strings" \
  >"$SCRATCH/mixed/xl/sharedStrings.xml"
(cd "$SCRATCH/mixed" && zip -q ../mixed.xlsx xl/sharedStrings.xml)
python3 tests/tools/check_welsh.py cy "$SCRATCH/cy/tna-2026-Q3.pdf" "$SCRATCH/mixed.xlsx" "$cfg" \
  >"$SCRATCH/out" 2>&1 && die "an English data-quality reason passed the Welsh check"
expect_text "$SCRATCH/out" "English word 'unknown'"

printf 'language_order: en-first\n' >>"$cfg"
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/en-first" --lang both -q
check both "$SCRATCH/en-first"
# ... and the Welsh-first report fails the en-first check
python3 tests/tools/check_welsh.py both "$SCRATCH/both/tna-2026-Q3.pdf" "$SCRATCH/both/tna-2026-Q3.xlsx" \
  "$cfg" >"$SCRATCH/out" 2>&1 && die "a Welsh-first report passed the English-first check"
exit 0
