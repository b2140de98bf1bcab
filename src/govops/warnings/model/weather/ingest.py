"""Observations of automatic weather stations, as the national station data service delivers
them (Station_Id_C, Datetime in UTC, PRE for minute or PRE_1h for hourly precipitation in
mm), checked and normalised for the statistics engine: one amount per station and stamp, in
Beijing time, in exact hundredths of a millimetre. Every row read is kept or excluded for a
named reason in the report (govops.warnings.model.weather.report)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import polars as pl

from govops.lawcode.texts.messages import msg
from govops.warnings.model.weather.ingest_parse import (
    BEIJING,
    TIME_UNIT,
    amounts,
    beijing_minutes,
    on_grid,
    station_codes,
)
from govops.warnings.model.weather.ingest_tally import Tables, summarise
from govops.warnings.model.weather.report import EXCLUSIONS, IngestReport, WeatherInputError

STATION, TIME = "Station_Id_C", "Datetime"
# Precipitation fields and the minutes each amount covers; PRE is preferred if both appear.
FIELDS = {"PRE": 1, "PRE_1h": 60}

# Plausible maxima, in hundredths of a mm. The greatest one-minute rain on record is about
# 38 mm (Barot, Guadeloupe, 26 November 1970; Klein, Cahiers ORSTOM Hydrologie 8(2), 1971,
# who allows 5-10 % more); mainland China's hourly record is 201.9 mm (Zhengzhou, 20 July
# 2021, 16:00-17:00 Beijing time). A reading beyond 50 mm a minute or 300 mm an hour is a
# sensor or transmission fault, never a storm to warn of. (The hourly bound suits China's
# network; the world's hourly record, 305 mm in 42 minutes at Holt, Missouri, 1947, is above it.)
MAX_MINUTE_AMOUNT = 50 * 100
MAX_HOURLY_AMOUNT = 300 * 100
PLAUSIBLE_MAX = {1: MAX_MINUTE_AMOUNT, 60: MAX_HOURLY_AMOUNT}

# The columns of few distinct values (a station's id, a stamp shared by every station, an
# amount) that a reader may give as Categorical: 4 bytes a row instead of the text.
CODED: dict[str, pl.DataType] = {name: pl.Categorical() for name in (STATION, TIME, *FIELDS)}
REASON = pl.Enum([*EXCLUSIONS])  # why a row is excluded, in the report's order

SCHEMA = {
    "station": pl.String(),
    "minute": pl.Datetime(TIME_UNIT, BEIJING),  # the END of the minute or hour covered
    "rain": pl.Int32(),  # hundredths of a millimetre
}


@dataclass(frozen=True)
class Ingested:
    """The normalised observations (columns of SCHEMA, sorted by station then minute, one
    row per station and stamp) and the report accounting for every row read."""

    frame: pl.DataFrame
    report: IngestReport

    @property
    def resolution_minutes(self) -> int:
        """1 for minute amounts (PRE), 60 for hourly amounts (PRE_1h)."""
        return self.report.resolution_minutes


def precipitation_field(columns: Collection[str]) -> str:
    for field in FIELDS:
        if field in columns:
            return field
    raise WeatherInputError(
        msg("the observations have no precipitation column: PRE (minute) or PRE_1h (hourly)")
    )


def read_observations(
    frame: pl.DataFrame,
    stations: Collection[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Ingested:
    """Normalise an observation table (CSV read as text, or Parquet). `stations`: the known
    station ids (rows of others are excluded); `start`/`end`: aware datetimes bounding the
    stamps kept, [start, end). A table without the needed columns, or a bad window, is
    refused with a WeatherInputError; bad rows are excluded and counted.

    Column-wise throughout: each distinct cell is parsed once, a station is a code (its
    index among the sorted ids) so that a station and a minute make one integer key, the
    rows are sorted by that key only when the file is not already in its order, and the
    table is let go once its cells are read."""
    for name in (STATION, TIME):
        if name not in frame.columns:
            raise WeatherInputError(
                msg("the observations have no column {column}", column=repr(name))
            )
    field = precipitation_field(frame.columns)
    resolution = FIELDS[field]
    window = _window(start, end)
    ignored = tuple(c for c in frame.columns if c not in (STATION, TIME, field))
    ids, rows = _cells(frame, field)
    del frame  # the table as read is the largest thing held: not beyond this point
    unknown = _unknown_codes(ids, stations)
    rows = rows.with_columns(reason=_first_reason(resolution, unknown, window))
    rows, kept_at, clashes = _settle_repeats(rows)
    kept = rows.select("code", "minute", rain=pl.col("hundredths").cast(pl.Int32))
    if len(kept_at) < rows.height or not kept_at.is_sorted():  # else every row, in order
        kept = kept.select(pl.all().gather(kept_at))
    report = summarise(
        Tables(rows, kept, clashes, ids),
        field=field,
        resolution=resolution,
        ignored=ignored,
        stations=None if stations is None else list(stations),
    )
    del rows  # every row read: let go before the kept rows' ids are written out
    kept = kept.select(station=ids.gather(kept["code"]), minute="minute", rain="rain")
    return Ingested(kept, report)


def _cells(frame: pl.DataFrame, field: str) -> tuple[pl.Series, pl.DataFrame]:
    """The station ids, and one row per row read: its line (header = 1), station code,
    Beijing stamp, amount."""
    ids, code = station_codes(frame[STATION])
    values = amounts(frame[field])
    return ids, pl.DataFrame(
        {
            "line": pl.int_range(2, frame.height + 2, eager=True, dtype=pl.UInt32),
            "code": code,
            "minute": beijing_minutes(frame[TIME]),
        }
    ).with_columns(
        # Trace is rain too little to measure: 0 mm, with its mark kept for the report.
        hundredths=pl.when(values["sentinel"] == "trace").then(0).otherwise(values["hundredths"]),
        rounded=values["rounded"],
        sentinel=values["sentinel"],
    )


def _unknown_codes(ids: pl.Series, stations: Collection[str] | None) -> list[int] | None:
    """The codes of the ids not in the station metadata (None: no metadata to hold to)."""
    if stations is None:
        return None
    known = ids.is_in(pl.Series(list(stations), dtype=pl.String).implode())
    return (~known).arg_true().to_list()


def _window(
    start: datetime | None, end: datetime | None
) -> tuple[datetime | None, datetime | None]:
    beijing = ZoneInfo(BEIJING)
    for bound in (start, end):
        if bound is not None and bound.tzinfo is None:
            raise WeatherInputError(
                msg("the period's start and end must carry a time zone (Beijing time: +08:00)")
            )
    if start is not None and end is not None and start >= end:
        raise WeatherInputError(msg("the period must start before it ends"))
    return (
        None if start is None else start.astimezone(beijing),
        None if end is None else end.astimezone(beijing),
    )


def _first_reason(
    resolution: int,
    unknown: list[int] | None,
    window: tuple[datetime | None, datetime | None],
) -> pl.Expr:
    """The first reason that excludes the row, in the report's order; null if none."""
    minute, amount = pl.col("minute"), pl.col("hundredths")
    stamp = pl.Datetime(TIME_UNIT, BEIJING)
    checks: list[tuple[str, pl.Expr]] = [
        ("no_station", pl.col("code").is_null()),
        ("bad_time", minute.is_null()),
        ("misaligned_time", ~on_grid(minute, resolution)),
    ]
    if unknown is not None:
        codes = pl.Series(unknown, dtype=pl.UInt32).implode()
        checks.append(("unknown_station", pl.col("code").is_in(codes)))
    start, end = window
    if start is not None:
        checks.append(("outside_period", minute < pl.lit(start, dtype=stamp)))
    if end is not None:
        checks.append(("outside_period", minute >= pl.lit(end, dtype=stamp)))
    checks += [
        ("bad_value", amount.is_null() & pl.col("sentinel").is_null()),
        ("missing", pl.col("sentinel") == "missing"),
        ("negative", amount < 0),
        ("implausible", amount > PLAUSIBLE_MAX[resolution]),
    ]
    reason = pl.lit(None, dtype=REASON)
    for code, failed in reversed(checks):  # built from the last, so the first check wins
        reason = pl.when(failed).then(pl.lit(code, REASON)).otherwise(reason)
    return reason


