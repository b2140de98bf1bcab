"""The statistics of every area at every minute, kept for queries by area and period, the
charts and the daily report: the level and its clause, the stations reporting and placed,
and per accumulation window the maximum over the reporting stations (with the station that
holds it) and their sum, in whole hundredths of a millimetre as the engine computes them.
The mean is the sum over the stations reporting, so it is kept exactly, never rounded
before it is shown. Also the ingestion reports of the data behind them.

Append-only and idempotent: a minute of an area is stored once; taking the same minutes
again (a restarted watch, a demo loaded twice) writes nothing new."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from govops.platform.ports import Transaction
from govops.warnings.model.weather.layout import WINDOWS, StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules
from govops.warnings.model.weather.stream_steps import MinuteStats, mean_millimetres, millimetres

WINDOW_NAMES = tuple(WINDOWS)


class SeriesConflictError(Exception):
    """A minute of an area written by another writer at the same time (retry)."""


@dataclass(frozen=True, slots=True)
class AreaMinute:
    """One area at one minute. The window dicts are empty when no station reports."""

    area: str
    at: datetime  # the end of the minute, aware
    level: str | None
    clause_id: str | None
    reporting: int  # stations counting: an observation this minute or in the nine before
    stations: int  # stations placed in the area
    maximum: dict[str, int] = field(default_factory=dict)  # window -> hundredths of a mm
    total: dict[str, int] = field(default_factory=dict)  # window -> sum, hundredths of a mm
    max_station: dict[str, str] = field(default_factory=dict)  # window -> the station at max

    def max_mm(self, window: str) -> Decimal | None:
        found = self.maximum.get(window)
        return None if found is None else millimetres(found)

    def mean_mm(self, window: str) -> Decimal | None:
        found = self.total.get(window)
        return (
            None if found is None or not self.reporting else mean_millimetres(found, self.reporting)
        )


@dataclass(frozen=True, slots=True)
class IngestionRecord:
    """What the ingestion said of a batch of observations: `report` is the ingestion
    report as JSON (govops.warnings.model.weather.report.IngestReport.as_json), its reasons
    and notes by code (said in the reader's language where it is shown)."""

    source: str
    recorded_at: datetime
    first: datetime | None  # the period the observations kept cover
    last: datetime | None
    report: dict[str, Any]


class SeriesLog(Protocol):
    def add(self, rows: Sequence[AreaMinute], recorded_at: datetime) -> int:
        """Store the rows whose (area, minute) is not stored yet; how many were new."""

    def between(
        self, area: str | None, start: datetime | None, end: datetime | None
    ) -> list[AreaMinute]:
        """Rows with start <= at < end (either side open when None), by time then area."""

    def latest_minute(self) -> datetime | None: ...

    def add_ingestion(self, record: IngestionRecord) -> None: ...

    def ingestions(self, start: datetime, end: datetime) -> list[IngestionRecord]:
        """Reports whose period meets [start, end), oldest first."""


class SeriesUnitOfWork(Transaction, Protocol):
    series: SeriesLog


class MinuteRows:
    """Turns the streaming engine's minutes into rows (every area, every minute)."""

    def __init__(self, layout: StationLayout, rules: SignalRules) -> None:
        self.layout, self.rules = layout, rules
        self.sizes = [len(layout.members[code]) for code in layout.areas]

    def rows(self, stats: MinuteStats, windows: npt.NDArray[np.int32] | None) -> list[AreaMinute]:
        """`windows` (windows x stations, -1 for a station absent) of the minute of
        `stats`, for the stations at each maximum; None for a minute no station reported
        (a gap the engine took as missing), where there is no maximum to place."""
        reported = stats.reporting > 0
        if windows is None and bool(reported.any()):
            raise ValueError(f"minute {stats.at.isoformat()}: stations reported, windows needed")
        return [self._row(p, stats, windows) for p in range(len(self.layout.areas))]

    def _row(
        self, position: int, stats: MinuteStats, windows: npt.NDArray[np.int32] | None
    ) -> AreaMinute:
        code = int(stats.level[position])
        clause = None if code == NO_LEVEL else self.rules.clauses[int(stats.clause[position])]
        reporting = int(stats.reporting[position])
        maximum, total, at_max = {}, {}, {}
        if reporting and windows is not None:
            members = self.layout.members[self.layout.areas[position]]
            for k, name in enumerate(WINDOW_NAMES):
                maximum[name] = int(stats.maximum[k, position])
                total[name] = int(stats.total[k, position])
                values = windows[k, members]
                at_max[name] = self.layout.stations[int(members[int(np.argmax(values))])]
        return AreaMinute(
            area=self.layout.areas[position],
            at=stats.at,
            level=None if clause is None else self.rules.outcomes[code],
            clause_id=None if clause is None else clause.clause_id,
            reporting=reporting,
            stations=self.sizes[position],
            maximum=maximum,
            total=total,
            max_station=at_max,
        )


def minute_json(row: AreaMinute) -> dict[str, Any]:
    """A row as JSON: millimetres as text (exact), None where no station reports."""
    windows = {
        name: {
            "max_mm": _text(row.max_mm(name)),
            "mean_mm": _text(row.mean_mm(name)),
            "max_station": row.max_station.get(name),
        }
        for name in WINDOW_NAMES
    }
    return {
        "area": row.area,
        "at": row.at.isoformat(),
        "level": row.level,
        "clause": row.clause_id,
        "reporting": row.reporting,
        "stations": row.stations,
        "windows": windows,
    }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
