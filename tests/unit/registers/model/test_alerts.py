"""The alerts of a board: recurring duties due, overdue or with windows missed (one alert
per duty and subject), drills without an assessment, roster gaps in the fortnight around
the day, hazards overdue or awaiting verification, and on the district's board only:
reserves short of 1.2 % of the residents and of 5,000 people in the district's depots,
streets no open shelter serves."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from govops.lawcode.sources.pack import Pack
from govops.registers.model.alerts import Alert, alerts
from govops.registers.model.board import View
from govops.registers.model.state import RegisterState
from tests.unit.registers.builders import (
    STREETS,
    ZONE,
    Record,
    depot,
    enterprise,
    hazard,
    held,
    movement,
    occurrence,
    population,
    rectified,
    shelter,
    shift,
    status,
    verified,
)

ON = date(2024, 6, 1)
DUE, OVERDUE = (
    "due by {end}",
    "none in the window {start} to {end}, none yet in this one (to {deadline})",
)
MISSED = "{count} window with none, the last from {start} to {end}"


def district(on: date = ON) -> View:
    return View("d1", STREETS, True, on, ZONE)


def street(on: date = ON) -> View:
    return View("s1", {"s1": STREETS["s1"]}, False, on, ZONE)


def of(pack: Pack, state: RegisterState, view: View, register: str) -> list[Alert]:
    return [a for a in alerts(pack, state, view) if a.register == register]


def said(found: list[Alert]) -> list[tuple[str, str, bool, str]]:
    return [(a.unit, a.subject, a.overdue, a.reason.id) for a in found]


def meetings(*halves: str) -> list[Record]:
    """The district's joint meeting held once in each half-year named (2021-1, 2021-2...)."""
    return [
        occurrence("d1", "district_joint_meeting", f"{h[:4]}-{'03' if h[5] == '1' else '09'}-15")
        for h in halves
    ]


KEPT_TO_2023 = ("2021-1", "2021-2", "2022-1", "2022-2", "2023-1", "2023-2")


def test_a_duty_due_kept_and_overdue(pack: Pack) -> None:
    due = of(pack, held(*meetings(*KEPT_TO_2023)), district(), "district_joint_meeting")
    assert said(due) == [("d1", "d1", False, DUE)]
    assert due[0].reason.values == {"end": date(2024, 6, 30)}
    kept = held(*meetings(*KEPT_TO_2023, "2024-1"))
    assert of(pack, kept, district(), "district_joint_meeting") == []
    late = of(pack, held(*meetings(*KEPT_TO_2023[:-1])), district(), "district_joint_meeting")
    assert said(late) == [("d1", "d1", True, OVERDUE)]
    assert late[0].reason.values["start"] == date(2023, 7, 1)


def test_windows_missed_before_are_one_alert_counting_them(pack: Pack) -> None:
    state = held(*meetings("2021-1", "2021-2", "2023-1", "2023-2", "2024-1"))
    [missed] = of(pack, state, district(), "district_joint_meeting")
    assert (missed.overdue, missed.reason.id, missed.reason.count) == (True, MISSED, 2)
    assert missed.reason.values["end"] == date(2022, 12, 31)
    assert str(missed.reason) == "2 windows with none, the last from 2022-07-01 to 2022-12-31"
    due_too = held(*meetings("2021-1", "2021-2", "2022-2", "2023-1", "2023-2"))
    [missed] = of(pack, due_too, district(), "district_joint_meeting")  # not a second, due
    assert (missed.overdue, missed.reason.count) == (True, 1)


def test_a_streets_duty_is_one_alert_per_street(pack: Pack) -> None:
    plans = [occurrence("s1", "annual_drill_plan", f"{y}-02-01") for y in range(2021, 2025)]
    plans += [occurrence("s2", "annual_drill_plan", f"{y}-02-01") for y in (2021, 2022, 2023)]
    plans += [occurrence("s2", "annual_drill_plan", "2023-10-01")]
    plans += [occurrence("s2-a", "annual_drill_plan", "2024-02-01")]  # a community's own
    found = of(pack, held(*plans), district(), "annual_drill_plan")
    assert said(found) == [("s2", "s2", False, DUE)]
    assert said(of(pack, held(), district(), "annual_drill_plan")) == [
        ("s1", "s1", True, OVERDUE),
        ("s2", "s2", True, OVERDUE),
    ]


