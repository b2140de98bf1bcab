"""Who sees which area's warnings, and which subscriptions they reach, over the
demonstration tree: a street office sees its street and the district covering it, never
a neighbouring street; the district office every street; a county office none of
Xicheng's; an area the tree does not know, and a subscription without a unit, belong to
the district."""

from __future__ import annotations

from govops.warnings.service.access import (
    OPERATE,
    SUBSCRIBE,
    acting_unit,
    home_unit,
    sees_area,
    subscribing_unit,
    visible_areas,
)
from tests.identity import TREE, actor, everything

DISTRICT, STREET, OTHER = "110102", "110102001", "110102003"
AREAS = [DISTRICT, STREET, OTHER, "110102007"]


def test_the_district_runs_the_warnings_pack() -> None:
    assert home_unit(TREE) == DISTRICT


def test_a_street_office_sees_its_street_and_the_district_not_another_street() -> None:
    street = actor("street", ("street_staff", STREET))
    assert visible_areas(street, AREAS) == [DISTRICT, STREET]
    assert not sees_area(street, OTHER)


def test_a_community_sees_its_street_and_district() -> None:
    community = actor("community", ("community_staff", "demo-community"))
    assert visible_areas(community, AREAS) == [DISTRICT, STREET]


def test_the_district_office_sees_every_street_and_an_unknown_area() -> None:
    district = actor("district", ("viewer", DISTRICT))
    assert visible_areas(district, [*AREAS, "no-such-area"]) == [*AREAS, "no-such-area"]


def test_a_county_office_sees_none_of_xicheng() -> None:
    county = actor("duty", ("duty_officer", "demo-county"))
    assert visible_areas(county, [*AREAS, "no-such-area"]) == []


def test_a_street_office_does_not_see_an_unknown_area() -> None:
    assert not sees_area(actor("street", ("street_staff", STREET)), "no-such-area")


def test_a_role_without_warning_read_sees_nothing() -> None:
    population = actor("population", ("population_officer", DISTRICT))
    assert visible_areas(population, AREAS) == []


def test_subscriptions_are_reached_at_their_unit_or_above() -> None:
    head = actor("head", ("office_head", DISTRICT))
    assert subscribing_unit(head) == DISTRICT
    assert acting_unit(head, SUBSCRIBE, STREET) == DISTRICT
    assert acting_unit(head, SUBSCRIBE, None) == DISTRICT  # made before units: the district
    street_head = actor("streethead", ("office_head", STREET))
    assert acting_unit(street_head, SUBSCRIBE, DISTRICT) is None
    assert acting_unit(street_head, SUBSCRIBE, None) is None
    assert acting_unit(head, OPERATE, STREET) is None  # an office head does not operate
    assert acting_unit(everything(), OPERATE, STREET) == DISTRICT
    assert subscribing_unit(actor("street", ("street_staff", STREET))) is None
    assert subscribing_unit(street_head) == STREET
    assert subscribing_unit(everything()) == DISTRICT  # not the first root, demo-county
