#!/usr/bin/env python3
"""Accuracy of the `jiexi` CLI on the shared benchmarks, scored with ../shared/bench.

  python3 scripts/bench/bench_accuracy.py [seg] [ner] [--split test|trainval] [--json]

seg: SIGHAN-2005 CityU, AS, MSR, PKU test sets -> `jiexi segment` -> seg_score.py.
ner: MSRA NER (Simplified and Hong Kong Traditional) -> `jiexi entities` -> ner_score.py,
     OntoNotes types mapped PERSON->PER; GPE, LOC, FAC->LOC; ORG->ORG.
The benchmark files are read for measuring only; nothing from them ships.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DATA = os.path.join(SHARED, "data")
# A clone built against a shared target dir finds its binary there.
JIEXI = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "jiexi")
TYPE_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


def score(cmd):
    out = subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def seg(tmp):
    rows = {}
    for corpus in ("cityu", "as", "msr", "pku"):
        d = os.path.join(DATA, "sighan2005")
        pred = os.path.join(tmp, f"{corpus}.seg")
        with open(os.path.join(d, f"{corpus}_test.utf8"), "rb") as src, open(pred, "wb") as out:
            subprocess.run([JIEXI, "segment"], stdin=src, stdout=out, check=True)
        res = score([sys.executable, os.path.join(SHARED, "bench", "seg_score.py"),
                     os.path.join(d, f"{corpus}_test_gold.utf8"), pred,
                     "--train-words", os.path.join(d, f"{corpus}_training_words.utf8")])
        rows[corpus] = res
    return rows


def read_bio_sentences(path):
    sents, cur = [], []
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append("".join(cur))
                    cur = []
                continue
            cur.append(line.split("\t", 1)[0] if "\t" in line else line.rsplit(" ", 1)[0])
    if cur:
        sents.append("".join(cur))
    return sents


def ner(tmp, split):
    rows = {}
    names = {"test": ["msra_test", "msra_test_hk"], "trainval": ["msra_trainval3000", "msra_trainval3000_hk"]}
    for name in names[split]:
        gold = os.path.join(DATA, "msra-ner", f"{name}.bio")
        sents = read_bio_sentences(gold)
        # A sentence with a line break inside would shift lines; MSRA has none, but be safe.
        text = "\n".join(s.replace("\n", " ") for s in sents) + "\n"
        out = subprocess.run([JIEXI, "entities"], input=text.encode(), capture_output=True, check=True).stdout
        pred = os.path.join(tmp, f"{name}.jsonl")
        with open(pred, "w", encoding="utf-8") as f:
            for line in out.decode().splitlines():
                rec = json.loads(line)
                for e in rec["entities"]:
                    t = TYPE_MAP.get(e["type"])
                    if t:
                        f.write(json.dumps({"line": rec["line"], "start": e["start"], "end": e["end"], "type": t}) + "\n")
        rows[name] = score([sys.executable, os.path.join(SHARED, "bench", "ner_score.py"), gold, pred,
                            "--types", "PER,LOC,ORG"])
        rows[name]["pred_file"] = pred
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="*", default=["seg", "ner"])
    ap.add_argument("--split", default="test", choices=["test", "trainval"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", help="directory to keep predictions in")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "jiexi-engine", "--bin", "jiexi"], cwd=ROOT, check=True)
    tmp = args.keep or tempfile.mkdtemp(prefix="jiexi-bench-")
    os.makedirs(tmp, exist_ok=True)
    result = {}
    if "seg" in args.what:
        result["seg"] = seg(tmp)
    if "ner" in args.what:
        result["ner"] = ner(tmp, args.split)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    for corpus, r in result.get("seg", {}).items():
        oov = r.get("OOV_R")
        print(f"seg {corpus:6} P {r['P']:.4f} R {r['R']:.4f} F1 {r['F1']:.4f}"
              + (f"  OOV-R {oov:.4f}" if oov is not None else ""))
    for name, r in result.get("ner", {}).items():
        per = " ".join(f"{t} {v['F1']:.3f}" for t, v in sorted(r["per_type"].items()))
        m = r["micro"]
        print(f"ner {name:22} P {m['P']:.4f} R {m['R']:.4f} F1 {m['F1']:.4f}  {per}")


if __name__ == "__main__":
    main()
