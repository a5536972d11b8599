"""jiexi over an archive with Spark: the browser's corpus views for millions of articles.

Two steps, each a command (run from this folder, or with it on PYTHONPATH, or give this file to
``spark-submit``; every executor needs the ``jiexi`` package installed):

    python -m jiexi_spark analyze IN OUT [--tokens] [--master local[2]]
    python -m jiexi_spark aggregate OUT [--master local[2]]

``analyze`` reads IN, a Parquet or JSON Lines archive (a file or a folder of them) with the columns
``id``, ``text`` and optionally ``date`` (ISO ``YYYY-MM-DD``), analyses it with ``jiexi`` inside
``mapInArrow`` (whole Arrow batches, one ``jiexi.analyze_many`` call each) and writes Parquet tables
under OUT:

- ``documents``: id, date, script, chars, tokens, entities (counts per document);
- ``entities``: id, start, end, type, text, value, key: one row per mention, offsets in chars
  (Python ``str`` indexes), exactly the entities ``jiexi analyze --jsonl`` prints. ``value`` (a
  normalised date or amount) is null until the engine gives one; ``key`` is what the app counts as
  the same entity (``jiexi.fold`` of the full name for a defined short form, else of the text);
- ``tokens`` (with ``--tokens``): id, start, end, text, pos.

``aggregate`` reads those and writes:

- ``by_month``: month (``YYYY-MM`` of the document's date; null without one), type, key, name (the
  most frequent form), mentions, documents;
- ``cooccurrence``: pairs of names (people, organisations, places) named in the same document:
  type_a, key_a, name_a, type_b, key_b, name_b, documents. The browser's network links names in
  the same sentence or paragraph; an archive's unit is the document.
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import chain
from typing import Iterator, List, Optional

import pyarrow as pa

#: Entity types that are names: the co-occurrence pairs are between these.
NAME_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")

_ENTITY = pa.struct(
    [
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("type", pa.string()),
        ("text", pa.string()),
        ("value", pa.string()),
        ("key", pa.string()),
    ]
)
_TOKEN = pa.struct(
    [("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("pos", pa.string())]
)
_ENTITY_DDL = "array<struct<start:int,end:int,type:string,text:string,value:string,key:string>>"
_TOKEN_DDL = "array<struct<start:int,end:int,text:string,pos:string>>"


def analyse_batch(batch: pa.RecordBatch, with_tokens: bool, threads: int) -> pa.RecordBatch:
    """One Arrow batch of articles -> one row per article: its counts, entities (and tokens).

    ``id`` and ``date`` pass through untouched (any type), so the output keeps the input's.
    A null text is analysed as an empty one.
    """
    import jiexi

    texts = [t or "" for t in batch.column("text").to_pylist()]
    # Tokens as columns: the same values as the dicts, without a dict per token to make.
    analyses = jiexi.analyze_many(texts, threads=threads, tokens="columns")
    columns = {"id": batch.column("id")}
    if "date" in batch.schema.names:
        columns["date"] = batch.column("date")
    columns["script"] = pa.array([a["script"] for a in analyses], pa.string())
    columns["chars"] = pa.array([len(t) for t in texts], pa.int32())
    columns["tokens"] = pa.array([len(a["tokens"]["start"]) for a in analyses], pa.int32())
    columns["entities"] = pa.array([len(a["entities"]) for a in analyses], pa.int32())
    columns["entity_list"] = _entity_lists(analyses)
    if with_tokens:
        columns["token_list"] = _token_lists(analyses)
    return pa.RecordBatch.from_arrays(list(columns.values()), names=list(columns))


def _offsets(lists: List[list]) -> pa.Array:
    offsets = [0]
    for items in lists:
        offsets.append(offsets[-1] + len(items))
    return pa.array(offsets, pa.int32())


def _entity_lists(analyses: List[dict]) -> pa.Array:
    import jiexi

    mentions = [e for a in analyses for e in a["entities"]]
    fields = pa.StructArray.from_arrays(
        [
            pa.array([e["start"] for e in mentions], pa.int32()),
            pa.array([e["end"] for e in mentions], pa.int32()),
            pa.array([e["type"] for e in mentions], pa.string()),
            pa.array([e["text"] for e in mentions], pa.string()),
            pa.nulls(len(mentions), pa.string()),
            pa.array([jiexi.fold(e["alias_of"] or e["text"]) for e in mentions], pa.string()),
        ],
        fields=list(_ENTITY),
    )
    return pa.ListArray.from_arrays(_offsets([a["entities"] for a in analyses]), fields)


def _token_lists(analyses: List[dict]) -> pa.Array:
    def column(key: str, kind: pa.DataType) -> pa.Array:
        return pa.array(list(chain.from_iterable(a["tokens"][key] for a in analyses)), kind)

    fields = pa.StructArray.from_arrays(
        [
            column("start", pa.int32()),
            column("end", pa.int32()),
            column("text", pa.string()),
            column("pos", pa.string()),
        ],
        fields=list(_TOKEN),
    )
    return pa.ListArray.from_arrays(_offsets([a["tokens"]["start"] for a in analyses]), fields)


def read_archive(spark, path: str):
    """A Parquet or JSON Lines archive (by the name of the file, or of the files in the folder)."""
    names = os.listdir(path) if os.path.isdir(path) else [path]
    if any(n.endswith(".parquet") for n in names):
        df = spark.read.parquet(path)
    else:
        df = spark.read.json(path)
    missing = {"id", "text"} - set(df.columns)
    if missing:
        raise SystemExit(f"jiexi_spark: {path} has no column {', '.join(sorted(missing))}")
    return df


def analyze(spark, source: str, out: str, with_tokens: bool = False) -> None:
    """Step one: the archive at ``source`` analysed into the tables under ``out``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    # Executors import this module for `analyse_batch` (a cluster's too, not only local mode).
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    df = read_archive(spark, source)
    keep = [c for c in ("id", "text", "date") if c in df.columns]
    df = df.select(*keep)
    # Every core busy: a single JSON Lines file is one partition.
    cores = spark.sparkContext.defaultParallelism
    if df.rdd.getNumPartitions() < cores:
        df = df.repartition(cores)
    # Spark runs a task per core; each task's batch on one engine thread (or the task's cpus).
    threads = int(spark.conf.get("spark.task.cpus", "1"))
    schema = f"id {df.schema['id'].dataType.simpleString()}"
    if "date" in keep:
        schema += f", date {df.schema['date'].dataType.simpleString()}"
    schema += f", script string, chars int, tokens int, entities int, entity_list {_ENTITY_DDL}"
    if with_tokens:
        schema += f", token_list {_TOKEN_DDL}"

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield analyse_batch(batch, with_tokens, threads)

    analysed = df.mapInArrow(run, schema).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        date = F.to_date("date") if "date" in keep else F.lit(None).cast("date")
        analysed.select(
            "id", date.alias("date"), "script", "chars", "tokens", "entities"
        ).write.mode("overwrite").parquet(os.path.join(out, "documents"))
        analysed.select("id", F.explode("entity_list").alias("e")).select(
            "id", "e.*"
        ).write.mode("overwrite").parquet(os.path.join(out, "entities"))
        if with_tokens:
            analysed.select("id", F.explode("token_list").alias("t")).select(
                "id", "t.*"
            ).write.mode("overwrite").parquet(os.path.join(out, "tokens"))
    finally:
        analysed.unpersist()


