"""What the incident use cases need from storage: an append-only event log per incident,
an outbox of notifications, idempotency keys; all inside one unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from govops.incidents.model.incident import Event
from govops.platform.ports import Transaction


class ConcurrentUpdateError(Exception):
    """Another writer appended to the same incident first (its event seq is taken)."""


@dataclass(frozen=True, slots=True)
class Notification:
    incident_id: str
    seq: int  # the event that caused it
    department: str
    created_at: datetime
    payload: dict[str, Any]
    id: int | None = None
    delivered_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class KeyUse:
    """What an idempotency key was used for: the incident it created and a hash of the
    report it came with (None for a key kept before reports were hashed)."""

    incident_id: str
    request_hash: str | None = None


class IncidentRepository(Protocol):
    def append(self, events: list[Event]) -> None:
        """Store new events; ConcurrentUpdateError if an (incident, seq) pair already exists."""

    def events(self, incident_id: str) -> list[Event]: ...

    def incident_ids(self) -> list[str]:
        """Every incident, newest report first."""

    def incident_for_key(self, owner: str, idempotency_key: str) -> KeyUse | None:
        """The use of `owner`'s key (a key belongs to the user who sent it)."""

    def remember_key(self, owner: str, idempotency_key: str, use: KeyUse) -> None:
        """ConcurrentUpdateError if the same owner stored the same key first."""


class Outbox(Protocol):
    def add(self, notifications: list[Notification]) -> None: ...

    def pending(self, limit: int = 100) -> list[Notification]: ...

    def delivered(self, notification_id: int, at: datetime) -> None: ...


class UnitOfWork(Transaction, Protocol):
    incidents: IncidentRepository
    outbox: Outbox
