"""A community folded from its registry's events, one event at a time: the latest facts,
the latest version of each organisation and member, each post by its key (member,
organisation, role, start; recorded again with its end when it ends), the kinships and
the exceptions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from govops.communities.model.composition import Role
from govops.communities.model.registry import (
    Community,
    Event,
    EventKind,
    Facts,
    Kinship,
    Member,
    Organisation,
    OrganisationKind,
    Post,
    Relation,
    RuleException,
)


def fold(code: str, events: list[Event]) -> Community:
    """The community as its events (in seq order) tell it."""
    folding = Folding(Community(code))
    for event in events:
        folding.add(event)
    return folding.community()


class Folding:
    """A community being folded one event at a time (an import checks each row on the
    community the rows before it leave, without folding the whole stream again)."""

    def __init__(self, start: Community) -> None:
        self.code, self.events = start.code, list(start.events)
        self.facts = start.facts
        self.organisations, self.members = dict(start.organisations), dict(start.members)
        self.posts = dict(start.posts)
        self.kinships, self.exceptions = list(start.kinships), list(start.exceptions)
        self.meetings = {key: list(days) for key, days in start.meetings.items()}
        self.elections = {key: set(days) for key, days in start.elections.items()}
        self.facts_history = list(start.facts_history)

    def add(self, event: Event) -> None:
        data = event.data
        self.events.append(event)
        if event.kind is EventKind.FACTS:
            self.facts = facts_of(data)
            self.facts_history.append(self.facts)
        elif event.kind is EventKind.ORGANISATION:
            self.organisations[data["id"]] = organisation_of(data)
            if data.get("elected"):  # every election kept: a term is the one of its day
                self.elections.setdefault(data["id"], set()).add(_day(data["elected"]))
        elif event.kind is EventKind.MEMBER:
            self.members[data["id"]] = member_of(data)
        elif event.kind is EventKind.POST:
            post = post_of(data)
            self.posts[post.key] = post
        elif event.kind is EventKind.KINSHIP:
            self.kinships.append(Kinship(data["a"], data["b"], Relation(data["relation"])))
        elif event.kind is EventKind.MEETING:
            self.meetings.setdefault(data["organisation"], []).append(_day(data["held_on"]))
        elif event.kind is EventKind.EXCEPTION:
            granted = _day(data["granted_on"])
            self.exceptions.append(
                RuleException(data["organisation"], data["rule"], data["reason"], granted)
            )

    def community(self) -> Community:
        """The community so far, with its history."""
        return self._made(tuple(self.events))

    def view(self) -> Community:
        """The community so far without its history (its version kept): what a new event
        is checked on, in constant time whatever the length of the stream. It shares this
        folding's tables: read it before adding."""
        return self._made(())

    def _made(self, events: tuple[Event, ...]) -> Community:
        return Community(
            self.code,
            events,
            self.facts,
            self.organisations,
            self.members,
            self.posts,
            tuple(self.kinships),
            tuple(self.exceptions),
            {key: tuple(days) for key, days in self.meetings.items()},
            {key: tuple(sorted(days)) for key, days in self.elections.items()},
            tuple(self.facts_history),
            self.events[-1].seq if self.events else 0,
        )


def facts_of(data: Mapping[str, Any]) -> Facts:
    since, applied = data.get("moving_in_since"), data.get("applied_on")
    return Facts(
        int(data["households"]),
        Decimal(data["occupancy"]),
        _day(data["as_of"]),
        _day(since) if since else None,
        _day(applied) if applied else None,
    )


def organisation_of(data: Mapping[str, Any]) -> Organisation:
    dissolved, elected = data.get("dissolved"), data.get("elected")
    return Organisation(
        data["id"],
        OrganisationKind(data["kind"]),
        data["name"],
        _day(data["formed"]),
        data.get("parent"),
        data.get("subcommittee"),
        data.get("building"),
        _day(dissolved) if dissolved else None,
        _day(elected) if elected else None,
    )


def member_of(data: Mapping[str, Any]) -> Member:
    return Member(
        data["id"],
        data["name"],
        _day(data["birth_date"]),
        bool(data.get("retired", False)),
        bool(data.get("party_member", False)),
        bool(data.get("full_time", True)),
        data.get("residence"),
    )


def member_data(member: Member) -> dict[str, Any]:
    """A member as the data of a `member` event (what `member_of` reads back)."""
    data: dict[str, Any] = {"id": member.id, "name": member.name}
    data |= {"birth_date": member.birth_date.isoformat(), "retired": member.retired}
    data |= {"party_member": member.party_member, "full_time": member.full_time}
    return data | ({"residence": member.residence} if member.residence else {})


def post_of(data: Mapping[str, Any]) -> Post:
    end = data.get("end")
    return Post(
        data["member"],
        data["organisation"],
        Role(data["role"]),
        _day(data["start"]),
        _day(end) if end else None,
        data.get("full_time"),
    )


def _day(text: str) -> date:
    return date.fromisoformat(text)
