#!/usr/bin/env python3
"""make_tool_fixtures.py [OUTDIR]: one staff survey, exported as six survey tools write it.

Writes OUTDIR/<tool>/ (default tests/fixtures/tools) for microsoft-forms, google-forms,
surveymonkey, smartsurvey, qualtrics and limesurvey:

  export.csv    the survey's responses in the tool's own shape: its header rows, the way it
                names the rows of a grid question, its multi-select layout (one cell, or a
                column per option with an "Other (please specify)" column), its dates, its
                encoding quirks (a BOM, CRLF, every field quoted), and what real exports
                carry: names, emails, comments, Welsh and bilingual answers, a repeat
                submission, rows that are not responses (Qualtrics' preview and spam);
                Microsoft Forms also as export-cp1252.csv, as an old Excel saves it;
  tna.yaml      the configuration a user writes for it: the shipped reference files as they
                are, the export's headings and wording in `columns:`, `skills:` and
                `answers:` (tna-cp1252.yaml for the Windows-1252 copy);
  expected.json the figures tna must produce, computed here from the people this script
                invents (never from tna's output): every row of summary-2026-Q3.csv, every
                row of barriers-2026-Q3.csv, the Welsh-preferring learners per topic of
                demand-2026-Q3.csv, the rows read, accepted, rejected and excluded, the
                data-quality problems, and the personal texts that must reach no report.

The same people answer in every export, so the group figures agree across tools; what
differs is only how each tool writes them. Deterministic: the same script writes the same
bytes. Reference data (roles' targets, level labels, barrier aliases) is read from inputs/.
"""
import csv
import io
import json
import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "tools")
PERIOD = "2026-Q3"
K = 5  # privacy.min_group_size (the default)

COUNCILS = ["cardiff", "ceredigion", "powys"]
ROLES = ["content-designer", "team-manager"]
SKILLS = ["cd-plain-english", "cd-scannable", "ur-interviews", "ur-usability", "dd-m365",
          "dd-cyber"]
# The survey's barrier options, as the survey words them, and what they mean.
OPTIONS = [("Lack of time", "Diffyg amser", "time"),
           ("Cost of courses", "Cost y cyrsiau", "cost"),
           ("My manager does not support it", "Nid yw fy rheolwr yn ei gefnogi",
            "manager-support"),
           ("No suitable courses available", "Dim cyrsiau addas ar gael", "nothing-suitable"),
           ("Courses not available in Welsh", "Dim cyrsiau ar gael yn Gymraeg", "not-in-welsh")]
TYPED_OTHER = ["Caring for my dad", "Evening shifts at the depot"]
LEVELS = ["None", "Awareness", "Working", "Practitioner", "Expert"]
LEVELS_CY = ["Dim", "Ymwybyddiaeth", "Gweithio", "Ymarferydd", "Arbenigwr"]
FIRST = ["Rhys", "Siân", "Dafydd", "Cerys", "Gareth", "Ffion", "Owain", "Megan", "Llinos",
         "Emyr", "Catrin", "Gethin", "Nia", "Iwan", "Bethan", "Huw", "Elin", "Aled", "Sarah",
         "James", "Emma", "David", "Claire", "Tomos"]
LAST = ["Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis",
        "Morgan", "Griffiths", "Price", "Edwards", "Owen", "Jenkins", "Rees", "Powell"]


def load(rel):
    return yaml.safe_load(open(os.path.join(ROOT, rel), encoding="utf-8"))


# ---- reference data (read, never written) -----------------------------------------------

FRAMEWORKS = {}
SKILL = {}  # id -> (name, name_cy, topic, framework)
TOPIC_SKILLS = {}
for f in ("content-design", "user-research", "digital-data"):
    fw = load("inputs/frameworks/%s.yaml" % f)
    FRAMEWORKS[fw["id"]] = fw
    for t in fw["topics"]:
        TOPIC_SKILLS[t["id"]] = [s["id"] for s in t["skills"]]
        for s in t["skills"]:
            SKILL[s["id"]] = (s["name"], s.get("name_cy"), t["id"], fw["id"])
AUTH = {a["id"]: a for a in load("inputs/authorities.yaml")["authorities"]}
ROLE = {r["id"]: r for r in load("inputs/roles.yaml")["roles"]}


def target(role, skill):
    """The most specific target of a role for a skill: skill, then topic, then framework."""
    _, _, topic, fw = SKILL[skill]
    found = {}
    for t in ROLE[role].get("targets", []):
        for kind, key in (("skill", skill), ("topic", topic), ("framework", fw)):
            if t.get(kind) == key:
                found[kind] = t["level"]
    for kind in ("skill", "topic", "framework"):
        if kind in found:
            return found[kind]
    return 0


# ---- the people ---------------------------------------------------------------------------

rng = random.Random(20260714)


class Person:
    pass


