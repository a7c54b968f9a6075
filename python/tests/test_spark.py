"""yomitori.spark.extract in Spark local mode (two cores, several
partitions), against the command line on the same records."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import generated_records, read_jsonl, run_cli, write_jsonl

N = 240


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("yomitori-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "50")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_extract_equals_cli(spark, tmp_path):
    from yomitori import spark as ys

    records = generated_records(N, seed=21)
    write_jsonl(records, tmp_path / "records.jsonl")
    run_cli(
        "extract", str(tmp_path / "records.jsonl"), "--input-format", "jsonl", "--anchor",
        "--format", "jsonl", "-o", str(tmp_path / "rows.jsonl"), "--no-glossary", "-q",
    )
    expected = read_jsonl(tmp_path / "rows.jsonl")

    df = spark.createDataFrame(
        [(r["id"], r["text"], r["date"]) for r in records], "doc_id string, body string, published string"
    ).repartition(4)
    assert df.rdd.getNumPartitions() >= 2
    rows = ys.extract(df, id_col="doc_id", text_col="body", date_col="published", anchor="context")
    assert rows.schema.simpleString().startswith("struct<doc:string,kind:string,type:string,text:string")
    got = [r.asDict() for r in rows.collect()]

    key = lambda r: (r["doc"], r["start"], r["end"], r["kind"], r["rule"], r["normalized"], r["type"])  # noqa: E731
    assert len(got) == len(expected) > 5 * N
    assert sorted(got, key=key) == sorted(expected, key=key)


def test_spark_integer_ids_and_rule_errors_on_the_driver(spark, tmp_path):
    import yomitori
    from yomitori import spark as ys

    df = spark.createDataFrame([(i, "Japan and France in March 2015.") for i in range(40)], "id int, text string")
    counts = ys.extract(df.repartition(2)).groupBy("kind").count().collect()
    assert {r["kind"]: r["count"] for r in counts} == {"entity": 80, "date": 40}
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 3\n", encoding="utf-8")
    with pytest.raises(yomitori.RuleError):
        ys.extract(df, rules=str(tmp_path))
