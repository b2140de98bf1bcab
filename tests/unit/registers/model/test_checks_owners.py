"""Which unit may record what: a duty in the registers of the kind of unit that owes it, a
roster at a command centre, no figure the registers count themselves, a transfer refused on
its receiving depot."""

from __future__ import annotations

from govops.lawcode.sources.pack import Pack
from tests.unit.registers.builders import figure, movement, occurrence, shift
from tests.unit.registers.model.test_checks import STOCKED, detail


def test_a_duty_is_recorded_by_the_kind_of_unit_that_owes_it(pack: Pack) -> None:
    at_street = occurrence("s1", "district_joint_meeting", "2024-03-01")
    assert detail(pack, at_street) == [
        ("cadence", "a duty of the district, recorded in the district's registers", {})
    ]
    at_district = occurrence("d1", "annual_drill_plan", "2024-01-15")
    assert detail(pack, at_district) == [
        ("cadence", "a duty of each street, recorded in the street's registers", {})
    ]


def test_a_figure_the_registers_count_is_not_reported(pack: Pack) -> None:
    counted = figure("d1", "disaster_officers_trained", 2023, "300")
    assert detail(pack, counted) == [("indicator", "counted by the registers, not reported", {})]


def test_a_roster_is_kept_at_the_district_or_a_street(pack: Pack) -> None:
    at_community = shift("s1-a", "duty_officer", "2024-03-01 08:00", "2024-03-01 20:00")
    assert detail(pack, at_community) == [
        ("role", "a command centre's roster is the district's or a street's", {})
    ]


def test_a_bad_transfer_is_refused_on_its_receiving_depot(pack: Pack) -> None:
    to_itself = movement("s1", "dep-1", "quilt", "transfer", "10", "2024-03-05", to_depot="dep-1")
    assert detail(pack, to_itself, *STOCKED) == [
        ("to_depot", "a transfer goes to another depot", {})
    ]
