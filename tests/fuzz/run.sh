#!/bin/sh
# make fuzz: runs each libFuzzer harness for SECONDS (docs/fuzzing.md).
# usage: run.sh BUILD SECONDS NAME...
# A harness starts from the inputs of earlier runs (BUILD/corpus/NAME, where new ones go), its
# committed seeds (tests/fuzz/corpus/NAME) and its regression inputs
# (tests/fuzz/regressions/NAME). A crash, leak, timeout or broken promise stops it: the input
# is saved in BUILD/crashes/NAME/ and make fuzz fails. One line per harness: runs, coverage.
build=$1 seconds=$2
shift 2
failed=0
for name in "$@"; do
  mkdir -p "$build/corpus/$name" "$build/crashes/$name"
  dirs="$build/corpus/$name"
  for d in "tests/fuzz/corpus/$name" "tests/fuzz/regressions/$name"; do
    [ -d "$d" ] && dirs="$dirs $d"
  done
  log="$build/fuzz-$name.log"
  # shellcheck disable=SC2086 # $dirs is a list
  "$build/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$name/" $dirs >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+')
  if [ "$rc" -ne 0 ]; then
    failed=1
    grep -v '^#' "$log" | tail -n 40
    echo "fuzz $name: FAILED (exit $rc); the input is in $build/crashes/$name/:"
    echo "  fix the bug and add the input to tests/fuzz/regressions/$name/ (docs/fuzzing.md)"
  else
    echo "fuzz $name: ${runs:-?} runs in $seconds s, $cov"
  fi
done
exit "$failed"
