"""yomitori: rule-based extraction of entities, dates and acronyms from
English and Japanese (mostly official) texts, with provenance for every row.

>>> import yomitori
>>> ex = yomitori.Extractor()                      # the built-in rules
>>> rows = ex.extract("Since March 2015, Japan and France (令和元年).")
>>> [(r["kind"], r["text"], r["normalized"]) for r in rows][:2]
[('date', 'March 2015', '2015-03'), ('entity', 'Japan', 'Japan')]

Every row has the 16 columns of the command line's CSV (docs/csv.md):
doc, kind, type, text, normalized, id, start, end, char_start, char_end,
line, column, rule, ref_start, ref_end, flags.

- ``Extractor.extract(text)``: one document, rows as dicts.
- ``Extractor.extract_arrow(table)``: a pyarrow Table/RecordBatch of
  documents, rows as a typed pyarrow.Table; the GIL is released and the
  documents run in parallel.
- ``Extractor.extract_pandas(df)``: the same for pandas.
- ``yomitori.spark.extract(df)``: a Spark DataFrame, through mapInArrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ._yomitori import HEADER, RuleError, __version__
from ._yomitori import Extractor as _Extractor

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Extractor", "RuleError", "HEADER", "COLUMNS", "__version__"]

#: The 16 column names, in order (the CSV header).
COLUMNS: "tuple[str, ...]" = tuple(HEADER)


class Extractor(_Extractor):
    __doc__ = _Extractor.__doc__

    def extract_pandas(
        self,
        df: "pandas.DataFrame",
        *,
        id_column: str = "id",
        text_column: str = "text",
        date_column: Optional[str] = None,
    ) -> "pandas.DataFrame":
        """extract_pandas(df, *, id_column="id", text_column="text",
        date_column=None) -> pandas.DataFrame

        The rows of every document of ``df`` (one document per row) as a
        DataFrame with the 16 columns: offsets int64, ``ref_start`` and
        ``ref_end`` nullable integers (pandas ``Int64``, ``<NA>`` when
        empty). Goes through :meth:`extract_arrow`; needs pandas and pyarrow.
        """
        import pandas as pd
        import pyarrow as pa

        columns = [id_column, text_column] + ([date_column] if date_column else [])
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise KeyError(f"no column {missing[0]!r}; the columns are {list(df.columns)!r}")
        table = pa.Table.from_pandas(df[columns], preserve_index=False)
        rows = self.extract_arrow(
            table, id_column=id_column, text_column=text_column, date_column=date_column
        )
        out = rows.to_pandas()
        nullable = {pa.int64(): pd.Int64Dtype()}.get
        for c in ("ref_start", "ref_end"):
            out[c] = rows.column(c).to_pandas(types_mapper=nullable)
        return out

    def __reduce__(self) -> Any:
        # Picklable (Spark, multiprocessing): the rules are compiled again
        # where it is unpickled.
        return (_rebuild, (self.rules, self.anchor, self.anchor_date, self.fiscal_year))


def _rebuild(rules: Any, anchor: str, anchor_date: Optional[str], fiscal_year: str = "auto") -> Extractor:
    return Extractor(rules, anchor=anchor, anchor_date=anchor_date, fiscal_year=fiscal_year)
