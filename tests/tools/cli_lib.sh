# Sourced by the command-line tests (tests/cli/*.sh): a scratch directory and a few assertions.
# Each test script is run by tests/run.sh with TNA set to the binary, from the repo root.
set -u
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/tna-test.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
die() { echo "FAIL: $*" >&2; exit 1; }
# expect_exit CODE CMD...: runs CMD, its stderr into $SCRATCH/err, and checks the status.
expect_exit() {
  want=$1; shift
  "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"; got=$?
  [ "$got" -eq "$want" ] || { cat "$SCRATCH/out" "$SCRATCH/err" >&2; die "'$*' exited $got, expected $want"; }
}
# expect_text FILE TEXT: FILE contains TEXT (a fixed string).
expect_text() {
  grep -qF -- "$2" "$1" || { cat "$1" >&2; die "'$1' lacks: $2"; }
}
# run_unhidden CONFIG OUT: the same run with nothing hidden (privacy.min_group_size 1), from
# a copy of CONFIG's folder in $SCRATCH, its reports written to OUT: the truth a suppression
# check compares against.
run_unhidden() {
  copy="$SCRATCH/unhidden.$(basename "$2")"
  rm -rf "$copy" && cp -r "$(dirname "$1")" "$copy" || die "cannot copy $(dirname "$1")"
  cfg="$copy/$(basename "$1")"
  sed -i 's/^\( *min_group_size:\) *[0-9]*$/\1 1/' "$cfg"
  grep -q 'min_group_size: 1$' "$cfg" || die "could not set min_group_size 1 in $cfg"
  expect_exit 0 "$TNA" run "$cfg" -o "$2" -q
}
# set_home DIR: where the report sets of DIR live (include/tna/outputs.h): PARENT/.BASE.tna
set_home() {
  printf '%s/.%s.tna' "$(dirname "$1")" "$(basename "$1")"
}
# expect_no_litter DIR: no staging directory, new link, lock or old-style temporary is left.
expect_no_litter() {
  h=$(set_home "$1")
  if [ -d "$h" ] && [ -n "$(find "$h" -mindepth 1 -maxdepth 1 \( -name 'new-*' -o -name 'link-*' -o -name lock \))" ]; then
    ls -la "$h" >&2; die "temporaries left in $h"
  fi
  [ -z "$(find -L "$1" -mindepth 1 -maxdepth 1 -name '.*' 2>/dev/null)" ] || { ls -la "$1/" >&2; die "temporary files left in $1"; }
}
# under_strace ARGS...: strace ARGS, when strace can trace here (else exit 0 with a note).
# LeakSanitizer cannot run under ptrace, so it is off there; the fault walk checks leaks.
has_strace() {
  command -v strace >/dev/null && strace -f -qq -o /dev/null -e trace=none true 2>/dev/null
}
under_strace() {
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -o /dev/null "$@"
}
