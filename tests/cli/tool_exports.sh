# Exports shaped as each survey tool writes them (tests/fixtures/tools/<tool>/, made by
# tests/tools/make_tool_fixtures.py): Microsoft Forms (and its Windows-1252 copy), Google
# Forms, SurveyMonkey, SmartSurvey, Qualtrics and LimeSurvey, each read with the
# configuration a user writes for it and the shipped reference files as they are. Every
# group figure, barrier count, Welsh-preferring learner count, the rows read, accepted,
# rejected and excluded (in the data-quality log and on the console) and the data-quality
# entries must be what the generator worked out from the people it invented; no name, email,
# staff number, comment or typed answer may reach a report. The committed fixtures must be
# exactly what the generator writes.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml' 2>/dev/null && PY=/usr/bin/python3
$PY tests/tools/make_tool_fixtures.py "$SCRATCH/fresh" || die "the generator failed"
diff -r "$SCRATCH/fresh" tests/fixtures/tools >"$SCRATCH/diff" ||
  { head -20 "$SCRATCH/diff"; die "tests/fixtures/tools is not what make_tool_fixtures.py writes"; }
n=0
for config in tests/fixtures/tools/*/tna*.yaml; do
  tool=$(basename "$(dirname "$config")")
  out="$SCRATCH/$tool-$(basename "$config" .yaml)"
  expect_exit 0 "$TNA" run "$config" -o "$out"
  # the console counts the rows as the generator does: per file, and for the current period
  $PY - "$config" >"$SCRATCH/want" <<'PY' || die "$config: no expected rows"
import json, os, re, sys
config = sys.argv[1]
r = json.load(open(os.path.join(os.path.dirname(config), "expected.json"),
                   encoding="utf-8"))[os.path.basename(config)]["rows"]
path = re.search(r"^    path: (\S+)$", open(config, encoding="utf-8").read(), re.M).group(1)
print("/%s: %d rows read, %d accepted, %d rejected, %d excluded" % (
    path, r["read"], r["accepted"], r["rejected"], r["excluded"]))
print("rows: %d read, %d rejected, %d excluded as not responses;" % (
    r["read"], r["rejected"], r["excluded"]))
PY
  while IFS= read -r line; do expect_text "$SCRATCH/out" "$line"; done <"$SCRATCH/want"
  $PY tests/tools/check_tool_fixture.py "$(dirname "$config")/expected.json" "$config" "$out" ||
    die "$config"
  n=$((n + 1))
done
[ "$n" -eq 7 ] || die "$n configurations, expected 7 (six tools and a Windows-1252 copy)"
# the Windows-1252 copy is said to be one, on the console too
expect_exit 0 "$TNA" validate tests/fixtures/tools/microsoft-forms/tna-cp1252.yaml
expect_text "$SCRATCH/out" "read as Windows-1252"
# Qualtrics: the preview and spam rows are excluded, and said to be
expect_exit 0 "$TNA" validate tests/fixtures/tools/qualtrics/tna.yaml
expect_text "$SCRATCH/out" "53 rows read, 49 accepted, 2 rejected, 2 excluded"
# ... and counted on the PDF's method page and the workbook's About sheet
out="$SCRATCH/qualtrics-tna"
pdftotext -layout "$out/tna-2026-Q3.pdf" "$SCRATCH/q.txt"
tr -s ' ' < "$SCRATCH/q.txt" | grep -q "^2026-Q3 staff-survey 53 49 2 2 1 0$" ||
  { pdftotext -layout "$out/tna-2026-Q3.pdf" - | grep -A3 "Rows read" >&2; die "the PDF does not count the excluded rows"; }
$PY - "$out/tna-2026-Q3.xlsx" <<'PY' || die "the About sheet does not count the excluded rows"
import sys, zipfile
strings = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode("utf-8")
assert "53 read = 49 accepted + 2 rejected + 2 excluded (not responses)" in strings
PY
