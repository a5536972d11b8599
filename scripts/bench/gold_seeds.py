#!/usr/bin/env python3
"""The seed pages' entity gold: written as marked-up copies of the pages, scored with ../shared/bench.

A marked page is the seed page with each entity mention wrapped as ⟦TYPE|mention⟧, nothing else changed.
Markup is what a person can read and review; offsets are derived from it, so they cannot drift.

  python3 scripts/bench/gold_seeds.py check DIR            every DIR/*.marked.txt strips back to its seeds/ page
  python3 scripts/bench/gold_seeds.py jsonl DIR > G.jsonl  span gold, one page a line (offsets into the page),
                                                     in the scorer's six types (PER ORG LOC DATE MONEY PERCENT)
  python3 scripts/bench/gold_seeds.py diff DIR_A DIR_B     mentions the two passes disagree on, per page
  python3 scripts/bench/gold_seeds.py agree DIR_A DIR_B    agreement of two passes (span + type), per type
  python3 scripts/bench/gold_seeds.py score [G.jsonl] [--json]
                                                     `jiexi analyze` on each page -> span_score.py
                                                     (default gold: tests/gold/seeds/)

Types: OntoNotes names (PERSON, ORG, GPE, LOC, FAC, DATE, TIME, MONEY, PERCENT, and others the scorer ignores).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "seeds")
GOLD_DIR = os.path.join(ROOT, "tests", "gold", "seeds")
SCORER = os.path.join(os.path.dirname(ROOT), "shared", "bench", "span_score.py")
# A clone built against a shared target dir finds its binary there.
JIEXI = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "jiexi")
TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT",
         "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "QUANTITY", "CARDINAL", "ORDINAL"}
MARK = re.compile(r"⟦([A-Z_]+)\|([^⟦⟧]*)⟧")


def parse(marked):
    """(plain text, [(start, end, type, text)]) of a marked page; raises ValueError on bad markup."""
    plain, ents, pos = [], [], 0
    n = 0
    for m in MARK.finditer(marked):
        between = marked[pos:m.start()]
        if "⟦" in between or "⟧" in between:
            raise ValueError(f"stray bracket near char {pos}: {between[-30:]!r}")
        plain.append(between)
        n += len(between)
        typ, text = m.group(1), m.group(2)
        if typ not in TYPES:
            raise ValueError(f"unknown type {typ!r} at {text!r}")
        if not text or text != text.strip():
            raise ValueError(f"empty or space-padded mention {text!r}")
        ents.append((n, n + len(text), typ, text))
        plain.append(text)
        n += len(text)
        pos = m.end()
    tail = marked[pos:]
    if "⟦" in tail or "⟧" in tail:
        raise ValueError(f"stray bracket near the end: {tail[:30]!r}")
    plain.append(tail)
    return "".join(plain), ents


def pages(directory):
    out = []
    for name in sorted(os.listdir(SEEDS)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        marked = os.path.join(directory, stem + ".marked.txt")
        if not os.path.exists(marked):
            continue
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            seed = f.read()
        with open(marked, encoding="utf-8") as f:
            text, ents = parse(f.read())
        if text != seed:
            i = next((k for k, (a, b) in enumerate(zip(text, seed)) if a != b), min(len(text), len(seed)))
            raise ValueError(f"{marked}: differs from seeds/{name} at char {i}: "
                             f"{text[max(0, i - 15):i + 15]!r} vs {seed[max(0, i - 15):i + 15]!r}")
        out.append((stem, seed, ents))
    return out


def cmd_check(directory):
    total = Counter()
    for stem, _, ents in pages(directory):
        c = Counter(e[2] for e in ents)
        total.update(c)
        print(stem, len(ents), dict(sorted(c.items())))
    print("all", sum(total.values()), dict(sorted(total.items())))


# The span scorer compares gold types as written and maps only the predictions' types: the gold
# file carries its six types (the marked copies keep the OntoNotes ones).
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE",
          "TIME": "DATE", "MONEY": "MONEY", "PERCENT": "PERCENT"}


def cmd_jsonl(directory):
    for k, (stem, text, ents) in enumerate(pages(directory)):
        rec = {"line": k, "id": stem, "text": text,
               "entities": [{"start": s, "end": e, "type": SCORED[t], "text": x}
                            for s, e, t, x in ents if t in SCORED]}
        print(json.dumps(rec, ensure_ascii=False))


def line_of(text, at):
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def cmd_diff(a, b):
    pa = {s: (t, set(e)) for s, t, e in pages(a)}
    pb = {s: (t, set(e)) for s, t, e in pages(b)}
    for stem in sorted(pa.keys() & pb.keys()):
        text, ea = pa[stem]
        eb = pb[stem][1]
        for e in sorted((ea ^ eb), key=lambda x: (x[0], x[1])):
            side = "A" if e in ea else "B"
            print(f"{stem}\t{side}\t{e[0]}\t{e[1]}\t{e[2]}\t{e[3]}\t{line_of(text, e[0])[:60]}")


def cmd_agree(a, b):
    pa = {s: set(e) for s, _, e in pages(a)}
    pb = {s: set(e) for s, _, e in pages(b)}
    fold = {"GPE": "LOC", "FAC": "LOC", "PERSON": "PER"}
    both = Counter()
    only_a = Counter()
    only_b = Counter()
    for stem in pa.keys() & pb.keys():
        A = {(s, e, fold.get(t, t)) for s, e, t, _ in pa[stem]}
        B = {(s, e, fold.get(t, t)) for s, e, t, _ in pb[stem]}
        for x in A & B:
            both[x[2]] += 1
        for x in A - B:
            only_a[x[2]] += 1
        for x in B - A:
            only_b[x[2]] += 1
    for t in sorted(set(both) | set(only_a) | set(only_b)):
        f1 = 2 * both[t] / (2 * both[t] + only_a[t] + only_b[t])
        print(f"{t:8} both {both[t]:4}  only A {only_a[t]:3}  only B {only_b[t]:3}  F1 {f1:.3f}")
    n, x, y = sum(both.values()), sum(only_a.values()), sum(only_b.values())
    print(f"all      both {n:4}  only A {x:3}  only B {y:3}  F1 {2 * n / (2 * n + x + y):.3f}")


def cmd_score(gold, as_json):
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "jiexi-engine", "--bin", "jiexi"],
                   cwd=ROOT, check=True)
    rows = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.jsonl")
        with open(pred, "w", encoding="utf-8") as out:
            for row in rows:
                page = os.path.join(SEEDS, row["id"] + ".txt")
                doc = json.loads(subprocess.run([JIEXI, "analyze", page], capture_output=True,
                                                check=True).stdout)
                out.write(json.dumps({"entities": doc["entities"]}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, SCORER, gold, pred] + (["--json"] if as_json else [])
        sys.stdout.write(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        cmd_check(argv[1])
    elif len(argv) >= 2 and argv[0] == "jsonl":
        cmd_jsonl(argv[1])
    elif len(argv) >= 3 and argv[0] == "diff":
        cmd_diff(argv[1], argv[2])
    elif len(argv) >= 3 and argv[0] == "agree":
        cmd_agree(argv[1], argv[2])
    elif argv and argv[0] == "score":
        rest = [a for a in argv[1:] if not a.startswith("--")]
        gold = rest[0] if rest else os.path.join(GOLD_DIR, "gold.jsonl")
        cmd_score(gold, "--json" in argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except ValueError as e:
        sys.exit(f"gold_seeds: {e}")
