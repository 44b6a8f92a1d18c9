# A kill (SIGKILL, so no clean-up) at every step that changes the output directory: the
# directory then holds the previous set whole or the new set whole, never a mix, and the next
# run removes whatever the killed one left. With strace, the real binary is killed at its Nth
# rename, symlink, mkdir, unlink or rmdir (strace -e inject=...:signal=KILL:when=N); where
# strace is missing or cannot trace here, the fault build is killed at its Nth write-class
# operation (TNA_FAULT_KILL=N, include/tna/faults.h).
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000
CASE=tests/cases/analysis/tna.yaml
cp -r tests/cases/analysis "$SCRATCH/older"
sed -i '2s/Working,None/Expert,None/' "$SCRATCH/older/2026-Q3-survey.csv"
expect_exit 0 "$TNA" run "$SCRATCH/older/tna.yaml" -o "$SCRATCH/previous" -q
expect_exit 0 "$TNA" run "$CASE" -o "$SCRATCH/expected" -q
R="$SCRATCH/r"

calls=rename,renameat,renameat2,symlink,symlinkat,mkdir,mkdirat,unlink,unlinkat,rmdir
if has_strace; then
  how="strace, at the Nth of $calls"
  killed_run() {
    under_strace -e trace="$calls" -e inject="$calls:signal=KILL:when=$1" \
      "$TNA" run "$CASE" -o "$R" -q
  }
else
  TNAF="$(dirname "$TNA")/tna-faults"
  [ -x "$TNAF" ] || die "neither strace nor the fault build ($TNAF) is available"
  how="the fault build, at the Nth write-class operation"
  killed_run() { TNA_FAULT_KILL=$1 "$TNAF" run "$CASE" -o "$R" -q; }
fi

n=1
while :; do
  expect_exit 0 "$TNA" run "$SCRATCH/older/tna.yaml" -o "$R" -q # the previous set, and clean-up
  expect_no_litter "$R"
  [ "$(ls "$(set_home "$R")" | grep -c '^set-')" -le 2 ] || die "more than two sets kept"
  killed_run "$n" >"$SCRATCH/out" 2>"$SCRATCH/err"
  rc=$?
  if diff -r "$SCRATCH/previous" "$R/" >/dev/null; then :
  elif diff -r "$SCRATCH/expected" "$R/" >/dev/null; then :
  else
    diff -r "$SCRATCH/previous" "$R/" | head >&2
    die "killed at step $n ($how): the directory holds neither set whole"
  fi
  [ "$rc" -eq 0 ] && break # the run got past its last step
  [ "$rc" -eq 137 ] || { cat "$SCRATCH/err" >&2; die "step $n: exit $rc, expected a kill"; }
  n=$((n + 1))
  [ "$n" -lt 500 ] || die "no end to the steps"
done
[ "$n" -gt 5 ] || die "only $n steps: the kills did not happen ($how)"
echo "killed at each of $((n - 1)) steps ($how)"
