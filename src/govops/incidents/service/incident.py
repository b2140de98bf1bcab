"""Incident use cases. The only code that commits; every change appends events."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import Event, EventKind, Incident, Stage, fold
from govops.incidents.model.intake import (
    MAX_KEY,
    AfterAction,
    IncidentInputError,
    Intake,
    checked_text,
)
from govops.incidents.model.rules import FollowUp, IncidentRules
from govops.incidents.ports import ConcurrentUpdateError, KeyUse, Notification, UnitOfWork
from govops.incidents.service.idempotency import (
    IdempotencyKey,
    fingerprint,
    follow_up_fingerprint,
    repeated_follow_up,
)
from govops.lawcode.texts.messages import msg
from govops.platform.patience import patiently, pause
from govops.platform.ports import StorageBusyError

RETRIES = 5  # attempts when another officer appends to the same incident at the same time
CLOCK_SKEW = timedelta(minutes=5)  # an occurred_at this far ahead of the server's clock is refused


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

    def report(
        self,
        intake: Intake,
        actor: str,
        idempotency_key: str | None = None,
        owner: str | None = None,
    ) -> Incident:
        """File a first report: grade it, route it, start its clocks. An idempotency key
        belongs to `owner` (the user sending it; by default `actor`) and to the report it
        came with: the same key with the same report returns the incident the first
        request created; with another report, IdempotencyKeyReusedError."""
        now = self._now()
        checked_text("actor", actor)
        if idempotency_key is not None and not 0 < len(idempotency_key) <= MAX_KEY:
            raise IncidentInputError(
                "Idempotency-Key", msg("must be 1 to {most} characters", most=MAX_KEY)
            )
        intake.check_not_after(now + CLOCK_SKEW)
        data = self._rules.first_report(intake, now)
        key = (
            IdempotencyKey(owner or actor, idempotency_key, fingerprint(intake))
            if idempotency_key
            else None
        )
        return patiently(lambda: self._file(actor, key, now, data))

    def _file(
        self, actor: str, key: IdempotencyKey | None, now: datetime, data: dict[str, Any]
    ) -> Incident:
        try:
            with self._uow() as uow:
                known = key.used(uow) if key else None
                if known is not None:
                    return known
                incident_id = uuid.uuid4().hex
                event = Event(incident_id, 1, EventKind.REPORTED, now, actor, data)
                uow.incidents.append([event])
                if key:
                    uow.incidents.remember_key(key.owner, key.key, KeyUse(incident_id, key.hash))
                uow.outbox.add(_notifications(event, data["departments"]))
                uow.commit()
                return fold([event])
        except ConcurrentUpdateError:
            # The same key, filed at the same moment by a retry or a double click: the
            # first one stored wins and this request answers with it.
            if key is None:
                raise
            with self._uow() as uow:
                found = key.used(uow)
                if found is None:
                    raise
                return found

    def follow_up(
        self,
        incident_id: str,
        inputs: dict[str, Any],
        note: str,
        actor: str,
        stage: Stage | None = None,
        key: str | None = None,
        owner: str = "",
    ) -> Incident:
        """A numbered follow-up (续报): new figures, graded again; a change of grade is an
        event of its own with its reason. `stage=Stage.INCIDENT` turns warning-stage
        information into an incident (its clocks start then). With an idempotency `key`
        (the `owner`'s), the same follow-up sent again files nothing more, and the key sent
        with another follow-up is refused (IdempotencyKeyReusedError)."""
        checked_text("actor", actor)
        checked_text("note", note, required=False)
        if not inputs and not note.strip() and stage is None:
            raise IncidentInputError("note", msg("a follow-up gives new figures or a note"))

        sent = None
        if key:
            hash_ = follow_up_fingerprint(inputs, note, stage.value if stage else None)
            sent = {"owner": owner, "key": key, "hash": hash_}

        def events(incident: Incident, now: datetime) -> list[Event]:
            if sent is not None and repeated_follow_up(incident, owner, sent["key"], sent["hash"]):
                return []  # a retry of a follow-up filed already
            number = len(incident.reports)
            data = self._rules.follow_up(incident, FollowUp(inputs, note, stage), number, now)
            if sent is not None:
                data["idempotency"] = sent
            seq = incident.version + 1
            new = [Event(incident_id, seq, EventKind.FOLLOW_UP, now, actor, data)]
            if data["grade"] != incident.grade:
                reason = self._rules.regrade_reason(incident.grade, data, note, number)
                change = {
                    "before": incident.grade,
                    "after": data["grade"],
                    "reason": reason,
                    "follow_up": number,
                    "fired": data["decision"]["fired"],
                    "note": note,
                }
                new.append(Event(incident_id, seq + 1, EventKind.REGRADED, now, actor, change))
            return new

        return self._append(incident_id, events)

    def action_done(self, incident_id: str, action_id: str, actor: str) -> Incident:
        """Tick off an action; ticking it again (a double click) changes nothing."""
        checked_text("actor", actor)

        def events(incident: Incident, now: datetime) -> list[Event]:
            action = next((a for a in incident.actions if a.id == action_id), None)
            if action is None:
                raise IncidentInputError(
                    "action", msg("no action {action} on this incident", action=repr(action_id))
                )
            if action.done_at is not None:
                return []
            return [_event(incident, EventKind.ACTION_DONE, now, actor, {"action": action_id})]

        return self._append(incident_id, events)

    def deadline_met(self, incident_id: str, deadline_id: str, actor: str) -> Incident:
        """Record a deadline met; recording it again changes nothing."""
        checked_text("actor", actor)

        def events(incident: Incident, now: datetime) -> list[Event]:
            deadline = next((d for d in incident.deadlines if d.id == deadline_id), None)
            if deadline is None:
                raise IncidentInputError(
                    "deadline",
                    msg("no deadline {deadline} on this incident", deadline=repr(deadline_id)),
                )
            if deadline.met_at is not None:
                return []
            return [_event(incident, EventKind.DEADLINE_MET, now, actor, {"deadline": deadline_id})]

        return self._append(incident_id, events)

    def close(self, incident_id: str, record: AfterAction, actor: str) -> Incident:
        checked_text("actor", actor)

        def events(incident: Incident, now: datetime) -> list[Event]:
            return [_event(incident, EventKind.CLOSED, now, actor, asdict(record))]

        return self._append(incident_id, events)

    def get(self, incident_id: str) -> Incident:
        """The incident, read once the storage lets it (a unit of work waits its turn as
        a writer does: the routes that change an incident read it first, for its unit)."""
        events = patiently(lambda: self._events(incident_id))
        if not events:
            raise IncidentNotFoundError(incident_id)
        return fold(events)

    def _events(self, incident_id: str) -> list[Event]:
        with self._uow() as uow:
            return uow.incidents.events(incident_id)

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
        officers writing at once both land, in order, and neither update is lost. A busy
        storage is waited for (a pause, then again): nothing was written meanwhile."""
        for attempt in range(RETRIES):
            try:
                return self._append_once(incident_id, make)
            except ConcurrentUpdateError:
                continue  # another officer's event took this seq: read again and redo
            except StorageBusyError:
                if attempt == RETRIES - 1:
                    raise
                pause(attempt)
        raise ConcurrentUpdateError(f"incident {incident_id} is being changed by others; try again")

    def _append_once(
        self, incident_id: str, make: Callable[[Incident, datetime], list[Event]]
    ) -> Incident:
        now = self._now()
        with self._uow() as uow:
            events = uow.incidents.events(incident_id)
            if not events:
                raise IncidentNotFoundError(incident_id)
            incident = fold(events)
            if incident.status.value == "closed":
                raise IncidentClosedError(incident_id)
            new = make(incident, now)
            if not new:
                return incident
            departments = [e.data.get("new_departments", []) for e in new]
            uow.incidents.append(new)
            uow.outbox.add(
                [n for e, d in zip(new, departments, strict=True) for n in _notifications(e, d)]
            )
            uow.commit()
            return fold(events + new)

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
