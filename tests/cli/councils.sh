# Reports that do not mislead, on the shipped sample cut down to three councils of 22, its
# costs and its evaluation taken out of the configuration (as a first-time user might run):
#   - no page per absent council: the PDF has a page for Gwynedd, Powys and Cardiff only, and
#     one table lists the other 19 with "no responses";
#   - a total over the councils that answered is "3 of 22 councils" (Welsh: "3 o 22 cyngor"),
#     never "All Wales", in the PDF and the workbook;
#   - without costs in the configuration: no pound sign anywhere in the PDF or the workbook,
#     the CSVs' cost columns empty, cohorts and places shown, and a note naming both keys;
#   - with no evaluation data, the evaluation section is one paragraph saying what to add;
# and the CSVs behind it all still hold every number the PDF prints. Then the boundary case
# (3 of 5 councils): docs/method.md's worked example of a total over the councils that answered.
. tests/tools/cli_lib.sh
for t in pdftotext qpdf; do command -v $t >/dev/null || die "$t is not installed (make test-deps)"; done
PY=python3
/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl, yaml' 2>/dev/null || die "needs python3 with openpyxl and yaml (make test-deps)"
cp -r inputs "$SCRATCH/in"
$PY - "$SCRATCH/in" <<'PY' || die "could not cut the sample down"
import csv, glob, os, sys, yaml
d = sys.argv[1]
keep = ("gwynedd", "powys", "cardiff")
for f in glob.glob(os.path.join(d, "2026-Q*", "*.csv")):
    rows = list(csv.reader(open(f, encoding="utf-8-sig", newline="")))
    col = next(i for i, c in enumerate(rows[0]) if c in ("Which council do you work for?", "Council"))
    out = [rows[0]] + [r for r in rows[1:] if any(k in r[col].lower() for k in keep)]
    assert len(out) > 20, f
    csv.writer(open(f, "w", encoding="utf-8", newline="")).writerows(out)
path = os.path.join(d, "tna.yaml")
cfg = yaml.safe_load(open(path, encoding="utf-8"))
cfg["sources"] = [s for s in cfg["sources"] if s["format"] != "evaluation"]
cfg["expectations"] = [e for e in cfg["expectations"] if e["metric"] not in
                       ("satisfaction", "learning_uplift", "applied_rate", "trained_vs_untrained")]
for k in ("cost_per_cohort", "cost_per_elearning_learner", "cost_per_open_place", "budget"):
    del cfg["commissioning"][k]
