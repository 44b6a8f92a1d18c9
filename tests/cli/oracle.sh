# The committed oracle case: tna's summary must be byte-identical to the DuckDB peer's
# (which agrees with the pandas peer) on a messy generated dataset.
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" run tests/cases/oracle/tna.yaml -o "$SCRATCH/out-dir" -q
cmp "$SCRATCH/out-dir/summary-2026-Q3.csv" tests/cases/oracle/expected-summary.csv ||
  { diff "$SCRATCH/out-dir/summary-2026-Q3.csv" tests/cases/oracle/expected-summary.csv | head -20; die "summary differs from the peers"; }
