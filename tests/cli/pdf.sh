# The PDF report (issue 7): a valid, tagged, bookmarked A4 file with every font embedded;
# every section heading and a page per authority; the figures of the hand-computed case
# (tests/cases/analysis, worked out in its expected-summary.csv); nothing of a suppressed
# group; Welsh headings and names; byte-identical with SOURCE_DATE_EPOCH; and a failed write
# is exit 3 with the earlier PDF intact.
. tests/tools/cli_lib.sh
for t in qpdf pdfinfo pdffonts pdftotext python3; do
  command -v $t >/dev/null || die "$t is not installed (make test-deps)"
done
export SOURCE_DATE_EPOCH=1790000000 TZ=UTC # 21 September 2026
# check PDF PYTHON: runs python checks over the text of PDF (pdftotext -layout, white space
# folded to single spaces): `pages` one string per page, `text` all of them; need(s[, page]),
# absent(s) and page_of(authority name) help. Fails when the checks exit non-zero.
check() {
  pdftotext -layout -enc UTF-8 "$1" "$SCRATCH/text.txt" || die "pdftotext $1"
  python3 -c "
import re, sys
raw = open('$SCRATCH/text.txt', encoding='utf-8').read().split('\f')
pages = [re.sub(r'\s+', ' ', p) for p in raw]
text = ' '.join(pages)
def need(s, where=None):
    if s not in (text if where is None else where):
        sys.exit('missing: %r' % s)
def absent(s):
    if s in text:
        sys.exit('must not appear: %r' % s)
def page_of(title):
    hits = [i for i, p in enumerate(raw)
            if re.search(r'^\s*' + re.escape(title) + r'\s*$', p, re.M) and 'Authorities ·' in p]
    if len(hits) != 1:
        sys.exit('expected one page for %r, found %d' % (title, len(hits)))
    return pages[hits[0]]
$2" || { head -n 60 "$SCRATCH/text.txt" >&2; die "text check failed for $1"; }
}
SECTIONS="Contents|Executive summary|Where the skills gaps are|Trends|Commissioning training|Evaluation: did training work?|Barriers to learning|Authorities|Method and data quality"

# 1. The shipped sample: a valid document
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/a" -q
A="$SCRATCH/a/tna-2026-Q3.pdf"
qpdf --check "$A" >"$SCRATCH/qpdf.out" 2>&1 || { cat "$SCRATCH/qpdf.out"; die "qpdf --check failed"; }
pdfinfo "$A" >"$SCRATCH/info"
grep -Eq '^Title: +Digital skills training-needs analysis \(sample, 2000 staff\)$' "$SCRATCH/info" ||
  { cat "$SCRATCH/info"; die "pdfinfo: title"; }
grep -Eq '^Tagged: +yes$' "$SCRATCH/info" || { cat "$SCRATCH/info"; die "pdfinfo: not tagged"; }
grep -Eq '^Page size: +595.276 x 841.89 pts \(A4\)' "$SCRATCH/info" || die "pdfinfo: not A4"
grep -Eq '^Author: +tna$' "$SCRATCH/info" || die "pdfinfo: author"
grep -Eq '^Subject: +Training-needs analysis for 2026-Q3' "$SCRATCH/info" || die "pdfinfo: subject"
grep -Eq '^CreationDate: +Mon Sep 21 .* 2026' "$SCRATCH/info" || { cat "$SCRATCH/info"; die "pdfinfo: creation date is not SOURCE_DATE_EPOCH"; }
# every font embedded, and only the DejaVu Sans we ask for by name
pdffonts "$A" >"$SCRATCH/fonts"
python3 - "$SCRATCH/fonts" <<'PY' || { cat "$SCRATCH/fonts"; die "pdffonts"; }
import sys
rows = open(sys.argv[1]).read().splitlines()[2:]
assert rows, "no fonts"
for r in rows:
    f = r.split()
    assert f[-5] == "yes", "not embedded: " + r          # emb sub uni object gen
    assert "DejaVuSans" in f[0], "unexpected font: " + r
