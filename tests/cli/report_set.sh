# The report set on disk (docs/outputs.md "On disk"). DIR is a link to .DIR.tna/set-...,
# replaced by one rename; the current and the previous set are kept, no more. A real DIR made
# by an older tna (reports and its temporaries only) becomes the link, its reports kept as
# the previous set. A DIR with other files in it is updated file by file, and those files
# stay. A link of the user's is followed and stays. A failed first run leaves nothing. With
# strace: a file system without RENAME_EXCHANGE, and one without symbolic links.
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000
CASE=tests/cases/analysis/tna.yaml
E="$SCRATCH/expected"
expect_exit 0 "$TNA" run "$CASE" -o "$E" -q
P="$SCRATCH/p"
mkdir "$P"
same() { diff -r "$E" "$1/" >"$SCRATCH/diff" || { head "$SCRATCH/diff" >&2; die "$1 is not the set"; }; }

# 1. the first run: a link into the sets directory, and nothing else beside it
expect_exit 0 "$TNA" run "$CASE" -o "$P/r" -q
[ -L "$P/r" ] || die "DIR should be a link"
case "$(readlink "$P/r")" in .r.tna/set-*) ;; *) die "DIR links to $(readlink "$P/r")" ;; esac
[ "$(ls -A "$P" | tr '\n' ' ')" = ".r.tna r " ] || die "beside DIR: $(ls -A "$P")"
same "$P/r"
expect_no_litter "$P/r"

# 2. three more runs: the current and the previous set are kept, the older ones removed
first=$(basename "$(readlink "$P/r")")
for i in 1 2 3; do
  prev=$(basename "$(readlink "$P/r")")
  expect_exit 0 "$TNA" run "$CASE" -o "$P/r" -q
done
[ "$(ls "$P/.r.tna" | tr '\n' ' ')" = "$(printf '%s\n' "$prev" "$(basename "$(readlink "$P/r")")" | sort | tr '\n' ' ')" ] ||
  die "kept: $(ls "$P/.r.tna"); expected the previous ($prev) and the current set"
[ "$prev" != "$first" ] || die "the sets were not replaced"
same "$P/r"

