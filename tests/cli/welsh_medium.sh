# Welsh-medium planning (issue 13), both commissioning.welsh_medium settings, on
# tests/cases/welsh_medium: one topic, target 3, elearning_max_gap 1 (a gap of 1 is
# self-directed, 2 or more a cohort), cohort_min 2, cohort_max 3; prices 1000 a cohort, 50 an
# e-learner, 300 an open place. Worked by hand from the survey:
#   cohort learners  North: p01 Welsh, p02 either, p03 either, p06 English (a1), p07 Welsh,
#                    p08 not stated (a2); South: p10 either, p12 English (a3)
#   self-directed    p04 Welsh, p05 either, p11 Welsh; p09 is at target
# Floor (Welsh): North 2 learners -> ceil(2/3) = 1 cohort; South 0.  -> 2 learners, 1 cohort
# Potential (Welsh or either): North 4 -> 2 cohorts; South 1 < cohort_min -> the pool of 1,
#   under cohort_min too -> a place, no cohort.                         -> 5 learners, 2 cohorts
# Welsh e-learning: floor 2 (p04, p11), potential 3 (and p05).
# welsh (default): Welsh North 2 -> 1 cohort; English North 4 -> 2, South 2 -> 1: 4 cohorts,
#   1 Welsh-medium; cost 4*1000 + 3*50 = 4150; Welsh e-learning 2*50 = 100.
#   Alone: a1 Welsh 1 -> place, a1 English 3 -> 1 cohort, a2 Welsh 1 and English 1 -> 2
#   places, a3 English 2 -> 1 cohort: 2 cohorts, 3 places; 2*1000 + 3*300 + 150 = 3050.
# welsh_and_either: Welsh North 4 -> 2, South 1 -> pool -> 1 place; English North 2 -> 1,
#   South 1 -> pool -> 1 place: 3 cohorts, 2 Welsh-medium, 2 places;
#   cost 3*1000 + 2*300 + 3*50 = 3750; Welsh e-learning 3*50 = 150.
#   Alone: a1 Welsh 3 -> 1 cohort, every other medium of a council has 1 -> 5 places:
#   1000 + 5*300 + 150 = 2650.
# The PDF's Welsh-medium table is the same for both settings, floor and potential side by
# side: 11 learners (p09 is at target), 4 prefer Welsh (p01, p04, p07, p11), 4 either (p02,
# p03, p05, p10), 8 in cohorts; Welsh-medium cohorts floor 1, potential 2; Welsh e-learning
# floor 2, potential 3. The workbook is read back against the CSVs (check_xlsx.py).
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import openpyxl, yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import openpyxl, yaml' 2>/dev/null || die "needs python3 with openpyxl and yaml (make test-deps)"
cp -r tests/cases/welsh_medium "$SCRATCH/case"
cfg="$SCRATCH/case/tna.yaml"
COLS="cohort_learners,self_directed,cohorts,welsh_medium_cohorts,cohorts_alone,cost,cost_alone,places,places_alone,welsh_learners_floor,welsh_learners_potential,welsh_cohorts_floor,welsh_cohorts_potential,welsh_elearning_floor,welsh_elearning_potential,welsh_elearning_cost"
total() { # total DIR TOPIC: the total row's COLS
  python3 - "$1/commissioning-2026-Q3.csv" "$2" "$COLS" <<'PY'
import csv, sys
row = next(r for r in csv.DictReader(open(sys.argv[1])) if r["topic"] == sys.argv[2] and r["line"] == "total")
print(",".join(row[c] for c in sys.argv[3].split(",")))
PY
}
# pdf_row DIR: the Welsh-medium table's one row, each figure under its header
# (tests/tools/pdf_columns.py), the same for both settings (see above)
pdf_row() {
  python3 tests/tools/pdf_columns.py "$1/tna-2026-Q3.pdf" Prefer Topic >"$SCRATCH/row" ||
    die "$1: no Welsh-medium table in the PDF"
  printf '%s\n' "Topic one" "Learners = 11" "Prefer Welsh = 4" "Either language = 4" \
    "In cohorts = 8" "Welsh-medium cohorts: floor = 1" "Welsh-medium cohorts: potential = 2" \
    "Welsh e-learning: floor = 2" "Welsh e-learning: potential = 3" >"$SCRATCH/row.want"
  diff "$SCRATCH/row.want" "$SCRATCH/row" >&2 || die "$1: the PDF's Welsh-medium row (expected -, got +)"
}
xlsx() { # xlsx DIR: the workbook's figures are the CSVs', the Welsh-medium table included
  $PY tests/tools/check_xlsx.py "$1/tna-2026-Q3.xlsx" "$1" "$cfg" en >"$SCRATCH/check" 2>&1 ||
    { cat "$SCRATCH/check" >&2; die "check_xlsx.py $1"; }
}
expect_row() { # expect_row DIR WANT
  for topic in t1 '*'; do # one topic: the plan's total is the topic's
    got=$(total "$1" "$topic")
    [ "$got" = "$2" ] || die "$1 ($topic): $COLS
got      $got
expected $2"
  done
}

expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/welsh" -q
expect_row "$SCRATCH/welsh" "8,3,4,1,2,4150.00,3050.00,0,3,2,5,1,2,2,3,100.00"
grep -q ',fw,t1,region,North,welsh,2,,1,' "$SCRATCH/welsh/commissioning-2026-Q3.csv" ||
  die "welsh: the North's Welsh-medium line is not 2 learners in 1 cohort"

# the PDF: the setting, and Welsh e-learning costed separately
pdftotext "$SCRATCH/welsh/tna-2026-Q3.pdf" - | tr -s ' \n' '  ' >"$SCRATCH/welsh.txt"
expect_text "$SCRATCH/welsh.txt" "The plan counts the floor (commissioning.welsh_medium: welsh)."
expect_text "$SCRATCH/welsh.txt" "Welsh-medium e-learning, costed separately: 2 learners, £100 (part of the plan's cost)."
pdf_row "$SCRATCH/welsh"
xlsx "$SCRATCH/welsh"

printf '  welsh_medium: welsh_and_either\n' >>"$cfg"
expect_exit 0 "$TNA" run "$cfg" -o "$SCRATCH/either" -q
expect_row "$SCRATCH/either" "8,3,3,2,1,3750.00,2650.00,2,5,2,5,1,2,2,3,150.00"
grep -q ',fw,t1,region,North,welsh,4,,2,' "$SCRATCH/either/commissioning-2026-Q3.csv" ||
  die "welsh_and_either: the North's Welsh-medium line is not 4 learners in 2 cohorts"
pdftotext "$SCRATCH/either/tna-2026-Q3.pdf" - | tr -s ' \n' '  ' >"$SCRATCH/either.txt"
expect_text "$SCRATCH/either.txt" "The plan counts the potential (commissioning.welsh_medium: welsh_and_either)."
expect_text "$SCRATCH/either.txt" "Welsh-medium e-learning, costed separately: 3 learners, £150 (part of the plan's cost)."
pdf_row "$SCRATCH/either"
xlsx "$SCRATCH/either"
grep -q ',fw,t1,pool,\*,welsh,1,,0,' "$SCRATCH/either/commissioning-2026-Q3.csv" ||
  die "welsh_and_either: the South's one Welsh-medium learner is not pooled"

# a value that is neither: the line and column of the key, and the two it may be
sed -i 's/welsh_medium: welsh_and_either/welsh_medium: either/' "$cfg"
expect_exit 2 "$TNA" validate "$cfg"
expect_text "$SCRATCH/err" "tna.yaml:22:17: 'welsh_medium' must be welsh or welsh_and_either, not 'either'"
exit 0
