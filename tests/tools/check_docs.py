#!/usr/bin/env python3
"""The documentation keeps up with the code.

  check_docs.py keys SRC_CONFIG_DIR DOC...
      every key the configuration loader accepts (the `keys[]` lists of src/config/*.c and
      the field names of `columns`/`answers`) and every documented spelling of its
      enumerations (names.c) appears as a word in each DOC (the man page, configuration.md).
  check_docs.py headers OUTPUTS_MD CSV...
      the header line of each CSV appears word for word in OUTPUTS_MD, as a whole line (a
      code block) or a whole `code span`.

Read from the C source text, not from tna, so a key added to the loader without a word in the
documents fails here. Exit 1 with what is missing.
"""
import glob
import os
import re
import sys


def loader_words(src):
    words = {}
    for path in sorted(glob.glob(os.path.join(src, "*.c"))):
        text = open(path, encoding="utf-8").read()
        name = os.path.basename(path)
        for m in re.finditer(r"static const char \*const (\w+)\[\]\s*=\s*\{(.*?)\};", text, re.S):
            if "keys" in m.group(1):
                for k in re.findall(r'"([^"]*)"', m.group(2)):
                    words.setdefault(k, name)
        m = re.search(r"tna_field_names\[TNA_FIELD_COUNT\]\s*=\s*\{(.*?)\};", text, re.S)
        if m:
            for k in re.findall(r'"([^"]*)"', m.group(1)):
                words.setdefault(k, name + " (field)")
        # cfg_enum rows {"spelling", VALUE, "documented spelling"}: the third, when a word
        for m in re.finditer(r'\{"[^"]*",\s*[^,{}]+,\s*"([A-Za-z][\w-]*)"\}', text):
            words.setdefault(m.group(1), name + " (value)")
    return words


def has_word(text, word):
    # troff writes a hyphen as \- and markdown may escape _ as \_
    pat = "".join({"-": r"\\?-", "_": r"\\?_"}.get(ch, re.escape(ch)) for ch in word)
    return re.search(r"(?<![\w-])" + pat + r"(?![\w-])", text) is not None


def check_keys(src, docs):
    words = loader_words(src)
    if len(words) < 50:  # the lists were not found: the check would pass on nothing
        sys.exit(f"only {len(words)} loader words found in {src}; has the source changed shape?")
    missing = []
    for doc in docs:
        text = open(doc, encoding="utf-8").read()
        missing += [f"{doc}: no '{w}' (from {where})" for w, where in sorted(words.items())
                    if not has_word(text, w)]
    print(f"{len(words)} loader keys and values checked in {len(docs)} documents")
    return missing


def check_headers(outputs, csvs):
    text = open(outputs, encoding="utf-8").read()
    lines = set(text.splitlines())
    spans = set(re.findall(r"`([^`\n]+)`", text))
    missing = []
    for path in csvs:
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\r\n")
        if header not in lines and header not in spans:
            missing.append(f"{outputs}: no header of {os.path.basename(path)}: {header}")
    print(f"{len(csvs)} headers checked")
    return missing


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("keys", "headers"):
        sys.exit(__doc__)
    if sys.argv[1] == "keys":
        missing = check_keys(sys.argv[2], sys.argv[3:])
    else:
        missing = check_headers(sys.argv[2], sys.argv[3:])
    for m in missing:
        print(m, file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
