"""A community's registry as an append-only stream of events, and the community as folded
from them: its facts (households, occupancy), its organisations, the residents who sit on
them, the posts they hold, the kinships declared between them and the exceptions recorded
to "in principle" rules.

A community is a unit of the organisation tree (kind `community`, under its street); its
events are numbered 1, 2, ... in the order recorded. Nothing is edited: recording an
organisation or a member again under the same id is a new version of it (the fold keeps
the latest; the history keeps all), a post is ended by recording it again with its end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from govops.communities.model.composition import Person, Role, Seat
from govops.lawcode.texts.messages import Text


class EventKind(StrEnum):
    FACTS = "facts"  # households, occupancy, residents moving in
    ORGANISATION = "organisation"
    MEMBER = "member"
    POST = "post"
    KINSHIP = "kinship"
    EXCEPTION = "exception"
    MEETING = "meeting"  # a congress or council meeting held
    ELECTION = "election"  # a step of an election (model.election_case folds them)


class OrganisationKind(StrEnum):
    """Slide 3's four types (the Party's, the self-governing, the intermediary and the
    professional service organisations), the self-governing structure of slides 22-28
    (congress, committee, its sub-committees, the council, the resident groups)."""

    PARTY_COMMITTEE = "party_committee"  # 社區黨委(黨總支)
    PARTY_BRANCH = "party_branch"  # 社區黨支部
    CONGRESS = "congress"  # 社區居民代表大會 (decides)
    COMMITTEE = "committee"  # 社區居民委員會 (executes)
    SUBCOMMITTEE = "subcommittee"  # 下屬委員會
    COUNCIL = "council"  # 社區協商議事委員會 (deliberates)
    RESIDENT_GROUP = "resident_group"  # 居民小組, by building
    INTERMEDIARY = "intermediary"  # 社區中介組織
    PROFESSIONAL_SERVICE = "professional_service"  # 專業服務機構


PARTY_KINDS = frozenset({OrganisationKind.PARTY_COMMITTEE, OrganisationKind.PARTY_BRANCH})


class Relation(StrEnum):
    """Kinship declared between two members, as the relation of `a` to `b`. The rule of
    slide 38 names siblings and lineal relatives (兄弟姐妹或直系親屬); a spouse or another
    relative is recorded, but that rule does not count it (a reading: the text names no
    other)."""

    SIBLING = "sibling"
    PARENT = "parent"
    CHILD = "child"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    SPOUSE = "spouse"
    OTHER = "other"


KIN_RULE = frozenset(
    {Relation.SIBLING, Relation.PARENT, Relation.CHILD, Relation.GRANDPARENT, Relation.GRANDCHILD}
)
# The committee table's "in principle" rules a recorded exception clears.
EXCEPTIONS = ("director_age_exception", "retired_exception", "one_shoulder_exception")


class RegistryInputError(ValueError):
    """A field that cannot be accepted (the API answers 422 naming it); `message` says why."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Event:
    community: str  # the community's unit code
    seq: int  # 1, 2, ... per community, in the order recorded
    kind: EventKind
    data: dict[str, Any]
    actor: str  # username@unit
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Facts:
    households: int
    occupancy: Decimal  # percent of the homes lived in
    as_of: date
    moving_in_since: date | None = None  # a new estate: the day residents began moving in
    applied_on: date | None = None  # a new estate: the day a committee was applied for


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    kind: OrganisationKind
    name: str
    formed: date
    parent: str | None = None  # a sub-committee's committee
    subcommittee: str | None = None  # the pack's vocabulary subcommittee_kinds
    building: str | None = None  # a resident group's building
    dissolved: date | None = None
    elected: date | None = None  # a committee's (or council's) latest election: its term's start

    def active_on(self, day: date) -> bool:
        return self.formed <= day and (self.dissolved is None or day < self.dissolved)


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str
    birth_date: date
    retired: bool = False
    party_member: bool = False
    full_time: bool = True
    residence: str | None = None

    def person(self) -> Person:
        return Person(
            self.id, self.name, self.birth_date, self.retired, self.party_member, self.full_time
        )


