"""Shelters: the status on a day from the history, the ones built to the national standard
in a year (counted in the year each first opened), and whether every street is served by
an open shelter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from govops.lawcode.registers.shelters import (
    SHELTER_KINDS,
    Shelter,
    ShelterStatus,
    StatusChange,
    StreetCover,
    built_in,
    first_opened,
    status_on,
    street_cover,
)

PLANNED, BUILDING = ShelterStatus.PLANNED, ShelterStatus.BUILDING
OPEN, CLOSED = ShelterStatus.OPEN, ShelterStatus.CLOSED
QUAKE = "earthquake_shelter"


def _shelter(
    id: str,
    streets: tuple[str, ...] = ("street-a",),
    kind: str = QUAKE,
    capacity: int = 1000,
    standard: bool = True,
) -> Shelter:
    return Shelter(id, kind, capacity, Decimal(2000), streets, national_standard=standard)


def _change(
    shelter: str, status: ShelterStatus, year: int, month: int = 1, day: int = 1
) -> StatusChange:
    return StatusChange(shelter, status, date(year, month, day))


HISTORY = (
    _change("s1", PLANNED, 2021),
    _change("s1", BUILDING, 2021, 3),
    _change("s1", OPEN, 2021, 9, 30),
    _change("s1", CLOSED, 2023, 6),
    _change("s1", OPEN, 2023, 8),
    _change("s2", OPEN, 2022, 5),
)


def test_the_kinds() -> None:
    assert SHELTER_KINDS == ("earthquake_shelter", "evacuation_point", "convertible_building")


def test_the_status_on_a_day_is_the_latest_change_to_its_end() -> None:
    assert status_on(HISTORY, "s1", date(2020, 12, 31)) is None
    assert status_on(HISTORY, "s1", date(2021, 1, 1)) is PLANNED
    assert status_on(HISTORY, "s1", date(2021, 9, 29)) is BUILDING
    assert status_on(HISTORY, "s1", date(2021, 9, 30)) is OPEN
    assert status_on(HISTORY, "s1", date(2023, 6, 1)) is CLOSED
    assert status_on(HISTORY, "s1", date(2023, 7, 31)) is CLOSED
    assert status_on(HISTORY, "s1", date(2023, 8, 1)) is OPEN
    assert status_on(HISTORY, "s9", date(2030, 1, 1)) is None


def test_the_status_does_not_depend_on_the_order_the_changes_are_given() -> None:
    shuffled = list(reversed(HISTORY))
    assert status_on(shuffled, "s1", date(2022, 1, 1)) is OPEN
    assert status_on(shuffled, "s1", date(2023, 7, 1)) is CLOSED


def test_two_changes_on_one_day_end_it_on_the_later_recorded() -> None:
    changes = [_change("s1", OPEN, 2024, 5), _change("s1", CLOSED, 2024, 5)]
    assert status_on(changes, "s1", date(2024, 5, 1)) is CLOSED
    assert status_on(list(reversed(changes)), "s1", date(2024, 5, 1)) is OPEN


def test_first_opened_is_the_earliest_opening() -> None:
    assert first_opened(HISTORY, "s1") == date(2021, 9, 30)
    assert first_opened(HISTORY, "s2") == date(2022, 5, 1)
    assert first_opened([_change("s3", BUILDING, 2022)], "s3") is None


def test_built_in_counts_a_shelter_in_the_year_it_first_opened_only() -> None:
    shelters = [_shelter("s1"), _shelter("s2")]
    assert built_in(shelters, HISTORY, 2021, QUAKE) == ["s1"]
    assert built_in(shelters, HISTORY, 2022, QUAKE) == ["s2"]
    assert built_in(shelters, HISTORY, 2023, QUAKE) == []  # s1 reopened, not built
    assert built_in(shelters, HISTORY, 2020, QUAKE) == []


def test_built_in_counts_an_opening_on_the_years_first_and_last_days() -> None:
    changes = [_change("s1", OPEN, 2022, 1, 1), _change("s2", OPEN, 2022, 12, 31)]
    shelters = [_shelter("s1"), _shelter("s2")]
    assert built_in(shelters, changes, 2022, QUAKE) == ["s1", "s2"]
    assert built_in(shelters, changes, 2021, QUAKE) == []
    assert built_in(shelters, changes, 2023, QUAKE) == []


def test_built_in_counts_only_the_kind_built_to_the_national_standard() -> None:
    shelters = [
        _shelter("s1"),
        _shelter("s2", kind="evacuation_point"),
        _shelter("s3", standard=False),
        _shelter("s4"),  # never opened
    ]
    changes = [
        _change("s1", OPEN, 2022),
        _change("s2", OPEN, 2022),
        _change("s3", OPEN, 2022),
        _change("s4", BUILDING, 2022),
    ]
    assert built_in(shelters, changes, 2022, QUAKE) == ["s1"]
    assert built_in(shelters, changes, 2022, "evacuation_point") == ["s2"]


def test_a_street_is_covered_by_the_open_shelters_serving_it() -> None:
    shelters = [
        _shelter("s1", ("street-a", "street-b"), capacity=1000),
        _shelter("s2", ("street-a",), capacity=300),
    ]
    covers = street_cover(
        shelters, HISTORY, {"street-a": 50_000, "street-b": 20_000}, date(2022, 6, 1)
    )
    assert covers == [
        StreetCover("street-a", ("s1", "s2"), 1300, 50_000),
        StreetCover("street-b", ("s1",), 1000, 20_000),
    ]
    assert [c.covered for c in covers] == [True, True]


def test_a_street_no_open_shelter_serves_is_uncovered() -> None:
    shelters = [_shelter("s1", ("street-a",))]
    covers = street_cover(shelters, HISTORY, {"street-c": 8_000}, date(2022, 6, 1))
    assert covers == [StreetCover("street-c", (), 0, 8_000)]
    assert covers[0].covered is False


def test_closed_planned_and_building_shelters_do_not_cover() -> None:
    shelters = [_shelter("s1"), _shelter("s2")]
    populations = {"street-a": 1_000}
    # s1 closed from 2023-06-01 to 2023-08-01; s2 opens 2022-05-01.
    assert street_cover(shelters, HISTORY, populations, date(2021, 9, 29)) == [
        StreetCover("street-a", (), 0, 1_000)
    ]
    assert street_cover(shelters, HISTORY, populations, date(2021, 9, 30)) == [
        StreetCover("street-a", ("s1",), 1000, 1_000)
    ]
    assert street_cover(shelters, HISTORY, populations, date(2023, 7, 1)) == [
        StreetCover("street-a", ("s2",), 1000, 1_000)
    ]
    assert street_cover(shelters, HISTORY, populations, date(2023, 8, 1)) == [
        StreetCover("street-a", ("s1", "s2"), 2000, 1_000)
    ]


def test_streets_are_listed_in_the_order_of_the_populations() -> None:
    shelters = [_shelter("s2", ("street-b",))]
    populations = {"street-b": 2, "street-a": 1}
    covers = street_cover(shelters, HISTORY, populations, date(2022, 6, 1))
    assert [(c.street, c.covered) for c in covers] == [("street-b", True), ("street-a", False)]
