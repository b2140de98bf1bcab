"""An actor's permissions at a unit come from the roles granted there or above it; a
scope is the units under the grants; a token limits its owner's permissions."""

from __future__ import annotations

import pytest

from govops.platform.identity.actor import Actor, Grant
from govops.platform.identity.roles import Permission, Role, RoleCatalogue
from govops.platform.identity.units import Unit, UnitTree, UnitTreeError

TREE = UnitTree.of(
    [
        Unit("county", {"zh-Hans": "县"}, "county"),
        Unit("town-a", {"zh-Hans": "甲镇"}, "township", "county"),
        Unit("town-b", {"zh-Hans": "乙镇"}, "township", "county"),
        Unit("village", {"zh-Hans": "村"}, "community", "town-a"),
        Unit("university", {"en": "University"}, "university"),
    ]
)
CATALOGUE = RoleCatalogue(
    {code: Permission(code, {"en": code}) for code in ("incident.read", "incident.close", "x.y")},
    {
        "officer": Role("officer", {"en": "Officer"}, frozenset({"incident.read"})),
        "head": Role("head", {"en": "Head"}, frozenset({"incident.read", "incident.close"})),
    },
)


def actor(*grants: Grant, limit: frozenset[str] | None = None) -> Actor:
    return Actor("u1", "wang", "王", grants, CATALOGUE, TREE, "session", limit)


def test_a_grant_applies_to_its_unit_and_every_unit_below() -> None:
    officer = actor(Grant("officer", "town-a"))
    assert officer.can("incident.read", "town-a") and officer.can("incident.read", "village")
    assert not officer.can("incident.read", "town-b")
    assert not officer.can("incident.read", "county")
    assert not officer.can("incident.close", "village")
    assert officer.can("incident.read") and not officer.can("incident.close")


def test_the_scope_of_a_permission_is_the_units_under_its_grants() -> None:
    both = actor(Grant("officer", "town-a"), Grant("head", "town-b"))
    scope = both.scope("incident.read")
    assert "village" in scope and "town-b" in scope and "county" not in scope
    assert scope.units() == {"town-a", "village", "town-b"}
    assert both.scope("incident.close").units() == {"town-b"}
    assert "nowhere" not in scope


def test_the_acting_unit_is_the_grant_nearest_the_place() -> None:
    head = actor(Grant("head", "county"), Grant("officer", "town-a"))
    assert head.acting_unit("incident.read", "village") == "town-a"
    assert head.acting_unit("incident.close", "village") == "county"
    assert head.acting_unit("incident.close", "university") is None


def test_a_token_acts_with_its_owners_grants_at_most() -> None:
    limited = actor(Grant("head", "county"), limit=frozenset({"incident.read"}))
    assert limited.can("incident.read", "town-b")
    assert not limited.can("incident.close", "town-b")
    widened = actor(Grant("officer", "county"), limit=frozenset({"incident.close"}))
    assert not widened.can("incident.close", "county")  # a limit never adds


def test_a_grant_of_an_unknown_role_or_unit_gives_nothing() -> None:
    stray = actor(Grant("nobody", "county"), Grant("officer", "gone"))
    assert not stray.can("incident.read", "county")
    assert stray.scope("incident.read").units() == set()


def test_units_must_form_a_tree() -> None:
    with pytest.raises(UnitTreeError, match="no parent"):
        UnitTree.of([Unit("a", {"en": "A"}, "county", "missing")])
    with pytest.raises(UnitTreeError, match="cycle"):
        UnitTree.of([Unit("a", {"en": "A"}, "county", "b"), Unit("b", {"en": "B"}, "county", "a")])
    assert TREE.below("town-a") == ["town-a", "village"]
    assert TREE.ancestors("village") == ["village", "town-a", "county"]
    assert sorted(TREE.roots()) == ["county", "university"]
