"""The community registry's use cases: the only code that commits; every change appends an
event to the community's stream, numbered after the last one read (a concurrent writer's
event makes the append fail, and the change is decided again on the stream as it now is).

Who may do it is checked before (`access`); the service is given the signature the event
carries (`username@unit`) and the community's unit code, a unit of kind `community`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.communities.model.registry import Community, Event, EventKind
from govops.communities.model.registry_fold import Folding, fold
from govops.communities.model.registry_references import check_event
from govops.communities.ports import CommunityUnitOfWork, RegistryConflictError
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg

RETRIES = 5
SUBCOMMITTEE_KINDS = "subcommittee_kinds"  # the pack's vocabulary of sub-committees
Change = tuple[str, Mapping[str, Any]]  # (kind, data) as a caller gives it


class RegistryService:
    def __init__(
        self,
        unit_of_work: Callable[[], CommunityUnitOfWork],
        clock: Callable[[], datetime],
        pack: Pack,
    ) -> None:
        """`pack` (cn-community-organizations) gives the sub-committee kinds and the
        local timezone (today's date)."""
        self._uow, self._clock, self.pack = unit_of_work, clock, pack
        self._zone = ZoneInfo(pack.timezone)
        vocabulary = pack.vocabularies.get(SUBCOMMITTEE_KINDS, ())
        self._subcommittee_kinds = frozenset(entry.code for entry in vocabulary)

    def get(self, community: str) -> Community:
        """The community as recorded (empty when nothing is recorded yet)."""
        with self._uow() as uow:
            return fold(community, uow.communities.events(community))

    def recorded(self) -> list[str]:
        """The communities with a record, by code."""
        with self._uow() as uow:
            return uow.communities.communities()

    def record(self, community: str, kind: str, data: Mapping[str, Any], actor: str) -> Event:
        """One change; RegistryInputError naming the field when it cannot be accepted."""
        return self.record_all(community, [(kind, data)], actor)[0]

    def record_all(self, community: str, changes: Iterable[Change], actor: str) -> list[Event]:
        """Several changes at once, each checked on the community as the ones before it
        leave it: all are stored, or none (the first refused raises)."""
        wanted = list(changes)
        return self.append_decided(
            community, lambda current, now: self.decide(current, wanted, actor, now)
        )

    def append_decided(
        self, community: str, decide: Callable[[Community, datetime], list[Event]]
    ) -> list[Event]:
        """The events `decide` makes of the community as now recorded, appended and
        committed; decided again on the stream as it then is when a concurrent writer took
        their numbers."""
        for _ in range(RETRIES):
            now = self.now()
            with self._uow() as uow:
                current = fold(community, uow.communities.events(community))
                events = decide(current, now)
                try:
                    uow.communities.append(events)
                    uow.commit()
                except RegistryConflictError:
                    continue
                return events
        raise RegistryConflictError(
            msg("community {community} is being changed by others; try again", community=community)
        )

    def decide(
        self, community: Community, changes: list[Change], actor: str, now: datetime
    ) -> list[Event]:
        """The events the changes make, each checked after the ones before it."""
        events: list[Event] = []
        folding = Folding(community)
        for kind, data in changes:
            event = self.event_for(folding.view(), kind, data, actor, now)
            events.append(event)
            folding.add(event)
        return events

    def event_for(
        self, community: Community, kind: str, data: Mapping[str, Any], actor: str, now: datetime
    ) -> Event:
        """The next event of `community` for one change; RegistryInputError naming the field
        when it cannot be accepted."""
        found, checked = check_event(kind, data, community, now.date(), self._subcommittee_kinds)
        return Event(community.code, community.version + 1, found, checked, actor, now)

    def today(self) -> date:
        return self.now().date()

    def now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")  # a bug
        return now.astimezone(self._zone)


__all__ = ["Change", "EventKind", "RegistryService"]
