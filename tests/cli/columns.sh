# Every column of every CSV tna writes is described in Welsh and in English, in one place: the
# glossary's csvfile_ and column_ terms (docs/glossary.tsv), which tools/columns.py writes
# into docs/columns.md. The shipped sample is run with --export-counts and its counts merged,
# so every file of a run and of a merge is read (tests/tools/check_columns.py: each header
# has its term, each term a header); docs/columns.md must be what the glossary gives now.
. tests/tools/cli_lib.sh
PY=python3
/usr/bin/python3 -c 'import yaml' 2>/dev/null && PY=/usr/bin/python3
$PY -c 'import yaml' 2>/dev/null || die "needs python3 with yaml (make test-deps)"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/run" --export-counts -q
expect_exit 0 "$TNA" merge inputs/tna.yaml "$SCRATCH/run/counts-2026-Q3.csv" -o "$SCRATCH/merge" -q
# the files whose columns are named after the run, or only a merge writes, are among them
head -n 1 "$SCRATCH/merge/data-quality-2026-Q3.csv" | grep -q ',entries$' || die "no merged data-quality log"
head -n 1 "$SCRATCH/run/expectations-2026-Q3.csv" | grep -q ',value_2026-Q2,value_2026-Q3$' || die "no value_PERIOD columns"
head -n 1 "$SCRATCH/run/counts-2026-Q3.csv" | grep -q ',v1,v2,' || die "no counts file"
$PY tests/tools/check_columns.py docs/glossary.tsv inputs/tna.yaml "$SCRATCH/run" "$SCRATCH/merge" \
  > "$SCRATCH/check" 2>&1 || { cat "$SCRATCH/check" >&2; die "CSV columns without a Welsh and English description"; }
# every file was read: 13 in the run, the merge's 12 (no counts file); columns, from the
# headers in docs/outputs.md: summary 13, groups 21, data-quality 6, demand 18, commissioning
# 27, mentors 9, expectations 20 + 2 periods, priorities 8, budget 17, trends 14, barriers 7,
# raters 8, counts 6 + 23 = 199 in the run; 199 - 29 + 1 (entries) = 171 in the merge
expect_text "$SCRATCH/check" "25 files, 370 columns"

# docs/columns.md is the glossary's, as written now
python3 tools/columns.py docs/glossary.tsv > "$SCRATCH/columns.md" || die "tools/columns.py failed"
diff -u docs/columns.md "$SCRATCH/columns.md" >&2 || die "docs/columns.md is stale: python3 tools/columns.py > docs/columns.md"
# ... Welsh first: the title, and every column and file term on one line of the page (a
# table row) or in two paragraphs, its Welsh before its English
grep -q "^# Colofnau'r ffeiliau CSV / The CSV files' columns$" docs/columns.md || die "docs/columns.md: no bilingual title, Welsh first"
expect_text docs/columns.md "| \`to_expert\` | Dysgwyr y mae eu targed uchaf"
python3 - docs/glossary.tsv docs/columns.md <<'PY' || die "docs/columns.md lacks a term, or puts English first"
import sys
page = open(sys.argv[2], encoding="utf-8").read()
bad = 0
for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]:
    key, en, cy, _ = line.split("\t")
    if key.startswith("column_"):
        ok = "| %s | %s |" % (cy, en) in page
    elif key.startswith("csvfile_"):
        ok = "\n%s\n\n%s\n" % (cy, en) in page
    else:
        continue
    if not ok:
        print("docs/columns.md: no Welsh-first %s" % key)
        bad += 1
sys.exit(1 if bad else 0)
PY

# the check fails on a column with no term, a term no file has, and a Welsh text left English
sed '/^column_demand_to_expert\t/d' docs/glossary.tsv > "$SCRATCH/g1"
printf 'column_demand_spare\tSpare\tSbâr\ttest\n' >> "$SCRATCH/g1"
sed 's/^\(column_data_quality_entries\t\([^\t]*\)\t\)[^\t]*/\1\2/' docs/glossary.tsv > "$SCRATCH/g2"
for g in g1 g2; do
  $PY tests/tools/check_columns.py "$SCRATCH/$g" inputs/tna.yaml "$SCRATCH/run" "$SCRATCH/merge" \
    > "$SCRATCH/$g.out" 2>&1 && die "check_columns.py passed $g"
done
expect_text "$SCRATCH/g1.out" "demand-2026-Q3.csv: column to_expert: no glossary term column_to_expert"
expect_text "$SCRATCH/g1.out" "column_demand_spare describes a file or column no run here wrote"
expect_text "$SCRATCH/g2.out" "column entries: term column_data_quality_entries needs an English and a different Welsh text"
# ... and the merge's own column is checked only because the merge's files are read
$PY tests/tools/check_columns.py docs/glossary.tsv inputs/tna.yaml "$SCRATCH/run" > "$SCRATCH/g3.out" 2>&1 &&
  die "check_columns.py passed a glossary term no file has"
expect_text "$SCRATCH/g3.out" "column_data_quality_entries describes a file or column no run here wrote"
# a changed glossary changes the page
sed 's/^\(column_demand_to_expert\t[^\t]*\t\)Dysgwyr/\1Y dysgwyr/' docs/glossary.tsv > "$SCRATCH/g4"
python3 tools/columns.py "$SCRATCH/g4" | cmp -s - docs/columns.md && die "tools/columns.py ignored a glossary change"
exit 0
