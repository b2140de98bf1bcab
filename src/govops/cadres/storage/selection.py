"""The selection ports on SQLAlchemy Core: a repository on the unit of work's connection,
and the unit of work itself (one connection, one transaction, committed only by
`commit()`), on the same engine as the incidents and the cadre registry, whose repository
it carries too (an appointment writes the post into the registry with its event).

Events are append-only: a taken (case, seq) pair is refused by the primary key inside
`append` itself, as SelectionConflictError, in a savepoint so the unit of work stays usable.
They are a chained stream (`platform.storage.chain.append` links them in that savepoint).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, select

from govops.cadres.model.selection import Event
from govops.cadres.model.steps import Step
from govops.cadres.ports import CadreRepository, SelectionConflictError, SelectionRepository
from govops.cadres.storage.registry import SqlCadreRepository
from govops.cadres.storage.tables import selection_cases, selection_events
from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, key_taken_as


class SqlSelectionRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def append(self, events: list[Event]) -> None:
        if not events:
            return
        rows = [
            {
                "case_id": e.case_id,
                "seq": e.seq,
                "step": e.step.value,
                "at": e.at,
                "actor": e.actor,
                "data": e.data,
            }
            for e in events
        ]
        firsts = [{"id": e.case_id, "opened_at": e.at} for e in events if e.seq == 1]
        taken = ", ".join(f"{e.case_id} seq {e.seq}" for e in events)
        conflict = SelectionConflictError(f"already taken: {taken}")
        with key_taken_as(self._connection, conflict):
            append(self._connection, selection_events, rows)
            if firsts:
                self._connection.execute(insert(selection_cases), firsts)

    def events(self, case_id: str) -> list[Event]:
        query = (
            select(selection_events)
            .where(selection_events.c.case_id == case_id)
            .order_by(selection_events.c.seq)
        )
        return [_event(row) for row in self._connection.execute(query)]

    def case_ids(self) -> list[str]:
        query = select(selection_cases.c.id).order_by(
            selection_cases.c.opened_at.desc(), selection_cases.c.id
        )
        return list(self._connection.scalars(query))


class SqlSelectionUnitOfWork(ConnectionUnitOfWork):
    selections: SelectionRepository  # typed as the port, so a factory of it is the port's
    cadres: CadreRepository  # the registry, which an appointment writes in the same transaction
    conflict = SelectionConflictError

    def _attach(self, connection: Connection) -> None:
        self.selections = SqlSelectionRepository(connection)
        self.cadres = SqlCadreRepository(connection)


def selection_unit_of_work_factory(engine: Engine) -> Callable[[], SqlSelectionUnitOfWork]:
    """What `SelectionService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlSelectionUnitOfWork:
        return SqlSelectionUnitOfWork(engine)

    return new_unit_of_work


def _event(row: Row[Any]) -> Event:
    return Event(
        case_id=row.case_id,
        seq=row.seq,
        step=Step(row.step),
        at=row.at,
        actor=row.actor,
        data=row.data,
    )
