"""Counting near the ends of the date range: a clear ValueError, never an OverflowError."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from govops.calendars import ChinaCalendar, VietnamCalendar
from govops.lawcode.dated.calendar import WorkingDayCalendar

CALENDARS: list[WorkingDayCalendar] = [ChinaCalendar(), VietnamCalendar()]


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: c.jurisdiction)
@pytest.mark.parametrize("start", [date(9999, 12, 28), date.max])
def test_counting_past_the_last_date_is_a_value_error(
    calendar: WorkingDayCalendar, start: date
) -> None:
    with pytest.raises(ValueError, match="runs past 9999-12-31, the last date supported"):
        calendar.add_working_days(start, 5)


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: c.jurisdiction)
def test_counting_up_to_the_last_date_still_works(calendar: WorkingDayCalendar) -> None:
    # 9999-12-31 is a Friday, and year 9999 has no holiday data: Monday to Friday all count.
    result = calendar.add_working_days(date(9999, 12, 26), 5)
    assert result.result == date.max
    assert result.provisional


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: c.jurisdiction)
def test_zero_days_on_the_last_date_is_that_date(calendar: WorkingDayCalendar) -> None:
    assert calendar.add_working_days(date.max, 0).result == date.max


@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda c: c.jurisdiction)
@pytest.mark.parametrize(
    "day",
    [date.max - timedelta(days=n) for n in range(7)]
    + [date.min + timedelta(days=n) for n in range(7)],
)
def test_day_status_works_at_both_ends_of_the_date_range(
    calendar: WorkingDayCalendar, day: date
) -> None:
    status = calendar.day_status(day)
    assert status.day == day
    assert status.provisional
    assert status.working_day == (day.weekday() < 5)
