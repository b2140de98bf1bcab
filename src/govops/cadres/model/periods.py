"""Date arithmetic for career records: completed years by anniversary, the union of
periods of service, and periods of N years counted from an event ("N年内").

A period runs from its first day up to, not including, its end (the day the next post
starts, or the record's as_of date for a post still held), so a post held from 2021-07-01
has lasted exactly 5 years on 2026-07-01.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def completed_years(start: date, end: date) -> int:
    """Whole years from start to end, counted by anniversaries: 2021-07-01 to 2026-07-01
    is 5, to 2026-06-30 is 4. An anniversary of 29 February falls on 1 March in a common
    year. Never negative."""
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return max(years, 0)


def period_last_day(event: date, years: int) -> date:
    """The last day of a period of `years` years counted from the day of `event` ("N年内"),
    as the Civil Code counts periods in years: the day of the event is not counted, the
    period begins the next day (art. 201), and it ends on the corresponding day of its last
    year, or on the last day of that month when it has no such day (art. 202): from
    2024-06-30, one year runs through 2025-06-30; from 2024-02-29, through 2025-02-28."""
    try:
        return event.replace(year=event.year + years)
    except ValueError:
        return date(event.year + years, 2, 28)


def years_elapsed(event: date, day: date) -> int:
    """Whole years of such periods (period_last_day) run out before `day`: a bar of two
    years from 2024-06-30 still holds on 2026-06-30 (1 elapsed) and is over on 2026-07-01
    (2 elapsed). Never negative."""
    years = day.year - event.year
    if years > 0 and period_last_day(event, years) >= day:
        years -= 1
    return max(years, 0)


def merged(periods: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """The union of half-open periods [start, end) as disjoint periods, in order."""
    result: list[tuple[date, date]] = []
    for start, end in sorted(p for p in periods if p[0] < p[1]):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def union_days(periods: Iterable[tuple[date, date]]) -> int:
    """Days covered by at least one of the half-open periods [start, end)."""
    return sum((end - start).days for start, end in merged(periods))


def completed_years_of_union(periods: Iterable[tuple[date, date]]) -> int:
    """Whole years of service in several periods: the periods are first merged where they
    overlap or touch; each merged period gives its completed years by anniversary and the
    days left after its last anniversary; the leftover days of all periods together count
    one year per full 365. For one unbroken period this is completed_years(start, end)."""
    years = leftover = 0
    for start, end in merged(periods):
        whole = completed_years(start, end)
        years += whole
        leftover += (end - _anniversary(start, whole)).days
    return years + leftover // 365


def _anniversary(start: date, years: int) -> date:
    """start + years; 29 February falls on 1 March in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)
