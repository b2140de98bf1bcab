"""The units of work of one process on one SQLite file take turns, first come first served.

SQLite lets one writer in at a time (every unit of work is a writer here: BEGIN IMMEDIATE,
see `database`). The others wait in SQLite's busy handler, which sleeps and polls (up to
100 ms between polls) and gives up after the busy time-out, whoever came first: under
sixteen duty officers following up one incident at once, a writer could keep losing the
race and fail with "database is locked" after 10 s. Inside one process the units of work
on a SQLite file therefore queue here: each waits for its turn in the order it came, woken
as soon as the one before it is done. SQLite's busy handler is left to writers in other
processes (a command run beside the server). A unit of work that waits longer than
`WAIT_SECONDS` for its turn is told the storage is busy (`platform.ports.StorageBusyError`).

PostgreSQL needs no turns: its writers wait on the rows they touch, not on the database.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path

from sqlalchemy import Engine

WAIT_SECONDS = 30.0


class Turns:
    """A first-come-first-served lock, re-entrant in the thread holding it."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._queue: deque[object] = deque()  # a ticket per waiting thread, in arrival order
        self._holder: int | None = None
        self._depth = 0

    def take(self, timeout: float = WAIT_SECONDS) -> bool:
        """Wait for this thread's turn; False if it did not come within `timeout` s."""
        me = threading.get_ident()
        with self._condition:
            if self._holder == me:
                self._depth += 1
                return True
            ticket = object()
            self._queue.append(ticket)
            deadline = time.monotonic() + timeout
            while self._holder is not None or self._queue[0] is not ticket:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._queue.remove(ticket)
                    self._condition.notify_all()  # the next in line may be first now
                    return False
                self._condition.wait(remaining)
            self._queue.popleft()
            self._holder, self._depth = me, 1
            return True

    def give_back(self) -> None:
        with self._condition:
            if self._holder != threading.get_ident():
                raise RuntimeError("a turn is given back by the thread that took it")
            self._depth -= 1
            if self._depth == 0:
                self._holder = None
                self._condition.notify_all()

    @property
    def waiting(self) -> int:
        """How many threads wait for their turn (for tests and diagnostics)."""
        with self._condition:
            return len(self._queue)


_TURNS: dict[str, Turns] = {}
_REGISTRY = threading.Lock()


def turns_for(engine: Engine) -> Turns | None:
    """The turns of `engine`'s database: one per SQLite file in this process (every engine
    on the file shares them), one per engine for an in-memory database; None for a server
    database."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    in_memory = not database or database == ":memory:" or database.startswith("file:")
    key = f"engine {id(engine)}" if in_memory else str(Path(database).expanduser().resolve())
    with _REGISTRY:
        return _TURNS.setdefault(key, Turns())
