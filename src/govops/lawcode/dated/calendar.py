"""The calendar port: working-day facts a deadline needs, with how sure the data is.

A national working-day schedule is decided year by year (China publishes next year's 调休
around late November), so every answer says whether the year is confirmed by data or only
estimated. Callers must show a provisional answer as provisional and recompute it later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True, slots=True)
class DayStatus:
    day: date
    working_day: bool
    provisional: bool
    reason: str  # e.g. "weekend", "holiday: 国庆节", "make-up working day", "weekday"


@dataclass(frozen=True, slots=True)
class WorkingDayResult:
    start: date
    days: int
    result: date
    provisional: bool  # true when any day counted lies in a year the data does not confirm


class WorkingDayCalendar(Protocol):
    jurisdiction: str

    def day_status(self, day: date) -> DayStatus: ...

    def add_working_days(self, start: date, days: int) -> WorkingDayResult: ...
