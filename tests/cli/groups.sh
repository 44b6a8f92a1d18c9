# groups-PERIOD.csv, every group figure of every grouping set, checked against figures not
# computed by tna:
# 1. the hand-computed case (tests/cases/analysis): tests/tools/groups_oracle.py computes the
#    whole file from the answers as resolved by hand (resolved-answers.csv: the later
#    submission wins, a blank keeps the earlier answer, the manager's rating of s3 wins for
#    001, unknown answers are missing) and the file must be the same, byte for byte: the
#    figures of every set, the sort order, and the skills each figure rests on (topic two
#    rests on s3 alone, s4 having no target);
# 2. the messy oracle case at min_group_size 1: the summary's sets equal the DuckDB peer's
#    summary, and the other sets add up from them (a region from its authorities, figures
#    of pairs across topics, frameworks and skills), and a topic rests on the skills that
#    have rows of their own.
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/hand" -q
python3 tests/tools/groups_oracle.py tests/cases/analysis/tna.yaml \
  tests/cases/analysis/resolved-answers.csv 2026-Q3 >"$SCRATCH/want.csv" || die "groups_oracle.py"
cmp "$SCRATCH/want.csv" "$SCRATCH/hand/groups-2026-Q3.csv" ||
  { diff "$SCRATCH/want.csv" "$SCRATCH/hand/groups-2026-Q3.csv"; die "groups CSV differs from the independent computation"; }
grep -q '^2026-Q3,\*,\*,\*,fw,t2,\*,4,4,2,2,0.500000,0.500000,2,1,2,0,' "$SCRATCH/hand/groups-2026-Q3.csv" ||
  die "topic two should rest on 1 of its 2 skills"

expect_exit 0 "$TNA" run tests/cases/oracle/tna.yaml -o "$SCRATCH/o" -q
python3 - "$SCRATCH/o/groups-2026-Q3.csv" tests/cases/oracle/expected-summary.csv <<'PY' || die "oracle groups"
import csv, sys
from collections import defaultdict
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
peer = {tuple(r[k] for k in ("period", "authority", "role", "framework", "topic")): r
        for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
FIG = ["respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below",
       "learners_needing"]
ADD = ["assessed", "below_target", "gap_sum"]  # pairs add up across topics and skills
bad = []
def key(r, *dims):
    return tuple(r[d] if d in dims else "*" for d in ("period", "region", "authority", "role",
                                                        "framework", "topic", "skill"))
by = {key(r, "period", "region", "authority", "role", "framework", "topic", "skill"): r for r in rows}
assert all(r["suppressed"] == "0" for r in rows)
# the summary's sets: the peer's figures
n = 0
for r in rows:
    if r["skill"] != "*" or (r["region"] != "*" and r["authority"] == "*"):
        continue
    if r["framework"] != "*" and r["topic"] == "*":
        continue
    k = (r["period"], r["authority"], r["role"], r["framework"], r["topic"])
    if r["role"] != "*" and r["authority"] == "*" and r["topic"] == "*":
        continue  # role alone: not a summary set
    n += 1
    if k not in peer or any(r[f] != peer[k][f] for f in FIG):
        bad.append("summary set %s differs from the peer" % (k,))
if n != len(peer):
    bad.append("%d summary groups, the peer has %d" % (n, len(peer)))
# the other sets from their parts
sums = defaultdict(lambda: defaultdict(int))
def add(total_key, r, figs):
    for f in figs:
        sums[total_key][f] += int(r[f])
for r in rows:
    a, g, p, f, t, s = (r[x] for x in ("authority", "region", "role", "framework", "topic", "skill"))
    P = r["period"]
    if a != "*" and p == "*" and f == "*":       # authority -> region (all its figures)
        add((P, g, "*", "*", "*", "*", "*"), r, FIG[:4] + ["learners_needing"])
    if a != "*" and p == "*" and t != "*":       # authority x topic -> region x topic
        add((P, g, "*", "*", f, t, "*"), r, FIG[:4] + ["learners_needing"])
        add((P, g, a, "*", f, "*", "*"), r, ADD)  # -> authority x framework
    if a == "*" and g == "*" and p != "*" and t != "*":  # role x topic -> role
        add((P, "*", "*", p, "*", "*", "*"), r, ADD)
    if a == "*" and g == "*" and p == "*" and t != "*" and s == "*":  # topic -> framework
        add((P, "*", "*", "*", f, "*", "*"), r, ADD)
    if s != "*":                                 # skill -> topic, and the skills counted
        add((P, "*", "*", "*", f, t, "*"), r, ADD)
        sums[(P, "*", "*", "*", f, t, "*")]["skills_with_rows"] += 1
checked = 0
for k, want in sums.items():
    got = by.get(k)
    if got is None:
        bad.append("no row %s" % (k,))
        continue
    for f, v in want.items():
        checked += 1
        if f == "skills_with_rows":
            if int(got["skills_assessed"]) != v or v > int(got["skills"]):
                bad.append("%s rests on %s skills, %d have rows" % (k, got["skills_assessed"], v))
        elif int(got[f]) != v:
            bad.append("%s %s = %s, parts add up to %d" % (k, f, got[f], v))
for b in bad[:20]:
    print(b)
print("%d groups, %d summary groups as the peer's, %d sums checked, %d problems" % (len(rows), n, checked, len(bad)))
sys.exit(1 if bad else 0)
PY
exit 0
