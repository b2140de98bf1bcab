"""What the community use cases need from storage, inside one unit of work: per community
(a unit code), an append-only stream of registry events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from govops.communities.model.registry import Event
from govops.lawcode.texts.messages import Text
from govops.platform.identity.units import Unit
from govops.platform.ports import Transaction


class RegistryConflictError(Exception):
    """Another writer appended to the same community first (the event's seq is taken);
    `message` says so (a Message from the service; the database's words from storage)."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


class CommunityRepository(Protocol):
    def append(self, events: list[Event]) -> None:
        """Store new events; RegistryConflictError if a (community, seq) pair is taken."""

    def events(self, community: str) -> list[Event]:
        """A community's events in seq order (none for a community never recorded)."""

    def communities(self) -> list[str]:
        """Every community with at least one event, by code."""


class CommunityUnitOfWork(Transaction, Protocol):
    communities: CommunityRepository


class OrganisationUnits(Protocol):
    """The organisation tree, as the registry keeps its committees and resident groups in
    it (model.organisation_units); the composition root gives the unit register's."""

    def taken(self, units: Sequence[Unit]) -> list[str]:
        """The codes among `units` that the tree holds as another unit (another kind or
        another parent): an organisation may not take them."""

    def record(self, units: Sequence[Unit], actor: str) -> int:
        """Record the units that are new or changed, attributed to `actor` (the registry
        event's, `username@unit`), never replacing one held otherwise; how many were."""