def invent(i, council, role):
    p = Person()
    p.staff = "E%05d" % (10001 + i)
    p.first, p.last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
    p.email = "%s.%s@%s.gov.wales" % (p.first.lower().replace("â", "a").replace("â", "a"),
                                       p.last.lower(), council)
    p.council, p.role = council, role
    # a gap pattern: content designers lower in user research, managers in digital basics
    p.levels = {}
    for s in SKILLS:
        base = 2 if role == "content-designer" else 1
        p.levels[s] = max(0, min(4, base + rng.choice([-2, -1, -1, 0, 0, 0, 1, 1, 2])))
    p.trained = rng.choice([True, True, False])
    p.medium = rng.choice(["welsh", "english", "english", "either"] +
                          (["welsh", "welsh"] if council == "ceredigion" else []))
    p.barriers = sorted(set(rng.sample(range(len(OPTIONS)), rng.choice([0, 1, 1, 2, 2, 3]))))
    p.typed = None
    p.comment = rng.choice(["", "", "Mwy o hyfforddiant yn Gymraeg, os gwelwch yn dda.",
                            "Ring me on 07700 900%03d about the course" % i,
                            "Happy with things, \"mostly\"; thanks"])
    p.minute = i
    return p


PEOPLE = []
for c in COUNCILS:
    for r in ROLES:
        for _ in range(8):
            PEOPLE.append(invent(len(PEOPLE), c, r))
# what the wording of some answers needs (in every export): a council typed as the
# council's own abbreviation, a role in the survey's own words, a role typed into "Other"
# (people 0-7 are Cardiff content designers, 8-15 Cardiff team managers, 16-31 the same in
# Ceredigion, 32-47 in Powys)
PEOPLE[17].council_typed = "CCC"  # not a name or alias: answers: {authority: {CCC: ...}}
PEOPLE[25].council_typed = "CCC"
PEOPLE[29].role_typed = "Team leader or manager"  # answers: {role: {...: team-manager}}
PEOPLE[3].role_other = "Senior content designer"  # chosen "Other", typed an alias
PEOPLE[36].role_other = "Senior content designer"
PEOPLE[5].unrecognised = "cd-scannable"           # answered "Not sure": logged, missing
PEOPLE[5].levels["cd-scannable"] = None
PEOPLE[12].levels["ur-usability"] = None          # left blank: missing, not logged
PEOPLE[30].levels["dd-m365"] = None
PEOPLE[7].typed, PEOPLE[7].barriers = TYPED_OTHER[0], [0]
PEOPLE[26].typed, PEOPLE[26].barriers = TYPED_OTHER[1], []
# a repeat submission: person 11 answers again later, raising two levels and leaving one
# blank (the earlier answer stands for it)
REPEAT = PEOPLE[11]
REPEAT.first_levels = dict(REPEAT.levels)
REPEAT.second_levels = dict(REPEAT.levels)
REPEAT.second_levels["cd-plain-english"] = min(4, REPEAT.levels["cd-plain-english"] + 2)
REPEAT.second_levels["dd-cyber"] = min(4, REPEAT.levels["dd-cyber"] + 1)
REPEAT.second_levels["ur-interviews"] = None
REPEAT.levels = {s: (REPEAT.second_levels[s] if REPEAT.second_levels[s] is not None
                     else REPEAT.first_levels[s]) for s in SKILLS}

# rows that must be rejected: a council and a role tna does not know
STRANGER = invent(90, "cardiff", "content-designer")
STRANGER.council_typed = "Bristol City Council"
CHIEF = invent(91, "powys", "team-manager")
CHIEF.role_other = "Parks apprentice"


def attr(p, name, default=None):
    return getattr(p, name, default)


# ---- answer texts, per tool style -------------------------------------------------------

def council_text(p, style, i):
    if attr(p, "council_typed"):
        return p.council_typed
    a = AUTH[p.council]
    choices = [a["name"], a["name_cy"], a["aliases"][0]]
    return choices[i % 3] if style != "plain" else a["name"]


def role_text(p, style, i):
    if attr(p, "role_typed"):
        return p.role_typed
    r = ROLE[p.role]
    if style == "bilingual":
        return "%s / %s" % (r["name_cy"], r["name"])
    return r["name_cy"] if i % 4 == 1 else r["name"]


def level_text(level, style, i):
    if level is None:
        return "" if i % 3 else "Prefer not to say"
    if style == "bilingual":
        return "%s / %s" % (LEVELS_CY[level], LEVELS[level])
    if style == "dash":
        return "%d - %s" % (level, LEVELS[level])
    if style == "paren":
        return "%s (%d)" % (LEVELS[level], level)
    if i % 7 == 6:  # every export has some bilingual labels
        return "%s / %s" % (LEVELS_CY[level], LEVELS[level])
    return LEVELS_CY[level] if i % 5 == 2 else LEVELS[level]


def yes_no(v, style, i=0):
    if style == "bilingual" or i % 4 == 3:
        return "Do / Yes" if v else "Naddo / No"
    if i % 6 == 1:
        return "Do" if v else "Naddo"
    return "Yes" if v else "No"


def medium_text(m, style, i):
    en = {"welsh": "Welsh", "english": "English", "either": "No preference"}[m]
    cy = {"welsh": "Cymraeg", "english": "Saesneg", "either": "Dim ffafriaeth"}[m]
    if style == "bilingual" or i % 5 == 4:
        return "%s / %s" % (cy, en)
    return cy if i % 3 == 1 else en


