# tna questionnaire across periods: a skill, a council and a level renamed in the reference
# files between two quarters, the survey written again.
#  - Qualtrics: the configuration reads columns by the export tags the .qsf gives (from ids),
#    and the cells hold the choices' variable names (ids, level numbers), so last quarter's
#    configuration, unchanged, reads the new survey's export, and the new one last quarter's,
#    with the figures tests/tools/questionnaire_roundtrip.py works out from the people.
#  - Google Forms (its export headed by texts): written again into the directory that holds
#    last quarter's tna.yaml, the new configuration also accepts last quarter's headings and
#    answer texts where the wording changed, lists the changes in its comments, and reads both
#    last quarter's export and the new one with the population's figures.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml, jsonschema' 2>/dev/null && PY=/usr/bin/python3
export SCRATCH
TOPICS=cd-writing,ur-methods
QR=tests/tools/questionnaire_roundtrip.py
REF="$SCRATCH/ref"
cp -r inputs "$REF" || die "cannot copy inputs"
export QR_INPUTS="$REF"  # the round trip takes meanings from the copy, renamed or not

# last quarter: each tool's survey, its configuration and an export of it
for tool in qualtrics google-forms; do
  expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool "$tool" -o "$SCRATCH/$tool" --topics "$TOPICS"
  $PY $QR "$tool" "$SCRATCH/$tool" || die "$tool: last quarter's export could not be built"
  cp -r "$SCRATCH/$tool" "$SCRATCH/$tool-old"
done

# Microsoft Forms' configuration, last quarter's (its export is read as Google's: the same code)
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool microsoft-forms -o "$SCRATCH/ms" --topics "$TOPICS"

# the renames: a skill, a council and a level, in English and in Welsh
sed -i -e 's/"Writing in plain English"/"Writing plainly for everyone"/' \
  -e 's/"Ysgrifennu mewn Saesneg clir"/"Ysgrifennu yn glir i bawb"/' \
  -e 's/label: "Working", label_cy: "Gweithio", aliases: \["Gweithio"\]/label: "Capable", label_cy: "Galluog", aliases: []/' \
  "$REF/frameworks/content-design.yaml"
sed -i -e 's/"Powys County Council"/"Powys Unitary Council"/' -e 's/"Cyngor Sir Powys"/"Cyngor Unedol Powys"/' \
  "$REF/authorities.yaml"
grep -q '"Writing plainly for everyone"' "$REF/frameworks/content-design.yaml" &&
  grep -q 'label: "Capable"' "$REF/frameworks/content-design.yaml" &&
  grep -q '"Cyngor Unedol Powys"' "$REF/authorities.yaml" || die "the reference files were not renamed"

# ---- Qualtrics: last quarter's configuration reads the new survey's export -------------------
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool qualtrics -o "$SCRATCH/q-new" --topics "$TOPICS"
$PY $QR qualtrics "$SCRATCH/q-new" || die "qualtrics: the new export could not be built"
new="$SCRATCH/q-new/exports/2026-Q3/responses.csv"
# the survey and its export carry the new wording (so a configuration reading texts would
# miss the column); the cells hold the choices' variable names, what they mean
sed -n 2p "$new" | grep -q "Ysgrifennu yn glir i bawb / Writing plainly for everyone" || die "qualtrics: the renamed skill is not in the export"
grep -q '"Cyngor Unedol Powys / Powys Unitary Council"' "$SCRATCH/q-new/survey.qsf" || die "qualtrics: the renamed council is not in the survey"
grep -q '"Galluog / Capable"' "$SCRATCH/q-new/survey.qsf" || die "qualtrics: the renamed level is not in the survey"
grep -q ',powys,' "$new" || die "qualtrics: no council's variable name in the export"
sed -n 2p "$SCRATCH/qualtrics/exports/2026-Q3/responses.csv" | grep -q "Writing in plain English" ||
  die "qualtrics: last quarter's export lacks the old skill name"
# ... and the same export tags: both configurations name the same columns
sed -n '/^sources:/,/^privacy:/p' "$SCRATCH/qualtrics/tna.yaml" >"$SCRATCH/q-old.src"
sed -n '/^sources:/,/^privacy:/p' "$SCRATCH/q-new/tna.yaml" >"$SCRATCH/q-new.src"
grep -q '"Tcdwriting_cdplainenglish": "cd-plain-english"' "$SCRATCH/q-old.src" || die "qualtrics: no export tag for cd-plain-english"
cmp -s "$SCRATCH/q-old.src" "$SCRATCH/q-new.src" || { diff "$SCRATCH/q-old.src" "$SCRATCH/q-new.src" >&2; die "qualtrics: the renames changed the headings"; }
mkdir -p "$SCRATCH/qualtrics/exports/next" && cp "$new" "$SCRATCH/qualtrics/exports/next/"
sed 's/^periods: \["2026-Q3"\]/periods: ["next"]/' "$SCRATCH/qualtrics/tna.yaml" >"$SCRATCH/qualtrics/next.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/qualtrics/next.yaml" -o "$SCRATCH/out-q-next" -q
$PY $QR qualtrics "$SCRATCH/q-new" --check "$SCRATCH/out-q-next" --read-by "$SCRATCH/qualtrics/next.yaml" next ||
  die "qualtrics: last quarter's configuration misread the new survey's export"
