# The command line: help, version, usage errors and exit statuses (README, man/tna.1).
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" --help
expect_text "$SCRATCH/out" "tna run CONFIG"
expect_exit 0 "$TNA" --version
expect_text "$SCRATCH/out" "tna 0."
expect_exit 2 "$TNA"
expect_exit 2 "$TNA" frobnicate x
expect_text "$SCRATCH/err" "unknown command 'frobnicate'"
expect_exit 2 "$TNA" run
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --no-such-option
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --lang fr -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "--lang must be en, cy or both"
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --period 1999-Q1 -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "period '1999-Q1' is not in the configuration"
# a configuration that does not exist: exit 2 with the file named
expect_exit 2 "$TNA" validate "$SCRATCH/nope.yaml"
expect_text "$SCRATCH/err" "nope.yaml"
[ ! -e "$SCRATCH/x" ] || die "a failed run wrote output"
# an unknown command says so and lists the commands, whatever follows it
expect_exit 2 "$TNA" frobnicate
expect_text "$SCRATCH/err" "unknown command 'frobnicate'; the commands are: run merge validate sample"
# a survey export given as the configuration: what to do instead
expect_exit 2 "$TNA" run tests/cases/analysis/2026-Q3-survey.csv -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "this looks like a survey export, not a tna configuration: run 'tna init tests/cases/analysis/2026-Q3-survey.csv'"
# every problem of a configuration in one run, then how many
cp -r tests/cases/analysis "$SCRATCH/bad"
sed -i 's/^privacy:/privcy:/; s/date_format: iso/date_format: isoo/' "$SCRATCH/bad/tna.yaml"
expect_exit 2 "$TNA" validate "$SCRATCH/bad/tna.yaml"
expect_text "$SCRATCH/err" "tna.yaml:9:18: 'date_format' must be auto, iso, dmy or mdy, not 'isoo' (did you mean 'iso'?)"
expect_text "$SCRATCH/err" "tna.yaml:15:18: 'date_format' must be auto, iso, dmy or mdy, not 'isoo' (did you mean 'iso'?)"
expect_text "$SCRATCH/err" "tna.yaml:18:1: unknown key 'privcy' (did you mean 'privacy'?)"
expect_text "$SCRATCH/err" "3 problems in the configuration"
# a FIFO as the configuration or as an input is refused at once (never waited on), a
# workbook saved as .csv is named for what it is, with the steps to save it as CSV UTF-8
mkfifo "$SCRATCH/pipe.yaml"
expect_exit 2 timeout 10 "$TNA" validate "$SCRATCH/pipe.yaml"
expect_text "$SCRATCH/err" "pipe.yaml: not a regular file (a directory, pipe or device)"
cp -r tests/cases/analysis "$SCRATCH/fifo"
rm "$SCRATCH/fifo/2026-Q3-survey.csv" && mkfifo "$SCRATCH/fifo/2026-Q3-survey.csv"
expect_exit 3 timeout 10 "$TNA" run "$SCRATCH/fifo/tna.yaml" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "2026-Q3-survey.csv: not a regular file (a pipe): give the path of a CSV file"
cp -r tests/cases/analysis "$SCRATCH/xlsx"
printf 'PK\003\004\024\000\006\000fake workbook' > "$SCRATCH/xlsx/2026-Q3-survey.csv"
expect_exit 3 "$TNA" run "$SCRATCH/xlsx/tna.yaml" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "2026-Q3-survey.csv: this is a spreadsheet, not a CSV: save it as CSV UTF-8. In Excel: File > Save As"
[ ! -e "$SCRATCH/x" ] || die "a failed run wrote output"
