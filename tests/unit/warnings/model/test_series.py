"""The per-area minutes: built from the streaming engine (maximum, the station holding it,
sum and exact mean, none where no station reports), their JSON, the queries' checks, and an
area's day for the report (highest level and when, peaks, fewest stations reporting)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import TracebackType
from typing import Self

import numpy as np
import pytest

from govops.warnings.model.series import AreaMinute, IngestionRecord, MinuteRows, minute_json
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.service.daily import area_day
from govops.warnings.service.series import SeriesService
from govops.warnings.service.warning import WarningInputError
from tests.fakes import Clock
from tests.unit.warnings.model.weather.stream_reference import PACK_LAYOUT, RULES, minute

STREET = "110102003"  # 新街口街道: XC0201..XC0204, positions 4..7
N = len(PACK_LAYOUT.stations)


def _row(values: dict[int, int]) -> np.ndarray:
    row = np.full(N, 0, dtype=np.int32)
    for position, hundredths in values.items():
        row[position] = hundredths
    return row


def _street(rows: list[AreaMinute]) -> AreaMinute:
    return next(r for r in rows if r.area == STREET)


def test_rows_carry_maximum_its_station_sum_and_the_exact_mean() -> None:
    state = StreamState(PACK_LAYOUT, RULES, "max")
    to_rows = MinuteRows(PACK_LAYOUT, RULES)
    state.advance(minute(0), _row({4: 2500, 5: 1000, 6: -1, 7: 0}))
    stats = state.advance(minute(1), _row({4: 2500, 5: 1000, 6: -1, 7: 1}))
    row = _street(to_rows.rows(stats, state.windows))
    assert (row.level, row.clause_id, row.reporting, row.stations) == ("orange", "orange-3h", 3, 4)
    assert row.maximum["rain_3h"] == 5000 and row.max_station["rain_3h"] == "XC0201"
    assert row.total["rain_1h"] == 5000 + 2000 + 1
    assert row.mean_mm("rain_1h") == Decimal("23.3367")  # 7001 / 3 hundredths, to 0.0001 mm
    assert row.max_mm("rain_24h") == Decimal("50.00")
    assert len(to_rows.rows(stats, state.windows)) == len(PACK_LAYOUT.areas)


def test_ties_name_the_first_station_and_no_counting_station_leaves_no_figures() -> None:
    state = StreamState(PACK_LAYOUT, RULES, "max")
    to_rows = MinuteRows(PACK_LAYOUT, RULES)
    state.advance(minute(0), _row({5: 300, 6: 300}))
    taken = state.advance_to(minute(11), np.full(N, -1, dtype=np.int32))
    still = _street(to_rows.rows(taken[8], taken[8].windows))  # minute 9: still counting
    assert still.reporting == 4 and still.maximum["rain_1h"] == 300
    quiet = _street(to_rows.rows(taken[-1], taken[-1].windows))  # ten minutes without one
    assert quiet.reporting == 0 and quiet.max_station == {} and quiet.mean_mm("rain_1h") is None
    tied = _street(to_rows.rows(state.advance(minute(12), _row({5: 0, 6: 0})), state.windows))
    assert tied.max_station["rain_1h"] == "XC0202" and tied.maximum["rain_1h"] == 300
    with pytest.raises(ValueError, match="windows needed"):
        to_rows.rows(state.advance(minute(13), _row({})), None)


def test_json_gives_millimetres_as_exact_text_and_null_without_stations() -> None:
    row = AreaMinute(
        STREET,
        minute(0),
        "red",
        "red-3h",
        2,
        4,
        {"rain_3h": 10001},
        {"rain_3h": 10002},
        {"rain_3h": "XC0203"},
    )
    shown = minute_json(row)
    assert shown["at"] == "2026-07-20T08:01:00+08:00"
    assert shown["windows"]["rain_3h"] == {
        "max_mm": "100.01",
        "mean_mm": "50.0100",
        "max_station": "XC0203",
    }
    assert shown["windows"]["rain_1h"] == {"max_mm": None, "mean_mm": None, "max_station": None}


class _Log:
    def __init__(self, rows: list[AreaMinute]) -> None:
        self.rows, self.asked = rows, []

    def add(self, rows: Sequence[AreaMinute], recorded_at: datetime) -> int:
        self.rows += rows
        return len(rows)

    def between(
        self, area: str | None, start: datetime | None, end: datetime | None
    ) -> list[AreaMinute]:
        self.asked.append((area, start, end))
        return [r for r in self.rows if start is None or start <= r.at < (end or r.at)]

    def latest_minute(self) -> datetime | None:
        return max((r.at for r in self.rows), default=None)

    def add_ingestion(self, record: IngestionRecord) -> None: ...

    def ingestions(self, start: datetime, end: datetime) -> list[IngestionRecord]:
        return []


class _Uow:
    def __init__(self, log: _Log) -> None:
        self.series = log

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        pass

    def commit(self) -> None:
        pass


def _service(rows: list[AreaMinute]) -> tuple[SeriesService, _Log]:
    log = _Log(rows)
    names = {STREET: {"zh-Hans": "新街口街道"}}
    return SeriesService(lambda: _Uow(log), Clock(minute(0)), names), log


def test_queries_are_checked_and_default_to_the_last_day() -> None:
    service, log = _service([AreaMinute(STREET, minute(k), None, None, 4, 4) for k in range(3)])
    start = minute(0)
    for area, begin, end, field in [
        ("nowhere", None, None, "area"),
        (None, start.replace(tzinfo=None), None, "from"),
        (None, start, start, "to"),
        (None, start, start + timedelta(days=8), "to"),
    ]:
        with pytest.raises(WarningInputError) as refused:
            service.series(area, begin, end)
        assert refused.value.field == field
    assert len(service.series()) == 3
    assert log.asked[-1] == (
        None,
        minute(2) - timedelta(hours=24) + timedelta(minutes=1),
        minute(3),
    )
    assert service.day_bounds(date(2026, 7, 20))[0].isoformat() == "2026-07-20T00:00:00+08:00"
    assert _service([])[0].series() == [] and _service([])[0].is_empty()


def test_an_areas_day_gives_its_highest_level_first_reached_its_peaks_and_fewest() -> None:
    levels = [None, "blue", "orange", "red", "orange", "red", None]
    rows = [
        AreaMinute(
            STREET,
            minute(k),
            level,
            None,
            4 - (k == 4),
            4,
            {"rain_1h": 100 * k, "rain_3h": 1000 - k},
            {"rain_1h": 0, "rain_3h": 0},
            {"rain_1h": f"XC020{k % 4 + 1}", "rain_3h": "XC0204"},
        )
        for k, level in enumerate(levels)
    ]
    day = area_day(STREET, {"zh-Hans": "新街口街道"}, rows, [])
    assert (day.highest, day.highest_at) == ("red", minute(3))
    assert (day.fewest_reporting, day.fewest_at, day.stations, day.minutes) == (3, minute(4), 4, 7)
    peaks = {p.window: (p.mm, p.station, p.at) for p in day.peaks}
    assert peaks == {
        "rain_1h": (Decimal("6.00"), "XC0203", minute(6)),
        "rain_3h": (Decimal("10.00"), "XC0204", minute(0)),
    }
    empty = area_day(STREET, {}, [], [])
    assert (empty.highest, empty.peaks, empty.fewest_reporting) == (None, (), None)
