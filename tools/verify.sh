#!/bin/sh
# make verify: tna's summary must equal the independent DuckDB, pandas and data.table
# peers in ../shared/bench (run from the writable copy tools/bench.sh makes), group for group,
# on generated datasets (min_group_size 1); and every barrier wording of the generator is
# one of inputs/barriers.yaml's barriers (none reported as `other`).
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
# barriers RESULTS: every wording of the generator's barriers question is a reference barrier
# (inputs/barriers.yaml's aliases): tna's barriers CSV holds as many barriers as gen.py's
# BARRIERS list, and none of them is `other`.
barriers() {
  want=$(cd "$bench" && python3 -c 'import gen; print(len(gen.BARRIERS))')
  got=$(awk -F, 'NR > 1 && $3 == "*" { print $2 }' "$1"/tna-out/barriers-*.csv | sort -u)
  n=$(printf '%s\n' "$got" | grep -c .)
  if [ "$n" != "$want" ] || printf '%s\n' "$got" | grep -qx other; then
    echo "verify: the generator's $want barrier wordings gave these barriers:" $got
    status=1
  fi
}
run() {
  echo "== verify: $*"
  out=$(env "$@" "$bench/run.sh" "$size" 2>&1) || status=1
  printf '%s\n' "$out"
  res=$(printf '%s\n' "$out" | sed -n 's/^results: //p' | tail -n 1)
  [ -d "$res/tna-out" ] && barriers "$res"
}
size=5000;   run MESSY=1 SEED=1
size=5000;   run MESSY=1 SEED=7
size=20000;  run MESSY=0 SEED=3
size=100000; run MESSY=0 SEED=1
if [ $status -eq 0 ]; then echo "verify: every summary agrees with the peers"; else echo "verify: DIFFERENCES (see above)"; fi
exit $status
