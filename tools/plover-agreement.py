#!/usr/bin/env python3
"""How often Dyad's PLOVER mode and context agree with PLOVER's gold records (score-plover scores only the type).

Usage: plover-agreement.py EVENTS.jsonl [-v]   (events of `dyad code` on `../shared/tools/score-plover --docs`;
                                                 -v adds the figures per type)

For each gold record whose type one of Dyad's events has (by the record's own plover.type), the first such event's
mode and contexts are compared with the gold's. The gold records use PLOVER 0.5b1's names; they are renamed to the
2021 manual's below, and names with no counterpart are not compared. Reports, for modes and for contexts: records
compared, records with a match, and how many values Dyad gave and how many of those the gold has.
"""
import json, os, sys

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "plover", "PLOVER_GSR_CAMEO.txt")
TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SAME_CONTEXTS = {"military", "diplomatic", "legal", "economic", "cbrn", "cyber", "terrorism", "election"}
CONTEXTS = {"refugee": {"migration"}, "refugees": {"migration"}, "resource": {"natural_resource"}, "resources": {"natural_resource"},
            "rights": {"human_rights", "rights_freedoms"}, "political": {"political_institutions", "executive", "legislative"},
            "politics": {"political_institutions", "executive", "legislative"}, "government": {"political_institutions", "executive", "legislative"},
            "religion": {"religion_ethnicity"}, "discrimination": {"religion_ethnicity", "inequality"}}
MODES = {"strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot", "demo-org": "demo", "demo-spon": "demo", "host": "visit",
         "confiscate": "seize", "detain": "arrest", "assassinate": "targeted"}


def gold_contexts(text):
    out = set()
    for c in (text or "").replace(";", ",").split(","):
        c = c.strip()
        out |= {c} if c in SAME_CONTEXTS else CONTEXTS.get(c, set())
    return out


def mode_name(m):
    m = (m or "").strip()
    return MODES.get(m, m) or None


def main(path, per_type):
    if not os.path.exists(GOLD):
        sys.exit(f"plover-agreement: {GOLD}: no such file (the PLOVER gold records of ../shared/eval/plover)")
    gold = [r for r in json.load(open(GOLD)) if r.get("event") != "DOCUMENT"]
    by_type = {}
    events = {}
    for line in open(path):
        if line.strip():
            e = json.loads(line)
            events.setdefault(e["doc"], []).append(e)
    typed = 0
    c_n = c_hit = c_given = c_right = 0
    m_n = m_hit = m_given = m_right = 0
    for r in gold:
        want = TYPES.get(r["event"], r["event"])
        first = next((e for e in events.get(r["id"], []) if (e.get("plover") or {}).get("type") == want), None)
        if first is None:
            continue
        typed += 1
        row = by_type.setdefault(want, [0, 0, 0, 0, 0])  # records, context compared, context hit, mode compared, mode hit
        row[0] += 1
        p = first["plover"]
        ours = {c.strip() for c in (p.get("context") or "").split(";") if c.strip()}
        theirs = gold_contexts(r.get("context"))
        if theirs:
            c_n += 1
            c_hit += bool(ours & theirs)
            c_given += len(ours)
            c_right += len(ours & theirs)
            row[1] += 1
            row[2] += bool(ours & theirs)
        want_mode = mode_name(r.get("mode"))
        if want_mode and want_mode != "other":
            m_n += 1
            ours_mode = mode_name(p.get("mode"))
            m_hit += ours_mode == want_mode
            m_given += ours_mode is not None
            m_right += ours_mode == want_mode
            row[3] += 1
            row[4] += ours_mode == want_mode
    if per_type:
        print(f"{'type':<12}{'records':>8}{'context':>10}{'mode':>8}")
        for t, (n, cn, ch, mn, mh) in sorted(by_type.items(), key=lambda kv: -kv[1][0]):
            print(f"{t:<12}{n:>8}{f'{ch}/{cn}':>10}{f'{mh}/{mn}':>8}")
    print(f"records with the gold type: {typed}")
    print(f"context: {c_hit}/{c_n} records share a context with the gold; {c_given} contexts given, {c_right} of them the gold's")
    print(f"mode: {m_hit}/{m_n} records have the gold mode; {m_given} modes given, {m_right} of them the gold's")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 1:
        sys.exit(__doc__)
    main(args[0], "-v" in sys.argv[1:])