def option_text(k, style):
    en, cy, _ = OPTIONS[k]
    return "%s / %s" % (cy, en) if style == "bilingual" else en


# ---- the rows each export holds ---------------------------------------------------------

def responses():
    """(person, levels, minute offset, kind) in the order the exports list them: everyone,
    the repeat submission's second row late on, the two rejected rows."""
    rows = []
    for p in PEOPLE:
        lv = p.first_levels if p is REPEAT else p.levels
        rows.append((p, lv, p.minute, "person"))
    rows.insert(30, (STRANGER, STRANGER.levels, 60, "stranger"))
    rows.insert(38, (CHIEF, CHIEF.levels, 61, "chief"))
    rows.append((REPEAT, REPEAT.second_levels, 200, "repeat"))
    return rows


def stamp(minute, style):
    """Submission time: 14-20 July 2026 (a day over 12 settles day-first dates)."""
    day, mins = 14 + minute // 40, 9 * 60 + (minute % 40) * 11
    h, m = mins // 60, mins % 60
    if style == "iso":
        return "2026-07-%02d %02d:%02d:%02d" % (day, h, m, (minute * 7) % 60)
    if style == "uk":
        return "%02d/07/2026 %02d:%02d" % (day, h, m)
    if style == "uk-seconds":
        return "%02d/07/2026 %02d:%02d:%02d" % (day, h, m, (minute * 7) % 60)
    if style == "us-ampm":
        hh = h % 12 or 12
        return "07/%02d/2026 %02d:%02d:%02d %s" % (day, hh, m, 0, "AM" if h < 12 else "PM")
    raise ValueError(style)


# ---- writing ------------------------------------------------------------------------------

class Export:
    """Rows of cells, written as CSV text; remembers each data row's physical line."""

    def __init__(self, header_rows, quote_all=False, delimiter=",", crlf=False):
        self.header = header_rows
        self.rows = []  # (cells, tag)
        self.quote_all, self.delimiter, self.crlf = quote_all, delimiter, crlf

    def add(self, cells, tag=None):
        self.rows.append((cells, tag))

    def text(self):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=self.delimiter, lineterminator="\r\n" if self.crlf else "\n",
                       quoting=csv.QUOTE_ALL if self.quote_all else csv.QUOTE_MINIMAL)
        self.lines = []
        line = 1
        for r in self.header:
            w.writerow(r)
        line = buf.getvalue().count("\n") + 1
        for cells, tag in self.rows:
            self.lines.append(line)
            w.writerow(cells)
            line = buf.getvalue().count("\n") + 1
        return buf.getvalue()


def col(header, name):
    return header.index(name)


# ---- expected figures ---------------------------------------------------------------------

def summary_rows(people):
    """Every row of summary-PERIOD.csv, computed from the people."""
    pairs = []  # (person, skill, gap, below)
    for p in people:
        for s in SKILLS:
            t = target(p.role, s)
            c = p.levels[s]
            if t > 0 and c is not None:
                pairs.append((p, s, max(0, t - c), c < t))
    sets = [("authority", "role", "topic"), ("authority", "topic"), ("role", "topic"),
            ("authority",), ("topic",), ()]
    groups = {}
    for p, s, gap, below in pairs:
        dims = {"authority": p.council, "role": p.role, "topic": SKILL[s][2]}
        for st in sets:
            key = tuple(dims[d] if d in st else "*" for d in ("authority", "role", "topic"))
            g = groups.setdefault(key, {"resp": set(), "assessed": 0, "below": 0, "gap": 0,
                                        "needing": set()})
            g["resp"].add(p.staff)
            g["assessed"] += 1
            g["below"] += below
            g["gap"] += gap
            if below:
                g["needing"].add(p.staff)
    out = []
    for (a, r, t), g in groups.items():
        assert len(g["resp"]) >= K, "a group under the threshold: %r" % ((a, r, t),)
        fw = SKILL[TOPIC_SKILLS[t][0]][3] if t != "*" else "*"
        out.append("%s,%s,%s,%s,%s,%d,%d,%d,%d,%.6f,%.6f,%d,0" % (
            PERIOD, a, r, fw, t, len(g["resp"]), g["assessed"], g["below"], g["gap"],
            g["gap"] / g["assessed"], g["below"] / g["assessed"], len(g["needing"])))
    return sorted(out, key=lambda line: line.split(",")[:5])


def barrier_ids(p):
    ids = [OPTIONS[k][2] for k in p.barriers]
    if p.typed:
        ids.append("other")
    return sorted(set(ids))


def barrier_rows(people):
    base, citing = {}, {}
    for p in people:
        ids = barrier_ids(p)
        if not ids:
            continue  # left the question blank: not in the base
        for a in (p.council, "*"):
            base[a] = base.get(a, 0) + 1
            for b in ids:
                citing[(b, a)] = citing.get((b, a), 0) + 1
    cited = sorted({b for b, a in citing if a == "*"})
    out = []
    for b in cited:
        for a in ["*"] + sorted(base.keys() - {"*"}):
            assert base[a] >= K, "a barrier base under the threshold"
            n = citing.get((b, a), 0)
            out.append("%s,%s,%s,%d,%d,%.6f,0" % (PERIOD, b, a, base[a], n, n / base[a]))
    return out


