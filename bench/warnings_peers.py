"""The hand-written peers of govops for the early-warning statistics, as a competent analyst
would write them: each takes the observations (station, minute, rain: one row per station
and minute, some minutes missing) and the streets' stations, and computes per station the
rain over the last 1, 3, 6, 12 and 24 hours BY TIME, then per street, district and city and
minute the stations reporting, the sum and maximum of each window over them, and the level
of the maxima (red 3 h >= 100 mm, orange 3 h >= 50, yellow 6 h >= 50, blue 12 h >= 50).

Each returns a polars frame: area, minute, reporting, level, <window>_sum, <window>_max
(hundredths of a mm), one row per area and minute with at least one station reporting.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import polars as pl

WINDOWS = {"rain_1h": 60, "rain_3h": 180, "rain_6h": 360, "rain_12h": 720, "rain_24h": 1440}
NAMES = tuple(WINDOWS)
# (level, window, bound in hundredths), highest first: the pack's table, written out.
RULES = (("red", "rain_3h", 10_000), ("orange", "rain_3h", 5_000),
         ("yellow", "rain_6h", 5_000), ("blue", "rain_12h", 5_000))  # fmt: skip


def level_expr() -> pl.Expr:
    level = pl.lit(None, dtype=pl.String)
    for name, window, bound in reversed(RULES):
        level = pl.when(pl.col(f"{window}_max") >= bound).then(pl.lit(name)).otherwise(level)
    return level


def roll_up(streets: pl.LazyFrame, parents: pl.DataFrame) -> pl.DataFrame:
    """Streets' figures to districts and the city: counts and sums add, maxima max."""
    aggregates = [pl.col("reporting").sum()]
    for name in NAMES:
        aggregates += [pl.col(f"{name}_sum").sum(), pl.col(f"{name}_max").max()]
    linked = streets.join(parents.lazy(), left_on="area", right_on="street")
    districts = linked.group_by("district", "minute").agg(aggregates).rename({"district": "area"})
    city = linked.group_by("city", "minute").agg(aggregates).rename({"city": "area"})
    return (
        pl.concat([city, districts, streets.select(city.collect_schema().names())])
        .with_columns(level=level_expr())
        .collect()
    )


def warnings_polars(
    frame: pl.DataFrame, stations: pl.DataFrame, parents: pl.DataFrame
) -> pl.DataFrame:
    """stations: station, street; parents: street, district, city."""
    windows = [
        pl.col("rain").cast(pl.Int64).rolling_sum_by("minute", f"{m}m").over("station").alias(n)
        for n, m in WINDOWS.items()
    ]
    rolled = frame.lazy().with_columns(windows).join(stations.lazy(), on="station")
    aggregates = [pl.len().alias("reporting")]
    for name in NAMES:
        aggregates += [
            pl.col(name).sum().alias(f"{name}_sum"),
            pl.col(name).max().alias(f"{name}_max"),
        ]
    streets = rolled.group_by(pl.col("street").alias("area"), "minute").agg(aggregates)
    return roll_up(streets, parents)


def warnings_numpy(
    frame: pl.DataFrame,
    position: dict[str, int],
    street_starts: np.ndarray,
    parents: pl.DataFrame,
    codes: list[str],
) -> pl.DataFrame:
    """Dense station x minute grid, int32 cumulative sums, window = difference, per-street
    reduceat over the station axis (stations grouped by street); codes: the streets in
    axis order."""
    runs = frame.select(pl.col("station").rle()).unnest("station")
    rows = np.repeat(np.array([position[s] for s in runs["value"]]), runs["len"].to_numpy())
    stamps = frame["minute"].to_physical().to_numpy()
    first = int(stamps.min())
    minutes = int(stamps.max() - first) // 60_000 + 1
    flat = rows * minutes + (stamps - first) // 60_000
    grid = np.zeros(len(position) * minutes, dtype=np.int32)
    grid[flat] = frame["rain"].to_numpy()
    reported = np.zeros(grid.size, dtype=np.bool_)
    reported[flat] = True
    shape = (len(position), minutes)
    cumulative = np.cumsum(grid.reshape(shape), axis=1, dtype=np.int32)
    reported = reported.reshape(shape)
    count = np.add.reduceat(reported, street_starts, axis=0, dtype=np.int64)
    columns: dict[str, np.ndarray] = {"reporting": count.ravel()}
    for name, span in WINDOWS.items():
        window = cumulative.copy()
        window[:, span:] -= cumulative[:, :-span]
        columns[f"{name}_sum"] = np.add.reduceat(
            np.where(reported, window, 0), street_starts, axis=0, dtype=np.int64
        ).ravel()
        columns[f"{name}_max"] = np.maximum.reduceat(
            np.where(reported, window, -1), street_starts, axis=0
        ).ravel()
    times = (
        pl.Series(first + 60_000 * np.arange(minutes))
        .cast(pl.Datetime("ms", "UTC"))
        .dt.convert_time_zone("Asia/Shanghai")
    )
    streets = pl.DataFrame(
        {
            "area": np.repeat(np.array(codes), minutes),
            "minute": pl.concat([times] * len(codes)),
            **columns,
        }
    ).filter(pl.col("reporting") > 0)
    return roll_up(streets.lazy(), parents)


