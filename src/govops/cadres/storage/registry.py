"""The cadre registry ports on SQLAlchemy Core: a repository on the unit of work's
connection, and the unit of work itself (one connection, one transaction, committed only
by `commit()`), on the same engine as the incidents.

Entries are append-only: a taken (person, seq) pair is refused by the primary key inside
`append` itself, as RegistryConflictError, in a savepoint so the unit of work stays usable.
They are a chained stream (`platform.storage.chain.append` links them in that savepoint).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, select

from govops.cadres.model.registry import Entry, EntryKind, Person
from govops.cadres.ports import CadreRepository, RegistryConflictError
from govops.cadres.storage.tables import cadre_entries, cadre_people
from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, key_taken_as


class SqlCadreRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_person(self, person: Person) -> None:
        row = {
            "id": person.id,
            "name": person.name,
            "created_at": person.created_at,
            "created_by": person.created_by,
        }
        self._connection.execute(insert(cadre_people), [row])

    def person(self, person_id: str) -> Person | None:
        query = select(cadre_people).where(cadre_people.c.id == person_id)
        row = self._connection.execute(query).first()
        return None if row is None else Person(row.id, row.name, row.created_at, row.created_by)

    def people(self) -> list[Person]:
        query = select(cadre_people).order_by(cadre_people.c.name, cadre_people.c.id)
        rows = self._connection.execute(query)
        return [Person(r.id, r.name, r.created_at, r.created_by) for r in rows]

    def append(self, entries: list[Entry]) -> None:
        if not entries:
            return
        rows = [
            {
                "person_id": e.person_id,
                "seq": e.seq,
                "kind": e.kind.value,
                "data": e.data,
                "actor": e.actor,
                "recorded_at": e.recorded_at,
                "supersedes": e.supersedes,
            }
            for e in entries
        ]
        taken = ", ".join(f"{e.person_id} seq {e.seq}" for e in entries)
        conflict = RegistryConflictError(f"already taken: {taken}")
        with key_taken_as(self._connection, conflict):
            append(self._connection, cadre_entries, rows)

    def entries(self, person_id: str) -> list[Entry]:
        query = (
            select(cadre_entries)
            .where(cadre_entries.c.person_id == person_id)
            .order_by(cadre_entries.c.seq)
        )
        return [_entry(row) for row in self._connection.execute(query)]


class SqlCadreUnitOfWork(ConnectionUnitOfWork):
    cadres: CadreRepository  # typed as the port, so a factory of it is the port's factory
    conflict = RegistryConflictError

    def _attach(self, connection: Connection) -> None:
        self.cadres = SqlCadreRepository(connection)


def cadre_unit_of_work_factory(engine: Engine) -> Callable[[], SqlCadreUnitOfWork]:
    """What `RegistryService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlCadreUnitOfWork:
        return SqlCadreUnitOfWork(engine)

    return new_unit_of_work


def _entry(row: Row[Any]) -> Entry:
    return Entry(
        person_id=row.person_id,
        seq=row.seq,
        kind=EntryKind(row.kind),
        data=row.data,
        actor=row.actor,
        recorded_at=row.recorded_at,
        supersedes=row.supersedes,
    )
