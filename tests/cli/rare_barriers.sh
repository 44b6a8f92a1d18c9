# A barrier only two people cited (tests/cases/planning/privacy: "No manager support",
# threshold 3) may be free text from an "Other (please specify)" box that identifies them:
# it must appear in no report, not even as a heading, while the common ones do.
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" run tests/cases/planning/privacy/tna.yaml -o "$SCRATCH/o" -q
grep -q "No manager support" tests/cases/planning/privacy/2026-Q3-survey.csv || die "the case lost its rare barrier"
pdftotext "$SCRATCH"/o/tna-*.pdf "$SCRATCH/pdf.txt"
( cd "$SCRATCH" && mkdir x && cd x && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" ../o/tna-*.xlsx )
for f in "$SCRATCH/pdf.txt" "$SCRATCH"/o/*.csv $(find "$SCRATCH/x" -name '*.xml'); do
  if grep -q "No manager support" "$f"; then die "rare barrier text in $(basename "$f")"; fi
done
expect_text "$SCRATCH/pdf.txt" "Time"
expect_text "$SCRATCH/o/barriers-2026-Q3.csv" "Cost"
