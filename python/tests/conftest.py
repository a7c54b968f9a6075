"""Shared helpers: the command-line binary, its rows parsed and typed, and
records generated from the seed texts."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
from pathlib import Path
from typing import Dict, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
INT_COLUMNS = ("start", "end", "char_start", "char_end", "line", "column")
REF_COLUMNS = ("ref_start", "ref_end")


def cli_binary() -> Path:
    """The `yomitori` binary: $YOMITORI_BIN, else the newest cargo build."""
    env = os.environ.get("YOMITORI_BIN")
    if env:
        return Path(env)
    built = [ROOT / "target" / p / "yomitori" for p in ("release", "debug")]
    built = [p for p in built if p.exists()]
    if not built:
        raise RuntimeError("no yomitori binary: run `cargo build --release` or set YOMITORI_BIN")
    return max(built, key=lambda p: p.stat().st_mtime)


def run_cli(*args: str, cwd: Optional[Path] = None, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the binary with `args` (in `cwd`, default the repository)."""
    return subprocess.run(
        [str(cli_binary()), *args],
        cwd=str(cwd or ROOT),
        capture_output=True,
        text=True,
        check=check,
    )


def typed(row: Dict[str, str]) -> Dict[str, object]:
    """A CSV row with the types the Python API gives: int offsets, None for
    an empty reference."""
    out: Dict[str, object] = dict(row)
    for c in INT_COLUMNS:
        out[c] = int(row[c])
    for c in REF_COLUMNS:
        out[c] = int(row[c]) if row[c] != "" else None
    return out


def read_csv_rows(path: Path) -> List[Dict[str, object]]:
    with open(path, newline="", encoding="utf-8") as f:
        return [typed(r) for r in csv.DictReader(f)]


def read_jsonl(path: Path) -> List[Dict[str, object]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def paragraphs() -> List[str]:
    """The seed texts' paragraphs (blank-line separated), in file order."""
    out: List[str] = []
    for p in sorted(SEEDS.glob("*.txt")):
        out.extend(x.strip() for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip())
    return out


def generated_records(n: int, seed: int = 14) -> List[Dict[str, Optional[str]]]:
    """`n` reproducible records of one to four seed paragraphs each; every
    third one has a reference date."""
    rng = random.Random(seed)
    paras = paragraphs()
    records = []
    for i in range(n):
        text = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(1, 4)))
        date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if i % 3 == 0 else None
        records.append({"id": f"rec-{i:04d}", "text": text, "date": date})
    return records


def write_jsonl(records, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            rec = {k: v for k, v in r.items() if v is not None}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


@pytest.fixture(scope="session")
def extractor():
    import yomitori

    return yomitori.Extractor()


@pytest.fixture(scope="session")
def seed_csv_rows(tmp_path_factory) -> List[Dict[str, object]]:
    """The command line's rows over seeds/ (built-in rules), typed."""
    out = tmp_path_factory.mktemp("seeds") / "rows.csv"
    run_cli("extract", str(SEEDS), "-o", str(out), "--no-glossary", "-q")
    return read_csv_rows(out)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test is a failure here: every test runs (no missing
    dependency, no platform excuse)."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed: {report.longrepr}"
