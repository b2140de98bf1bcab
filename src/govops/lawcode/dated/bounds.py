"""The dates the system keeps: from 1 January 1900 to 31 December 2999.

Every date or time a reader gives (a time of occurrence, a day to report on, an "as of"
date, a date in a cadre's record) is checked against them before it is used. Outside them
a time cannot be stored (near year 1 or 9999 it overflows when moved to UTC), a report's
day has no next day, and no document a pack runs speaks of it; such an input is refused,
naming the range, rather than failing later. The working-day calendars count anywhere in
the range (provisionally outside the years whose holidays are published).
"""

from __future__ import annotations

from datetime import date, datetime

from govops.lawcode.texts.messages import Message, msg

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def kept(value: date | datetime) -> bool:
    """Whether the system keeps `value`: a date, or a time on its own date (as given)."""
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


def out_of_range(value: date | datetime) -> Message | None:
    """None when `value` is kept; else what a field refusing it says."""
    if kept(value):
        return None
    return msg("must be between {earliest} and {latest}", earliest=EARLIEST, latest=LATEST)
