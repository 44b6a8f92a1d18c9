#!/usr/bin/env python3
"""check_pdf_pages.py PDF: the page breaks of a questionnaire PDF (tna questionnaire --tool
paper or microsoft-forms), read page by page with `pdftotext -layout`.

Fails (exit 1, naming the page) when
  - a page ends with a grid's header, the line of level numbers ("0 1 2 3 4"), its rows
    being on the next page;
  - a page starts with a grid's rows without that header above them: the rows carried over
    from the page before must be headed by the numbers again;
  - a page ends with a section heading, its questions being on the next page.

Also fails when the body text (the most common type size) is under 13 pt, the size
docs/questionnaire.md promises for "large type".

A grid row is told by its text: a skill of the shipped frameworks (inputs/frameworks), as
"Cymraeg / English". A section heading by its size, the lines set at 18 pt
(pdftotext -bbox), checked against the PDF's H2 elements (pdfinfo -struct-text, whose texts
poppler cuts at a ligature, so only their starts are compared). A word's box is 1.164 em
high in DejaVu Sans (ascent 0.928 + descent 0.236), which gives the type size. The footer,
"Tudalen N o M / Page N of M", is not content.
"""
import collections
import html
import glob
import os
import re
import subprocess
import sys
import unicodedata

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PDF = sys.argv[1]


def norm(text):
    return " ".join(unicodedata.normalize("NFKC", text).split())


def run(*args):
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


ROWS = []
for f in glob.glob(os.path.join(ROOT, "inputs", "frameworks", "*.yaml")):
    for t in yaml.safe_load(open(f, encoding="utf-8"))["topics"]:
        ROWS += [norm("%s / %s" % (s["name_cy"], s["name"])) for s in t["skills"]]

EM = 1.164
words = re.findall(r'<page |<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)<',
                   run("pdftotext", "-bbox", PDF, "-"))
sizes = collections.Counter()
lines18 = collections.OrderedDict()
page = 0
for y0, y1, w in words:
    if not y0:
        page += 1
        continue
    size = round((float(y1) - float(y0)) / EM, 1)
    sizes[size] += 1
    if abs(size - 18) < 0.3:
        lines18.setdefault((page, y0), []).append(html.unescape(w))
SECTIONS = {norm(" ".join(ws)) for ws in lines18.values()}
struct = run("pdfinfo", "-struct-text", PDF).splitlines()
h2 = [norm(struct[i + 1].strip().strip('"')) for i, line in enumerate(struct)
      if line.strip().startswith("H2")]
if not h2 or len(h2) != len(SECTIONS) or \
        any(not any(t.startswith(h) for t in SECTIONS) for h in h2):
    sys.exit("%s: the 18 pt lines %s are not the section headings (H2) %s" % (PDF, SECTIONS, h2))
body = sizes.most_common(1)[0][0]

HEADER = re.compile(r"^\d+( \d+)+$")  # the levels' numbers, and nothing else
FOOTER = re.compile(r"^Tudalen \d+ o \d+ / Page \d+ of \d+$")


def is_row(line):
    return len(line) >= 8 and any(r.startswith(line) or line.startswith(r) for r in ROWS)


pages = int(re.search(r"^Pages:\s*(\d+)", run("pdfinfo", PDF), re.M).group(1))
fails, carried, headed = [], 0, 0
for p in range(1, pages + 1):
    text = run("pdftotext", "-layout", "-f", str(p), "-l", str(p), PDF, "-")
    lines = [norm(l) for l in text.splitlines() if l.strip()]
    lines = [l for l in lines if not FOOTER.match(l)]
    if not lines:
        fails.append("page %d is empty" % p)
        continue
    if HEADER.match(lines[-1]):
        fails.append("page %d ends with a grid's header (%s), its rows on the next page"
                     % (p, lines[-1]))
    if lines[-1] in SECTIONS:
        fails.append("page %d ends with the section heading %r" % (p, lines[-1]))
    if is_row(lines[0]):
        fails.append("page %d starts with grid rows and no header: %r" % (p, lines[0]))
    if HEADER.match(lines[0]):
        headed += 1
        if len(lines) < 2 or not is_row(lines[1]):
            fails.append("page %d starts with a header that heads no row" % p)
if body < 13:
    fails.append("the body text is %.1f pt, under 13 pt" % body)
for f in fails:
    print(f)
print("%d pages, %d start with a grid carried over and headed again; body text %.1f pt"
      % (pages, headed, body))
sys.exit(1 if fails else 0)
