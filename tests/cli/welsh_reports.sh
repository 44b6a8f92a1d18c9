# Welsh as a first language of the reports (issue 13), on the shipped sample:
# - --lang cy: no English word of the glossary's English column in the PDF's text or in any
#   string of the workbook (sheet names, charts, properties), except proper names, the texts
#   the configuration gives only in English, and the data-quality log's reasons, which ingest
#   still writes in English (counted and printed by the checker: they wait for reason codes);
# - --lang both: every heading Welsh first, in both files; language_order: en-first reverses it;
# - --lang en: the same checker finds the English words (it is not blind).
# tests/tools/check_welsh.py says how each file is read.
. tests/tools/cli_lib.sh
cp -r inputs "$SCRATCH/in"
cfg="$SCRATCH/in/tna.yaml"
check() { # check MODE DIR [LOGGED]
  python3 tests/tools/check_welsh.py "$1" "$2/tna-2026-Q3.pdf" "$2/tna-2026-Q3.xlsx" "$cfg" ${3:+"$3"} \
    >"$SCRATCH/check" 2>&1 || { cat "$SCRATCH/check" >&2; die "check_welsh.py $1 failed"; }
  cat "$SCRATCH/check"
}

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/cy" --lang cy -q
check cy "$SCRATCH/cy" "$SCRATCH/cy/data-quality-2026-Q3.csv"
# the log's reasons are still English: excused above, and found without LOGGED
expect_text "$SCRATCH/check" "data-quality reasons in English"
python3 tests/tools/check_welsh.py cy "$SCRATCH/cy/tna-2026-Q3.pdf" "$SCRATCH/cy/tna-2026-Q3.xlsx" \
  "$cfg" >"$SCRATCH/strict" 2>&1 && die "the data-quality reasons are Welsh now: drop LOGGED above"

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/both" --lang both -q
check both "$SCRATCH/both"

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/en" --lang en -q
check en "$SCRATCH/en"
# a Welsh check of the English report fails
python3 tests/tools/check_welsh.py cy "$SCRATCH/en/tna-2026-Q3.pdf" "$SCRATCH/en/tna-2026-Q3.xlsx" \
  "$cfg" "$SCRATCH/en/data-quality-2026-Q3.csv" >"$SCRATCH/out" 2>&1 && die "an English report passed the Welsh check"

printf 'language_order: en-first\n' >>"$cfg"
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/en-first" --lang both -q
check both "$SCRATCH/en-first"
# ... and the Welsh-first report fails the en-first check
python3 tests/tools/check_welsh.py both "$SCRATCH/both/tna-2026-Q3.pdf" "$SCRATCH/both/tna-2026-Q3.xlsx" \
  "$cfg" >"$SCRATCH/out" 2>&1 && die "a Welsh-first report passed the English-first check"
exit 0
