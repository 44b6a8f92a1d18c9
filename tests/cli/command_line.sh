# The command line: help, version, usage errors and exit statuses (README, man/tna.1).
. tests/tools/cli_lib.sh
expect_exit 0 "$TNA" --help
expect_text "$SCRATCH/out" "tna run CONFIG"
expect_exit 0 "$TNA" --version
expect_text "$SCRATCH/out" "tna 0."
expect_exit 2 "$TNA"
expect_exit 2 "$TNA" frobnicate x
expect_text "$SCRATCH/err" "unknown command 'frobnicate'"
expect_exit 2 "$TNA" run
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --no-such-option
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --lang fr -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "--lang must be en, cy or both"
expect_exit 2 "$TNA" run tests/cases/analysis/tna.yaml --period 1999-Q1 -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "period '1999-Q1' is not in the configuration"
# a configuration that does not exist: exit 2 with the file named
expect_exit 2 "$TNA" validate "$SCRATCH/nope.yaml"
expect_text "$SCRATCH/err" "nope.yaml"
[ ! -e "$SCRATCH/x" ] || die "a failed run wrote output"
# an unknown command says so and lists the commands, whatever follows it
expect_exit 2 "$TNA" frobnicate
expect_text "$SCRATCH/err" "unknown command 'frobnicate'; the commands are: run merge validate sample"
# a survey export given as the configuration: what to do instead
expect_exit 2 "$TNA" run tests/cases/analysis/2026-Q3-survey.csv -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "this looks like a survey export, not a tna configuration: run 'tna init tests/cases/analysis/2026-Q3-survey.csv'"
# every problem of a configuration in one run, then how many
cp -r tests/cases/analysis "$SCRATCH/bad"
sed -i 's/^privacy:/privcy:/; s/date_format: iso/date_format: isoo/' "$SCRATCH/bad/tna.yaml"
expect_exit 2 "$TNA" validate "$SCRATCH/bad/tna.yaml"
expect_text "$SCRATCH/err" "tna.yaml:9:18: 'date_format' must be auto, iso, dmy or mdy, not 'isoo' (did you mean 'iso'?)"
expect_text "$SCRATCH/err" "tna.yaml:15:18: 'date_format' must be auto, iso, dmy or mdy, not 'isoo' (did you mean 'iso'?)"
expect_text "$SCRATCH/err" "tna.yaml:18:1: unknown key 'privcy' (did you mean 'privacy'?)"
expect_text "$SCRATCH/err" "3 problems in the configuration"
# a FIFO as the configuration or as an input is refused at once (never waited on), a
# workbook saved as .csv is named for what it is, with the steps to save it as CSV UTF-8
mkfifo "$SCRATCH/pipe.yaml"
expect_exit 2 timeout 10 "$TNA" validate "$SCRATCH/pipe.yaml"
expect_text "$SCRATCH/err" "pipe.yaml: not a regular file (a directory, pipe or device)"
cp -r tests/cases/analysis "$SCRATCH/fifo"
rm "$SCRATCH/fifo/2026-Q3-survey.csv" && mkfifo "$SCRATCH/fifo/2026-Q3-survey.csv"
expect_exit 3 timeout 10 "$TNA" run "$SCRATCH/fifo/tna.yaml" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "2026-Q3-survey.csv: not a regular file (a pipe): give the path of a CSV file"
cp -r tests/cases/analysis "$SCRATCH/xlsx"
printf 'PK\003\004\024\000\006\000fake workbook' > "$SCRATCH/xlsx/2026-Q3-survey.csv"
expect_exit 3 "$TNA" run "$SCRATCH/xlsx/tna.yaml" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "2026-Q3-survey.csv: this is a spreadsheet, not a CSV: save it as CSV UTF-8. In Excel: File > Save As"
[ ! -e "$SCRATCH/x" ] || die "a failed run wrote output"
# an OpenDocument spreadsheet (LibreOffice's .ods) named as the survey: the same message,
# whose steps include LibreOffice's. A real one: the mimetype entry first and stored, as
# ODF requires, then a manifest and one sheet (LibreOffice opens it)
cp -r tests/cases/analysis "$SCRATCH/ods"
sed -i 's/{period}-survey.csv/{period}-survey.ods/' "$SCRATCH/ods/tna.yaml"
python3 - "$SCRATCH/ods/2026-Q3-survey.ods" <<'PY' || die "cannot write an ODS file"
import sys, zipfile
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
cell = '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
row = lambda *v: "<table:table-row>" + "".join(cell % x for x in v) + "</table:table-row>"
mime = "application/vnd.oasis.opendocument.spreadsheet"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"), mime, compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml",
               '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
               'manifest:1.0" manifest:version="1.2"><manifest:file-entry '
               'manifest:full-path="/" manifest:media-type="%s"/><manifest:file-entry '
               'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
               '</manifest:manifest>' % mime)
    z.writestr("content.xml",
               '<office:document-content %s office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="Survey">%s%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>'
               % (ns, row("Staff", "Council", "Role"), row("001", "a1", "r1")))
PY
expect_exit 3 "$TNA" run "$SCRATCH/ods/tna.yaml" -o "$SCRATCH/x"
expect_text "$SCRATCH/err" "2026-Q3-survey.ods: this is a spreadsheet, not a CSV: save it as CSV UTF-8."
expect_text "$SCRATCH/err" "in LibreOffice Calc: File > Save As, type 'Text CSV (.csv)', character set 'Unicode (UTF-8)'"
[ ! -e "$SCRATCH/x" ] || die "a failed run wrote output"
# a file the configuration names (the roles, a framework) that is a FIFO: refused at once
# with the place that names it, exit 2, never waited on (no writer ever opens these)
for f in roles.yaml fw.yaml; do
  rm -rf "$SCRATCH/ref" && cp -r tests/cases/analysis "$SCRATCH/ref"
  rm "$SCRATCH/ref/$f" && mkfifo "$SCRATCH/ref/$f"
  line=$(grep -n "$f" "$SCRATCH/ref/tna.yaml" | cut -d: -f1)
  for cmd in validate "run -o $SCRATCH/x"; do
    expect_exit 2 timeout 10 "$TNA" $cmd "$SCRATCH/ref/tna.yaml"
    expect_text "$SCRATCH/err" "tna.yaml:$line:"
    expect_text "$SCRATCH/err" ": '$f' is not a regular file (a directory, pipe or device)"
  done
done
[ ! -e "$SCRATCH/x" ] || die "a refused configuration wrote output"
