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
