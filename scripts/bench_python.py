#!/usr/bin/env python3
"""Throughput of the Python package's extract_arrow beside the command
line's, on the same JSON Lines bench corpus, in the same run.

    target/py-venv/bin/python scripts/bench_python.py            # 100 MB, 3 runs
    SIZE=20M RUNS=1 target/py-venv/bin/python scripts/bench_python.py

Needs the `yomitori` wheel installed in the running Python (release build:
`pip install ./python`) and builds the release CLI. For each thread count
(1, then every core) it alternates CLI and Python runs and reports the
median: CLI `extract corpus.jsonl --input-format jsonl --format parquet`,
Python `extract_arrow` on the records already in a pyarrow.Table (the
read is timed separately), both writing nothing else. Threads: `-j N` for
the CLI, RAYON_NUM_THREADS=N for Python (one process per measurement, since
rayon reads it once). The row counts must agree, or the run fails.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = os.environ.get("SIZE", "100M")
RUNS = int(os.environ.get("RUNS", "3"))
CORPUS = ROOT / "target" / f"bench-corpus-{SIZE}"
BIN = ROOT / "target" / "release" / "yomitori"

CHILD = r"""
import json, sys, time
import pyarrow.json as pj
import yomitori
t0 = time.perf_counter()
table = pj.read_json(sys.argv[1])
read = time.perf_counter() - t0
ex = yomitori.Extractor()
t0 = time.perf_counter()
rows = ex.extract_arrow(table.select(["id", "text"]))
extract = time.perf_counter() - t0
print(json.dumps({"read": read, "extract": extract, "rows": rows.num_rows}))
"""


THREADS_CHILD = r"""
import json, sys, threading, time
import yomitori
ex = yomitori.Extractor()
text = open(sys.argv[1], encoding="utf-8").read()[: 1 << 20]
ratios = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter(); ex.extract(text); ex.extract(text); seq = time.perf_counter() - t0
    ts = [threading.Thread(target=ex.extract, args=(text,)) for _ in range(2)]
    t0 = time.perf_counter()
    for t in ts: t.start()
    for t in ts: t.join()
    ratios.append((time.perf_counter() - t0) / seq)
print(json.dumps({"ratios": ratios}))
"""


def cli(threads: int, out: Path):
    t0 = time.perf_counter()
    subprocess.run(
        [str(BIN), "extract", str(CORPUS / "corpus.jsonl"), "--input-format", "jsonl", "--format", "parquet",
         "-o", str(out), "--no-glossary", "-q", "-j", str(threads)],
        check=True,
    )
    seconds = time.perf_counter() - t0
    import pyarrow.parquet as pq

    return seconds, pq.read_metadata(out).num_rows


def python(threads: int):
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", CHILD, str(CORPUS / "corpus.jsonl")], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "yomitori"], cwd=ROOT, check=True)
    if not (CORPUS / "corpus.jsonl").exists():
        subprocess.run([str(BIN), "bench-corpus", "--size", SIZE, "--out", str(CORPUS)], check=True)
    text_bytes = 0
    with open(CORPUS / "corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    mb = text_bytes / 1e6
    cores = os.cpu_count() or 1
    print(f"corpus: {CORPUS / 'corpus.jsonl'}, {mb:.1f} MB of text; yomitori {__import__('yomitori').__version__}")
    print("| threads | CLI s | CLI MB/s | extract_arrow s | extract_arrow MB/s | Python/CLI | rows | pyarrow read s |")
    print("|---|---|---|---|---|---|---|---|")
    for threads in sorted({1, cores}):
        c_times, p_times, reads = [], [], []
        rows = set()
        for _ in range(RUNS):
            s, n = cli(threads, ROOT / "target" / "bench-python.parquet")
            c_times.append(s)
            rows.add(("cli", n))
            p = python(threads)
            p_times.append(p["extract"])
            reads.append(p["read"])
            rows.add(("py", p["rows"]))
        counts = {n for _, n in rows}
        if len(counts) != 1:
            print(f"row counts differ: {sorted(rows)}", file=sys.stderr)
            return 1
        c, p = statistics.median(c_times), statistics.median(p_times)
        print(f"| {threads} | {c:.2f} | {mb / c:.1f} | {p:.2f} | {mb / p:.1f} | {c / p:.2f} | {counts.pop()} | {statistics.median(reads):.2f} |")
    # Two Python threads calling extract() on one 1 MB document each, against
    # the same two calls one after the other (1.0: no overlap, 0.5: two cores).
    out = subprocess.run([sys.executable, "-c", THREADS_CHILD, str(CORPUS / "one.txt"), str(RUNS)],
                         check=True, capture_output=True, text=True)
    ratios = json.loads(out.stdout)["ratios"]
    print(f"two threads, 1 MB each: concurrent/sequential wall time {', '.join(f'{r:.2f}' for r in ratios)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
