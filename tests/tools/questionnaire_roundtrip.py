#!/usr/bin/env python3
"""questionnaire_roundtrip.py TOOL DIR [--check OUT]: a known population answers the
questionnaire `tna questionnaire --tool TOOL -o DIR` wrote, and the tool exports it.

Without --check: reads the survey from the tool's own file in DIR (survey.lss, survey.qsf,
create-form.gs run under tests/tools/run_apps_script.js, questionnaire.pdf's text and
data-entry.csv), invents 48 staff in three councils and two roles with levels, training,
barriers and a language (one who types "Other" for a role, one who submits twice, a
Qualtrics preview), writes their responses where DIR/tna.yaml expects them, shaped as the
tool exports them, and writes DIR/expected.json: every row of summary-PERIOD.csv and
barriers-PERIOD.csv, the learners and their language split of every demand-PERIOD.csv row,
and how many said they were trained or not; all computed here from the people (never from
tna's output).

With --check OUT [--l4 OUT2]: compares OUT's summary, barriers and demand CSVs (tna run
DIR/tna.yaml -o OUT) with DIR/expected.json, and OUT2's trained_vs_untrained n_trained and
n_untrained (a run of the same export as two periods); prints the differences and exits 1
on any.

With --levels-as-printed (microsoft-forms): the grid's cells are the level numbers the
PDF prints over its columns ("0".."4"), not the level names.

With --full-answers LANG (limesurvey): an export of full answers in LANG (en or cy), each
answer's text from the .lss in that language, instead of answer codes.

With --check OUT --read-by CONFIG PERIOD: the same for the export DIR holds, read by
another configuration as PERIOD (DIR's people, only the skills CONFIG reads).

The survey's structure comes from the tool's file, its meanings from the shipped reference
files (inputs/, or the directory in $QR_INPUTS, a copy with things renamed): an option is a
council, role, barrier, skill or level because its English text is that thing's name.
"""
import csv
import glob
import html
import io
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TOOL, DIR = sys.argv[1], sys.argv[2]
AS_PRINTED = "--levels-as-printed" in sys.argv  # microsoft-forms: level cells "0".."4"
# limesurvey: an export of full answers in that language instead of answer codes
FULL = sys.argv[sys.argv.index("--full-answers") + 1] if "--full-answers" in sys.argv else None
K = 5


INPUTS = os.environ.get("QR_INPUTS") or os.path.join(ROOT, "inputs")


def load(rel):
    return yaml.safe_load(open(os.path.join(INPUTS, rel), encoding="utf-8"))


SKILL, TOPIC_OF, FW_OF = {}, {}, {}
LEVELS = {}
for f in ("content-design", "user-research", "digital-data"):
    fw = load("frameworks/%s.yaml" % f)
    for lv in fw["scale"]["levels"]:
        LEVELS[lv["label"]] = lv["level"]
    for t in fw["topics"]:
        for s in t["skills"]:
            SKILL[s["name"]] = s["id"]
            TOPIC_OF[s["id"]] = t["id"]
            FW_OF[t["id"]] = fw["id"]
AUTH = {a["name"]: a["id"] for a in load("authorities.yaml")["authorities"]}
REGION = {a["id"]: a["region"] for a in load("authorities.yaml")["authorities"]}
ROLES = {r["id"]: r for r in load("roles.yaml")["roles"]}
ROLE_BY_NAME = {r["name"]: r["id"] for r in ROLES.values()}
BARRIER = {b["name"]: b["id"] for b in load("barriers.yaml")["barriers"]}
LANG = {"Welsh": "welsh", "English": "english", "No preference": "either"}
YESNO = {"Yes": True, "No": False}
CONFIG = yaml.safe_load(open(os.path.join(DIR, "tna.yaml"), encoding="utf-8"))
PERIOD = CONFIG["periods"][-1]


def english(text):
    """The English side of "Cymraeg / English"."""
    return text.split(" / ")[-1]


# ---- the survey, as the tool's file describes it --------------------------------------------

