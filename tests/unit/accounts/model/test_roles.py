"""The role catalogue is data: the built-in one is whole, and a catalogue naming an
unknown permission or lacking an administrator is refused."""

from __future__ import annotations

import pytest

from govops.accounts.model.roles import (
    RoleCatalogueError,
    builtin_catalogue_text,
    parse_catalogue,
)

ROLES_OF_THE_ISSUE = {
    "duty_officer",
    "office_head",
    "department_liaison",
    "organisation_staff",
    "selection_team_member",
    "committee_member",
    "street_staff",
    "community_staff",
    "district_emergency_staff",  # the district plan's registers
    "population_officer",
    "viewer",
    "administrator",
    "monitor",  # a scraper's token for /metrics
}


def test_the_builtin_catalogue_has_every_role_with_names_in_three_languages() -> None:
    catalogue = parse_catalogue(builtin_catalogue_text())
    assert set(catalogue.roles) == ROLES_OF_THE_ISSUE
    for role in catalogue.roles.values():
        assert {"zh-Hans", "vi", "en"} <= set(role.names), role.code
        assert role.permissions <= set(catalogue.permissions)


def test_dossiers_are_read_only_by_the_selection_team_and_the_committee() -> None:
    catalogue = parse_catalogue(builtin_catalogue_text())
    readers = {code for code, role in catalogue.roles.items() if "dossier.read" in role.permissions}
    assert readers == {"selection_team_member", "committee_member"}
    deciders = {c for c, r in catalogue.roles.items() if "selection.decide" in r.permissions}
    assert deciders == {"committee_member"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[]", "a mapping"),
        (
            "permissions: {a.b: {en: A}}\n"
            "roles: {administrator: {names: {en: X}, permissions: [c.d]}}",
            "unknown permissions",
        ),
        (
            "permissions: {a.b: {en: A}}\nroles: {viewer: {names: {en: V}, permissions: [a.b]}}",
            "administrator",
        ),
        ("permissions: {a.b: {en: ''}}\nroles: {}", "names"),
        ("permissions: [", "not YAML"),
    ],
)
def test_a_broken_catalogue_is_refused_saying_why(text: str, problem: str) -> None:
    with pytest.raises(RoleCatalogueError, match=problem):
        parse_catalogue(text)
