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
    """Notifications written with the events that cause them, delivered by workers that
    lease them: a lease is one worker's (its token) until it records the outcome or the
    lease runs out, so that several workers never send the same notification at once."""

    def add(self, notifications: list[Notification]) -> None: ...

    def pending(self, limit: int = 100) -> list[Notification]:
        """Undelivered notifications, oldest first, leased or not."""

    def claim(
        self, now: datetime, lease_until: datetime, token: str, limit: int
    ) -> list[Notification]:
        """Lease up to `limit` undelivered notifications that no lease holds at `now` (none,
        or run out), oldest first, to `token` until `lease_until`."""

    def delivered(self, notification_id: int, token: str, at: datetime) -> bool:
        """Mark delivered and release the lease, if `token` still holds it."""

    def failed(self, notification_id: int, token: str, retry_at: datetime) -> bool:
        """Count an attempt and release the lease, not to be claimed before `retry_at`, if
        `token` still holds it."""


class UnitOfWork(Transaction, Protocol):
    incidents: IncidentRepository
    outbox: Outbox
