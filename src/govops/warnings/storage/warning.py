"""The early-warning ports on SQLAlchemy Core: the event log with its CAP alerts, the
publish log, and their unit of work, which also holds the webhook subscriptions and the
delivery outbox (`storage.webhooks`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select
from sqlalchemy.exc import IntegrityError

from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, is_unique_violation
from govops.warnings.model.warning import EventKind, WarningEvent
from govops.warnings.ports import (
    DeliveryRepository,
    Publication,
    SubscriptionRepository,
    WarningConflictError,
    WarningLog,
    step_from_json,
    step_to_json,
)
from govops.warnings.storage.tables import warning_events, warning_publications
from govops.warnings.storage.webhooks import SqlDeliveries, SqlSubscriptions

_CHUNK = 500
_EVENT_COLUMNS = [c for c in warning_events.c if c.name != "cap"]  # the XML only when asked


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
                append(self._connection, warning_events, [row])
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
            append(self._connection, warning_publications, rows)

    def publications(self, identifier: str | None = None) -> list[Publication]:
        table = warning_publications
        query = select(table).order_by(table.c.published_at, table.c.id)
        if identifier is not None:
            query = query.where(table.c.identifier == identifier)
        rows = self._connection.execute(query)
        return [Publication(r.identifier, r.channel, r.published_at) for r in rows]

    def areas_of(self, identifiers: list[str]) -> dict[str, str]:
        table, found = warning_events, {}
        wanted = list(dict.fromkeys(identifiers))
        for start in range(0, len(wanted), _CHUNK):  # within any database's bound parameters
            chosen = wanted[start : start + _CHUNK]
            query = select(table.c.identifier, table.c.area).where(table.c.identifier.in_(chosen))
            found.update({r.identifier: r.area for r in self._connection.execute(query)})
        return found


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