DUCKDB_SQL = """
WITH rolled AS (
  SELECT station, minute, {windows} FROM obs),
streets AS (
  SELECT s.street AS area, r.minute, count(*) AS reporting, {street_aggregates}
  FROM rolled r JOIN stations s USING (station) GROUP BY ALL),
linked AS (SELECT st.*, p.district, p.city FROM streets st JOIN parents p ON p.street = st.area),
areas AS (
  SELECT area, minute, reporting, {columns} FROM streets
  UNION ALL SELECT district, minute, sum(reporting), {roll} FROM linked GROUP BY district, minute
  UNION ALL SELECT city, minute, sum(reporting), {roll} FROM linked GROUP BY city, minute)
SELECT *, CASE {cases} END AS level FROM areas
"""


def duckdb_sql() -> str:
    windows = ", ".join(
        f"sum(rain::BIGINT) OVER (PARTITION BY station ORDER BY minute RANGE BETWEEN "
        f"INTERVAL {m - 1} MINUTE PRECEDING AND CURRENT ROW) AS {n}"
        for n, m in WINDOWS.items()
    )
    street = ", ".join(f"sum({n}) AS {n}_sum, max({n}) AS {n}_max" for n in NAMES)
    columns = ", ".join(f"{n}_sum, {n}_max" for n in NAMES)
    roll = ", ".join(f"sum({n}_sum)::BIGINT, max({n}_max)" for n in NAMES)
    cases = " ".join(f"WHEN {w}_max >= {b} THEN '{lv}'" for lv, w, b in RULES)
    return DUCKDB_SQL.format(
        windows=windows, street_aggregates=street, columns=columns, roll=roll, cases=cases
    )


def connect(
    frame: pl.DataFrame, stations: pl.DataFrame, parents: pl.DataFrame
) -> duckdb.DuckDBPyConnection:
    """DuckDB's own tables, made outside the timing."""
    con = duckdb.connect()
    for name, table in (("obs", frame), ("stations", stations), ("parents", parents)):
        con.register(f"{name}_frame", table.to_arrow())
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_frame")
    return con


def warnings_duckdb(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return pl.DataFrame(pl.from_arrow(con.sql(duckdb_sql()).to_arrow_table()))


def warnings_pandas(
    obs: pd.DataFrame, stations: pd.DataFrame, parents: pl.DataFrame
) -> pl.DataFrame:
    """obs: station, minute, rain (a pandas frame sorted by station, minute)."""
    indexed = obs.set_index("minute")
    grouped = indexed.groupby("station", sort=False)["rain"]
    rolled = obs[["station", "minute"]].copy()
    for name, minutes in WINDOWS.items():
        rolled[name] = grouped.rolling(f"{minutes}min").sum().to_numpy().astype(np.int64)
    rolled = rolled.merge(stations, on="station")
    aggregates = {"reporting": ("station", "size")}
    for name in NAMES:
        aggregates[f"{name}_sum"] = (name, "sum")
        aggregates[f"{name}_max"] = (name, "max")
    streets = rolled.groupby(["street", "minute"], sort=False).agg(**aggregates).reset_index()
    streets = pl.from_pandas(streets.rename(columns={"street": "area"}))
    return roll_up(streets.lazy(), parents)
