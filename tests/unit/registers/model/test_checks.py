"""Whether a register's row may be recorded, given the registers as they stand: what it
names must exist in the plan or in the unit's registers, a stock never falls below zero, a
hazard is rectified after it is found and verified after it is rectified, an emergency
plan's stages follow its life cycle; each refusal names its column. Rows are read as a
sheet gives them (`read_row`), the registers folded from events."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.registers.model.checks import Context, as_data, problems
from tests.unit.registers.builders import (
    UNITS,
    ZONE,
    Record,
    depot,
    enterprise,
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
    values,
    verified,
)

Said = tuple[str, str, dict[str, object]]  # (column, message id, its values)


def refused(pack: Pack, row: Record, *before: Record) -> list[tuple[str, Message]]:
    """The row's problems at its unit, after `before` were recorded."""
    unit, kind, cells = row
    return problems(kind, values(kind, cells), Context(pack, unit, UNITS, held(*before)))


def detail(pack: Pack, row: Record, *before: Record) -> list[Said]:
    return [(column, said.id, dict(said.values)) for column, said in refused(pack, row, *before)]


def columns(pack: Pack, row: Record, *before: Record) -> list[tuple[str, str]]:
    return [(column, said.id) for column, said in refused(pack, row, *before)]


OUTSIDE = "{year} is outside {first}-{last}"


def test_a_figure_names_an_indicator_of_the_plan(pack: Pack) -> None:
    assert detail(pack, figure("d1", "happiness", 2023, "1")) == [
        ("indicator", "no indicator {indicator} in the plan", {"indicator": "'happiness'"})
    ]
    for year in (2021, 2025):  # the plan's first and last
        assert refused(pack, figure("d1", "work_safety_death_rate", year, "0.5")) == []


@pytest.mark.parametrize("year", [2019, 2020, 2026])
def test_a_figure_outside_the_period_is_refused(pack: Pack, year: int) -> None:
    assert detail(pack, figure("d1", "fire_death_rate", year, "0.2")) == [
        ("year", OUTSIDE, {"year": str(year), "first": "2021", "last": "2025"})
    ]


def test_a_fall_takes_its_baseline_year_and_no_earlier(pack: Pack) -> None:
    assert refused(pack, figure("d1", "key_incidents_fall", 2020, "120")) == []
    assert detail(pack, figure("d1", "key_incidents_fall", 2019, "130")) == [
        ("year", OUTSIDE, {"year": "2019", "first": "2020", "last": "2025"})
    ]
    assert columns(pack, figure("d1", "key_incidents_fall", 2026, "1")) == [("year", OUTSIDE)]


def test_a_population_of_no_real_year(pack: Pack) -> None:
    assert columns(pack, population("d1", 1800, 1000)) == [("year", "no such year")]
    assert columns(pack, population("d1", 2023, 1_100_000)) == []


def test_a_depot_of_another_unit_is_refused(pack: Pack) -> None:
    before = depot("s2", "dep-1")
    assert detail(pack, depot("s1", "dep-1"), before) == [
        ("depot", "depot {id} is {unit}'s", {"id": "dep-1", "unit": "s2"})
    ]
    assert refused(pack, depot("s2", "dep-1", "community"), before) == []  # its own, again


STOCKED = (
    depot("s1", "dep-1"),
    depot("s2", "dep-2"),
    movement("s1", "dep-1", "quilt", "receipt", "100", "2024-03-01"),
)


def test_a_movement_names_a_depot_of_its_unit(pack: Pack) -> None:
    unknown = movement("s1", "dep-9", "quilt", "receipt", "10", "2024-03-02")
    theirs = movement("s1", "dep-2", "quilt", "receipt", "10", "2024-03-02")
    for row, depot_id in ((unknown, "dep-9"), (theirs, "dep-2")):
        assert detail(pack, row, *STOCKED) == [
            ("depot", "no depot {id} in this unit's register", {"id": depot_id})
        ]
    own = movement("s2", "dep-2", "quilt", "receipt", "1", "2024-03-02")
    assert refused(pack, own, *STOCKED) == []


def test_a_movement_leaving_a_stock_below_zero_is_refused_on_its_quantity(pack: Pack) -> None:
    issue = movement("s1", "dep-1", "quilt", "issue", "101", "2024-03-05")
    below = "{depot} would hold {quantity} of {item} on {day}"
    assert detail(pack, issue, *STOCKED) == [
        (
            "quantity",
            below,
            {"depot": "dep-1", "quantity": Decimal(-1), "item": "quilt", "day": date(2024, 3, 5)},
        )
    ]
    early = movement("s1", "dep-1", "quilt", "issue", "1", "2024-02-28")  # before the receipt
    assert columns(pack, early, *STOCKED) == [("quantity", below)]
    issue = movement("s1", "dep-1", "quilt", "issue", "100", "2024-03-05")
    assert refused(pack, issue, *STOCKED) == []


