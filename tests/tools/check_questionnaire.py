#!/usr/bin/env python3
"""check_questionnaire.py lss FILE | qsf FILE: what a schema cannot say about the survey
files `tna questionnaire` writes.

lss: the tables a survey needs are there, and in their rows the fields read here; every
table's rows have only the fields its <fields> lists; every question's group
exists; every subquestion's parent is a question of its group; every answer belongs to a
question; every question, subquestion, answer and group has its text in every language of
<languages>, and the survey its settings in each; codes are unique among a question's
answers and among its subquestions, and question codes unique in the survey.

qsf: the file validates against tests/tools/qsf.schema.json (python3-jsonschema); every
question is in exactly one block, every block of the flow exists, the question count is the
number of questions, every choice and answer in an order exists, export tags are unique.

Prints each problem and exits 1 on any.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
kind, path = sys.argv[1], sys.argv[2]
problems = []


def problem(msg):
    problems.append(msg)


def check_lss():
    root = ET.parse(path).getroot()
    langs = [l.text for l in root.find("languages")]

    # what the schema leaves open (LimeSurvey's own files leave out empty fields and tables
    # without rows): the tables a survey needs and the fields read here
    need = {"groups": ["gid"], "group_l10ns": ["gid", "group_name", "language"],
            "questions": ["qid", "parent_qid", "sid", "gid", "type", "title"],
            "subquestions": ["qid", "parent_qid", "gid", "title"],
            "question_l10ns": ["qid", "question", "language"],
            "answers": ["aid", "qid", "code"], "answer_l10ns": ["aid", "answer", "language"],
            "surveys": ["sid"], "surveys_languagesettings": ["surveyls_language"]}

    def table(name):
        t = root.find(name)
        if t is None:
            if name not in ("answers", "answer_l10ns", "subquestions"):
                problem("no table %s" % name)
            return []
        fields = [f.text for f in t.find("fields")]
        rows = []
        for r in t.find("rows"):
            row = {c.tag: (c.text or "") for c in r}
            extra = set(row) - set(fields)
            if extra:
                problem("%s: a row has fields not in <fields>: %s" % (name, sorted(extra)))
            missing = [f for f in need[name] if f not in row]
            if missing:
                problem("%s: a row lacks %s" % (name, missing))
                row.update({f: "" for f in missing})
            rows.append(row)
        return rows

    groups = {r["gid"] for r in table("groups")}
    questions = {r["qid"]: r for r in table("questions")}
    subs = table("subquestions")
    answers = table("answers")
    sids = {r["sid"] for r in table("surveys")}
    for q in questions.values():
        if q["gid"] not in groups:
            problem("question %s is in group %s, which does not exist" % (q["title"], q["gid"]))
        if q["parent_qid"] != "0":
            problem("question %s has a parent" % q["title"])
        if q["sid"] not in sids:
            problem("question %s belongs to another survey" % q["title"])
    titles = [q["title"] for q in questions.values()]
    if len(set(titles)) != len(titles):
        problem("question codes repeat: %s" % titles)
    by_parent = {}
    for s in subs:
        p = questions.get(s["parent_qid"])
        if p is None:
            problem("subquestion %s has no parent question" % s["title"])
            continue
        if s["gid"] != p["gid"]:
            problem("subquestion %s is in another group than its question" % s["title"])
        by_parent.setdefault(s["parent_qid"], []).append(s["title"])
    for parent, codes in by_parent.items():
        if len(set(codes)) != len(codes):
            problem("subquestion codes repeat in %s" % questions[parent]["title"])
        if questions[parent]["type"] not in "MFABCEH:;":
            problem("question %s of type %s has subquestions" % (
                questions[parent]["title"], questions[parent]["type"]))
    for q in questions.values():
        if q["type"] in "MF" and q["qid"] not in by_parent:
            problem("question %s (type %s) has no subquestions" % (q["title"], q["type"]))
    codes = {}
    for a in answers:
        if a["qid"] not in questions:
            problem("answer %s belongs to no question" % a["code"])
        codes.setdefault(a["qid"], []).append(a["code"])
    for qid, c in codes.items():
        if len(set(c)) != len(c):
            problem("answer codes repeat in %s" % questions[qid]["title"])
    for q in questions.values():
        if q["type"] in "L!F" and q["qid"] not in codes:
            problem("question %s (type %s) has no answers" % (q["title"], q["type"]))

    def texts(name, key, ids):
        have = {}
        for r in table(name):
            have.setdefault(r[key], set()).add(r["language"])
        for i in ids:
            missing = set(langs) - have.get(i, set())
            if missing:
                problem("%s: %s %s has no text in %s" % (name, key, i, sorted(missing)))

    texts("question_l10ns", "qid", list(questions) + [s["qid"] for s in subs])
    texts("answer_l10ns", "aid", [a["aid"] for a in answers])
    texts("group_l10ns", "gid", groups)
    have = {r["surveyls_language"] for r in table("surveys_languagesettings")}
    if have != set(langs):
        problem("survey settings for %s, languages %s" % (sorted(have), langs))


def check_qsf():
    import jsonschema
    doc = json.load(open(path, encoding="utf-8"))
    schema = json.load(open(os.path.join(HERE, "qsf.schema.json"), encoding="utf-8"))
    for e in sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str):
        problem("schema: %s at %s" % (e.message, "/".join(str(p) for p in e.absolute_path)))
    if problems:
        return
    els = doc["SurveyElements"]
    qs = {e["PrimaryAttribute"]: e["Payload"] for e in els if e["Element"] == "SQ"}
    blocks = [b for e in els if e["Element"] == "BL" for b in e["Payload"]]
    placed = [be["QuestionID"] for b in blocks for be in b["BlockElements"]]
    for q in qs:
        if placed.count(q) != 1:
            problem("question %s is in %d blocks" % (q, placed.count(q)))
    for q in placed:
        if q not in qs:
            problem("a block holds %s, which does not exist" % q)
    ids = {b["ID"] for b in blocks}
    for e in els:
        if e["Element"] == "FL":
            for f in e["Payload"]["Flow"]:
                if f["ID"] not in ids:
                    problem("the flow has block %s, which does not exist" % f["ID"])
        if e["Element"] == "QC" and int(e["SecondaryAttribute"]) != len(qs):
            problem("question count %s, questions %d" % (e["SecondaryAttribute"], len(qs)))
    # the export's columns are named by the question tags and a matrix's row tags: no two alike
    tags = [p["DataExportTag"] for p in qs.values()]
    tags += [t for p in qs.values() for t in (p.get("ChoiceDataExportTags") or {}).values()]
    if len(set(tags)) != len(tags):
        problem("export tags repeat")
    for qid, p in qs.items():
        if p["QuestionID"] != qid:
            problem("%s says it is %s" % (qid, p["QuestionID"]))
        for order, table in (("ChoiceOrder", "Choices"), ("AnswerOrder", "Answers")):
            for i in p.get(order, []):
                if i not in p.get(table, {}):
                    problem("%s: %s lists %s, not in %s" % (qid, order, i, table))
            if table in p and set(p[table]) != set(p.get(order, [])):
                problem("%s: %s and %s differ" % (qid, table, order))
        for c in p.get("ChoiceDataExportTags") or {}:
            if c not in p.get("Choices", {}):
                problem("%s: an export tag for choice %s, which does not exist" % (qid, c))
        if "NextChoiceId" in p and any(int(c) >= p["NextChoiceId"] for c in p.get("Choices", {})):
            problem("%s: NextChoiceId %s is not after every choice" % (qid, p["NextChoiceId"]))
        for a in p.get("VariableNaming", {}):
            if a not in p.get("Answers", p.get("Choices", {})):
                problem("%s: a variable name for %s, which does not exist" % (qid, a))
        for a in p.get("RecodeValues", {}):
            if a not in p.get("Answers", p.get("Choices", {})):
                problem("%s: a recode for %s, which does not exist" % (qid, a))


{"lss": check_lss, "qsf": check_qsf}[kind]()
for p in problems:
    print("%s: %s" % (path, p))
sys.exit(1 if problems else 0)