def welsh_learners(people):
    """Per topic of the survey: learners needing it (a below-target skill) who prefer Welsh."""
    out = {}
    for t in sorted({SKILL[s][2] for s in SKILLS}):
        out[t] = sum(1 for p in people if p.medium == "welsh" and any(
            SKILL[s][2] == t and p.levels[s] is not None and p.levels[s] < target(p.role, s)
            for s in SKILLS))
    return out


def personal_texts(rows, split_names=False):
    """What must reach no report: names, emails, staff numbers, comments, typed texts; with
    split_names (an export with first and last names in columns of their own) each name too."""
    texts = set()
    for p, _, _, _ in rows:
        texts.update([p.first + " " + p.last, p.email, p.staff])
        if split_names:
            texts.update([p.first, p.last])
        if p.comment:
            texts.add(p.comment)
        if p.typed:
            texts.add(p.typed)
        if attr(p, "role_other") and p is CHIEF:
            texts.add(p.role_other)
    texts.add(STRANGER.council_typed)
    return sorted(texts)


# ---- the tools ----------------------------------------------------------------------------

GRID_Q = "How confident are you in each of these skills?"
BARRIER_Q = "What stops you learning?"
ROLE_Q = "What is your job role?"
COUNCIL_Q = "Which council do you work for?"
TRAINED_Q = "Have you attended training in the last 12 months?"
LANG_Q = "Which language would you prefer to learn in?"
COMMENT_Q = "Any other comments?"
REJECTED_COUNCIL = "unknown authority; row left out"
REJECTED_ROLE = "unknown role; row left out"
UNMATCHED = "barrier matches no barrier; counted as other (give its meaning in answers: barriers:)"


def unrecognised(skill):
    return "unrecognised answer for skill %s; counted as missing" % skill


def header_config(tool, extra=""):
    return ("# A configuration as a user writes it for a %s export (tests/tools/make_tool_fixtures.py)\n"
            "title: Digital skills survey 2026 (%s)\n"
            "periods: [%s]\n"
            "frameworks: [../../../../inputs/frameworks/content-design.yaml,\n"
            "             ../../../../inputs/frameworks/user-research.yaml,\n"
            "             ../../../../inputs/frameworks/digital-data.yaml]\n"
            "roles: ../../../../inputs/roles.yaml\n"
            "authorities: ../../../../inputs/authorities.yaml\n"
            "%s" % (tool, tool, PERIOD, extra))


ANSWERS_TOP = ("answers:\n"
               "  authority: {CCC: ceredigion}\n"
               "  role: {\"Team leader or manager\": team-manager}\n")


def skills_block(names):
    return "    skills:\n" + "".join("      %s: %s\n" % (json.dumps(n, ensure_ascii=False), s)
                                    for n, s in zip(names, SKILLS))


def expectations(rows, problems, read, accepted, rejected, excluded, notes=(),
                 split_names=False):
    people = PEOPLE
    return {"summary": summary_rows(people), "barriers": barrier_rows(people),
            "welsh_learners": welsh_learners(people),
            "rows": {"read": read, "accepted": accepted, "rejected": rejected,
                     "excluded": excluded},
            "problems": sorted(problems), "notes": sorted(notes),
            "personal": personal_texts(rows, split_names)}


def count(rows):
    read = len(rows)
    rejected = sum(1 for r in rows if r[3] in ("stranger", "chief"))
    excluded = sum(1 for r in rows if r[3] in ("preview", "spam"))
    return read, read - rejected - excluded, rejected, excluded


