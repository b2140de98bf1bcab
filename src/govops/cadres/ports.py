"""What the registry use cases need from storage: people, and an append-only log of entries
per person, inside one unit of work."""

from __future__ import annotations

from typing import Protocol

from govops.cadres.registry import Entry, Person
from govops.ports import Transaction


class RegistryConflictError(Exception):
    """Another writer appended to the same person first (the entry's seq is taken)."""


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
