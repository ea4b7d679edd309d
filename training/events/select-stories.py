#!/usr/bin/env python3
"""Choose the Reuters-21578 stories to annotate for Dyad's event model, and write their sentences for the annotators.

Usage: select-stories.py REUTERS_JSONL EXCLUDE_JSONL... --count N --seed S --out DIR [--skip K]
  Stories with at least three political keywords and 300+ characters, minus every story id found in the EXCLUDE
  files (the evaluation sets), are shuffled with the seed; stories K..K+N-1 of that order are written to DIR as
  batch files of sentences (from `dyad sentences`), which hold the story text and so stay outside the repository.
"""
import argparse, json, random, re, subprocess, sys, os

KEYWORDS = ["government", "minister", "talks", "agreement", "sanctions", "iran", "iraq", "gulf", "soviet", "opec",
            "gatt", "tariff", "rebels", "attack", "embassy", "visit", "accused", "warned", "president", "treaty",
            "troops", "army", "protest", "parliament", "summit", "diplomat", "embargo", "retaliat", "negotiat",
            "community", "ministry", "military", "guerrilla", "election"]

def political(text):
    low = text.lower()
    return sum(1 for k in KEYWORDS if re.search(r"\b" + k, low)) >= 3 and len(text) >= 300

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reuters"); ap.add_argument("exclude", nargs="*")
    ap.add_argument("--count", type=int, required=True); ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--skip", type=int, default=0); ap.add_argument("--out", required=True)
    ap.add_argument("--per-batch", type=int, default=10); ap.add_argument("--dyad", default="dyad")
    a = ap.parse_args()
    excluded = set()
    for path in a.exclude:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                excluded.add(json.loads(line)["id"])
    stories = [json.loads(l) for l in open(a.reuters, encoding="utf-8") if l.strip()]
    chosen = [s for s in stories if s["id"] not in excluded and political(s["text"])]
    random.Random(a.seed).shuffle(chosen)
    chosen = chosen[a.skip:a.skip + a.count]
    os.makedirs(a.out, exist_ok=True)
    for b in range(0, len(chosen), a.per_batch):
        batch = chosen[b:b + a.per_batch]
        src = os.path.join(a.out, f"stories-{a.skip + b:04d}.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for s in batch:
                f.write(json.dumps(s) + "\n")
        out = subprocess.run(a.dyad.split() + ["sentences", src], capture_output=True, text=True, check=True).stdout
        with open(os.path.join(a.out, f"batch-{a.skip + b:04d}.jsonl"), "w", encoding="utf-8") as f:
            for line in out.splitlines():
                r = json.loads(line)
                if r.get("kind") == "sentence":
                    f.write(json.dumps({"doc": r["doc"], "date": next(s["date"] for s in batch if s["id"] == r["doc"]),
                                        "start": r["start"], "end": r["end"], "text": " ".join(r["text"].split())}) + "\n")
    print(f"{len(chosen)} stories written to {a.out}", file=sys.stderr)

main()
