"""A cadence a plan requires of a recurring duty (每半年召开一次, 每季度召开一次, 每2年至少
…一次, 3年组织一次), and where a subject stands against it on a day, from the dates the
duty was done.

The plan's words are read one of two ways, the pack saying which (a reading):

- windows: the months from the plan's start are cut into windows of the cadence's length
  (half-years January-June and July-December, quarters, two-year windows 2021-2022 ...);
  each window needs at least one occurrence;
- since_last: the next occurrence is due within the cadence's length of the last one (to
  the same day of the month, Civil Code arts. 201-202), even
  one before the plan (of the plan's start, before any); one whose deadline fell before the
  plan is due on the plan's first day.

Kept: the current window holds one (the deadline is ahead of the last one); due: not yet,
and nothing is behind; overdue: the window before this one ended with none and this one
has none yet (the deadline passed). Every window that ended with none stays listed as
missed: a missed meeting is not made up by the next one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from govops.lawcode.dated.procedures import Text
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg


class Counted(Enum):
    WINDOWS = "windows"
    SINCE_LAST = "since_last"


class Standing(Enum):
    KEPT = "kept"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Cadence:
    id: str
    title: Text
    months: int  # the cadence's length: 3 a quarter, 6 a half-year, 24 two years
    counted: Counted
    start: date  # the plan's start: the first window opens, the first deadline runs, here
    cite: Citation
    reading: Text | None = None  # why the words are read so


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date  # the window's last day


@dataclass(frozen=True, slots=True)
class CadenceStanding:
    cadence: str
    subject: str  # the unit or enterprise the duty falls on
    standing: Standing
    deadline: date | None  # the last day of the current window, or the deadline
    missed: tuple[Window, ...]  # windows that ended with no occurrence
    last: date | None  # the last occurrence on or before the day
    reason: Message


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def windows(cadence: Cadence, through: date) -> list[Window]:
    """The windows from the plan's start that have opened by `through`."""
    found: list[Window] = []
    opens = cadence.start
    while opens <= through:
        closes = add_months(cadence.start, cadence.months * (len(found) + 1))
        found.append(Window(opens, closes - timedelta(days=1)))
        opens = closes
    return found


def stand(cadence: Cadence, subject: str, done: Iterable[date], on: date) -> CadenceStanding:
    """Where `subject` stands against `cadence` on `on`, from the days the duty was done
    (days after `on` are not counted)."""
    days = sorted(d for d in done if d <= on)
    last = days[-1] if days else None
    if cadence.counted is Counted.WINDOWS:
        days = [d for d in days if d >= cadence.start]
        last = days[-1] if days else None
    if on < cadence.start:
        return CadenceStanding(
            cadence.id, subject, Standing.KEPT, None, (), None, msg("not yet required")
        )
    if cadence.counted is Counted.SINCE_LAST:
        return _since_last(cadence, subject, last, on)
    opened = windows(cadence, on)
    missed = tuple(w for w in opened[:-1] if not any(w.start <= d <= w.end for d in days))
    current = opened[-1]
    if last is not None and last >= current.start:
        said = msg("held on {day} in the window to {end}", day=last, end=current.end)
        standing = Standing.KEPT
    elif missed and missed[-1] == opened[-2]:
        said = msg(
            "none in the window {start} to {end}, none yet in this one (to {deadline})",
            start=missed[-1].start,
            end=missed[-1].end,
            deadline=current.end,
        )
        standing = Standing.OVERDUE
    else:
        standing, said = Standing.DUE, msg("due by {end}", end=current.end)
    return CadenceStanding(cadence.id, subject, standing, current.end, missed, last, said)


def _since_last(cadence: Cadence, subject: str, last: date | None, on: date) -> CadenceStanding:
    # From a day something was done, the day itself is not counted and the period ends on
    # the same day of the month `months` later, or the month's last day (Civil Code arts.
    # 201, 202); from the plan's start, its first day is the period's first.
    if last is None:
        deadline = add_months(cadence.start, cadence.months) - timedelta(days=1)
    else:
        deadline = add_months(last, cadence.months)
    behind = deadline < cadence.start  # fell due before the plan: due on its first day
    deadline = max(deadline, cadence.start)
    if on > deadline:
        said = msg("overdue since {deadline}", deadline=deadline + timedelta(days=1))
        standing = Standing.OVERDUE
    elif last is None or behind:
        standing, said = Standing.DUE, msg("due by {deadline}", deadline=deadline)
    else:
        said = msg("held on {day}, next due by {deadline}", day=last, deadline=deadline)
        standing = Standing.KEPT
    return CadenceStanding(cadence.id, subject, standing, deadline, (), last, said)