def test_an_enterprises_evaluation_runs_from_its_last(pack: Pack) -> None:
    state = held(
        enterprise("s1", "e1"),
        enterprise("s1", "e2", "oil_depot"),
        enterprise("s2", "e3"),
        occurrence("s1", "special_safety_evaluation", "2020-05-10", subject="e1"),
        occurrence("s2", "special_safety_evaluation", "2022-01-01", subject="e3"),
    )
    found = of(pack, state, district(date(2023, 6, 1)), "special_safety_evaluation")
    assert said(found) == [
        ("s1", "e1", True, "overdue since {deadline}"),
        ("s1", "e2", False, "due by {deadline}"),
    ]
    assert [a.reason.values["deadline"] for a in found] == [date(2023, 5, 11), date(2023, 12, 31)]


def test_an_enterprise_is_one_of_its_units_list(pack: Pack) -> None:
    state = held(
        enterprise("s1", "e1"),
        enterprise("s2", "e1", "oil_depot"),  # another street's, with the same id
        occurrence("s2", "special_safety_evaluation", "2023-01-01", subject="e1"),
    )
    found = of(pack, state, district(), "special_safety_evaluation")
    assert said(found) == [("s1", "e1", True, "overdue since {deadline}")]


def test_a_drill_without_its_assessment(pack: Pack) -> None:
    state = held(
        occurrence("d1", "drill_heavy_rain", "2024-04-01"),
        occurrence("d1", "drill_crowd_evacuation", "2024-04-02", assessment="组织有序"),
        occurrence("d1", "district_joint_meeting", "2024-04-03"),  # no drill
        occurrence("d1", "drill_hazardous_chemicals", "2024-06-02"),  # after the board's day
    )
    found = of(pack, state, district(), "drill_assessment")
    assert said(found) == [("d1", "drill_heavy_rain", True, "the drill of {day} has no assessment")]
    assert found[0].reason.values == {"day": date(2024, 4, 1)}


def roster(*left_out: tuple[str, str, date]) -> list[Record]:
    """Daily 24-hour shifts from 08:00 in each role at every centre, around ON."""
    shifts = []
    for centre in ("d1", "s1", "s2"):
        for role in ("duty_officer", "commander"):
            for days in range(-8, 9):
                day = ON + timedelta(days=days)
                if (centre, role, day) not in left_out:
                    shifts.append(
                        shift(centre, role, f"{day} 08:00", f"{day + timedelta(1)} 08:00")
                    )
    return shifts


def test_a_covered_roster_has_no_gap(pack: Pack) -> None:
    assert of(pack, held(*roster()), district(), "roster") == []
    outside = held(*roster(("s1", "commander", ON + timedelta(days=8))))  # past the window
    assert of(pack, outside, district(), "roster") == []


def test_a_gap_in_the_window_is_one_alert_for_its_centre_and_role(pack: Pack) -> None:
    state = held(*roster(("s1", "commander", date(2024, 6, 3))))
    [gap] = of(pack, state, district(), "roster")
    assert (gap.unit, gap.subject, gap.overdue, gap.reason.id) == (
        "s1",
        "commander",
        True,
        "nobody on duty from {start} to {end}",
    )
    assert gap.reason.values == {
        "start": datetime(2024, 6, 3, 8, tzinfo=ZONE),
        "end": datetime(2024, 6, 4, 8, tzinfo=ZONE),
    }


def test_a_streets_board_reads_its_own_centre_only(pack: Pack) -> None:
    found = of(pack, held(), street(), "roster")
    assert said(found) == [
        ("s1", "duty_officer", True, "nobody on duty from {start} to {end}"),
        ("s1", "commander", True, "nobody on duty from {start} to {end}"),
    ]
    assert found[0].reason.values == {
        "start": datetime(2024, 5, 25, tzinfo=ZONE),
        "end": datetime(2024, 6, 8, tzinfo=ZONE),
    }


def test_hazards_overdue_and_awaiting_verification(pack: Pack) -> None:
    state = held(
        hazard("s2", "h2", "2024-01-01", "2024-03-01"),
        rectified("s2", "h2", "2024-02-01"),
        hazard("s1", "h1", "2024-01-01", "2024-03-01"),
        hazard("d1", "h3", "2024-05-01", "2024-12-31"),  # open, its deadline ahead
        hazard("s1", "h4", "2024-01-01", "2024-03-01"),
        rectified("s1", "h4", "2024-02-01"),
        verified("s1", "h4", "2024-02-10"),
        hazard("s1", "h5", "2024-01-01", "2024-05-01"),
        rectified("s1", "h5", "2024-07-01"),  # after the board's day
    )
    assert said(of(pack, state, district(), "hazard")) == [
        ("s1", "h1", True, "not rectified, the deadline was {deadline}"),
        ("s1", "h5", True, "not rectified, the deadline was {deadline}"),
        ("s2", "h2", False, "rectified on {day}, not yet verified"),
    ]


