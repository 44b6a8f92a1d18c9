#!/usr/bin/env python3
"""check_welsh.py cy|both|en PDF XLSX CONFIG: the language of tna's PDF and workbook.
check_welsh.py console|console-en TEXT CONFIG: the same for what tna printed (TEXT).

cy: no English word is left. The English words are those of the glossary's English column
(docs/glossary.tsv) that are not also Welsh words: a word of the glossary's Welsh column, or
of a Welsh form in the configuration (name_cy, label_cy, region_cy, title_cy of the analysis,
its expectations and its reference files), is the same in both languages ("Cost", "data",
"staff", "Kirkpatrick") and proves nothing. Every word of the PDF's text (pdftotext), its
title, subject and keywords, and of every string of the workbook (shared and inline
strings, sheet names, chart titles and series names, document properties) is checked,
except the texts the configuration gives only in English (a name without its Welsh form,
listed by tna as shown in English), its source names and the ids of its reference files
(a skill id in a data-quality reason), and identifiers and paths (a word
joined to others by _ / . or \\, and the sources' format, preset and encoding), which belong
to no language. Numbers are not words. Nothing else is excused: the data-quality log's
reasons, too, come from the glossary in the report's language.

both: every heading is in Welsh and English, the Welsh first. No term of the glossary with
two different texts appears English first ("English / Cymraeg", or "English - Cymraeg" in
a sheet name) anywhere in either file, and the section headings of the PDF and the sheet
names of the workbook appear Welsh first. With language_order: en-first in CONFIG, the
other way round.

en: the checker finds English words (so a report in the wrong language cannot pass the cy
check by the checker being blind); prints how many.

console: the cy check on a console's output (tna run, validate or merge with --lang cy), line
by line, with the same English words and the same excuses (the paths it prints are
identifiers, and the value a data-quality line quotes at its end is the file's). console-en: the checker finds English words in an English console's output.

Prints each problem with the words around it and exits 1 when there is one.
"""
import os
import re
import subprocess
import sys
import zipfile
from html import unescape

import yaml

mode = sys.argv[1] if len(sys.argv) > 1 else ""
if mode.startswith("console") and len(sys.argv) == 4:
    console, config = sys.argv[2:4]
elif not mode.startswith("console") and len(sys.argv) == 5:
    pdf, xlsx, config = sys.argv[2:5]
else:
    sys.exit("usage: check_welsh.py cy|both|en PDF XLSX CONFIG, or console|console-en TEXT CONFIG")
FAILS = []
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# identifiers and paths: a word joined to another by _ / . or \ (manager_first,
# inputs/2026-Q3/staff-survey.csv, tna.yaml, the file names groups-2026-Q3.csv)
IDENT = re.compile(r"\S*[^\W\d_][_/\\][^\s]*|\S*[^\W_]\.[^\W\d_]\S*")


def fail(msg):
    FAILS.append(msg)


def words(text):
    """Lower-case words of text, apostrophes split off ("authority's" -> authority)."""
    out = []
    for w in WORD.findall(text):
        for part in re.split(r"['’]", w):
            if len(part) > 1:
                out.append(part.lower())
    return out


