"""The unit of work all modules share: one pooled connection and one transaction,
committed only by `commit()` and rolled back on exit otherwise. On SQLite the transaction
begins with BEGIN IMMEDIATE (see `database.make_engine`), so concurrent units of work queue
for the write lock instead of failing when one upgrades a read to a write; inside a
process they queue first come first served for their turn (`turns`). A writer that still
finds the database busy past the wait (another process held it longer than the busy
time-out, or the turn did not come) raises `platform.ports.StorageBusyError`: nothing was
written, and the service may try the unit of work again. A subclass attaches its
repositories to the connection and names the error a taken key becomes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import ClassVar, Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from govops.platform.ports import StorageBusyError
from govops.platform.storage.turns import Turns, turns_for

_POSTGRES_UNIQUE_VIOLATION = "23505"
_SQLITE_UNIQUE_VIOLATIONS = {"SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"}
_SQLITE_BUSY = "SQLITE_BUSY"  # "database is locked", and its extended codes SQLITE_BUSY_*


def is_unique_violation(error: IntegrityError) -> bool:
    """A key taken already (two writers appending the same event number, say), on
    PostgreSQL or SQLite."""
    cause = error.orig
    return (
        getattr(cause, "sqlstate", None) == _POSTGRES_UNIQUE_VIOLATION
        or getattr(cause, "sqlite_errorname", None) in _SQLITE_UNIQUE_VIOLATIONS
    )


@contextmanager
def key_taken_as(connection: Connection, conflict: Exception) -> Iterator[None]:
    """A savepoint in which a key taken already (another writer's event number) raises
    `conflict` instead, the unit of work staying usable; any other failure is raised."""
    try:
        with connection.begin_nested():
            yield
    except IntegrityError as error:
        if is_unique_violation(error):
            raise conflict from error
        raise


def is_busy(error: BaseException | None) -> bool:
    """SQLite's "database is locked": another connection held the write lock past the busy
    time-out."""
    if not isinstance(error, DBAPIError):
        return False
    name = getattr(error.orig, "sqlite_errorname", None) or ""
    return name.startswith(_SQLITE_BUSY) or "database is locked" in str(error.orig)


def _busy(error: BaseException) -> StorageBusyError:
    return StorageBusyError(f"the database stayed busy with other writers: {error}")


class ConnectionUnitOfWork:
    conflict: ClassVar[type[Exception]]  # what a unique violation at commit is raised as

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._turns: Turns | None = None

    def _attach(self, connection: Connection) -> None:
        """Set the repositories on the connection (the subclass's own attributes)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("a unit of work is entered once")
        turns = turns_for(self._engine)
        if turns is not None and not turns.take():
            raise StorageBusyError("the turn to write did not come in time")
        self._turns = turns
        try:
            # The transaction begins with the first statement and again after each commit.
            self._connection = self._engine.connect()
            self._attach(self._connection)
        except BaseException:
            self._give_back_turn()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed, and give the connection and the turn back.
        SQLite's "database is locked" leaves as StorageBusyError (nothing was written)."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            if connection.in_transaction():
                connection.rollback()
        finally:
            connection.close()
            self._give_back_turn()
        if is_busy(error):
            assert error is not None
            raise _busy(error) from error

    def _give_back_turn(self) -> None:
        turns, self._turns = self._turns, None
        if turns is not None:
            turns.give_back()

    def commit(self) -> None:
        if self._connection is None:
            raise RuntimeError("commit outside the unit of work's `with` block")
        try:
            self._connection.commit()
        except IntegrityError as error:
            if is_unique_violation(error):
                raise self.conflict(str(error.orig)) from error
            raise
        except DBAPIError as error:
            if is_busy(error):
                raise _busy(error) from error
            raise
