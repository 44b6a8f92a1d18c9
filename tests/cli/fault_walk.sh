# Fault injection (include/tna/faults.h), SQLite's way: the fault build fails the Nth
# write-class operation, then the Nth checked allocation, for N = 1, 2, ... through a whole
# run of a small case, until a run reaches no fault. Each failure must exit 2 or 3 with a
# message and nothing else on stderr (under make check: no sanitizer report, no leak), and
# leave the previous report set exactly as it was, with no temporaries. A fault after the
# commit (the new set already in place) must not fail the run. The write faults are walked
# twice: into a directory of report sets (a link swapped whole), and into a directory that
# holds a file of the user's, which is updated in place, file by file: there every fault
# must leave the previous reports (put back from their hard links) and the user's file.
. tests/tools/cli_lib.sh
TNAF="$(dirname "$TNA")/tna-faults"
[ -x "$TNAF" ] || die "no fault-injection build at $TNAF (make unit builds it)"
export SOURCE_DATE_EPOCH=1700000000
CASE=tests/cases/analysis/tna.yaml
# the previous set: the same case with one answer changed, so the two sets differ
cp -r tests/cases/analysis "$SCRATCH/older"
sed -i '2s/Working,None/Expert,None/' "$SCRATCH/older/2026-Q3-survey.csv"
expect_exit 0 "$TNA" run "$CASE" -o "$SCRATCH/expected" -q
R="$SCRATCH/r"
previous() {
  expect_exit 0 "$TNA" run "$SCRATCH/older/tna.yaml" -o "$R" -q
  rm -rf "$SCRATCH/previous" && cp -r "$R/" "$SCRATCH/previous"
}
previous
diff -rq "$SCRATCH/previous" "$SCRATCH/expected" >/dev/null && die "the two sets should differ"
rm -rf "$R" "$(set_home "$R")"
mode=link expected="$SCRATCH/expected"

# same_as DIR: the set in $R is exactly DIR
same_as() {
  diff -r "$1" "$R/" >"$SCRATCH/diff" 2>&1 || { head -n 20 "$SCRATCH/diff" >&2; die "$2: $R is not $1"; }
}

walk() {
  kind=$1 n=1
  previous
  while :; do
    before=$(readlink "$R" || echo "a directory")
    env "TNA_FAULT_$kind=$n" "$TNAF" run "$CASE" -o "$R" -q >"$SCRATCH/out" 2>"$SCRATCH/err"
    rc=$?
    fired=$(grep '^tna-faults: ' "$SCRATCH/err")
    [ -z "$fired" ] || echo "$fired" >>"$SCRATCH/fired-$mode"
    what="$kind fault $n (${fired#tna-faults: })"
    if grep -v -e '^tna-faults: ' -e '^tna: ' "$SCRATCH/err" | grep -q .; then
      cat "$SCRATCH/err" >&2; die "$what: more than a message on stderr"
    fi
    if [ -z "$fired" ]; then # walked past the last operation: an ordinary run
      [ "$rc" -eq 0 ] || { cat "$SCRATCH/err" >&2; die "a run with no fault left exited $rc"; }
      same_as "$expected" "$what"
      break
    fi
    case "$fired" in
    *"after commit"*)
      [ "$rc" -eq 0 ] || { cat "$SCRATCH/err" >&2; die "$what: exit $rc after the commit"; }
      same_as "$expected" "$what"
      previous ;;
    *)
      [ "$rc" -eq 2 ] || [ "$rc" -eq 3 ] || { cat "$SCRATCH/err" >&2; die "$what: exit $rc"; }
      grep -q '^tna: ..' "$SCRATCH/err" || die "$what: no message"
      [ "$(readlink "$R" || echo "a directory")" = "$before" ] || die "$what: the link moved"
      same_as "$SCRATCH/previous" "$what" ;;
    esac
    expect_no_litter "$R"
    if [ "$mode" = link ]; then
      sets=$(ls "$(set_home "$R")" | grep -c '^set-')
      [ "$sets" -le 2 ] || die "$what: $sets sets kept"
    else
      [ ! -e "$(set_home "$R")" ] || die "$what: an in-place update left $(set_home "$R")"
    fi
    n=$((n + 1))
  done
  [ "$n" -gt 10 ] || die "$kind: only $((n - 1)) faults reached: is this the fault build?"
  walked=$((n - 1))
  echo "$kind ($mode): $walked faults walked"
}
walk WRITE
writes=$walked
walk ALLOC
allocs=$walked

# in place: the same walk into a directory holding the user's notes beside the reports. Its
# every state must be the previous reports or the new ones, each with the notes unchanged
mode="in place"
rm -rf "$R" "$(set_home "$R")"
mkdir "$R"
echo "the user's notes" >"$R/notes.txt"
cp -r "$SCRATCH/expected/" "$SCRATCH/expected-here" && cp "$R/notes.txt" "$SCRATCH/expected-here/"
expected="$SCRATCH/expected-here"
previous
[ ! -L "$R" ] && [ ! -e "$(set_home "$R")" ] || die "$R, with the user's file, was not updated in place"
walk WRITE
# the in-place steps were among them: a failed link aside, and a failed rename after others
# had succeeded, whose undo put their old reports back (the same_as check above)
for step in "link an old report aside" "rename a report into place"; do
  [ "$(grep -c "($step)" "$SCRATCH/fired-$mode")" -ge 2 ] || die "in place: '$step' was not walked"
done

# docs/faults.md quotes the counts; a change in the operations must change it too (they do
# not depend on the number of threads: measured with TNA_THREADS 1, 2 and 8)
said="the walk covers $writes write-class operations and $allocs allocations into a directory"
said="$said of sets, and $walked write-class operations in place"
tr '\n' ' ' <docs/faults.md | tr -s ' ' | grep -qF "$said" || die "docs/faults.md should say: $said"