PY
# tagged structure: the element types the report uses are in the structure tree
qpdf --qdf --object-streams=disable "$A" "$SCRATCH/qdf.pdf"
for s in Document H1 H2 P Table TR TH TD Figure TOC TOCI Link L LI; do
  grep -aq "/S /$s\b" "$SCRATCH/qdf.pdf" || die "no $s element in the structure tree"
done
# bookmarks: every section, and one per authority under "Authorities", each to its page
qpdf --json --json-key=outlines "$A" >"$SCRATCH/outlines.json"
python3 - "$SCRATCH/outlines.json" "$SECTIONS" <<'PY' || die "outline"
import json, re, sys
outlines = json.load(open(sys.argv[1]))["outlines"]
titles = [o["title"] for o in outlines]
for s in sys.argv[2].split("|"):
    assert s in titles, "no bookmark for " + s
auth = [o for o in outlines if o["title"] == "Authorities"][0]
names = re.findall(r'^    name: "(.*)"$', open("inputs/authorities.yaml", encoding="utf-8").read(), re.M)
assert len(names) == 22
assert [k["title"] for k in auth["kids"]] == names, [k["title"] for k in auth["kids"]]
pages = [k["destpageposfrom1"] for k in auth["kids"]]
assert pages == list(range(pages[0], pages[0] + 22)), pages
PY
# every section heading, every authority's page, page numbers
names=$(sed -n 's/^    name: "\(.*\)"$/\1/p' inputs/authorities.yaml | tr '\n' '|')
check "$A" "
for s in '$SECTIONS'.split('|'):
    need(s)
for n in '${names%|}'.split('|'):
    page_of(n)
