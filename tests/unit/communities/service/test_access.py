"""Who may read and record a community's registry, on a small tree of a district, its two
streets and their communities (roles of the built-in catalogue: street_staff and
community_staff read and record, a viewer reads): a street's staff reach their street's
communities and no other, which is answered as an unknown community; a viewer is refused
recording; an event is signed at the unit of the grant used."""

from __future__ import annotations

import pytest

from govops.communities.service import access
from govops.communities.service.access import (
    COMMUNITY_READ,
    COMMUNITY_RECORD,
    CommunityNotFoundError,
    NotAllowedError,
)
from govops.platform.identity.actor import Actor, Grant
from govops.platform.identity.units import Unit, UnitTree
from tests.identity import CATALOGUE

TREE = UnitTree.of(
    [
        Unit("d1", {"en": "District"}, "district"),
        Unit("s1", {"en": "Street one"}, "street", "d1"),
        Unit("s1-a", {"en": "Community A"}, "community", "s1"),
        Unit("s1-b", {"en": "Community B"}, "community", "s1"),
        Unit("s1-office", {"en": "Street office"}, "office", "s1"),
        Unit("s2", {"en": "Street two"}, "street", "d1"),
        Unit("s2-a", {"en": "Community C"}, "community", "s2"),
        Unit("elsewhere", {"en": "Another district"}, "district"),
    ]
)


def actor(username: str, *grants: tuple[str, str]) -> Actor:
    held = tuple(Grant(role, unit) for role, unit in grants)
    return Actor(username, username, username, held, CATALOGUE, TREE)


STREET_STAFF = actor("zhou", ("street_staff", "s1"))
COMMUNITY_STAFF = actor("qian", ("community_staff", "s1-b"))
VIEWER = actor("viewer", ("viewer", "d1"))
DUTY = actor("duty", ("duty_officer", "d1"))  # no community permission at all


def test_the_catalogue_grants_the_community_permissions_to_the_offices_staff() -> None:
    for role in ("street_staff", "community_staff"):
        assert {COMMUNITY_READ, COMMUNITY_RECORD} <= CATALOGUE.roles[role].permissions
    assert COMMUNITY_READ in CATALOGUE.roles["viewer"].permissions
    assert COMMUNITY_RECORD not in CATALOGUE.roles["viewer"].permissions


def test_street_staff_read_and_record_their_streets_communities() -> None:
    for code in ("s1-a", "s1-b"):
        assert access.readable(STREET_STAFF, code) == code
        assert access.signature(STREET_STAFF, code) == "zhou@s1"  # the grant's unit
    assert access.visible(STREET_STAFF) == ["s1-a", "s1-b"]


def test_another_streets_community_is_answered_as_an_unknown_one() -> None:
    with pytest.raises(CommunityNotFoundError) as outside:
        access.readable(STREET_STAFF, "s2-a")
    with pytest.raises(CommunityNotFoundError) as unknown:
        access.readable(STREET_STAFF, "s9-z")
    assert str(outside.value.message) == "no community 's2-a'"
    assert str(outside.value.message).replace("s2-a", "s9-z") == str(unknown.value.message)
    with pytest.raises(CommunityNotFoundError):  # not a 403: nothing there is confirmed
        access.signature(STREET_STAFF, "s2-a")


def test_a_unit_that_is_not_a_community_is_unknown() -> None:
    for code in ("s1", "s1-office", "d1"):
        assert not access.is_community(STREET_STAFF, code)
        with pytest.raises(CommunityNotFoundError):
            access.readable(STREET_STAFF, code)
        with pytest.raises(CommunityNotFoundError):
            access.signature(STREET_STAFF, code)
    assert access.is_community(STREET_STAFF, "s2-a")  # a community, though not theirs
    assert not access.is_community(STREET_STAFF, "nowhere")


def test_community_staff_reach_their_community_only() -> None:
    assert access.readable(COMMUNITY_STAFF, "s1-b") == "s1-b"
    assert access.signature(COMMUNITY_STAFF, "s1-b") == "qian@s1-b"
    with pytest.raises(CommunityNotFoundError):
        access.readable(COMMUNITY_STAFF, "s1-a")  # their neighbour, on the same street
    assert access.visible(COMMUNITY_STAFF) == ["s1-b"]
    assert access.visible(COMMUNITY_STAFF, under="s1") == ["s1-b"]  # they see into s1


def test_the_nearest_grant_signs() -> None:
    both = actor("he", ("street_staff", "s1"), ("community_staff", "s1-a"))
    assert access.signature(both, "s1-a") == "he@s1-a"
    assert access.signature(both, "s1-b") == "he@s1"


def test_a_viewer_reads_but_may_not_record() -> None:
    assert access.readable(VIEWER, "s2-a") == "s2-a"
    assert access.visible(VIEWER) == ["s1-a", "s1-b", "s2-a"]
    with pytest.raises(NotAllowedError) as refused:
        access.signature(VIEWER, "s2-a")
    assert str(refused.value.message) == ("you do not hold the permission community.record at s2-a")
    with pytest.raises(CommunityNotFoundError):  # an unknown community stays unknown
        access.signature(VIEWER, "s9-z")


def test_visible_under_a_street() -> None:
    assert access.visible(VIEWER, under="s2") == ["s2-a"]
    assert access.visible(VIEWER, under="s1") == ["s1-a", "s1-b"]
    assert access.visible(VIEWER, under="s1-a") == ["s1-a"]
    assert access.visible(VIEWER, under="s1-office") == []
    assert access.visible(STREET_STAFF, under="d1") == ["s1-a", "s1-b"]  # what they see of it
    for street in ("s2", "elsewhere", "nowhere"):
        with pytest.raises(CommunityNotFoundError) as refused:
            access.visible(STREET_STAFF, under=street)
        assert str(refused.value.message) == f"no unit {street!r}"


def test_without_the_permissions_nothing_is_seen() -> None:
    assert access.visible(DUTY) == []
    with pytest.raises(CommunityNotFoundError):
        access.readable(DUTY, "s1-a")
    with pytest.raises(CommunityNotFoundError):
        access.visible(DUTY, under="s1")


def test_holding_is_the_commands_rule() -> None:
    access.holding(STREET_STAFF, COMMUNITY_RECORD)
    access.holding(VIEWER, COMMUNITY_READ, COMMUNITY_RECORD)
    with pytest.raises(NotAllowedError) as refused:
        access.holding(VIEWER, COMMUNITY_RECORD)
    assert str(refused.value.message) == "you do not hold the permission community.record"
    with pytest.raises(NotAllowedError, match=r"community\.read \| community\.record"):
        access.holding(DUTY, COMMUNITY_READ, COMMUNITY_RECORD)


def test_a_token_limited_to_reading_cannot_record() -> None:
    token = Actor(
        "zhou",
        "zhou",
        "zhou",
        STREET_STAFF.grants,
        CATALOGUE,
        TREE,
        via="token",
        permissions_limit=frozenset({COMMUNITY_READ}),
    )
    assert access.readable(token, "s1-a") == "s1-a"
    with pytest.raises(NotAllowedError):
        access.signature(token, "s1-a")
