# A full disk, or any write error, in any writer (the CSVs, libxlsxwriter, cairo): exit 3
# with one message naming the directory and the reason, never an abort; none of
# libxlsxwriter's own "[ERROR]" lines; the previous set as it was; nothing left behind.
# A file-size limit (ulimit -f, which tna meets as EFBIG) stands in for a full disk
# everywhere; where a tmpfs can be mounted (root, and a container that allows it) a small one
# is filled for real, leaving from nothing to more than half the set's size free.
# Where strace works, each loop also checks that every writer met the error at least once
# (see writers below): otherwise a change in the reports' sizes or order could stop a
# writer's error path being reached, and the messages alone would not show it.
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000
R="$SCRATCH/r"
# the shipped sample: summary CSV about 650 KB, PDF about 840 KB, workbook about 270 KB
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$R" -q
cp -r "$R/" "$SCRATCH/previous"

# check_failed WHAT OUT REASON: the run into OUT exited 3 with just the message for REASON
check_failed() {
  [ "$rc" -eq 3 ] || { cat "$SCRATCH/err" >&2; die "$1: exit $rc, expected 3"; }
  printf 'tna: cannot write reports to %s: %s\n' "$2" "$3" >"$SCRATCH/want"
  cmp -s "$SCRATCH/want" "$SCRATCH/err" || { cat "$SCRATCH/err" >&2; die "$1: not the one message"; }
  expect_no_litter "$2"
}

# logged LIMIT CMD...: CMD under `ulimit -f LIMIT` (none: no limit), its stdout and stderr
# in $SCRATCH/out and err, and where strace works every write that failed appended to
# $SCRATCH/writes (-Z: failed calls only; -y: with the file each descriptor names)
: >"$SCRATCH/writes"
traced=yes
has_strace || { traced= && echo "disk_full: no strace here: which writers failed is not checked"; }
logged() {
  limit=$1
  shift
  if [ -n "$traced" ]; then
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -Z -y -s 0 \
      -e trace=write,writev,pwrite64,pwritev -o "$SCRATCH/strace" \
      sh -c '[ "$0" = none ] || ulimit -f "$0"; exec "$@"' "$limit" "$@"
  else
    sh -c '[ "$0" = none ] || ulimit -f "$0"; exec "$@"' "$limit" "$@"
  fi >"$SCRATCH/out" 2>"$SCRATCH/err"
  rc=$?
  [ -z "$traced" ] || cat "$SCRATCH/strace" >>"$SCRATCH/writes"
}
# writers WHAT ERROR TMP: every writer met ERROR (EFBIG, ENOSPC) in the runs logged since the
# last call: a CSV, the PDF (whose stream hides the error from cairo), and the workbook: its
# file, or one of the temporaries libxlsxwriter writes in TMP (its TMPDIR) before the zip
writers() {
  [ -n "$traced" ] || return 0
  got=$(sed -n "s/^[0-9]* *[a-z0-9]*([0-9]*<\([^>]*\)>.* = -1 $2 .*/\1/p" "$SCRATCH/writes" |
    while read -r path; do
      case $path in
      *.csv) echo CSV ;; *.pdf) echo PDF ;; *.xlsx | "$3"/*) echo workbook ;;
      esac # (at 0 KB free the lock file's write fails first; that is no writer's)
    done | sort -u | tr '\n' ' ')
  [ "$got" = "CSV PDF workbook " ] || die "$1: the writes that failed with $2 were those of: $got"
  : >"$SCRATCH/writes"
}

# limits below every file, then between the sizes: the CSV, the workbook and the PDF each fail
XT="$SCRATCH/tmp"
mkdir "$XT"
for blocks in 1 16 200 600 1400; do
  logged "$blocks" env TMPDIR="$XT" "$TNA" run inputs/tna.yaml -o "$R" -q
  check_failed "ulimit -f $blocks" "$R" "File too large"
  diff -r "$SCRATCH/previous" "$R/" >/dev/null || die "ulimit -f $blocks: the previous set changed"
done
writers "ulimit -f" EFBIG "$XT"

M="$SCRATCH/mnt"
mkdir "$M"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=8m tmpfs "$M" 2>/dev/null; then
  echo "disk_full: no tmpfs here (not root, or mount not allowed): file-size limits only"
  exit 0
fi
trap 'umount "$M"; rm -rf "$SCRATCH"' EXIT
T="$M/r"
# libxlsxwriter's own temporary files go on the small disk too
mkdir "$M/tmp"
export TMPDIR="$M/tmp" TMP="$M/tmp" TEMP="$M/tmp"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$T" -q
free_bytes() { stat -f -c '%a %S' "$M" | awk '{print $1 * $2}'; }
dd if=/dev/zero of="$M/filler" bs=64k 2>/dev/null
for kb in 0 4 64 256 512 768 1024; do
  truncate -s 0 "$M/filler" && dd if=/dev/zero of="$M/filler" bs=64k 2>/dev/null
  [ "$kb" -eq 0 ] || truncate -s "-${kb}K" "$M/filler"
  before=$(free_bytes)
  logged none "$TNA" run inputs/tna.yaml -o "$T" -q
  check_failed "tmpfs with ${kb} KB free" "$T" "No space left on device"
  diff -r "$SCRATCH/previous" "$T/" >/dev/null || die "tmpfs with ${kb} KB free: the previous set changed"
  [ "$(free_bytes)" -eq "$before" ] || die "tmpfs with ${kb} KB free: the run left files taking space"
done
writers "a full tmpfs" ENOSPC "$M/tmp"
