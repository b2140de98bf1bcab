"""In-memory stand-ins for storage, with the same contract as the real repositories:
events are append-only and an (incident, seq) pair can be taken only once."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta
from types import TracebackType
from typing import Self

from govops.incidents.model.incident import Event
from govops.incidents.ports import ConcurrentUpdateError, KeyUse, Notification


class MemoryStore:
    def __init__(self) -> None:
        self.lock = threading.Lock()  # commits are atomic, as a database transaction is
        self.events: dict[str, list[Event]] = {}
        self.keys: dict[tuple[str, str], KeyUse] = {}  # (owner, key): a key is its user's
        self.notifications: list[Notification] = []
        # notification id -> (lease until, token holding it; None after a failure)
        self.leases: dict[int, tuple[datetime, str | None]] = {}


class MemoryIncidents:
    def __init__(
        self, store: MemoryStore, pending: list[Event], keys: dict[tuple[str, str], KeyUse]
    ) -> None:
        self._store, self._pending, self._keys = store, pending, keys

    def append(self, events: list[Event]) -> None:
        for event in events:
            taken = self._store.events.get(event.incident_id, []) + self._pending
            if any(e.incident_id == event.incident_id and e.seq == event.seq for e in taken):
                raise ConcurrentUpdateError(f"{event.incident_id} seq {event.seq}")
            self._pending.append(event)

    def events(self, incident_id: str) -> list[Event]:
        return list(self._store.events.get(incident_id, []))

    def incident_ids(self) -> list[str]:
        firsts = [events[0] for events in self._store.events.values()]
        return [e.incident_id for e in sorted(firsts, key=lambda e: e.at, reverse=True)]

    def incident_for_key(self, owner: str, idempotency_key: str) -> KeyUse | None:
        return self._store.keys.get((owner, idempotency_key))

    def remember_key(self, owner: str, idempotency_key: str, use: KeyUse) -> None:
        self._keys[owner, idempotency_key] = use


class MemoryOutbox:
    def __init__(self, store: MemoryStore, pending: list[Notification]) -> None:
        self._store, self._pending = store, pending

    def add(self, notifications: list[Notification]) -> None:
        self._pending.extend(notifications)

    def pending(self, limit: int = 100) -> list[Notification]:
        return [n for n in self._store.notifications if n.delivered_at is None][:limit]

    def claim(
        self, now: datetime, lease_until: datetime, token: str, limit: int
    ) -> list[Notification]:
        # leases take effect at once (the service commits right after claiming)
        with self._store.lock:
            leases = self._store.leases
            free = [
                n
                for n in self.pending(limit=len(self._store.notifications))
                if n.id not in leases or leases[n.id][0] <= now
            ][:limit]
            for n in free:
                assert n.id is not None
                leases[n.id] = (lease_until, token)
            return free

    def delivered(self, notification_id: int, token: str, at: datetime) -> bool:
        with self._store.lock:
            if not self._holds(notification_id, token):
                return False
            del self._store.leases[notification_id]
            self._store.notifications = [
                replace(n, delivered_at=at) if n.id == notification_id else n
                for n in self._store.notifications
            ]
            return True

    def failed(self, notification_id: int, token: str, retry_at: datetime) -> bool:
        with self._store.lock:
            if not self._holds(notification_id, token):
                return False
            self._store.leases[notification_id] = (retry_at, None)
            return True

    def _holds(self, notification_id: int, token: str) -> bool:
        lease = self._store.leases.get(notification_id)
        return lease is not None and lease[1] == token


class MemoryUnitOfWork:
    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._events: list[Event] = []
        self._keys: dict[tuple[str, str], KeyUse] = {}
        self._notifications: list[Notification] = []
        self.incidents = MemoryIncidents(store, self._events, self._keys)
        self.outbox = MemoryOutbox(store, self._notifications)
        self.committed = False

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._events.clear()
        self._keys.clear()
        self._notifications.clear()

    def commit(self) -> None:
        with self._store.lock:
            self._commit()

    def _commit(self) -> None:
        for event in self._events:
            stored = self._store.events.get(event.incident_id, [])
            if any(e.seq == event.seq for e in stored):
                raise ConcurrentUpdateError(f"{event.incident_id} seq {event.seq}")
        for key in self._keys:
            if key in self._store.keys:  # a unique key, as in the database
                raise ConcurrentUpdateError(f"idempotency key {key!r} is taken")
        for event in self._events:
            self._store.events.setdefault(event.incident_id, []).append(event)
        self._store.keys.update(self._keys)
        start = len(self._store.notifications) + 1
        self._store.notifications += [
            replace(n, id=start + i) for i, n in enumerate(self._notifications)
        ]
        self._events.clear()
        self._keys.clear()
        self._notifications.clear()
        self.committed = True


class Clock:
    """A clock the tests set and move on; the service, pages and answers read it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **span: float) -> None:
        self.now += timedelta(**span)
