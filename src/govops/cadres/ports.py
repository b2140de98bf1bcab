"""What the cadre use cases need from storage, each inside one unit of work: for the
registry, people and an append-only log of entries per person; for selections, an
append-only log of events per selection case (`govops.cadres.model.selection.Event`), with
the registry beside it, since an appointment writes both at once."""

from __future__ import annotations

from typing import Protocol

from govops.cadres.model.registry import Entry, Person
from govops.cadres.model.selection import Event
from govops.lawcode.texts.messages import Text
from govops.platform.ports import Transaction


class RegistryConflictError(Exception):
    """Another writer appended to the same person first (the entry's seq is taken);
    `message` says so (a Message from the service; the database's words from storage)."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


class CadreRepository(Protocol):
    def add_person(self, person: Person) -> None: ...

    def person(self, person_id: str) -> Person | None: ...

    def people(self) -> list[Person]:
        """Everyone, by name (then id)."""

    def append(self, entries: list[Entry]) -> None:
        """Store new entries; RegistryConflictError if a (person, seq) pair already exists."""

    def entries(self, person_id: str) -> list[Entry]:
        """A person's entries in seq order."""


class CadreUnitOfWork(Transaction, Protocol):
    cadres: CadreRepository


class SelectionConflictError(Exception):
    """Another writer appended to the same case first (the event's seq is taken);
    `message` says so (a Message from the service; the database's words from storage)."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


class SelectionRepository(Protocol):
    def append(self, events: list[Event]) -> None:
        """Store new events; SelectionConflictError if a (case, seq) pair already exists.
        The first event of a case (seq 1, its motion) also lists the case."""

    def events(self, case_id: str) -> list[Event]:
        """A case's events in seq order (none for an unknown case)."""

    def case_ids(self) -> list[str]:
        """Every case, the latest motion first (motions at the same instant by id)."""


class SelectionUnitOfWork(Transaction, Protocol):
    """The cases, and the registry the appointment writes its post into (same transaction)."""

    selections: SelectionRepository
    cadres: CadreRepository
