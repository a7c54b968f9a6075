"""Extractor.extract and the package surface, against the command line."""

from __future__ import annotations

import re
import textwrap

import pytest

import yomitori

from conftest import SEEDS, run_cli


def test_readme_example_finds_dates_and_countries(extractor):
    rows = extractor.extract("Since March 2015, Japan and France (令和元年).")
    got = {(r["kind"], r["text"], r["normalized"]) for r in rows}
    assert ("date", "March 2015", "2015-03") in got
    assert ("entity", "Japan", "Japan") in got
    assert ("entity", "France", "France") in got
    assert ("date", "令和元年", "2019") in got
    assert all(list(r) == yomitori.HEADER for r in rows)
    assert yomitori.COLUMNS == tuple(yomitori.HEADER) and len(yomitori.HEADER) == 16


def test_extract_equals_cli_over_seeds(extractor, seed_csv_rows):
    got = []
    for path in sorted(SEEDS.glob("*.txt")):
        got.extend(extractor.extract(path.read_text(encoding="utf-8"), id=path.name))
    assert len(got) == len(seed_csv_rows) > 1000
    for i, (g, e) in enumerate(zip(got, seed_csv_rows)):
        assert g == e, f"row {i}"


def test_offsets_index_the_python_string(extractor):
    text = (SEEDS / "002_a89485053486f3ae.txt").read_text(encoding="utf-8")
    data = text.encode("utf-8")
    rows = extractor.extract(text, id="002")
    assert rows
    for r in rows:
        assert r["doc"] == "002"
        assert text[r["char_start"] : r["char_end"]] == r["text"]
        assert data[r["start"] : r["end"]].decode("utf-8") == r["text"]
        assert r["ref_start"] is None or isinstance(r["ref_start"], int)


def test_record_date_and_anchoring():
    text = "The meeting on October 3 was followed by another in November."
    off = yomitori.Extractor().extract(text)
    assert [r["normalized"] for r in off if r["kind"] == "date"] == ["XXXX-10-03", "XXXX-11"]
    # "was followed": a past-tense sentence, so the months are the previous
    # occurrences before the reference date (docs/dates.md, tense).
    anchored = yomitori.Extractor(anchor="context").extract(text, date="2021-06-01")
    assert [r["normalized"] for r in anchored if r["kind"] == "date"] == ["2020-10-03", "2020-11"]
    assert all("anchored" in r["flags"] for r in anchored if r["kind"] == "date")
    fixed = yomitori.Extractor(anchor_date="2018-01-01").extract(text)
    assert [r["normalized"] for r in fixed if r["kind"] == "date"] == ["2017-10-03", "2017-11"]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        yomitori.Extractor(anchor_date="June 2018")
    with pytest.raises(ValueError, match="anchor"):
        yomitori.Extractor(anchor="always")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        yomitori.Extractor(anchor="context").extract(text, date="yesterday")


BAD_RULE = textwrap.dedent(
    """\
    [[rule]]
    id = "broken"
    kind = "date"
    type = "DATE"
    pattern = '(?P<year>\\d{4}'
    """
)


def test_rule_error_has_the_cli_diagnostic(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text(BAD_RULE, encoding="utf-8")
    with pytest.raises(yomitori.RuleError) as info:
        yomitori.Extractor(str(rules))
    message = str(info.value)
    assert re.search(r"--> .*bad\.toml:5:\d+", message), message
    assert 'rule "broken"' in message
    d = info.value.diagnostics[0]
    assert d["path"].endswith("bad.toml") and d["line"] == 5 and d["column"] > 11
    assert d["rule"] == "broken"
    cli = run_cli("rules", "lint", "--rules", str(rules), check=False)
    assert cli.returncode == 2
    assert message in cli.stderr


def test_missing_rules_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        yomitori.Extractor(str(tmp_path / "nowhere"))


def test_rules_folder_is_used(tmp_path):
    run_cli("rules", "dump", str(tmp_path / "rules"))
    ex = yomitori.Extractor(tmp_path / "rules")
    assert ex.rules == tmp_path / "rules" or str(ex.rules) == str(tmp_path / "rules")
    assert ex.rule_count == yomitori.Extractor().rule_count > 10
    text = "Since March 2015, Japan and France."
    assert ex.extract(text) == yomitori.Extractor().extract(text)


def test_help_teaches_the_api():
    doc = yomitori.Extractor.__doc__ or ""
    for word in ("rules", "anchor", "extract_arrow", "RuleError", "char_start"):
        assert word in doc
    assert "pyarrow.Table" in (yomitori.Extractor.extract_arrow.__doc__ or "")
    assert "pandas" in (yomitori.Extractor.extract_pandas.__doc__ or "")
    assert repr(yomitori.Extractor()) == 'Extractor(rules=None, anchor="off")'


def test_fiscal_year_reading():
    text = "The FY2020 budget was approved."

    def fy(ex):
        return [r["normalized"] for r in ex.extract(text) if r["type"] == "FISCAL_YEAR"]

    assert yomitori.Extractor().fiscal_year == "auto"
    assert fy(yomitori.Extractor()) == ["2020-04/2021-03"]
    assert fy(yomitori.Extractor(fiscal_year="jp")) == ["2020-04/2021-03"]
    assert fy(yomitori.Extractor(fiscal_year="us")) == ["2019-10/2020-09"]
    assert "fiscal_year='us'" in repr(yomitori.Extractor(fiscal_year="us")).replace('"', "'")
    with pytest.raises(ValueError, match="fiscal_year: expected jp, us or auto"):
        yomitori.Extractor(fiscal_year="federal")


def test_extractor_pickles():
    import pickle

    ex = yomitori.Extractor(anchor="context", fiscal_year="us")
    again = pickle.loads(pickle.dumps(ex))
    assert again.anchor == "context"
    assert again.fiscal_year == "us"
    assert again.extract("Japan") == ex.extract("Japan")
