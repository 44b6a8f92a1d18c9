# tna init: a configuration drafted for exports tna has never seen.
#  - Each per-tool fixture with text headings (tests/fixtures/tools/<tool>/, and the
#    Windows-1252 copy): the tool is recognised, `tna validate` accepts the draft, and the
#    draft with its answers: block filled in (by fill_init_answers.py, with the two meanings
#    the hand-written configurations give) gives the same summary, barriers and demand CSVs
#    (demand holds the Welsh-preferring learners) and the same data-quality log (every
#    problem and note, and the rows read = accepted + rejected + excluded; the file column
#    aside, as the paths are written differently) as the fixture's hand-written
#    configuration. The answers block counts "CCC" as often as the
#    export holds it (counted here with Python's csv module).
#  - The same Microsoft Forms export with Welsh headings and Welsh grid rows, and the
#    Qualtrics export with shortened and reworded statements (one a guess marked "# check"):
#    the same figures again.
#  - The respondent is the person's staff number or email, never the tool's response id.
#  - LimeSurvey exported with question codes: recognised, and told what to export instead.
#  - The real public exports (tests/fixtures/exports) are recognised as the right tool; a file
#    from an unknown tool gets a draft without a preset and says so.
#  - An existing configuration is never overwritten without --force, which says it replaced it.
#  - tna sample's exports (two periods; a survey, manager ratings and evaluations): one
#    draft with {period} paths gives the sample configuration's figures.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml' 2>/dev/null && PY=/usr/bin/python3
MAP="$SCRATCH/answers.json"
printf '%s\n' '{"authority": {"CCC": "ceredigion"}, "role": {"Team leader or manager": "team-manager"}}' >"$MAP"

# same_figures NAME CONFIG HAND: the drafted CONFIG (answers filled in) and the hand-written
# HAND give the same summary, barriers and demand CSVs and the same data-quality log but for
# its file column (the first: CONFIG may name the export by another path).
same_figures() {
  $PY tests/tools/fill_init_answers.py "$2" "$MAP" || die "$1: cannot fill in the answers block"
  expect_exit 0 "$TNA" validate "$2"
  expect_exit 0 "$TNA" run "$2" -o "$SCRATCH/$1-init" -q
  expect_exit 0 "$TNA" run "$3" -o "$SCRATCH/$1-hand" -q
  for f in summary barriers demand; do
    cmp -s "$SCRATCH/$1-init/$f-2026-Q3.csv" "$SCRATCH/$1-hand/$f-2026-Q3.csv" ||
      { diff "$SCRATCH/$1-init/$f-2026-Q3.csv" "$SCRATCH/$1-hand/$f-2026-Q3.csv" | head >&2
        die "$1: the drafted configuration gives another $f-2026-Q3.csv"; }
  done
  for side in init hand; do
    cut -d, -f2- "$SCRATCH/$1-$side/data-quality-2026-Q3.csv" >"$SCRATCH/$1-$side.dq"
  done
  cmp -s "$SCRATCH/$1-init.dq" "$SCRATCH/$1-hand.dq" ||
    { diff "$SCRATCH/$1-init.dq" "$SCRATCH/$1-hand.dq" | head >&2
      die "$1: the drafted configuration gives another data-quality log"; }
  n=$(wc -l <"$SCRATCH/$1-init/summary-2026-Q3.csv")
  [ "$n" -gt 20 ] || die "$1: only $n summary lines"
  # column 14 of demand is the Welsh-preferring learners
  awk -F, '$4 == "*" && $5 == "*" && $14 > 0 { found = 1 } END { exit !found }' \
    "$SCRATCH/$1-init/demand-2026-Q3.csv" || die "$1: no Welsh-preferring learners in demand"
  grep -q '^0,0,,[0-9]* rows read = [0-9]* accepted + [0-9]* rejected + [0-9]* excluded,' \
    "$SCRATCH/$1-init.dq" || die "$1: the data-quality log does not count the rows read"
}