def test_a_transfer_goes_to_a_known_depot(pack: Pack) -> None:
    away = movement("s1", "dep-1", "quilt", "transfer", "10", "2024-03-05", to_depot="dep-9")
    assert detail(pack, away, *STOCKED) == [("to_depot", "no depot {id}", {"id": "dep-9"})]
    across = movement("s1", "dep-1", "quilt", "transfer", "10", "2024-03-05", to_depot="dep-2")
    assert refused(pack, across, *STOCKED) == []  # another street's depot is a known one


def test_a_shelter_serves_streets_and_communities_of_the_tree(pack: Pack) -> None:
    assert detail(pack, shelter("s1", "sh-1", "s1; s9", communities="s1-a, s1-z")) == [
        ("streets", "no street {unit}", {"unit": "s9"}),
        ("communities", "no community {unit}", {"unit": "s1-z"}),
    ]
    # a community given as a street serves no street: refused
    assert detail(pack, shelter("s1", "sh-2", "s1-a")) == [
        ("streets", "no street {unit}", {"unit": "s1-a"})
    ]
    assert refused(pack, shelter("s1", "sh-1", "s1, s2", communities="s1-a")) == []


def test_a_shelter_of_another_unit_is_refused(pack: Pack) -> None:
    assert detail(pack, shelter("s1", "sh-1", "s1"), shelter("s2", "sh-1", "s2")) == [
        ("shelter", "shelter {id} is {unit}'s", {"id": "sh-1", "unit": "s2"})
    ]


def test_a_shelters_status_names_a_shelter_of_its_unit(pack: Pack) -> None:
    before = shelter("s2", "sh-2", "s2")
    expected = [("shelter", "no shelter {id} in this unit's register")]
    assert columns(pack, status("s1", "sh-9", "open", "2024-01-01"), before) == expected
    assert columns(pack, status("s1", "sh-2", "open", "2024-01-01"), before) == expected
    assert columns(pack, status("s2", "sh-2", "open", "2024-01-01"), before) == []


def test_an_occurrence_names_a_cadence_of_the_plan(pack: Pack) -> None:
    assert detail(pack, occurrence("d1", "weekly_tea", "2024-01-05")) == [
        ("cadence", "no recurring duty {id} in the plan", {"id": "weekly_tea"})
    ]
    assert refused(pack, occurrence("d1", "district_joint_meeting", "2024-01-05")) == []


def test_an_enterprises_duty_names_an_enterprise_on_the_units_list(pack: Pack) -> None:
    listed = (enterprise("s1", "e1"), enterprise("s2", "e2"))
    needed = [("subject", "an enterprise on this unit's list is needed")]
    evaluation = "special_safety_evaluation"
    assert columns(pack, occurrence("s1", evaluation, "2024-01-05"), *listed) == needed
    assert columns(pack, occurrence("s1", evaluation, "2024-01-05", "e2"), *listed) == needed
    assert columns(pack, occurrence("s1", evaluation, "2024-01-05", "e1"), *listed) == []


def test_only_an_enterprises_duty_names_a_subject(pack: Pack) -> None:
    row = occurrence("s1", "annual_drill_plan", "2024-01-05", subject="s1-a")
    assert columns(pack, row) == [("subject", "only an enterprise's duty names a subject")]
    assert columns(pack, occurrence("s1", "annual_drill_plan", "2024-01-05")) == []


def test_a_shift_of_a_role_the_plan_does_not_name(pack: Pack) -> None:
    [(column, said)] = refused(pack, shift("s1", "cook", "2024-06-01 08:00", "2024-06-01 20:00"))
    assert (column, said.id) == ("role", "{value} is not one of {choices}")
    assert said.values == {"value": "cook", "choices": "duty_officer, commander"}


@pytest.mark.parametrize("end", ["2024-06-01 08:00", "2024-06-01 07:59"])
def test_a_shift_ends_after_it_starts(pack: Pack, end: str) -> None:
    row = shift("s1", "commander", "2024-06-01 08:00", end)
    assert columns(pack, row) == [("end", "a shift ends after it starts")]
    assert refused(pack, shift("s1", "commander", "2024-06-01 08:00", "2024-06-01 08:01")) == []


def test_a_training_trains_someone(pack: Pack) -> None:
    assert columns(pack, training("s1", "2024-05-01", 0)) == [("people", "no one trained")]
    assert refused(pack, training("s1", "2024-05-01", 30)) == []


def test_a_hazard_is_found_once_and_ordered_rectified_after(pack: Pack) -> None:
    found = hazard("s1", "h1", "2024-03-01", "2024-04-01")
    assert detail(pack, hazard("s1", "h1", "2024-05-01", "2024-06-01"), found) == [
        ("hazard", "hazard {id} is recorded already", {"id": "h1"})
    ]
    assert refused(pack, hazard("s2", "h1", "2024-05-01", "2024-06-01"), found) == []
    early = hazard("s1", "h2", "2024-03-01", "2024-02-29")
    assert columns(pack, early) == [("deadline", "the deadline is before the hazard was found")]
    assert refused(pack, hazard("s1", "h2", "2024-03-01", "2024-03-01")) == []


