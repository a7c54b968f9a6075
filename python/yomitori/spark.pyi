from typing import Optional

import pyspark.sql

SCHEMA: str

def extract(
    df: pyspark.sql.DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    date_col: Optional[str] = None,
    rules: Optional[str] = None,
    anchor: str = "off",
    anchor_date: Optional[str] = None,
    fiscal_year: str = "auto",
) -> pyspark.sql.DataFrame: ...
