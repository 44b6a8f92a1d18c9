# What tna run, tna merge and tna validate print speaks the run's language (--lang, else the
# configuration's): every word from the glossary's console_ terms, the Welsh line first with
# both; configured texts without a Welsh form are counted, and listed as file:line:col with
# --lang cy. English runs print what they always did.
# With --lang cy no English word of the glossary's English column is printed (the words and
# their excuses are those of the reports' check: tests/tools/check_welsh.py console).
. tests/tools/cli_lib.sh
cp -r tests/cases/analysis "$SCRATCH/case"
cfg="$SCRATCH/case/tna.yaml"
welsh_only() { # welsh_only FILE WHAT: no English word of the glossary in FILE
  python3 tests/tools/check_welsh.py console "$1" "$cfg" >"$SCRATCH/check" 2>&1 ||
    { cat "$1" "$SCRATCH/check" >&2; die "English in the Welsh console: $2"; }
}

expect_exit 0 "$TNA" validate "$cfg" --lang cy
out="$SCRATCH/out"
expect_text "$out" "tna.yaml: mae'r ffurfweddiad yn ddilys"
expect_text "$out" "  teitl: Hand-computed case"
expect_text "$out" "  cyfnodau: 2026-Q3 (cyfredol)"
expect_text "$out" "2026-Q3-survey.csv: 9 rhes a ddarllenwyd, 7 a dderbyniwyd, 2 a wrthodwyd, 0 a hepgorwyd"
expect_text "$out" "ansawdd data: 5 cofnod, 3 ohonynt yn broblemau; y cyntaf:"
# the case leaves Welsh forms out on purpose: each is named where it is written
expect_text "$out" "Ffurfiau Cymraeg: nid oes ffurf Gymraeg gan 13 testun yn y ffurfweddiad"
expect_text "$out" "tna.yaml:1:8: Teitl 'Hand-computed case': dim title_cy"
expect_text "$out" "authorities.yaml:3:5: Awdurdod 'Authority two': dim name_cy"
# the log's first problems, each reason in Welsh from the glossary
expect_text "$out" "2026-Q3-survey.csv:6:2: awdurdod anhysbys; gadawyd y rhes allan ('Nowhere')"
expect_text "$out" "2026-Q3-survey.csv:8:5: ateb anhysbys ar gyfer sgil s1; fe'i cyfrifwyd yn ateb coll ('Not sure')"
welsh_only "$out" "tna validate --lang cy"
# English: the lines as they always were, and only a count of the missing Welsh forms
expect_exit 0 "$TNA" validate "$cfg"
expect_text "$SCRATCH/out" "configuration is valid"
expect_text "$SCRATCH/out" "Welsh forms: 13 configured texts have none, so Welsh reports show them in English"
if grep -q "name_cy" "$SCRATCH/out"; then die "an English validate lists each missing Welsh form"; fi
# a count of one never reads as a plural: the case has one framework
expect_text "$SCRATCH/out" "  frameworks 1, topics 2, skills 4; roles 2; authorities 3, regions 2; sources 2;"
if grep -Eq "(^|[ ,;])1 (sources|regions|frameworks|roles|expectations)" "$SCRATCH/out"; then
  cat "$SCRATCH/out" >&2; die "validate: a count of 1 with a plural noun"
fi

# tna merge speaks the run's language too: --lang cy, Welsh words only
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/counted" -q --export-counts
expect_exit 0 "$TNA" merge "$cfg" "$SCRATCH/counted/counts-2026-Q3.csv" -o "$SCRATCH/m" --lang cy
expect_text "$SCRATCH/out" "ffeiliau cyfrif wedi'u cyfuno: 1"
expect_text "$SCRATCH/out" "cyfnod cyfredol 2026-Q3: "
expect_text "$SCRATCH/out" "adroddiadau wedi'u hysgrifennu i "
welsh_only "$SCRATCH/out" "tna merge --lang cy"
expect_exit 0 "$TNA" merge "$cfg" "$SCRATCH/counted/counts-2026-Q3.csv" -o "$SCRATCH/m" --lang en
expect_text "$SCRATCH/out" "counts files merged: 1"
expect_text "$SCRATCH/out" "current period 2026-Q3: "

