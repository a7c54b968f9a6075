#!/usr/bin/env python3
"""Run yomitori inside Apache Spark (local mode) with RDD.pipe, and check
that the rows equal a plain local run's.

    pip install pyspark            # Java 17 must be on the machine
    python3 scripts/spark_pipe.py  # builds the release binary if needed

The recipe, as docs/scale.md describes it:

1. PySpark reads the documents (`wholeTextFiles`: one (path, text) pair per
   file) and turns each into a JSON Lines record `{"id", "text"}`.
2. The binary and the rules folder are shipped to the executors with
   `SparkContext.addFile`; `RDD.pipe` starts the binary by absolute path
   (pipe runs no shell and passes an almost empty environment) once per
   partition, feeding it the partition's records on stdin.
3. `yomitori extract --input-format jsonl - -o - --format jsonl` writes one
   JSON row per line; Spark reads them back as a DataFrame and writes CSV.

Byte offsets in the rows are offsets into the UTF-8 encoding of each
record's text, which is the file's bytes as long as the files are UTF-8.
"""

import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = ["doc", "kind", "type", "text", "normalized", "id", "start", "end", "char_start", "char_end",
           "line", "column", "rule", "ref_start", "ref_end", "flags"]


def binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    path = os.path.join(target, "release", "yomitori")
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    return path


def local_rows(exe, seeds, rules):
    """Rows of a plain local run over the seed folder (text input)."""
    out = subprocess.run([exe, "extract", seeds, "--rules", rules, "-o", "-", "--format", "jsonl", "-q"],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def key(row):
    return tuple(row[c] if row[c] is not None else -1 for c in COLUMNS)


def main():
    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    exe = binary()
    seeds = os.path.join(ROOT, "seeds")
    rules = os.path.join(ROOT, "rules")
    spark = (SparkSession.builder.master("local[2]").appName("yomitori-pipe")
             .config("spark.ui.enabled", "false").getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    sc.addFile(exe)
    sc.addFile(rules, recursive=True)

    seeds_uri = "file://" + seeds
    docs = sc.wholeTextFiles(seeds_uri, minPartitions=2)

    def record(pair):
        path, text = pair
        doc = os.path.relpath(path.replace("file:", "", 1), seeds)
        return json.dumps({"id": doc, "text": text}, ensure_ascii=False)

    # Three partitions: three yomitori processes, as on a cluster.
    records = docs.map(record).repartition(3)
    # Resolved on the executor side; in local mode the driver's answer is it.
    command = [SparkFiles.get("yomitori"), "extract", "--input-format", "jsonl", "-", "-o", "-",
               "--format", "jsonl", "--rules", SparkFiles.get("rules"), "-q"]
    os.chmod(command[0], 0o755)
    piped = records.pipe(shlex.join(command), checkCode=True)
    df = spark.read.json(piped).select(*COLUMNS)
    out_dir = os.path.join(tempfile.mkdtemp(prefix="yomitori-spark-"), "rows")
    df.coalesce(1).write.csv(out_dir, header=True)
    spark_rows = [json.loads(r) for r in df.toJSON().collect()]
    for r in spark_rows:
        for c in ("ref_start", "ref_end"):
            r.setdefault(c, None)
    partitions = records.getNumPartitions()
    spark.stop()

    want = sorted(local_rows(exe, seeds, rules), key=key)
    got = sorted(spark_rows, key=key)
    print(f"spark: {partitions} partitions, {len(got)} rows; local run: {len(want)} rows; CSV in {out_dir}")
    if got != want:
        missing = [r for r in want if r not in got][:5]
        extra = [r for r in got if r not in want][:5]
        print("MISMATCH\nonly local:", missing, "\nonly spark:", extra)
        return 1
    docs_seen = sorted({r["doc"] for r in got})
    print(f"rows equal the local run's ({len(docs_seen)} documents: {', '.join(docs_seen)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
