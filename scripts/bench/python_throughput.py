#!/usr/bin/env python3
"""Throughput of the Python package and the Spark job, each beside its peer from the same run.

  .venv/bin/python scripts/bench/python_throughput.py [--articles N] [--rounds R] [--spark]

Articles are made from the seed pages' sentences (as python/tests/test_spark.py makes them), or
read from --jsonl FILE ({"id","text"} per line). Prints JSON, chars/s for:

- the package on one core (RAYON_NUM_THREADS=1): `jiexi.analyze_many` (dicts and lists),
  `jiexi.analyze` and `jiexi.entities` in a loop, against the release CLI on one core, `jiexi analyze --jsonl` (its
  start-up, measured on one article, taken off). Best of R rounds, the peers alternating.
- with --spark: the Spark job's `analyze` step (with --tokens) in local[1] and local[2], each in a
  fresh JVM, its session's start-up not counted.

Needs the package installed in the interpreter running this (scripts/test.sh's python step, or
`maturin develop --release` in python/) and builds the release CLI with cargo.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

os.environ["RAYON_NUM_THREADS"] = "1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "python" / "tests"), str(ROOT / "python" / "spark")]


def release_cli() -> str:
    out = subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--offline", "-p", "jiexi-engine", "--bin", "jiexi",
         "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    for line in out.splitlines():
        m = json.loads(line)
        if m.get("reason") == "compiler-artifact" and m.get("executable"):
            return m["executable"]
    sys.exit("cargo built no jiexi binary")


def timed(f) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def spark_run(master: str, source: str) -> float:
    """Seconds for the analyze step on `master`, in this process (a fresh JVM)."""
    import jiexi_spark

    spark = jiexi_spark.session(master)
    spark.range(1).count()
    with tempfile.TemporaryDirectory() as out:
        seconds = timed(lambda: jiexi_spark.analyze(spark, source, out, with_tokens=True))
    spark.stop()
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jsonl", help="articles to use instead of the generated ones")
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--spark-run", nargs=2, metavar=("MASTER", "SOURCE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spark_run:
        print(spark_run(*args.spark_run))
        return

    import jiexi
    from test_spark import make_articles

    if args.jsonl:
        articles = [json.loads(line) for line in open(args.jsonl, encoding="utf-8") if line.strip()]
    else:
        articles = make_articles(args.articles)
    texts = [a["text"] for a in articles]
    chars = sum(map(len, texts))
    cli = release_cli()
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder) / "articles.jsonl"
        source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        one = pathlib.Path(folder) / "one.jsonl"
        one.write_text(json.dumps(articles[0], ensure_ascii=False) + "\n", encoding="utf-8")

        def run_cli(path):
            with open(path, "rb") as stdin:
                subprocess.run([cli, "analyze", "--jsonl"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)

        jiexi.analyze_many(texts[:50])
        best = {"package analyze_many": [], "package analyze": [], "package entities": [], "cli": [],
                "cli start-up": []}
        for _ in range(args.rounds):
            best["cli start-up"].append(timed(lambda: run_cli(one)))
            best["cli"].append(timed(lambda: run_cli(source)) - best["cli start-up"][-1])
            best["package analyze_many"].append(timed(lambda: jiexi.analyze_many(texts)))
            best["package analyze"].append(timed(lambda: [jiexi.analyze(t) for t in texts]))
            best["package entities"].append(timed(lambda: [jiexi.entities(t) for t in texts]))
        seconds = {k: min(v) for k, v in best.items()}
        report = {
            "articles": len(texts),
            "chars": chars,
            "one core, chars/s": {k: round(chars / s) for k, s in seconds.items() if k != "cli start-up"},
            "cli start-up, s": round(seconds["cli start-up"], 3),
            "package analyze_many / cli": round(seconds["cli"] / seconds["package analyze_many"], 3),
            "package analyze / cli": round(seconds["cli"] / seconds["package analyze"], 3),
            "package entities / cli": round(seconds["cli"] / seconds["package entities"], 3),
        }
        if args.spark:
            spark = {}
            for master in ["local[1]", "local[2]"] * args.rounds:
                out = subprocess.run(
                    [sys.executable, __file__, "--spark-run", master, str(source)],
                    capture_output=True, text=True, check=True,
                ).stdout
                spark.setdefault(master, []).append(float(out.strip().splitlines()[-1]))
            report["spark analyze --tokens, chars/s"] = {m: round(chars / min(s)) for m, s in spark.items()}
            report["spark local[2] / local[1]"] = round(min(spark["local[1]"]) / min(spark["local[2]"]), 3)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
