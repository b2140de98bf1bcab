"""Procedural content of a pack: legal deadlines, response checklists and catalogues.

These are data the modules act on (an incident's reporting clock, the duty officer's
checklist), each item cited like every rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

from govops.lawcode.dated.calendar import WorkingDayCalendar
from govops.lawcode.sources.citations import Citation

Text = Mapping[str, str]  # language tag -> text, e.g. {"zh-Hans": ..., "en": ...}


class SpanUnit(Enum):
    IMMEDIATELY = "immediately"  # 立即: no fixed span; due at once and shown as such
    HOURS = "hours"
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"


@dataclass(frozen=True, slots=True)
class Due:
    at: datetime
    provisional: bool  # a working-day count through a year the calendar does not confirm


class Stage(Enum):
    WARNING = "warning"  # warning-stage information (预警信息), before any incident
    INCIDENT = "incident"  # an incident that has happened and is graded


@dataclass(frozen=True, slots=True)
class Deadline:
    id: str
    title: Text
    stage: Stage
    trigger: str  # the event that starts the clock, e.g. "warning_information_obtained"
    applies_to: tuple[str, ...]  # outcomes (grades) the deadline applies to
    amount: int
    unit: SpanUnit
    reporter: Text
    recipient: Text
    cite: Citation

    def due(self, start: datetime, calendar: WorkingDayCalendar | None = None) -> Due:
        """When the obligation falls due, for a clock started at `start` (timezone-aware).
        A span in working days ends at the end of the last working day counted."""
        if start.tzinfo is None:
            raise ValueError("deadline clocks need a timezone-aware start time")
        if self.unit is SpanUnit.IMMEDIATELY:
            return Due(start, False)
        if self.unit is SpanUnit.HOURS:
            # Elapsed hours: computed in UTC, as aware-datetime arithmetic is wall-clock time.
            elapsed = start.astimezone(UTC) + timedelta(hours=self.amount)
            return Due(elapsed.astimezone(start.tzinfo), False)
        if self.unit is SpanUnit.CALENDAR_DAYS:
            return Due(start + timedelta(days=self.amount), False)
        if calendar is None:
            raise ValueError(f"deadline {self.id!r} counts working days and needs a calendar")
        counted = calendar.add_working_days(start.date(), self.amount)
        end_of_day = datetime.combine(counted.result, datetime.max.time(), start.tzinfo)
        return Due(end_of_day, counted.provisional)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    applies_to: tuple[str, ...]
    actor: Text  # as the plan names them; empty where it names no one (never guessed)
    text: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """An entry of a cited list: a report's required contents, warning types, triggers."""

    id: str
    text: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class Catalogue:
    id: str
    title: Text
    items: tuple[CatalogueItem, ...]