# ---- the glossary ------------------------------------------------------------------------
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
terms = []  # (key, en, cy)
with open(os.path.join(root, "docs/glossary.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        key, en, cy, _ = line.rstrip("\n").split("\t")
        terms.append((key, en, cy))

# ---- the configuration: Welsh forms, English-only texts, source names ----------------------
cfg = yaml.safe_load(open(config, encoding="utf-8"))
base = os.path.dirname(config)
order_en_first = cfg.get("language_order") == "en-first"
welsh_texts, english_only, idents = [], [], []
PAIRS = [("name", "name_cy"), ("label", "label_cy"), ("region", "region_cy"), ("title", "title_cy")]


def walk(node, top=False):
    if isinstance(node, dict):
        for en, cy in PAIRS:
            if en in node and isinstance(node[en], str):
                if isinstance(node.get(cy), str) and node[cy].strip():
                    welsh_texts.append(node[cy])
                elif not (top and en == "name"):
                    english_only.append(node[en])
        for k, v in node.items():
            if k not in ("sources", "answers", "columns", "aliases"):
                walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)


walk({k: v for k, v in cfg.items() if k in ("title", "title_cy", "expectations")}, True)
refs = list(cfg.get("frameworks") or [])
refs += [cfg[k] for k in ("roles", "authorities", "barriers") if cfg.get(k)]
if not cfg.get("barriers"):
    refs.append(os.path.join(root, "inputs/barriers.yaml"))
for r in refs:
    walk(yaml.safe_load(open(os.path.join(base, r), encoding="utf-8")))
ref_ids = set()  # ids joined by a hyphen (cd-step-by-step), removed as whole tokens


def ids(node):
    """the hyphenated ids of a reference file: skill ids name skills in the data-quality
    reasons; an id that is one word ("time") could hide an English word, so it stays"""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and "-" in node["id"]:
            ref_ids.add(node["id"])
        for v in node.values():
            ids(v)
    elif isinstance(node, list):
        for v in node:
            ids(v)


for r in refs:
    ids(yaml.safe_load(open(os.path.join(base, r), encoding="utf-8")))
welsh_texts += ["Arall"]  # the built-in "other" barrier
for s in cfg.get("sources") or []:
    idents.append(s["name"])
    idents += [s[k] for k in ("format", "preset", "encoding") if isinstance(s.get(k), str)]
    for x in s.get("exclude_rows") or {}:
        idents.append(x)

welsh_words = set()
for key, _, cy in terms:
    # the CSV columns' descriptions (docs/columns.md) quote column names (`learners / experts`)
    # in their Welsh: their words prove nothing Welsh, and no report prints them
    if not key.startswith(("column_", "csvfile_", "columns_doc_")):
        welsh_words.update(words(cy))
for t in welsh_texts:
    welsh_words.update(words(t))
english_words = set()
for _, en, _ in terms:
    english_words.update(words(en))
english_words -= welsh_words


# ---- the reports' text --------------------------------------------------------------------
def pdf_text():
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", pdf], check=True,
                          capture_output=True).stdout.decode("utf-8")
    meta = [l.split(":", 1)[1] for l in info.splitlines()
            if l.split(":", 1)[0] in ("Title", "Subject", "Keywords")]
    return text + "\n" + "\n".join(meta)


def xlsx_parts():
    """(where, text) for every string a reader of the workbook sees."""
    z = zipfile.ZipFile(xlsx)
    for n in z.namelist():
        if not n.endswith(".xml"):
            continue
        x = z.read(n).decode("utf-8")
        if n == "xl/workbook.xml":
            for m in re.finditer(r'<sheet name="([^"]*)"', x):
                yield n, unescape(m.group(1))
        elif n.startswith("docProps/"):
            for m in re.finditer(r"<(dc:title|dc:subject|dc:description|cp:keywords)>([^<]*)<", x):
                yield n, unescape(m.group(2))
        else:  # shared and inline strings, chart titles and series names
            for m in re.finditer(r"<(?:t|a:t)(?: [^>]*)?>([^<]*)</(?:t|a:t)>", x):
                yield n, unescape(m.group(1))
            for m in re.finditer(r"<c:v>([^<]*)</c:v>", x):
                yield n, unescape(m.group(1))


def unlisted(text):
    """text without the configuration's English-only texts and source names, and without
    identifiers and paths."""
    text = re.sub(r"\s+", " ", text)
    for t in sorted(english_only + idents, key=len, reverse=True):
        text = text.replace(t, " ")
    # paths first: an id inside one (frameworks/content-design.yaml) must not split it
    text = IDENT.sub(" ", text)
    return re.sub(r"(?<![\w-])[\w-]+(?![\w-])",
                  lambda m: " " if m.group(0) in ref_ids else m.group(0), text)


def english_in(where, text):
    found = []
    clean = unlisted(text)
    for w in set(words(clean)):
        if w in english_words:
            m = re.search(r"(?i)(.{0,40})\b%s\b(.{0,40})" % re.escape(w), clean.replace("\n", " "))
            found.append((w, m.group(0) if m else ""))
    return found


