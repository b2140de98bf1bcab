"""Incident use cases. The only code that commits; every change appends events."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.incidents.intake import AfterAction, IncidentInputError, Intake
from govops.incidents.model import Event, EventKind, Incident, fold
from govops.incidents.ports import ConcurrentUpdateError, Notification, UnitOfWork
from govops.incidents.rules import IncidentRules

RETRIES = 5  # attempts when another officer appends to the same incident at the same time


class IncidentNotFoundError(LookupError):
    pass


class IncidentClosedError(Exception):
    pass


class IncidentService:
    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        rules: IncidentRules,
        clock: Callable[[], datetime],
    ) -> None:
        self._uow = unit_of_work
        self._rules = rules
        self._clock = clock

    def report(self, intake: Intake, actor: str, idempotency_key: str | None = None) -> Incident:
        """File a first report: grade it, route it, start its clocks. A repeated
        idempotency key returns the incident the first request created."""
        now = self._now()
        with self._uow() as uow:
            if idempotency_key:
                known = uow.incidents.incident_for_key(idempotency_key)
                if known is not None:
                    return fold(uow.incidents.events(known))
            incident_id = uuid.uuid4().hex
            data = self._rules.first_report(intake, now)
            event = Event(incident_id, 1, EventKind.REPORTED, now, actor, data)
            uow.incidents.append([event])
            if idempotency_key:
                uow.incidents.remember_key(idempotency_key, incident_id)
            uow.outbox.add(_notifications(event, data["departments"]))
            uow.commit()
            return fold([event])

    def follow_up(
        self, incident_id: str, inputs: dict[str, Any], note: str, actor: str
    ) -> Incident:
        """A numbered follow-up (续报): new figures, graded again; a change of grade is an
        event of its own with its reason."""

        def events(incident: Incident, now: datetime) -> list[Event]:
            number = len(incident.reports)
            data = self._rules.follow_up(incident, inputs, note, number, now)
            seq = incident.version + 1
            new = [Event(incident_id, seq, EventKind.FOLLOW_UP, now, actor, data)]
            if data["grade"] != incident.grade:
                reason = self._rules.regrade_reason(incident.grade, data, note, number)
                change = {"before": incident.grade, "after": data["grade"], "reason": reason}
                new.append(Event(incident_id, seq + 1, EventKind.REGRADED, now, actor, change))
            return new

        return self._append(incident_id, events)

    def action_done(self, incident_id: str, action_id: str, actor: str) -> Incident:
        def events(incident: Incident, now: datetime) -> list[Event]:
            if action_id not in {a.id for a in incident.actions}:
                raise IncidentInputError("action", f"no action {action_id!r} on this incident")
            return [_event(incident, EventKind.ACTION_DONE, now, actor, {"action": action_id})]

        return self._append(incident_id, events)

    def deadline_met(self, incident_id: str, deadline_id: str, actor: str) -> Incident:
        def events(incident: Incident, now: datetime) -> list[Event]:
            if deadline_id not in {d.id for d in incident.deadlines}:
                raise IncidentInputError(
                    "deadline", f"no deadline {deadline_id!r} on this incident"
                )
            return [_event(incident, EventKind.DEADLINE_MET, now, actor, {"deadline": deadline_id})]

        return self._append(incident_id, events)

    def close(self, incident_id: str, record: AfterAction, actor: str) -> Incident:
        def events(incident: Incident, now: datetime) -> list[Event]:
            return [_event(incident, EventKind.CLOSED, now, actor, asdict(record))]

        return self._append(incident_id, events)

    def deliver_notifications(self, send: Callable[[Notification], None], limit: int = 100) -> int:
        """Hand pending outbox notifications to `send` (a log, a webhook), oldest first, and
        mark each delivered. A failing send stops the round; it and the rest stay pending
        and are tried again next round. Returns how many were delivered."""
        delivered = 0
        with self._uow() as uow:
            for notification in uow.outbox.pending(limit):
                assert notification.id is not None
                try:
                    send(notification)
                except Exception:
                    break
                uow.outbox.delivered(notification.id, self._now())
                delivered += 1
            uow.commit()
        return delivered

    def get(self, incident_id: str) -> Incident:
        with self._uow() as uow:
            events = uow.incidents.events(incident_id)
        if not events:
            raise IncidentNotFoundError(incident_id)
        return fold(events)

    def search(
        self, grade: str | None = None, status: str | None = None, overdue: bool | None = None
    ) -> list[Incident]:
        now = self._now()
        with self._uow() as uow:
            incidents = [fold(uow.incidents.events(i)) for i in uow.incidents.incident_ids()]
        return [
            i
            for i in incidents
            if (grade is None or i.grade == grade)
            and (status is None or i.status.value == status)
            and (overdue is None or bool(i.overdue(now)) == overdue)
        ]

    def _append(
        self, incident_id: str, make: Callable[[Incident, datetime], list[Event]]
    ) -> Incident:
        """Read, decide, append; on a concurrent append, read again and redo, so two
        officers writing at once both land, in order, and neither update is lost."""
        for _ in range(RETRIES):
            now = self._now()
            with self._uow() as uow:
                events = uow.incidents.events(incident_id)
                if not events:
                    raise IncidentNotFoundError(incident_id)
                incident = fold(events)
                if incident.status.value == "closed":
                    raise IncidentClosedError(incident_id)
                new = make(incident, now)
                departments = [e.data.get("new_departments", []) for e in new]
                try:
                    uow.incidents.append(new)
                    uow.outbox.add(
                        [
                            n
                            for e, d in zip(new, departments, strict=True)
                            for n in _notifications(e, d)
                        ]
                    )
                    uow.commit()
                except ConcurrentUpdateError:
                    continue  # another officer's event took this seq: read again and redo
                return fold(events + new)
        raise ConcurrentUpdateError(f"incident {incident_id} is being changed by others; try again")

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")
        return now.astimezone(ZoneInfo(self._rules.timezone))


def _event(
    incident: Incident, kind: EventKind, at: datetime, actor: str, data: dict[str, Any]
) -> Event:
    return Event(incident.id, incident.version + 1, kind, at, actor, data)


def _notifications(event: Event, departments: list[dict[str, str]]) -> list[Notification]:
    payload = {"event": event.kind.value, "incident": event.incident_id}
    return [
        Notification(event.incident_id, event.seq, d["code"], event.at, {**payload, **d})
        for d in departments
    ]
