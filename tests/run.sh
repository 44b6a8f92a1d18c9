#!/bin/sh
# Runs the whole suite from the repository root: every unit test program in $BUILD/tests,
# then every command-line test script tests/cli/*.sh (each gets TNA=path to the binary).
# Ends with the line "N passed, N failed"; exit status 1 when anything failed.
BUILD=${BUILD:-build}
export TNA="$PWD/$BUILD/tna" BUILD
passed=0
failed=0
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  out=$("$t" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | grep '^TESTS ' | tail -n 1)
  p=$(echo "$line" | cut -d' ' -f2); f=$(echo "$line" | cut -d' ' -f3)
  [ -n "$p" ] || { p=0; f=1; }
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ]; then printf '%s\n' "$out" | grep -v '^TESTS '; echo "FAILED $t (exit $rc)";
  else printf '%s\n' "$out" | grep -v '^TESTS '; fi
done
for s in tests/cli/*.sh; do
  [ -f "$s" ] || continue
  if out=$(sh "$s" 2>&1); then passed=$((passed + 1)); echo "ok   $s"
  else failed=$((failed + 1)); printf '%s\n' "$out" | tail -n 30; echo "FAIL $s"; fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
