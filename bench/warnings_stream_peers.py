"""The streaming benchmark's peers, each given the areas in its own form (county and
province boundaries; a stations table) and the thresholds read from the pack.

- numpy: the hand-written ring of cumulative sums the issue quotes: per minute, five window
  differences, the stations silent for 10 minutes masked (each station's last minute seen
  kept), np.maximum.reduceat and np.add.reduceat over the county blocks, provinces from
  their counties, levels by np.select; an area with no station counting keeps its level of
  the minute before, and a province takes the level of a held county when it is higher
  (govops' HOLD_POLICY).
- DuckDB: the last 24 hours kept as rows (station, minute, rain) and queried again at the
  minute: window sums with FILTER, the stations with a reading in the last 10 minutes, per
  county and per province maximum, sum and count, levels by CASE (the provinces' raised to
  their held counties' by the caller: SQL keeps no levels from minute to minute)."""

from __future__ import annotations

import duckdb
import numpy as np
import numpy.typing as npt
import polars as pl

from govops.warnings.model.weather.levels import SignalRules
from warnings_stream_data import Network

WINDOW_MINUTES = (60, 180, 360, 720, 1440)
RING = 1441
RECENT = 10  # minutes a station counts after a reading


def thresholds(rules: SignalRules) -> dict[str, int]:
    """red/orange (3 h), yellow (6 h), blue (12 h) bounds in hundredths, from the pack (all
    inclusive: 以上)."""
    assert all(c.inclusive for c in rules.clauses)
    return {c.outcome: int(c.threshold * 100) for c in rules.clauses}


class NumpyRing:
    def __init__(self, net: Network, bounds: dict[str, int]) -> None:
        self.starts, self.province_starts = net.county_starts, net.province_starts
        self.ring = np.full((RING, net.stations), 0, dtype=np.int32)
        self.seen = np.full(net.stations, -RECENT, dtype=np.int64)  # last minute with a reading
        self.bounds = bounds
        self.t = 0
        self.levels: dict[str, npt.NDArray[np.int8]] = {}

    def advance(self, values: npt.NDArray[np.int32]) -> dict[str, npt.NDArray[np.int64]]:
        t, self.t = self.t, self.t + 1
        self.seen[values >= 0] = t
        reported = self.seen > t - RECENT  # counting: a reading in the last 10 minutes
        now = self.ring[(t - 1) % RING] + np.maximum(values, 0)
        self.ring[t % RING] = now
        windows = now - self.ring[(t - np.array(WINDOW_MINUTES)) % RING]
        county_max = np.maximum.reduceat(np.where(reported, windows, -1), self.starts, axis=1)
        county_sum = np.add.reduceat(
            np.where(reported, windows, 0), self.starts, axis=1, dtype=np.int64
        )
        county_count = np.add.reduceat(reported, self.starts, dtype=np.int64)
        result = {
            "county_max": county_max,
            "county_total": county_sum,
            "county_reporting": county_count,
            "province_max": np.maximum.reduceat(county_max, self.province_starts, axis=1),
            "province_total": np.add.reduceat(county_sum, self.province_starts, axis=1),
            "province_reporting": np.add.reduceat(county_count, self.province_starts),
        }
        for kind in ("county", "province"):
            level = self._levels(result[f"{kind}_max"])
            if kind in self.levels:  # no station counting: the level held
                level = np.where(result[f"{kind}_reporting"] > 0, level, self.levels[kind])
            if kind == "province":  # raised to a held county's
                level = raised(level, result["county_held"], self.province_starts)
            result[f"{kind}_level"] = self.levels[kind] = level
            result[f"{kind}_held"] = np.where(result[f"{kind}_reporting"] > 0, -1, level)
        return result

    def _levels(self, maximum: npt.NDArray[np.int32]) -> npt.NDArray[np.int8]:
        b = self.bounds
        h3, h6, h12 = maximum[1], maximum[2], maximum[3]
        conditions = [h3 >= b["red"], h3 >= b["orange"], h6 >= b["yellow"], h12 >= b["blue"]]
        return np.select(conditions, [0, 1, 2, 3], -1).astype(np.int8)


def raised(
    level: npt.NDArray[np.int8], held: npt.NDArray[np.int8], starts: npt.NDArray[np.intp]
) -> npt.NDArray[np.int8]:
    """Each province's level, or its held counties' highest when higher (codes: 0 red ...
    3 blue, -1 none)."""
    rank = np.where(held >= 0, 4 - held, 0)
    top = np.maximum.reduceat(rank, starts)
    higher = top > np.where(level >= 0, 4 - level, 0)
    return np.where(higher, 4 - top, level).astype(np.int8)


def duckdb_connect(net: Network) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    county_of = np.repeat(
        np.arange(len(net.counties)), np.diff(np.append(net.county_starts, net.stations))
    )
    province_of_county = np.repeat(
        np.arange(len(net.provinces)),
        np.diff(np.append(net.province_starts, len(net.counties))),
    )
    stations = pl.DataFrame(
        {
            "station": np.arange(net.stations, dtype=np.int32),
            "county": county_of.astype(np.int32),
            "province": province_of_county[county_of].astype(np.int32),
        }
    )
    con.register("station_frame", stations.to_arrow())
    con.execute("CREATE TABLE stations AS SELECT * FROM station_frame")
    con.execute("CREATE TABLE obs (station INTEGER, minute INTEGER, rain INTEGER)")
    return con


def duckdb_append(con: duckdb.DuckDBPyConnection, t: int, values: npt.NDArray[np.int32]) -> None:
    """Only the readings: a missing one is no row."""
    present = np.flatnonzero(values >= 0).astype(np.int32)
    frame = pl.DataFrame(
        {"station": present, "minute": np.full(len(present), t, np.int32), "rain": values[present]}
    )
    con.register("minute_frame", frame.to_arrow())
    con.execute("INSERT INTO obs SELECT * FROM minute_frame")
    con.unregister("minute_frame")


def duckdb_query(con: duckdb.DuckDBPyConnection, t: int, bounds: dict[str, int]) -> pl.DataFrame:
    sums = ", ".join(
        f"SUM(rain) FILTER (WHERE minute > {t} - {w}) AS w{k}" for k, w in enumerate(WINDOW_MINUTES)
    )
    stats = ", ".join(f"MAX(w{k}) AS max{k}, SUM(w{k}) AS total{k}" for k in range(5))
    level = (
        f"CASE WHEN max1 >= {bounds['red']} THEN 0 WHEN max1 >= {bounds['orange']} THEN 1 "
        f"WHEN max2 >= {bounds['yellow']} THEN 2 WHEN max3 >= {bounds['blue']} THEN 3 "
        "ELSE -1 END"
    )
    sql = f"""
        WITH windows AS (
            SELECT station, {sums}, BOOL_OR(minute > {t} - {RECENT}) AS reporting
            FROM obs WHERE minute > {t} - 1440 AND minute <= {t} GROUP BY station
        ), present AS (
            SELECT * FROM windows JOIN stations USING (station) WHERE reporting
        ), areas AS (
            SELECT 'county' AS kind, county AS area, COUNT(*) AS reporting, {stats}
            FROM present GROUP BY county
            UNION ALL
            SELECT 'province', province, COUNT(*), {stats} FROM present GROUP BY province
        )
        SELECT *, {level} AS level FROM areas
    """
    return pl.DataFrame(con.execute(sql).fetchnumpy())
