"""What every module's unit of work promises its service, whatever the storage behind it:
a `with` block that rolls back whatever was not committed, and `commit`; StorageBusyError
when the storage stayed busy with other writers (nothing written: it may be tried again)."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self


class Transaction(Protocol):
    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""

    def commit(self) -> None: ...


class StorageBusyError(Exception):
    """Other writers kept the storage busy past the wait allowed: nothing was written, and
    the same unit of work may be tried again (a service retries it a few times with a
    pause; an interface answers "busy, try again shortly")."""
