"""Every district's board at once agrees with each district's own board: the same
indicators with the same statuses and yearly figures, the same alerts about the same things
on the same days, over worked records of each rule (windows kept, missed and overdue, a
deadline since the last, drills without assessment, roster gaps, hazards in each standing,
a stock card with transfers and stocktakes, shelters closing, milestones moved, a district
with no population)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

import polars as pl
import pytest

from govops.lawcode.sources.pack import Pack
from govops.registers.model.alerts import Alert
from govops.registers.model.batch import ALERT_COLUMNS, boards, districts_of
from govops.registers.model.batch_tables import tables_of
from govops.registers.model.board import View, board
from govops.registers.model.records import Event
from govops.registers.model.state import fold
from tests.unit.registers.builders import (
    ZONE,
    Record,
    depot,
    enterprise,
    events,
    figure,
    hazard,
    milestone,
    movement,
    occurrence,
    population,
    rectified,
    shelter,
    shift,
    status,
    training,
    verified,
)

ON = date(2024, 6, 1)
UNITS = {
    "d1": (None, "district"),
    "s1": ("d1", "street"),
    "s1-a": ("s1", "community"),
    "s1-office": ("s1", "office"),
    "s2": ("d1", "street"),
    "d2": (None, "district"),
    "t1": ("d2", "street"),
    "t1-a": ("t1", "community"),
}
STREETS = {"d1": {"s1": ["s1", "s1-a", "s1-office"], "s2": ["s2"]}, "d2": {"t1": ["t1", "t1-a"]}}

# What each reason names, by the message's id: (kind, the value read as day, as count).
NAMED: dict[str, tuple[str, str | None, str | None]] = {
    "due by {end}": ("due", "end", None),
    "due by {deadline}": ("due", "deadline", None),
    "none in the window {start} to {end}, none yet in this one (to {deadline})": (
        "overdue", "deadline", None,
    ),
    "{count} window with none, the last from {start} to {end}": ("missed", "end", "count"),
    "overdue since {deadline}": ("overdue", "deadline", None),
    "the drill of {day} has no assessment": ("unassessed", "day", None),
    "nobody on duty from {start} to {end}": ("gap", None, None),
    "not rectified, the deadline was {deadline}": ("overdue", "deadline", None),
    "rectified on {day}, not yet verified": ("awaiting_verification", "day", None),
    "{title}: due on {due}, not done": ("overdue", "due", None),
    "{held} {unit} held, {needed} needed for {people} people": ("short", None, "people"),
    "no resident population recorded: the coverage of the residents cannot be checked": (
        "no_population", None, None,
    ),
    "no open shelter serves {street}": ("uncovered", None, None),
}  # fmt: skip


def days(day: str, count: int, step: int = 1) -> list[str]:
    first = date.fromisoformat(day).toordinal()
    return [date.fromordinal(first + i * step).isoformat() for i in range(count)]


def roster(centre: str, first: str, count: int, skip: int | None = None) -> list[Record]:
    """Daily 24-hour shifts from 08:00 in both roles for `count` - 1 days, but the `skip`th."""
    each = days(first, count)
    return [
        shift(centre, role, f"{day} 08:00", f"{nxt} 08:00")
        for i, (day, nxt) in enumerate(pairwise(each))
        for role in ("duty_officer", "commander")
        if i != skip
    ]


def records() -> list[Record]:
    figures = [
        figure("d1", "work_safety_death_rate", 2021, "0.8"),
        figure("d1", "work_safety_death_rate", 2022, "0.95"),
        figure("d1", "work_safety_death_rate", 2022, "0.85"),  # the newer report stands
        figure("d1", "natural_disaster_death_rate", 2021, "1.2"),
        figure("d1", "natural_disaster_death_rate", 2023, "0.6"),
        figure("d1", "key_incidents_fall", 2020, "200"),
        figure("d1", "key_incidents_fall", 2023, "150"),
        figure("d1", "seismic_station_spacing", 2022, "3.01"),
        figure("d1", "seismic_station_spacing", 2023, "2.67"),  # a third of the way, exactly
        figure("d1", "small_fire_stations", 2021, "4"),
        figure("d1", "small_fire_stations", 2022, "5"),
        figure("s1", "small_fire_stations", 2023, "9"),  # a street's: not the district's
        figure("d2", "fire_death_rate", 2021, "0.35"),
        figure("d1", "disaster_officers_trained", 2021, "999"),  # counted, never reported
    ]
    ledgers = [
        population("d1", 2023, 1_100_000),
        population("d1", 2022, 2_000_000),  # an earlier year
        population("d1", 2025, 3_000_000),  # a year after the day's
        population("s1", 2024, 8_000_000),  # a street's
        depot("d1", "dep1", "district"),
        depot("s1", "dep2", "street"),
        depot("s1-a", "dep3", "household"),
        movement("d1", "dep1", "quilt", "receipt", "9000", "2022-01-10"),
        movement("d1", "dep1", "quilt", "transfer", "2000", "2022-02-01", "dep2"),
        movement("s1", "dep2", "quilt", "stocktake", "1900", "2023-01-05"),
        movement("s1", "dep2", "quilt", "receipt", "300", "2023-01-05"),
        movement("d1", "dep1", "folding_bed", "receipt", "13300", "2021-05-01"),
        movement("d1", "dep1", "folding_bed", "expiry", "100", "2024-05-31"),
        movement("d1", "dep1", "drinking_water", "receipt", "120000", "2021-05-01"),
        movement("d1", "dep1", "drinking_water", "issue", "1000", "2024-06-02"),  # after
        movement("s1-a", "dep3", "quilt", "receipt", "5000", "2023-01-01"),  # a household's
        shelter("d1", "sh1", "s1"),
        status("d1", "sh1", "planned", "2020-11-01"),
        status("d1", "sh1", "open", "2022-05-01"),
        status("d1", "sh1", "closed", "2024-03-01"),
        status("d1", "sh1", "open", "2024-03-01"),  # the last of a day stands
        shelter("s2", "sh2", "s2", kind="evacuation_point"),
        status("s2", "sh2", "open", "2023-04-01"),
        status("s2", "sh2", "closed", "2024-05-20"),
        shelter("d1", "sh3", "s2", standard="no"),
        status("d1", "sh3", "open", "2024-07-01"),  # opens after the day
        training("s1", "2021-04-01", 300),
        training("s2", "2023-04-01", 250),
        hazard("s1", "h1", "2024-01-10", "2024-03-10"),
        hazard("s1", "h2", "2024-01-10", "2024-03-10"),
        rectified("s1", "h2", "2024-03-20"),
        hazard("s1", "h3", "2024-01-10", "2024-03-10"),
        rectified("s1", "h3", "2024-02-01"),
        verified("s1", "h3", "2024-02-02"),
        hazard("s1", "h4", "2023-11-01", "2023-12-31"),
        rectified("s1", "h4", "2023-12-01"),
        hazard("s1", "h4", "2023-11-01", "2024-01-31"),  # recorded again: not rectified
        hazard("s2", "h5", "2024-04-01", "2024-07-01"),
        rectified("s2", "h5", "2024-06-10"),  # after the day
        milestone("d1", "command_centre", "m1", "2024-01-01"),
        milestone("d1", "command_centre", "m2", "2024-01-01"),
        milestone("d1", "command_centre", "m2", "2024-01-01", done="2023-12-20"),
        milestone("d1", "risk_survey", "m3", "2024-05-31", done="2024-06-02"),
    ]
    duties = [
        occurrence("d1", "district_joint_meeting", "2021-03-01"),
        occurrence("d1", "district_joint_meeting", "2022-09-01"),
        occurrence("d1", "district_joint_meeting", "2024-02-01"),
        occurrence("d1", "cross_district_joint_conference", "2024-02-01"),
        occurrence("d1", "district_risk_assessment", "2020-12-01"),  # before the plan
        occurrence("d2", "district_risk_assessment", "2022-06-01"),  # due in 2023-2024
        occurrence("d1", "drill_heavy_rain", "2024-04-01"),
        occurrence("d1", "drill_crowd_evacuation", "2023-04-02", assessment="有序"),
        occurrence("d1", "drill_hazardous_chemicals", "2024-06-05"),  # after the day
        occurrence("s1", "annual_drill_plan", "2024-01-05"),
        occurrence("s1", "annual_drill_plan", "2022-01-05"),
        enterprise("s1", "e1"),
        enterprise("s1", "e2"),
        enterprise("t1", "e1"),
        occurrence("s1", "special_safety_evaluation", "2021-03-01", subject="e1"),
        occurrence("s1", "special_safety_evaluation", "2023-01-01", subject="e2"),
        occurrence("t1", "special_safety_evaluation", "2020-02-29", subject="e1"),
        occurrence("t1", "annual_drill_plan", "2024-01-01"),
    ]
    shifts = [*roster("d1", "2024-05-24", 17), *roster("s1", "2024-05-24", 17, skip=9)]
    shifts += roster("t1", "2024-05-20", 10)
    return [*figures, *ledgers, *duties, *shifts]


def rows_of(alert: Alert, district: str) -> dict[str, Any]:
    kind, day, count = NAMED[alert.reason.id]
    values = alert.reason.values
    row: dict[str, Any] = dict.fromkeys(ALERT_COLUMNS)
    row |= {"district": district, "register": alert.register, "unit": alert.unit}
    row |= {"subject": alert.subject, "overdue": alert.overdue, "kind": kind}
    row["day"] = values[day] if day else None
    row["count"] = values[count] if count else None
    if kind == "gap":
        row["start"], row["end"] = (values[k] for k in ("start", "end"))
    if kind == "short":
        row["held"], row["needed"] = (float(str(values[k])) for k in ("held", "needed"))
    return row


def one_by_one(pack: Pack, recorded: list[Event]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Each district's own board: its indicators and its alerts as rows."""
    indicators, alerts = [], []
    for district, streets in STREETS.items():
        mine = {district, *(u for units in streets.values() for u in units)}
        state = fold(e for e in recorded if e.unit in mine)
        said = board(pack, state, View(district, streets, True, ON, ZONE))
        for row in said.indicators:
            figure = row.assessment.figure
            shown = float(figure) if figure is not None else None
            indicators.append((district, row.indicator.id, row.assessment.status.value, shown))
        alerts += [rows_of(alert, district) for alert in said.alerts]
    columns = ["district", "indicator", "status", "figure"]
    return (
        pl.DataFrame(indicators, schema=columns, orient="row"),
        pl.DataFrame(alerts, schema=ALERT_COLUMNS),
    )


