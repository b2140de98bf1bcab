"""One unit of work: one pooled connection and one transaction, committed only by
`commit()` and rolled back on exit otherwise. On SQLite the transaction begins with
BEGIN IMMEDIATE (see `database.make_engine`), so concurrent units of work queue for the
write lock instead of failing with "database is locked"."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from govops.incidents.ports import ConcurrentUpdateError, IncidentRepository, Outbox
from govops.storage.repositories import SqlIncidentRepository, SqlOutbox, is_unique_violation


class SqlUnitOfWork:
    # Typed as the ports (the protocol's attributes are invariant), so that a factory of
    # SqlUnitOfWork is a `Callable[[], UnitOfWork]`.
    incidents: IncidentRepository
    outbox: Outbox

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("a unit of work is entered once")
        # The transaction begins with the first statement and again after each commit.
        self._connection = self._engine.connect()
        self.incidents = SqlIncidentRepository(self._connection)
        self.outbox = SqlOutbox(self._connection)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed, and give the connection back."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if connection.in_transaction():
                connection.rollback()
        finally:
            connection.close()

    def commit(self) -> None:
        if self._connection is None:
            raise RuntimeError("commit outside the unit of work's `with` block")
        try:
            self._connection.commit()
        except IntegrityError as error:
            if is_unique_violation(error):
                raise ConcurrentUpdateError(str(error.orig)) from error
            raise


def unit_of_work_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """What `IncidentService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine)

    return new_unit_of_work
