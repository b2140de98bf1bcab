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

from govops.communities.model.organisation_units import (
    MAX_UNIT_CODE,
    organisation_units,
    recorded_by,
    unit_code,
    wanted_units,
)
from govops.communities.model.registry import Community, Event, EventKind, RegistryInputError
from govops.communities.model.registry_fold import Folding, fold
from govops.communities.model.registry_references import check_event
from govops.communities.ports import (
    CommunityUnitOfWork,
    OrganisationUnits,
    RegistryConflictError,
)
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg
from govops.platform.identity.units import Unit

RETRIES = 5
SUBCOMMITTEE_KINDS = "subcommittee_kinds"  # the pack's vocabulary of sub-committees
Change = tuple[str, Mapping[str, Any]]  # (kind, data) as a caller gives it


class RegistryService:
    def __init__(
        self,
        unit_of_work: Callable[[], CommunityUnitOfWork],
        clock: Callable[[], datetime],
        pack: Pack,
        units: OrganisationUnits | None = None,
    ) -> None:
        """`pack` (cn-community-organizations) gives the sub-committee kinds and the
        local timezone (today's date); `units`, the organisation tree the committees and
        resident groups are kept in (none: they are not)."""
        self._uow, self._clock, self.pack = unit_of_work, clock, pack
        self._units = units
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
        self._refuse_taken(community, wanted)
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
            self._into_tree(current, events)
            return events
        raise RegistryConflictError(
            msg("community {community} is being changed by others; try again", community=community)
        )

    def units_into_tree(self) -> tuple[int, list[str]]:
        """Every recorded community's committees and resident groups into the organisation
        tree, where one is missing or its name differs (a database recorded before they
        were kept there, or a stop between the registry's commit and the tree's): how many
        units were recorded, and the codes left out (held in the tree by another unit, or
        too long for a unit's code); the composition root says those at start."""
        if self._units is None:
            return 0, []
        recorded, refused = 0, []
        for code in self.recorded():
            community = self.get(code)
            units, left_out = self._placeable(organisation_units(community, self.pack.language))
            refused += left_out
            by = recorded_by(community)
            for actor in sorted({by[u.code] for u in units}):
                recorded += self._units.record([u for u in units if by[u.code] == actor], actor)
        return recorded, refused

    def _placeable(self, units: list[Unit]) -> tuple[list[Unit], list[str]]:
        """The units the tree may take, and the codes it may not: too long for a unit's
        code, or held by another unit (another kind or parent), which is never replaced."""
        assert self._units is not None
        fitting = [u for u in units if len(u.code) <= MAX_UNIT_CODE]
        taken = set(self._units.taken(fitting))
        kept = [u for u in fitting if u.code not in taken]
        return kept, sorted({u.code for u in units} - {u.code for u in kept})

    def _into_tree(self, before: Community, events: list[Event]) -> None:
        """After the registry's commit (a transaction of the unit register's cannot nest
        in it): the committees and groups these events recorded, into the tree (the port
        keeps a failure there from undoing the registry's; start-up puts in what is
        missing)."""
        if self._units is None:
            return
        touched = {e.data["id"] for e in events if e.kind is EventKind.ORGANISATION}
        if not touched:
            return
        folding = Folding(before)
        for event in events:
            folding.add(event)
        mine = [
            unit
            for unit in organisation_units(folding.community(), self.pack.language)
            if unit.code in {unit_code(before.code, i) for i in touched}
        ]
        # The port never replaces a unit held otherwise; those left out are said at start.
        fitting = [unit for unit in mine if len(unit.code) <= MAX_UNIT_CODE]
        if fitting:
            self._units.record(fitting, events[-1].actor)

    def _refuse_taken(self, community: str, changes: list[Change]) -> None:
        """Before anything is stored: a new organisation whose unit code the tree holds as
        another unit is refused (one recorded before stays out of the tree, said at
        start)."""
        if self._units is None:
            return
        wanted = wanted_units(community, changes)
        if not wanted:
            return
        known = self.get(community).organisations
        new = [u for u in wanted if u.code.removeprefix(f"{community}.") not in known]
        taken = self._units.taken(new) if new else []
        if taken:
            raise RegistryInputError(
                "data.id",
                msg(
                    "the organisation tree has a unit {code} already: give the organisation "
                    "another id",
                    code=taken[0],
                ),
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