def microsoft_forms():
    """One header row; grid rows "Question.Row"; multi-select "A;B;" with a typed "Other"
    as one more choice; Excel's CSV UTF-8: BOM, CRLF; UK dates; the respondent's Email."""
    statements = [SKILL[s][0] for s in SKILLS]
    head = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
            COUNCIL_Q, ROLE_Q] + ["%s.%s" % (GRID_Q, st) for st in statements] + \
           [TRAINED_Q, BARRIER_Q, LANG_Q, COMMENT_Q]
    ex = Export([head], crlf=True)
    rows = responses()
    problems = []
    for i, (p, lv, minute, kind) in enumerate(rows):
        role = attr(p, "role_other") or role_text(p, "plain", i)
        cells = [str(i + 1), stamp(minute, "uk"), stamp(minute + 1, "uk"), p.email,
                 p.first + " " + p.last, "", council_text(p, "varied", i), role]
        for s in SKILLS:
            cells.append("Not sure" if attr(p, "unrecognised") == s else level_text(lv[s], "plain", i))
        bars = "".join(OPTIONS[k][0] + ";" for k in p.barriers) + (p.typed + ";" if p.typed else "")
        cells += [yes_no(p.trained, "plain", i), bars, medium_text(p.medium, "plain", i), p.comment]
        ex.add(cells, (kind, p))
    text = ex.text()
    for (cells, (kind, p)), line in zip(ex.rows, ex.lines):
        if kind == "stranger":
            problems.append([line, col(head, COUNCIL_Q) + 1, STRANGER.council_typed, REJECTED_COUNCIL])
        elif kind == "chief":
            problems.append([line, col(head, ROLE_Q) + 1, "Parks apprentice", REJECTED_ROLE])
        else:
            if attr(p, "unrecognised") and kind == "person":
                problems.append([line, 9 + SKILLS.index(p.unrecognised), "Not sure",
                                 unrecognised(p.unrecognised)])
            if p.typed and kind == "person":
                problems.append([line, col(head, BARRIER_Q) + 1, p.typed, UNMATCHED])
    config = header_config("Microsoft Forms", ANSWERS_TOP) + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: microsoft-forms\n"
        "    columns:\n"
        "      respondent: Email\n"
        "      authority: %s\n"
        "      role: %s\n"
        "      submitted: Completion time\n"
        "      trained: %s\n"
        "      barriers: %s\n"
        "      language_preference: %s\n" % (COUNCIL_Q, ROLE_Q, TRAINED_Q, BARRIER_Q, LANG_Q)) + \
        "    # the statements of the grid (Forms heads their columns \"Question.Statement\")\n" + \
        skills_block(statements)
    read, acc, rej, exc = count(rows)
    exp = expectations(rows, problems, read, acc, rej, exc)
    files = {"export.csv": "\ufeff" + text, "tna.yaml": config}
    # the same export saved by an old Excel as "CSV (Comma delimited)": Windows-1252, no BOM
    cp = text.encode("cp1252")
    first = next(i for i, b in enumerate(cp) if b >= 0x80)
    files["export-cp1252.csv"] = cp
    files["tna-cp1252.yaml"] = config.replace("path: export.csv", "path: export-cp1252.csv")
    exp_cp = dict(exp)
    exp_cp["notes"] = [[cp[:first].count(b"\n") + 1, 0, "",
                        "the file is not UTF-8 from this line on and has no byte-order mark: "
                        "read as Windows-1252 (set encoding: windows-1252 to say so, or save it "
                        "as CSV UTF-8)"]]
    return files, {"tna.yaml": exp, "tna-cp1252.yaml": exp_cp}


def google_forms():
    """One header row; grid rows "Question [Row]"; checkboxes ", "-joined; bilingual labels
    "Cymraeg / English" on questions and options; a typed "Other" answer in the same cell;
    the sheet's UK dates; the collected Email address, then a short-answer name question."""
    bi = lambda en, cy: "%s / %s" % (en, cy)
    council_q = bi(COUNCIL_Q, "Ar gyfer pa gyngor ydych chi'n gweithio?")
    role_q = bi(ROLE_Q, "Beth yw eich swydd?")
    grid_q = bi(GRID_Q, "Pa mor hyderus ydych chi yn y sgiliau hyn?")
    barrier_q = bi(BARRIER_Q, "Beth sy'n eich atal rhag dysgu?")
    trained_q = bi(TRAINED_Q, "A ydych chi wedi mynychu hyfforddiant yn y 12 mis diwethaf?")
    lang_q = bi(LANG_Q, "Ym mha iaith yr hoffech chi ddysgu?")
    rows_text = [bi(SKILL[s][0], SKILL[s][1]) for s in SKILLS]
    name_q = bi("Your name", "Eich enw")
    head = ["Timestamp", "Email address", name_q, council_q, role_q] + \
           ["%s [%s]" % (grid_q, r) for r in rows_text] + [trained_q, barrier_q, lang_q,
                                                           bi(COMMENT_Q, "Unrhyw sylwadau eraill?")]
    ex = Export([head], crlf=True)
    rows = responses()
    problems = []
    for i, (p, lv, minute, kind) in enumerate(rows):
        role = attr(p, "role_other") or role_text(p, "bilingual", i)
        cells = [stamp(minute, "uk-seconds"), p.email, p.first + " " + p.last,
                 council_text(p, "varied", i), role]
        for s in SKILLS:
            cells.append("Not sure" if attr(p, "unrecognised") == s else level_text(lv[s], "bilingual", i))
        opts = [option_text(k, "bilingual") for k in p.barriers] + ([p.typed] if p.typed else [])
        cells += [yes_no(p.trained, "bilingual"), ", ".join(opts),
                  medium_text(p.medium, "bilingual", i), p.comment]
        ex.add(cells, (kind, p))
    text = ex.text()
    for (cells, (kind, p)), line in zip(ex.rows, ex.lines):
        if kind == "stranger":
            problems.append([line, col(head, council_q) + 1, STRANGER.council_typed,
                             REJECTED_COUNCIL])
        elif kind == "chief":
            problems.append([line, col(head, role_q) + 1, "Parks apprentice", REJECTED_ROLE])
        elif kind == "person":
            if attr(p, "unrecognised"):
                problems.append([line, col(head, role_q) + 2 + SKILLS.index(p.unrecognised),
                                 "Not sure", unrecognised(p.unrecognised)])
            if p.typed:
                problems.append([line, col(head, barrier_q) + 1, p.typed, UNMATCHED])
    config = header_config("Google Forms", ANSWERS_TOP) + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: google-forms\n"
        "    columns:\n"
        "      respondent: Email address\n"
        "      authority: \"%s\"\n"
        "      role: %s\n"
        "      submitted: Timestamp\n"
        "      trained: %s\n"
        "      barriers: \"%s\"\n"
        "      language_preference: %s\n" % (council_q, role_q, trained_q, barrier_q, lang_q)) + \
        "    # the rows of the grid, as the form words them\n" + skills_block(rows_text)
    read, acc, rej, exc = count(rows)
    return {"export.csv": text, "tna.yaml": config}, \
        {"tna.yaml": expectations(rows, problems, read, acc, rej, exc)}


