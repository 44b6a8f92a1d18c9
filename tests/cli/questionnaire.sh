# tna questionnaire: the survey written for each tool, and the configuration that reads its
# export.
#  - Round trip, per tool: the questionnaire and its tna.yaml for four topics of the shipped
#    frameworks (one skill with a hashed code); tests/tools/questionnaire_roundtrip.py reads
#    the survey back from the tool's own file (the .lss, the .qsf, the Apps Script run against a stand-in FormApp, the PDF's
#    text, the data-entry template), has 48 invented staff answer it (a repeat submission, a
#    role typed for Other, typed barriers; a Qualtrics preview), writes the export in the
#    tool's shape, and works out every summary and barriers row, the learners and language
#    split of every demand row, and (the same export run as two periods) how many said they
#    were trained and not; tna run gives exactly those. Blank language and training answers
#    fail the check. LimeSurvey's export is also read as full answers, in English and in
#    Welsh, and Microsoft Forms' with the grid's cells the level numbers the PDF prints.
#  - Well-formed: the .lss validates against tests/tools/limesurvey.xsd with xmllint and
#    passes the structural check, as does tests/tools/limesurvey_shape.lss, a small survey in
#    the shape LimeSurvey 5 exports (fields and tables tna does not write); the .qsf validates against tests/tools/qsf.schema.json and
#    its check; the Apps Script passes node --check; each check fails on a broken copy.
#  - The PDF is tagged, embeds its fonts and renders at 60 dpi. Read page by page
#    (tests/tools/check_pdf_pages.py), the whole survey's paper and Forms PDFs leave no grid
#    header or section heading at a page's foot, and head rows carried over to a new page
#    with the levels again; the body text is 13 pt.
#  - Stable codes: written again with a topic more, the codes of what stays are the same, and
#    this quarter's configuration reads next quarter's export; a framework's new version and
#    its new skill are listed in the new configuration's comments.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml, jsonschema' 2>/dev/null && PY=/usr/bin/python3
export SCRATCH
# cd-structure's skill cd-information-architecture is too long for a LimeSurvey code: its
# code ends in a hash (cdinformationarc + 4)
TOPICS=cd-writing,cd-structure,ur-methods,dd-digital-basics

for tool in limesurvey qualtrics google-forms microsoft-forms paper; do
  dir="$SCRATCH/$tool"
  expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool "$tool" -o "$dir" --topics "$TOPICS"
  expect_text "$SCRATCH/out" "10 questions, 20 skills rated"
  [ -f "$dir/tna.yaml" ] || die "$tool: no tna.yaml"
  if [ "$tool" = microsoft-forms ]; then
    # Quick import reads the PDF's texts, which are the single-language tools' texts
    expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool google-forms -o "$SCRATCH/gf-for-ms" --topics "$TOPICS"
    cp "$SCRATCH/gf-for-ms/create-form.gs" "$SCRATCH/ms-form.gs"
    expect_text "$dir/setup-microsoft-forms.md" "Quick import"
  fi
  $PY tests/tools/questionnaire_roundtrip.py "$tool" "$dir" || die "$tool: the round trip could not be built"
  expect_exit 0 "$TNA" validate "$dir/tna.yaml"
  expect_exit 0 "$TNA" run "$dir/tna.yaml" -o "$SCRATCH/out-$tool" -q
  # the training answer shows in a second period: the same export again, and an expectation
  # comparing those trained with those not
  cp -r "$dir/exports/2026-Q3" "$dir/exports/2026-Q2"
  sed 's/^periods: \["2026-Q3"\]/periods: ["2026-Q2", "2026-Q3"]/' "$dir/tna.yaml" >"$dir/two.yaml"
  printf 'expectations:\n  - {id: l4, title: "Trained", metric: trained_vs_untrained, target: -0.05}\n' >>"$dir/two.yaml"
  expect_exit 0 "$TNA" run "$dir/two.yaml" -o "$SCRATCH/l4-$tool" -q
  $PY tests/tools/questionnaire_roundtrip.py "$tool" "$dir" --check "$SCRATCH/out-$tool" --l4 "$SCRATCH/l4-$tool" ||
    die "$tool: the figures are not the population's"
