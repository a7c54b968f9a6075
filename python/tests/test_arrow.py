"""Extractor.extract_arrow and extract_pandas against the command line's
JSON Lines, and the GIL released while extracting."""

from __future__ import annotations

import threading
import time

import pyarrow as pa
import pytest

import yomitori

from conftest import generated_records, read_jsonl, run_cli, write_jsonl

N = 1000


@pytest.fixture(scope="module")
def records():
    return generated_records(N)


@pytest.fixture(scope="module")
def cli_rows(records, tmp_path_factory):
    """The command line over the same records: JSON Lines in and out, with
    anchoring so that the record dates count."""
    d = tmp_path_factory.mktemp("arrow")
    write_jsonl(records, d / "records.jsonl")
    run_cli(
        "extract", str(d / "records.jsonl"), "--input-format", "jsonl", "--anchor",
        "--format", "jsonl", "-o", str(d / "rows.jsonl"), "--no-glossary", "-q",
    )
    return read_jsonl(d / "rows.jsonl")


def test_extract_arrow_equals_cli_jsonl(records, cli_rows):
    table = pa.Table.from_pylist(records, schema=pa.schema([("id", pa.string()), ("text", pa.string()), ("date", pa.string())]))
    # Several batches, to cover the batch loop and the order across batches.
    table = pa.Table.from_batches(table.to_batches(max_chunksize=128))
    ex = yomitori.Extractor(anchor="context")
    rows = ex.extract_arrow(table, date_column="date")
    assert isinstance(rows, pa.Table)
    assert rows.num_rows == len(cli_rows) > 10 * N
    assert rows.to_pylist() == cli_rows
    assert len({r["doc"] for r in cli_rows}) > 0.9 * N


def test_schema_is_typed(extractor):
    batch = pa.RecordBatch.from_pydict({"id": ["a"], "text": ["Space Situational Awareness (SSA) in 2019, Japan."]})
    rows = extractor.extract_arrow(batch)
    schema = rows.schema
    assert schema.names == yomitori.HEADER
    for name in ("start", "end", "char_start", "char_end", "line", "column", "ref_start", "ref_end"):
        assert schema.field(name).type == pa.int64(), name
    for name in ("doc", "kind", "type", "text", "normalized", "id", "rule", "flags"):
        assert schema.field(name).type == pa.string(), name
    assert [f.name for f in schema if f.nullable] == ["ref_start", "ref_end"]
    refs = rows.column("ref_start").to_pylist()
    assert None in refs and any(isinstance(r, int) for r in refs)


def test_empty_input_keeps_the_schema(extractor):
    empty = pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())})
    rows = extractor.extract_arrow(empty)
    assert rows.num_rows == 0 and rows.schema.names == yomitori.HEADER


def test_columns_by_name_integer_ids_nulls_and_date32(extractor):
    table = pa.table(
        {
            "key": pa.array([7, 8, 9], pa.int64()),
            "body": pa.array(["Japan and France.", None, "In October, Japan."], pa.large_string()),
            "day": pa.array([None, None, 18900], pa.date32()),  # 2021-09-30
        }
    )
    ex = yomitori.Extractor(anchor="context")
    rows = ex.extract_arrow(table, id_column="key", text_column="body", date_column="day").to_pylist()
    assert {r["doc"] for r in rows} == {"7", "9"}
    october = [r for r in rows if r["kind"] == "date"]
    assert [r["normalized"] for r in october] == ["2021-10"]


def test_bad_input_is_a_clear_error(extractor):
    with pytest.raises(KeyError, match='no text column "body"'):
        extractor.extract_arrow(pa.table({"id": ["a"], "text": ["x"]}), text_column="body")
    with pytest.raises(TypeError, match="text column"):
        extractor.extract_arrow(pa.table({"id": ["a"], "text": [1]}))
    with pytest.raises(ValueError, match="null"):
        extractor.extract_arrow(pa.table({"id": pa.array([None], pa.string()), "text": ["Japan"]}))
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extractor.extract_arrow(pa.table({"id": ["a"], "text": ["x"], "d": ["soon"]}), date_column="d")
    with pytest.raises(TypeError, match="pyarrow.Table"):
        extractor.extract_arrow([{"id": "a", "text": "x"}])


def test_extract_pandas(extractor, records, cli_rows):
    import pandas as pd

    df = pd.DataFrame(records[:100])
    out = extractor.extract_pandas(df[["id", "text"]])
    assert list(out.columns) == yomitori.HEADER
    assert str(out["start"].dtype) == "int64"
    assert str(out["ref_start"].dtype) == "Int64"
    assert out["ref_start"].isna().any() and out["ref_start"].notna().any()
    plain = yomitori.Extractor().extract_arrow(pa.Table.from_pandas(df[["id", "text"]], preserve_index=False))
    assert out["text"].tolist() == plain.column("text").to_pylist()
    with pytest.raises(KeyError, match="body"):
        extractor.extract_pandas(df, text_column="body")


def big_text() -> str:
    # About 1 MB: one document, under the chunking threshold, so one call
    # runs on one thread.
    records = generated_records(400, seed=3)
    return "\n\n".join(r["text"] for r in records)[: 1 << 20]


def test_gil_is_released_while_extracting(extractor):
    """While one thread extracts, the main thread keeps running Python
    code: with the GIL held it could not take a single step until the
    extraction returned."""
    text = big_text()
    started = threading.Event()
    done = threading.Event()
    spans = {}

    def work():
        started.set()
        t0 = time.perf_counter()
        extractor.extract(text)
        spans["work"] = (t0, time.perf_counter())
        done.set()

    stamps = []
    t = threading.Thread(target=work)
    t.start()
    started.wait()
    while not done.is_set():
        stamps.append(time.perf_counter())
    t.join()
    w0, w1 = spans["work"]
    inside = [s for s in stamps if w0 + 0.02 < s < w1 - 0.02]
    # Steps taken by the main thread while the extraction ran: thousands
    # when the GIL is free (one step is well under a microsecond).
    assert w1 - w0 > 0.1, "the document should take a while to extract"
    assert len(inside) > 1000, f"{len(inside)} main-thread steps during a {w1 - w0:.2f} s extraction"


def test_two_threads_extract_at_the_same_time(extractor):
    """A second thread completes extractions while the first is inside a
    long one: the two run at the same time (on two cores, in parallel). No
    timing threshold, so a loaded machine cannot fail it; the speed-up of
    two threads is measured by scripts/bench_python.py (docs/python.md)."""
    text = big_text()
    small = "Since March 2015, Japan and France (令和元年)."
    expected = extractor.extract(small)
    started = threading.Event()
    done = threading.Event()
    spans = {}

    def work():
        started.set()
        t0 = time.perf_counter()
        extractor.extract(text)
        spans["work"] = (t0, time.perf_counter())
        done.set()

    finished = []
    t = threading.Thread(target=work)
    t.start()
    started.wait()
    while not done.is_set():
        assert extractor.extract(small) == expected
        finished.append(time.perf_counter())
    t.join()
    w0, w1 = spans["work"]
    inside = [s for s in finished if w0 + 0.02 < s < w1 - 0.02]
    assert len(inside) >= 10, f"{len(inside)} extractions finished during a {w1 - w0:.2f} s extraction"
