#!/bin/sh
# make bench: times tna beside the DuckDB, pandas and data.table peers and the libcsv parse
# floor on the 100,000- and 1,000,000-staff datasets (../shared/bench/run.sh), then prints
# tna's wall time and peak memory as ratios against the others measured in the same run,
# and the three targets of issue 12 (tna no slower than one core's bare libcsv parse, at
# least 7 times faster than DuckDB, at most 5% of DuckDB's peak memory).
#
# The harness writes its datasets, results and node modules beside itself, so it is run
# from a writable copy, BENCH_WORK (default $TMPDIR/tna-bench), refreshed from BENCH (default
# ../shared/bench) on every run; datasets are generated once and kept there. Without the
# harness, the benchmark is skipped. `tools/bench.sh --prepare` only makes the copy and
# prints its path (tools/verify.sh uses it).
#
# SIZES="100000 1000000", RUNS=1 and TOOLS (run.sh's; default every tool) may be overridden.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH:-$here/../shared/bench}
work=${BENCH_WORK:-${TMPDIR:-/tmp}/tna-bench}
if [ ! -x "$bench/run.sh" ]; then
  echo "bench: no benchmark harness at $bench; skipped" >&2
  exit 0
fi
mkdir -p "$work"
for f in "$bench"/*; do # the harness's own files; data/, results/, node_modules/ stay
  [ -f "$f" ] && cp -p "$f" "$work/" && chmod u+w "$work/$(basename "$f")"
done
if [ "${1:-}" = "--prepare" ]; then
  echo "$work"
  exit 0
fi
sh "$here/tools/deps.sh" verify
export TNA="$here/build/tna"
for size in ${SIZES:-100000 1000000}; do
  out=$("$work/run.sh" "$size" 2>&1) || true
  printf '%s\n' "$out"
  res=$(printf '%s\n' "$out" | sed -n 's/^results: //p' | tail -n 1)
  [ -f "$res/table.tsv" ] || continue
  echo
  echo "## tna against the others at $size staff (ratio = other / tna; >1 means tna is better)"
  awk -F'\t' -v size="$size" '
    NR > 1 { wall[$1] = $3; rss[$1] = $4; st[$1] = $2 }
    END {
      if (!("tna" in wall) || st["tna"] != "ok") { print "tna did not run"; exit }
      printf "%-10s %10s %12s %14s %16s\n", "tool", "wall_s", "peak_MiB", "time ratio", "memory ratio"
      n = split("libcsv duckdb datatable pandas tna", order, " ")
      for (i = 1; i <= n; i++) {
        t = order[i]; if (!(t in wall)) continue
        printf "%-10s %10.2f %12.0f %14.2f %16.2f\n", t, wall[t], rss[t], wall[t] / wall["tna"], (rss["tna"] > 0 ? rss[t] / rss["tna"] : 0)
      }
      printf "\ntargets at %s staff (issue 12), measured in this run:\n", size
      if ("libcsv" in wall && st["libcsv"] == "ok" && wall["libcsv"] > 0)
        printf "  tna wall / libcsv parse floor:  %6.2fx  (target <= 1)\n", wall["tna"] / wall["libcsv"]
      if ("duckdb" in wall && st["duckdb"] == "ok" && wall["tna"] > 0)
        printf "  DuckDB wall / tna wall:         %6.2fx  (target >= 7)\n", wall["duckdb"] / wall["tna"]
      if ("duckdb" in rss && st["duckdb"] == "ok" && rss["duckdb"] > 0)
        printf "  tna peak / DuckDB peak memory:  %6.1f%%  (target <= 5%%)\n", 100 * rss["tna"] / rss["duckdb"]
    }' "$res/table.tsv"
done
