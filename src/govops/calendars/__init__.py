"""National working-day calendars behind the ``WorkingDayCalendar`` port."""

from __future__ import annotations

from collections.abc import Callable

from govops.calendars._workdays import CalendarRangeError
from govops.calendars.cn import ChinaCalendar
from govops.calendars.vn import VietnamCalendar
from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.texts.messages import Message, msg

__all__ = [
    "CalendarRangeError",
    "ChinaCalendar",
    "UnknownJurisdiction",
    "VietnamCalendar",
    "calendar_for",
]

_CALENDARS: dict[str, Callable[[], WorkingDayCalendar]] = {
    "CN": ChinaCalendar,
    "VN": VietnamCalendar,
}


class UnknownJurisdiction(ValueError):  # noqa: N818 - public name fixed by the API
    """No working-day calendar exists for the requested jurisdiction; `message` says which
    there are (translated where shown; str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def calendar_for(jurisdiction: str) -> WorkingDayCalendar:
    """The working-day calendar for a jurisdiction code such as "CN" or "vn"."""
    make_calendar = _CALENDARS.get(jurisdiction.strip().upper())
    if make_calendar is None:
        supported = ", ".join(sorted(_CALENDARS))
        raise UnknownJurisdiction(
            msg(
                "no working-day calendar for jurisdiction {jurisdiction}; supported: {supported}",
                jurisdiction=repr(jurisdiction),
                supported=supported,
            )
        )
    return make_calendar()