def _keys(rows: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """(row index, key) of the rows not excluded, whose stamps are whole minutes: station
    and minute as one integer, in the order of station id then time."""
    minutes = pl.col("minute").dt.epoch("ms") // 60_000
    found = (
        rows.lazy()
        .select(
            at=pl.int_range(pl.len(), dtype=pl.UInt32),
            key=pl.col("code").cast(pl.Int64) * 2**32 + minutes,
            open=pl.col("reason").is_null(),
        )
        .filter("open")
        .collect()
    )
    return found["at"], found["key"]


def _settle_repeats(rows: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series, pl.DataFrame]:
    """One amount per station and stamp: of rows otherwise kept, the largest amount stays
    (the earliest line among equals); a repeat of it is a `duplicate`, a different amount
    a `conflict`.

    Returns the rows so marked, in the file's order; the indices of the rows kept, in the
    order of station then time; and the repeats excluded (line, code, minute, hundredths,
    reason) each with the line and amount kept in its place (kept_line, kept_rain). The
    rows otherwise kept are put in that order by their key (no sort at all for a file
    already in it; a stable sort keeps lines in order among equal keys), where repeats are
    neighbours; only those are settled, and their reason written back in place."""
    at, key = _keys(rows)
    if not key.is_sorted():  # stable: rows of one key stay in the file's order
        ordered = pl.DataFrame([at, key]).sort("key", maintain_order=True)
        at, key = ordered["at"], ordered["key"]
    repeated = ((key == key.shift(1)) | (key == key.shift(-1))).fill_null(False)
    settled = (
        rows.select(pl.all().gather(at.filter(repeated)))
        .select("line", "code", "minute", "hundredths", key=key.filter(repeated))
        .sort(["key", "hundredths", "line"], descending=[False, True, False])
        .with_columns(first=pl.col("key").ne_missing(pl.col("key").shift(1)))
        .with_columns(
            kept_line=pl.when("first").then(pl.col("line")).forward_fill(),
            kept_rain=pl.when("first").then(pl.col("hundredths")).forward_fill(),
        )
        .with_columns(
            reason=pl.when(pl.col("line") == pl.col("kept_line"))
            .then(pl.lit(None, dtype=REASON))
            .when(pl.col("hundredths") == pl.col("kept_rain"))
            .then(pl.lit("duplicate", REASON))
            .otherwise(pl.lit("conflict", REASON))
        )
    )
    clashes = settled.filter(pl.col("reason").is_not_null()).drop("key", "first")
    excluded = clashes["line"] - 2
    marked = rows.with_columns(reason=rows["reason"].clone().scatter(excluded, clashes["reason"]))
    if clashes.height:
        at = at.filter(~at.is_in(excluded.implode()))
    return marked, at, clashes