def in_order(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns, nulls_last=True)


def test_every_districts_board_at_once_is_each_districts_own(pack: Pack) -> None:
    recorded = events(*records())
    tables = {name: t.lazy() for name, t in tables_of(recorded, UNITS).items()}
    together = boards(pack, tables, ON, ZONE)
    indicators, alerts = one_by_one(pack, recorded)
    assert in_order(together.indicators).equals(in_order(indicators))
    assert in_order(together.alerts).to_dicts() == in_order(alerts).to_dicts()
    kinds = set(together.alerts.get_column("kind"))
    assert kinds == {row[0] for row in NAMED.values()}  # every kind of alert is met here
    statuses = set(together.indicators.get_column("status"))
    assert {"on_track", "at_risk", "no_figure"} <= statuses


def test_the_yearly_figures_are_the_boards(pack: Pack) -> None:
    recorded = events(*records())
    tables = {name: t.lazy() for name, t in tables_of(recorded, UNITS).items()}
    together = boards(pack, tables, ON, ZONE).figures
    state = fold(e for e in recorded if e.unit not in ("d2", "t1", "t1-a"))
    own = board(pack, state, View("d1", STREETS["d1"], True, ON, ZONE))
    for row in own.indicators:
        mine = together.filter(
            (pl.col("district") == "d1") & (pl.col("indicator") == row.indicator.id)
        )
        assert dict(zip(mine["year"], mine["value"], strict=True)) == row.figures


def test_units_belong_to_the_district_above_them() -> None:
    units = tables_of([], UNITS | {"x": (None, "office")})["units"]
    homes = districts_of(units).collect()
    assert dict(zip(homes["unit"], homes["district"], strict=True)) == {
        code: "d2" if code in ("d2", "t1", "t1-a") else "d1" for code in UNITS
    }


def test_a_pack_without_registers_is_refused(pack: Pack) -> None:
    with pytest.raises(ValueError, match="keeps no registers"):
        boards(replace(pack, registers=None), {}, ON, ZONE)


def test_an_empty_province_has_no_alerts(pack: Pack) -> None:
    tables = {name: t.lazy() for name, t in tables_of([], {}).items()}
    together = boards(pack, tables, ON, ZONE)
    assert together.alerts.is_empty() and together.indicators.is_empty()
    assert together.alerts.schema == pl.Schema(ALERT_COLUMNS)
