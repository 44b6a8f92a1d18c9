# The budget plan (commissioning.budget) against brute force, from the raw answers
# (tests/tools/budget_brute.py): generated cases of 1 to 8 topics, two seeds each, with
# cohorts, places, self-directed learning and priorities. For each, the plan's lines have the
# learners and gaps the script works out from the survey alone; what tna funds costs what its
# rows say, never more than the budget; and its priority-weighted gap closed equals the best
# of every way of funding each line's cohorts or places and each topic's self-directed
# learning.
. tests/tools/cli_lib.sh
for topics in 1 2 3 4 5 6 7 8; do
  for seed in 1 2; do
    d="$SCRATCH/t$topics-s$seed"
    python3 tests/tools/budget_brute.py gen "$d" --topics "$topics" --seed "$seed" ||
      die "could not generate $topics topics, seed $seed"
    expect_exit 0 "$TNA" run "$d/tna.yaml" -o "$d/out" -q
    python3 tests/tools/budget_brute.py check "$d" > "$d/result" ||
      { cat "$d/result"; die "$topics topics, seed $seed: the budget plan is not the best"; }
  done
done
# and a budget needs every price it buys at
cat > "$SCRATCH/bad.yaml" <<YAML
$(sed -e '/cost_per_open_place/d' "$SCRATCH/t1-s1/tna.yaml")
YAML
expect_exit 2 "$TNA" validate "$SCRATCH/bad.yaml"
expect_text "$SCRATCH/err" "'budget' needs the three prices it buys at"