class Question:
    def __init__(self, field, title, kind):
        self.field, self.title, self.kind = field, title, kind
        self.options = []  # (meaning, cell text or code)
        self.rows = []     # (skill id, row text or code)
        self.other = False
        self.code = None


def field_of(title):
    en = english(title)
    for words, field in (("staff number", "respondent"), ("council", "authority"),
                         ("job role", "role"), ("attended training", "trained"),
                         ("stops you learning", "barriers"), ("which language", "language"),
                         ("how confident", "grid")):
        if words in en.lower():
            return field
    raise SystemExit("no field for question %r" % title)


def meaning(field, en_text):
    table = {"authority": AUTH, "role": ROLE_BY_NAME, "barriers": BARRIER, "language": LANG,
             "trained": YESNO}[field]
    if en_text not in table:
        raise SystemExit("%s option %r names nothing in inputs/" % (field, en_text))
    return table[en_text]


def survey_from_lss():
    root = ET.parse(os.path.join(DIR, "survey.lss")).getroot()
    rows = lambda table: [{c.tag: (c.text or "") for c in r} for r in root.find(table).find("rows")]
    text = {}
    for r in rows("question_l10ns"):
        if r["language"] == "en":
            text[r["qid"]] = r["question"]
    answers = {}
    ans_text = {r["aid"]: r["answer"] for r in rows("answer_l10ns") if r["language"] == "en"}
    # a full-answers export writes each answer's text in the export's language
    full = {r["aid"]: r["answer"] for r in rows("answer_l10ns") if r["language"] == FULL}
    cell = {}
    for r in rows("answers"):
        cell[(r["qid"], r["code"])] = full[r["aid"]] if FULL else r["code"]
    for r in sorted(rows("answers"), key=lambda r: int(r["sortorder"])):
        answers.setdefault(r["qid"], []).append((r["code"], ans_text[r["aid"]]))
    subs = {}
    for r in sorted(rows("subquestions"), key=lambda r: int(r["question_order"])):
        subs.setdefault(r["parent_qid"], []).append((r["title"], text[r["qid"]]))
    out = []
    for r in sorted(rows("questions"), key=lambda r: int(r["question_order"])):
        f = field_of(text[r["qid"]])
        q = Question(f, text[r["qid"]], r["type"])
        q.code, q.other = r["title"], r["other"] == "Y"
        if f == "grid":
            q.rows = [(SKILL[t], c) for c, t in subs[r["qid"]]]
            q.options = [(LEVELS[t], cell[(r["qid"], c)]) for c, t in answers[r["qid"]]]
        elif f == "barriers":
            q.options = [(meaning(f, t), c) for c, t in subs[r["qid"]]]
        elif f != "respondent":
            q.options = [(meaning(f, t), cell[(r["qid"], c)]) for c, t in answers[r["qid"]]]
        out.append(q)
    return out


def survey_from_qsf():
    qsf = json.load(open(os.path.join(DIR, "survey.qsf"), encoding="utf-8"))
    els = {e["PrimaryAttribute"]: e for e in qsf["SurveyElements"] if e["Element"] == "SQ"}
    block = next(e for e in qsf["SurveyElements"] if e["Element"] == "BL")["Payload"][0]
    out = []
    for be in block["BlockElements"]:
        p = els[be["QuestionID"]]["Payload"]
        title = html.unescape(p["QuestionText"])
        q = Question(field_of(title), title, p["QuestionType"])
        q.code, q.qid = p["DataExportTag"], p["QuestionID"]
        choice = lambda cid, d: html.unescape(d[cid]["Display"])
        # an export of choice text writes each choice's variable name (VariableNaming),
        # by default its text (Qualtrics Support, "Recode Values")
        names = p.get("VariableNaming") or {}
        if q.field == "grid":
            # a row's column: its ChoiceDataExportTag where it has one, else Qualtrics'
            # default TAG_CHOICEID
            tags = p.get("ChoiceDataExportTags") or {}
            q.rows = [(SKILL[english(choice(c, p["Choices"]))], c, choice(c, p["Choices"]),
                       tags.get(c, "%s_%s" % (q.code, c)))
                      for c in p["ChoiceOrder"]]
            q.options = [(LEVELS[english(choice(a, p["Answers"]))],
                          names.get(a, choice(a, p["Answers"]))) for a in p["AnswerOrder"]]
        elif q.field != "respondent":
            for c in p["ChoiceOrder"]:
                d = choice(c, p["Choices"])
                if p["Choices"][c].get("TextEntry"):
                    q.other, q.other_id, q.other_text = True, c, d
                    q.other_cell = names.get(c, d)
                else:
                    q.options.append((meaning(q.field, english(d)), names.get(c, d)))
        out.append(q)
    return out


