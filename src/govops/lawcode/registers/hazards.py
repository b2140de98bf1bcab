"""Hazards found, ordered rectified by a deadline and verified (三(六)2: 隐患排查治理,
确保各类安全隐患及时发现并有效整改). The plan sets no number of days: each hazard's
deadline is the one its rectification order gives. Where a hazard stands on a day:

- open: not rectified, the deadline ahead;
- overdue: not rectified, the deadline passed (an alert);
- awaiting verification: rectified, not yet verified;
- closed: rectified and verified (`late` when rectified after the deadline)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from govops.lawcode.texts.messages import Message, msg


class HazardStanding(Enum):
    OPEN = "open"
    OVERDUE = "overdue"
    AWAITING_VERIFICATION = "awaiting_verification"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Hazard:
    id: str
    unit: str  # the street (or district) whose list holds it
    found: date
    deadline: date  # as the rectification order gives it
    rectified: date | None = None
    verified: date | None = None


@dataclass(frozen=True, slots=True)
class HazardState:
    hazard: str
    standing: HazardStanding
    late: bool  # rectified (or still not) after the deadline
    reason: Message


def stand(hazard: Hazard, on: date) -> HazardState:
    """Where `hazard` stands on `on` (what is dated after `on` is not counted)."""
    rectified = hazard.rectified if hazard.rectified and hazard.rectified <= on else None
    verified = hazard.verified
    if rectified is None or verified is None or not rectified <= verified <= on:
        verified = None  # a verification counts on or after the rectification, by `on`
    if rectified is None:
        if on > hazard.deadline:
            said = msg("not rectified, the deadline was {deadline}", deadline=hazard.deadline)
            return HazardState(hazard.id, HazardStanding.OVERDUE, True, said)
        said = msg("to be rectified by {deadline}", deadline=hazard.deadline)
        return HazardState(hazard.id, HazardStanding.OPEN, False, said)
    late = rectified > hazard.deadline
    if verified is None:
        said = msg("rectified on {day}, not yet verified", day=rectified)
        return HazardState(hazard.id, HazardStanding.AWAITING_VERIFICATION, late, said)
    said = msg("rectified on {day}, verified on {verified}", day=rectified, verified=verified)
    return HazardState(hazard.id, HazardStanding.CLOSED, late, said)
