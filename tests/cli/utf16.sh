# A survey saved as UTF-16 (as Excel's "Unicode Text" and some exporters write it), little-
# or big-endian with its byte-order mark, gives exactly the reports of the same survey in
# UTF-8, through a whole run. The shipped sample is the input: Welsh letters (â, ë, î, ï,
# ô), an en dash and an emoji (a surrogate pair in UTF-16), and a survey of 2.7 MB once in
# UTF-16, so it is read in several blocks. Every CSV of both periods is converted, in the
# same folder the UTF-8 run read, so the paths the data-quality log quotes are the same.
# The PDF is the same too; the workbook differs only where its About sheet names each
# source's encoding, which must say UTF-16 (the reader took that path, nothing else did).
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000 TNA_THREADS=2
command -v iconv >/dev/null || die "iconv is needed (libc-bin)"
C="$SCRATCH/case"
cp -r inputs "$C"
cp -r inputs "$SCRATCH/utf8"
expect_exit 0 "$TNA" run "$C/tna.yaml" -o "$SCRATCH/out-utf8" -q
grep -q '🙂' "$C/2026-Q3/staff-survey.csv" || die "the sample has no character outside the BMP"

# to_utf16 ORDER BOM: every CSV of the case, from its UTF-8 copy, as UTF-16ORDER with BOM
to_utf16() {
  for f in "$SCRATCH"/utf8/*/*.csv; do
    out="$C/${f#"$SCRATCH"/utf8/}"
    { printf "$2" && sed '1s/^\xEF\xBB\xBF//' "$f" | iconv -f UTF-8 -t "UTF-16$1"; } >"$out" ||
      die "cannot convert $f to UTF-16$1"
  done
}
for order in LE BE; do
  case $order in LE) bom='\377\376' ;; BE) bom='\376\377' ;; esac
  to_utf16 "$order" "$bom"
  [ "$(head -c 2 "$C/2026-Q3/staff-survey.csv" | od -An -tx1 | tr -d ' ')" = \
    "$(printf "$bom" | od -An -tx1 | tr -d ' ')" ] || die "UTF-16$order: no byte-order mark"
  expect_exit 0 "$TNA" run "$C/tna.yaml" -o "$SCRATCH/out-$order" -q
  for f in "$SCRATCH"/out-utf8/*.csv; do
    cmp "$f" "$SCRATCH/out-$order/${f##*/}" ||
      { diff "$f" "$SCRATCH/out-$order/${f##*/}" | head >&2; die "UTF-16$order: ${f##*/} differs"; }
  done
  cmp "$SCRATCH/out-utf8/tna-2026-Q3.pdf" "$SCRATCH/out-$order/tna-2026-Q3.pdf" ||
    die "UTF-16$order: the PDF differs"
  python3 - "$SCRATCH/out-$order/tna-2026-Q3.xlsx" "$order" <<'PY' || die "UTF-16$order: workbook"
import re, sys, zipfile
strings = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
named = re.findall(r"\.csv \((?:wide|long|evaluation), ([a-z0-9-]+)[^)]*\)(?! - no file)", strings)
want = ["utf-16" + sys.argv[2].lower()] * 5  # five files over the two periods
if named != want:
    sys.exit("the About sheet names the encodings %s, not %s" % (named, want))
PY
done
