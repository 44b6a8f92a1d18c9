# The reference documents keep up with the code: every key and value the configuration loader
# accepts is in tna.yaml(5) and docs/configuration.md, and every CSV header a run (with
# --export-counts) and a merge write is in docs/outputs.md word for word.
. tests/tools/cli_lib.sh
PY=${PYTHON:-python3}
check=tests/tools/check_docs.py

expect_exit 0 $PY $check keys src/config man/tna.yaml.5 docs/configuration.md
# a key taken out of the man page is missed (the check is not vacuous)
sed 's/welsh_medium/welsh medium/g' man/tna.yaml.5 > "$SCRATCH/tna.yaml.5"
expect_exit 1 $PY $check keys src/config "$SCRATCH/tna.yaml.5"
expect_text "$SCRATCH/err" "no 'welsh_medium'"

expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/run" --export-counts -q
expect_exit 0 "$TNA" merge inputs/tna.yaml "$SCRATCH/run/counts-2026-Q3.csv" -o "$SCRATCH/merged" -q
set -- "$SCRATCH"/run/*.csv
[ $# -eq 13 ] || die "expected 13 CSVs from a run with --export-counts, got $#: $*"
expect_exit 0 $PY $check headers docs/outputs.md "$@" "$SCRATCH/merged/data-quality-2026-Q3.csv"
# a column added to a writer is missed
sed '1s/$/,new_column/' "$SCRATCH/run/demand-2026-Q3.csv" > "$SCRATCH/demand-2026-Q3.csv"
expect_exit 1 $PY $check headers docs/outputs.md "$SCRATCH/demand-2026-Q3.csv"
expect_text "$SCRATCH/err" "no header of demand-2026-Q3.csv"
exit 0