@dataclass(frozen=True, slots=True)
class Post:
    member: str
    organisation: str
    role: Role
    start: date
    end: date | None = None
    full_time: bool | None = None  # held full-time (None: not said; a council's are part-time)

    @property
    def key(self) -> tuple[str, str, str, date]:
        return (self.member, self.organisation, self.role.value, self.start)

    def seat(self, dissolved: date | None = None) -> Seat:
        """The post as a seat; one in an organisation since dissolved ends with it."""
        ends = self.end if dissolved is None or (self.end and self.end < dissolved) else dissolved
        return Seat(self.member, self.role, self.start, ends)


@dataclass(frozen=True, slots=True)
class Kinship:
    a: str
    b: str
    relation: Relation


@dataclass(frozen=True, slots=True)
class RuleException:
    """An exception to an "in principle" rule of a committee, with its reason and day."""

    organisation: str
    rule: str  # one of EXCEPTIONS
    reason: str
    granted_on: date


@dataclass(frozen=True)
class Community:
    code: str
    events: tuple[Event, ...] = ()
    facts: Facts | None = None
    organisations: Mapping[str, Organisation] = field(default_factory=dict)
    members: Mapping[str, Member] = field(default_factory=dict)
    posts: Mapping[tuple[str, str, str, date], Post] = field(default_factory=dict)
    kinships: tuple[Kinship, ...] = ()
    exceptions: tuple[RuleException, ...] = ()
    meetings: Mapping[str, tuple[date, ...]] = field(default_factory=dict)  # by organisation
    elections: Mapping[str, tuple[date, ...]] = field(default_factory=dict)  # every `elected`
    facts_history: tuple[Facts, ...] = ()  # every facts event, in the order recorded
    seq: int = 0  # the last seq, of a community given without its events (`Folding.view`)

    @property
    def version(self) -> int:
        return self.events[-1].seq if self.events else self.seq

    def seats(self, organisation: str) -> list[Seat]:
        body = self.organisations.get(organisation)
        dissolved = body.dissolved if body is not None else None
        return [p.seat(dissolved) for p in self.posts.values() if p.organisation == organisation]

    def people(self) -> dict[str, Person]:
        return {m.id: m.person() for m in self.members.values()}

    def party_organisation(self, day: date) -> Organisation | None:
        found = [
            o for o in self.organisations.values() if o.kind in PARTY_KINDS and o.active_on(day)
        ]
        return found[0] if found else None

    def exceptions_of(self, organisation: str, day: date) -> list[str]:
        """The rules excepted for the committee on `day`: granted on or before it, for the
        term in force then (a reading: slide 38's 適當放寬 is made at an election, for the
        people then elected; an exception granted before the previous election has
        lapsed)."""
        term = self.term_start(organisation, day)
        earlier = [d for d in self.elections.get(organisation, ()) if d < term]
        lapsed = max(earlier) if earlier else None
        return sorted(
            {
                e.rule
                for e in self.exceptions
                if e.organisation == organisation
                and e.granted_on <= day
                and (lapsed is None or e.granted_on > lapsed)
            }
        )

    def term_start(self, organisation: str, day: date) -> date:
        """The start of the organisation's term in force on `day`: its latest election on
        or before it since it was (last) formed, else the day it was formed."""
        body = self.organisations.get(organisation)
        formed = body.formed if body is not None else date.min
        elected = self.elected_on(organisation, day)
        return elected if elected is not None and elected >= formed else formed

    def facts_on(self, day: date) -> Facts | None:
        """The facts as of the latest day on or before `day` (of that day, the last
        recorded); None when none was recorded as of then."""
        known = [f for f in self.facts_history if f.as_of <= day]
        return max(reversed(known), key=lambda f: f.as_of) if known else None

    def elected_on(self, organisation: str, day: date) -> date | None:
        """The organisation's election in force on `day`: the latest recorded on or before
        it (None: none recorded by then)."""
        held = [d for d in self.elections.get(organisation, ()) if d <= day]
        return max(held) if held else None

    def last_meeting(self, organisation: str, day: date) -> date | None:
        """The latest meeting of the organisation held on or before `day`."""
        held = [d for d in self.meetings.get(organisation, ()) if d <= day]
        return max(held) if held else None

    def kin(self, a: str, b: str) -> Relation | None:
        """The declared relation between `a` and `b` the kinship rule counts, if any."""
        for k in self.kinships:
            if {k.a, k.b} == {a, b} and k.relation in KIN_RULE:
                return k.relation
        return None
