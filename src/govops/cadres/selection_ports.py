"""What the selection use cases need from storage: an append-only log of events per
selection case (`govops.cadres.procedure.Event`), inside one unit of work."""

from __future__ import annotations

from typing import Protocol

from govops.cadres.procedure import Event
from govops.ports import Transaction


class SelectionConflictError(Exception):
    """Another writer appended to the same case first (the event's seq is taken)."""


class SelectionRepository(Protocol):
    def append(self, events: list[Event]) -> None:
        """Store new events; SelectionConflictError if a (case, seq) pair already exists.
        The first event of a case (seq 1, its motion) also lists the case."""

    def events(self, case_id: str) -> list[Event]:
        """A case's events in seq order (none for an unknown case)."""

    def case_ids(self) -> list[str]:
        """Every case, the latest motion first (motions at the same instant by id)."""


class SelectionUnitOfWork(Transaction, Protocol):
    selections: SelectionRepository
