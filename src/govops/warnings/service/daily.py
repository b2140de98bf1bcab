"""The day of each area, for the daily report: its highest level and when it was first
reached, the day's maximum accumulation of each window with its station and time, the
fewest stations reporting, the warning events with their identifiers and citations, and
what the ingestion said of the observations behind them. Plain data; the DOCX is written
by govops.warnings.reports.daily."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from govops.warnings.model.series import WINDOW_NAMES, AreaMinute, IngestionRecord
from govops.warnings.model.warning import WarningEvent, rank
from govops.warnings.model.weather.stream_steps import millimetres
from govops.warnings.service.series import SeriesService
from govops.warnings.service.warning import WarningService


@dataclass(frozen=True, slots=True)
class Peak:
    """The day's highest accumulation of one window in an area (first time reached)."""

    window: str
    mm: Decimal
    station: str
    at: datetime


@dataclass(frozen=True)
class AreaDay:
    area: str
    name: Mapping[str, str]  # language -> name
    minutes: int  # minutes with statistics
    highest: str | None  # the highest level of the day (None: no signal reached)
    highest_at: datetime | None  # when it was first reached
    peaks: tuple[Peak, ...]  # per window, in window order; none for a window never reported
    stations: int  # stations placed in the area
    fewest_reporting: int | None  # the fewest reporting in a minute of the day
    fewest_at: datetime | None  # the first such minute
    events: tuple[WarningEvent, ...]


@dataclass(frozen=True)
class DayReport:
    day: date
    areas: tuple[AreaDay, ...]  # in the order of the areas given
    ingestions: tuple[IngestionRecord, ...]
    generated_at: datetime

    @property
    def events(self) -> list[WarningEvent]:
        """Every event of the day, in time order."""
        found = [e for area in self.areas for e in area.events]
        return sorted(found, key=lambda e: (e.at, e.area))


def default_day(series: SeriesService, now: datetime) -> date:
    """The Beijing day of the latest minute stored; today's without any."""
    latest = series.latest_minute()
    return (latest or now).astimezone(series.zone).date()


def day_report(
    day: date,
    series: SeriesService,
    warnings: WarningService,
    now: datetime,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> DayReport:
    """The report of the Beijing day `day` for the areas of `names` only, in their order
    (the areas a reader may read); by default the warning service's areas, and any other
    area with minutes stored."""
    only = names is not None
    if names is None:
        names = {found.area: found.name for found in warnings.current()}
    start, end = series.day_bounds(day)
    rows: dict[str, list[AreaMinute]] = {code: [] for code in names}
    for row in series.day(day):
        if not only or row.area in rows:
            rows.setdefault(row.area, []).append(row)
    events: dict[str, list[WarningEvent]] = {}
    for event in warnings.history(None, start, end):
        events.setdefault(event.area, []).append(event)
    areas = tuple(
        area_day(code, names.get(code, {}), rows[code], events.get(code, [])) for code in rows
    )
    return DayReport(day, areas, tuple(series.ingestions(day)), now)


def area_day(
    area: str, name: Mapping[str, str], rows: Sequence[AreaMinute], events: Sequence[WarningEvent]
) -> AreaDay:
    """One area's day from its minutes (in time order) and its events."""
    highest: str | None = None
    highest_at: datetime | None = None
    fewest: AreaMinute | None = None
    best: dict[str, tuple[int, str, datetime]] = {}
    for row in rows:
        if rank(row.level) > rank(highest):
            highest, highest_at = row.level, row.at
        if fewest is None or row.reporting < fewest.reporting:
            fewest = row
        for window, value in row.maximum.items():
            if window not in best or value > best[window][0]:
                best[window] = (value, row.max_station[window], row.at)
    peaks = tuple(
        Peak(w, millimetres(best[w][0]), best[w][1], best[w][2]) for w in WINDOW_NAMES if w in best
    )
    return AreaDay(
        area=area,
        name=name,
        minutes=len(rows),
        highest=highest,
        highest_at=highest_at,
        peaks=peaks,
        stations=max((r.stations for r in rows), default=0),
        fewest_reporting=None if fewest is None else fewest.reporting,
        fewest_at=None if fewest is None else fewest.at,
        events=tuple(events),
    )
