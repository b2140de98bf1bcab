"""Vietnam's working-day calendar for public offices, from the ``holidays`` package.

Its data includes the Tết breaks, substituted days off and the Saturdays worked in exchange.
Vietnam's Government decides each year's compensatory schedule, so years after
``VN_CONFIRMED_THROUGH`` are estimates until the package is updated and the constant raised.
"""

from __future__ import annotations

from datetime import date

from govops.calendars._workdays import classify_by_holidays, count_working_days, make_status
from govops.lawcode.dated.calendar import DayStatus, WorkingDayResult

VN_CONFIRMED_THROUGH = 2026

# Earlier years are provisional for two reasons. Public offices worked six days a week until
# the 40-hour week of Decision 188/1999/QĐ-TTg took effect on 2 October 1999, so treating
# Saturdays as days off is wrong before then. And for older years `holidays` projects today's
# holiday rules backwards (it lists 30/4 Reunification Day even for years before 1975).
VN_CONFIRMED_FROM = 2000

MAKE_UP_REASON = "make-up working day (làm bù)"


class VietnamCalendar:
    """Working days for public offices in Vietnam: Monday to Friday, less public holidays."""

    jurisdiction: str = "VN"

    def day_status(self, day: date) -> DayStatus:
        working, reason = classify_by_holidays(day, "VN", "vi", MAKE_UP_REASON)
        confirmed = VN_CONFIRMED_FROM <= day.year <= VN_CONFIRMED_THROUGH
        return make_status(day, working, reason, provisional=not confirmed)

    def add_working_days(self, start: date, days: int) -> WorkingDayResult:
        return count_working_days(self.day_status, start, days)
