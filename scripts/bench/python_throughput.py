#!/usr/bin/env python3
"""Throughput of the Python package and the Spark job, each beside its peer from the same run.

  .venv/bin/python scripts/bench/python_throughput.py [--articles N] [--rounds R] [--spark [--no-package]]

Articles are made from the seed pages' sentences (as python/tests/test_spark.py makes them), or
read from --jsonl FILE ({"id","text"} per line). Prints JSON, chars/s for:

- the package on one core (RAYON_NUM_THREADS=1): `jiexi.analyze_many` with the tokens as dicts
  (the default) and as columns (`tokens="columns"`), `jiexi.analyze` and `jiexi.entities` in a
  loop, against the release CLI on one core, `jiexi analyze --jsonl` (its start-up, measured on
  one article, taken off), and pure Python making and freeing the token dicts from values that
  already exist (the least any dict per token costs). CPU seconds (user + system, this process's
  or the CLI's), so that other sessions on the machine slow the figures less than they would
  wall-clock time; the results are freed inside the time, as a caller's would be. Best of R
  rounds, the peers alternating.
- with --spark: the Spark job's `analyze` step (with --tokens) in local[1] and local[2], each in a
  fresh JVM, its session's start-up not counted: wall-clock time, the load average printed beside
  it (Spark on two cores needs the machine to itself). --no-package leaves the package out, for
  a large archive (--articles 20000).

Needs the package installed in the interpreter running this (scripts/test.sh's python step, or
`maturin develop --release` in python/) and builds the release CLI with cargo.
"""
import argparse
import json
import os
import pathlib
import resource
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


def cpu(f) -> float:
    """CPU seconds of `f()` in this process, its result freed inside the time."""
    t = time.process_time()
    f()
    return time.process_time() - t


def child_cpu(f) -> float:
    """CPU seconds of the processes `f()` runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    f()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


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
    parser.add_argument("--no-package", action="store_true", help="only Spark (with --spark)")
    parser.add_argument("--spark-run", nargs=2, metavar=("MASTER", "SOURCE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spark_run:
        print(spark_run(*args.spark_run))
        return

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

        report = {"articles": len(texts), "chars": chars, "load average at the start": load()}
        if not args.no_package:
            report.update(package(texts, chars, run_cli, source, one, args.rounds))
        if args.spark:
            spark = {}
            report["load average before Spark"] = load()
            for master in ["local[1]", "local[2]"] * args.rounds:
                out = subprocess.run(
                    [sys.executable, __file__, "--spark-run", master, str(source)],
                    capture_output=True, text=True, check=True,
                ).stdout
                spark.setdefault(master, []).append(float(out.strip().splitlines()[-1]))
            report["spark analyze --tokens, chars/s (wall clock)"] = {m: round(chars / min(s)) for m, s in spark.items()}
            report["spark local[2] / local[1]"] = round(min(spark["local[1]"]) / min(spark["local[2]"]), 3)
            report["load average after Spark"] = load()
    print(json.dumps(report, indent=2, ensure_ascii=False))


def package(texts, chars, run_cli, source, one, rounds) -> dict:
    """The package's figures on one core beside the CLI's, CPU seconds, best of `rounds`."""
    import jiexi

    jiexi.analyze_many(texts[:50])
    runs = {
        "package analyze_many": lambda: jiexi.analyze_many(texts),
        "package analyze_many, tokens=columns": lambda: jiexi.analyze_many(texts, tokens="columns"),
        "package analyze": lambda: [jiexi.analyze(t) for t in texts],
        "package entities": lambda: [jiexi.entities(t) for t in texts],
    }
    best = {"cli": [], "cli start-up": []}
    for _ in range(rounds):
        best["cli start-up"].append(child_cpu(lambda: run_cli(one)))
        best["cli"].append(child_cpu(lambda: run_cli(source)))
        for name, run in runs.items():
            best.setdefault(name, []).append(cpu(run))
    # The token values as they exist before any dict is made: the floor for a dict per token.
    # Made after the package's rounds, whose collector would otherwise walk them too.
    values = [
        list(zip(c["start"], c["end"], c["text"], c["pos"]))
        for c in (a["tokens"] for a in jiexi.analyze_many(texts, tokens="columns"))
    ]
    best["python: the token dicts alone"] = [
        cpu(lambda: [[{"start": s, "end": e, "text": t, "pos": p} for s, e, t, p in doc] for doc in values])
        for _ in range(rounds)
    ]
    seconds = {k: min(v) for k, v in best.items()}
    # The quickest start-up off the quickest run: a start-up slowed by a busy machine, taken
    # off its own round, would make the CLI look faster than it is.
    seconds["cli"] -= seconds.pop("cli start-up")
    return {
        "one core, chars/s (CPU time)": {k: round(chars / s) for k, s in seconds.items()},
        "cli start-up, CPU s": round(min(best["cli start-up"]), 3),
        "to the cli": {
            k: round(seconds["cli"] / s, 3) for k, s in seconds.items() if k.startswith("package")
        },
        "the token dicts alone, share of the cli's time": round(
            seconds["python: the token dicts alone"] / seconds["cli"], 3
        ),
    }


if __name__ == "__main__":
    main()
