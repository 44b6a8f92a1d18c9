# SIGINT, SIGTERM and SIGHUP while the reports render: tna removes its staging directory,
# leaves the previous report set as it was, says so, and ends by that signal. A run killed
# outright (SIGKILL) cannot clean up: the next run removes what it left.
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000
R="$SCRATCH/r"
H=$(set_home "$R")
# the previous set comes from the small case; the runs interrupted render the shipped sample
# (2000 staff), whose reports take long enough to be caught while rendering
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$R" -q
cp -r "$R/" "$SCRATCH/previous"

interrupt() { # interrupt SIGNAL: prints tna's exit status; the link before it in $SCRATCH/link
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    readlink "$R" >"$SCRATCH/link"
    rc=$(python3 tests/tools/interrupt.py "$1" "$SCRATCH/err" "$TNA" run inputs/tna.yaml -o "$R" -q)
    [ $? -eq 75 ] || { echo "$rc"; return; }
    # the run finished before it could be stopped: put the previous set back, try again
    rm -rf "$R" "$H"
    "$TNA" run tests/cases/analysis/tna.yaml -o "$R" -q || die "cannot restore the previous set"
  done
  die "could not catch a run while it rendered"
}

for sig in INT:130 TERM:143 HUP:129; do
  name=${sig%:*} want=${sig#*:}
  rc=$(interrupt "$name")
  [ "$rc" = "$want" ] || { cat "$SCRATCH/err" >&2; die "SIG$name: exit $rc, expected $want (ended by the signal)"; }
  expect_text "$SCRATCH/err" "tna: interrupted; the reports in $R were left as they were"
  expect_no_litter "$R"
  [ "$(readlink "$R")" = "$(cat "$SCRATCH/link")" ] || die "SIG$name: the set was replaced"
  diff -r "$SCRATCH/previous" "$R/" >/dev/null || die "SIG$name: the previous set changed"
done

# SIGKILL: the staging directory stays; the next run (here a failing one) removes it
rc=$(interrupt KILL)
[ "$rc" = 137 ] || die "SIGKILL: exit $rc"
[ -n "$(find "$H" -maxdepth 1 -name 'new-*')" ] || die "SIGKILL should have left a staging directory"
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml -o "$R" -q --lang xx
[ -n "$(find "$H" -maxdepth 1 -name 'new-*')" ] || die "a usage error should not touch the directory"
printf 'Staff,Council\n"unterminated\n' >"$SCRATCH/broken.csv"
mkdir "$SCRATCH/broken" && cp tests/cases/analysis/*.yaml "$SCRATCH/broken/"
cp "$SCRATCH/broken.csv" "$SCRATCH/broken/2026-Q3-survey.csv"
cp tests/cases/analysis/2026-Q3-managers.csv "$SCRATCH/broken/"
expect_exit 3 "$TNA" run "$SCRATCH/broken/tna.yaml" -o "$R" -q
expect_no_litter "$R"
diff -r "$SCRATCH/previous" "$R/" >/dev/null || die "the previous set changed"
