"""The composition check of many communities at once (a street's): their residents'
committees through the columnar batch (`model.composition_batch`, one table of people,
organisations and seats for all of them, ids prefixed by the community since each
community numbers its own), the other bodies one by one (`composition`). One row per
organisation checked: community, organisation, kind, verdict, breaches (outcome ids)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl

from govops.communities.model.composition_batch import check_committees
from govops.communities.model.registry import (
    Community,
    Member,
    OrganisationKind,
    Post,
    RegistryInputError,
)
from govops.communities.service.composition import (
    COMMITTEE_TABLE,
    check_organisation,
    checked_organisations,
)
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack

SEPARATOR = "/"  # between a community's code and its own id in the batch's ids


def check_street(pack: Pack, communities: Iterable[Community], day: date) -> list[dict[str, Any]]:
    """Every checked organisation of `communities` on `day`, community by community, each
    community's committees first."""
    held = list(communities)
    frames = _frames(held, day)
    try:  # a day no value is in force on (before the worked example's 2012) is refused
        table, parameters = pack.table(COMMITTEE_TABLE), pack.rules_as_of(day)
        judged = check_committees(*frames[:3], day, table, parameters, frames[3])
    except ParameterError as error:
        raise RegistryInputError("as_of", error.message) from None
    except BatchInputError as error:  # a record the checks let through, the batch refuses
        raise RegistryInputError("under", error.message) from None
    committees = {
        row["organisation"]: row
        for row in judged.select("organisation", "verdict", "breaches").to_dicts()
    }
    rows: list[dict[str, Any]] = []
    for community in held:
        for organisation in checked_organisations(community, day):
            key = f"{community.code}{SEPARATOR}{organisation.id}"
            row: dict[str, Any] = {"community": community.code, "organisation": organisation.id}
            row["kind"] = organisation.kind.value
            if organisation.kind is OrganisationKind.COMMITTEE:
                found = committees[key]
                row |= {"verdict": str(found["verdict"]), "breaches": list(found["breaches"])}
            else:
                decision = check_organisation(pack, community, organisation.id, day).decision
                verdict = assess(decision)
                row["verdict"] = verdict.verdict.value
                row["breaches"] = [o.value for o in decision.outcomes]
            rows.append(row)
    rows.sort(key=lambda r: (r["community"], r["kind"] != OrganisationKind.COMMITTEE.value))
    return rows


def _frames(
    communities: list[Community], day: date
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """people, organisations, seats and exceptions of the batch's schema."""
    people, organisations, seats, exceptions = [], [], [], []
    for community in communities:
        prefix = community.code + SEPARATOR
        active = {o.id: o for o in community.organisations.values() if o.active_on(day)}
        people += [_person(prefix, member) for member in community.members.values()]
        for o in active.values():
            organisations.append((prefix + o.id, o.kind.value, community.code))
            exceptions += [(prefix + o.id, rule) for rule in community.exceptions_of(o.id, day)]
        seats += [
            _seat(prefix, post) for post in community.posts.values() if post.organisation in active
        ]
    return (
        pl.DataFrame(people, schema=PEOPLE, orient="row"),
        pl.DataFrame(organisations, schema=ORGANISATIONS, orient="row"),
        pl.DataFrame(seats, schema=SEATS, orient="row"),
        pl.DataFrame(exceptions, schema=EXCEPTIONS, orient="row"),
    )


def _person(prefix: str, member: Member) -> tuple[object, ...]:
    return (
        prefix + member.id,
        member.birth_date,
        member.retired,
        member.party_member,
        member.full_time,
    )


def _seat(prefix: str, post: Post) -> tuple[object, ...]:
    return (prefix + post.organisation, prefix + post.member, post.role.value, post.start, post.end)


PEOPLE: dict[str, pl.DataType | type[pl.DataType]] = {
    "id": pl.String,
    "birth_date": pl.Date,
    "retired": pl.Boolean,
    "party_member": pl.Boolean,
    "full_time": pl.Boolean,
}
ORGANISATIONS = {"id": pl.String, "kind": pl.String, "community": pl.String}
SEATS: dict[str, pl.DataType | type[pl.DataType]] = {
    "organisation": pl.String,
    "person": pl.String,
    "role": pl.String,
    "start": pl.Date,
    "end": pl.Date,
}
EXCEPTIONS = {"organisation": pl.String, "exception": pl.String}
