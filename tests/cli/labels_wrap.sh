# Labels wrap instead of being cut (issue 13): no text of the shipped sample's PDFs is cut
# short with an ellipsis, in Welsh, in both languages (the longest labels: the cover's field
# labels, its list of councils, the title) or in the packs (each pack's cover). pdftotext
# cannot see a cut (cairo maps the ellipsis glyph to the whole text), so tna counts the
# layouts pango ellipsized: with TNA_CUT_LABELS set, tna run prints each cut label and
# "tna: labels cut: N" on standard error (src/main.c, tna_chart_cut_texts in chart.h).
. tests/tools/cli_lib.sh
export TNA_CUT_LABELS=1
none_cut() { # none_cut NAME ARGS...: tna run of the sample with ARGS cuts no label
  name=$1; shift
  expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/$name" -q "$@"
  grep -q "^tna: labels cut: 0$" "$SCRATCH/err" || { cat "$SCRATCH/err" >&2; die "$name: labels cut"; }
}
none_cut cy --lang cy
none_cut both --lang both
none_cut packs --lang both --packs
[ "$(find "$SCRATCH/packs/packs" -name '*.pdf' | wc -l)" -ge 20 ] || die "packs: fewer than 20 PDFs"

# the count is not blind: a topic name too long for a bar label's three lines is cut, and
# named, once for each place it is drawn
cp -r inputs "$SCRATCH/in"
long="Deall defnyddwyr a'u hanghenion a'u hymddygiad a'u disgwyliadau a'u profiadau a'u rhwystrau a'u cymhellion a'u hamgylchiadau a'u dewisiadau iaith a'u sianeli cyswllt"
sed -i "s/^\(    name_cy: \)\"Deall defnyddwyr a'u hanghenion\"$/\1\"$long\"/" "$SCRATCH/in/frameworks/content-design.yaml"
grep -qF "$long" "$SCRATCH/in/frameworks/content-design.yaml" || die "could not lengthen the topic's name"
expect_exit 0 "$TNA" run "$SCRATCH/in/tna.yaml" -o "$SCRATCH/long" -q --lang cy
expect_text "$SCRATCH/err" "tna: tna-2026-Q3.pdf: label cut: $long"
n=$(sed -n 's/^tna: labels cut: //p' "$SCRATCH/err")
[ "$n" -gt 0 ] && [ "$n" -eq "$(grep -c ': label cut: ' "$SCRATCH/err")" ] ||
  { cat "$SCRATCH/err" >&2; die "the count ($n) is not the number of cut labels listed"; }
# ... and without TNA_CUT_LABELS nothing is said
unset TNA_CUT_LABELS
expect_exit 0 "$TNA" run "$SCRATCH/in/tna.yaml" -o "$SCRATCH/long" -q --lang cy
if grep -q "label" "$SCRATCH/err"; then cat "$SCRATCH/err" >&2; die "labels counted without TNA_CUT_LABELS"; fi
exit 0