# 3. a directory an older tna wrote: it becomes the link; its reports are the previous set
O="$P/older"
mkdir "$O"
cp "$E"/* "$O/"
echo old >"$O/summary-2026-Q3.csv"
echo stale >"$O/.tna-2026-Q3.pdf.Ab12Cd" # a temporary tna 0.1 left behind
expect_exit 0 "$TNA" run "$CASE" -o "$O" -q
[ -L "$O" ] || die "the older directory should have become a link"
same "$O"
expect_no_litter "$O"
kept=$(ls -d "$P"/.older.tna/set-*-earlier)
[ "$(cat "$kept/summary-2026-Q3.csv")" = old ] || die "the older reports were not kept as the previous set"
[ ! -e "$kept/.tna-2026-Q3.pdf.Ab12Cd" ] || die "the old temporary was not removed"

# 4. a directory with the user's own files: the reports are replaced in place, the rest stays
U="$P/mine"
mkdir "$U"
echo notes >"$U/notes.txt"
echo old >"$U/summary-2026-Q3.csv"
expect_exit 0 "$TNA" run "$CASE" -o "$U" -q
[ ! -L "$U" ] && [ "$(cat "$U/notes.txt")" = notes ] || die "the user's directory was not left as theirs"
for f in "$E"/*; do cmp "$f" "$U/$(basename "$f")" || die "$f was not replaced in place"; done
[ ! -e "$P/.mine.tna" ] || die "an in-place update left $P/.mine.tna"

# 5. a link of the user's is followed, and stays theirs
mkdir "$P/share"
ln -s share/q3 "$P/latest"
expect_exit 0 "$TNA" run "$CASE" -o "$P/latest" -q
[ "$(readlink "$P/latest")" = share/q3 ] && [ -L "$P/share/q3" ] || die "the user's link was replaced"
same "$P/latest"

# 6. a failed first run leaves nothing; a file where DIR should be is refused
mkdir "$SCRATCH/broken" && cp tests/cases/analysis/* "$SCRATCH/broken/"
printf '010,a1,r1,2026-07-05 10:00,"Working\n' >>"$SCRATCH/broken/2026-Q3-survey.csv"
expect_exit 3 "$TNA" run "$SCRATCH/broken/tna.yaml" -o "$P/none" -q
[ ! -e "$P/none" ] && [ ! -e "$P/.none.tna" ] || die "a failed first run left $(ls -A "$P")"
echo file >"$P/file"
expect_exit 3 "$TNA" run "$CASE" -o "$P/file" -q
expect_text "$SCRATCH/err" "cannot write reports to $P/file: Not a directory"
[ ! -e "$P/.file.tna" ] || die "a refused run left $P/.file.tna"

# 7. DIR a mount point (root, where mounting is allowed): in place, the lock inside DIR
M="$P/mount"
mkdir "$M"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=4m tmpfs "$M" 2>/dev/null; then
  trap 'umount "$M"; rm -rf "$SCRATCH"' EXIT
  echo old >"$M/summary-2026-Q3.csv"
  expect_exit 0 "$TNA" run "$CASE" -o "$M" -q
  same "$M"
  [ ! -e "$P/.mount.tna" ] && [ "$(ls -A "$M" | wc -l)" -eq "$(ls "$E" | wc -l)" ] ||
    die "a mount point was not updated in place: $(ls -A "$M")"
fi

# 8. file systems that lack a feature, made with strace's error injection
has_strace || { echo "report_set: no strace here: missing features not tried"; exit 0; }
without() { # without ERROR CALLS TNA-ARGS...: the run with CALLS failing with ERROR
  err=$1 calls=$2
  shift 2
  under_strace -e trace="$calls" -e inject="$calls:error=$err" "$TNA" "$@"
}
# no RENAME_EXCHANGE: the older directory is moved aside, then the link moved in
N="$P/noexchange"
mkdir "$N" && cp "$E"/* "$N/" && echo old >"$N/summary-2026-Q3.csv"
expect_exit 0 without EINVAL renameat2 run "$CASE" -o "$N" -q
[ -L "$N" ] || die "without RENAME_EXCHANGE the directory did not become a link"
same "$N"
[ "$(cat "$P"/.noexchange.tna/set-*-earlier/summary-2026-Q3.csv)" = old ] || die "the older set was not kept"
# no symbolic links (FAT, some SMB shares): a real directory, updated in place
F="$P/fat"
expect_exit 0 without EPERM symlink,symlinkat run "$CASE" -o "$F" -q
[ -d "$F" ] && [ ! -L "$F" ] || die "without links DIR should be a directory"
same "$F"
expect_exit 3 without EPERM symlink,symlinkat run "$SCRATCH/broken/tna.yaml" -o "$F" -q
same "$F"
expect_no_litter "$F"
[ ! -e "$P/.fat.tna" ] || die "an in-place update left $P/.fat.tna"
# a rename failing half way through an in-place update: the old files are put back
cp -r "$U" "$SCRATCH/mine-before"
cp -r tests/cases/analysis "$SCRATCH/other"
sed -i '2s/Working,None/Expert,None/' "$SCRATCH/other/2026-Q3-survey.csv"
expect_exit 3 under_strace -e trace=rename -e inject=rename:error=EIO:when=6 \
  "$TNA" run "$SCRATCH/other/tna.yaml" -o "$U" -q
expect_text "$SCRATCH/err" "cannot write reports to $U: Input/output error"
diff -r "$SCRATCH/mine-before" "$U" >/dev/null || die "a failed in-place update changed $U"
[ ! -e "$P/.mine.tna" ] || die "a failed in-place update left $P/.mine.tna"
