#!/bin/sh
# make bench: times tna beside the DuckDB, pandas and data.table peers and the libcsv parse
# floor on the 100,000- and 1,000,000-staff datasets (../shared/bench/run.sh), then prints
# tna's wall time and peak memory as ratios against the others measured in the same run.
# SIZES="100000 1000000" and RUNS=1 may be overridden.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH:-$here/../shared/bench}
sh "$here/tools/deps.sh" verify
export TNA="$here/build/tna"
for size in ${SIZES:-100000 1000000}; do
  out=$("$bench/run.sh" "$size" 2>&1) || true
  printf '%s\n' "$out"
  res=$(printf '%s\n' "$out" | sed -n 's/^results: //p' | tail -n 1)
  [ -f "$res/table.tsv" ] || continue
  echo
  echo "## tna against the others at $size staff (ratio = other / tna; >1 means tna is better)"
  awk -F'\t' '
    NR > 1 { wall[$1] = $3; rss[$1] = $4; st[$1] = $2 }
    END {
      if (!("tna" in wall) || st["tna"] != "ok") { print "tna did not run"; exit }
      printf "%-10s %10s %12s %14s %16s\n", "tool", "wall_s", "peak_MiB", "time ratio", "memory ratio"
      n = split("libcsv duckdb datatable pandas tna", order, " ")
      for (i = 1; i <= n; i++) {
        t = order[i]; if (!(t in wall)) continue
        printf "%-10s %10.2f %12.0f %14.2f %16.2f\n", t, wall[t], rss[t], wall[t] / wall["tna"], (rss["tna"] > 0 ? rss[t] / rss["tna"] : 0)
      }
      printf "\ntna / libcsv parse floor: %.2fx the time\n", wall["tna"] / wall["libcsv"]
    }' "$res/table.tsv"
done
