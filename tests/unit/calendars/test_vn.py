"""Vietnam calendar: dates checked against holidays 0.108."""

from __future__ import annotations

from datetime import date

import pytest

from govops.calendars import UnknownJurisdiction, VietnamCalendar, calendar_for

VN = VietnamCalendar()


@pytest.mark.parametrize("day", [date(2026, 2, d) for d in range(14, 23)])
def test_tet_2026_break_is_not_working(day: date) -> None:
    status = VN.day_status(day)
    assert not status.working_day
    assert not status.provisional


def test_first_day_after_tet_2026_is_working() -> None:
    assert VN.day_status(date(2026, 2, 23)).working_day
    assert VN.add_working_days(date(2026, 2, 13), 1).result == date(2026, 2, 23)


def test_national_day_and_its_adjacent_day_are_off() -> None:
    assert VN.day_status(date(2026, 9, 2)).reason == "holiday: Quốc khánh"
    assert not VN.day_status(date(2026, 9, 1)).working_day
    assert VN.day_status(date(2026, 9, 3)).working_day


def test_substituted_day_off_and_its_make_up_saturday() -> None:
    assert not VN.day_status(date(2026, 8, 31)).working_day
    saturday = VN.day_status(date(2026, 8, 22))
    assert saturday.working_day
    assert saturday.reason.startswith("make-up working day")


def test_counting_skips_the_national_day_break() -> None:
    assert VN.add_working_days(date(2026, 8, 28), 1).result == date(2026, 9, 3)


def test_vietnam_cultural_day_is_off() -> None:
    status = VN.day_status(date(2026, 11, 24))
    assert not status.working_day
    assert status.reason == "holiday: Ngày Văn hóa Việt Nam"


def test_saturdays_are_not_working_days() -> None:
    assert VN.day_status(date(2026, 3, 7)).reason == "weekend"


def test_year_after_confirmed_range_is_provisional() -> None:
    status = VN.day_status(date(2027, 3, 3))
    assert status.working_day
    assert status.provisional
    assert status.reason == "weekday (provisional: 2027 schedule not confirmed)"


def test_years_before_the_five_day_week_are_provisional() -> None:
    assert VN.day_status(date(1995, 3, 4)).provisional


def test_calendar_for_vn_is_case_insensitive() -> None:
    assert isinstance(calendar_for("vn"), VietnamCalendar)


def test_unknown_jurisdiction_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="'XX'"):
        calendar_for("XX")
    with pytest.raises(UnknownJurisdiction):
        calendar_for("")