def columns_per_option(tool, n_header, dates, level_style):
    """SurveyMonkey (2 header rows) and SmartSurvey (3): the question over its first column,
    blank to its right; under it the grid rows and the options; a column per option whose
    cell is the option's text, and an "Other (please specify)" column of typed text."""
    lead = (["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
             "Email Address", "First Name", "Last Name", "Custom Data 1"]
            if tool == "SurveyMonkey" else
            ["UserID", "UserNo", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended"])
    top, rows2, rows3 = list(lead), [""] * len(lead), [""] * len(lead)

    def question(q, subs, sub_row):
        for j, sub in enumerate(subs):
            top.append(q if j == 0 else "")
            (rows2 if sub_row == 2 else rows3).append(sub)
            (rows3 if sub_row == 2 else rows2).append("")

    generic = "Response" if tool == "SurveyMonkey" else ""
    question("Staff number", ["Open-Ended Response" if tool == "SurveyMonkey" else ""], 2)
    question(COUNCIL_Q, [generic], 2)
    question(ROLE_Q, [generic, "Other (please specify)"], 3 if n_header == 3 else 2)
    question(GRID_Q, [SKILL[s][0] for s in SKILLS], 2)
    question(TRAINED_Q, [generic], 2)
    question(BARRIER_Q, [o[0] for o in OPTIONS] + ["Other (please specify)"],
             3 if n_header == 3 else 2)
    question(LANG_Q, [generic], 2)
    question(COMMENT_Q, ["Open-Ended Response" if tool == "SurveyMonkey" else ""], 2)
    header = [top, rows2] if n_header == 2 else [top, rows2, rows3]
    ex = Export(header)
    rows = responses()
    problems = []
    staff_col = len(lead)
    for i, (p, lv, minute, kind) in enumerate(rows):
        cells = ["%d" % (114133500000 + i), "431234567", stamp(minute, dates),
                 stamp(minute + 1, dates), "", p.email, p.first, p.last, ""] \
            if tool == "SurveyMonkey" else \
            ["%d" % (71234500 + i), str(i + 1), p.first + " " + p.last, p.email, "",
             "u%05d" % i, stamp(minute, dates), stamp(minute + 1, dates)]
        other = attr(p, "role_other")
        cells += [p.staff, council_text(p, "varied", i),
                  "" if other else role_text(p, "plain", i), other or ""]
        for s in SKILLS:
            cells.append("Not sure" if attr(p, "unrecognised") == s else level_text(lv[s], level_style, i))
        cells.append(yes_no(p.trained, "plain", i))
        cells += [OPTIONS[k][0] if k in p.barriers else "" for k in range(len(OPTIONS))]
        cells += [p.typed or "", medium_text(p.medium, "plain", i), p.comment]
        ex.add(cells, (kind, p))
    text = ex.text()
    for (cells, (kind, p)), line in zip(ex.rows, ex.lines):
        if kind == "stranger":
            problems.append([line, staff_col + 2, STRANGER.council_typed, REJECTED_COUNCIL])
        elif kind == "chief":
            problems.append([line, staff_col + 4, "Parks apprentice", REJECTED_ROLE])
        elif kind == "person" and attr(p, "unrecognised"):
            problems.append([line, staff_col + 5 + SKILLS.index(p.unrecognised), "Not sure",
                             unrecognised(p.unrecognised)])
    return text, rows, problems


def surveymonkey():
    text, rows, problems = columns_per_option("SurveyMonkey", 2, "us-ampm", "dash")
    config = header_config("SurveyMonkey", ANSWERS_TOP) + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: surveymonkey\n"
        "    columns:\n"
        "      respondent: Staff number\n"
        "      authority: %s\n"
        "      role: %s          # its Response and Other (please specify) columns\n"
        "      submitted: End Date\n"
        "      trained: %s\n"
        "      barriers: %s      # a column per option\n"
        "      language_preference: %s\n" % (COUNCIL_Q, ROLE_Q, TRAINED_Q, BARRIER_Q, LANG_Q)) + \
        skills_block([SKILL[s][0] for s in SKILLS])
    read, acc, rej, exc = count(rows)
    return {"export.csv": text, "tna.yaml": config}, \
        {"tna.yaml": expectations(rows, problems, read, acc, rej, exc, split_names=True)}


def smartsurvey():
    text, rows, problems = columns_per_option("SmartSurvey", 3, "uk", "paren")
    # this user keeps the export's wording with the source
    config = header_config("SmartSurvey") + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: smartsurvey\n"
        "    columns:\n"
        "      respondent: Staff number\n"
        "      authority: %s\n"
        "      role: [%s, \"%s - Other (please specify)\"]\n"
        "      submitted: Ended\n"
        "      trained: %s\n"
        "      barriers: %s\n"
        "      language_preference: %s\n" % (COUNCIL_Q, ROLE_Q, ROLE_Q, TRAINED_Q, BARRIER_Q,
                                              LANG_Q)) + \
        "    # grid rows joined with the question, as the tool names them\n" + \
        skills_block(["%s - %s" % (GRID_Q, SKILL[s][0]) for s in SKILLS]) + (
        "    answers:\n"
        "      authority: {CCC: ceredigion}\n"
        "      role: {\"Team leader or manager\": team-manager}\n")
    read, acc, rej, exc = count(rows)
    return {"export.csv": text, "tna.yaml": config}, \
        {"tna.yaml": expectations(rows, problems, read, acc, rej, exc)}


