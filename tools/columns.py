#!/usr/bin/env python3
"""columns.py [GLOSSARY] > docs/columns.md: the bilingual table of the CSV files' columns.

Every word comes from the glossary (docs/glossary.tsv), Welsh first as the Welsh Language
Standards ask of bilingual material:
  csvfile_FILE         what FILE-PERIOD.csv holds (FILE with _ for -); the files, in order
  column_FILE_NAME     what column NAME means in FILE alone
  column_NAME          what NAME means in every file that has it and no column_FILE_NAME
  columns_doc_...      the page's own words
A column whose name depends on the run is written in the glossary as its family: value_period
(expectations: value_2026-Q2, ...) and v_n (counts: v1, v2, ...). tests/cli/columns.sh checks
that every header a run writes has its term, and that docs/columns.md is this script's output.
"""
import sys

FAMILIES = {"value_period": "value_PERIOD", "v_n": "v1, v2, ..."}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "docs/glossary.tsv"
    terms = {}  # key -> (en, cy), in the file's order
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            key, en, cy, _ = line.rstrip("\n").split("\t")
            terms[key] = (en, cy)
    files = [k[len("csvfile_"):] for k in terms if k.startswith("csvfile_")]
    shared, own = [], {f: [] for f in files}
    for key in terms:
        if not key.startswith("column_"):
            continue
        name = key[len("column_"):]
        owners = [f for f in files if name.startswith(f + "_")]
        if len(owners) > 1:
            sys.exit("%s: %s could be a column of %s" % (path, key, " or ".join(owners)))
        if owners:
            own[owners[0]].append((name[len(owners[0]) + 1:], key))
        else:
            shared.append((name, key))

    def word(key, lang):
        return terms[key][0 if lang == "en" else 1]

    def both(key):
        return "%s\n\n%s" % (word(key, "cy"), word(key, "en"))

    def table(rows):
        out = ["| %s / %s | Cymraeg | English |" % (word("column", "cy"), word("column", "en")),
               "|---|---|---|"]
        for name, key in rows:
            out.append("| `%s` | %s | %s |" % (FAMILIES.get(name, name), word(key, "cy"),
                                               word(key, "en")))
        return "\n".join(out)

    out = ["# %s / %s" % (word("columns_doc_title", "cy"), word("columns_doc_title", "en")),
           "",
           "<!-- Written by tools/columns.py from docs/glossary.tsv; do not edit: change the"
           " glossary's column_ and csvfile_ terms, then run"
           " python3 tools/columns.py > docs/columns.md -->",
           "",
           both("columns_doc_intro").replace("outputs.md", "[outputs.md](outputs.md)"),
           "",
           "## %s / %s" % (word("columns_doc_shared", "cy"), word("columns_doc_shared", "en")),
           "",
           both("columns_doc_shared_intro"),
           "",
           table(shared)]
    for f in files:
        out += ["", "## %s-PERIOD.csv" % f.replace("_", "-"), "", both("csvfile_" + f)]
        if own[f]:
            out += ["", both("columns_doc_own"), "", table(own[f])]
        else:
            out += ["", both("columns_doc_all_shared")]
    print("\n".join(out))


main()
