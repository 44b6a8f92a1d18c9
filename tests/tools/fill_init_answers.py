#!/usr/bin/env python3
"""fill_init_answers.py CONFIG MAPPING.JSON: fills in the commented `answers:` block that
`tna init` wrote at the end of CONFIG, as a user would, mechanically.

MAPPING.JSON is {field: {answer: meaning}}. For each answer of the block that the mapping
names, its line is uncommented with the mapping's meaning; the `answers:` line and the lines
of the fields that keep an answer are uncommented too; every other line stays as it was.
Fails (exit 1) when the mapping names an answer the block does not list, or the block's lines
are not what init writes ("# answers:", "#   FIELD:", "#     \"ANSWER\": \"MEANING\"  # ...").
"""
import json
import re
import sys

import yaml

path, mapping = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
lines = open(path, encoding="utf-8").read().split("\n")
try:
    start = lines.index("# answers:")
except ValueError:
    sys.exit("%s: no commented answers: block" % path)

block = []  # (field, key, line index) of every answer line
field = None
for i in range(start + 1, len(lines)):
    line = lines[i]
    m = re.match(r"^#   ([a-z_]+):$", line)
    if m:
        field = m.group(1)
        continue
    m = re.match(r'^#     ("(?:[^"\\]|\\.)*"): ("(?:[^"\\]|\\.)*")(\s+# .*)?$', line)
    if m and field:
        block.append((field, yaml.safe_load(m.group(1)), i))
        continue
    if line.strip():
        sys.exit("%s:%d: not a line of the answers: block: %r" % (path, i + 1, line))

used = set()
kept_fields = set()
for field, key, i in block:
    meaning = mapping.get(field, {}).get(key)
    if meaning is None:
        continue
    lines[i] = "    %s: %s" % (json.dumps(key, ensure_ascii=False), json.dumps(meaning))
    used.add((field, key))
    kept_fields.add(field)
missing = [(f, k) for f, m in mapping.items() for k in m if (f, k) not in used]
if missing:
    sys.exit("%s: the answers: block does not list %r" % (path, missing))
if kept_fields:
    lines[start] = "answers:"
    for i in range(start + 1, len(lines)):
        m = re.match(r"^#   ([a-z_]+):$", lines[i])
        if m and m.group(1) in kept_fields:
            lines[i] = "  %s:" % m.group(1)
open(path, "w", encoding="utf-8").write("\n".join(lines))
