#!/bin/sh
# make verify: tna's summary must equal the independent DuckDB, pandas and data.table
# peers in ../shared/bench (run from the writable copy tools/bench.sh makes), group for group,
# on generated datasets (min_group_size 1).
# Installs what the peers need (Debian packages; DuckDB from the npm registry).
# Without the harness (BENCH, default ../shared/bench), verification is skipped (exit 0).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
harness=${BENCH:-$here/../shared/bench}
if [ ! -x "$harness/run.sh" ]; then # the harness lives outside this repository
  echo "verify: no benchmark harness at $harness; skipped" >&2
  exit 0
fi
bench=$(sh "$here/tools/bench.sh" --prepare) # a writable copy: the harness writes beside itself
sh "$here/tools/deps.sh" verify
export TNA="$here/build/tna" TOOLS="duckdb pandas datatable tna"
status=0
run() {
  echo "== verify: $*"
  env "$@" "$bench/run.sh" "$size" || status=1
}
size=5000;   run MESSY=1 SEED=1
size=5000;   run MESSY=1 SEED=7
size=20000;  run MESSY=0 SEED=3
size=100000; run MESSY=0 SEED=1
if [ $status -eq 0 ]; then echo "verify: every summary agrees with the peers"; else echo "verify: DIFFERENCES (see above)"; fi
exit $status
