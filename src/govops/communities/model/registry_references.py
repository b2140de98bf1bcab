"""What a new event must be beyond its own fields: what it refers to present in the
community (a post's member and organisation, a kinship's two members, an exception's
committee, a sub-committee's committee), a post fitting its organisation's kind, one Party
organisation at a time, an organisation keeping its kind. `check_event` is the whole
check of a new event: its fields (`registry_checks`), then these."""

from __future__ import annotations

from datetime import date
from typing import Any

from govops.communities.model.composition import Role
from govops.communities.model.organisation_units import check_unit_code
from govops.communities.model.registry import (
    PARTY_KINDS,
    Community,
    EventKind,
    OrganisationKind,
    RegistryInputError,
)
from govops.communities.model.registry_checks import check_fields, event_kind, one_of
from govops.lawcode.texts.messages import msg

# The bodies whose meetings have a cadence (slides 23, 29).
MEETING_KINDS = frozenset({OrganisationKind.CONGRESS, OrganisationKind.COUNCIL})
# The bodies elected for a term (the committee: Art. 8; the council: slide 28).
ELECTED_KINDS = frozenset({OrganisationKind.COMMITTEE, OrganisationKind.COUNCIL})
# Kinds a community has one of at a time.
ONE_AT_A_TIME = (PARTY_KINDS, frozenset({OrganisationKind.COMMITTEE}))
PARTY_ROLES = frozenset({Role.SECRETARY.value, Role.DEPUTY_SECRETARY.value})


def check_event(
    kind: object,
    data: object,
    community: Community,
    today: date,
    subcommittee_kinds: frozenset[str] = frozenset(),
) -> tuple[EventKind, dict[str, Any]]:
    """A new event's kind and fields, checked against the community it is added to."""
    found = event_kind(kind)
    if found is EventKind.ELECTION:  # its steps have their own guards (model.election_case)
        raise RegistryInputError(
            "kind", msg("an election's steps are recorded as such: govops communities election")
        )
    checked = check_fields(found, data)
    if found is EventKind.ORGANISATION:
        _check_organisation(checked, community, subcommittee_kinds, today)
    elif found is EventKind.MEMBER:
        _check_member(checked, community, today)
    elif found is EventKind.POST:
        _check_post(checked, community)
    elif found is EventKind.KINSHIP:
        _check_kinship(checked, community)
    elif found is EventKind.MEETING:
        if _organisation(community, "organisation", checked["organisation"]) not in MEETING_KINDS:
            raise RegistryInputError(
                "data.organisation", msg("meetings are recorded for the congress and the council")
            )
        _not_after("held_on", checked, today)
    elif found is EventKind.EXCEPTION:
        held = _organisation(community, "organisation", checked["organisation"])
        if held != OrganisationKind.COMMITTEE:
            raise RegistryInputError(
                "data.organisation", msg("exceptions are recorded for a residents' committee")
            )
    return found, checked


def _not_after(name: str, checked: dict[str, Any], today: date) -> None:
    if checked[name] > today.isoformat():
        raise RegistryInputError(f"data.{name}", msg("is after today"))


def _check_kinship(checked: dict[str, Any], community: Community) -> None:
    for name in ("a", "b"):
        _member(community, name, checked[name])
    if checked["a"] == checked["b"]:
        raise RegistryInputError("data.b", msg("is the same member as a"))


def _check_organisation(
    checked: dict[str, Any], community: Community, subcommittee_kinds: frozenset[str], today: date
) -> None:
    held = community.organisations.get(checked["id"])
    if held is None:  # one recorded before its unit was kept in the tree keeps its id
        check_unit_code(community.code, checked["id"], checked["kind"])
    if held is not None and held.kind.value != checked["kind"]:
        raise RegistryInputError(
            "data.kind",
            msg(
                "organisation {id} is a {kind}; it keeps its kind", id=held.id, kind=held.kind.value
            ),
        )
    if "dissolved" in checked and checked["dissolved"] <= checked["formed"]:
        raise RegistryInputError("data.dissolved", msg("must be after the day it was formed"))
    for group in ONE_AT_A_TIME:
        if checked["kind"] in group:
            _one_at_a_time(checked, community, group)
    if "elected" in checked:
        _check_elected(checked, today)
    _check_subcommittee(checked, community, subcommittee_kinds)


