"""The per-area minutes and the ingestion reports on SQLite and PostgreSQL: rows round-trip
exactly (aware times, hundredths, stations, none where no station reports), a minute of an
area is stored once however often it is recorded, queries by area and period, the latest
minute, and the ingestion reports that meet a period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select

from govops.warnings.model.series import AreaMinute, IngestionRecord
from govops.warnings.storage.series import (
    SqlSeriesUnitOfWork,
    series_unit_of_work_factory,
    warning_series,
)

NewUow = Callable[[], SqlSeriesUnitOfWork]
BEIJING = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 7, 20, 8, 0, tzinfo=BEIJING)
STREET, DISTRICT = "110102003", "110102"
NOW = datetime(2026, 7, 21, tzinfo=UTC)


@pytest.fixture
def new_uow(engine: Engine) -> NewUow:
    return series_unit_of_work_factory(engine)


def _minute(area: str, k: int, reporting: int = 4) -> AreaMinute:
    figures = {"rain_1h": 100 * k, "rain_24h": 2_500_000_000 + k}  # past 2**31 in the sum
    return AreaMinute(
        area,
        START + timedelta(minutes=k),
        "red" if k > 1 else None,
        "red-3h" if k > 1 else None,
        reporting,
        4,
        {"rain_1h": 100 * k, "rain_24h": 10_000} if reporting else {},
        figures if reporting else {},
        {"rain_1h": "XC0201", "rain_24h": "XC0204"} if reporting else {},
    )


def _add(new_uow: NewUow, rows: list[AreaMinute]) -> int:
    with new_uow() as uow:
        added = uow.series.add(rows, NOW)
        uow.commit()
    return added


def test_minutes_round_trip_exactly_and_in_order(new_uow: NewUow) -> None:
    rows = [_minute(area, k) for k in range(3) for area in (DISTRICT, STREET)]
    rows.append(_minute(STREET, 3, reporting=0))
    assert _add(new_uow, rows) == 7
    with new_uow() as uow:
        stored = uow.series.between(None, None, None)
        assert uow.series.latest_minute() == START + timedelta(minutes=3)
    assert [(r.area, r.at) for r in stored] == [(r.area, r.at) for r in rows]
    assert stored[0].at.tzinfo is not None
    for mine, theirs in zip(rows, stored, strict=True):
        assert theirs == mine  # aware times compare as instants
    assert stored[-1].maximum == {} and stored[-1].max_station == {} and stored[-1].total == {}


def test_a_minute_is_stored_once_however_often_recorded(new_uow: NewUow, engine: Engine) -> None:
    first = [_minute(STREET, k) for k in range(3)]
    assert _add(new_uow, first) == 3
    assert _add(new_uow, first) == 0
    again = [_minute(STREET, k) for k in range(2, 5)] + [_minute(STREET, 4)]
    assert _add(new_uow, again) == 2  # minute 2 stored already; minute 4 given twice
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(warning_series)) == 5
    assert _add(new_uow, []) == 0


def test_queries_by_area_and_period(new_uow: NewUow) -> None:
    _add(new_uow, [_minute(area, k) for k in range(5) for area in (DISTRICT, STREET)])
    with new_uow() as uow:
        period = uow.series.between(
            STREET, START + timedelta(minutes=1), START + timedelta(minutes=3)
        )
        since = uow.series.between(None, START + timedelta(minutes=4), None)
        until = uow.series.between(DISTRICT, None, START + timedelta(minutes=1))
    assert [(r.area, r.at.minute) for r in period] == [(STREET, 1), (STREET, 2)]
    assert [r.area for r in since] == [DISTRICT, STREET]
    assert [r.at.minute for r in until] == [0]


def test_ingestion_reports_that_meet_a_period(new_uow: NewUow) -> None:
    day = START.replace(hour=0)
    reports = [
        IngestionRecord(
            "yesterday.csv",
            NOW,
            day - timedelta(hours=5),
            day - timedelta(minutes=1),
            {"rows_read": 1},
        ),
        IngestionRecord(
            "today.csv", NOW, day - timedelta(hours=1), day + timedelta(hours=1), {"rows_read": 2}
        ),
        IngestionRecord("empty.csv", NOW, None, None, {"rows_read": 0}),
    ]
    with new_uow() as uow:
        for report in reports:
            uow.series.add_ingestion(report)
        uow.commit()
    with new_uow() as uow:
        found = uow.series.ingestions(day, day + timedelta(days=1))
    assert [r.source for r in found] == ["today.csv", "empty.csv"]
    assert found[0].report == {"rows_read": 2} and found[0].first == reports[1].first
