#!/bin/sh
# Runs the whole suite from the repository root: every unit test program in $BUILD/tests
# (GTest programs, TAP output, run with -k so a failed case does not stop the rest), then
# every command-line test script tests/cli/*.sh (each gets TNA=path to the binary).
# Ends with the line "N passed, N failed" (unit test cases and scripts); exit status 1 when
# anything failed.
#
# T=/MODULE[/NAME] runs only that unit test (or the whole program tests/unit/test_MODULE.c);
# T=tests/cli/NAME.sh only that script.
BUILD=${BUILD:-build}
export TNA="$PWD/$BUILD/tna" BUILD
passed=0
failed=0

# run_unit PROGRAM [ARGS...]: one test program; counts its "ok" and "not ok" cases, and
# prints its whole output when anything failed (a crash counts as one failure).
run_unit() {
  t=$1; shift
  out=$("$t" --tap -k "$@" 2>&1); rc=$?
  p=$(printf '%s\n' "$out" | grep -c '^ok ')
  f=$(printf '%s\n' "$out" | grep -c '^not ok ')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
    printf '%s\n' "$out"; echo "FAILED $t (exit $rc): $p passed, $f failed"
  else
    echo "ok   $t: $p passed"
  fi
}

run_script() {
  if out=$(sh "$1" 2>&1); then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); printf '%s\n' "$out" | tail -n 30; echo "FAIL $1"; fi
}

case ${T:-} in
'') for t in "$BUILD"/tests/test_*; do
      [ -x "$t" ] && run_unit "$t"
    done
    for s in tests/cli/*.sh; do
      [ -f "$s" ] && run_script "$s"
    done ;;
*.sh) [ -f "$T" ] || { echo "T=$T: no such script"; exit 1; }
    run_script "$T" ;;
/*) module=$(echo "$T" | cut -d/ -f2)
    t="$BUILD/tests/test_$module"
    [ -x "$t" ] || { echo "T=$T: no test program $t (tests/unit/test_$module.c)"; exit 1; }
    run_unit "$t" -p "$T"
    if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
      echo "T=$T: no such test; $t -l lists them"; exit 1
    fi ;;
*) echo "T=$T: give a test path (/ingest/long-format) or a script (tests/cli/NAME.sh)"; exit 1 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