# ccc_count EXPORT HEADER_ROWS: how many rows say the council is "CCC".
ccc_count() {
  $PY - "$1" "$2" <<'PY'
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
try:
    text = raw.decode("utf-8-sig")
except UnicodeDecodeError:
    text = raw.decode("cp1252")
rows = list(csv.reader(io.StringIO(text, newline="")))
print(sum(1 for r in rows[int(sys.argv[2]):] if "CCC" in r))
PY
}

for case in microsoft-forms:export.csv:tna.yaml:Email:1 \
            microsoft-forms:export-cp1252.csv:tna-cp1252.yaml:Email:1 \
            google-forms:export.csv:tna.yaml:"Email address":1 \
            surveymonkey:export.csv:tna.yaml:"Staff number":2 \
            smartsurvey:export.csv:tna.yaml:"Staff number":3 \
            qualtrics:export.csv:tna.yaml:"Staff number":3; do
  tool=${case%%:*}; rest=${case#*:}
  export=${rest%%:*}; rest=${rest#*:}
  hand=${rest%%:*}; rest=${rest#*:}
  respondent=${rest%%:*}; header_rows=${rest#*:}
  name="$tool-${export%.csv}"
  config="$SCRATCH/$name/tna.yaml"
  expect_exit 0 "$TNA" init "tests/fixtures/tools/$tool/$export" -o "$config"
  tool_name=$(sed -n 's/^# A configuration as a user writes it for a \(.*\) export.*/\1/p' \
              "tests/fixtures/tools/$tool/tna.yaml")
  expect_text "$SCRATCH/out" "recognised as a $tool_name export"
  expect_text "$SCRATCH/out" "it runs as it is"
  expect_text "$config" "preset: $tool"
  expect_text "$config" "respondent: \"$respondent\""
  n=$(ccc_count "tests/fixtures/tools/$tool/$export" "$header_rows")
  [ "$n" -ge 1 ] || die "$name: the export has no CCC"
  grep -q "^#     \"CCC\": \"[a-z-]*\" *# $n rows; nearest: " "$config" ||
    { grep -A3 "authority:" "$config" >&2; die "$name: the answers block does not count CCC $n times"; }
  expect_exit 0 "$TNA" validate "$config"
  same_figures "$name" "$config" "tests/fixtures/tools/$tool/$hand"
done

# Welsh headings and grid rows (the Microsoft Forms export, its header line in Welsh)
$PY - "$SCRATCH/welsh" <<'PY' || die "cannot write the Welsh export"
import os, sys, yaml
out = sys.argv[1]
os.makedirs(out)
cy = {}
for f in ("content-design", "user-research", "digital-data"):
    for t in yaml.safe_load(open("inputs/frameworks/%s.yaml" % f, encoding="utf-8"))["topics"]:
        for s in t["skills"]:
            cy[s["name"]] = s["name_cy"]
text = open("tests/fixtures/tools/microsoft-forms/export.csv", encoding="utf-8-sig", newline="").read()
head, rest = text.split("\r\n", 1)
words = {"Which council do you work for?": "Ar gyfer pa gyngor ydych chi'n gweithio?",
         "What is your job role?": "Beth yw eich swydd?",
         "Have you attended training in the last 12 months?":
             "A ydych chi wedi mynychu hyfforddiant yn y 12 mis diwethaf?",
         "What stops you learning?": "Beth sy'n eich atal rhag dysgu?",
         "Which language would you prefer to learn in?": "Ym mha iaith yr hoffech chi ddysgu?",
         "Any other comments?": "Unrhyw sylwadau eraill?", "Email": "Cyfeiriad e-bost"}
cells = []
for h in head.split(","):
    if h.startswith("How confident are you in each of these skills?."):
        h = "Pa mor hyderus ydych chi?." + cy[h.split(".", 1)[1]]
    cells.append(words.get(h, h))
open(os.path.join(out, "export.csv"), "w", encoding="utf-8", newline="").write(
    "\ufeff" + ",".join(cells) + "\r\n" + rest)
PY
expect_exit 0 "$TNA" init "$SCRATCH/welsh/export.csv" -o "$SCRATCH/welsh/tna.yaml"
expect_text "$SCRATCH/welsh/tna.yaml" 'authority: "Ar gyfer pa gyngor ydych chi'"'"'n gweithio?"'
expect_text "$SCRATCH/welsh/tna.yaml" '"Ysgrifennu mewn Saesneg clir": "cd-plain-english"'
expect_text "$SCRATCH/welsh/tna.yaml" 'respondent: "Cyfeiriad e-bost"'
same_figures welsh "$SCRATCH/welsh/tna.yaml" tests/fixtures/tools/microsoft-forms/tna.yaml

# Qualtrics statements shortened and reworded
mkdir -p "$SCRATCH/short"
sed -e 's/ - Writing in plain English,/ - Plain English,/' \
    -e 's/ - Structuring pages so people can scan them,/ - Structuring pages,/' \
    -e 's/ - Running user interviews,/ - Plain language interviews with users,/' \
    -e 's/ - Running usability testing,/ - Usability testing,/' \
    -e 's/ - Using Microsoft 365 for everyday work,/ - Microsoft 365,/' \
    -e 's/ - Spotting phishing and other cyber security threats,/ - Phishing,/' \
    tests/fixtures/tools/qualtrics/export.csv >"$SCRATCH/short/export.csv"
grep -q " - Plain English," "$SCRATCH/short/export.csv" || die "the shortened export was not made"
expect_exit 0 "$TNA" init "$SCRATCH/short/export.csv" -o "$SCRATCH/short/tna.yaml"
expect_text "$SCRATCH/short/tna.yaml" '"Plain English": "cd-plain-english"'
expect_text "$SCRATCH/short/tna.yaml" '"Phishing": "dd-cyber"'
grep -q '"Plain language interviews with users": "ur-interviews" *# check: a guess' \
  "$SCRATCH/short/tna.yaml" || { grep -A8 "skills:" "$SCRATCH/short/tna.yaml" >&2; die "the guess is not marked"; }
expect_text "$SCRATCH/out" "check the 1 skill marked '# check'"
same_figures short "$SCRATCH/short/tna.yaml" tests/fixtures/tools/qualtrics/tna.yaml

# LimeSurvey with question codes as headings: recognised, and told what to do
expect_exit 0 "$TNA" init tests/fixtures/tools/limesurvey/export.csv -o "$SCRATCH/ls/tna.yaml"
expect_text "$SCRATCH/out" "recognised as a LimeSurvey export"
expect_text "$SCRATCH/out" "'Question code & question text'"

# the real public exports
for f in tests/fixtures/exports/*/*.csv; do
  case "$f" in
    */qualtrics/*) expected_tool=Qualtrics ;;
    */surveymonkey/*) expected_tool=SurveyMonkey ;;
    */google_forms/*) expected_tool="Google Forms" ;;
    */limesurvey/*) expected_tool=LimeSurvey ;;
    *) die "no tool known for $f" ;;
  esac
  out="$SCRATCH/real/$(basename "$f" .csv)/tna.yaml"
  expect_exit 0 "$TNA" init "$f" -o "$out"
  expect_text "$SCRATCH/out" "recognised as a $expected_tool export"
  expect_text "$SCRATCH/out" "left for you before it runs"
  [ -f "$out" ] || die "no draft for $f"
done
expect_exit 0 "$TNA" init tests/fixtures/exports/qualtrics/qualtrics_sample_legacy.csv -o "$SCRATCH/legacy.yaml"
expect_text "$SCRATCH/out" "the older format"
expect_text "$SCRATCH/legacy.yaml" "skip_after_header: 1"

# a file from a tool tna does not know
printf 'Ref;Council;Role;Writing in plain English\nX1;Cardiff;Content designer;Working\n' >"$SCRATCH/odd.csv"
expect_exit 0 "$TNA" init "$SCRATCH/odd.csv" -o "$SCRATCH/odd/tna.yaml"
expect_text "$SCRATCH/out" "not recognised as the export of a tool tna knows"
expect_text "$SCRATCH/odd/tna.yaml" "# preset: the tool was not recognised"
if grep -q "^    preset:" "$SCRATCH/odd/tna.yaml"; then die "a preset for an unknown tool"; fi
expect_exit 0 "$TNA" validate "$SCRATCH/odd/tna.yaml"

# a submission-date column in which no date reads (tna run would stop on it): left out, said
printf 'Staff number,Council,Role,Rated on,Rater,Skill,Level\nE1,Cardiff,Content designer,2026-07]1-,manager,Writing in plain English,Working\n' >"$SCRATCH/nodate.csv"
expect_exit 0 "$TNA" init "$SCRATCH/nodate.csv" -o "$SCRATCH/nodate/tna.yaml"
expect_text "$SCRATCH/out" "no date in 'Rated on' could be read, so submitted: is left out"
expect_text "$SCRATCH/out" "it runs as it is"
if grep -q "submitted:" "$SCRATCH/nodate/tna.yaml"; then die "an unreadable date column mapped as submitted"; fi
expect_exit 0 "$TNA" run "$SCRATCH/nodate/tna.yaml" -o "$SCRATCH/nodate-out" -q

# never overwrite without saying so
printf '# my own\n' >"$SCRATCH/mine.yaml"
expect_exit 2 "$TNA" init "$SCRATCH/odd.csv" -o "$SCRATCH/mine.yaml"
expect_text "$SCRATCH/err" "already exists"
expect_text "$SCRATCH/err" "--force"
[ "$(cat "$SCRATCH/mine.yaml")" = "# my own" ] || die "the configuration was overwritten"
expect_exit 0 "$TNA" init "$SCRATCH/odd.csv" -o "$SCRATCH/mine.yaml" --force
expect_text "$SCRATCH/out" "replaced $SCRATCH/mine.yaml"
expect_exit 2 "$TNA" init
expect_text "$SCRATCH/err" "takes the survey exports"
expect_exit 3 "$TNA" init "$SCRATCH/nothing-here.csv" -o "$SCRATCH/none.yaml"
[ ! -f "$SCRATCH/none.yaml" ] || die "a draft for a file that does not exist"

# tna sample's exports, two periods and three kinds, drafted at once
expect_exit 0 "$TNA" sample "$SCRATCH/sample" --staff 300
expect_exit 0 "$TNA" init "$SCRATCH"/sample/2026-Q*/*.csv -o "$SCRATCH/drafted/tna.yaml"
expect_text "$SCRATCH/drafted/tna.yaml" 'periods: ["2026-Q2", "2026-Q3"]'
expect_text "$SCRATCH/drafted/tna.yaml" 'path: "../sample/{period}/staff-survey.csv"'
expect_text "$SCRATCH/drafted/tna.yaml" "format: long"
expect_text "$SCRATCH/drafted/tna.yaml" "format: evaluation"
expect_exit 0 "$TNA" run "$SCRATCH/sample/tna.yaml" -o "$SCRATCH/sample-hand" -q
expect_exit 0 "$TNA" run "$SCRATCH/drafted/tna.yaml" -o "$SCRATCH/sample-init" -q
for f in summary barriers demand raters; do
  cmp -s "$SCRATCH/sample-hand/$f-2026-Q3.csv" "$SCRATCH/sample-init/$f-2026-Q3.csv" ||
    die "the drafted configuration of the sample gives another $f-2026-Q3.csv"
done
