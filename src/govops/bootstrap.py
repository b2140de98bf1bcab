"""The composition root: the one place that wires packs, calendars and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from govops.calendars import calendar_for
from govops.lawcode.calendar import WorkingDayCalendar
from govops.lawcode.pack import Pack
from govops.packs import open_pack


def _now() -> datetime:
    return datetime.now(ZoneInfo("UTC"))


@dataclass(frozen=True)
class Services:
    open_pack: Callable[[str], Pack] = open_pack
    calendar: Callable[[str], WorkingDayCalendar] = calendar_for
    clock: Callable[[], datetime] = field(default=_now)

    def today(self, timezone: str) -> date:
        """Today in the pack's own timezone: a rule's date is the date where it applies."""
        return self.clock().astimezone(ZoneInfo(timezone)).date()


def build_services() -> Services:
    return Services()