done
# LimeSurvey's export of full answers, in English and in Welsh, read by the same tna.yaml
for lang in en cy; do
  $PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/limesurvey" --full-answers $lang ||
    die "limesurvey: the export of full answers ($lang) could not be built"
  expect_exit 0 "$TNA" run "$SCRATCH/limesurvey/tna.yaml" -o "$SCRATCH/out-ls-$lang" -q
  $PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/limesurvey" --check "$SCRATCH/out-ls-$lang" ||
    die "limesurvey: the full answers ($lang) were misread"
done
grep -q '"Cyngor Sir Powys"' "$SCRATCH/limesurvey/exports/2026-Q3/responses.csv" || die "no Welsh full answer in the export"
$PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/limesurvey" || die "the LimeSurvey export of codes written again"
# Microsoft Forms again, the grid's cells the level numbers the PDF prints over its columns
# (what Quick import may make the Likert's options), read by the same tna.yaml
$PY tests/tools/questionnaire_roundtrip.py microsoft-forms "$SCRATCH/microsoft-forms" --levels-as-printed ||
  die "microsoft-forms: the export with level numbers could not be built"
grep -q ',"\?[0-4]"\?,' "$SCRATCH/microsoft-forms/exports/2026-Q3/responses.csv" || die "no level number in the export"
expect_exit 0 "$TNA" run "$SCRATCH/microsoft-forms/tna.yaml" -o "$SCRATCH/out-ms-numbers" -q
$PY tests/tools/questionnaire_roundtrip.py microsoft-forms "$SCRATCH/microsoft-forms" --check "$SCRATCH/out-ms-numbers" ||
  die "microsoft-forms: the level numbers were not read as levels"
# the check reads the language and training answers: blanked, it fails
$PY - "$SCRATCH/limesurvey/exports/2026-Q3/responses.csv" <<'PY'
import csv, io, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
cols = [rows[0].index("language"), rows[0].index("trained")]
for r in rows[1:]:
    for c in cols:
        r[c] = ""
buf = io.StringIO()
csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
open(sys.argv[1], "w", encoding="utf-8", newline="").write("\ufeff" + buf.getvalue())
PY
cp "$SCRATCH/limesurvey/exports/2026-Q3/responses.csv" "$SCRATCH/limesurvey/exports/2026-Q2/responses.csv"
expect_exit 0 "$TNA" run "$SCRATCH/limesurvey/two.yaml" -o "$SCRATCH/l4-blank" -q
if $PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/limesurvey" --check "$SCRATCH/l4-blank" --l4 "$SCRATCH/l4-blank" >/dev/null; then
  die "the check passed an export without its language and training answers"; fi
$PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/limesurvey" || die "the LimeSurvey export written again"

grep -q '"Tcdstructure\[cdinformationarc[a-z0-9]\{4\}\]": "cd-information-architecture"' "$SCRATCH/limesurvey/tna.yaml" ||
  die "the round trip has no hashed skill code"

# without -o, the questionnaire goes to questionnaire-TOOL in the current directory
mkdir "$SCRATCH/cwd"
(cd "$SCRATCH/cwd" && "$TNA" questionnaire "$OLDPWD/inputs/tna.yaml" --tool paper --topics cd-writing >/dev/null 2>&1) ||
  die "tna questionnaire without -o failed"
for f in questionnaire.pdf data-entry.csv tna.yaml; do
  [ -s "$SCRATCH/cwd/questionnaire-paper/$f" ] || die "without -o, no questionnaire-paper/$f"
done
[ "$(ls "$SCRATCH/cwd")" = questionnaire-paper ] || { ls "$SCRATCH/cwd" >&2; die "without -o, other files written"; }

# well-formed files, the whole survey (every topic)
expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool limesurvey -o "$SCRATCH/all-ls"
xmllint --noout --schema tests/tools/limesurvey.xsd "$SCRATCH/all-ls/survey.lss" 2>"$SCRATCH/xml.err" ||
  { cat "$SCRATCH/xml.err" >&2; die "survey.lss does not validate"; }
