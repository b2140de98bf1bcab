"""The registers' ports on SQLAlchemy Core: a repository on the unit of work's connection,
and the unit of work itself (one connection, one transaction, committed only by
`commit()`). Events are append-only and chained (`platform.storage.chain.append`); a taken
(unit, seq) pair is refused by the primary key, as RegisterConflictError."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select

from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, key_taken_as
from govops.registers.model.records import Event, RecordKind
from govops.registers.ports import RegisterConflictError, RegisterRepository
from govops.registers.storage.tables import register_events

_CHUNK = 500  # units per IN list: well under every database's limit of bound values


class SqlRegisterRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def append(self, events: list[Event]) -> None:
        if not events:
            return
        rows = [
            {
                "unit": e.unit,
                "seq": e.seq,
                "kind": e.kind.value,
                "data": e.data,
                "actor": e.actor,
                "recorded_at": e.recorded_at,
            }
            for e in events
        ]
        conflict = RegisterConflictError(f"already taken: {events[0].unit} seq {events[0].seq}")
        with key_taken_as(self._connection, conflict):
            append(self._connection, register_events, rows)

    def events(self, units: Collection[str]) -> list[Event]:
        codes = sorted(set(units))
        found: list[Row[Any]] = []
        for start in range(0, len(codes), _CHUNK):
            query = select(register_events).where(
                register_events.c.unit.in_(codes[start : start + _CHUNK])
            )
            found += self._connection.execute(query).all()
        found.sort(key=lambda row: row.chain_seq)
        return [_event(row) for row in found]

    def last_seq(self, unit: str) -> int:
        query = select(func.max(register_events.c.seq)).where(register_events.c.unit == unit)
        return int(self._connection.scalar(query) or 0)


class SqlRegisterUnitOfWork(ConnectionUnitOfWork):
    registers: RegisterRepository
    conflict = RegisterConflictError

    def _attach(self, connection: Connection) -> None:
        self.registers = SqlRegisterRepository(connection)


def register_unit_of_work_factory(engine: Engine) -> Callable[[], SqlRegisterUnitOfWork]:
    def new_unit_of_work() -> SqlRegisterUnitOfWork:
        return SqlRegisterUnitOfWork(engine)

    return new_unit_of_work


def _event(row: Row[Any]) -> Event:
    return Event(row.unit, row.seq, RecordKind(row.kind), row.data, row.actor, row.recorded_at)