RESERVES = (
    depot("d1", "dep-d", "district"),
    depot("s1", "dep-s", "street"),
    depot("s1-a", "dep-c", "community"),
    depot("s1-b", "dep-h", "household"),
    movement("d1", "dep-d", "quilt", "receipt", "5000", "2024-01-01"),
    movement("s1", "dep-s", "quilt", "receipt", "8200", "2024-01-01"),
    movement("d1", "dep-d", "folding_bed", "receipt", "4500", "2024-01-01"),
    movement("s1-a", "dep-c", "folding_bed", "receipt", "9000", "2024-01-01"),
    movement("d1", "dep-d", "drinking_water", "receipt", "50000", "2024-01-01"),
    movement("d1", "dep-d", "drinking_water", "issue", "10000", "2024-05-01"),
    movement("s1-b", "dep-h", "drinking_water", "receipt", "200000", "2024-01-01"),
    movement("d1", "dep-d", "drinking_water", "receipt", "100000", "2024-07-01"),  # after
)
RESIDENTS = (
    population("d1", 2022, 1_000_000),
    population("d1", 2023, 1_100_000),  # 1.2 %: 13,200 people
    population("d1", 2025, 2_000_000),
    population("s1", 2024, 5),
)
SHORT = "{held} {unit} held, {needed} needed for {people} people"


def test_reserves_short_of_the_share_and_of_the_district_depots_5000(pack: Pack) -> None:
    found = [
        (a.register, a.subject, a.overdue, a.reason.id, a.reason.values)
        for a in alerts(pack, held(*RESERVES, *RESIDENTS), district())
        if a.register.startswith("reserves") and a.unit == "d1"
    ]
    water, bed = {"held": Decimal(40000), "unit": "升"}, {"held": Decimal(4500), "unit": "张"}
    assert found == [
        (
            "reserves_share",
            "drinking_water",
            True,
            SHORT,
            {**water, "needed": 118800, "people": 13200},
        ),
        ("reserves_district", "folding_bed", True, SHORT, {**bed, "needed": 5000, "people": 5000}),
        (
            "reserves_district",
            "drinking_water",
            True,
            SHORT,
            {**water, "needed": 45000, "people": 5000},
        ),
    ]
    assert all(isinstance(f[4]["needed"], Decimal) for f in found)


def test_without_the_districts_population_the_share_is_due(pack: Pack) -> None:
    state = held(*RESERVES, population("s1", 2023, 90_000), population("d1", 2025, 1))
    share = of(pack, state, district(), "reserves_share")
    [(unit, subject, overdue, reason)] = said(share)
    assert (unit, subject, overdue) == ("d1", "d1", False)
    assert (
        reason == "no resident population recorded: the coverage of the residents cannot be checked"
    )
    assert [a.subject for a in of(pack, state, district(), "reserves_district")] == [
        "folding_bed",
        "drinking_water",
    ]


def test_a_street_no_open_shelter_serves(pack: Pack) -> None:
    state = held(
        shelter("d1", "a", "s1"),
        status("d1", "a", "open", "2023-05-01"),
        shelter("d1", "b", "s2"),
        status("d1", "b", "open", "2023-05-01"),
        status("d1", "b", "closed", "2024-03-01"),
        shelter("s2", "c", "s2"),
        status("s2", "c", "open", "2024-07-01"),  # not yet
    )
    found = of(pack, state, district(), "shelters")
    assert said(found) == [("s2", "s2", True, "no open shelter serves {street}")]
    opened = held(shelter("s2", "c", "s1, s2"), status("s2", "c", "open", "2024-05-31"))
    assert of(pack, opened, district(), "shelters") == []


def test_a_streets_board_has_no_reserves_nor_shelters_alerts(pack: Pack) -> None:
    registers = {a.register for a in alerts(pack, held(*RESERVES), street())}
    assert registers == {"annual_drill_plan", "roster"}
    assert {a.register for a in alerts(pack, held(*RESERVES), district())} >= {
        "reserves_share",
        "reserves_district",
        "shelters",
        "district_joint_meeting",
    }
