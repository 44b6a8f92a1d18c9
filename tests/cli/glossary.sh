# Every fixed word a report prints comes from the glossary (docs/glossary.tsv), never from a
# string written in a renderer, every term of the glossary is used, and a phrase keeps its
# Welsh inside longer entries
# (tests/tools/check_glossary.py; tests/unit/test_glossary.c checks the terms themselves).
. tests/tools/cli_lib.sh
python3 tests/tools/check_glossary.py . || die "words written outside the glossary (see above)"
# the check finds a phrase written inline, and a term nobody uses
mkdir -p "$SCRATCH/src/render" && cp -r docs "$SCRATCH/" && cp src/render/*.[ch] "$SCRATCH/src/render/"
printf 'static const char *x = "Hidden groups";\n' >> "$SCRATCH/src/render/pdf_gaps.c"
printf 'spare_term\tSpare\tSbâr\ttest\n' >> "$SCRATCH/docs/glossary.tsv"
# ... and a phrase rendered another way inside a longer entry (below_target is islaw'r targed)
printf 'spare_phrase\tSkills below target here\tSgiliau o dan y targed yma\ttest\n' >> "$SCRATCH/docs/glossary.tsv"
# every renderer is read, not only pdf*, xlsx* and chart*: packs, focus, dq_words, numbers
for f in packs focus dq_words numbers; do
  printf 'static const char *y_%s = "Pack cover";\n' "$f" >> "$SCRATCH/src/render/$f.c"
done
# ... but not the CSV writers, whose headers are an interface rather than report text
printf 'static const char *z = "Hidden groups";\n' >> "$SCRATCH/src/render/csv.c"
python3 tests/tools/check_glossary.py "$SCRATCH" > "$SCRATCH/out" 2>&1 && die "the checker passed an inline phrase"
expect_text "$SCRATCH/out" 'pdf_gaps.c'
expect_text "$SCRATCH/out" '"Hidden groups"'
for f in packs focus dq_words numbers; do expect_text "$SCRATCH/out" "src/render/$f.c:"; done
if grep -q 'csv.c' "$SCRATCH/out"; then die "the checker reads the CSV writers"; fi
expect_text "$SCRATCH/out" 'spare_term is used by no renderer'
expect_text "$SCRATCH/out" "spare_phrase says \"Sgiliau o dan y targed yma\" for \"below target\" (below_target_lower), not \"islaw'r targed\""
exit 0
