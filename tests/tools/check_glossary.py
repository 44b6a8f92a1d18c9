#!/usr/bin/env python3
"""check_glossary.py [ROOT]: every fixed word of the reports comes from the glossary.

No string literal of the renderers (every src/render/*.c but the CSV writers and
outdir.c/outputs.c) or of the console (src/console: what tna run and validate print) reads
like words (two words in a row, or a capitalised word), except the few in ALLOWED that are
not report text; every term of docs/glossary.tsv is used somewhere in src/ (the words of
docs/columns.md: by tools/columns.py or by tests/cli/columns.sh), so the file and the code
do not drift apart; and a phrase of the glossary keeps its Welsh inside the longer entries
that contain it (see PHRASE_CHANGES). Prints each problem as file:line: message and exits 1
when there is one.
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
# Every renderer but the CSV writers (their headers and the log's English reason are a
# documented, language-free interface) and the output-directory plumbing (file names, no text).
NOT_REPORT_TEXT = re.compile(r"src/render/(csv[^/]*|outdir|outputs)\.c$")
SOURCES = [f for f in glob.glob("src/render/*.c") if not NOT_REPORT_TEXT.search(f)]
for f in sorted(SOURCES + glob.glob("src/console/*.c")):
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
used = set(re.findall(r"\bTERM_([A-Z0-9_]+)\b", code))
for k in keys:
    if k.startswith(("column_", "csvfile_")):
        continue
    if k.startswith("columns_doc_"):
        if '"%s"' % k not in doc:
            print("docs/glossary.tsv: %s is not used by tools/columns.py" % k)
            bad += 1
    elif k.upper() not in used:
        print("docs/glossary.tsv: %s is used by no renderer" % k)
        bad += 1

# A phrase of the glossary (two to four words, not a format) keeps its Welsh inside every
# longer entry whose English contains it: "below target" is "islaw'r targed" in a sentence
# too, never "o dan y targed". The first Welsh word may take any initial mutation (soft,
# nasal, aspirate, or h before a vowel). The longer entries where Welsh grammar changes the
# phrase are listed here, with the rule.
MUTATIONS = [("p", ("b", "mh", "ph")), ("t", ("d", "nh", "th")), ("c", ("g", "ngh", "ch")),
             ("b", ("f", "m")), ("d", ("dd", "n")), ("g", ("", "ng")), ("m", ("f",)),
             ("ll", ("l",)), ("rh", ("r",))]
NUMERAL = "a numeral takes a singular noun"
PRONOUN = "a pronoun goes inside the phrase"
PHRASE_CHANGES = {
    ("rows_read", "console_source_rows"): NUMERAL,
    ("rows_read", "dq_rows_counted"): NUMERAL,
    ("self_directed_learners", "n_self_directed_learners"): NUMERAL,
    ("self_directed_places", "n_places"): NUMERAL,
    ("places_line", "n_open_places"): NUMERAL,
    ("learners_needing", "learners_needing_it"): PRONOUN,  # Dysgwyr sydd ei angen
    ("share_citing", "share_citing_it"): PRONOUN,  # Cyfran sy'n ei nodi
    ("citing_it", "share_citing_it"): "'yn' joins 'sy' as sy'n",
    ("not_stated", "dq_language_unrecognised"): PRONOUN + " (dewis heb ei nodi)",
    ("self_minus_manager", "raters_intro_pdf"): "the article in a sentence (yr hunan llai'r rheolwr)",
    ("no_expert", "mentors_note_pdf"): "'heb' (without) after 'sydd â dysgwyr ond'",
    ("either_language", "column_commissioning_welsh_learners_potential"): "the article after 'neu' (neu'r naill iaith)",
    ("either_language", "column_commissioning_welsh_elearning_potential"): "the article after 'neu' (neu'r naill iaith)",
    ("no_expert", "column_mentors_learners_per_expert"): "'nad oes' (there is no) in a clause",
}


def first_word_forms(w):
    out = {w}
    for a, bs in MUTATIONS:
        if w.startswith(a):
            out.update(b + w[len(a):] for b in bs)
    if w[:1] in "aeiouwyâêîôûŵŷ":
        out.add("h" + w)
    return out


def welsh_phrase(cy):
    ws = cy.lower().split()
    first = "|".join(map(re.escape, sorted(first_word_forms(ws[0]), key=len, reverse=True)))
    rest = "".join(r"\s+" + re.escape(w) for w in ws[1:])
    return re.compile(r"(?<![\w'])(?:%s)%s(?!\w)" % (first, rest))


rows = [l.split("\t") for l in open("docs/glossary.tsv", encoding="utf-8").read().splitlines()[1:]]
for key, en, cy, _ in rows:
    if "%" in en or not 2 <= len(en.split()) <= 4 or en == cy:
        continue
    english = re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(en.lower()))
    welsh = welsh_phrase(cy)
    for key2, en2, cy2, _ in rows:
        if key2 != key and english.search(en2.lower()) and not welsh.search(cy2.lower()) \
                and (key, key2) not in PHRASE_CHANGES:
            print("docs/glossary.tsv: %s says \"%s\" for \"%s\" (%s), not \"%s\"" %
                  (key2, cy2, en, key, cy))
            bad += 1
sys.exit(1 if bad else 0)