grep -q '^next,powys,' "$SCRATCH/out-q-next/summary-next.csv" || die "qualtrics: no Powys row read"
# ... and the new configuration reads last quarter's export
mkdir -p "$SCRATCH/q-new/exports/last" && cp "$SCRATCH/qualtrics/exports/2026-Q3/responses.csv" "$SCRATCH/q-new/exports/last/"
sed 's/^periods: \["2026-Q3"\]/periods: ["last"]/' "$SCRATCH/q-new/tna.yaml" >"$SCRATCH/q-new/last.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/q-new/last.yaml" -o "$SCRATCH/out-q-last" -q
$PY $QR qualtrics "$SCRATCH/qualtrics" --check "$SCRATCH/out-q-last" --read-by "$SCRATCH/q-new/last.yaml" last ||
  die "qualtrics: the new configuration misread last quarter's export"

# ---- Google Forms: the new configuration reads last quarter's export and the new one --------
g="$SCRATCH/google-forms"
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool google-forms -o "$g" --topics "$TOPICS"
for change in \
  'skill cd-plain-english: "Ysgrifennu yn glir i bawb / Writing plainly for everyone", was "Ysgrifennu mewn Saesneg clir / Writing in plain English" (both read)' \
  'authority powys: "Cyngor Unedol Powys / Powys Unitary Council", was "Cyngor Sir Powys / Powys County Council" (both read)' \
  'level 2: "Galluog / Capable", was "Gweithio / Working" (both read)'; do
  expect_text "$g/tna.yaml" "#   $change"
  expect_text "$SCRATCH/out" "changed since the last questionnaire: $change"
done
expect_text "$g/tna.yaml" '      "Ysgrifennu mewn Saesneg clir / Writing in plain English": "cd-plain-english"'
expect_text "$g/tna.yaml" '      "Ysgrifennu yn glir i bawb / Writing plainly for everyone": "cd-plain-english"'
expect_exit 0 "$TNA" validate "$g/tna.yaml"
# the new export (written over last quarter's in the directory; the copy keeps that one)
$PY $QR google-forms "$g" || die "google-forms: the new export could not be built"
grep -q "Writing plainly for everyone" "$g/exports/2026-Q3/responses.csv" || die "google-forms: the renamed skill is not in the export"
expect_exit 0 "$TNA" run "$g/tna.yaml" -o "$SCRATCH/out-g-new" -q
$PY $QR google-forms "$g" --check "$SCRATCH/out-g-new" || die "google-forms: the new configuration misread the new export"
# last quarter's export, as a period of the new configuration
old="$SCRATCH/google-forms-old/exports/2026-Q3/responses.csv"
grep -q "Writing in plain English" "$old" && grep -q "Cyngor Sir Powys / Powys County Council" "$old" ||
  die "google-forms: last quarter's export lacks the old wording"
mkdir -p "$g/exports/last" && cp "$old" "$g/exports/last/"
sed 's/^periods: \["2026-Q3"\]/periods: ["last"]/' "$g/tna.yaml" >"$g/last.yaml"
expect_exit 0 "$TNA" run "$g/last.yaml" -o "$SCRATCH/out-g-last" -q
$PY $QR google-forms "$SCRATCH/google-forms-old" --check "$SCRATCH/out-g-last" --read-by "$g/last.yaml" last ||
  die "google-forms: the new configuration misread last quarter's export"
# the carried headings read no column in the new export, and are no data-quality problem
if grep -q no_skill_column "$SCRATCH/out-g-new/data-quality-2026-Q3.csv"; then
  die "google-forms: a skill read by its new heading is logged as having no column"; fi
# without the earlier wording, last quarter's export is misread: the check can fail
grep -v -e '"Ysgrifennu mewn Saesneg clir / Writing in plain English"' -e '"Cyngor Sir Powys / Powys County Council"' \
  -e '"Gweithio / Working"' "$g/last.yaml" >"$g/bare.yaml"
"$TNA" run "$g/bare.yaml" -o "$SCRATCH/out-g-bare" -q >/dev/null 2>&1
if $PY $QR google-forms "$SCRATCH/google-forms-old" --check "$SCRATCH/out-g-bare" --read-by "$g/bare.yaml" last >/dev/null 2>&1; then
  die "google-forms: last quarter's export read as well without its wording: the check checks nothing"; fi
# written again with nothing changed, the earlier wording stays (every earlier export reads)
cp "$g/tna.yaml" "$SCRATCH/g-before"
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool google-forms -o "$g" --topics "$TOPICS"
expect_text "$g/tna.yaml" '      "Ysgrifennu mewn Saesneg clir / Writing in plain English": "cd-plain-english"'
if grep -q "Changed since" "$g/tna.yaml"; then die "google-forms: written again unchanged, changes listed"; fi

# Microsoft Forms written again: the same earlier wording carried and listed
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool microsoft-forms -o "$SCRATCH/ms" --topics "$TOPICS"
expect_text "$SCRATCH/ms/tna.yaml" '      "Ysgrifennu mewn Saesneg clir / Writing in plain English": "cd-plain-english"'
expect_text "$SCRATCH/ms/tna.yaml" '        "Cyngor Sir Powys / Powys County Council": "powys"'
expect_text "$SCRATCH/ms/tna.yaml" '#   authority powys: "Cyngor Unedol Powys / Powys Unitary Council", was "Cyngor Sir Powys / Powys County Council" (both read)'
# ... but not over another tool's configuration: Qualtrics' tags are not Forms' headings
cp "$SCRATCH/qualtrics/tna.yaml" "$SCRATCH/ms/tna.yaml"
expect_exit 0 "$TNA" questionnaire "$REF/tna.yaml" --tool microsoft-forms -o "$SCRATCH/ms" --topics "$TOPICS"
if grep -q '"Tcdwriting_\|Writing in plain English' "$SCRATCH/ms/tna.yaml"; then
  die "microsoft-forms: headings carried over from another tool's configuration"; fi
