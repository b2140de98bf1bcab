"""The registers' state folded from their events, kind by kind: a figure given again for the
same unit, indicator and year is the newer report; a hazard carries its rectification and
verification; a plan its stages in order; what a record names is kept by its unit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from govops.lawcode.registers.hazards import Hazard
from govops.lawcode.registers.roster import Shift
from govops.lawcode.registers.shelters import Shelter, ShelterStatus, StatusChange
from govops.lawcode.registers.stock import Depot, Movement, MovementKind
from govops.registers.model.state import Figure, Occurrence, RegisterState, fold
from tests.unit.registers.builders import (
    ZONE,
    depot,
    enterprise,
    events,
    figure,
    hazard,
    held,
    movement,
    occurrence,
    plan_step,
    population,
    rectified,
    shelter,
    shift,
    status,
    training,
    verified,
)


def test_an_empty_register() -> None:
    assert fold([]) == RegisterState()


def test_the_newer_figure_of_a_unit_indicator_and_year_stands() -> None:
    state = held(
        figure("d1", "fire_death_rate", 2023, "0.30", "年鉴"),
        figure("s1", "fire_death_rate", 2023, "0.10", "街道"),
        figure("d1", "fire_death_rate", 2022, "0.25"),
        figure("d1", "fire_death_rate", 2023, "0.32", "年鉴(修订)"),
    )
    assert state.figures == {
        ("d1", "fire_death_rate", 2023): Figure(Decimal("0.32"), "年鉴(修订)", "tester@d1"),
        ("s1", "fire_death_rate", 2023): Figure(Decimal("0.10"), "街道", "tester@s1"),
        ("d1", "fire_death_rate", 2022): Figure(Decimal("0.25"), "年鉴", "tester@d1"),
    }


def test_populations_by_unit_and_year() -> None:
    state = held(
        population("d1", 2022, 1_000_000),
        population("d1", 2023, 1_100_000),
        population("d1", 2022, 1_050_000),
        population("s1", 2023, 90_000),
    )
    assert state.populations == {
        ("d1", 2022): 1_050_000,
        ("d1", 2023): 1_100_000,
        ("s1", 2023): 90_000,
    }


def test_depots_and_their_stock_card() -> None:
    state = held(
        depot("d1", "dep-d", "district"),
        depot("s1", "dep-1"),
        movement("d1", "dep-d", "quilt", "receipt", "500", "2024-03-01"),
        movement("d1", "dep-d", "quilt", "transfer", "20.5", "2024-03-02", to_depot="dep-1"),
    )
    assert state.depots == {
        "dep-d": Depot("dep-d", "district", "d1"),
        "dep-1": Depot("dep-1", "street", "s1"),
    }
    assert state.depot_names == {"dep-d": "dep-d库", "dep-1": "dep-1库"}
    assert state.movements == [
        Movement(MovementKind.RECEIPT, "dep-d", "quilt", Decimal(500), date(2024, 3, 1)),
        Movement(
            MovementKind.TRANSFER, "dep-d", "quilt", Decimal("20.5"), date(2024, 3, 2), "dep-1"
        ),
    ]


def test_shelters_and_their_status_history() -> None:
    state = held(
        shelter("s1", "sh-1", "s1; s2", communities="s1-a"),
        shelter("d1", "sh-2", "s2", kind="evacuation_point", standard="no"),
        status("s1", "sh-1", "building", "2023-02-01"),
        status("s1", "sh-1", "open", "2023-09-30"),
    )
    assert state.shelters == {
        "sh-1": Shelter(
            "sh-1", "earthquake_shelter", 3000, Decimal("12000.5"), ("s1", "s2"), ("s1-a",), True
        ),
        "sh-2": Shelter("sh-2", "evacuation_point", 3000, Decimal("12000.5"), ("s2",), (), False),
    }
    assert state.shelter_names == {"sh-1": "sh-1公园", "sh-2": "sh-2公园"}
    assert state.shelter_units == {"sh-1": "s1", "sh-2": "d1"}
    assert state.statuses == [
        StatusChange("sh-1", ShelterStatus.BUILDING, date(2023, 2, 1)),
        StatusChange("sh-1", ShelterStatus.OPEN, date(2023, 9, 30)),
    ]


def test_enterprises_are_listed_by_their_unit() -> None:
    state = held(
        enterprise("s1", "e1", "oil_depot"),
        enterprise("s2", "e1", "gas_storage"),
        enterprise("s1", "e1", "filling_station"),  # listed again: the newer entry
    )
    assert state.enterprises == {
        ("s1", "e1"): ("e1加油站", "filling_station"),
        ("s2", "e1"): ("e1加油站", "gas_storage"),
    }


def test_occurrences_fall_on_the_unit_or_the_enterprise_named() -> None:
    state = held(
        occurrence("d1", "drill_heavy_rain", "2024-07-10", assessment="良好", note="汛期"),
        occurrence("s1", "special_safety_evaluation", "2024-02-01", subject="e1"),
    )
    assert state.occurrences == [
        Occurrence("d1", "drill_heavy_rain", "d1", date(2024, 7, 10), "良好", "汛期"),
        Occurrence("s1", "special_safety_evaluation", "e1", date(2024, 2, 1), None, None),
    ]


def test_shifts_are_aware_times_of_their_centre() -> None:
    state = held(
        shift("s1", "commander", "2024-06-01 08:00", "2024-06-02 08:00", "赵六"),
        shift("d1", "duty_officer", "2024-06-01T00:00:00+00:00", "2024-06-01T12:00:00+00:00"),
    )
    assert state.shifts == [
        Shift(
            "s1",
            "commander",
            "赵六",
            datetime(2024, 6, 1, 8, tzinfo=ZONE),
            datetime(2024, 6, 2, 8, tzinfo=ZONE),
        ),
        Shift(
            "d1",
            "duty_officer",
            "王五",
            datetime(2024, 6, 1, 8, tzinfo=ZONE),
            datetime(2024, 6, 1, 20, tzinfo=ZONE),
        ),
    ]
    assert all(s.start.utcoffset() is not None for s in state.shifts)


def test_trainings_by_unit_and_day() -> None:
    state = held(training("s1", "2024-05-01", 30), training("d1", "2023-11-11", 120))
    assert state.trainings == [("s1", date(2024, 5, 1), 30), ("d1", date(2023, 11, 11), 120)]


def test_a_hazard_found_rectified_and_verified() -> None:
    state = held(
        hazard("s1", "h1", "2024-03-01", "2024-04-01"),
        hazard("s2", "h1", "2024-03-05", "2024-03-20"),
        rectified("s1", "h1", "2024-03-25"),
        verified("s1", "h1", "2024-03-28"),
        rectified("s2", "h1", "2024-03-21"),
    )
    found = Hazard("h1", "s1", date(2024, 3, 1), date(2024, 4, 1))
    assert state.hazards == {
        ("s1", "h1"): replace(found, rectified=date(2024, 3, 25), verified=date(2024, 3, 28)),
        ("s2", "h1"): Hazard("h1", "s2", date(2024, 3, 5), date(2024, 3, 20), date(2024, 3, 21)),
    }
    assert state.hazard_texts == {("s1", "h1"): "堵塞", ("s2", "h1"): "堵塞"}


def test_a_plans_stages_in_the_order_recorded() -> None:
    state = held(
        plan_step("d1", "flood", "draft", "2024-01-10"),
        plan_step("s1", "flood", "draft", "2024-01-11"),
        plan_step("d1", "flood", "file", "2024-01-20"),
        plan_step("d1", "quake", "draft", "2024-02-01"),
    )
    assert state.plan_steps == {
        ("d1", "flood"): [("draft", date(2024, 1, 10)), ("file", date(2024, 1, 20))],
        ("s1", "flood"): [("draft", date(2024, 1, 11))],
        ("d1", "quake"): [("draft", date(2024, 2, 1))],
    }


def test_fold_goes_on_from_a_given_state() -> None:
    found = hazard("s1", "h1", "2024-03-01", "2024-04-01")
    done = rectified("s1", "h1", "2024-03-10")
    [first, second] = events(found, done)
    state = fold([first])
    assert fold([second], state) is state
    assert state.hazards[("s1", "h1")].rectified == date(2024, 3, 10)
    assert state == held(found, done)
