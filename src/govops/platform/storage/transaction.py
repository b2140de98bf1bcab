"""The unit of work all modules share: one pooled connection and one transaction,
committed only by `commit()` and rolled back on exit otherwise. On SQLite the transaction
begins with BEGIN IMMEDIATE (see `database.make_engine`), so concurrent units of work queue
for the write lock instead of failing with "database is locked". A subclass attaches its
repositories to the connection and names the error a taken key becomes."""

from __future__ import annotations

from types import TracebackType
from typing import ClassVar, Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

_POSTGRES_UNIQUE_VIOLATION = "23505"
_SQLITE_UNIQUE_VIOLATIONS = {"SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"}


def is_unique_violation(error: IntegrityError) -> bool:
    """A key taken already (two writers appending the same event number, say), on
    PostgreSQL or SQLite."""
    cause = error.orig
    return (
        getattr(cause, "sqlstate", None) == _POSTGRES_UNIQUE_VIOLATION
        or getattr(cause, "sqlite_errorname", None) in _SQLITE_UNIQUE_VIOLATIONS
    )


class ConnectionUnitOfWork:
    conflict: ClassVar[type[Exception]]  # what a unique violation at commit is raised as

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None

    def _attach(self, connection: Connection) -> None:
        """Set the repositories on the connection (the subclass's own attributes)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("a unit of work is entered once")
        # The transaction begins with the first statement and again after each commit.
        self._connection = self._engine.connect()
        self._attach(self._connection)
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
                raise self.conflict(str(error.orig)) from error
            raise