FOUND = hazard("s1", "h1", "2024-03-01", "2024-04-01")
NO_HAZARD = "no hazard {id} in this unit's register"


def test_a_rectification_of_a_hazard_of_the_units_list(pack: Pack) -> None:
    assert columns(pack, rectified("s1", "h9", "2024-03-10"), FOUND) == [("hazard", NO_HAZARD)]
    assert columns(pack, rectified("s2", "h1", "2024-03-10"), FOUND) == [("hazard", NO_HAZARD)]
    assert refused(pack, rectified("s1", "h1", "2024-03-01"), FOUND) == []  # the same day


def test_a_hazard_is_rectified_once_after_it_was_found(pack: Pack) -> None:
    done = rectified("s1", "h1", "2024-03-10")
    assert detail(pack, rectified("s1", "h1", "2024-03-20"), FOUND, done) == [
        ("hazard", "rectified already on {day}", {"day": date(2024, 3, 10)})
    ]
    assert detail(pack, rectified("s1", "h1", "2024-02-29"), FOUND) == [
        ("on", "before the hazard was found ({day})", {"day": date(2024, 3, 1)})
    ]


def test_a_hazard_is_verified_once_after_its_rectification(pack: Pack) -> None:
    done = rectified("s1", "h1", "2024-03-10")
    assert columns(pack, verified("s1", "h9", "2024-03-12"), FOUND) == [("hazard", NO_HAZARD)]
    assert columns(pack, verified("s1", "h1", "2024-03-12"), FOUND) == [
        ("hazard", "not rectified yet")
    ]
    assert detail(pack, verified("s1", "h1", "2024-03-09"), FOUND, done) == [
        ("on", "before the rectification ({day})", {"day": date(2024, 3, 10)})
    ]
    assert refused(pack, verified("s1", "h1", "2024-03-10"), FOUND, done) == []
    twice = (FOUND, done, verified("s1", "h1", "2024-03-12"))
    assert detail(pack, verified("s1", "h1", "2024-03-13"), *twice) == [
        ("hazard", "verified already on {day}", {"day": date(2024, 3, 12)})
    ]


NOT_NOW = "{step} may not come now (may: {steps})"


def test_a_plan_is_drafted_first(pack: Pack) -> None:
    assert detail(pack, plan_step("d1", "flood", "file", "2024-01-10")) == [
        ("step", NOT_NOW, {"step": "file", "steps": "draft"})
    ]
    assert refused(pack, plan_step("d1", "flood", "draft", "2024-01-10")) == []


def test_a_plans_stages_follow_its_life_cycle(pack: Pack) -> None:
    drafted = plan_step("d1", "flood", "draft", "2024-01-10")
    assert refused(pack, plan_step("d1", "flood", "file", "2024-01-20"), drafted) == []
    assert detail(pack, plan_step("d1", "flood", "drill", "2024-01-20"), drafted) == [
        ("step", NOT_NOW, {"step": "drill", "steps": "file"})
    ]
    filed = (drafted, plan_step("d1", "flood", "file", "2024-01-20"))
    assert refused(pack, plan_step("d1", "flood", "drill", "2024-05-01"), *filed) == []
    # another plan, and the same plan of another unit, start their own cycle
    for other in (
        plan_step("d1", "quake", "file", "2024-01-20"),
        plan_step("s1", "flood", "file", "2024-01-20"),
    ):
        assert columns(pack, other, drafted) == [("step", NOT_NOW)]


def test_a_stage_is_not_dated_before_the_one_before_it(pack: Pack) -> None:
    drafted = plan_step("d1", "flood", "draft", "2024-01-10")
    assert detail(pack, plan_step("d1", "flood", "file", "2024-01-09"), drafted) == [
        ("on", "before the stage before it ({day})", {"day": date(2024, 1, 10)})
    ]
    assert refused(pack, plan_step("d1", "flood", "file", "2024-01-10"), drafted) == []


def test_as_data_stores_json_text_and_leaves_out_what_was_left_empty() -> None:
    assert as_data(
        {
            "on": date(2024, 6, 1),
            "start": datetime(2024, 6, 1, 8, 0, tzinfo=ZONE),
            "quantity": Decimal("12.50"),
            "streets": ("s1", "s2"),
            "people": 3,
            "national_standard": False,
            "note": None,
        }
    ) == {
        "on": "2024-06-01",
        "start": "2024-06-01T08:00:00+08:00",
        "quantity": "12.50",
        "streets": ["s1", "s2"],
        "people": 3,
        "national_standard": False,
    }
