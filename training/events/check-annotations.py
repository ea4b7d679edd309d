#!/usr/bin/env python3
"""Check annotation lines against the guidelines' form and the sentences they point into.

Usage: check-annotations.py ANNOTATIONS.jsonl SENTENCES.jsonl [CAMEO_CODES_FILE]
  SENTENCES: the batch file the annotator worked from (doc, start, end, text per line).
Prints one line per problem and a summary; exit 1 when a problem was found.
"""
import json, re, sys

COUNTRY = re.compile(r"^[A-Z]{3}$")

def main():
    ann_path, sent_path = sys.argv[1], sys.argv[2]
    codes = set()
    if len(sys.argv) > 3:
        for line in open(sys.argv[3], encoding="utf-8"):
            c = line.split("\t")[0].strip()
            if c.isdigit():
                codes.add(c)
    sentences = {}
    order = []
    for line in open(sent_path, encoding="utf-8"):
        r = json.loads(line)
        sentences[(r["doc"], r["start"], r["end"])] = r["text"]
        order.append((r["doc"], r["start"], r["end"]))
    seen, problems, events = set(), 0, 0
    def bad(n, msg):
        nonlocal problems
        problems += 1
        print(f"line {n}: {msg}")
    for n, line in enumerate(open(ann_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            bad(n, f"not JSON: {e}"); continue
        key = (r.get("doc"), r.get("start"), r.get("end"))
        if key not in sentences:
            bad(n, f"no such sentence {key}"); continue
        if key in seen:
            bad(n, f"sentence annotated twice {key}")
        seen.add(key)
        text = sentences[key]
        if not isinstance(r.get("events"), list):
            bad(n, "events must be a list"); continue
        for e in r["events"]:
            events += 1
            for side in ("source", "target"):
                c, code, words = e.get(side), e.get(side + "_code"), e.get(side + "_text")
                if c is None:
                    if side == "source":
                        bad(n, "source may not be null")
                    if code is not None:
                        bad(n, f"{side}_code given for a null {side}")
                    continue
                if not (COUNTRY.match(c) or c == "IGO"):
                    bad(n, f"{side} '{c}' is not alpha-3 or IGO")
                if not code or not code.startswith(c):
                    bad(n, f"{side}_code '{code}' does not start with {c}")
                if not words or words not in text:
                    bad(n, f"{side}_text '{words}' is not in the sentence")
            cameo = e.get("cameo")
            if not isinstance(cameo, str) or not cameo.isdigit() or (codes and cameo not in codes):
                bad(n, f"cameo '{cameo}' is not a CAMEO code")
            if not e.get("trigger") or e["trigger"] not in text:
                bad(n, f"trigger '{e.get('trigger')}' is not in the sentence")
            if e.get("status") not in ("asserted", "reported", "planned", "speculated", "negated", "denied"):
                bad(n, f"status '{e.get('status')}'")
            if not isinstance(e.get("optional"), bool):
                bad(n, "optional must be true or false")
    missing = [k for k in order if k not in seen]
    for k in missing:
        problems += 1
        print(f"missing sentence {k}")
    print(f"{len(seen)} sentences, {events} events, {problems} problems")
    sys.exit(1 if problems else 0)

main()
