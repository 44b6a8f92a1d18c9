#!/usr/bin/env python3
"""groups_oracle.py CONFIG ANSWERS PERIOD: groups-PERIOD.csv computed without tna.

An independent computation of every group figure tna reports (docs/method.md, "Group
figures" and "Coverage"), for checking groups-PERIOD.csv: it reads the frameworks, roles
(targets: framework, then topic, then skill, the most specific wins; 0 = not required) and
authorities of the configuration, and ANSWERS, a CSV of resolved answers (one row per
respondent: respondent, authority, role, then a column per skill id holding the level
number, blank when not answered). Resolving duplicates and raters is not its business: the
caller writes the answers after those rules, by hand.

Writes to standard output the groups file for every grouping set, without suppression
(min_group_size 1), in the documented column and sort order, with each group's 95%
intervals from intervals_oracle.py (docs/method.md, "Intervals").
"""
import csv
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intervals_oracle import intervals  # noqa: E402

config, answers_path, period = sys.argv[1], sys.argv[2], sys.argv[3]
cfg = yaml.safe_load(open(config, encoding="utf-8"))
base = os.path.dirname(config)


def load(rel):
    return yaml.safe_load(open(os.path.join(base, rel), encoding="utf-8"))


skill_topic, topic_fw, topic_skills, fw_skills = {}, {}, {}, {}
for f in cfg["frameworks"]:
    fw = load(f)
    for t in fw["topics"]:
        topic_fw[t["id"]] = fw["id"]
        topic_skills[t["id"]] = [s["id"] for s in t["skills"]]
        fw_skills.setdefault(fw["id"], []).extend(topic_skills[t["id"]])
        for s in t["skills"]:
            skill_topic[s["id"]] = t["id"]
all_skills = list(skill_topic)

targets = {}
for r in load(cfg["roles"])["roles"]:
    t = {}
    for rank, kind in enumerate(("framework", "topic", "skill")):
        for e in r.get("targets", []):
            if kind in e:
                for s in all_skills:
                    if (kind == "framework" and topic_fw[skill_topic[s]] == e[kind]) or \
                       (kind == "topic" and skill_topic[s] == e[kind]) or \
                       (kind == "skill" and s == e[kind]):
                        t[s] = e["level"]
    targets[r["id"]] = t
region_of = {a["id"]: a["region"] for a in load(cfg["authorities"])["authorities"]}

# every assessed pair: (person, authority, role, skill, gap)
pairs = []
for row in csv.DictReader(open(answers_path, encoding="utf-8")):
    for s in all_skills:
        target = targets[row["role"]].get(s, 0)
        if target > 0 and row.get(s, "") != "":
            pairs.append((row["respondent"], row["authority"], row["role"], s,
                          max(0, target - int(row[s]))))

# the grouping sets, by the dimensions each groups by (a = authority, g = region, p = role,
# f = framework, t = topic, s = skill)
SETS = ["apt", "at", "pt", "a", "t", "", "p", "g", "gt", "f", "af", "s"]


def keys(pair, dims):
    _, a, p, s, _ = pair
    t = skill_topic[s]
    k = {"g": "*", "a": "*", "p": "*", "f": "*", "t": "*", "s": "*"}
    if "a" in dims:
        k["a"], k["g"] = a, region_of[a]
    if "g" in dims:
        k["g"] = region_of[a]
    if "p" in dims:
        k["p"] = p
    if "s" in dims:
        k["s"], k["t"], k["f"] = s, t, topic_fw[t]
    if "t" in dims:
        k["t"], k["f"] = t, topic_fw[t]
    if "f" in dims:
        k["f"] = topic_fw[t]
    return (period, k["g"], k["a"], k["p"], k["f"], k["t"], k["s"])


groups = {}
for dims in SETS:
    for pair in pairs:
        g = groups.setdefault(keys(pair, dims), {"people": {}, "skills": set()})
        g["people"].setdefault(pair[0], []).append(pair[4])
        g["skills"].add(pair[3])

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["period", "region", "authority", "role", "framework", "topic", "skill",
              "respondents", "assessed", "below_target", "gap_sum", "mean_gap", "share_below",
              "learners_needing", "skills_assessed", "skills", "suppressed", "mean_gap_low",
              "mean_gap_high", "share_below_low", "share_below_high"])
for key in sorted(groups, key=lambda k: [x.encode("utf-8") for x in k]):
    g = groups[key]
    gaps = [x for v in g["people"].values() for x in v]
    below = sum(1 for x in gaps if x > 0)
    f, t, s = key[4], key[5], key[6]
    under = 1 if s != "*" else len(topic_skills[t]) if t != "*" else \
        len(fw_skills[f]) if f != "*" else len(all_skills)
    # per person: pairs, gap sum, pairs below target
    sums = [(len(v), sum(v), sum(1 for x in v if x > 0)) for v in g["people"].values()]
    _, mean_low, mean_high, _, share_low, share_high = intervals(sums)
    bounds = ["" if x is None else "%.6f" % x for x in (mean_low, mean_high, share_low, share_high)]
    out.writerow(list(key) + [len(g["people"]), len(gaps), below, sum(gaps),
                              "%.6f" % (sum(gaps) / len(gaps)), "%.6f" % (below / len(gaps)),
                              sum(1 for v in g["people"].values() if any(x > 0 for x in v)),
                              len(g["skills"]), under, 0] + bounds)
