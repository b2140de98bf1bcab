"""National working-day calendars behind the ``WorkingDayCalendar`` port."""

from __future__ import annotations

from collections.abc import Callable

from govops.calendars.cn import ChinaCalendar
from govops.calendars.vn import VietnamCalendar
from govops.lawcode.dated.calendar import WorkingDayCalendar

__all__ = ["ChinaCalendar", "UnknownJurisdiction", "VietnamCalendar", "calendar_for"]

_CALENDARS: dict[str, Callable[[], WorkingDayCalendar]] = {
    "CN": ChinaCalendar,
    "VN": VietnamCalendar,
}


class UnknownJurisdiction(ValueError):  # noqa: N818 - public name fixed by the API
    """No working-day calendar exists for the requested jurisdiction."""


def calendar_for(jurisdiction: str) -> WorkingDayCalendar:
    """The working-day calendar for a jurisdiction code such as "CN" or "vn"."""
    make_calendar = _CALENDARS.get(jurisdiction.strip().upper())
    if make_calendar is None:
        supported = ", ".join(sorted(_CALENDARS))
        raise UnknownJurisdiction(
            f"no working-day calendar for jurisdiction {jurisdiction!r}; supported: {supported}"
        )
    return make_calendar()
