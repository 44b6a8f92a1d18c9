# Every output is the same, byte for byte, however many workers read the files: TNA_THREADS=1
# (one worker, one thread for every stage) against the default, and against every file cut
# into three ranges (TNA_SPLIT_MIN_BYTES=1 splits even the smallest). The cases: the shipped
# sample (two quarters, a long source, evaluations), the messy oracle (BOM, CRLF, duplicates,
# junk answers), and a 9 MB export, large enough to be split by default, of typed "Other"
# barriers over 200 bytes (the data-quality log keeps 200) with a Welsh letter across the
# cut. (test_split.c compares the datasets of more cases, the tool exports among them.)
. tests/tools/cli_lib.sh
big="$SCRATCH/big"
mkdir "$big"
cp tests/cases/analysis/fw.yaml tests/cases/analysis/roles.yaml tests/cases/analysis/authorities.yaml "$big/"
cat >"$big/tna.yaml" <<'EOF'
periods: [P]
frameworks: [fw.yaml]
roles: roles.yaml
authorities: authorities.yaml
sources:
  - name: s
    path: "{period}.csv"
    barrier_separator: ";"
    columns: {respondent: Staff, authority: Council, role: Role, barriers: Barriers}
    skills: {S1: s1, S2: s2, S3: s3, S4: s4}
privacy:
  min_group_size: 1
EOF
python3 - "$big/P.csv" <<'EOF'
import sys
levels = ["None", "Awareness", "Working", "Practitioner", "Expert", ""]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Staff,Council,Role,S1,S2,Barriers,S3,S4\n")
    for i in range(32000):
        typed = "".join(chr(97 + (i + k) % 26) for k in range(197 + i % 4)) + "\u0175\u0177 gwaith"
        f.write("%06d,a%d,r%d,%s,%s,\"Lack of time;%s;Cost\",%s,%s\n" % (
            i % 29000, 1 + i % 3, 1 + i % 2, levels[i % 6], levels[(i // 6) % 6], typed,
            levels[(i // 3) % 6], levels[(i // 7) % 6]))
EOF
[ "$(wc -c <"$big/P.csv")" -gt 8388608 ] || die "the big case is under 8 MiB"
# one thread against every file in three ranges; the big case also against the default
for config in inputs/tna.yaml tests/cases/oracle/tna.yaml "$big/tna.yaml"; do
  rm -rf "$SCRATCH/one" "$SCRATCH/default" "$SCRATCH/split"
  others=split
  SOURCE_DATE_EPOCH=1700000000 TNA_THREADS=1 expect_exit 0 "$TNA" run "$config" -o "$SCRATCH/one" -q
  SOURCE_DATE_EPOCH=1700000000 TNA_THREADS=3 TNA_SPLIT_MIN_BYTES=1 \
    expect_exit 0 "$TNA" run "$config" -o "$SCRATCH/split" -q
  if [ "$config" = "$big/tna.yaml" ]; then
    SOURCE_DATE_EPOCH=1700000000 expect_exit 0 "$TNA" run "$config" -o "$SCRATCH/default" -q
    others="split default"
  fi
  n=0
  for want in "$SCRATCH"/one/*; do
    name=$(basename "$want")
    for other in $others; do
      cmp -s "$want" "$SCRATCH/$other/$name" || die "$config: $name differs between one thread and '$other'"
    done
    n=$((n + 1))
  done
  [ "$n" -ge 10 ] || die "$config: only $n files written"
done
expect_text "$SCRATCH/one/data-quality-P.csv" "yzabcd...,barrier matches no barrier"