$PY tests/tools/check_questionnaire.py lss "$SCRATCH/all-ls/survey.lss" || die "survey.lss structure"
sed 's|<code>L3</code>|<code>L3toolong</code>|' "$SCRATCH/all-ls/survey.lss" >"$SCRATCH/bad.lss"
if xmllint --noout --schema tests/tools/limesurvey.xsd "$SCRATCH/bad.lss" 2>/dev/null; then
  die "the schema passed an answer code longer than LimeSurvey's 5 characters"; fi
sed '0,/<gid>1<\/gid>/s//<gid>99<\/gid>/' "$SCRATCH/all-ls/survey.lss" >"$SCRATCH/bad2.lss"
if $PY tests/tools/check_questionnaire.py lss "$SCRATCH/bad2.lss" >/dev/null; then
  die "the structural check passed a question in a group that does not exist"; fi
sed '0,/<title>staffno<\/title>/s///' "$SCRATCH/all-ls/survey.lss" >"$SCRATCH/bad3.lss"
if $PY tests/tools/check_questionnaire.py lss "$SCRATCH/bad3.lss" >/dev/null; then
  die "the structural check passed a question without its code"; fi
# the schema is LimeSurvey's format, not tna's file: a survey in the shape LimeSurvey itself
# exports (its extra fields and tables, empty fields left out) passes both checks
xmllint --noout --schema tests/tools/limesurvey.xsd tests/tools/limesurvey_shape.lss 2>"$SCRATCH/xml.err" ||
  { cat "$SCRATCH/xml.err" >&2; die "the schema rejects a file in LimeSurvey's own shape"; }
$PY tests/tools/check_questionnaire.py lss tests/tools/limesurvey_shape.lss || die "LimeSurvey's shape, structure"

expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool qualtrics -o "$SCRATCH/all-q"
$PY tests/tools/check_questionnaire.py qsf "$SCRATCH/all-q/survey.qsf" || die "survey.qsf does not validate"
$PY - "$SCRATCH/all-q/survey.qsf" "$SCRATCH/bad.qsf" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
q = next(e for e in d["SurveyElements"] if e["Element"] == "SQ")
del q["Payload"]["QuestionText"]
json.dump(d, open(sys.argv[2], "w"))
PY
if $PY tests/tools/check_questionnaire.py qsf "$SCRATCH/bad.qsf" >/dev/null; then
  die "the schema passed a question without its text"; fi

expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool google-forms -o "$SCRATCH/all-g"
node --check - <"$SCRATCH/all-g/create-form.gs" || die "create-form.gs does not pass node --check"
sed 's/^}$//' "$SCRATCH/all-g/create-form.gs" >"$SCRATCH/bad.gs"
if node --check - <"$SCRATCH/bad.gs" 2>/dev/null; then die "node --check passed a broken script"; fi

# the printable PDF: tagged, fonts embedded, readable at 60 dpi; both languages
pdf="$SCRATCH/paper/questionnaire.pdf"
pdfinfo "$pdf" >"$SCRATCH/info" && grep -q "^Tagged: *yes" "$SCRATCH/info" || die "the PDF is not tagged"
grep -q "^Page size: *595.28 x 841.89 pts (A4)" "$SCRATCH/info" || { cat "$SCRATCH/info" >&2; die "the PDF is not A4"; }
# a real structure tree: headings, lists, tables with header and data cells
pdfinfo -struct "$pdf" >"$SCRATCH/struct"
for el in H1 H2 H3 L LI Table TR TH TD; do
  grep -q "^ *$el\b" "$SCRATCH/struct" || die "the PDF's structure has no $el"
