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
# Hostile headers and cells for the tools' naming rules: a megabyte question carried over
# thousands of blank headings, a heading of 200,000 " - ", a barriers cell of 200,000
# separators. Each is read in bounded time and memory (caps in headings.c and cells.c).
python3 - "$SCRATCH" <<'PY'
import os, sys
d = sys.argv[1]
open(os.path.join(d, "carried.csv"), "w").write(
    "Council,Role,Skill one," + "Q" * 1000000 + "," * 15000 + "\n,,," +
    ",".join("o%d" % i for i in range(15001)) + "\na1,r1,None\n")
open(os.path.join(d, "dashes.csv"), "w").write(
    "Council,Role,Skill one," + " - ".join(["x"] * 200000) + "\na1,r1,None,1\n")
open(os.path.join(d, "separators.csv"), "w").write(
    "Council,Role,Skill one,B\na1,r1,None," + ";" * 200000 + "x\n")
for name, preset in (("carried", "surveymonkey"), ("dashes", "qualtrics"), ("separators", "none")):
    cfg = open("tests/cases/analysis/tna.yaml").read().split("sources:")[0]
    cfg = cfg.replace("fw.yaml", os.path.abspath("tests/cases/analysis/fw.yaml"))
    cfg = cfg.replace("roles.yaml", os.path.abspath("tests/cases/analysis/roles.yaml"))
    cfg = cfg.replace("authorities.yaml", os.path.abspath("tests/cases/analysis/authorities.yaml"))
    cfg += ("sources:\n  - {name: s, path: %s.csv, preset: %s, skip_after_header: %d,\n"
            "     columns: {authority: Council, role: Role, barriers: B}, skills: {Skill one: s1}}\n"
            % (name, preset, 1 if preset == "surveymonkey" else 0))
    open(os.path.join(d, name + ".yaml"), "w").write(cfg.replace("preset: none, ", ""))
PY
for name in carried dashes separators; do
  # (AddressSanitizer reserves far more address space than any limit: no limit under it)
  ( [ -n "${SANITIZE:-}" ] || ulimit -v 2000000
    timeout 60 "$TNA" validate "$SCRATCH/$name.yaml" >"$SCRATCH/o" 2>"$SCRATCH/e" ); rc=$?
  [ "$rc" -eq 0 ] || { cat "$SCRATCH/e"; die "$name: exit $rc"; }
done
expect_text "$SCRATCH/o" "barriers answer of more than 64 choices; counted as other"
