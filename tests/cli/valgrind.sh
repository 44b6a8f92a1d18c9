# valgrind finds no leak and no error in tna validate and tna run on the shipped inputs, and in
# tna init on an export, and in tna questionnaire for LimeSurvey and paper (XML and the PDF).
. tests/tools/cli_lib.sh
command -v valgrind >/dev/null || die "valgrind is not installed (make test-deps)"
case "$BUILD" in *san*) exit 0 ;; esac   # sanitizer builds cannot run under valgrind
for cmd in "validate inputs/tna.yaml" "run inputs/tna.yaml -o $SCRATCH/o -q" \
           "init tests/fixtures/tools/surveymonkey/export.csv -o $SCRATCH/i/tna.yaml" \
           "questionnaire inputs/tna.yaml --tool limesurvey -o $SCRATCH/ql" \
           "questionnaire inputs/tna.yaml --tool paper -o $SCRATCH/qp"; do
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    --suppressions=tests/tools/valgrind.supp \
    "$TNA" $cmd >"$SCRATCH/vg.out" 2>&1 || { tail -n 40 "$SCRATCH/vg.out"; die "valgrind: tna $cmd"; }
done
