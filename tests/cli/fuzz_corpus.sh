# Every fuzzing harness (tests/fuzz/fuzz_*.c) replays its committed seeds and its regression
# inputs (each a crash that fuzzing once found) on every build: under make check, with ASan
# and UBSan. A broken promise aborts the harness and fails this test.
. tests/tools/cli_lib.sh
found=0
for bin in "$BUILD"/fuzz/replay_*; do
  [ -x "$bin" ] || continue
  name=${bin##*/replay_}
  found=$((found + 1))
  "$bin" "tests/fuzz/corpus/$name" "tests/fuzz/regressions/$name" >"$SCRATCH/out" 2>&1 ||
    { tail -n 30 "$SCRATCH/out"; die "the $name harness failed on a committed input"; }
  grep -q ': [1-9][0-9]* inputs$' "$SCRATCH/out" || die "the $name harness replayed no input"
done
[ "$found" -ge 4 ] || die "only $found harnesses built (make unit builds them)"
