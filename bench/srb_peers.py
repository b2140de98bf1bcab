"""The hand-written peers of govops for the SRB table, as a competent analyst would write
them: each reads the Parquet file of birth records, counts boys and girls per commune and
year, sums them to districts and provinces, and computes srb = 100 boys / girls with the
Clopper–Pearson 95 % interval from scipy.stats.beta.ppf on every row.

Each returns a pandas frame: level, area, year, boys, girls, srb, ci_low, ci_high.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from scipy.stats import beta

COLUMNS = ["level", "area", "year", "boys", "girls", "srb", "ci_low", "ci_high"]


def add_estimates(table: pd.DataFrame) -> pd.DataFrame:
    """srb and the exact interval on every row (no boys: lower 0; no girls: upper 1)."""
    boys = table["boys"].to_numpy(dtype=np.int64)
    girls = table["girls"].to_numpy(dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(boys > 0, beta.ppf(0.025, boys, girls + 1), 0.0)
        high = np.where(girls > 0, beta.ppf(0.975, boys + 1, girls), 1.0)
        table["srb"] = np.where(girls > 0, 100 * boys / girls, np.nan)
        table["ci_low"] = 100 * low / (1 - low)
        table["ci_high"] = np.where(girls > 0, 100 * high / (1 - high), np.nan)
    return table[COLUMNS]


def srb_pandas(path: Path, areas: pd.DataFrame) -> pd.DataFrame:
    """areas: code, level, parent (as in the areas CSV)."""
    births = pd.read_parquet(path, columns=["area_code", "year", "boy"])
    grouped = births.groupby(["area_code", "year"], observed=True)["boy"].agg(["sum", "count"])
    commune = pd.DataFrame(
        {"boys": grouped["sum"].astype(np.int64), "girls": grouped["count"] - grouped["sum"]}
    ).reset_index()
    commune = commune.rename(columns={"area_code": "area"})
    parent = areas.set_index("code")["parent"]
    commune["district"] = commune["area"].map(parent)
    commune["province"] = commune["district"].map(parent)
    tables = [commune.assign(level="commune")]
    for level in ("district", "province"):
        summed = commune.groupby([level, "year"], as_index=False)[["boys", "girls"]].sum()
        tables.append(summed.rename(columns={level: "area"}).assign(level=level))
    table = pd.concat(tables, ignore_index=True)
    return add_estimates(table)


SQL = """
WITH commune AS (
  SELECT area_code AS area, year, sum(boy::BIGINT) AS boys, count(*) - sum(boy::BIGINT) AS girls
  FROM read_parquet(?) GROUP BY area_code, year),
linked AS (
  SELECT c.*, a.parent AS district, d.parent AS province
  FROM commune c JOIN areas a ON a.code = c.area JOIN areas d ON d.code = a.parent)
SELECT 'commune' AS level, area, year, boys, girls FROM commune
UNION ALL
SELECT 'district', district, year, sum(boys)::BIGINT, sum(girls)::BIGINT FROM linked GROUP BY ALL
UNION ALL
SELECT 'province', province, year, sum(boys)::BIGINT, sum(girls)::BIGINT FROM linked GROUP BY ALL
"""


def connect(areas: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.register("areas_frame", areas[["code", "level", "parent"]])
    con.execute("CREATE TABLE areas AS SELECT * FROM areas_frame")
    return con


def srb_duckdb(con: duckdb.DuckDBPyConnection, path: Path) -> pd.DataFrame:
    """DuckDB counts and rolls up; scipy gives the quantiles (DuckDB has no beta quantile)."""
    table = con.execute(SQL, [str(path)]).df()
    return add_estimates(table)
