"""Apache Spark without RDDs: ``extract(df)`` runs the extractor on the
executors through ``DataFrame.mapInArrow``, so it works where ``RDD.pipe``
is not offered (Spark Connect, shared and serverless clusters).

>>> from yomitori import spark as ys
>>> rows = ys.extract(df, id_col="id", text_col="text")   # a Spark DataFrame
>>> rows.groupBy("kind").count().show()

The rules are compiled once per Python worker process (Spark reuses its
Python workers, ``spark.python.worker.reuse``, on by default), not once per
batch. Each executor needs the ``yomitori`` wheel installed (or shipped with
``--py-files``/``spark.archives``); with ``rules=None`` the built-in rules
travel inside it, a rules folder must exist at the same path on every
executor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Iterator, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    import pyspark.sql

__all__ = ["extract", "SCHEMA"]

#: The rows' Spark schema (DDL): the 16 columns, offsets as bigint.
SCHEMA = (
    "doc string, kind string, type string, text string, normalized string, id string, "
    "start bigint, end bigint, char_start bigint, char_end bigint, line bigint, "
    "column bigint, rule string, ref_start bigint, ref_end bigint, flags string"
)

# One compiled extractor per worker process and configuration.
_EXTRACTORS: Dict[Tuple[Optional[str], str, Optional[str], str], object] = {}


def _extractor(rules: Optional[str], anchor: str, anchor_date: Optional[str], fiscal_year: str):
    key = (rules, anchor, anchor_date, fiscal_year)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        from . import Extractor

        ex = Extractor(rules, anchor=anchor, anchor_date=anchor_date, fiscal_year=fiscal_year)
        _EXTRACTORS[key] = ex
    return ex


def extract(
    df: "pyspark.sql.DataFrame",
    *,
    id_col: str = "id",
    text_col: str = "text",
    date_col: Optional[str] = None,
    rules: Optional[str] = None,
    anchor: str = "off",
    anchor_date: Optional[str] = None,
    fiscal_year: str = "auto",
) -> "pyspark.sql.DataFrame":
    """The rows of every document of ``df`` (one document per row) as a
    Spark DataFrame with the 16 columns of :data:`SCHEMA`.

    ``id_col`` is cast to string (it fills ``doc``), ``text_col`` is the
    text, ``date_col`` an optional reference date (string ``YYYY-MM-DD`` or
    date) used when anchoring. ``rules``, ``anchor``, ``anchor_date`` and
    ``fiscal_year`` are those of :class:`yomitori.Extractor`. Rows of one document stay
    together and in the command line's order within each Arrow batch; order
    across partitions is Spark's, so sort (``orderBy``) when order matters.
    """
    from pyspark.sql import functions as F

    if rules is not None:
        import os

        rules = os.path.abspath(rules)
    # Fail on the driver, not on every executor: compile once here.
    _extractor(rules, anchor, anchor_date, fiscal_year)
    columns = [F.col(id_col).cast("string").alias("id"), F.col(text_col).alias("text")]
    if date_col is not None:
        columns.append(F.col(date_col).alias("date"))
    date = "date" if date_col is not None else None

    def run(batches: "Iterator[pyarrow.RecordBatch]") -> "Iterator[pyarrow.RecordBatch]":
        ex = _extractor(rules, anchor, anchor_date, fiscal_year)
        for batch in batches:
            table = ex.extract_arrow(batch, id_column="id", text_column="text", date_column=date)
            yield from table.to_batches()

    return df.select(*columns).mapInArrow(run, SCHEMA)
