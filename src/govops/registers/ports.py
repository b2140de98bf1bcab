"""What the registers' use cases need from storage, inside one unit of work: per unit (a
unit code), an append-only stream of register events."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from govops.platform.ports import Transaction
from govops.registers.model.records import Event


class RegisterConflictError(Exception):
    """Another writer appended to the same unit's registers first (the seq is taken)."""


class RegisterRepository(Protocol):
    def append(self, events: list[Event]) -> None:
        """Store new events; RegisterConflictError if a (unit, seq) pair is taken."""

    def events(self, units: Collection[str]) -> list[Event]:
        """The events of `units`, in the order they were recorded."""

    def last_seq(self, unit: str) -> int:
        """The unit's last seq (0 before its first event)."""


class RegisterUnitOfWork(Transaction, Protocol):
    registers: RegisterRepository