def _check_elected(checked: dict[str, Any], today: date) -> None:
    if checked["kind"] not in ELECTED_KINDS:
        raise RegistryInputError(
            "data.elected", msg("only a residents' committee or a council is elected")
        )
    if checked["elected"] < checked["formed"]:
        raise RegistryInputError("data.elected", msg("is before the day it was formed"))
    _not_after("elected", checked, today)


def _check_subcommittee(
    checked: dict[str, Any], community: Community, subcommittee_kinds: frozenset[str]
) -> None:
    """A sub-committee names its committee and its kind (the pack's vocabulary); no other
    organisation does."""
    sub = checked["kind"] == OrganisationKind.SUBCOMMITTEE.value
    if sub != ("parent" in checked):
        reason = (
            msg("a sub-committee names its committee")
            if sub
            else msg("only a sub-committee has a parent")
        )
        raise RegistryInputError("data.parent", reason)
    if sub:
        if _organisation(community, "parent", checked["parent"]) != OrganisationKind.COMMITTEE:
            raise RegistryInputError("data.parent", msg("must be a residents' committee"))
        if "subcommittee" not in checked:
            raise RegistryInputError("data.subcommittee", msg("is required"))
        one_of(tuple(sorted(subcommittee_kinds)))("data.subcommittee", checked["subcommittee"])
    elif "subcommittee" in checked:
        raise RegistryInputError(
            "data.subcommittee", msg("only a sub-committee has a kind of sub-committee")
        )


def _one_at_a_time(
    checked: dict[str, Any], community: Community, group: frozenset[OrganisationKind]
) -> None:
    """A community has one Party organisation at a time (a committee or a branch, slide
    35) and one residents' committee: another still in place when this one is formed is
    refused."""
    formed, dissolved = checked["formed"], checked.get("dissolved")
    for other in community.organisations.values():
        if other.id == checked["id"] or other.kind not in group:
            continue
        ends = other.dissolved.isoformat() if other.dissolved else None
        overlaps = (ends is None or formed < ends) and (
            dissolved is None or other.formed.isoformat() < dissolved
        )
        if overlaps:
            raise RegistryInputError(
                "data.kind",
                msg(
                    "the community already has the organisation {id} of this kind then; "
                    "record its dissolution first",
                    id=other.id,
                ),
            )


def _check_post(checked: dict[str, Any], community: Community) -> None:
    _member(community, "member", checked["member"])
    kind = _organisation(community, "organisation", checked["organisation"])
    if "end" in checked and checked["end"] <= checked["start"]:
        raise RegistryInputError("data.end", msg("must be after the start"))
    _within_lives(checked, community)
    if kind in PARTY_KINDS:
        allowed = PARTY_ROLES | {Role.MEMBER.value}
    else:
        allowed = frozenset({Role.DIRECTOR.value, Role.DEPUTY.value, Role.MEMBER.value})
    if checked["role"] not in allowed:
        raise RegistryInputError(
            "data.role",
            msg(
                "a {kind} has no post {role} (posts: {posts})",
                kind=kind.value,
                role=checked["role"],
                posts=", ".join(sorted(allowed)),
            ),
        )


def _within_lives(checked: dict[str, Any], community: Community) -> None:
    """A post is held by someone born by then, in an organisation formed by then and not
    dissolved before it starts."""
    start = date.fromisoformat(checked["start"])
    if start < community.members[checked["member"]].birth_date:
        raise RegistryInputError("data.start", msg("is before the member was born"))
    body = community.organisations[checked["organisation"]]
    if start < body.formed:
        raise RegistryInputError("data.start", msg("is before the organisation was formed"))
    if body.dissolved is not None and start >= body.dissolved:
        raise RegistryInputError("data.start", msg("is after the organisation was dissolved"))


def _check_member(checked: dict[str, Any], community: Community, today: date) -> None:
    """Born by today, and before any post already recorded for them."""
    _not_after("birth_date", checked, today)
    born = date.fromisoformat(checked["birth_date"])
    held = [p.start for p in community.posts.values() if p.member == checked["id"]]
    if held and born > min(held):
        raise RegistryInputError(
            "data.birth_date",
            msg("is after the start of a post the member holds ({start})", start=min(held)),
        )


def _member(community: Community, name: str, member: str) -> None:
    if member not in community.members:
        raise RegistryInputError(
            f"data.{name}", msg("no member {id} in this community", id=repr(member))
        )


def _organisation(community: Community, name: str, organisation: str) -> OrganisationKind:
    held = community.organisations.get(organisation)
    if held is None:
        raise RegistryInputError(
            f"data.{name}", msg("no organisation {id} in this community", id=repr(organisation))
        )
    return held.kind
