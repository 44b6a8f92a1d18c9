# tna run --packs (issue 16): a report for every council with respondents and every region,
# inside the run's report set, each a filtered view of the run's one set of results.
# 1. every council of the summary CSV's current period has packs/ID/tna-ID-PERIOD.pdf and
#    .xlsx; its PDF names the council in English and in Welsh (pdftotext), and its page
#    prints the council's respondents, mean gap, share below and learners as the summary
#    CSV's row gives them (computed here from the CSV text, rounded half away from zero);
# 2. privacy across files: every figure of every pack workbook and of the all-Wales workbook
#    is a groups CSV figure with the same hidden status (tests/tools/check_packs.py), every
#    number every pack PDF prints is in a CSV row, a marker with its row's code
#    (check_pdf_numbers.py), and the summary itself leaves no suppressed figure recoverable
#    (check_suppression.py); docs/packs.md gives the argument;
# 3. a run with packs replaces one without (the packs folder is part of the set), and the
#    packs are byte-identical from run to run with SOURCE_DATE_EPOCH set.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl, yaml' 2>/dev/null || die "needs python3 with openpyxl and yaml (make test-deps)"
export SOURCE_DATE_EPOCH=1790000000
O="$SCRATCH/out1"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/plain" -q
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$O" -q --packs
for f in "$SCRATCH"/plain/*; do  # the all-Wales files do not change with --packs
  cmp -s "$f" "$O/$(basename "$f")" || die "--packs changed $(basename "$f")"
done

# 1. each council's pack names it and shows its summary figures
$PY - "$O" inputs/authorities.yaml <<'PY' || die "council packs"
import csv, os, subprocess, sys, yaml
from decimal import Decimal, ROUND_HALF_UP
out, auth = sys.argv[1], yaml.safe_load(open(sys.argv[2], encoding="utf-8"))["authorities"]
period = "2026-Q3"
rows = {r["authority"]: r for r in csv.DictReader(open(os.path.join(out, "summary-%s.csv" % period)))
        if r["period"] == period and r["role"] == "*" and r["topic"] == "*" and r["authority"] != "*"}
assert len(rows) >= 20, "the sample has figures for %d councils" % len(rows)
def r(v, places):
    return str(Decimal(v).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
bad = []
for a in auth:
    row = rows.get(a["id"])
    if row is None:
        continue
    pdf = os.path.join(out, "packs", a["id"], "tna-%s-%s.pdf" % (a["id"], period))
    if not os.path.exists(pdf) or not os.path.exists(pdf[:-3] + "xlsx"):
        bad.append("%s: no pack" % a["id"]); continue
    cover = subprocess.run(["pdftotext", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
    page = subprocess.run(["pdftotext", "-f", "2", "-l", "2", pdf, "-"], capture_output=True, text=True).stdout
    cover = " ".join(cover.split())  # a long name wraps
    for name in (a["name"], a["name_cy"]):
        if name not in cover:
            bad.append("%s: the cover does not name %r" % (a["id"], name))
    if row["suppressed"] != "0":
        continue
    want = ["{:,}".format(int(row["respondents"])), r(row["mean_gap"], 2),
            r(str(Decimal(row["share_below"]) * 100), 0) + "%", "{:,}".format(int(row["learners_needing"]))]
    lines = page.split("\n")
    for w in want:  # each headline tile: the figure alone on its line
        if w not in lines:
            bad.append("%s: its page does not show %s (summary: %s)" % (a["id"], w, row))
packs = sorted(os.listdir(os.path.join(out, "packs")))
for want in ("north-wales", "mid-wales", "south-west-wales", "south-east-wales"):
    if want not in packs:
        bad.append("no region pack %s" % want)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# 2. privacy across files
$PY tests/tools/check_packs.py "$O" inputs/tna.yaml >"$SCRATCH/check" 2>&1 ||
  { cat "$SCRATCH/check" >&2; die "check_packs.py"; }
for pdf in "$O"/packs/*/*.pdf; do
  $PY tests/tools/check_pdf_numbers.py "$pdf" "$O" inputs/tna.yaml >"$SCRATCH/check" 2>&1 ||
    { tail -20 "$SCRATCH/check" >&2; die "check_pdf_numbers.py $pdf"; }
done
$PY tests/tools/check_suppression.py "$O/summary-2026-Q3.csv" 5 >/dev/null || die "check_suppression.py"

# 3. the packs are part of the set, and reproducible
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/out2" -q --packs
( cd "$O" && find . -type f | sort ) >"$SCRATCH/list1"
( cd "$SCRATCH/out2" && find . -type f | sort ) >"$SCRATCH/list2"
cmp -s "$SCRATCH/list1" "$SCRATCH/list2" || die "the two runs wrote different files"
while read -r f; do
  cmp -s "$O/$f" "$SCRATCH/out2/$f" || die "$f differs between runs with SOURCE_DATE_EPOCH set"
done <"$SCRATCH/list1"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$O" -q
[ -e "$O/packs" ] && die "a run without --packs left the packs of the run before in the set"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$O" -q --packs
[ -f "$O/packs/gwynedd/tna-gwynedd-2026-Q3.pdf" ] || die "packs missing after a second run"
echo "ok"