need('Page 3 of ')
need('Mean gap by authority and topic')
need('Four in five user researchers at target in user research: a share of people, not of skills')
# who counts as a mentor, as inputs/tna.yaml sets it (mentors: {min_level: 4, min_share: 0.5})
need(\"staff at level 4 or above in at least 50% of the topic's skills they answered. Where a person and their manager both rated a skill, the manager's rating counts.\")
"

# 1b. share_at_target counts people, not skills (issue 15): its definition follows each row
#     that uses it, in English and in Welsh, and no other row (tests/cases/expectations: two
#     share_at_target rows of fourteen)
for lang in en cy; do
  expect_exit 0 "$TNA" run tests/cases/expectations/tna.yaml -o "$SCRATCH/ex-$lang" -q --lang $lang
  check "$SCRATCH/ex-$lang/tna-2026-Q3.pdf" "
define = {'en': 'a share of people, not of skills (those with every assessed skill at or above target, out of the people assessed): one skill below target counts a person out',
          'cy': \"cyfran o bobl, nid o sgiliau (y rhai sydd â phob sgil a aseswyd ar y targed neu uwch, allan o'r bobl a aseswyd): mae un sgil islaw'r targed yn ddigon i beidio â chyfrif unigolyn\"}['$lang']
need('Three in ten at target, then half: ' + define)
need('North holds its share at target: ' + define)
if text.count(define) != 2:
    sys.exit('the definition is printed %d times, not once for each of the 2 rows' % text.count(define))
"
done

# 2. Determinism: the same inputs and SOURCE_DATE_EPOCH give the same bytes
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/b" -q
cmp "$A" "$SCRATCH/b/tna-2026-Q3.pdf" || die "two runs gave different PDFs"

# 3. The hand-computed case (min_group_size 1): figures from expected-summary.csv.
#    Wales 5 respondents, 11 pairs, 5 below, gap 8: mean 0.73, 45% below, 4 learners;
#    t1 0.86 (43%), t2 0.50 (50%); r1 0.50 (40%), r2 3.00 (100%); a1 0.57 43% (t1 0.75,
#    t2 0.33), a2 3.00 100%, a3 0.33 33% (t1 0.00, t2 1.00); survey 9 rows, 7 accepted.
#    The 95% intervals are those of the independent oracle (tests/tools/groups_oracle.py on
#    resolved-answers.csv, as intervals.sh runs it), rounded here: Wales 0.000000-1.581215
#    and 0.153105-0.793444 (0.00-1.58, 15-79%); shares below t1
#    0.087931-0.853685 (9-85%), t2 0.060830-0.939170 (6-94%), r1 0.099184-0.801451
#    (10-80%); a1 mean gap 0.000000-1.759290 (0.00-1.76), share 0.055677-0.905127 (6-91%);
#    a1 x t1 share 0.006081-0.993919 (1-99%, holds Wales's 43%), a1 x t2 0.011330-0.956170
#    (1-96%, holds 50%); a1's mean gaps' intervals hold Wales's (0.00-3.93 and 0.00-1.77).
#    One person (a2, a3, r2) has none, and nothing of theirs is marked.
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/h" -q
H="$SCRATCH/h/tna-2026-Q3.pdf"
qpdf --check "$H" >/dev/null 2>&1 || die "qpdf --check (hand-computed case)"
check "$H" "
need('In 2026-Q3, 5 staff answered.')
need('0.73 of a level below')
need('45% of assessed skills are below target; 4 people')
need(' 5 0.73 45% 4')
need('95% intervals, with respondents as the units: mean gap 0.00–1.58, share of skills below target 15–79%.')
need('Topic one Test framework 0.86~ 0.00–2.35 43% 9–85% 3')  # ~: the intervals overlap
need('Topic two (based on 1 of 2 skills) Test framework 0.50 0.00–1.42 50% 6–94% 2')  # s4: no target
need('~ within noise of the next largest gap')
need('Topic one 0.86 (0.00–2.35; 43% below, 9–85%)')
need('Topic two 0.50 (0.00–1.42; 50% below, 6–94%; based on 1 of 2 skills)')
need('Role two 3.00 (100% below)')  # one person: no interval
need('Role one 0.50 (0.00–1.14; 40% below, 10–80%)')
need('Authority one 0.75~ 0.33*~')  # both intervals hold Wales's 0.86 and 0.50
need('Authority three 0.00 1.00*')  # one person each: no interval, no mark
need('~ not clearly different from the Wales figure')
a1 = page_of('Authority one')
need(' 3 0.57 43% 2', a1)
need('95% interval 0.00–1.76', a1)  # the headline tiles
need('95% interval 6–91%', a1)
need('0.75~', a1)  # the bars
need('0.33~', a1)
need('Topic one 2 50%~ 1–99% 43% 2', a1)
need('Topic two 3 33%~ 1–96% 50% 1 1 of 2 skills', a1)
need('~ not clearly different from the Wales figure for the topic: the 95% interval of the figure marked includes it.', a1)
a2 = page_of('Authority two')
need(' 1 3.00 100% 1', a2)
need('Topic one 1 100% 43% 1', a2)
if '~' in a2 or 'interval' in a2:
    sys.exit('a page of one person shows an interval or a mark')
a3 = page_of('Authority three')
need(' 1 0.33 33% 1', a3)
need('Topic one 1 0% 43% 0', a3)
need('2026-Q3 survey 9 7 2 0 1 0')
need('2026-Q3 managers 2 2 0 0 0 0')
need('unknown authority; row left out 1')
need('Suppression is turned off for this run')
need(\"staff at the top level of the scale in every skill of the topic they answered.\")  # the default rule
"

# 4. Suppression: with min_group_size 2, authority two and role two (one respondent each,
#    mean gap 3.00 and 100% below) are suppressed; their figures appear nowhere, the
#    marker does, and Wales is still shown. Authority one (3 respondents) is hidden only so
#    that authority two and three (one each) cannot be worked out from Wales (5): it is
#    protected, never "fewer than", and so is role one (4 respondents beside role two's
#    one). No authority has figures of its own: none gets a page, and the table of
#    councils without one says why.
cp -r tests/cases/analysis "$SCRATCH/k2"
sed 's/min_group_size: 1/min_group_size: 2/' tests/cases/analysis/tna.yaml >"$SCRATCH/k2/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/k2/tna.yaml" -o "$SCRATCH/k2o" -q
grep -q '^2026-Q3,a2,\*,\*,\*,,,,,,,,1$' "$SCRATCH/k2o/summary-2026-Q3.csv" || die "a2 is not suppressed at k=2"
check "$SCRATCH/k2o/tna-2026-Q3.pdf" "
absent('3.00')
absent('(100% below)')
need('0.73 of a level below')
need('Role two fewer than 2')
need('Role one protected')
need('<2')
need('Authority one North hidden to protect a suppressed group')
need('Authority two North fewer than 2 respondents')
need('Authority three South fewer than 2 respondents')
absent('Authority one North fewer than')
absent('Authorities ·')  # no council page
need('†: protected, hidden so that a figure of fewer than 2 respondents cannot be worked out')
"

# 4b. The plan case (tests/cases/planning/plan, worked by hand in test_planning.c) with
#     mentors counted on self-assessments alone: the report says so. Its all-Wales pools
#     (cohort_min 8, 300 an open place): Welsh-medium, North's 3 and West's 2 learners, two
#     regions so online, 5 places at 300; English-medium, West's 5 alone, in person; each
#     £300 a learner.
expect_exit 0 "$TNA" run tests/cases/planning/plan/tna-mentors-self.yaml -o "$SCRATCH/self" -q
check "$SCRATCH/self/tna-2026-Q3.pdf" "
need(\"staff at level 4 or above in at least 50% of the topic's skills they answered. Only people's own ratings count, not their managers'.\")
need('Topic Medium Delivery Learners Cohorts Places Cost Cost per learner')
need('Topic one Welsh-medium Online 5 0 5 £1,500 £300')
need('Topic one English-medium In person 5 0 5 £1,500 £300')
"

# 5. Welsh: headings and names
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/cy" -q --lang cy
check "$SCRATCH/cy/tna-2026-Q3.pdf" "
for s in ['Cynnwys', 'Crynodeb gweithredol', 'Ble mae\'r bylchau sgiliau', 'Tueddiadau',
          'Comisiynu hyfforddiant', 'Rhwystrau rhag dysgu', 'Dull ac ansawdd data',
          'Tudalen 3 o ', 'Cymru gyfan', 'Fframwaith prawf',
          \"staff ar y lefel uchaf ar y raddfa ym mhob sgil o'r pwnc a atebwyd ganddynt.\"]:
    need(s)
for p in pages:
    if 'Awdurdodau ·' in p and 'Awdurdod un' in p:
        break
else:
    sys.exit('no page for Awdurdod un')
"

# 6. A write that fails half way (files capped below the PDF's size, SIGXFSZ ignored so
#    write() fails with EFBIG): exit 3, one message naming the directory and the reason, the
#    earlier PDF intact, no temp files.
cp "$H" "$SCRATCH/good.pdf"
pdf_size=$(wc -c <"$H")
other=$(find -L "$SCRATCH/h" -type f ! -name '*.pdf' -exec wc -c {} + | awk '$2 != "total" && $1 > m {m = $1} END {print m + 0}')
[ "$other" -lt "$pdf_size" ] || die "the test needs the PDF to be the largest output"
cap=$(( (other + pdf_size) / 2 ))
expect_exit 3 python3 -c '
import os, resource, signal, sys
n = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execv(sys.argv[2], sys.argv[2:])' "$cap" "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/h" -q
expect_text "$SCRATCH/err" "cannot write reports to $SCRATCH/h: File too large"
cmp "$H" "$SCRATCH/good.pdf" || die "the earlier PDF was damaged"
expect_no_litter "$SCRATCH/h"

# Every planning figure under the threshold (tests/cases/planning/tiny): the pool of two
# learners buys two places on open courses, and places are learners, so the report says the
# places and costs are hidden instead of printing them (or £0), and no saving shows.
expect_exit 0 "$TNA" run tests/cases/planning/tiny/tna.yaml -o "$SCRATCH/tiny" -q
pdftotext "$SCRATCH"/tiny/tna-*.pdf "$SCRATCH/tiny.txt"
expect_text "$SCRATCH/tiny.txt" "Learner"
expect_text "$SCRATCH/tiny.txt" "and costs are not shown because some groups behind them are too small."
if grep -q "saves £" "$SCRATCH/tiny.txt"; then die "a saving that depends on hidden places shows"; fi
