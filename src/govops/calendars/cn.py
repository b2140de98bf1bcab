"""China's working-day calendar.

``chinesecalendar`` carries the State Council's published schedules, make-up working days
(调休) included. For years it has no data for, the ``holidays`` package's statutory holidays
plus weekends give an estimate, marked provisional until the real schedule is published.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import chinese_calendar

from govops.calendars._workdays import (
    classify_by_holidays,
    count_working_days,
    is_weekend,
    make_status,
)
from govops.lawcode.dated.calendar import DayStatus, WorkingDayResult

MAKE_UP_REASON = "make-up working day (调休)"

# chinesecalendar names holidays in English; its Holiday enum also knows the Chinese name.
_CHINESE_NAMES: dict[str, str] = {
    holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday
}


class ChinaCalendar:
    """Working days for public bodies in mainland China."""

    jurisdiction: str = "CN"

    def day_status(self, day: date) -> DayStatus:
        if _package_covers(day.year):
            working, reason = _classify_by_package(day)
            return make_status(day, working, reason, provisional=False)
        working, reason = classify_by_holidays(day, "CN", "zh_CN", MAKE_UP_REASON)
        return make_status(day, working, reason, provisional=True)

    def add_working_days(self, start: date, days: int) -> WorkingDayResult:
        return count_working_days(self.day_status, start, days)


@cache
def _package_covers(year: int) -> bool:
    """Whether ``chinesecalendar`` has data for ``year`` (it raises for years it lacks)."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def _classify_by_package(day: date) -> tuple[bool, str]:
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if not on_holiday:
        # A weekend day that is not a day off is a make-up working day.
        return True, MAKE_UP_REASON if is_weekend(day) else "weekday"
    if name:
        return False, f"holiday: {_CHINESE_NAMES.get(name, name)}"
    return False, "weekend"