def qualtrics():
    """Three header rows (ids, "Q - Row" text, import ids); one-cell multi-select with an
    "Other (please specify)" choice and its _TEXT column; Status marks a preview and spam."""
    meta = [("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"),
            ("Status", "Response Type", "status"), ("IPAddress", "IP Address", "ipAddress"),
            ("Progress", "Progress", "progress"),
            ("Duration (in seconds)", "Duration (in seconds)", "duration"),
            ("Finished", "Finished", "finished"), ("RecordedDate", "Recorded Date", "recordedDate"),
            ("ResponseId", "Response ID", "_recordId"),
            ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
            ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
            ("RecipientEmail", "Recipient Email", "recipientEmail"),
            ("DistributionChannel", "Distribution Channel", "distributionChannel"),
            ("UserLanguage", "User Language", "userLanguage")]
    qs = [("Q1", "Staff number", "QID1_TEXT"), ("Q2", COUNCIL_Q, "QID2"),
          ("Q3", ROLE_Q + " - Selected Choice", "QID3"),
          ("Q3_4_TEXT", ROLE_Q + " - Other (please specify) - Text", "QID3_4_TEXT")]
    qs += [("Q4_%d" % (j + 1), "%s - %s" % (GRID_Q, SKILL[s][0]), "QID4_%d" % (j + 1))
           for j, s in enumerate(SKILLS)]
    qs += [("Q5", TRAINED_Q, "QID5"), ("Q6", BARRIER_Q + " - Selected Choice", "QID6"),
           ("Q6_6_TEXT", BARRIER_Q + " - Other (please specify) - Text", "QID6_6_TEXT"),
           ("Q7", LANG_Q, "QID7"), ("Q8", COMMENT_Q, "QID8_TEXT")]
    cols = meta + qs
    header = [[c[0] for c in cols], [c[1] for c in cols],
              ['{"ImportId":"%s"}' % c[2] for c in cols]]
    ex = Export(header)
    rows = responses()
    # a preview in Cardiff before the survey opened, and a spam response
    preview = invent(92, "cardiff", "content-designer")
    spam = invent(93, "cardiff", "team-manager")
    rows.insert(0, (preview, preview.levels, -30, "preview"))
    rows.insert(20, (spam, spam.levels, 19, "spam"))
    problems, notes = [], []
    for i, (p, lv, minute, kind) in enumerate(rows):
        status = {"preview": "Survey Preview", "spam": "Spam"}.get(kind, "IP Address")
        other = attr(p, "role_other")
        cells = [stamp(minute, "iso"), stamp(minute + 1, "iso"), status, "",
                 "100", "312", "True", stamp(minute + 1, "iso"), "R_%08x" % (0x5A17 * (i + 3)),
                 p.last, p.first, p.email, "anonymous", "EN-GB",
                 p.staff, council_text(p, "varied", i),
                 "Other (please specify)" if other else role_text(p, "plain", i), other or ""]
        for s in SKILLS:
            cells.append("Not sure" if attr(p, "unrecognised") == s else level_text(lv[s], "plain", i))
        choices = [OPTIONS[k][0] for k in p.barriers] + (["Other (please specify)"] if p.typed else [])
        cells += [yes_no(p.trained, "plain", i), ",".join(choices), p.typed or "",
                  medium_text(p.medium, "plain", i), p.comment]
        ex.add(cells, (kind, p))
    text = ex.text()
    names = [c[0] for c in cols]
    for (cells, (kind, p)), line in zip(ex.rows, ex.lines):
        if kind in ("preview", "spam"):
            v = "Survey Preview" if kind == "preview" else "Spam"
            notes.append([line, names.index("Status") + 1, v,
                          "not a response (by its Status); row excluded"])
        elif kind == "stranger":
            problems.append([line, names.index("Q2") + 1, STRANGER.council_typed, REJECTED_COUNCIL])
        elif kind == "chief":
            problems.append([line, names.index("Q3_4_TEXT") + 1, "Parks apprentice", REJECTED_ROLE])
        elif kind == "person":
            if attr(p, "unrecognised"):
                problems.append([line, names.index("Q4_1") + 1 + SKILLS.index(p.unrecognised),
                                 "Not sure", unrecognised(p.unrecognised)])
            if p.typed:
                problems.append([line, names.index("Q6_6_TEXT") + 1, p.typed, UNMATCHED])
    config = header_config("Qualtrics", ANSWERS_TOP) + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: qualtrics            # its preview and spam rows are not responses\n"
        "    columns:\n"
        "      respondent: Staff number\n"
        "      authority: %s\n"
        "      role: %s          # the choice, and the text typed for Other\n"
        "      submitted: EndDate\n"
        "      trained: %s\n"
        "      barriers: %s\n"
        "      language_preference: %s\n" % (COUNCIL_Q, ROLE_Q, TRAINED_Q, BARRIER_Q, LANG_Q)) + \
        skills_block([SKILL[s][0] for s in SKILLS])
    read, acc, rej, exc = count(rows)
    exp = expectations(rows, problems, read, acc, rej, exc, notes, split_names=True)
    exp["personal"] = sorted(set(exp["personal"]) | {preview.email, spam.email})
    return {"export.csv": text, "tna.yaml": config}, {"tna.yaml": exp}


