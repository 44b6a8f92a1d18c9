#!/bin/sh
# tools/scale.sh: one measured run of tna on a 5,000,000-staff export (about 2.5 GB), made on
# the fly from the benchmark's 1,000,000-staff dataset (tools/bench.sh --prepare): its current
# period's rows five times over, each copy with its own staff numbers, so that every copy's
# people are new people. Prints the wall time and peak memory (GNU time) and memory per
# respondent. The export is written under SCALE_WORK (default $TMPDIR/tna-scale) and removed
# afterwards; nothing is committed. Skipped without the benchmark harness.
#   COPIES=5 (the multiple of one million staff)
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(sh "$here/tools/bench.sh" --prepare 2>/dev/null) || true
if [ -z "$work" ] || [ ! -x "$work/run.sh" ]; then
  echo "scale: no benchmark harness (tools/bench.sh --prepare); skipped" >&2
  exit 0
fi
copies=${COPIES:-5}
data="$work/data/staff-1000000-seed1"
if [ ! -f "$data/.complete" ]; then
  echo "scale: generating the 1,000,000-staff dataset first (once)" >&2
  (cd "$work" && python3 gen.py "$data" --staff 1000000 --seed 1 --periods 2026-Q2,2026-Q3 && touch "$data/.complete")
fi
current=$(tail -n 1 "$data/flat/periods.csv")
out=${SCALE_WORK:-${TMPDIR:-/tmp}/tna-scale}
rm -rf "$out" && mkdir -p "$out/$current"
trap 'rm -rf "$out"' EXIT
cp -r "$data/frameworks" "$data/roles.yaml" "$data/authorities.yaml" "$out/"
sed "s/^periods: .*/periods: [$current]/" "$data/tna.yaml" > "$out/tna.yaml"
# the respondent column is "Staff number", the sixth; copy k prefixes its values with k and 0
# (a comment may span lines: only a line that starts a record is touched)
rows=$(python3 - "$data/$current/staff-survey.csv" "$out/$current/staff-survey.csv" "$copies" <<'PY'
import sys
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, 'rb') as f:
    header = f.readline()
    body = f.read()
with open(dst, 'wb') as out:
    out.write(header)
    records = 0
    for k in range(copies):
        tag = str(k).encode()
        inside = False  # within a quoted field of many lines: not the start of a record
        for line in body.splitlines(keepends=True):
            if not inside:
                records += 1
                parts = line.split(b',', 6)
                if k:
                    parts[5] = tag + b'0' + parts[5]
                line = b','.join(parts)
            out.write(line)
            if line.count(b'"') % 2:
                inside = not inside
print(records)
PY
)
size=$(stat -c %s "$out/$current/staff-survey.csv")
echo "scale: $rows rows, $((size / 1000000)) MB, $(nproc) cores"
/usr/bin/time -v "$here/build/tna" run "$out/tna.yaml" -o "$out/reports" -q 2> "$out/time" || { cat "$out/time" >&2; exit 1; }
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time")
echo "scale: wall $wall, peak memory $((rss / 1024)) MiB, $((rss * 1024 / rows)) bytes per respondent"
