"""The hand-written peers of govops for the early-warning statistics, as a competent analyst
would write them: each takes the observations (station, minute, rain: one row per station
and minute, some minutes missing) and the streets' stations, and computes per station the
rain over the last 1, 3, 6, 12 and 24 hours BY TIME, then per street, district and city and
minute the stations counting (a reading in the last 10 minutes: govops' gap policy, so each
peer fills in the missing minutes, 0 mm), the sum and maximum of each window over them, and
the level of the maxima (red 3 h >= 100 mm, orange 3 h >= 50, yellow 6 h >= 50, blue 12 h
>= 50), raised to the level a silent street of the area holds (its level at its last minute
with a station counting) when that is higher (`held_up`).

Each returns a polars frame: area, minute, reporting, level, <window>_sum, <window>_max
(hundredths of a mm), one row per area and minute with at least one station counting.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import polars as pl

WINDOWS = {"rain_1h": 60, "rain_3h": 180, "rain_6h": 360, "rain_12h": 720, "rain_24h": 1440}
NAMES = tuple(WINDOWS)
RECENT = 10  # minutes a station counts after a reading
RANKS = {"blue": 1, "yellow": 2, "orange": 3, "red": 4}
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
    areas = pl.concat([city, districts, streets.select(city.collect_schema().names())])
    return held_up(areas.with_columns(level=level_expr()).collect(), parents)


def held_up(areas: pl.DataFrame, parents: pl.DataFrame) -> pl.DataFrame:
    """Each district's and the city's level raised to the highest level one of its silent
    streets holds (the street's level at its last minute with a station counting; a street
    is silent at a minute where it has no row)."""
    rank = pl.col("level").replace_strict(RANKS, default=0, return_dtype=pl.Int8)
    streets = areas.join(parents, left_on="area", right_on="street", how="semi")
    grid = (
        streets.select(pl.col("area").unique())
        .join(areas.select(pl.col("minute").unique()), how="cross")
        .join(
            streets.select("area", "minute", rank.alias("rank")), on=["area", "minute"], how="left"
        )
        .sort("area", "minute")
    )
    held = grid.with_columns(
        pl.col("rank").forward_fill().over("area").alias("kept"), silent=pl.col("rank").is_null()
    ).filter(pl.col("silent") & (pl.col("kept") > 0))
    linked = held.join(parents, left_on="area", right_on="street")
    kept = pl.concat(
        [
            linked.group_by(pl.col(parent).alias("area"), "minute").agg(pl.col("kept").max())
            for parent in ("district", "city")
        ]
    )
    names = {v: k for k, v in RANKS.items()}
    raised = pl.max_horizontal(rank, pl.col("kept").fill_null(0))
    return (
        areas.join(kept, on=["area", "minute"], how="left")
        .with_columns(level=raised.replace_strict(names, default=None, return_dtype=pl.String))
        .drop("kept")
    )


def warnings_polars(
    frame: pl.DataFrame, stations: pl.DataFrame, parents: pl.DataFrame
) -> pl.DataFrame:
    """stations: station, street; parents: street, district, city."""
    windows = [
        pl.col("rain").cast(pl.Int64).rolling_sum_by("minute", f"{m}m").over("station").alias(n)
        for n, m in WINDOWS.items()
    ]
    seen = pl.col("seen").rolling_sum_by("minute", f"{RECENT}m").over("station") > 0
    minutes = frame.select(
        pl.datetime_range(pl.col("minute").min(), pl.col("minute").max(), "1m").alias("minute")
    )
    dense = (
        frame.select(pl.col("station").unique(maintain_order=True))
        .lazy()
        .join(minutes.lazy(), how="cross")
        .join(frame.lazy(), on=["station", "minute"], how="left")
        .with_columns(
            seen=pl.col("rain").is_not_null().cast(pl.Int32), rain=pl.col("rain").fill_null(0)
        )
    )
    rolled = (
        dense.with_columns(windows, counting=seen)
        .filter("counting")
        .join(stations.lazy(), on="station")
    )
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
    seen = np.cumsum(reported.reshape(shape), axis=1, dtype=np.int32)
    seen[:, RECENT:] -= seen[:, :-RECENT].copy()
    reported = seen > 0  # a reading within the last RECENT minutes
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
WITH minutes AS (
  SELECT unnest(generate_series(min(minute), max(minute), INTERVAL 1 MINUTE)) AS minute FROM obs),
dense AS (
  SELECT s.station, m.minute, o.rain
  FROM (SELECT DISTINCT station FROM obs) s CROSS JOIN minutes m
  LEFT JOIN obs o ON o.station = s.station AND o.minute = m.minute),
rolled AS (
  SELECT station, minute, {windows}, count(rain) OVER (PARTITION BY station ORDER BY minute
    RANGE BETWEEN INTERVAL {recent} MINUTE PRECEDING AND CURRENT ROW) AS seen FROM dense),
streets AS (
  SELECT s.street AS area, r.minute, count(*) AS reporting, {street_aggregates}
  FROM rolled r JOIN stations s USING (station) WHERE r.seen > 0 GROUP BY ALL),
linked AS (SELECT st.*, p.district, p.city FROM streets st JOIN parents p ON p.street = st.area),
areas AS (
  SELECT area, minute, reporting, {columns} FROM streets
  UNION ALL SELECT district, minute, sum(reporting), {roll} FROM linked GROUP BY district, minute
  UNION ALL SELECT city, minute, sum(reporting), {roll} FROM linked GROUP BY city, minute)
SELECT *, CASE {cases} END AS level FROM areas
"""


