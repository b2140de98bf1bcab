"""Webhook subscriptions (with their signing secrets, kept apart) and the delivery outbox
on SQLAlchemy Core; the unit of work in `storage.warning` holds them.

Several workers may claim deliveries at once: PostgreSQL locks the due rows with SELECT ...
FOR UPDATE SKIP LOCKED, SQLite holds the write lock from the first statement (BEGIN
IMMEDIATE); a claimed row carries a lease (until, token) no other claim takes while it
runs, and only the token's holder records the outcome."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, or_, select, update

from govops.warnings.ports import Claim, Delivery, DeliveryStatus, Subscription
from govops.warnings.storage.tables import (
    warning_events,
    webhook_deliveries,
    webhook_secrets,
    webhook_subscriptions,
)

_PENDING = DeliveryStatus.PENDING.value
_ATTEMPTED = {"attempts": webhook_deliveries.c.attempts + 1}


class SqlSubscriptions:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, subscription: Subscription) -> None:
        row: dict[str, object] = {
            "id": subscription.id,
            "url": subscription.url,
            "areas": list(subscription.areas),
            "min_level": subscription.min_level,
            "active": subscription.active,
            "created_at": subscription.created_at,
            "unit": subscription.unit,
            "created_by": subscription.created_by or None,
        }
        if not subscription.secret:
            raise ValueError("a subscription is stored with its signing secret")
        self._connection.execute(insert(webhook_subscriptions), [row])
        secret = {
            "subscription_id": subscription.id,
            "secret": subscription.secret,
            "created_at": subscription.created_at,
            "set_by": row["created_by"],  # who subscribed set the first secret
        }
        self._connection.execute(insert(webhook_secrets), [secret])

    def rotate(self, subscription_id: str, secret: str, at: datetime, by: str) -> None:
        table = webhook_secrets
        change = update(table).where(table.c.subscription_id == subscription_id)
        self._connection.execute(change.values(secret=secret, created_at=at, set_by=by))

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

    def deactivate(self, subscription_id: str, at: datetime, by: str) -> None:
        table = webhook_subscriptions
        change = update(table).where(table.c.id == subscription_id, table.c.active.is_(True))
        self._connection.execute(change.values(active=False, removed_at=at, removed_by=by))


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
            select(table, subscriptions.c.url, warning_events.c.cap, webhook_secrets.c.secret)
            .join(subscriptions, subscriptions.c.id == table.c.subscription_id)
            .join(webhook_secrets, webhook_secrets.c.subscription_id == table.c.subscription_id)
            .join(warning_events, warning_events.c.identifier == table.c.identifier)
            .where(table.c.id.in_(ids))
            .order_by(table.c.next_attempt_at, table.c.id)
        )
        return [
            Claim(
                r.id,
                r.subscription_id,
                r.url,
                r.identifier,
                bytes(r.cap),
                r.attempts,
                token,
                r.secret,
            )
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


def _subscription(row: Row[Any]) -> Subscription:
    return Subscription(
        row.id,
        row.url,
        tuple(row.areas),
        row.min_level,
        bool(row.active),
        row.created_at,
        unit=row.unit,
        created_by=row.created_by or "",
    )


def _delivery(row: Row[Any]) -> Delivery:
    values = {field.name: getattr(row, field.name) for field in fields(Delivery)}
    return Delivery(**(values | {"status": DeliveryStatus(row.status)}))
