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
)
from govops.warnings.model.weather.ingest_tally import summarise
from govops.warnings.model.weather.report import IngestReport, WeatherInputError

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
    refused with a WeatherInputError; bad rows are excluded and counted."""
    for name in (STATION, TIME):
        if name not in frame.columns:
            raise WeatherInputError(
                msg("the observations have no column {column}", column=repr(name))
            )
    field = precipitation_field(frame.columns)
    resolution = FIELDS[field]
    window = _window(start, end)
    rows = _cells(frame, field)
    rows = rows.with_columns(reason=_first_reason(resolution, stations, window))
    rows = _settle_repeats(rows)
    kept = (
        rows.filter(pl.col("reason").is_null())
        .select("station", "minute", rain=pl.col("hundredths").cast(pl.Int32))
        .sort("station", "minute")
    )
    report = summarise(
        rows,
        kept,
        field=field,
        resolution=resolution,
        ignored=tuple(c for c in frame.columns if c not in (STATION, TIME, field)),
        stations=None if stations is None else list(stations),
    )
    return Ingested(kept, report)


def _cells(frame: pl.DataFrame, field: str) -> pl.DataFrame:
    """One row per row read: its line (header = 1), station id, Beijing stamp, amount."""
    station = frame[STATION].cast(pl.String).str.strip_chars()
    values = amounts(frame[field])
    return pl.DataFrame(
        {
            "line": pl.int_range(2, frame.height + 2, eager=True),
            "station": station,
            "minute": beijing_minutes(frame[TIME]),
        }
    ).with_columns(
        # Trace is rain too little to measure: 0 mm, with its mark kept for the report.
        hundredths=pl.when(values["sentinel"] == "trace").then(0).otherwise(values["hundredths"]),
        rounded=values["rounded"],
        sentinel=values["sentinel"],
    )


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
    stations: Collection[str] | None,
    window: tuple[datetime | None, datetime | None],
) -> pl.Expr:
    """The first reason that excludes the row, in the report's order; null if none."""
    minute, amount = pl.col("minute"), pl.col("hundredths")
    stamp = pl.Datetime(TIME_UNIT, BEIJING)
    checks: list[tuple[str, pl.Expr]] = [
        ("no_station", pl.col("station").fill_null("") == ""),
        ("bad_time", minute.is_null()),
        ("misaligned_time", ~on_grid(minute, resolution)),
    ]
    if stations is not None:
        checks.append(("unknown_station", ~pl.col("station").is_in(list(stations))))
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
    reason = pl.lit(None, dtype=pl.String)
    for code, failed in reversed(checks):  # built from the last, so the first check wins
        reason = pl.when(failed).then(pl.lit(code)).otherwise(reason)
    return reason


def _settle_repeats(rows: pl.DataFrame) -> pl.DataFrame:
    """One amount per station and stamp: of rows otherwise kept, the largest amount stays
    (the earliest line among equals); a repeat of it is a `duplicate`, a different amount
    a `conflict`. Each excluded repeat carries the line and amount kept in its place.
    Sorted, each key's first row is the one kept (cheaper than grouping by the key)."""
    key = ["station", "minute"]
    first = pl.any_horizontal(pl.col(k).ne_missing(pl.col(k).shift(1)) for k in key)
    settled = (
        rows.filter(pl.col("reason").is_null())
        .sort([*key, "hundredths", "line"], descending=[False, False, True, False])
        .with_columns(
            kept_line=pl.when(first).then(pl.col("line")).forward_fill(),
            kept_rain=pl.when(first).then(pl.col("hundredths")).forward_fill(),
        )
        .with_columns(
            reason=pl.when(pl.col("line") == pl.col("kept_line"))
            .then(pl.lit(None, dtype=pl.String))
            .when(pl.col("hundredths") == pl.col("kept_rain"))
            .then(pl.lit("duplicate"))
            .otherwise(pl.lit("conflict"))
        )
    )
    excluded = rows.filter(pl.col("reason").is_not_null()).with_columns(
        kept_line=pl.lit(None, dtype=pl.Int64), kept_rain=pl.lit(None, dtype=pl.Int64)
    )
    return pl.concat([excluded, settled.select(excluded.columns)]).sort("line")
