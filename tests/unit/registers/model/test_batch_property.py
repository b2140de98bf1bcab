"""Every district's board at once agrees with each district's own board on any records:
Hypothesis draws a province's records of every kind (given again, out of order within a
day, before the plan, after the board's day, in depots and shelters of either district, a
street under an office) and a board day from before the plan to after it, and the batch
must give the same indicators and the same alerts as the boards one by one."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from govops.registers.model.batch import ALERT_COLUMNS, boards
from govops.registers.model.batch_tables import tables_of
from govops.registers.model.board import View, board
from govops.registers.model.records import Event
from govops.registers.model.state import fold
from tests.unit.registers import builders as b
from tests.unit.registers.model.test_batch import in_order, rows_of

PACK = load_builtin_pack(b.PACK_ID)
UNITS = {
    "p": (None, "province"),
    "d1": ("p", "district"),
    "s1": ("d1", "street"),
    "s1-a": ("s1", "community"),
    "s2": ("d1", "street"),
    "d1-office": ("d1", "office"),
    "s9": ("d1-office", "street"),  # under an office: in d1's records, not one of its streets
    "d2": ("p", "district"),
    "t1": ("d2", "street"),
}
DISTRICTS = {"d1": ("s1", "s2"), "d2": ("t1",)}
RECORDING = [u for u in UNITS if u != "p"]
STREETS = ["s1", "s2", "s9", "t1"]
ITEMS = ["quilt", "folding_bed", "drinking_water", "tent"]


def day(r: random.Random, first: int, last: int) -> str:
    start, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
    return date.fromordinal(r.randint(start, end)).isoformat()


def later(r: random.Random, day: str, most: int) -> str:
    """A day up to `most` days after `day`."""
    return (date.fromisoformat(day) + timedelta(days=r.randint(0, most))).isoformat()


def ledgers(r: random.Random) -> list[b.Record]:
    found = [
        b.population(r.choice(["d1", "d2", "s1"]), r.randint(2019, 2026), r.randint(1, 3) * 400_000)
        for _ in range(r.randint(0, 4))
    ]
    depots = [(f"dep{i}", r.choice(RECORDING)) for i in range(r.randint(0, 4))]
    levels = ["district", "street", "community", "household"]
    found += [
        b.depot(u, d, r.choice(levels)) for d, u in depots + r.sample(depots, len(depots) // 2)
    ]
    for _ in range(r.randint(0, 20) if depots else 0):
        (where, unit), kind = (
            r.choice(depots),
            r.choice(["receipt", "issue", "transfer", "stocktake", "expiry"]),
        )
        others = [d for d, _ in depots if d != where]
        to = r.choice(others) if kind == "transfer" and others else ""
        kind = "receipt" if kind == "transfer" and not to else kind
        quantity = r.choice(["0", "3", "5000", "13200", "45000.5", "0.0000004"])
        found.append(
            b.movement(unit, where, r.choice(ITEMS), kind, quantity, day(r, 2023, 2025), to)
        )
    for i in range(r.randint(0, 3)):
        unit, name = r.choice(RECORDING), f"sh{i}"
        serves = ",".join(r.sample(STREETS, r.randint(1, 2)))
        kind = r.choice(["earthquake_shelter", "evacuation_point"])
        found.append(b.shelter(unit, name, serves, kind=kind, standard=r.choice(["yes", "no"])))
        states = ["planned", "open", "open", "closed"]
        found += [
            b.status(unit, name, r.choice(states), day(r, 2020, 2025))
            for _ in range(r.randint(0, 3))
        ]
    found += [
        b.training(r.choice(RECORDING), day(r, 2019, 2025), r.randint(1, 400))
        for _ in range(r.randint(0, 5))
    ]
    return found


def duties(r: random.Random) -> list[b.Record]:
    found, listed = [], [(r.choice(STREETS), f"e{r.randint(0, 2)}") for _ in range(r.randint(0, 3))]
    found += [b.enterprise(u, e) for u, e in listed]
    for _ in range(r.randint(0, 25)):
        owed = r.choice(PACK.registers.cadences)  # type: ignore[union-attr]
        if owed.owed_by == "enterprise" and not listed:
            continue
        unit, subject = {
            "district": (r.choice(list(DISTRICTS)), ""),
            "street": (r.choice(STREETS), ""),
        }.get(owed.owed_by, r.choice(listed) if listed else ("", ""))
        assessed = r.choice(["", "有序"]) if owed.assessed else ""
        found.append(b.occurrence(unit, owed.cadence.id, day(r, 2016, 2025), subject, assessed))
    return found


def roster(r: random.Random, on: date) -> list[b.Record]:
    found = []
    for centre in r.sample(["d1", "s1", "s2", "s9", "t1", "d2"], r.randint(0, 6)):
        start = datetime.combine(on, time(8)) - timedelta(days=9)
        for _ in range(r.randint(0, 14)):  # nested, overlapping, apart, beyond the window
            begins = start + timedelta(hours=r.randint(0, 30))
            ends = begins + timedelta(hours=r.randint(1, 40))
            role = r.choice(["duty_officer", "commander"])
            found.append(
                b.shift(centre, role, f"{begins:%Y-%m-%d %H:%M}", f"{ends:%Y-%m-%d %H:%M}")
            )
            start = begins + timedelta(hours=r.randint(0, 30))
    return found


def lists(r: random.Random) -> list[b.Record]:
    found = []
    for _ in range(r.randint(0, 5)):  # a hazard found again resets its rectification
        unit, name, seen = r.choice(RECORDING), f"h{r.randint(0, 2)}", day(r, 2023, 2025)
        found.append(b.hazard(unit, name, seen, later(r, seen, 90)))
        if r.random() < 0.6:
            fixed = later(r, seen, 200)
            found.append(b.rectified(unit, name, fixed))
            if r.random() < 0.5:
                found.append(b.verified(unit, name, later(r, fixed, 60)))
    projects = [p.id for p in PACK.registers.projects]  # type: ignore[union-attr]
    for _ in range(r.randint(0, 5)):
        done = r.choice(["", day(r, 2022, 2025)])
        mark = f"m{r.randint(0, 2)}"
        found.append(
            b.milestone(r.choice(RECORDING), r.choice(projects), mark, day(r, 2022, 2025), done)
        )
    computed = PACK.registers.computed  # type: ignore[union-attr]
    reported = [i for i in PACK.indicators if i.id not in computed]
    for _ in range(r.randint(0, 15)):
        i = r.choice(reported)
        shown = [str(i.target.value), str(round(r.uniform(0, 120), r.randint(0, 2))), "0.8999999"]
        year = r.randint(i.baseline_year or i.first_year, i.last_year)
        found.append(b.figure(r.choice(["d1", "d2", "s1"]), i.id, year, r.choice(shown)))
    return found


def one_by_one(
    pack: Pack, recorded: list[Event], on: date
) -> tuple[pl.DataFrame, pl.DataFrame, set[tuple[str, str, int, Decimal]]]:
    indicators, alerts, yearly = [], [], set()
    for district, streets in DISTRICTS.items():
        mine = {u for u in UNITS if _within(u, district)}
        below = {s: [u for u in UNITS if _within(u, s)] for s in streets}
        said = board(
            pack,
            fold(e for e in recorded if e.unit in mine),
            View(district, below, True, on, b.ZONE),
        )
        for row in said.indicators:
            figure = row.assessment.figure
            indicators.append(
                (
                    district,
                    row.indicator.id,
                    row.assessment.status.value,
                    None if figure is None else float(figure),
                )
            )
            yearly |= {(district, row.indicator.id, y, v) for y, v in row.figures.items()}
        alerts += [rows_of(alert, district) for alert in said.alerts]
    columns = ["district", "indicator", "status", "figure"]
    frame = pl.DataFrame(indicators, schema=columns, orient="row")
    return frame, pl.DataFrame(alerts, schema=ALERT_COLUMNS), yearly


def _within(unit: str | None, top: str) -> bool:
    while unit is not None and unit != top:
        unit = UNITS[unit][0]
    return unit == top


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(r=st.randoms(use_true_random=False), on=st.dates(date(2020, 6, 1), date(2026, 12, 31)))
def test_the_batch_is_every_districts_own_board(r: random.Random, on: date) -> None:
    recorded = b.events(*ledgers(r), *duties(r), *roster(r, on), *lists(r))
    tables = {name: t.lazy() for name, t in tables_of(recorded, UNITS).items()}
    together = boards(PACK, tables, on, b.ZONE)
    indicators, alerts, yearly = one_by_one(PACK, recorded, on)
    assert set(together.figures.iter_rows()) == yearly
    assert in_order(together.indicators).equals(in_order(indicators))
    assert in_order(together.alerts).to_dicts() == in_order(alerts).to_dicts()
