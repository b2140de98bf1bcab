"""The ingestion report from the rows as read (each with its line and the reason it was
excluded, if it was) and the rows kept: counts and first lines per reason and note,
duplicate examples with both lines, and each station's span and missing steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from govops.warnings.model.weather.report import (
    EXCLUSIONS,
    FIRST_LINES,
    NOTES,
    Clash,
    IngestReport,
    StationSpan,
    Tally,
)


@dataclass(frozen=True)
class Tables:
    """What the report is drawn from. `rows`: every row read in file order (line, code,
    minute, hundredths, rounded, sentinel, reason); `kept`: the rows kept (code, minute,
    rain), by station and time; `clashes`: the repeats excluded, each beside the row kept
    in its place; `ids`: the station id of each code."""

    rows: pl.DataFrame
    kept: pl.DataFrame
    clashes: pl.DataFrame
    ids: pl.Series


def summarise(
    tables: Tables,
    *,
    field: str,
    resolution: int,
    ignored: tuple[str, ...],
    stations: Sequence[str] | None,
) -> IngestReport:
    rows, kept, ids = tables.rows, tables.kept, tables.ids
    with_observations = set(ids.gather(kept["code"].unique()).to_list())
    return IngestReport(
        field=field,
        resolution_minutes=resolution,
        rows_read=rows.height,
        rows_kept=kept.height,
        excluded=_tallies(rows.filter(pl.col("reason").is_not_null()), "reason", EXCLUSIONS),
        notes=_tallies(_noted(rows), "note", NOTES),
        clashes=_clashes(tables.clashes, ids),
        ignored_columns=ignored,
        spans=_spans(kept, ids, resolution),
        without_observations=tuple(s for s in stations or () if s not in with_observations),
        stations_in_metadata=None if stations is None else len(stations),
    )


def _tallies(found: pl.DataFrame, column: str, codes: Mapping[str, object]) -> dict[str, Tally]:
    """Every code, in order, with its row count and first lines (0 and none if absent)."""
    counted = found.group_by(column).agg(
        rows=pl.len(), lines=pl.col("line").sort().head(FIRST_LINES)
    )
    by_code = {row[column]: row for row in counted.iter_rows(named=True)}
    return {
        code: Tally(by_code[code]["rows"], tuple(by_code[code]["lines"]))
        if code in by_code
        else Tally(0, ())
        for code in codes
    }


def _noted(rows: pl.DataFrame) -> pl.DataFrame:
    """(line, note) pairs: trace and rounding among rows kept; out of order among rows with
    a station and a time, in file order (earlier than a preceding row of its station)."""
    kept = rows.filter(pl.col("reason").is_null())
    timed = rows.filter(pl.col("code").is_not_null(), pl.col("minute").is_not_null())
    return pl.concat(
        [
            kept.filter(pl.col("sentinel") == "trace").select("line", note=pl.lit("trace")),
            kept.filter(pl.col("rounded")).select("line", note=pl.lit("rounded")),
            _out_of_order(timed).select("line", note=pl.lit("out_of_order")),
        ]
    )


def _out_of_order(timed: pl.DataFrame) -> pl.DataFrame:
    """The rows earlier than a preceding row of their station. None in a file in the
    feed's order (by time) or sorted by station then time, found in one pass; else each
    row is held to the latest time of its station before it."""
    minute, code = timed["minute"], timed["code"]
    in_time_order = minute.is_sorted()
    by_station = code.is_sorted() and bool(
        ((code != code.shift(1)) | (minute >= minute.shift(1))).fill_null(True).all()
    )
    if in_time_order or by_station:
        return timed.clear()
    latest_before = pl.col("minute").cum_max().shift(1).over("code")
    return timed.filter(pl.col("minute") < latest_before)


def _clashes(clashes: pl.DataFrame, ids: pl.Series) -> tuple[Clash, ...]:
    """The first few conflicts, then the first few duplicates, each beside the row kept."""
    found: list[Clash] = []
    for reason in ("conflict", "duplicate"):
        first = clashes.filter(pl.col("reason") == reason).sort("line").head(FIRST_LINES)
        found += [
            Clash(
                reason,
                ids[row["code"]],
                row["minute"],
                row["line"],
                row["hundredths"],
                row["kept_line"],
                row["kept_rain"],
            )
            for row in first.iter_rows(named=True)
        ]
    return tuple(found)


def _spans(kept: pl.DataFrame, ids: pl.Series, resolution: int) -> tuple[StationSpan, ...]:
    """Per station: first and last stamp, steps observed, and steps missing between them
    (a step is a minute, or an hour for hourly amounts)."""
    step_ms = resolution * 60_000
    spans = (
        kept.group_by("code")
        .agg(first=pl.col("minute").min(), last=pl.col("minute").max(), observed=pl.len())
        .with_columns(
            missing=(pl.col("last") - pl.col("first")).dt.total_milliseconds() // step_ms
            + 1
            - pl.col("observed")
        )
        .sort("code")  # the order of the ids
    )
    names = ids.gather(spans["code"])
    return tuple(
        StationSpan(station, r["first"], r["last"], r["observed"], r["missing"])
        for station, r in zip(names, spans.iter_rows(named=True), strict=True)
    )
