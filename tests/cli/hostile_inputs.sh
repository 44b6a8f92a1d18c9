# Random bytes and truncated real exports through the whole pipeline: tna never crashes or
# hangs, and says either that it read the file (exit 0) or where it is broken (exit 3, with
# file:line). Under `make check` the binary is built with ASan and UBSan.
. tests/tools/cli_lib.sh
cp -r tests/cases/analysis "$SCRATCH/case"
survey="$SCRATCH/case/2026-Q3-survey.csv"
python3 - "$SCRATCH" <<'PY'
import os, random, sys
out = sys.argv[1]
rnd = random.Random(20261123)
real = open("tests/cases/oracle/2026-Q3/staff-survey.csv", "rb").read()
head = open("tests/cases/analysis/2026-Q3-survey.csv", "rb").read().split(b"\n")[0] + b"\n"
cases = []
for i in range(12):                       # the right header, then random bytes
    cases.append(head + bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 4000))))
for i in range(6):                        # random bytes drawn from CSV's own alphabet
    cases.append(head + bytes(rnd.choice(b'a,"\r\n;\t \xc3\xa2\xff0') for _ in range(3000)))
for cut in (1, 3, 100, 1000, 5000, 20000, 100000):   # a real export cut short
    cases.append(real[:cut])
for n, data in enumerate(cases):
    open(os.path.join(out, "hostile-%02d.csv" % n), "wb").write(data)
PY
n=0
for f in "$SCRATCH"/hostile-*.csv; do
  cp "$f" "$survey"
  timeout 20 "$TNA" run "$SCRATCH/case/tna.yaml" -o "$SCRATCH/out" -q >"$SCRATCH/o" 2>"$SCRATCH/e"; rc=$?
  case $rc in
    0) ;;
    3) grep -q "2026-Q3-survey.csv:[0-9]" "$SCRATCH/e" || grep -q "2026-Q3-survey.csv:" "$SCRATCH/e" || { cat "$SCRATCH/e"; die "$f: exit 3 without naming the file"; } ;;
    *) cat "$SCRATCH/e"; die "$f: exit $rc" ;;
  esac
  n=$((n + 1))
done
[ "$n" -ge 25 ] || die "only $n cases ran"
