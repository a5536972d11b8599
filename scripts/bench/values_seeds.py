#!/usr/bin/env python3
"""How many DATE, MONEY and PERCENT entities of the seed stories get a value.

Each seed page is split into its stories (`jiexi stories`); each story is analysed with the date the story
parser gives it (`jiexi analyze --jsonl`, "date" per line), then again with no date. Prints the share of
entities with a value per type, for dated and undated stories, and the DATE texts left without one.

  python3 scripts/bench/values_seeds.py          (builds target/release/jiexi first)
"""
import glob
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JIEXI = os.path.join(ROOT, "target", "release", "jiexi")
TYPES = ("DATE", "MONEY", "PERCENT")


def run(args, stdin=None):
    return subprocess.run([JIEXI, *args], input=stdin, capture_output=True, check=True).stdout.decode()


def main():
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "jiexi-engine", "--bin", "jiexi"],
                   cwd=ROOT, check=True)
    articles = []
    for page in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        chars = open(page, encoding="utf-8").read()
        for k, story in enumerate(json.loads(run(["stories", page]))):
            articles.append({"id": f"{os.path.basename(page)}#{k + 1}",
                             "text": chars[story["start"]:story["end"]], "date": story.get("date")})
    for with_dates in (True, False):
        lines = "\n".join(json.dumps({"id": a["id"], "text": a["text"],
                                      **({"date": a["date"]} if with_dates and a["date"] else {})},
                                     ensure_ascii=False) for a in articles)
        counts, missing = {}, set()
        for article, doc in zip(articles, map(json.loads, run(["analyze", "--jsonl"], lines.encode()).splitlines())):
            group = "dated" if with_dates and article["date"] else "undated"
            for e in doc["entities"]:
                if e["type"] in TYPES:
                    c = counts.setdefault((group, e["type"]), [0, 0])
                    c[0] += "value" in e
                    c[1] += 1
                    if "value" not in e and e["type"] == "DATE" and group == "dated":
                        missing.add(e["text"])
        dated = sum(1 for a in articles if a["date"]) if with_dates else 0
        print(f"{'with the stories’ dates' if with_dates else 'with no dates'} ({dated} of {len(articles)} stories dated):")
        for group in ("dated", "undated"):
            cells = [f"{t} {a}/{n} ({a / n:.0%})" for t in TYPES
                     for a, n in [counts.get((group, t), (0, 0))] if n]
            total_a = sum(counts.get((group, t), (0, 0))[0] for t in TYPES)
            total_n = sum(counts.get((group, t), (0, 0))[1] for t in TYPES)
            if total_n:
                print(f"  {group:8} {', '.join(cells)}; all {total_a}/{total_n} ({total_a / total_n:.0%})")
        if missing:
            print("  DATE without a value in dated stories:", " | ".join(sorted(missing)))


if __name__ == "__main__":
    main()