done
pages=$(sed -n 's/^Pages: *//p' "$SCRATCH/info")
[ "$pages" -ge 3 ] || die "the PDF has $pages pages"
pdffonts "$pdf" | tail -n +3 >"$SCRATCH/fonts"
[ -s "$SCRATCH/fonts" ] || die "the PDF names no font"
if awk '$(NF-4) != "yes"' "$SCRATCH/fonts" | grep -q .; then cat "$SCRATCH/fonts" >&2; die "a font is not embedded"; fi
pdftoppm -png -r 60 "$pdf" "$SCRATCH/page" || die "pdftoppm cannot render the PDF"
[ "$(ls "$SCRATCH"/page-*.png | wc -l)" -eq "$pages" ] || die "not every page rendered"
pdftotext "$pdf" - | tr -s ' \n' '  ' >"$SCRATCH/paper.txt"
expect_text "$SCRATCH/paper.txt" "Ym mha gyngor ydych chi'n gweithio?"
expect_text "$SCRATCH/paper.txt" "Which council do you work for?"
expect_text "$SCRATCH/paper.txt" "Tudalen 1 o $pages / Page 1 of $pages"
pdfinfo "$SCRATCH/microsoft-forms/questionnaire.pdf" | grep -q "^Tagged: *yes" || die "the Forms PDF is not tagged"
# page breaks, page by page, in the whole survey (grids run over pages): no grid header or
# section heading left at a page's foot, rows carried over headed again; body text 13 pt
for tool in paper microsoft-forms; do
  expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool "$tool" -o "$SCRATCH/all-$tool"
  $PY tests/tools/check_pdf_pages.py "$SCRATCH/all-$tool/questionnaire.pdf" >"$SCRATCH/pages" ||
    { cat "$SCRATCH/pages" >&2; die "$tool: the PDF's page breaks"; }
  grep -q " [1-9][0-9]* start with a grid carried over" "$SCRATCH/pages" ||
    { cat "$SCRATCH/pages" >&2; die "$tool: no grid runs over a page, so the check checked nothing"; }
done
# the Forms setup note of the whole survey fits one printed page: wrapped at 80 columns, at
# most 50 lines (an A4 page at 11 pt with 2.5 cm margins holds about 53); every question
# is in it (each non-grid title, and each topic's grid by its topic name)
note="$SCRATCH/all-microsoft-forms/setup-microsoft-forms.md"
lines=$(awk '{ n += length($0) ? int((length($0) + 79) / 80) : 1 } END { print n }' "$note")
[ "$lines" -le 50 ] || { cat "$note" >&2; die "the Forms note is $lines lines at 80 columns, more than a page"; }
$PY - "$note" <<'PY' || die "the Forms note misses a question"
import glob, sys, yaml
note = " ".join(open(sys.argv[1], encoding="utf-8").read().split())
topics = [t for f in sorted(glob.glob("inputs/frameworks/*.yaml"))
          for t in yaml.safe_load(open(f, encoding="utf-8"))["topics"]]
want = ["%d skills questions" % len(topics), "Which council do you work for?",
        "What stops you learning?"] + ["%s (%d)" % (t["name"], len(t["skills"])) for t in topics]
missing = [w for w in want if w not in note]
print("\n".join(missing))
sys.exit(1 if missing else 0)
PY

# stable codes: a topic more, the same codes for the rest
expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool limesurvey -o "$SCRATCH/more" --topics "cd-user-needs,$TOPICS"
grep '^      "T' "$SCRATCH/limesurvey/tna.yaml" >"$SCRATCH/codes-before"
[ -s "$SCRATCH/codes-before" ] || die "no skill codes in the LimeSurvey configuration"
while IFS= read -r line; do
  grep -qxF -- "$line" "$SCRATCH/more/tna.yaml" || die "the code line changed: $line"
done <"$SCRATCH/codes-before"
# this quarter's configuration reads next quarter's export of the larger survey
$PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/more" || die "the larger survey's export"
mkdir -p "$SCRATCH/limesurvey/exports/next" && cp "$SCRATCH/more/exports/2026-Q3/responses.csv" "$SCRATCH/limesurvey/exports/next/"
sed 's/periods: \["2026-Q3"\]/periods: ["next"]/' "$SCRATCH/limesurvey/tna.yaml" >"$SCRATCH/limesurvey/next.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/limesurvey/next.yaml" -o "$SCRATCH/out-next" -q
$PY tests/tools/questionnaire_roundtrip.py limesurvey "$SCRATCH/more" --check "$SCRATCH/out-next" \
  --read-by "$SCRATCH/limesurvey/next.yaml" next || die "this quarter's configuration misread next quarter's export"

