# Federated runs (issue 16): the shipped sample, and a generated 20,000-staff dataset, split by
# council; each part run with --export-counts; `tna merge` of the parts' counts files gives,
# with SOURCE_DATE_EPOCH set, every CSV byte-identical to the run over all the raw answers,
# except the data-quality CSV, which cannot carry the values a counts file must not hold:
# there, every (file, column, reason) of the raw log is a merged row with the same number of
# entries. Counts of another framework version, or of other periods, are refused (exit 3)
# with a message that says which. A counts file holds no staff number and no typed value.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import yaml' 2>/dev/null || die "needs python3 with yaml (make test-deps)"
export SOURCE_DATE_EPOCH=1767225600

# split SRC DST GROUPS: DST/part-K/ is a copy of the dataset SRC holding the rows of the
# councils of group K (councils in authorities.yaml order, dealt into GROUPS groups); all
# the records of one staff number go to the council of their first matched record, rows
# matching no council to the first group (they are rejected there, as in the full run).
split() {
  $PY - "$1" "$2" "$3" <<'PY' || die "could not split $1"
import csv, glob, os, re, shutil, sys, yaml
src, dst, groups = sys.argv[1], sys.argv[2], int(sys.argv[3])
key = lambda s: re.sub(r"\s+", " ", s.strip()).casefold()
cfg = yaml.safe_load(open(os.path.join(src, "tna.yaml"), encoding="utf-8"))
auths = yaml.safe_load(open(os.path.join(src, cfg["authorities"]), encoding="utf-8"))["authorities"]
council = {}
for i, a in enumerate(auths):
    for name in [a["id"], a["name"], a.get("name_cy") or ""] + list(a.get("aliases") or []):
        council[key(str(name))] = i
council.update({key(str(k)): next(i for i, a in enumerate(auths) if a["id"] == v)
                for k, v in ((cfg.get("answers") or {}).get("authority") or {}).items()})
group_of = lambda i: i * groups // len(auths)
files = sorted(glob.glob(os.path.join(src, "20*", "*.csv")), reverse=True)  # current period first
tables = {}
for f in files:
    raw = open(f, encoding="utf-8-sig", newline="").read()
    rows = list(csv.reader(raw.splitlines(keepends=False)))
    tables[f] = rows
person = {}
for f in files:
    head = tables[f][0]
    sn = head.index("Staff number")
    col = next(i for i, c in enumerate(head) if c in ("Which council do you work for?", "Council"))
    for r in tables[f][1:]:
        if len(r) > max(sn, col) and r[sn].strip() and key(r[col]) in council:
            person.setdefault(r[sn].strip(), group_of(council[key(r[col])]))
for k in range(groups):
    part = os.path.join(dst, "part-%d" % k)
    shutil.copytree(src, part, ignore=shutil.ignore_patterns("*.csv"))
    for f in files:
        head = tables[f][0]
        sn = head.index("Staff number")
        col = next(i for i, c in enumerate(head) if c in ("Which council do you work for?", "Council"))
        def mine(r):
            who = r[sn].strip() if len(r) > sn else ""
            if who in person:
                return person[who] == k
            c = key(r[col]) if len(r) > col else ""
            return (group_of(council[c]) if c in council else 0) == k
        out = os.path.join(part, os.path.relpath(f, src))
        with open(out, "w", encoding="utf-8", newline="") as fp:
            w = csv.writer(fp, lineterminator="\r\n")
            w.writerow(head)
            w.writerows(r for r in tables[f][1:] if mine(r))
PY
}

