"""Trying a unit of work again while the storage is busy (SQLite locked by another process
past its busy time-out; `platform.ports.StorageBusyError`): after a pause doubled each time,
with jitter, so that the writers that collided do not collide again; then the error stands
("try again shortly"). Services wrap in it the units of work a request cannot do without:
the intake, the reads before a change, the look-up of who is asking."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from govops.platform.ports import StorageBusyError

ATTEMPTS = 5
FIRST_PAUSE, LONGEST_PAUSE = 0.05, 1.0  # seconds
T = TypeVar("T")


def pause(attempt: int) -> None:
    """Wait before the next attempt: 50 ms, 100 ms, 200 ms... at most 1 s, with jitter."""
    longest = min(FIRST_PAUSE * 2**attempt, LONGEST_PAUSE)
    time.sleep(random.uniform(longest / 2, longest))  # jitter, not a secret


def patiently(unit: Callable[[], T]) -> T:
    """`unit` (one unit of work), tried again after a pause while the storage is busy, at
    most ATTEMPTS times in all (each waits up to SQLite's busy time-out)."""
    for attempt in range(ATTEMPTS - 1):
        try:
            return unit()
        except StorageBusyError:
            pause(attempt)
    return unit()
