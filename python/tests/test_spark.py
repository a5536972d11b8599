"""The Spark job in local mode on 1,000 articles made from the seed pages' sentences: its entity
table is the CLI's (`jiexi analyze --jsonl`) over the same articles, and its aggregates are the
counts of that table."""

import collections
import itertools
import json
import random
import re
import subprocess
import sys

import jiexi
import jiexi_spark
import pytest
from conftest import ROOT, read_text, run_cli, to_json

ARTICLES = 1000


def make_articles(n):
    """n articles of 2-6 sentences of the seed pages, dated over 2024, the same every run."""
    text = "".join(read_text(p) for p in sorted(ROOT.glob("seeds/*.txt")))
    sentences = [s for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) > 8]
    pick = random.Random(20241217)
    return [
        {
            "id": f"a{i:04d}",
            "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": "".join(pick.choice(sentences) for _ in range(pick.randint(2, 6))),
        }
        for i in range(n)
    ]


@pytest.fixture(scope="session")
def spark():
    # One session for every Spark test; a small JVM that starts fast, no UI, few shuffle tasks.
    session = jiexi_spark.session(
        "local[2]",
        **{
            "spark.sql.shuffle.partitions": "4",
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.driver.extraJavaOptions": "-XX:+UseSerialGC -XX:TieredStopAtLevel=1",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def archive(tmp_path_factory, spark):
    """The articles as JSON Lines, analysed then aggregated by the job."""
    folder = tmp_path_factory.mktemp("archive")
    articles = make_articles(ARTICLES)
    source = folder / "articles.jsonl"
    source.write_text("".join(to_json(a) + "\n" for a in articles), encoding="utf-8")
    out = folder / "out"
    jiexi_spark.analyze(spark, str(source), str(out), with_tokens=True)
    jiexi_spark.aggregate(spark, str(out))
    return articles, out


@pytest.fixture(scope="session")
def cli_rows(archive, cli):
    """What `jiexi analyze --jsonl` prints for the same articles, in their order."""
    articles = archive[0]
    lines = "".join(to_json({"id": a["id"], "text": a["text"]}) + "\n" for a in articles)
    printed = run_cli(cli, "analyze", "--jsonl", stdin=lines.encode("utf-8")).decode("utf-8")
    return [json.loads(line) for line in printed.splitlines()]


def table(spark, out, name):
    return spark.read.parquet(str(out / name)).toPandas()


def test_entity_table_equals_the_cli(spark, archive, cli_rows):
    _, out = archive
    got = table(spark, out, "entities")
    expected = sorted(
        (r["id"], e["start"], e["end"], e["type"], e["text"]) for r in cli_rows for e in r["entities"]
    )
    rows = sorted(zip(got["id"], got["start"], got["end"], got["type"], got["text"]))
    assert len(expected) > ARTICLES
    assert rows == expected
    assert got["value"].isna().all()
    keys = {(r["id"], e["start"]): jiexi.fold(e["alias_of"] or e["text"]) for r in cli_rows for e in r["entities"]}
    assert dict(zip(zip(got["id"], got["start"]), got["key"])) == keys


def test_documents_and_tokens_count_what_the_cli_found(spark, archive, cli_rows):
    articles, out = archive
    docs = table(spark, out, "documents").set_index("id")
    assert len(docs) == ARTICLES
    for a, r in zip(articles, cli_rows):
        row = docs.loc[a["id"]]
        assert (row["chars"], row["tokens"], row["entities"], row["script"]) == (
            len(a["text"]), len(r["tokens"]), len(r["entities"]), r["script"],
        )
        assert str(row["date"]) == a["date"]
    tokens = table(spark, out, "tokens")
    assert len(tokens) == sum(len(r["tokens"]) for r in cli_rows)


def test_by_month_counts_mentions_and_documents(spark, archive, cli_rows):
    articles, out = archive
    month = {a["id"]: a["date"][:7] for a in articles}
    mentions = collections.Counter()
    documents = collections.defaultdict(set)
    for r in cli_rows:
        for e in r["entities"]:
            key = (month[r["id"]], e["type"], jiexi.fold(e["alias_of"] or e["text"]))
            mentions[key] += 1
            documents[key].add(r["id"])
    got = table(spark, out, "by_month")
    rows = {(m, t, k): (n, d) for m, t, k, n, d in zip(got["month"], got["type"], got["key"], got["mentions"], got["documents"])}
    assert rows == {k: (mentions[k], len(documents[k])) for k in mentions}


def test_cooccurrence_counts_documents_naming_both(spark, archive, cli_rows):
    _, out = archive
    pairs = collections.Counter()
    for r in cli_rows:
        names = sorted({(e["type"], jiexi.fold(e["alias_of"] or e["text"])) for e in r["entities"] if e["type"] in jiexi_spark.NAME_TYPES})
        pairs.update(itertools.combinations(names, 2))
    got = table(spark, out, "cooccurrence")
    rows = {((ta, ka), (tb, kb)): n for ta, ka, tb, kb, n in zip(got["type_a"], got["key_a"], got["type_b"], got["key_b"], got["documents"])}
    assert len(pairs) > 100
    assert rows == dict(pairs)


def test_the_command_line_names_its_two_steps():
    shown = subprocess.run(
        [sys.executable, "-m", "jiexi_spark", "--help"],
        cwd=ROOT / "python" / "spark", capture_output=True, text=True, check=True,
    ).stdout
    assert "analyze" in shown and "aggregate" in shown
    refused = subprocess.run(
        [sys.executable, "-m", "jiexi_spark", "analyze"],
        cwd=ROOT / "python" / "spark", capture_output=True, text=True,
    )
    assert refused.returncode == 2 and "the following arguments are required: input, out" in refused.stderr
