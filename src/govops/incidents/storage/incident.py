"""The incident ports on one SQLAlchemy connection, inside the unit of work's transaction,
and that unit of work (see `platform.storage.transaction.ConnectionUnitOfWork`).

Statements run at once (Core, no ORM flush), so a taken (incident, seq) pair is refused by
the primary key inside `append` itself, as ConcurrentUpdateError. Each write runs in a
savepoint, so after that error the unit of work can still be used or committed. Events are
a chained stream (`platform.storage.chain.append` links them in the same transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.ports import (
    ConcurrentUpdateError,
    IncidentRepository,
    KeyUse,
    Notification,
    Outbox,
)
from govops.incidents.storage.tables import idempotency_keys, incident_events, incidents, outbox
from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, is_unique_violation


class SqlIncidentRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def append(self, events: list[Event]) -> None:
        """Store new events; ConcurrentUpdateError if an (incident, seq) pair is taken.
        The first event of an incident (seq 1, its report) also lists the incident."""
        if not events:
            return
        rows = [
            {
                "incident_id": e.incident_id,
                "seq": e.seq,
                "kind": e.kind.value,
                "at": e.at,
                "actor": e.actor,
                "data": e.data,
            }
            for e in events
        ]
        firsts = [{"id": e.incident_id, "reported_at": e.at} for e in events if e.seq == 1]
        taken = ", ".join(f"{e.incident_id} seq {e.seq}" for e in events)

        def write(connection: Connection) -> None:
            append(connection, incident_events, rows)
            if firsts:
                connection.execute(insert(incidents), firsts)

        _write(self._connection, write, f"already taken: {taken}")

    def events(self, incident_id: str) -> list[Event]:
        query = (
            select(incident_events)
            .where(incident_events.c.incident_id == incident_id)
            .order_by(incident_events.c.seq)
        )
        return [_event(row) for row in self._connection.execute(query)]

    def incident_ids(self) -> list[str]:
        """Every incident, newest report first (reports at the same instant by id)."""
        query = select(incidents.c.id).order_by(incidents.c.reported_at.desc(), incidents.c.id)
        return list(self._connection.scalars(query))

    def incident_for_key(self, owner: str, idempotency_key: str) -> KeyUse | None:
        columns = (idempotency_keys.c.incident_id, idempotency_keys.c.request_hash)
        query = select(*columns).where(idempotency_keys.c.key == _owned(owner, idempotency_key))
        row = self._connection.execute(query).first()
        return KeyUse(row.incident_id, row.request_hash) if row is not None else None

    def remember_key(self, owner: str, idempotency_key: str, use: KeyUse) -> None:
        """ConcurrentUpdateError if another request of the owner stored the same key first."""
        row = {
            "key": _owned(owner, idempotency_key),
            "incident_id": use.incident_id,
            "request_hash": use.request_hash,
        }

        def write(connection: Connection) -> None:
            connection.execute(insert(idempotency_keys), [row])

        _write(self._connection, write, f"key already used: {idempotency_key}")


def _owned(owner: str, idempotency_key: str) -> str:
    """The key as stored: its owner's (tables.idempotency_keys)."""
    return f"{owner}:{idempotency_key}"


class SqlOutbox:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, notifications: list[Notification]) -> None:
        if not notifications:
            return
        rows = [
            {
                "incident_id": n.incident_id,
                "seq": n.seq,
                "department": n.department,
                "created_at": n.created_at,
                "payload": n.payload,
                "delivered_at": n.delivered_at,
            }
            for n in notifications
        ]
        self._connection.execute(insert(outbox), rows)

    def pending(self, limit: int = 100) -> list[Notification]:
        """Undelivered notifications, oldest first."""
        query = (
            select(outbox).where(outbox.c.delivered_at.is_(None)).order_by(outbox.c.id).limit(limit)
        )
        return [_notification(row) for row in self._connection.execute(query)]

    def claim(
        self, now: datetime, lease_until: datetime, token: str, limit: int
    ) -> list[Notification]:
        free = or_(outbox.c.lease_until.is_(None), outbox.c.lease_until <= now)
        due = (
            select(outbox.c.id)
            .where(outbox.c.delivered_at.is_(None), free)
            .order_by(outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # SQLite: BEGIN IMMEDIATE queues claimers
        )
        ids = list(self._connection.scalars(due))
        if not ids:
            return []
        lease = update(outbox).where(outbox.c.id.in_(ids))
        self._connection.execute(lease.values(lease_until=lease_until, lease_token=token))
        claimed = select(outbox).where(outbox.c.id.in_(ids)).order_by(outbox.c.id)
        return [_notification(row) for row in self._connection.execute(claimed)]

    def delivered(self, notification_id: int, token: str, at: datetime) -> bool:
        return self._settle(notification_id, token, delivered_at=at, lease_until=None)

    def failed(self, notification_id: int, token: str, retry_at: datetime) -> bool:
        return self._settle(notification_id, token, lease_until=retry_at)

    def _settle(self, notification_id: int, token: str, **values: object) -> bool:
        """Release the lease with `values` and one more attempt, if `token` holds it."""
        held = update(outbox).where(
            outbox.c.id == notification_id,
            outbox.c.lease_token == token,
            outbox.c.delivered_at.is_(None),
        )
        done = self._connection.execute(
            held.values(lease_token=None, attempts=outbox.c.attempts + 1, **values)
        )
        return bool(done.rowcount)


def _write(connection: Connection, write: Callable[[Connection], None], taken: str) -> None:
    try:
        with connection.begin_nested():
            write(connection)
    except IntegrityError as error:
        if is_unique_violation(error):
            raise ConcurrentUpdateError(taken) from error
        raise


def _event(row: Row[Any]) -> Event:
    return Event(
        incident_id=row.incident_id,
        seq=row.seq,
        kind=EventKind(row.kind),
        at=row.at,
        actor=row.actor,
        data=row.data,
    )


def _notification(row: Row[Any]) -> Notification:
    return Notification(
        incident_id=row.incident_id,
        seq=row.seq,
        department=row.department,
        created_at=row.created_at,
        payload=row.payload,
        id=row.id,
        delivered_at=row.delivered_at,
    )


class SqlUnitOfWork(ConnectionUnitOfWork):
    # Typed as the ports (the protocol's attributes are invariant), so that a factory of
    # SqlUnitOfWork is a `Callable[[], UnitOfWork]`.
    incidents: IncidentRepository
    outbox: Outbox
    conflict = ConcurrentUpdateError

    def _attach(self, connection: Connection) -> None:
        self.incidents = SqlIncidentRepository(connection)
        self.outbox = SqlOutbox(connection)


def unit_of_work_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """What `IncidentService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine)

    return new_unit_of_work