yaml.safe_dump(cfg, open(path, "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
PY
expect_exit 0 "$TNA" run "$SCRATCH/in/tna.yaml" -o "$SCRATCH/o" -q
O="$SCRATCH/o"
[ "$(grep -c '^2026-Q3,[a-z-]*,\*,\*,\*,' "$O/summary-2026-Q3.csv")" -eq 3 ] || die "expected 3 councils with responses"

# the PDF: pages, the table, the labels, no money, the evaluation paragraph
pdftotext -layout "$O/tna-2026-Q3.pdf" "$SCRATCH/pdf.txt"
python3 - "$SCRATCH/pdf.txt" <<'PY' || { head -80 "$SCRATCH/pdf.txt"; die "the three-council PDF"; }
import re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
pages = [re.sub(r"\s+", " ", p) for p in raw.split("\f")]
text = " ".join(pages)
council_pages = [p for p in pages if "Authorities ·" in p]
assert len(council_pages) == 3, len(council_pages)
for name in ("Gwynedd Council", "Powys County Council", "Cardiff Council"):
    assert sum(name in p for p in council_pages) == 1, name
table = [p for p in pages if "Councils without a page" in p and "Why" in p]
assert len(table) == 1, "one page with the table"
assert table[0].count("no responses") == 19, table[0].count("no responses")
for absent in ("Isle of Anglesey County Council", "Newport City Council", "City and County of Swansea"):
    assert absent + " " in table[0] and absent not in " ".join(council_pages), absent
assert "No responses from this authority" not in text
assert "3 of 22 councils" in text and "All Wales" not in text, "the total's label"
assert "These figures are for 3 of 22 councils" in text
assert "£" not in text, "money without costs"
for key in ("commissioning.cost_per_cohort", "commissioning.cost_per_elearning_learner"):
    assert key in text.replace("- ", "").replace(" ", "") or key in text, key
assert "Cohorts in the pooled plan" in text and "Self-directed e-learning places" in text
ev = [p for p in pages if "Evaluation: did training work?" in p and "Contents" not in p]
assert len(ev) == 1 and "add a source with format: evaluation" in ev[0], "evaluation paragraph"
assert "Level 1: Reaction" not in ev[0], "no empty panels"
PY
# the workbook: the same labels, no pound sign in any part of the file
$PY - "$O/tna-2026-Q3.xlsx" <<'PY' || die "the three-council workbook"
import sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    assert "\u00a3" not in z.read(n).decode("utf-8", "replace"), "a pound sign in " + n
wb = openpyxl.load_workbook(sys.argv[1])
cells = [c.value for ws in wb.worksheets for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
assert "All Wales" not in cells and "All authorities" not in cells, "a total called All Wales"
assert "3 of 22 councils" in cells
assert any("commissioning.cost_per_cohort" in c for c in cells), "the note naming the keys"
PY
# the CSVs: cost columns empty, cohorts kept
$PY - "$O/commissioning-2026-Q3.csv" <<'PY' || die "the commissioning CSV without costs"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows and all(r["cost"] == r["cost_alone"] == r["saving"] == "" for r in rows)
assert all(r["cohorts"] != "" for r in rows)
PY
python3 tests/tools/check_pdf_numbers.py "$O/tna-2026-Q3.pdf" "$O" "$SCRATCH/in/tna.yaml" >"$SCRATCH/check" ||
  { cat "$SCRATCH/check"; die "numbers of the three-council PDF not in its CSVs"; }
# in Welsh
expect_exit 0 "$TNA" run "$SCRATCH/in/tna.yaml" -o "$SCRATCH/cy" -q --lang cy
pdftotext "$SCRATCH/cy/tna-2026-Q3.pdf" "$SCRATCH/cy.txt"
expect_text "$SCRATCH/cy.txt" "3 o 22 cyngor"

# the worked example of docs/method.md, "Totals over the councils that answered": the
# boundary case, 3 of its 5 councils answered. Figures by hand from the 10 rows of
# tests/cases/boundary/2026-Q3-survey.csv (two rejected: an unknown council, an unknown role):
# topic t1 (s1, s2; target Working) over a1's 4, a2's 3 and a3's 1 people: 15 pairs (one of
# a1's answers is not a level), gap sum 8 + 8 + 4 = 20, 10 pairs below, 6 learners; a3's one
# person is fewer than 3 (code 1), so a1 and a2 are protected (code 2): the total less them
# would give a3.
B="$SCRATCH/boundary"
expect_exit 0 "$TNA" run tests/cases/boundary/tna.yaml -o "$B" -q
for row in '2026-Q3,\*,\*,fw,t1,8,15,10,20,1.333333,0.666667,6,0' '2026-Q3,a1,\*,fw,t1,,,,,,,,2' \
           '2026-Q3,a2,\*,fw,t1,,,,,,,,2' '2026-Q3,a3,\*,fw,t1,,,,,,,,1'; do
  grep -qx "$row" "$B/summary-2026-Q3.csv" || { cat "$B/summary-2026-Q3.csv" >&2; die "boundary: no row $row"; }
done
grep -q '^2026-Q3,a[45],' "$B/summary-2026-Q3.csv" && die "boundary: a row for a council without responses"
pdftotext "$B/tna-2026-Q3.pdf" "$SCRATCH/boundary.txt"
expect_text "$SCRATCH/boundary.txt" "These figures are for 3 of 5 councils"
expect_text "$SCRATCH/boundary.txt" "3 of 5 councils"
grep -q "All Wales" "$SCRATCH/boundary.txt" && die "boundary: a total of 3 of 5 councils called All Wales"
exit 0
