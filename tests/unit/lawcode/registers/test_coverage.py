"""Reserves against the people they must cover: a share of the population counted up to
whole people, each item's need per person, what is held and what is short."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.registers.coverage import ItemCover, Need, cover, people_for
from govops.lawcode.sources.citations import Citation

D = Decimal
CITE = Citation("standard", "4.1")
NEEDS = (
    Need("tents", D("0.25"), "tent", CITE),
    Need("water", D("1.5"), "litre", None, {"en": "the office's own choice"}),
)


def test_the_plans_share_of_the_population() -> None:
    assert people_for(1_100_000, D("0.012")) == 13200
    assert isinstance(people_for(1_100_000, D("0.012")), int)


@pytest.mark.parametrize(
    ("population", "share", "people"),
    [
        (1000, D("0.012"), 12),
        (1001, D("0.012"), 13),  # 12.012 people: 13
        (1083, D("0.012"), 13),  # 12.996 people: 13
        (1084, D("0.012"), 14),  # 13.008 people: 14
        (5000, D(1), 5000),
        (0, D("0.012"), 0),
        (1, D("0.001"), 1),
    ],
)
def test_fractional_people_are_counted_up(population: int, share: Decimal, people: int) -> None:
    assert people_for(population, share) == people


def test_each_need_is_its_share_per_person_in_the_order_of_the_needs() -> None:
    covers = cover({"tents": D(3300), "water": D(19800)}, NEEDS, 13200)
    assert covers == [
        ItemCover("tents", "tent", D(3300), D(3300)),
        ItemCover("water", "litre", D(19800), D(19800)),
    ]
    assert [(c.short, c.met) for c in covers] == [(D(0), True), (D(0), True)]


def test_one_unit_short_is_not_met() -> None:
    [tents] = cover({"tents": D(3299)}, NEEDS[:1], 13200)
    assert (tents.needed, tents.held, tents.short, tents.met) == (D(3300), D(3299), D(1), False)


def test_holding_more_than_needed_is_met_with_nothing_short() -> None:
    [tents] = cover({"tents": D(3301)}, NEEDS[:1], 13200)
    assert (tents.short, tents.met) == (D(0), True)


def test_a_fraction_short_is_short() -> None:
    [water] = cover({"water": D("1.49")}, NEEDS[1:], 1)
    assert (water.needed, water.short, water.met) == (D("1.5"), D("0.01"), False)


def test_an_item_not_held_is_wholly_short_and_held_items_not_needed_are_ignored() -> None:
    covers = cover({"blankets": D(100)}, NEEDS, 10)
    assert [(c.item, c.needed, c.held, c.short, c.met) for c in covers] == [
        ("tents", D("2.5"), D(0), D("2.5"), False),
        ("water", D(15), D(0), D(15), False),
    ]


def test_no_people_need_nothing() -> None:
    covers = cover({}, NEEDS, 0)
    assert [(c.needed, c.short, c.met) for c in covers] == [(D(0), D(0), True)] * 2
    assert cover({}, (), 13200) == []