def flat(text):
    return re.sub(r"\s+", " ", text)


if mode.startswith("console"):
    n = 0
    for i, line in enumerate(open(console, encoding="utf-8").read().splitlines(), 1):
        # a data-quality line ends with the value as the file gives it ('Not sure'): the
        # respondent's words, not tna's
        line = re.sub(r" \('.*'\)$", " ", line)
        for w, ctx in sorted(english_in("console", line)):
            n += 1
            if mode == "console":
                fail("console line %d: English word %r in %r" % (i, w, line[:120]))
    if mode == "console-en":
        if n < 5:
            fail("an English console shows only %d English words: the checker is blind" % n)
        else:
            print("ok: %d English words found in the English console" % n)
    pdf_all, xlsx_all = "", []
else:
    pdf_all = pdf_text()
    xlsx_all = list(xlsx_parts())

if mode.startswith("console"):
    pass
elif mode in ("cy", "en"):
    found = english_in("PDF", pdf_all)
    for w, ctx in sorted(found):
        if mode == "cy":
            fail("PDF: English word %r in ...%s..." % (w, ctx.strip()))
    n = len(found)
    seen = set()
    for where, text in xlsx_all:
        for w, ctx in english_in(where, text):
            n += 1
            if mode == "cy" and (where, w) not in seen:
                seen.add((where, w))
                fail("workbook %s: English word %r in %r" % (where, w, text[:120]))
    if mode == "en":
        if n < 100:
            fail("an English report shows only %d English words: the checker is blind" % n)
        else:
            print("ok: %d English words found in the English report" % n)
elif mode == "both":
    pdf_flat = flat(pdf_all)
    xlsx_flat = [flat(t) for _, t in xlsx_all]
    first_wrong, first_right = ("cy", "en") if order_en_first else ("en", "cy")
    for key, en, cy in terms:
        if en == cy or "%" in en or "%" in cy or len(en) < 4:
            continue
        pair = {"en": en, "cy": cy}
        for sep in (" / ", " - "):
            wrong = pair[first_wrong] + sep + pair[first_right]
            if sep == " / " and wrong in pdf_flat:
                fail("PDF: %s first: %r" % (first_wrong, wrong))
            for t in xlsx_flat:
                if wrong in t:
                    fail("workbook: %s first: %r in %r" % (first_wrong, wrong, t[:120]))
                    break
    # the PDF's section headings and the workbook's sheet names, in the right order
    sections = ["executive_summary", "section_gaps", "trends", "section_commissioning",
                "section_evaluation", "barriers_to_learning", "authorities", "section_appendix",
                "contents"]
    by_key = {k: (en, cy) for k, en, cy in terms}
    for k in sections:
        en, cy = by_key[k]
        right = (en + " / " + cy) if order_en_first else (cy + " / " + en)
        if right not in pdf_flat:
            fail("PDF: heading %s not %s first: %r missing" % (k, first_right, right))
    sheets = [t for w, t in xlsx_all if w == "xl/workbook.xml"]
    for s in sheets:
        m = re.fullmatch(r"(.+) - (.+)", s)
        if not m:
            continue  # one language only: too long for a tab, or the same in both
        first = m.group(1)
        firsts = {(en if order_en_first else cy) for _, en, cy in terms}
        if first not in firsts:
            fail("workbook: sheet %r does not start with its %s name" % (s, first_right))
    if sum(1 for s in sheets if " - " in s) < 8:
        fail("workbook: only %d bilingual sheet names: %r" % (sum(" - " in s for s in sheets), sheets))
else:
    sys.exit("usage: check_welsh.py cy|both|en PDF XLSX CONFIG")

for f in FAILS[:60]:
    print("FAIL:", f)
if len(FAILS) > 60:
    print("... and %d more" % (len(FAILS) - 60))
if FAILS:
    print("%d failures" % len(FAILS))
    sys.exit(1)
if mode not in ("en", "console-en"):
    print("ok")
