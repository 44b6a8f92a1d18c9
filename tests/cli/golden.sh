# Golden test: every CSV tna writes for the shipped sample (inputs/, two quarters, all three
# frameworks, manager ratings, course evaluations, barriers, Welsh-medium preferences)
# equals the reviewed copy in tests/cases/golden. After an intended change of figures,
# review the diff and refresh with:
#   SOURCE_DATE_EPOCH=1700000000 build/tna run inputs/tna.yaml -o /tmp/g -q && cp /tmp/g/*.csv tests/cases/golden/
. tests/tools/cli_lib.sh
SOURCE_DATE_EPOCH=1700000000 expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/o" -q
n=0
for want in tests/cases/golden/*.csv; do
  got="$SCRATCH/o/$(basename "$want")"
  [ -f "$got" ] || die "not written: $(basename "$want")"
  cmp -s "$got" "$want" || { diff "$want" "$got" | head -20; die "$(basename "$want") differs from the golden copy"; }
  n=$((n + 1))
done
[ "$n" -ge 9 ] || die "only $n golden files"
# and nothing new appeared that the golden set does not cover
for got in "$SCRATCH"/o/*.csv; do
  [ -f "tests/cases/golden/$(basename "$got")" ] || die "no golden copy of $(basename "$got")"
done
