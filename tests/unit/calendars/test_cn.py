"""China calendar: dates checked against chinesecalendar 1.11 and holidays 0.108."""

from __future__ import annotations

from datetime import date

import pytest

from govops.calendars import ChinaCalendar, UnknownJurisdiction, calendar_for

CN = ChinaCalendar()


def test_make_up_saturday_before_national_day_is_a_working_day() -> None:
    status = CN.day_status(date(2026, 9, 20))  # Sunday worked for the 2026 National Day break
    assert status.working_day
    assert status.reason == "make-up working day (调休)"
    assert not status.provisional


def test_make_up_saturday_after_national_day_is_a_working_day() -> None:
    assert CN.day_status(date(2026, 10, 10)).working_day


@pytest.mark.parametrize("day", [date(2026, 10, d) for d in range(1, 8)])
def test_national_day_week_is_not_working(day: date) -> None:
    status = CN.day_status(day)
    assert not status.working_day
    assert status.reason == "holiday: 国庆节"


def test_ordinary_weekend_and_weekday() -> None:
    assert CN.day_status(date(2026, 9, 19)).reason == "weekend"
    assert CN.day_status(date(2026, 9, 18)).reason == "weekday"


def test_year_without_published_schedule_is_provisional() -> None:
    status = CN.day_status(date(2027, 10, 1))
    assert status.provisional
    assert not status.working_day
    assert status.reason == "holiday: 国庆节 (provisional: 2027 schedule not confirmed)"


def test_ordinary_day_in_unpublished_year_is_provisional_too() -> None:
    status = CN.day_status(date(2027, 3, 8))
    assert status.working_day
    assert status.provisional


def test_counting_skips_the_national_day_week() -> None:
    result = CN.add_working_days(date(2026, 9, 30), 1)
    assert result.result == date(2026, 10, 8)
    assert not result.provisional


def test_five_working_days_from_a_friday_lands_on_the_next_friday() -> None:
    assert CN.add_working_days(date(2026, 3, 6), 5).result == date(2026, 3, 13)


def test_five_working_days_from_a_friday_counts_the_make_up_sunday() -> None:
    # Fri 18 Sep 2026 -> Sun 20 (调休), Mon 21, Tue 22, Wed 23, Thu 24.
    assert CN.add_working_days(date(2026, 9, 18), 5).result == date(2026, 9, 24)


def test_zero_days_on_a_holiday_moves_to_the_next_working_day() -> None:
    result = CN.add_working_days(date(2026, 10, 1), 0)
    assert result.result == date(2026, 10, 8)
    assert result.days == 0


def test_zero_days_on_a_working_day_keeps_the_start() -> None:
    assert CN.add_working_days(date(2026, 9, 18), 0).result == date(2026, 9, 18)


def test_counting_into_an_unpublished_year_is_provisional() -> None:
    result = CN.add_working_days(date(2026, 12, 30), 2)
    assert result.result == date(2027, 1, 4)
    assert result.provisional


def test_negative_days_are_rejected() -> None:
    with pytest.raises(ValueError, match="zero or positive"):
        CN.add_working_days(date(2026, 9, 18), -1)


def test_runaway_day_counts_are_rejected() -> None:
    with pytest.raises(ValueError, match="at most"):
        CN.add_working_days(date(2026, 9, 18), 3661)


def test_calendar_for_is_case_insensitive() -> None:
    assert isinstance(calendar_for("cn"), ChinaCalendar)
    assert calendar_for("CN").jurisdiction == "CN"


def test_unknown_jurisdiction_lists_supported_ones() -> None:
    with pytest.raises(UnknownJurisdiction, match="supported: CN, VN"):
        calendar_for("FR")
    assert issubclass(UnknownJurisdiction, ValueError)
