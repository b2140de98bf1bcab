"""Legal deadlines: when a reporting obligation falls due, and how sure that date is."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from govops.lawcode.dated.procedures import Deadline, Due, SpanUnit, Stage
from tests.unit.lawcode.builders import FakeCalendar, cite

BEIJING = timezone(timedelta(hours=8))
FRIDAY_10AM = datetime(2024, 6, 7, 10, 0, tzinfo=BEIJING)
END_OF_DAY = (23, 59, 59, 999999)


def deadline(amount: int, unit: SpanUnit) -> Deadline:
    return Deadline(
        id="initial-report",
        title={"en": "Initial report"},
        stage=Stage.INCIDENT,
        trigger="incident_known",
        applies_to=("level_i", "level_ii"),
        amount=amount,
        unit=unit,
        reporter={"en": "county office"},
        recipient={"en": "city office"},
        cite=cite("6.1.3(4)①"),
    )


def test_immediately_is_due_at_once() -> None:
    assert deadline(0, SpanUnit.IMMEDIATELY).due(FRIDAY_10AM) == Due(FRIDAY_10AM, False)


@pytest.mark.parametrize(
    ("hours", "at"),
    [
        (1, datetime(2024, 6, 7, 11, 0, tzinfo=BEIJING)),
        (2, datetime(2024, 6, 7, 12, 0, tzinfo=BEIJING)),
        (24, datetime(2024, 6, 8, 10, 0, tzinfo=BEIJING)),  # weekends count for hours
        (38, datetime(2024, 6, 9, 0, 0, tzinfo=BEIJING)),
    ],
)
def test_hours_are_counted_from_the_start(hours: int, at: datetime) -> None:
    assert deadline(hours, SpanUnit.HOURS).due(FRIDAY_10AM) == Due(at, False)


@pytest.mark.parametrize(
    ("days", "at"),
    [
        (1, datetime(2024, 6, 8, 10, 0, tzinfo=BEIJING)),
        (3, datetime(2024, 6, 10, 10, 0, tzinfo=BEIJING)),
        (30, datetime(2024, 7, 7, 10, 0, tzinfo=BEIJING)),
    ],
)
def test_calendar_days_keep_the_time_of_day(days: int, at: datetime) -> None:
    due = deadline(days, SpanUnit.CALENDAR_DAYS).due(FRIDAY_10AM, FakeCalendar())

    assert due == Due(at, False)


@pytest.mark.parametrize(
    ("start_day", "days", "due_day"),
    [
        (date(2024, 6, 7), 1, date(2024, 6, 10)),  # Friday + 1 working day: Monday
        (date(2024, 6, 3), 1, date(2024, 6, 4)),
        (date(2024, 6, 3), 5, date(2024, 6, 10)),
        (date(2024, 6, 8), 1, date(2024, 6, 10)),  # from a Saturday
        (date(2024, 6, 7), 10, date(2024, 6, 21)),
    ],
)
def test_working_days_end_at_the_end_of_the_last_working_day(
    start_day: date, days: int, due_day: date
) -> None:
    start = datetime.combine(start_day, time(15, 0), BEIJING)

    due = deadline(days, SpanUnit.WORKING_DAYS).due(start, FakeCalendar())

    assert due == Due(datetime.combine(due_day, time.max, BEIJING), False)


def test_working_days_are_counted_from_the_local_date_of_the_start() -> None:
    calendar = FakeCalendar()
    late_friday = datetime(2024, 6, 7, 23, 30, tzinfo=BEIJING)  # already Saturday in UTC

    due = deadline(1, SpanUnit.WORKING_DAYS).due(late_friday, calendar)

    assert calendar.asked == [(date(2024, 6, 7), 1)]
    assert due.at == datetime(2024, 6, 10, *END_OF_DAY, tzinfo=BEIJING)
    assert due.at.tzinfo is BEIJING


def test_a_count_into_a_year_the_calendar_does_not_confirm_is_provisional() -> None:
    calendar = FakeCalendar(provisional_years=frozenset({2025}))
    start = datetime(2024, 12, 30, 9, 0, tzinfo=BEIJING)  # Monday

    confirmed = deadline(1, SpanUnit.WORKING_DAYS).due(start, calendar)
    provisional = deadline(3, SpanUnit.WORKING_DAYS).due(start, calendar)

    assert confirmed == Due(datetime(2024, 12, 31, *END_OF_DAY, tzinfo=BEIJING), False)
    assert provisional == Due(datetime(2025, 1, 2, *END_OF_DAY, tzinfo=BEIJING), True)


@pytest.mark.parametrize("unit", list(SpanUnit))
def test_a_naive_start_time_is_refused(unit: SpanUnit) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        deadline(1, unit).due(datetime(2024, 6, 7, 10, 0), FakeCalendar())


def test_working_days_without_a_calendar_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^deadline 'initial-report' counts working days"):
        deadline(1, SpanUnit.WORKING_DAYS).due(FRIDAY_10AM)


@pytest.mark.parametrize("unit", [SpanUnit.IMMEDIATELY, SpanUnit.HOURS, SpanUnit.CALENDAR_DAYS])
def test_other_units_need_no_calendar(unit: SpanUnit) -> None:
    assert deadline(1, unit).due(FRIDAY_10AM).provisional is False


@pytest.mark.parametrize(
    ("start", "wall_clock"),
    [
        (datetime(2024, 3, 31, 1, 30), datetime(2024, 3, 31, 4, 30)),  # 02:00 -> 03:00
        (datetime(2024, 10, 27, 1, 30), datetime(2024, 10, 27, 2, 30)),  # 03:00 -> 02:00
    ],
    ids=["spring-forward", "fall-back"],
)
def test_hours_are_elapsed_hours_across_a_daylight_saving_change(
    start: datetime, wall_clock: datetime
) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    aware = start.replace(tzinfo=berlin)

    due = deadline(2, SpanUnit.HOURS).due(aware)

    assert due.at.astimezone(UTC) - aware.astimezone(UTC) == timedelta(hours=2)
    assert due.at.replace(tzinfo=None) == wall_clock
    assert due.provisional is False