# merge_check DATASET GROUPS: the full run, the parts' runs and their merge, compared.
merge_check() {
  d=$1 g=$2 w="$SCRATCH/$(basename "$1")"
  expect_exit 0 "$TNA" run "$d/tna.yaml" -o "$w/full" -q
  split "$d" "$w" "$g"
  counts=""
  for k in $(seq 0 $((g - 1))); do
    expect_exit 0 "$TNA" run "$w/part-$k/tna.yaml" -o "$w/out-$k" -q --export-counts
    counts="$counts $w/out-$k/counts-2026-Q3.csv"
  done
  # shellcheck disable=SC2086
  expect_exit 0 "$TNA" merge "$d/tna.yaml" $counts -o "$w/merged" -q
  n=0
  for f in "$w"/full/*.csv; do
    b=$(basename "$f")
    [ "$b" = data-quality-2026-Q3.csv ] && continue
    cmp -s "$f" "$w/merged/$b" || { diff "$f" "$w/merged/$b" | head -20 >&2; die "$d: merged $b differs from the full run's"; }
    n=$((n + 1))
  done
  [ "$n" -ge 9 ] || die "$d: only $n CSVs compared"
  [ -s "$w/merged/tna-2026-Q3.pdf" ] && [ -s "$w/merged/tna-2026-Q3.xlsx" ] || die "$d: merge wrote no PDF or workbook"
  $PY - "$w" "$g" <<'PY' || die "$d: merged data-quality counts differ from the raw log"
import collections, csv, os, sys
w = sys.argv[1]
# a file's own notes ("N rows read = ...", "no file for this period") are per file: each
# council's are its own; every other entry is a problem found in a row
note = lambda r: "rows read =" in r["reason"] or "no file for this period" in r["reason"]
raw = collections.Counter()
for r in csv.DictReader(open(os.path.join(w, "full", "data-quality-2026-Q3.csv"), encoding="utf-8")):
    if not note(r):
        raw[("/".join(r["file"].split("/")[-2:]), r["column"], r["reason"])] += 1
merged = collections.Counter()
for r in csv.DictReader(open(os.path.join(w, "merged", "data-quality-2026-Q3.csv"), encoding="utf-8")):
    assert r["value"] == "", r
    assert int(r["entries"]) > 0, r
    if not note(r):
        merged[("/".join(r["file"].split("/")[-2:]), r["column"], r["reason"])] += int(r["entries"])
assert sum(raw.values()) > 0
assert raw == merged, (raw - merged, merged - raw)
PY
  # no staff number, and no value from the log, in a counts file
  sn=$(awk -F, 'NR == 2 {print $1}' "$d/2026-Q3/manager-ratings.csv")
  ! grep -q "$sn" "$w"/out-*/counts-2026-Q3.csv || die "$d: a staff number in a counts file"
}

merge_check inputs 22
"$TNA" sample "$SCRATCH/big" --staff 20000 --seed 7 >/dev/null || die "tna sample failed"
merge_check "$SCRATCH/big" 4

# refused: other periods, other definitions (a target changed), not a counts file
w="$SCRATCH/inputs"
cp -r inputs "$SCRATCH/other"
sed -i 's/^periods: .*/periods: ["2026-Q3"]/' "$SCRATCH/other/tna.yaml"
expect_exit 3 "$TNA" merge "$SCRATCH/other/tna.yaml" "$w/out-0/counts-2026-Q3.csv" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "these counts are of periods '2026-Q2 2026-Q3', the configuration's are '2026-Q3'"
cp -r inputs "$SCRATCH/defs"
sed -i '0,/level: 3/s//level: 2/' "$SCRATCH/defs/roles.yaml"
cmp -s inputs/roles.yaml "$SCRATCH/defs/roles.yaml" && die "could not change a target"
expect_exit 3 "$TNA" merge "$SCRATCH/defs/tna.yaml" "$w/out-1/counts-2026-Q3.csv" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "counts-2026-Q3.csv:3: these counts were made with other definitions"
expect_exit 3 "$TNA" merge inputs/tna.yaml "$w/full/summary-2026-Q3.csv" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "not a counts file"
expect_exit 2 "$TNA" merge inputs/tna.yaml
[ ! -e "$SCRATCH/x/summary-2026-Q3.csv" ] || die "a refused merge wrote reports"
exit 0
