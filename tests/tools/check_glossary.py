#!/usr/bin/env python3
"""check_glossary.py [ROOT]: every fixed word of the reports comes from the glossary.

No string literal of the PDF and workbook renderers (src/render/pdf*, xlsx*, chart*,
labels.c) or of the console (src/console: what tna run and validate print) reads like words (two words in a row, or a capitalised word), except the few in
ALLOWED that are not report text; and every term of docs/glossary.tsv is used somewhere in
src/ (the words of docs/columns.md: by tools/columns.py or by tests/cli/columns.sh), so the
file and the code do not drift apart. Prints each problem as file:line: message
and exits 1 when there is one.
"""
import glob, os, re, sys

os.chdir(sys.argv[1] if len(sys.argv) > 1 else ".")

# Literals that are not report text, and why.
ALLOWED = {
    # structure tags of the tagged PDF
    "Document", "Figure", "Table", "TOC", "TOCI", "LI", "TR", "TH", "TD",
    # the program's own name in document metadata
    "tna", "tna ",
    # patterns that shorten the configured authority names for tight places (pdf_text.c)
    "City and County of ", " County Borough Council", " County Council", " City Council",
    " Council", "Cyngor Bwrdeistref Sirol ", "Cyngor Dinas ", "Dinas a Sir ", "Cyngor Sir ",
    "Cyngor ",
    # Excel reserves the sheet name History (xlsx_write.c)
    "History", " sheet",
    # error messages for the console, not report text
    "libxlsxwriter could not add a worksheet", "cannot write the workbook: %s",
    "cannot write the PDF: %s", "unmatched structure tags (a bug in tna)",
    "write failed: %s",
    # time stamps
    "%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%dT%H:%M:%SZ",
}
WORDS = re.compile(r"[A-Za-z]{2,}[ ,;:.]+[A-Za-z]{2,}|\b[A-Z][a-z]{2,}")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
bad = 0
for f in sorted(glob.glob("src/render/pdf*.c") + glob.glob("src/render/xlsx*.c") +
                glob.glob("src/render/chart*.c") + ["src/render/labels.c"] +
                glob.glob("src/console/*.c")):
    src = open(f, encoding="utf-8").read()
    src = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), src, flags=re.S)
    src = re.sub(r"//[^\n]*|'(?:[^'\\]|\\.)'", "", src)
    src = "\n".join("" if l.lstrip().startswith("#include") else l for l in src.split("\n"))
    for m in LITERAL.finditer(src):
        text = m.group(1)
        if text in ALLOWED or not WORDS.search(text):
            continue
        line = src.count("\n", 0, m.start()) + 1
        print("%s:%d: words outside the glossary: \"%s\"" % (f, line, text))
        bad += 1

keys = [l.split("\t")[0] for l in open("docs/glossary.tsv", encoding="utf-8").read().splitlines()[1:]]
code = "".join(open(f, encoding="utf-8").read() for f in glob.glob("src/**/*.[ch]", recursive=True))
# The CSV columns' descriptions are not printed by tna: tools/columns.py writes them into
# docs/columns.md, and tests/cli/columns.sh checks each against the headers a run writes.
# The page's own words (columns_doc_) must be used by that script.
doc = open("tools/columns.py", encoding="utf-8").read() if os.path.exists("tools/columns.py") else ""
for k in keys:
    if k.startswith(("column_", "csvfile_")):
        continue
    if k.startswith("columns_doc_"):
        if '"%s"' % k not in doc:
            print("docs/glossary.tsv: %s is not used by tools/columns.py" % k)
            bad += 1
    elif not re.search(r"\bTERM_%s\b" % k.upper(), code):
        print("docs/glossary.tsv: %s is used by no renderer" % k)
        bad += 1
sys.exit(1 if bad else 0)
