"""The incident as a sequence of append-only events, and its state folded from them.

Nothing is overwritten: a follow-up report (续报) adds an event with its figures and
grade; the incident's current grade, deadlines and checklist are read from the events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from govops.lawcode.texts.messages import Message, msg


class Stage(StrEnum):
    WARNING = "warning"  # 预警信息: signs of a possible incident (5.2)
    INCIDENT = "incident"  # an incident under way (6)


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class EventKind(StrEnum):
    REPORTED = "reported"
    FOLLOW_UP = "follow_up"
    REGRADED = "regraded"
    ACTION_DONE = "action_done"
    DEADLINE_MET = "deadline_met"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Event:
    incident_id: str
    seq: int  # 1, 2, ... per incident: the order of what happened
    kind: EventKind
    at: datetime
    actor: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Report:
    """The first report (number 0) or a numbered follow-up (续报 1, 2, ...)."""

    number: int
    at: datetime
    actor: str
    inputs: dict[str, Any]  # as given: 约5000 stays 约5000; the decision has the values
    grade: str | None
    decision: dict[str, Any]  # the explained decision, with trace and why-not
    note: str = ""
    # A follow-up's idempotency key as kept: {"owner", "key", "hash"} (None: sent without)
    sent_with: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class DeadlineState:
    id: str
    title: dict[str, str]
    cite: str
    due: datetime
    provisional: bool
    met_at: datetime | None = None
    applies_to: tuple[str, ...] = ()  # the grades it belongs to; others leave it superseded

    def overdue(self, now: datetime) -> bool:
        return self.met_at is None and now > self.due

    @property
    def late_by(self) -> timedelta | None:
        """How long after it was due the report was made (None: not made, or in time)."""
        if self.met_at is None or self.met_at <= self.due:
            return None
        return self.met_at - self.due


@dataclass(frozen=True, slots=True)
class ActionState:
    id: str
    text: dict[str, str]
    actor: dict[str, str]
    cite: str
    done_at: datetime | None = None
    done_by: str | None = None
    applies_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Regrade:
    at: datetime
    actor: str
    before: str | None
    after: str | None
    reason: str  # language-neutral: "#1: II → I (I-1); note"
    # The same in parts, to be said in the reader's language (None: recorded before
    # they were kept; `reason` is all there is)
    follow_up: int | None = None
    fired: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    stage: Stage
    occurred_at: datetime
    reported_at: datetime
    place: str
    township: str
    summary: str
    causes: tuple[str, ...]
    pack: str  # pack id and version the grades were made with
    departments: tuple[dict[str, str], ...]
    reports: tuple[Report, ...]
    deadlines: tuple[DeadlineState, ...]
    actions: tuple[ActionState, ...]
    regrades: tuple[Regrade, ...] = ()
    status: Status = Status.OPEN
    closure: dict[str, Any] | None = None
    version: int = 0  # the seq of the last event folded in
    events: tuple[Event, ...] = field(default=(), repr=False)
    obtained_at: datetime | None = None  # when the information was obtained (5.2)

    @property
    def grade(self) -> str | None:
        return self.reports[-1].grade

    def current(self, deadline: DeadlineState) -> bool:
        """Whether a deadline still binds: not once the case is closed, nor after a
        downgrade to a grade it does not belong to (it stays in the record, superseded)."""
        if self.status is Status.CLOSED:
            return False
        return not deadline.applies_to or self.grade in deadline.applies_to

    def overdue(self, now: datetime) -> list[DeadlineState]:
        return [d for d in self.deadlines if self.current(d) and d.overdue(now)]


def fold(events: list[Event]) -> Incident:
    """The incident as its events tell it; events must start with REPORTED, in seq order."""
    if not events or events[0].kind is not EventKind.REPORTED:
        raise ValueError("an incident starts with its report")
    incident = _reported(events[0])
    for event in events[1:]:
        incident = _APPLY[event.kind](incident, event)
    return replace(incident, version=events[-1].seq, events=tuple(events))


def _reported(event: Event) -> Incident:
    data = event.data
    report = Report(0, event.at, event.actor, data["inputs"], data["grade"], data["decision"])
    return Incident(
        id=event.incident_id,
        stage=Stage(data["stage"]),
        occurred_at=datetime.fromisoformat(data["occurred_at"]),
        obtained_at=datetime.fromisoformat(data.get("obtained_at") or data["occurred_at"]),
        reported_at=event.at,
        place=data["place"],
        township=data["township"],
        summary=data["summary"],
        causes=tuple(data["causes"]),
        pack=data["pack"],
        departments=tuple(data["departments"]),
        reports=(report,),
        deadlines=tuple(_deadline(d) for d in data["deadlines"]),
        actions=tuple(_action(a) for a in data["actions"]),
    )


def _deadline(data: dict[str, Any]) -> DeadlineState:
    met = data.get("met_at")
    return DeadlineState(
        data["id"],
        data["title"],
        data["cite"],
        datetime.fromisoformat(data["due"]),
        data["provisional"],
        datetime.fromisoformat(met) if met else None,
        tuple(data.get("applies_to", ())),
    )


def _action(data: dict[str, Any]) -> ActionState:
    applies = tuple(data.get("applies_to", ()))
    return ActionState(data["id"], data["text"], data["actor"], data["cite"], applies_to=applies)


def _follow_up(incident: Incident, event: Event) -> Incident:
    data = event.data
    report = Report(
        data["number"],
        event.at,
        event.actor,
        data["inputs"],
        data["grade"],
        data["decision"],
        data["note"],
        data.get("idempotency"),
    )
    known = {d["code"] for d in incident.departments}
    added = tuple(d for d in data.get("departments", []) if d["code"] not in known)
    return replace(
        incident,
        stage=Stage(data.get("stage", incident.stage)),
        reports=(*incident.reports, report),
        deadlines=incident.deadlines + tuple(_deadline(d) for d in data.get("new_deadlines", [])),
        actions=incident.actions + tuple(_action(a) for a in data.get("new_actions", [])),
        departments=incident.departments + added,  # every department ever notified
    )


def regrade_reason(regrade: Regrade, note: object) -> Message | None:
    """Why the grade changed, to be said in the reader's language: the follow-up and the
    clauses it met, then the officer's note (given as `note`: quoted, marked, as the
    caller shows what someone typed); None for a change recorded before its parts were
    kept (its `reason` is all there is)."""
    if regrade.follow_up is None:
        return None
    if regrade.fired:
        clauses = ", ".join(regrade.fired)
        why = msg(
            "follow-up {number}; clauses met: {clauses}", number=regrade.follow_up, clauses=clauses
        )
    else:
        why = msg("follow-up {number}; no clause met", number=regrade.follow_up)
    return msg("{reason}; note: {note}", reason=why, note=note) if regrade.note else why


def regrade_of(event: Event) -> Regrade:
    """The change of grade a REGRADED event records."""
    data = event.data
    return Regrade(
        event.at,
        event.actor,
        data["before"],
        data["after"],
        data["reason"],
        data.get("follow_up"),
        tuple(data.get("fired", ())),
        data.get("note", ""),
    )


def _regraded(incident: Incident, event: Event) -> Incident:
    return replace(incident, regrades=(*incident.regrades, regrade_of(event)))


def _action_done(incident: Incident, event: Event) -> Incident:
    done = event.data["action"]
    actions = tuple(
        replace(a, done_at=event.at, done_by=event.actor)
        if a.id == done and a.done_at is None
        else a
        for a in incident.actions
    )
    return replace(incident, actions=actions)


def _deadline_met(incident: Incident, event: Event) -> Incident:
    met = event.data["deadline"]
    deadlines = tuple(
        replace(d, met_at=event.at) if d.id == met and d.met_at is None else d
        for d in incident.deadlines
    )
    return replace(incident, deadlines=deadlines)


def _closed(incident: Incident, event: Event) -> Incident:
    return replace(incident, status=Status.CLOSED, closure=dict(event.data))


_APPLY = {
    EventKind.FOLLOW_UP: _follow_up,
    EventKind.REGRADED: _regraded,
    EventKind.ACTION_DONE: _action_done,
    EventKind.DEADLINE_MET: _deadline_met,
    EventKind.CLOSED: _closed,
}