def aggregate(spark, out: str) -> None:
    """Step two: entity counts by month and co-occurring names, from the tables of step one."""
    from pyspark.sql import functions as F

    docs = spark.read.parquet(os.path.join(out, "documents"))
    mentions = spark.read.parquet(os.path.join(out, "entities")).join(
        docs.select("id", F.date_format("date", "yyyy-MM").alias("month")), "id"
    )
    # An entity's name: its most frequent form across the archive (ties: the larger text).
    names = (
        mentions.groupBy("type", "key", "text")
        .count()
        .groupBy("type", "key")
        .agg(F.max(F.struct("count", "text"))["text"].alias("name"))
    )
    by_month = (
        mentions.groupBy("month", "type", "key")
        .agg(F.count("*").alias("mentions"), F.countDistinct("id").alias("documents"))
        .join(names, ["type", "key"])
        .select("month", "type", "key", "name", "mentions", "documents")
    )
    by_month.write.mode("overwrite").parquet(os.path.join(out, "by_month"))

    named = mentions.where(F.col("type").isin(*NAME_TYPES)).select("id", "type", "key").distinct()
    a = named.select("id", F.col("type").alias("type_a"), F.col("key").alias("key_a"))
    b = named.select("id", F.col("type").alias("type_b"), F.col("key").alias("key_b"))
    pairs = (
        a.join(b, "id")
        .where(F.struct("type_a", "key_a") < F.struct("type_b", "key_b"))
        .groupBy("type_a", "key_a", "type_b", "key_b")
        .agg(F.count("*").alias("documents"))
    )
    for side in ("a", "b"):
        pairs = pairs.join(
            names.select(
                F.col("type").alias(f"type_{side}"),
                F.col("key").alias(f"key_{side}"),
                F.col("name").alias(f"name_{side}"),
            ),
            [f"type_{side}", f"key_{side}"],
        )
    pairs.select(
        "type_a", "key_a", "name_a", "type_b", "key_b", "name_b", "documents"
    ).write.mode("overwrite").parquet(os.path.join(out, "cooccurrence"))


def session(master: Optional[str], **conf: str):
    """A Spark session; ``master`` e.g. ``local[2]`` (otherwise spark-submit's or Spark's default),
    ``conf`` more settings. Local executors run this interpreter, so they import the same ``jiexi``."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("jiexi")
    if master:
        builder = builder.master(master)
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jiexi_spark", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("analyze", help="analyse an archive into Parquet tables")
    one.add_argument("input", help="Parquet or JSON Lines with id, text and optionally date")
    one.add_argument("out", help="folder for the tables documents, entities (and tokens)")
    one.add_argument("--tokens", action="store_true", help="also write the tokens table")
    one.add_argument("--master", help="Spark master, e.g. local[2]")
    two = commands.add_parser("aggregate", help="entity counts by month and co-occurrences")
    two.add_argument("out", help="the folder analyze wrote")
    two.add_argument("--master", help="Spark master, e.g. local[2]")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        if args.command == "analyze":
            analyze(spark, args.input, args.out, with_tokens=args.tokens)
        else:
            aggregate(spark, args.out)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