def survey_from_form():
    """Google Forms from the Apps Script; Microsoft Forms from the PDF Quick import reads,
    whose questions are the same texts (checked against the PDF's text)."""
    script = os.path.join(DIR, "create-form.gs")
    if TOOL == "microsoft-forms":
        script = os.path.join(os.environ["SCRATCH"], "ms-form.gs")
    form = json.loads(subprocess.run(["node", os.path.join(HERE, "run_apps_script.js"), script],
                                     capture_output=True, check=True).stdout)
    out = []
    for it in form["items"]:
        if it["type"] == "pagebreak":
            continue
        q = Question(field_of(it["title"]), it["title"], it["type"])
        q.other = it["other"]
        if q.field == "grid":
            q.rows = [(SKILL[english(r)], r) for r in it["rows"]]
            q.options = [(LEVELS[english(c)], c) for c in it["columns"]]
        elif q.field != "respondent":
            q.options = [(meaning(q.field, english(c)), c) for c in it["choices"]]
        out.append(q)
    if TOOL == "microsoft-forms":
        pdf = subprocess.run(["pdftotext", os.path.join(DIR, "questionnaire.pdf"), "-"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        flat = " ".join(pdf.split())
        for q in out:
            for t in [q.title] + [o[1] for o in q.options if q.field != "grid"] + \
                     [r[1] for r in q.rows]:
                if " ".join(t.split()) not in flat:
                    raise SystemExit("the PDF for Quick import lacks %r" % t)
        if AS_PRINTED:
            # the grid's columns as the PDF heads them, the levels' numbers: Quick import may
            # well make them the Likert's options, so the export's cells are "0".."4"
            layout = subprocess.run(["pdftotext", "-layout", os.path.join(DIR, "questionnaire.pdf"),
                                     "-"], capture_output=True, check=True).stdout.decode("utf-8")
            heads = {tuple(l.split()) for l in layout.splitlines()
                     if re.fullmatch(r"\s*\d+(\s+\d+)+\s*", l)}
            for q in out:
                if q.field == "grid":
                    numbers = tuple(str(level) for level, _ in q.options)
                    if numbers not in heads:
                        raise SystemExit("the PDF heads no grid with %s" % " ".join(numbers))
                    q.options = [(level, str(level)) for level, _ in q.options]
    return out


def survey_from_entry():
    head = next(csv.reader(open(os.path.join(DIR, "data-entry.csv"), encoding="utf-8-sig")))
    pdf = subprocess.run(["pdftotext", os.path.join(DIR, "questionnaire.pdf"), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    # what the typist enters is printed beside each option: check the ids are on the paper
    for code in list(AUTH.values()) + [r for r in ROLE_BY_NAME.values()]:
        if code not in pdf:
            raise SystemExit("the paper form does not show the code %r" % code)
    return head


# ---- the people ---------------------------------------------------------------------------

rng = random.Random(17)
COUNCILS = ["cardiff", "ceredigion", "powys"]
PEOPLE = []
TYPED = ["Caring for my mother", "Shift patterns"]


def skills_asked(survey):
    if TOOL == "paper":
        return [h for h in survey if h in TOPIC_OF]
    return [s for q in survey if q.field == "grid" for s, *_ in q.rows]


def invent(survey):
    skills = skills_asked(survey)
    barrier_ids = [b for b in BARRIER.values() if b != "other"]
    for c in COUNCILS:
        for role in ("content-designer", "team-manager"):
            for _ in range(8):
                i = len(PEOPLE)
                p = {"staff": "E%05d" % (20001 + i), "council": c, "role": role,
                     "levels": {s: rng.choice([None, 0, 1, 1, 2, 2, 3, 4]) for s in skills},
                     "trained": rng.choice([True, False, None]),
                     "barriers": sorted(rng.sample(barrier_ids, rng.choice([0, 1, 1, 2]))),
                     "typed": None, "other_role": None,
                     "language": rng.choice(["welsh", "english", "either", None]),
                     "minute": i}
                PEOPLE.append(p)
    PEOPLE[3]["other_role"] = "Senior content designer"  # an alias, typed for Other
    PEOPLE[10]["typed"] = TYPED[0]
    PEOPLE[30]["typed"] = TYPED[1]
    # a repeat submission: person 20 again later, two levels changed, one left blank
    again = dict(PEOPLE[20])
    again["levels"] = dict(PEOPLE[20]["levels"])
    first = skills[0]
    again["levels"][first] = 4
    again["levels"][skills[1]] = None
    again["minute"] = 300
    return again


def final_levels(again):
    """What tna must take: the later submission's answers, the earlier where it left a blank."""
    p = PEOPLE[20]
    merged = dict(p["levels"])
    for s, v in again["levels"].items():
        if v is not None:
            merged[s] = v
    return merged


def target(role, skill):
    topic = TOPIC_OF[skill]
    found = {}
    for t in ROLES[role].get("targets", []):
        for kind, key in (("skill", skill), ("topic", topic), ("framework", FW_OF[topic])):
            if t.get(kind) == key:
                found[kind] = t["level"]
    for kind in ("skill", "topic", "framework"):
        if kind in found:
            return found[kind]
    return 0


def expected(survey, again):
    levels = {p["staff"]: p["levels"] for p in PEOPLE}
    levels[PEOPLE[20]["staff"]] = final_levels(again)
    sets = [("authority", "role", "topic"), ("authority", "topic"), ("role", "topic"),
            ("authority",), ("topic",), ()]
    groups = {}
    for p in PEOPLE:
        for s, c in levels[p["staff"]].items():
            t = target(p["role"], s)
            if t <= 0 or c is None:
                continue
            gap, below = max(0, t - c), c < t
            dims = {"authority": p["council"], "role": p["role"], "topic": TOPIC_OF[s]}
            for st in sets:
                key = tuple(dims[d] if d in st else "*" for d in ("authority", "role", "topic"))
                g = groups.setdefault(key, {"resp": set(), "n": 0, "below": 0, "gap": 0,
                                            "need": set()})
                g["resp"].add(p["staff"])
                g["n"] += 1
                g["below"] += below
                g["gap"] += gap
                if below:
                    g["need"].add(p["staff"])
    summary = []
    for (a, r, t), g in groups.items():
        assert len(g["resp"]) >= K, (a, r, t)
        summary.append("%s,%s,%s,%s,%s,%d,%d,%d,%d,%.6f,%.6f,%d,0" % (
            PERIOD, a, r, FW_OF[t] if t != "*" else "*", t, len(g["resp"]), g["n"],
            g["below"], g["gap"], g["gap"] / g["n"], g["below"] / g["n"], len(g["need"])))
    base, citing = {}, {}
    for p in PEOPLE:
        ids = set(p["barriers"]) | ({"other"} if p["typed"] else set())
        if not ids:
            continue
        for a in (p["council"], "*"):
            base[a] = base.get(a, 0) + 1
            for b in ids:
                citing[(b, a)] = citing.get((b, a), 0) + 1
    barriers = []
    for b in sorted({b for b, a in citing if a == "*"}):
        for a in ["*"] + sorted(set(base) - {"*"}):
            n = citing.get((b, a), 0)
            barriers.append("%s,%s,%s,%d,%d,%.6f,0" % (PERIOD, b, a, base[a], n, n / base[a]))
    # demand: per topic, everyone, each region and each council; learners are those with a
    # below-target pair in the topic, split by the language they would rather learn in
    lang = {"welsh": 0, "english": 1, "either": 2, None: 3}
    dem = {}
    for p in PEOPLE:
        for s, c in levels[p["staff"]].items():
            t = target(p["role"], s)
            if t <= 0 or c is None:
                continue
            for reg, a in (("*", "*"), (REGION[p["council"]], "*"),
                           (REGION[p["council"]], p["council"])):
                d = dem.setdefault((TOPIC_OF[s], reg, a), {"resp": set(), "need": set()})
                d["resp"].add(p["staff"])
                if c < t:
                    d["need"].add(p["staff"])
    language = {p["staff"]: p["language"] for p in PEOPLE}
    demand = []
    for (t, reg, a), d in dem.items():
        split = [0, 0, 0, 0]
        for who in d["need"]:
            split[lang[language[who]]] += 1
        demand.append("%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d" % (
            PERIOD, FW_OF[t], t, reg, a, len(d["resp"]), len(d["need"]), *split))
    # the training answer: in a second period of the same export, trained_vs_untrained
    # compares the people who said yes with those who said no, among those with a skill
    # their role has a target for answered (a blank answer is in neither group)
    n = {True: 0, False: 0}
    trained = {p["staff"]: p["trained"] for p in PEOPLE}
    for who, lv in levels.items():
        person = next(p for p in PEOPLE if p["staff"] == who)
        if trained[who] is None:
            continue
        if any(target(person["role"], s) > 0 and c is not None for s, c in lv.items()):
            n[trained[who]] += 1
    return {"summary": sorted(summary), "barriers": sorted(barriers), "demand": sorted(demand),
            "n_trained": n[True], "n_untrained": n[False]}


# ---- the exports --------------------------------------------------------------------------

def stamp(minute, style):
    day, mins = 14 + minute // 100, 9 * 60 + (minute % 100) * 5
    h, m = mins // 60, mins % 60
    return {"iso": "2026-07-%02d %02d:%02d:00" % (day, h, m),
            "uk": "%02d/07/2026 %02d:%02d" % (day, h, m),
            "uk-seconds": "%02d/07/2026 %02d:%02d:00" % (day, h, m),
            "date": "%02d/07/2026" % day}[style]


def option(q, value):
    return next(o for o in q.options if o[0] == value)


def answer_cells(q, p, role, barriers):
    """The cells of question q for person p, as every tool exports them but for the role
    and barriers questions, whose cells the tool's own functions role(q, p) and
    barriers(q, p) give."""
    if q.field == "respondent":
        return [p["staff"]]
    if q.field == "authority":
        return [option(q, p["council"])[1]]
    if q.field == "role":
        return role(q, p)
    if q.field == "grid":
        return ["" if p["levels"][s] is None else option(q, p["levels"][s])[1]
                for s, *_ in q.rows]
    if q.field == "barriers":
        return barriers(q, p)
    value = p[q.field]  # trained, language
    return ["" if value is None else option(q, value)[1]]


def limesurvey_export(survey, rows):
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    for q in survey:
        if q.field == "grid":
            head += ["%s[%s]" % (q.code, code) for _, code in q.rows]
        elif q.field == "barriers":
            head += ["%s[%s]" % (q.code, code) for _, code in q.options] + ["%s[other]" % q.code]
        else:
            head.append(q.code)
            if q.other:
                head.append("%s[other]" % q.code)
    out = [head]
    for i, p in enumerate(rows):
        r = [str(i + 1), stamp(p["minute"], "iso"), "4", "cy" if i % 2 else "en", str(1000 + i),
             stamp(p["minute"], "iso"), stamp(p["minute"], "iso")]
        # with full answers, Other and a ticked box are LimeSurvey's own words in the
        # export's language (its translations: Arall, Ie), with codes -oth- and Y
        other, yes = {None: ("-oth-", "Y"), "en": ("Other", "Yes"), "cy": ("Arall", "Ie")}[FULL]
        for q in survey:
            r += answer_cells(
                q, p,
                lambda q, p: ([other, p["other_role"]] if p["other_role"] else
                              [option(q, p["role"])[1], ""]),
                lambda q, p: ([yes if b in p["barriers"] else "" for b, _ in q.options] +
                              [p["typed"] or ""]))
        out.append(r)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(out)
    return "\ufeff" + buf.getvalue()


def qualtrics_export(survey, rows):
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
            "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
            "RecipientEmail", "ExternalReference", "DistributionChannel", "UserLanguage"]
    meta2 = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
             "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
             "Recipient Last Name", "Recipient First Name", "Recipient Email",
             "External Data Reference", "Distribution Channel", "User Language"]
    h1, h2, h3 = list(meta), list(meta2), ['{"ImportId":"%s"}' % m for m in meta]
    for q in survey:
        if q.field == "grid":
            for s, cid, text, tag in q.rows:
                h1.append(tag)
                h2.append("%s - %s" % (q.title, text))
                h3.append('{"ImportId":"%s_%s"}' % (q.qid, cid))
        elif q.other:
            h1 += [q.code, "%s_%s_TEXT" % (q.code, q.other_id)]
            h2 += ["%s - Selected Choice" % q.title,
                   "%s - %s - Text" % (q.title, q.other_text)]
            h3 += ['{"ImportId":"%s"}' % q.qid, '{"ImportId":"%s_%s_TEXT"}' % (q.qid, q.other_id)]
        else:
            h1.append(q.code)
            h2.append(q.title)
            h3.append('{"ImportId":"%s"}' % q.qid)
    out = [h1, h2, h3]
    preview = dict(PEOPLE[0], staff="E99999", council="cardiff", role="content-designer")
    for i, p in enumerate([preview] + rows):
        status = "Survey Preview" if i == 0 else "IP Address"
        r = [stamp(p["minute"], "iso"), stamp(p["minute"] + 1, "iso"), status, "", "100", "300",
             "True", stamp(p["minute"] + 1, "iso"), "R_%05d" % i, "", "", "", "", "anonymous",
             "EN-GB"]
        for q in survey:
            r += answer_cells(
                q, p,
                lambda q, p: ([q.other_cell, p["other_role"]] if p["other_role"] else
                              [option(q, p["role"])[1], ""]),
                lambda q, p: [",".join([option(q, b)[1] for b in p["barriers"]] +
                                       ([q.other_cell] if p["typed"] else [])),
                              p["typed"] or ""])
        out.append(r)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(out)
    return buf.getvalue()


def forms_export(survey, rows):
    google = TOOL == "google-forms"

    def joined(chosen):  # Google joins a checkbox's choices with ", "; Microsoft ends each with ";"
        return ", ".join(chosen) if google else "".join(c + ";" for c in chosen)

    head = ["Timestamp"] if google else ["ID", "Start time", "Completion time", "Email", "Name",
                                         "Last modified time"]
    for q in survey:
        if q.field == "grid":
            head += [("%s [%s]" if google else "%s.%s") % (q.title, text) for _, text in q.rows]
        else:
            head.append(q.title)
    out = [head]
    for i, p in enumerate(rows):
        r = [stamp(p["minute"], "uk-seconds")] if google else \
            [str(i + 1), stamp(p["minute"], "uk"), stamp(p["minute"] + 1, "uk"),
             "anonymous", "", ""]
        for q in survey:  # "Other": the text typed is the answer
            r += answer_cells(
                q, p, lambda q, p: [p["other_role"] or option(q, p["role"])[1]],
                lambda q, p: [joined([option(q, b)[1] for b in p["barriers"]] +
                                     ([p["typed"]] if p["typed"] else []))])
        out.append(r)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(out)
    return ("" if google else "\ufeff") + buf.getvalue()


def paper_export(head, rows):
    out = [head]
    for p in rows:
        cell = {"staff_number": p["staff"], "date": stamp(p["minute"], "date"),
                "council": p["council"], "role": "" if p["other_role"] else p["role"],
                "role_other": p["other_role"] or "",
                "trained": {True: "yes", False: "no", None: ""}[p["trained"]],
                "barrier_other": p["typed"] or "",
                "language": p["language"] or ""}
        for h in head:
            if h in TOPIC_OF:
                v = p["levels"][h]
                cell[h] = "" if v is None else str(v)
            elif h.startswith("barrier_") and h != "barrier_other":
                cell[h] = "1" if h[len("barrier_"):] in p["barriers"] else ""
        out.append([cell[h] for h in head])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(out)
    return "\ufeff" + buf.getvalue()


def write():
    survey = {"limesurvey": survey_from_lss, "qualtrics": survey_from_qsf,
              "google-forms": survey_from_form, "microsoft-forms": survey_from_form,
              "paper": survey_from_entry}[TOOL]()
    again = invent(survey)
    rows = PEOPLE[:25] + [again] + PEOPLE[25:]
    text = {"limesurvey": limesurvey_export, "qualtrics": qualtrics_export,
            "google-forms": forms_export, "microsoft-forms": forms_export,
            "paper": paper_export}[TOOL](survey, rows)
    path = os.path.join(DIR, CONFIG["sources"][0]["path"].replace("{period}", PERIOD))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w", encoding="utf-8", newline="").write(text)
    json.dump(expected(survey, again), open(os.path.join(DIR, "expected.json"), "w"), indent=1)
    json.dump({"people": PEOPLE, "again": again}, open(os.path.join(DIR, "people.json"), "w"))


def read_by(config, period):
    """The figures another configuration must read from this export, as period: DIR's
    people, their answers to the skills that configuration reads (a questionnaire written
    again with more, read by last quarter's configuration)."""
    global PERIOD
    PERIOD = period
    cfg = yaml.safe_load(open(config, encoding="utf-8"))
    read = set(cfg["sources"][0]["skills"].values())
    saved = json.load(open(os.path.join(DIR, "people.json")))
    PEOPLE[:] = saved["people"]
    again = saved["again"]
    for p in PEOPLE + [again]:
        p["levels"] = {s: v for s, v in p["levels"].items() if s in read}
    return expected(None, again)


def check(out, l4=None, e=None):
    if e is None:
        e = json.load(open(os.path.join(DIR, "expected.json")))
    fails = 0
    for stem in ("summary", "barriers", "demand"):
        got = list(csv.reader(open(os.path.join(out, "%s-%s.csv" % (stem, PERIOD)),
                                   encoding="utf-8")))
        if stem == "demand":  # the counts worked out here: who, learners, their languages
            cols = [got[0].index(c) for c in ("period", "framework", "topic", "region",
                                               "authority", "respondents", "learners", "welsh",
                                               "english", "either", "unstated")]
            got = [[r[c] for c in cols] for r in got]
        got = sorted(",".join(r) for r in got[1:])
        if got != e[stem]:
            fails += 1
            print("%s differs:\n  only tna: %s\n  only expected: %s" % (
                stem, sorted(set(got) - set(e[stem]))[:4], sorted(set(e[stem]) - set(got))[:4]))
        elif len(got) < 10:
            fails += 1
            print("%s: only %d rows" % (stem, len(got)))
    if l4:
        rows = list(csv.DictReader(open(os.path.join(l4, "expectations-%s.csv" % PERIOD),
                                        encoding="utf-8")))
        r = next(r for r in rows if r["metric"] == "trained_vs_untrained")
        got = (r["n_trained"], r["n_untrained"])
        want = (str(e["n_trained"]), str(e["n_untrained"]))
        if got != want or min(e["n_trained"], e["n_untrained"]) < K:
            fails += 1
            print("trained and untrained: tna %s, expected %s" % (got, want))
    sys.exit(1 if fails else 0)


if len(sys.argv) > 4 and sys.argv[3] == "--check":
    if len(sys.argv) > 7 and sys.argv[5] == "--read-by":
        check(sys.argv[4], None, read_by(sys.argv[6], sys.argv[7]))
    check(sys.argv[4], sys.argv[6] if len(sys.argv) > 6 and sys.argv[5] == "--l4" else None)
else:
    write()
