# The privacy boundary, at build level and end to end.
# 1. No renderer (src/render) includes ingest.h, even through another header, or names the
#    dataset: renderers see only the results, which hold no input text (test_boundary.c).
#    Only the data-quality CSV writer includes dq_log.h, the narrow way to the logged values.
# 2. tests/cases/boundary marks every typed cell that is not a reference value with SECRET:
#    no report holds it (PDF text, workbook XML, every CSV) but data-quality-PERIOD.csv,
#    which must.
# 3. A name and phone number typed into the council column reach the data-quality CSV only.
. tests/tools/cli_lib.sh
CC=${CC:-cc}
BUILD=${BUILD:-build}
flags="-Iinclude -I$BUILD/gen -D_GNU_SOURCE $(pkg-config --cflags glib-2.0 xlsxwriter pangocairo cairo 2>/dev/null)"
n=0
for f in src/render/*.c; do
  # shellcheck disable=SC2086 # the flags are words
  deps=$($CC $flags -MM "$f") || die "cannot list the headers of $f"
  case "$deps" in *tna/ingest.h* | *src/ingest/*) die "$f includes ingest.h (the raw dataset)";; esac
  case "$deps" in
    *tna/dq_log.h*) [ "$f" = src/render/csv_data_quality.c ] || die "$f includes dq_log.h (logged values)";;
  esac
  n=$((n + 1))
done
[ "$n" -ge 20 ] || die "only $n renderers checked"
if grep -n 'tna_dataset\|->dataset\|tna_dq_log_each' src/render/*.c src/render/*.h |
   grep -v '^src/render/csv_data_quality.c:'; then
  die "a renderer names the dataset or reads the log's values"
fi

# only_in_log DIR TEXT...: no report in DIR holds any TEXT (PDF text, every file of the
# workbook, every CSV) but data-quality-PERIOD.csv; the PDF's text is left in DIR.txt.
only_in_log() {
  dir=$1; shift
  pdftotext "$dir/tna-2026-Q3.pdf" "$dir.txt"
  mkdir "$dir.x"
  ( cd "$dir.x" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" \
    "$dir/tna-2026-Q3.xlsx" )
  for f in "$dir.txt" "$dir"/*.csv $(find "$dir.x" -type f); do
    case "$f" in */data-quality-*.csv) continue;; esac
    for v in "$@"; do
      if grep -q "$v" "$f"; then die "input text ($v) in $(basename "$f")"; fi
    done
  done
}

expect_exit 0 "$TNA" run tests/cases/boundary/tna.yaml -o "$SCRATCH/o" -q
grep -q SECRET tests/cases/boundary/2026-Q3-survey.csv || die "the case lost its markers"
grep -q SECRET "$SCRATCH/o/data-quality-2026-Q3.csv" || die "data-quality CSV lost the values"
only_in_log "$SCRATCH/o" SECRET
# barriers are reported by reference name (PDF) and id (CSV); the typed "Other" text as `other`
expect_text "$SCRATCH/o.txt" "Lack of time"
expect_text "$SCRATCH/o/barriers-2026-Q3.csv" "2026-Q3,cost,*,"
expect_text "$SCRATCH/o/barriers-2026-Q3.csv" "2026-Q3,other,*,"

# 3. A name and phone number typed into the council column (as the issue found on the
#    workbook's data-quality sheet) reach the data-quality CSV and no other file: the
#    reports count the rejected row by reason only.
cp -r tests/cases/boundary "$SCRATCH/named"
sed -i 's#\.\./#'"$PWD"'/tests/cases/#g' "$SCRATCH/named/tna.yaml"
printf '%s\n' 'SECRET-STAFF-99,Jane Bloggs 07700 900123,r1,2026-07-01 10:00,Yes,English,Time,None,None,,' \
  >>"$SCRATCH/named/2026-Q3-survey.csv"
expect_exit 0 "$TNA" run "$SCRATCH/named/tna.yaml" -o "$SCRATCH/n" -q
grep -q 'Jane Bloggs 07700 900123,unknown authority' "$SCRATCH/n/data-quality-2026-Q3.csv" ||
  die "the data-quality CSV lost the typed name"
only_in_log "$SCRATCH/n" Bloggs 07700 900123
expect_text "$SCRATCH/n.txt" "unknown authority; row left out"
exit 0
