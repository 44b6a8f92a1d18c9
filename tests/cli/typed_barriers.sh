# Barriers are reference data: reports show a barrier of barriers.yaml by its name (and the
# CSVs by its id), never what someone typed. In tests/cases/planning/privacy one person typed
# "Looking after my mum Gwen" into the barriers question: it matches no barrier, so it is
# counted as other, and its text is in the data-quality log and nowhere else - not the
# workbook's XML, not the PDF's text, not any other CSV.
. tests/tools/cli_lib.sh
typed="Looking after my mum Gwen"
grep -q "$typed" tests/cases/planning/privacy/2026-Q3-survey.csv || die "the case lost its typed barrier"
expect_exit 0 "$TNA" run tests/cases/planning/privacy/tna.yaml -o "$SCRATCH/o" -q
pdftotext "$SCRATCH"/o/tna-*.pdf "$SCRATCH/pdf.txt"
( cd "$SCRATCH" && mkdir x && cd x && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" ../o/tna-*.xlsx )
for f in "$SCRATCH/pdf.txt" "$SCRATCH"/o/*.csv $(find "$SCRATCH/x" -name '*.xml'); do
  case $f in */data-quality-*) continue ;; esac
  if grep -q "$typed" "$f"; then die "typed barrier text in $(basename "$f")"; fi
done
expect_text "$SCRATCH/o/data-quality-2026-Q3.csv" "$typed,barrier matches no barrier; counted as other"
# the names (in the report language) and the ids of the reference list instead
expect_text "$SCRATCH/pdf.txt" "Lack of time"
expect_text "$SCRATCH/pdf.txt" "Other"
expect_text "$SCRATCH/o/barriers-2026-Q3.csv" "2026-Q3,other,a1,5,1,0.200000,0"
expect_exit 0 "$TNA" run tests/cases/planning/privacy/tna.yaml -o "$SCRATCH/cy" -q --lang cy
pdftotext "$SCRATCH"/cy/tna-*.pdf "$SCRATCH/cy.txt"
expect_text "$SCRATCH/cy.txt" "Diffyg amser"
