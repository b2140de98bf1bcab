"""A community's residents' committees and resident groups as units of the organisation
tree, under the community's unit (the issue's "communities, committees and resident groups
are units of that tree"): derived from the registry, which stays the record of them, so
that roles can be granted at a committee or a group and the tree shows them. A unit's code
is the community's and the organisation's joined by a dot (`community.organisation`), its
name the organisation's, written in the registry's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govops.communities.model.registry import (
    Community,
    EventKind,
    OrganisationKind,
    RegistryInputError,
)
from govops.lawcode.texts.messages import msg
from govops.platform.identity.units import Unit

UNIT_KINDS = {
    OrganisationKind.COMMITTEE: "committee",
    OrganisationKind.RESIDENT_GROUP: "resident_group",
}
MAX_UNIT_CODE = 64  # as every unit's code (the unit register's column)


def unit_code(community: str, organisation: str) -> str:
    return f"{community}.{organisation}"


def check_unit_code(community: str, organisation: str, kind: str) -> None:
    """A committee's or a resident group's id short enough to make its unit's code."""
    code = unit_code(community, organisation)
    if kind in {k.value for k in UNIT_KINDS} and len(code) > MAX_UNIT_CODE:
        raise RegistryInputError(
            "data.id",
            msg(
                "its unit in the organisation tree would be {code}, longer than {count} "
                "characters: give a shorter id",
                code=code,
                count=MAX_UNIT_CODE,
            ),
        )


def organisation_units(community: Community, language: str) -> list[Unit]:
    """The community's committees and resident groups (dissolved ones too: a unit keeps
    its history) as units under the community's, in the registry's order."""
    return [
        Unit(
            unit_code(community.code, organisation.id),
            {language: organisation.name},
            UNIT_KINDS[organisation.kind],
            community.code,
        )
        for organisation in community.organisations.values()
        if organisation.kind in UNIT_KINDS
    ]


def recorded_by(community: Community) -> dict[str, str]:
    """Each organisation unit's code, with who last recorded its organisation."""
    found: dict[str, str] = {}
    for event in community.events:
        if event.kind is EventKind.ORGANISATION:
            found[unit_code(community.code, event.data["id"])] = event.actor
    return found


def wanted_units(community: str, changes: Iterable[tuple[str, object]]) -> list[Unit]:
    """The units the organisation changes asked for would take (named, like the changes,
    before they are checked: an organisation's kind and id as given)."""
    kinds = {k.value: name for k, name in UNIT_KINDS.items()}
    return [
        Unit(unit_code(community, data["id"]), {}, kinds[data["kind"]], community)
        for kind, data in changes
        if kind == EventKind.ORGANISATION.value
        and isinstance(data, Mapping)
        and isinstance(data.get("id"), str)
        and data.get("kind") in kinds
    ]
