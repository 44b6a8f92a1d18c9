#!/usr/bin/env python3
"""pdf_columns.py PDF HEADER_WORD ROW_WORD: one row of a PDF table, each figure with its header.

Reads the words and their boxes with pdftotext -tsv. The table is the one whose header holds
HEADER_WORD (its first occurrence); its row is the first line below that header starting with
ROW_WORD. Each figure of the row takes the header words whose centres are nearer its centre
than any other word's of the row (headers are centred over their column, figures right-aligned in it),
so a header printed over the wrong column shows. Prints the row's words, then one
"header = figure" line for each figure, left to right; a word broken at a hyphen is joined.
"""
import subprocess
import sys

pdf, header_word, row_word = sys.argv[1:4]
tsv = subprocess.run(["pdftotext", "-tsv", pdf, "-"], check=True, capture_output=True,
                     text=True).stdout.splitlines()[1:]
# (page, left, top, right, text) of every word (level 5)
words = [(int(r[1]), float(r[6]), float(r[7]), float(r[6]) + float(r[8]), r[11])
         for r in (l.split("\t") for l in tsv) if len(r) == 12 and r[0] == "5" and r[11].strip()]
page, top = next((w[0], w[2]) for w in words if w[4] == header_word)
row_top = min(w[2] for w in words if w[0] == page and w[4] == row_word and w[2] > top + 1)
band = [w for w in words if w[0] == page and top - 1 < w[2] < row_top - 1]
row = sorted((w for w in words if w[0] == page and abs(w[2] - row_top) < 1), key=lambda w: w[1])
figures = [w for w in row if w[4].replace(",", "").replace(".", "").lstrip("£").isdigit()]
if not figures:
    sys.exit("pdf_columns.py: no figures in the row starting %r" % row_word)


def mid(w):
    return (w[1] + w[3]) / 2


heads = {id(w): [] for w in row}  # the row's label words take the label column's header
for w in band:
    heads[id(min(row, key=lambda r: abs(mid(r) - mid(w))))].append(w)
print(" ".join(w[4] for w in row if w not in figures))
for f in figures:
    text = " ".join(w[4] for w in sorted(heads[id(f)], key=lambda w: (w[2], w[1])))
    print("%s = %s" % (text.replace("- ", "-"), f[4]))
