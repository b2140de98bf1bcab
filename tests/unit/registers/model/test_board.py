"""A unit's board: every indicator of the plan as of the last whole year, the figures the
registers hold counted from them (shelters built to the national standard, officers
trained), the others as the viewed unit reported them; the roster's display window."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from govops.lawcode.plans.indicators import Status
from govops.lawcode.sources.pack import Pack
from govops.registers.model.board import Board, IndicatorRow, View, board, last_year
from tests.unit.registers.builders import (
    STREETS,
    ZONE,
    figure,
    held,
    shelter,
    status,
    training,
)

ON = date(2024, 6, 1)  # the board's year: 2023


def district(on: date = ON) -> View:
    return View("d1", STREETS, True, on, ZONE)


def street(on: date = ON) -> View:
    return View("s1", {"s1": STREETS["s1"]}, False, on, ZONE)


def row(shown: Board, indicator: str) -> IndicatorRow:
    [found] = [r for r in shown.indicators if r.indicator.id == indicator]
    return found


@pytest.mark.parametrize(
    ("on", "year"),
    [
        (date(2024, 12, 31), 2024),
        (date(2024, 12, 30), 2023),
        (date(2024, 1, 1), 2023),
        (date(2025, 12, 31), 2025),
    ],
)
def test_the_last_whole_year(on: date, year: int) -> None:
    assert last_year(on) == year


def test_the_roster_is_read_a_week_either_side_of_the_days_midnight() -> None:
    assert district(date(2024, 6, 10)).roster_window() == (
        datetime(2024, 6, 3, tzinfo=ZONE),
        datetime(2024, 6, 17, tzinfo=ZONE),
    )


def test_the_board_lists_every_indicator_of_the_plan_as_of_the_last_whole_year(
    pack: Pack,
) -> None:
    shown = board(pack, held(), district())
    assert (shown.unit, shown.on, shown.year) == ("d1", ON, 2023)
    assert [r.indicator.id for r in shown.indicators] == [i.id for i in pack.indicators]
    assert {r.assessment.year for r in shown.indicators} == {2023}
    counted = {r.indicator.id for r in shown.indicators if r.counted}
    assert counted == {
        "earthquake_shelters_each_year",
        "earthquake_shelters_period",
        "disaster_officers_trained",
    }
    fire = row(shown, "fire_death_rate")
    assert (fire.figures, fire.assessment.status) == ({}, Status.NO_FIGURE)


SHELTERS = (
    shelter("d1", "a", "s1"),
    status("d1", "a", "building", "2022-03-01"),
    status("d1", "a", "open", "2023-05-01"),
    shelter("s2", "b", "s2"),
    status("s2", "b", "open", "2023-09-01"),
    shelter("d1", "c", "s1"),  # opened in 2022, closed and opened again in 2023: 2022's
    status("d1", "c", "open", "2022-10-01"),
    status("d1", "c", "closed", "2023-01-10"),
    status("d1", "c", "open", "2023-04-01"),
    shelter("d1", "d", "s1", standard="no"),  # not to the national standard
    status("d1", "d", "open", "2023-06-01"),
    shelter("d1", "e", "s2", kind="evacuation_point"),  # not an earthquake shelter
    status("d1", "e", "open", "2023-06-01"),
    shelter("d1", "f", "s2"),  # never opened
    status("d1", "f", "building", "2023-06-01"),
    shelter("d1", "g", "s1"),  # opens in the board's own year, not yet counted
    status("d1", "g", "open", "2024-03-01"),
)


def test_earthquake_shelters_are_counted_in_the_year_each_first_opened(pack: Pack) -> None:
    shown = board(pack, held(*SHELTERS), district())
    each_year = row(shown, "earthquake_shelters_each_year")
    assert each_year.counted
    # The register's first record is of 2022: 2021 has no figure (never a zero).
    assert each_year.figures == {2022: Decimal(1), 2023: Decimal(2)}
    assert each_year.assessment.status is Status.AT_RISK  # 2022 fell short of 2
    assert each_year.assessment.reason.values["years"] == "2022"
    period = row(shown, "earthquake_shelters_period")
    assert period.figures == each_year.figures
    assert period.assessment.figure == Decimal(3)


def test_a_register_not_yet_kept_counts_no_figure(pack: Pack) -> None:
    shown = board(pack, held(), district())
    for name in ("earthquake_shelters_each_year", "disaster_officers_trained"):
        assert row(shown, name).figures == {}
        assert row(shown, name).assessment.status is Status.NO_FIGURE


def test_at_the_periods_end_a_short_year_is_missed(pack: Pack) -> None:
    later = board(pack, held(*SHELTERS), district(date(2025, 12, 31)))
    each_year = row(later, "earthquake_shelters_each_year")
    assert later.year == 2025
    assert each_year.figures[2024] == Decimal(1)  # g
    assert each_year.figures[2025] == Decimal(0)
    assert each_year.assessment.status is Status.MISSED


def test_officers_trained_are_the_training_registers_people_in_each_year(pack: Pack) -> None:
    state = held(
        training("s1", "2021-05-01", 100),
        training("s2-a", "2021-12-31", 50),
        training("d1", "2023-01-01", 300),
        training("d1", "2024-01-01", 1000),  # after the board's year
    )
    trained = row(board(pack, state, district()), "disaster_officers_trained")
    assert trained.counted
    assert trained.figures == {2021: Decimal(150), 2022: Decimal(0), 2023: Decimal(300)}
    assert trained.assessment.figure == Decimal(450)  # a total in the period so far
    assert trained.assessment.status is Status.AT_RISK  # 840 by now for 1400 by 2025
    whole = row(board(pack, state, district(date(2024, 12, 31))), "disaster_officers_trained")
    assert whole.figures[2024] == Decimal(1000)
    assert whole.assessment.figure == Decimal(1450)


REPORTED = (
    figure("d1", "work_safety_death_rate", 2021, "0.5"),
    figure("d1", "work_safety_death_rate", 2022, "0.8"),
    figure("d1", "work_safety_death_rate", 2023, "0.7"),
    figure("d1", "work_safety_death_rate", 2024, "0.95"),  # after the board's year
    figure("s1", "work_safety_death_rate", 2023, "2"),
    figure("d1", "key_incidents_fall", 2020, "100"),
    figure("d1", "key_incidents_fall", 2023, "80"),
)


def test_reported_figures_are_the_viewed_units_own_up_to_the_boards_year(pack: Pack) -> None:
    shown = board(pack, held(*REPORTED), district())
    rate = row(shown, "work_safety_death_rate")
    assert not rate.counted
    assert rate.figures == {2021: Decimal("0.5"), 2022: Decimal("0.8"), 2023: Decimal("0.7")}
    assert (rate.assessment.status, rate.assessment.figure) == (Status.ON_TRACK, Decimal("0.7"))
    fall = row(shown, "key_incidents_fall")
    assert fall.figures == {2020: Decimal(100), 2023: Decimal(80)}  # its baseline year too
    assert fall.assessment.figure == Decimal(20)


def test_a_streets_board_shows_the_streets_own_figures(pack: Pack) -> None:
    shown = board(pack, held(*REPORTED), street())
    rate = row(shown, "work_safety_death_rate")
    assert shown.unit == "s1"
    assert rate.figures == {2023: Decimal(2)}
    assert rate.assessment.status is Status.AT_RISK  # 2 is not below 0.9
    assert row(shown, "key_incidents_fall").figures == {}