def duckdb_sql() -> str:
    windows = ", ".join(
        f"sum(coalesce(rain, 0)::BIGINT) OVER (PARTITION BY station ORDER BY minute RANGE BETWEEN "
        f"INTERVAL {m - 1} MINUTE PRECEDING AND CURRENT ROW) AS {n}"
        for n, m in WINDOWS.items()
    )
    street = ", ".join(f"sum({n}) AS {n}_sum, max({n}) AS {n}_max" for n in NAMES)
    columns = ", ".join(f"{n}_sum, {n}_max" for n in NAMES)
    roll = ", ".join(f"sum({n}_sum)::BIGINT, max({n}_max)" for n in NAMES)
    cases = " ".join(f"WHEN {w}_max >= {b} THEN '{lv}'" for lv, w, b in RULES)
    return DUCKDB_SQL.format(
        windows=windows,
        recent=RECENT - 1,
        street_aggregates=street,
        columns=columns,
        roll=roll,
        cases=cases,
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


def warnings_duckdb(con: duckdb.DuckDBPyConnection, parents: pl.DataFrame) -> pl.DataFrame:
    """The held streets' levels raised into their parents as the other peers do (`held_up`:
    a forward fill over minutes, which SQL says no better)."""
    return held_up(pl.DataFrame(pl.from_arrow(con.sql(duckdb_sql()).to_arrow_table())), parents)


def warnings_pandas(
    obs: pd.DataFrame, stations: pd.DataFrame, parents: pl.DataFrame
) -> pl.DataFrame:
    """obs: station, minute, rain (a pandas frame sorted by station, minute)."""
    every = pd.MultiIndex.from_product(
        [
            obs["station"].unique(),
            pd.date_range(obs["minute"].min(), obs["minute"].max(), freq="1min"),
        ],
        names=["station", "minute"],
    )
    dense = obs.set_index(["station", "minute"]).reindex(every).reset_index()
    dense["seen"] = dense["rain"].notna().astype(np.int64)
    dense["rain"] = dense["rain"].fillna(0).astype(np.int64)
    grouped = dense.set_index("minute").groupby("station", sort=False)
    rolled = dense[["station", "minute"]].copy()
    for name, minutes in WINDOWS.items():
        rolled[name] = grouped["rain"].rolling(f"{minutes}min").sum().to_numpy().astype(np.int64)
    counting = grouped["seen"].rolling(f"{RECENT}min").sum().to_numpy() > 0
    rolled = rolled[counting].merge(stations, on="station")
    aggregates = {"reporting": ("station", "size")}
    for name in NAMES:
        aggregates[f"{name}_sum"] = (name, "sum")
        aggregates[f"{name}_max"] = (name, "max")
    streets = rolled.groupby(["street", "minute"], sort=False).agg(**aggregates).reset_index()
    streets = pl.from_pandas(streets.rename(columns={"street": "area"}))
    return roll_up(streets.lazy(), parents)
