"""`yomitori extract --format parquet`, read back with pyarrow."""

from __future__ import annotations

import csv

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

import yomitori

from conftest import SEEDS, generated_records, read_csv_rows, run_cli, write_jsonl


def test_parquet_equals_csv_rows(tmp_path, seed_csv_rows):
    out = tmp_path / "rows.parquet"
    run_cli("extract", str(SEEDS), "--format", "parquet", "-o", str(out), "-q")
    table = pq.read_table(out)
    assert table.schema.names == yomitori.HEADER
    assert table.schema.field("start").type == pa.int64()
    assert table.to_pylist() == seed_csv_rows
    # The glossary stays CSV beside it, as for CSV output.
    assert (tmp_path / "acronyms.csv").read_text(encoding="utf-8").startswith("doc,short,long,variants,")


def test_glossary_as_parquet(tmp_path):
    run_cli("extract", str(SEEDS), "-o", str(tmp_path / "rows.csv"), "-q")
    run_cli(
        "extract", str(SEEDS), "--format", "parquet", "-o", str(tmp_path / "rows.parquet"),
        "--glossary", str(tmp_path / "acronyms.parquet"), "-q",
    )
    with open(tmp_path / "acronyms.csv", newline="", encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    got = pq.read_table(tmp_path / "acronyms.parquet").to_pylist()
    assert len(got) == len(expected) > 10
    ints = ("documents", "definitions", "mentions", "first_start")
    assert got == [{k: (int(v) if k in ints else v) for k, v in e.items()} for e in expected]


def test_shards_load_as_one_dataset(tmp_path):
    records = generated_records(300, seed=5)
    write_jsonl(records, tmp_path / "records.jsonl")
    common = [str(tmp_path / "records.jsonl"), "--input-format", "jsonl", "--no-glossary", "-q"]
    run_cli("extract", *common, "--format", "parquet", "-o", str(tmp_path / "all.parquet"))
    (tmp_path / "shards").mkdir()
    for k in range(3):
        run_cli("extract", *common, "--format", "parquet", "--shard", f"{k}/3", "-o", str(tmp_path / "shards" / f"part-{k}.parquet"))
    dataset = ds.dataset(tmp_path / "shards", format="parquet")
    sizes = [pq.read_metadata(f).num_rows for f in sorted((tmp_path / "shards").iterdir())]
    assert all(n > 0 for n in sizes)
    whole = pq.read_table(tmp_path / "all.parquet")
    key = lambda r: (r["doc"], r["start"], r["end"], r["kind"], r["rule"], r["normalized"])  # noqa: E731
    assert sorted(dataset.to_table().to_pylist(), key=key) == sorted(whole.to_pylist(), key=key)


def test_parquet_to_stdout_and_excel_refused(tmp_path):
    import subprocess

    from conftest import cli_binary

    data = subprocess.run(
        [str(cli_binary()), "extract", str(SEEDS / "000_4134859e788760ab.txt"), "--format", "parquet", "-o", "-", "-q"],
        capture_output=True, check=True,
    ).stdout
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    (tmp_path / "out.parquet").write_bytes(data)
    assert pq.read_table(tmp_path / "out.parquet").num_rows > 0
    refused = run_cli("extract", str(SEEDS), "--format", "parquet", "--excel", "-o", str(tmp_path / "x.parquet"), check=False)
    assert refused.returncode == 2 and "--excel" in refused.stderr
    assert not (tmp_path / "x.parquet").exists()
