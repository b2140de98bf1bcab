"""The early-warning ports on SQLAlchemy Core: the event log with its CAP alerts, the
publish log, webhook subscriptions, the delivery outbox, and their unit of work.

Several workers may claim deliveries at once: PostgreSQL locks the due rows with SELECT ...
FOR UPDATE SKIP LOCKED, SQLite holds the write lock from the first statement (BEGIN
IMMEDIATE); a claimed row carries a lease (until, token) no other claim takes while it
runs, and only the token's holder records the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from govops.platform.storage.transaction import ConnectionUnitOfWork, is_unique_violation
from govops.warnings.model.warning import EventKind, WarningEvent
from govops.warnings.ports import (
    Claim,
    Delivery,
    DeliveryRepository,
    DeliveryStatus,
    Publication,
    Subscription,
    SubscriptionRepository,
    WarningConflictError,
    WarningLog,
    step_from_json,
    step_to_json,
)
from govops.warnings.storage.tables import (
    warning_events,
    warning_publications,
    webhook_deliveries,
    webhook_subscriptions,
)

_EVENT_COLUMNS = [c for c in warning_events.c if c.name != "cap"]  # the XML only when asked
_PENDING = DeliveryStatus.PENDING.value
_ATTEMPTED = {"attempts": webhook_deliveries.c.attempts + 1}


class SqlWarningLog:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, event: WarningEvent, cap: bytes, recorded_at: datetime) -> bool:
        stored = select(warning_events.c.id).where(warning_events.c.identifier == event.identifier)
        if self._connection.scalar(stored) is not None:
            return False
        row = {
            "identifier": event.identifier,
            "warning_id": event.warning_id,
            "area": event.area,
            "seq": event.seq,
            "kind": event.kind.value,
            "level": event.level,
            "previous": event.previous,
            "at": event.at,
            "referenced": list(event.references),
            "trace": step_to_json(event.step),
            "cap": cap,
            "recorded_at": recorded_at,
        }
        try:
            with self._connection.begin_nested():
                self._connection.execute(insert(warning_events), [row])
        except IntegrityError as error:
            if not is_unique_violation(error):
                raise
            if self._connection.scalar(stored) is not None:
                return False  # the same event, stored by a concurrent recorder
            raise WarningConflictError.taken(event.warning_id, event.seq) from error
        return True

    def latest_per_area(self) -> list[WarningEvent]:
        latest_first = (warning_events.c.at.desc(), warning_events.c.id.desc())
        place = func.row_number().over(partition_by=warning_events.c.area, order_by=latest_first)
        ranked = select(*_EVENT_COLUMNS, place.label("place")).subquery()
        query = select(ranked).where(ranked.c.place == 1).order_by(ranked.c.area)
        return [_event(row) for row in self._connection.execute(query)]

    def history(
        self, area: str | None, start: datetime | None, end: datetime | None
    ) -> list[WarningEvent]:
        query = select(*_EVENT_COLUMNS).order_by(warning_events.c.at, warning_events.c.id)
        if area is not None:
            query = query.where(warning_events.c.area == area)
        if start is not None:
            query = query.where(warning_events.c.at >= start)
        if end is not None:
            query = query.where(warning_events.c.at < end)
        return [_event(row) for row in self._connection.execute(query)]

    def alert(self, identifier: str) -> bytes | None:
        query = select(warning_events.c.cap).where(warning_events.c.identifier == identifier)
        found = self._connection.scalar(query)
        return None if found is None else bytes(found)

    def publish(self, entries: list[Publication]) -> None:
        if entries:
            rows = [{f.name: getattr(p, f.name) for f in fields(Publication)} for p in entries]
            self._connection.execute(insert(warning_publications), rows)

    def publications(self, identifier: str | None = None) -> list[Publication]:
        table = warning_publications
        query = select(table).order_by(table.c.published_at, table.c.id)
        if identifier is not None:
            query = query.where(table.c.identifier == identifier)
        rows = self._connection.execute(query)
        return [Publication(r.identifier, r.channel, r.published_at) for r in rows]


class SqlSubscriptions:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, subscription: Subscription) -> None:
        row = {
            "id": subscription.id,
            "url": subscription.url,
            "areas": list(subscription.areas),
            "min_level": subscription.min_level,
            "active": subscription.active,
            "created_at": subscription.created_at,
        }
        self._connection.execute(insert(webhook_subscriptions), [row])

    def get(self, subscription_id: str) -> Subscription | None:
        query = select(webhook_subscriptions).where(webhook_subscriptions.c.id == subscription_id)
        row = self._connection.execute(query).first()
        return None if row is None else _subscription(row)

    def listing(self, active_only: bool = True) -> list[Subscription]:
        table = webhook_subscriptions
        query = select(table).order_by(table.c.created_at, table.c.id)
        if active_only:
            query = query.where(table.c.active.is_(True))
        return [_subscription(row) for row in self._connection.execute(query)]

    def deactivate(self, subscription_id: str, at: datetime) -> None:
        table = webhook_subscriptions
        change = update(table).where(table.c.id == subscription_id, table.c.active.is_(True))
        self._connection.execute(change.values(active=False, removed_at=at))


class SqlDeliveries:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def enqueue(self, identifier: str, subscription_ids: list[str], at: datetime) -> None:
        due = {"identifier": identifier, "status": _PENDING, "attempts": 0}
        due |= {"created_at": at, "next_attempt_at": at}
        if subscription_ids:
            rows = [due | {"subscription_id": s} for s in subscription_ids]
            self._connection.execute(insert(webhook_deliveries), rows)

    def claim(self, now: datetime, lease_until: datetime, token: str, limit: int) -> list[Claim]:
        table, subscriptions = webhook_deliveries, webhook_subscriptions
        due = (
            select(table.c.id)
            .join(subscriptions, subscriptions.c.id == table.c.subscription_id)
            .where(
                table.c.status == _PENDING,
                table.c.next_attempt_at <= now,
                or_(table.c.lease_until.is_(None), table.c.lease_until <= now),
                subscriptions.c.active.is_(True),
            )
            .order_by(table.c.next_attempt_at, table.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=table)  # SQLite: BEGIN IMMEDIATE instead
        )
        ids = list(self._connection.scalars(due))
        if not ids:
            return []
        lease = update(table).where(table.c.id.in_(ids))
        self._connection.execute(lease.values(lease_until=lease_until, lease_token=token))
        claimed = (
            select(table, subscriptions.c.url, warning_events.c.cap)
            .join(subscriptions, subscriptions.c.id == table.c.subscription_id)
            .join(warning_events, warning_events.c.identifier == table.c.identifier)
            .where(table.c.id.in_(ids))
            .order_by(table.c.next_attempt_at, table.c.id)
        )
        return [
            Claim(r.id, r.subscription_id, r.url, r.identifier, bytes(r.cap), r.attempts, token)
            for r in self._connection.execute(claimed)
        ]

    def delivered(self, delivery_id: int, token: str, at: datetime) -> bool:
        # Recorded even when the subscription was removed while the alert was in flight.
        done = {"status": DeliveryStatus.DELIVERED.value, "delivered_at": at, "last_error": None}
        return self._settle(delivery_id, token, done | _ATTEMPTED, pending=False)

    def failed(self, delivery_id: int, token: str, error: str, retry_at: datetime | None) -> bool:
        status = DeliveryStatus.DEAD if retry_at is None else DeliveryStatus.PENDING
        values: dict[str, Any] = {"status": status.value, "last_error": error} | _ATTEMPTED
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        return self._settle(delivery_id, token, values)

    def postpone(self, delivery_id: int, token: str, retry_at: datetime) -> bool:
        return self._settle(delivery_id, token, {"next_attempt_at": retry_at})

    def hold_back(self, subscription_id: str, until: datetime) -> None:
        table = webhook_deliveries
        waiting = update(table).where(
            table.c.subscription_id == subscription_id,
            table.c.status == _PENDING,
            table.c.lease_token.is_(None),  # not those in flight
            table.c.next_attempt_at < until,
        )
        self._connection.execute(waiting.values(next_attempt_at=until))

    def abandon(self, subscription_id: str, reason: str) -> int:
        table = webhook_deliveries
        pending = update(table).where(
            table.c.subscription_id == subscription_id, table.c.status == _PENDING
        )
        done = self._connection.execute(
            pending.values(status=DeliveryStatus.DEAD.value, last_error=reason)
        )
        return int(done.rowcount)

    def listing(
        self, identifier: str | None = None, status: DeliveryStatus | None = None
    ) -> list[Delivery]:
        table = webhook_deliveries
        query = select(table).order_by(table.c.id)
        if identifier is not None:
            query = query.where(table.c.identifier == identifier)
        if status is not None:
            query = query.where(table.c.status == status.value)
        return [_delivery(row) for row in self._connection.execute(query)]

    def _settle(
        self, delivery_id: int, token: str, values: dict[str, Any], *, pending: bool = True
    ) -> bool:
        """Release the lease with `values`, if `token` still holds it."""
        table = webhook_deliveries
        change = update(table).where(table.c.id == delivery_id, table.c.lease_token == token)
        if pending:
            change = change.where(table.c.status == _PENDING)
        released = values | {"lease_until": None, "lease_token": None}
        return int(self._connection.execute(change.values(released)).rowcount) == 1


class SqlWarningUnitOfWork(ConnectionUnitOfWork):
    # Typed as the ports, so a factory of it is a `Callable[[], WarningUnitOfWork]`.
    warnings: WarningLog
    subscriptions: SubscriptionRepository
    deliveries: DeliveryRepository
    conflict = WarningConflictError

    def _attach(self, connection: Connection) -> None:
        self.warnings = SqlWarningLog(connection)
        self.subscriptions = SqlSubscriptions(connection)
        self.deliveries = SqlDeliveries(connection)


def warning_unit_of_work_factory(engine: Engine) -> Callable[[], SqlWarningUnitOfWork]:
    """What `WarningService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlWarningUnitOfWork:
        return SqlWarningUnitOfWork(engine)

    return new_unit_of_work


def _event(row: Row[Any]) -> WarningEvent:
    return WarningEvent(
        warning_id=row.warning_id,
        area=row.area,
        seq=row.seq,
        kind=EventKind(row.kind),
        level=row.level,
        previous=row.previous,
        at=row.at,
        identifier=row.identifier,
        step=step_from_json(row.trace),
        references=tuple(row.referenced),
    )


def _subscription(row: Row[Any]) -> Subscription:
    return Subscription(
        row.id, row.url, tuple(row.areas), row.min_level, bool(row.active), row.created_at
    )


def _delivery(row: Row[Any]) -> Delivery:
    values = {field.name: getattr(row, field.name) for field in fields(Delivery)}
    return Delivery(**(values | {"status": DeliveryStatus(row.status)}))
