from typing import Any, Dict, List, Optional, Tuple, Union
import os

import pandas
import pyarrow

__version__: str
HEADER: List[str]
COLUMNS: Tuple[str, ...]

#: One row: the 16 CSV columns. Offsets are int; ref_start/ref_end None when empty.
Row = Dict[str, Union[str, int, None]]

class RuleError(Exception):
    """The rule set did not load; the message is the command line's diagnostic."""

    diagnostics: List[Dict[str, Any]]

class Extractor:
    """Compiled extraction rules (see help(yomitori.Extractor))."""

    def __init__(
        self,
        rules: Union[str, "os.PathLike[str]", None] = None,
        *,
        anchor: str = "off",
        anchor_date: Optional[str] = None,
        fiscal_year: str = "auto",
    ) -> None: ...
    @property
    def rules(self) -> Optional[str]: ...
    @property
    def anchor(self) -> str: ...
    @property
    def anchor_date(self) -> Optional[str]: ...
    @property
    def fiscal_year(self) -> str: ...
    @property
    def rule_count(self) -> int: ...
    def extract(self, text: str, *, id: str = "-", date: Optional[str] = None) -> List[Row]: ...
    def extract_arrow(
        self,
        data: Union[pyarrow.Table, pyarrow.RecordBatch, Any],
        *,
        id_column: str = "id",
        text_column: str = "text",
        date_column: Optional[str] = None,
    ) -> pyarrow.Table: ...
    def extract_pandas(
        self,
        df: pandas.DataFrame,
        *,
        id_column: str = "id",
        text_column: str = "text",
        date_column: Optional[str] = None,
    ) -> pandas.DataFrame: ...
