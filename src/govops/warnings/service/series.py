"""Use cases of the per-area statistics: record the minutes and the ingestion reports, and
answer queries by area and period (the latest minute, a period, a Beijing day)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from govops.lawcode.texts.messages import msg, msg_n
from govops.warnings.model.series import AreaMinute, IngestionRecord, SeriesUnitOfWork
from govops.warnings.model.weather.report import IngestReport
from govops.warnings.service.inputs import WarningInputError, check_period, unknown_area

MAX_PERIOD = timedelta(days=7)  # the longest period one query answers
LATEST_PERIOD = timedelta(days=1)  # the period answered when none is given


class SeriesService:
    def __init__(
        self,
        unit_of_work: Callable[[], SeriesUnitOfWork],
        clock: Callable[[], datetime],
        areas: Mapping[str, Mapping[str, str]] | None = None,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        """`areas` (code -> names by language) are the codes a query may name; None: any."""
        self._uow, self._clock = unit_of_work, clock
        self._areas = dict(areas or {})
        self.zone = ZoneInfo(timezone)

    def record(self, rows: Sequence[AreaMinute]) -> int:
        """Store the minutes not stored yet, in one transaction; how many were new."""
        with self._uow() as uow:
            added = uow.series.add(rows, self._clock())
            uow.commit()
        return added

    def record_ingestion(self, source: str, report: IngestReport) -> IngestionRecord:
        period = report.period
        record = IngestionRecord(
            source=source,
            recorded_at=self._clock(),
            first=None if period is None else period[0],
            last=None if period is None else period[1],
            report=report.as_json(),
        )
        with self._uow() as uow:
            uow.series.add_ingestion(record)
            uow.commit()
        return record

    def latest_minute(self) -> datetime | None:
        with self._uow() as uow:
            found = uow.series.latest_minute()
        return None if found is None else found.astimezone(self.zone)

    def series(
        self, area: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[AreaMinute]:
        """Rows with start <= at < end, by time then area, times in Beijing time. Without
        a period: the day up to the latest minute stored. At most MAX_PERIOD at once."""
        self._check_area(area)
        check_period(start, end)
        if start is None or end is None:
            start, end = self._default_period(start, end)
            if start is None or end is None:
                return []
        if end <= start:
            raise WarningInputError("to", msg("must be after from"))
        if end - start > MAX_PERIOD:
            raise WarningInputError(
                "to",
                msg_n(
                    "a period is at most {count} day long",
                    "a period is at most {count} days long",
                    MAX_PERIOD.days,
                ),
            )
        with self._uow() as uow:
            rows = uow.series.between(area, start, end)
        return [replace(row, at=row.at.astimezone(self.zone)) for row in rows]

    def day(self, day: date, area: str | None = None) -> list[AreaMinute]:
        """The rows of a Beijing day: stamps from 00:00 to 23:59."""
        start, end = self.day_bounds(day)
        return self.series(area, start, end)

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, time(0), self.zone)
        return start, start + timedelta(days=1)

    def ingestions(self, day: date) -> list[IngestionRecord]:
        """The ingestion reports of observations that meet the Beijing day."""
        start, end = self.day_bounds(day)
        with self._uow() as uow:
            return uow.series.ingestions(start, end)

    def is_empty(self) -> bool:
        return self.latest_minute() is None

    def _default_period(
        self, start: datetime | None, end: datetime | None
    ) -> tuple[datetime | None, datetime | None]:
        if start is not None:
            return start, start + LATEST_PERIOD
        if end is not None:
            return end - LATEST_PERIOD, end
        latest = self.latest_minute()
        if latest is None:
            return None, None
        return latest - LATEST_PERIOD + timedelta(minutes=1), latest + timedelta(minutes=1)

    def _check_area(self, area: str | None) -> None:
        if area is not None and self._areas and area not in self._areas:
            raise WarningInputError("area", unknown_area(area))
