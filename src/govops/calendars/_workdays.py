"""Shared working-day rules: the deadline count and day classification from ``holidays`` data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from govops.lawcode.dated.calendar import DayStatus, WorkingDayResult
from govops.lawcode.texts.messages import Message, msg

if TYPE_CHECKING:
    import holidays

MAX_DAYS = 3660  # about ten years: far beyond any statutory deadline, so larger input is a bug
_MAX_SCAN = 2 * MAX_DAYS + 366  # hard stop for the day-by-day walk
_SATURDAY = 5

DayStatusLookup = Callable[[date], DayStatus]


class CalendarRangeError(ValueError):
    """A count of working days the calendar does not make; `message` says why (translated
    where shown; str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def is_weekend(day: date) -> bool:
    return day.weekday() >= _SATURDAY


def make_status(day: date, working_day: bool, reason: str, provisional: bool) -> DayStatus:
    """Build a DayStatus, flagging in the reason that the year's schedule is only estimated."""
    if provisional:
        reason = f"{reason} (provisional: {day.year} schedule not confirmed)"
    return DayStatus(day=day, working_day=working_day, provisional=provisional, reason=reason)


@lru_cache(maxsize=128)
def _holiday_table(country: str, year: int, language: str) -> holidays.HolidayBase:
    # The language is explicit: by default `holidays` picks names from the process locale.
    # Imported here: a tenth of a second that commands counting no working day need not pay.
    import holidays  # noqa: PLC0415

    return holidays.country_holidays(country, years=year, language=language)


def classify_by_holidays(
    day: date, country: str, language: str, make_up_reason: str
) -> tuple[bool, str]:
    """Working-day flag and reason from the ``holidays`` package's data for ``country``."""
    table = _holiday_table(country, day.year, language)
    name = table.get(day)
    if name is not None:
        return False, f"holiday: {name}"
    if not is_weekend(day):
        return True, "weekday"
    if day in table.weekend_workdays:
        return True, make_up_reason
    return False, "weekend"


def count_working_days(lookup: DayStatusLookup, start: date, days: int) -> WorkingDayResult:
    """The ``days``-th working day after ``start``; ``days == 0`` rolls a non-working start on."""
    _check_days(days)
    provisional = False
    remaining = days
    if days == 0:
        first = lookup(start)
        if first.working_day:
            return WorkingDayResult(start, days, start, first.provisional)
        provisional, remaining = first.provisional, 1
    day = start
    for _ in range(_MAX_SCAN):
        if day == date.max:
            raise CalendarRangeError(
                msg(
                    "counting {days} working days from {start} runs past {last}, the last "
                    "date supported",
                    days=days,
                    start=start,
                    last=date.max,
                )
            )
        day += timedelta(days=1)
        status = lookup(day)
        provisional = provisional or status.provisional
        if status.working_day:
            remaining -= 1
        if remaining == 0:
            return WorkingDayResult(start, days, day, provisional)
    raise RuntimeError(f"no working day found within {_MAX_SCAN} days of {start}")


def _check_days(days: int) -> None:
    if days < 0:
        raise CalendarRangeError(
            msg("days must be zero or positive, got {days}; count forward only", days=days)
        )
    if days > MAX_DAYS:
        raise CalendarRangeError(
            msg("days must be at most {limit}, got {days}", limit=MAX_DAYS, days=days)
        )
