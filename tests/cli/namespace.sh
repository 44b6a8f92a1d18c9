# Every global symbol that libtna.a defines starts with tna_, so none can collide with
# libcsv's csv_*, libxlsxwriter's chart_*/workbook_*, cairo's, pango's or libyaml's names,
# today or in a later release of any of them.
. tests/tools/cli_lib.sh
lib="$BUILD/libtna.a"
[ -f "$lib" ] || die "no $lib: build first"
nm -g --defined-only "$lib" > "$SCRATCH/nm" || die "nm failed on $lib"
# (names starting with "__" are the compiler's and the sanitizers' own, such as __odr_asan.*)
awk 'NF == 3 && $2 ~ /^[TDBRCGSV]$/ && $3 !~ /^__/ { print $3 }' "$SCRATCH/nm" | sort -u > "$SCRATCH/globals"
[ -s "$SCRATCH/globals" ] || die "nm listed no global symbols in $lib"
grep -v '^tna_' "$SCRATCH/globals" > "$SCRATCH/outside" || true
if [ -s "$SCRATCH/outside" ]; then
  echo "$(wc -l < "$SCRATCH/outside") global symbols of $lib lack the tna_ prefix (make them static or name them tna_...):" >&2
  head -20 "$SCRATCH/outside" >&2
  exit 1
fi
exit 0
