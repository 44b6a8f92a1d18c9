# The command line: help, version, usage errors and exit statuses (DESIGN.md).
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
