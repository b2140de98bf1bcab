"""A duty roster and its gaps. The plan asks 24-hour duty at the district's and the
streets' command centres with a commander leading each shift (三(七)1: 24小时应急值守制度,
指挥长带班): every moment of a period needs someone on duty in each role the pack
requires at a centre; a moment no shift covers is a gap (an alert)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Shift:
    centre: str  # the unit whose command centre it is
    role: str  # as the pack names it: duty_officer, commander
    person: str
    start: datetime  # aware
    end: datetime  # aware, after start


@dataclass(frozen=True, slots=True)
class Gap:
    centre: str
    role: str
    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def gaps(
    shifts: Iterable[Shift], centre: str, roles: Sequence[str], start: datetime, end: datetime
) -> list[Gap]:
    """The stretches of [`start`, `end`) that no shift of `centre` covers, per role, in
    the order of `roles`, then of time."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("a roster is read on aware datetimes")
    found: list[Gap] = []
    mine = [s for s in shifts if s.centre == centre]
    for role in roles:
        covered_to = start
        for shift in sorted((s for s in mine if s.role == role), key=lambda s: s.start):
            if shift.end <= covered_to or shift.start >= end:
                continue
            if shift.start > covered_to:
                found.append(Gap(centre, role, covered_to, shift.start))
            covered_to = max(covered_to, shift.end)
        if covered_to < end:
            found.append(Gap(centre, role, covered_to, end))
    return found
