# A full disk, or any write error, in any writer (the CSVs, libxlsxwriter, cairo): exit 3
# with one message naming the directory and the reason, never an abort; none of
# libxlsxwriter's own "[ERROR]" lines; the previous set as it was; nothing left behind.
# A file-size limit (ulimit -f, which tna meets as EFBIG) stands in for a full disk
# everywhere; where a tmpfs can be mounted (root, and a container that allows it) a small one
# is filled for real, leaving from nothing to more than half the set's size free.
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

# limits below every file, then between the sizes: the CSV, the workbook and the PDF each fail
for blocks in 1 16 200 600 1400; do
  (ulimit -f "$blocks" && exec "$TNA" run inputs/tna.yaml -o "$R" -q) >"$SCRATCH/out" 2>"$SCRATCH/err"
  rc=$?
  check_failed "ulimit -f $blocks" "$R" "File too large"
  diff -r "$SCRATCH/previous" "$R/" >/dev/null || die "ulimit -f $blocks: the previous set changed"
done

M="$SCRATCH/mnt"
mkdir "$M"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=8m tmpfs "$M" 2>/dev/null; then
  echo "disk_full: no tmpfs here (not root, or mount not allowed): file-size limits only"
  exit 0
fi
trap 'umount "$M"; rm -rf "$SCRATCH"' EXIT
T="$M/r"
# libxlsxwriter's own temporary files go on the small disk too
export TMPDIR="$M" TMP="$M" TEMP="$M"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$T" -q
free_bytes() { stat -f -c '%a %S' "$M" | awk '{print $1 * $2}'; }
dd if=/dev/zero of="$M/filler" bs=64k 2>/dev/null
for kb in 0 4 64 256 512 768 1024; do
  truncate -s 0 "$M/filler" && dd if=/dev/zero of="$M/filler" bs=64k 2>/dev/null
  [ "$kb" -eq 0 ] || truncate -s "-${kb}K" "$M/filler"
  before=$(free_bytes)
  "$TNA" run inputs/tna.yaml -o "$T" -q >"$SCRATCH/out" 2>"$SCRATCH/err"
  rc=$?
  check_failed "tmpfs with ${kb} KB free" "$T" "No space left on device"
  diff -r "$SCRATCH/previous" "$T/" >/dev/null || die "tmpfs with ${kb} KB free: the previous set changed"
  [ "$(free_bytes)" -eq "$before" ] || die "tmpfs with ${kb} KB free: the run left files taking space"
done