# a framework's new version and a new skill, listed when the questionnaire is written again
mkdir -p "$SCRATCH/fw/frameworks"
cp inputs/roles.yaml inputs/authorities.yaml inputs/barriers.yaml "$SCRATCH/fw/"
cp inputs/frameworks/*.yaml "$SCRATCH/fw/frameworks/"
sed -e 's|^frameworks:|frameworks:|' inputs/tna.yaml | sed -n '/^sources:/q;p' >"$SCRATCH/fw/tna.yaml"
cat >>"$SCRATCH/fw/tna.yaml" <<'EOF'
sources:
  - {name: s, path: "{period}/x.csv", columns: {authority: A, role: R}, skills: {S: cd-plain-english}}
EOF
expect_exit 0 "$TNA" questionnaire "$SCRATCH/fw/tna.yaml" --tool paper -o "$SCRATCH/fw/q" --topics "$TOPICS"
sed -i -e 's/^version: "2026.1"/version: "2026.2"/' \
  -e 's/^      - id: cd-scannable$/      - id: cd-headings\n        name: "Writing clear headings"\n        name_cy: "Ysgrifennu penawdau clir"\n      - id: cd-scannable/' \
  "$SCRATCH/fw/frameworks/content-design.yaml"
grep -q "cd-headings" "$SCRATCH/fw/frameworks/content-design.yaml" || die "the framework was not changed"
expect_exit 0 "$TNA" questionnaire "$SCRATCH/fw/tna.yaml" --tool paper -o "$SCRATCH/fw/q" --topics "$TOPICS"
expect_text "$SCRATCH/fw/q/tna.yaml" "#   framework content-design: version 2026.2, was 2026.1"
expect_text "$SCRATCH/fw/q/tna.yaml" "#   skill cd-headings: added"
expect_text "$SCRATCH/out" "changed since the last questionnaire: framework content-design: version 2026.2, was 2026.1"

# the directory stays a plain one: written again, the exports saved in it stay, and so does
# a file of the user's
[ -d "$SCRATCH/limesurvey" ] && [ ! -L "$SCRATCH/limesurvey" ] || die "the questionnaire directory is a link"
printf 'mine\n' >"$SCRATCH/limesurvey/notes.txt"
cp "$SCRATCH/limesurvey/tna.yaml" "$SCRATCH/yaml-before"
expect_exit 0 "$TNA" questionnaire inputs/tna.yaml --tool limesurvey -o "$SCRATCH/limesurvey" --topics "$TOPICS"
[ ! -L "$SCRATCH/limesurvey" ] || die "written again, the questionnaire directory became a link"
[ -s "$SCRATCH/limesurvey/exports/2026-Q3/responses.csv" ] || die "written again, the export saved in it went"
[ -s "$SCRATCH/limesurvey/exports/next/responses.csv" ] || die "written again, next quarter's export went"
[ "$(cat "$SCRATCH/limesurvey/notes.txt")" = mine ] || die "written again, the user's file changed"
cmp -s "$SCRATCH/limesurvey/tna.yaml" "$SCRATCH/yaml-before" || die "the same survey gave another tna.yaml"
[ -z "$(ls -A "$SCRATCH/limesurvey" | grep '^\.')" ] || { ls -A "$SCRATCH/limesurvey" >&2; die "hidden files left in the questionnaire directory"; }

# usage errors say what to do
expect_exit 2 "$TNA" questionnaire inputs/tna.yaml --tool surveymonkey -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "--tool must be limesurvey, qualtrics, google-forms, microsoft-forms or paper"
expect_exit 2 "$TNA" questionnaire inputs/tna.yaml --tool paper -o "$SCRATCH/x" --topics nope
expect_text "$SCRATCH/err" "no topic 'nope'"
[ ! -e "$SCRATCH/x" ] || [ -z "$(ls -A "$SCRATCH/x")" ] || die "files written on an error"
