# KNOWN TO FAIL, so kept out of tests/cli (make test does not run it). Run it by hand:
#   TNA=build/tna sh tests/tools/privacy_bounds.sh
# tests/cli/privacy_system.sh shows no hidden figure of the sample is determined by the
# additive relations alone. This test asks more: that none is pinned to one value by those
# relations together with bounds a reader knows (every figure a whole number >= 0, a hidden
# row has 1 to min_group_size - 1 respondents when code 1, learners <= respondents, assessed
# <= respondents x the topic's skills, ...; solve_suppression.py --bounds lists them).
# On the sample it fails: in 2026-Q2, Ceredigion's four code-1 role groups (content-designer,
# delivery-manager, digital-officer, service-designer) hold between them, in 15 of the 17
# topics, exactly as many respondents as there are groups (authority x topic less the shown
# roles; cd-accessibility: 15 - 5 - 6 = 4), so each has exactly 1 respondent (60 figures);
# then in 6 topics its assessed pairs (24) and in dd-ai and ur-methods its learners (8: that
# one person is below target) follow too. 92 figures, each equal to the run at
# min_group_size 1. 2026-Q3 has none. Suppression that also keeps a hidden
# group's range wide (a protection interval) would fix it; that is for the lead to decide.
. tests/tools/cli_lib.sh
G=groups-2026-Q3.csv
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/run" -q
cp -r inputs "$SCRATCH/open"
sed -i 's/^\( *min_group_size:\) *5$/\1 1/' "$SCRATCH/open/tna.yaml"
expect_exit 0 "$TNA" run "$SCRATCH/open/tna.yaml" -o "$SCRATCH/open-out" -q
python3 tests/tools/solve_suppression.py "$SCRATCH/run/$G" 5 --bounds --verify "$SCRATCH/open-out/$G" \
  >"$SCRATCH/solve" 2>&1 || { cat "$SCRATCH/solve" >&2; die "solve_suppression.py"; }
for p in 2026-Q2 2026-Q3; do
  grep -q "^$p: 0 hidden figures pinned by bounds$" "$SCRATCH/solve" ||
    { grep -v '^PINNED' "$SCRATCH/solve" >&2; grep "^PINNED $p" "$SCRATCH/solve" | head -20 >&2
      die "$p: hidden figures pinned by bounds"; }
done
echo "ok"