def limesurvey():
    """One header row of question codes, every field quoted, ";" between fields, a BOM, an
    empty line at the end; a column per option ("Y" when chosen) and [other] typed text;
    the barriers given as a mapping of columns to barriers, as the codes carry no text; the
    participants' firstname and lastname (attributes of the survey's participant list, chosen
    among the export's columns) after the answers."""
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
             "G1Q01", "G1Q02", "G1Q03", "G1Q03[other]"] + \
            ["G2Q01[SQ%03d]" % (j + 1) for j in range(len(SKILLS))] + \
            ["G3Q01"] + ["G3Q02[SQ%03d]" % (k + 1) for k in range(len(OPTIONS))] + \
            ["G3Q02[other]", "G3Q03", "G3Q04", "G3Q05", "firstname", "lastname"]
    ex = Export([codes], quote_all=True, delimiter=";")
    rows = responses()
    problems = []
    for i, (p, lv, minute, kind) in enumerate(rows):
        other = attr(p, "role_other")
        done = "" if i == 44 else stamp(minute + 1, "iso")  # an unfinished response
        cells = [str(i + 6), done, "4", "cy" if i % 3 == 1 else "en", str(1000 + i),
                 stamp(minute, "iso"), p.staff, council_text(p, "varied", i),
                 "Other" if other else role_text(p, "plain", i), other or ""]
        for s in SKILLS:
            cells.append("Not sure" if attr(p, "unrecognised") == s else level_text(lv[s], "plain", i))
        cells.append(yes_no(p.trained, "plain", i))
        cells += ["Y" if k in p.barriers else "" for k in range(len(OPTIONS))]
        cells += [p.typed or "", medium_text(p.medium, "plain", i), p.comment, p.email, p.first,
                  p.last]
        ex.add(cells, (kind, p))
    text = ex.text() + "\n"
    for (cells, (kind, p)), line in zip(ex.rows, ex.lines):
        if kind == "stranger":
            problems.append([line, codes.index("G1Q02") + 1, STRANGER.council_typed, REJECTED_COUNCIL])
        elif kind == "chief":
            problems.append([line, codes.index("G1Q03[other]") + 1, "Parks apprentice", REJECTED_ROLE])
        elif kind == "person" and attr(p, "unrecognised"):
            problems.append([line, codes.index("G2Q01[SQ001]") + 1 + SKILLS.index(p.unrecognised),
                             "Not sure", unrecognised(p.unrecognised)])
    config = header_config("LimeSurvey", ANSWERS_TOP) + (
        "sources:\n"
        "  - name: staff-survey\n"
        "    path: export.csv\n"
        "    preset: limesurvey\n"
        "    columns:              # exported with question codes as headings\n"
        "      respondent: G1Q01\n"
        "      authority: G1Q02\n"
        "      role: [G1Q03, \"G1Q03[other]\"]\n"
        "      submitted: submitdate\n"
        "      trained: G3Q01\n"
        "      barriers:             # the codes carry no option text: say what each column is\n"
        + "".join("        \"G3Q02[SQ%03d]\": %s\n" % (k + 1, OPTIONS[k][2]) for k in range(len(OPTIONS)))
        + "        \"G3Q02[other]\": other\n"
        "      language_preference: G3Q03\n") + \
        skills_block(["G2Q01[SQ%03d]" % (j + 1) for j in range(len(SKILLS))])
    read, acc, rej, exc = count(rows)
    return {"export.csv": "\ufeff" + text, "tna.yaml": config}, \
        {"tna.yaml": expectations(rows, problems, read, acc, rej, exc, split_names=True)}


TOOLS = {"microsoft-forms": microsoft_forms, "google-forms": google_forms,
         "surveymonkey": surveymonkey, "smartsurvey": smartsurvey, "qualtrics": qualtrics,
         "limesurvey": limesurvey}


def main():
    for tool, make in TOOLS.items():
        files, expected = make()
        d = os.path.join(OUT, tool)
        os.makedirs(d, exist_ok=True)
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