# tna run --lang cy: the sources' rows, the period and the totals in Welsh. By hand from the
# survey (9 rows): 004's council and 005's role are unknown (2 rejected, 7 accepted); 002 and
# 007 answered twice, so 5 respondents; 'Not sure' is a third problem. Managers: 2 rows.
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/rcy" --lang cy
cp "$SCRATCH/out" "$SCRATCH/run-cy"
expect_text "$SCRATCH/run-cy" "2026-Q3-survey.csv: 9 rhes a ddarllenwyd, 7 a dderbyniwyd, 2 a wrthodwyd, 0 a hepgorwyd"
expect_text "$SCRATCH/run-cy" "2026-Q3-managers.csv: 2 rhes a ddarllenwyd, 2 a dderbyniwyd, 0 a wrthodwyd, 0 a hepgorwyd"
expect_text "$SCRATCH/run-cy" "cyfnod cyfredol 2026-Q3: 5 o ymatebwyr, "
expect_text "$SCRATCH/run-cy" "rhesi: 11 a ddarllenwyd, 2 a wrthodwyd, 0 a hepgorwyd am nad ydynt yn ymatebion; 3 o broblemau ansawdd data"
expect_text "$SCRATCH/run-cy" "Ffurfiau Cymraeg: nid oes ffurf Gymraeg gan 13 testun"
expect_text "$SCRATCH/run-cy" "adroddiadau wedi'u hysgrifennu i $SCRATCH/rcy:"
welsh_only "$SCRATCH/run-cy" "tna run --lang cy"
# ... and the check is not blind: the same run in English fails it, on the glossary's words
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/ren" --lang en
python3 tests/tools/check_welsh.py console "$SCRATCH/out" "$cfg" >"$SCRATCH/check" 2>&1 &&
  die "an English console passed the Welsh check"
expect_text "$SCRATCH/check" "English word 'accepted'"
expect_text "$SCRATCH/check" "English word 'respondents'"
# ... and one English line in a Welsh console is found
{ cat "$SCRATCH/run-cy"; echo "reports written to $SCRATCH/rcy:"; } >"$SCRATCH/mixed"
python3 tests/tools/check_welsh.py console "$SCRATCH/mixed" "$cfg" >"$SCRATCH/check" 2>&1 &&
  die "an English line passed the Welsh check"
expect_text "$SCRATCH/check" "English word 'reports'"

# tna run --lang both: each line in Welsh, then in English
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/r" --lang both
cy=$(grep -n "^cyfnod cyfredol 2026-Q3: " "$SCRATCH/out" | cut -d: -f1)
en=$(grep -n "^current period 2026-Q3: " "$SCRATCH/out" | cut -d: -f1)
[ -n "$cy" ] && [ -n "$en" ] && [ "$cy" -lt "$en" ] || { cat "$SCRATCH/out" >&2; die "both: Welsh not first"; }
expect_text "$SCRATCH/out" "adroddiadau wedi'u hysgrifennu i "
expect_text "$SCRATCH/out" "Ffurfiau Cymraeg: nid oes ffurf Gymraeg gan 13 testun"
# ... and English first with language_order: en-first
printf 'language_order: en-first\n' >>"$cfg"
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/r2" --lang both
cy=$(grep -n "^cyfnod cyfredol 2026-Q3: " "$SCRATCH/out" | cut -d: -f1)
en=$(grep -n "^current period 2026-Q3: " "$SCRATCH/out" | cut -d: -f1)
[ "$en" -lt "$cy" ] || { cat "$SCRATCH/out" >&2; die "en-first: English not first"; }
# the configuration's language is the default; --lang must be one of the three
sed -i 's/^language: .*$//' "$cfg" && printf 'language: cy\n' >>"$cfg"
expect_exit 0 "$TNA" validate "$cfg"
expect_text "$SCRATCH/out" "mae'r ffurfweddiad yn ddilys"
expect_exit 2 "$TNA" validate "$cfg" --lang welsh
expect_text "$SCRATCH/err" "--lang must be en, cy or both, not 'welsh'"
exit 0
