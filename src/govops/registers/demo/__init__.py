"""A synthetic but realistic five years of Xicheng District's registers (every record
marked 演示数据, demo data), filed through the registers' use cases as the district's
emergency bureau and a street office would file them, dated around the day it is loaded:

- yearly figures for 2021-2025 of the indicators the registers do not count: most met, the
  fire death rate above its bound in one year, the model communities short of 90 %;
- the resident population (1,100,000 and a little more each year), district, street and
  community depots with a stock card: enough quilts and water for 1.2 % of the residents,
  too few folding beds (a stock below coverage), a transfer, a stocktake, an expiry;
- shelters: earthquake shelters to national standard (two a year, one in 2023: 9 in the
  period, short of 10), evacuation points serving every street but one, a building that
  can become a field hospital;
- the recurring duties held in every window since 2021 but one missed conference, the
  drills with their assessments but one, three enterprises on a street's list (one
  evaluation overdue), training, a hazard overdue for rectification, one awaiting
  verification, an emergency plan through its first stages;
- the 24-hour roster of the week before and after the day loaded, a night left uncovered
  at one street (a roster gap)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from govops.platform.identity.actor import Actor
from govops.registers.demo.rows import (
    DEMO,
    DISTRICT,
    STREET,
    Row,
    duties,
    hazards,
    roster,
    shelters,
)
from govops.registers.service.access import streets
from govops.registers.service.registers import RegisterService

REPORTED = {  # the indicators' yearly figures, 2021-2025 (demo)
    "work_safety_death_rate": ["0.42", "0.38", "0.35", "0.31", "0.30"],
    "natural_disaster_death_rate": ["0", "0", "0.9", "0", "0"],
    "natural_disaster_loss_share": ["0.05", "0.04", "0.31", "0.03", "0.02"],
    "fire_death_rate": ["0.27", "0.36", "0.30", "0.25", "0.24"],
    "model_communities_share": ["40", "55", "63", "71", "78"],
    "small_fire_stations": ["2", "3", "4", "3", "3"],
    "district_reserve_depots": ["1", "1", "2", "2", "2"],
    "onsite_communications_coverage": ["85", "90", "95", "100", "100"],
}


def load_register_demo(service: RegisterService, district: Actor, street: Actor) -> int:
    """The demo records (nothing when the district has a record already); how many."""
    state, _ = service.state(district, DISTRICT)
    if state.populations or state.depots or state.occurrences:
        return 0
    today = service.today()
    count = 0
    for unit, kind, rows in _district_rows(service, district, today):
        actor = street if unit == STREET else district
        count += len(service.record(actor, unit, kind, list(_lines(rows))).events)
    return count


def _lines(rows: list[Row]) -> Iterator[tuple[int, Row]]:
    return ((line, row) for line, row in enumerate(rows, start=2))


def _district_rows(
    service: RegisterService, actor: Actor, today: date
) -> Iterator[tuple[str, str, list[Row]]]:
    year = today.year
    yield (
        DISTRICT,
        "figure",
        [
            {"indicator": name, "year": str(2021 + i), "value": value, "source": DEMO}
            for name, values in REPORTED.items()
            for i, value in enumerate(values)
        ],
    )
    residents = [
        {"year": str(y), "residents": str(1_100_000 + 2_000 * (y - 2021)), "source": DEMO}
        for y in range(2021, year + 1)
    ]
    yield DISTRICT, "population", residents
    yield from _reserves(today)
    codes = list(streets(actor.tree, DISTRICT))
    yield from shelters(codes)
    yield from duties(service, codes, today)
    yield from hazards(today)
    yield from roster(service, codes, today)


def _reserves(today: date) -> Iterator[tuple[str, str, list[Row]]]:
    depots = [
        ("xc-d1", "district", "区级应急物资储备库（一）"),
        ("xc-d2", "district", "区级应急物资储备库（二）"),
    ]
    yield DISTRICT, "depot", [{"depot": d, "level": lv, "name": n} for d, lv, n in depots]
    yield STREET, "depot", [{"depot": "xc-s1", "level": "street", "name": "街道应急物资储备点"}]
    day = (today - timedelta(days=200)).isoformat()
    moves = [
        ("xc-d1", "quilt", "receipt", "9000"),
        ("xc-d2", "quilt", "receipt", "5000"),
        ("xc-d1", "folding_bed", "receipt", "6000"),
        ("xc-d2", "folding_bed", "receipt", "3200"),
        ("xc-d1", "drinking_water", "receipt", "90000"),
        ("xc-d2", "drinking_water", "receipt", "40000"),
    ]
    rows = [
        {"depot": d, "item": i, "movement": m, "quantity": q, "on": day, "note": DEMO}
        for d, i, m, q in moves
    ]
    later = (today - timedelta(days=60)).isoformat()
    rows.append(
        {
            "depot": "xc-d1",
            "item": "drinking_water",
            "movement": "expiry",
            "quantity": "2500",
            "on": later,
            "note": DEMO,
        }
    )
    rows.append(
        {
            "depot": "xc-d1",
            "item": "quilt",
            "movement": "transfer",
            "quantity": "300",
            "on": later,
            "to_depot": "xc-s1",
            "note": DEMO,
        }
    )
    rows.append(
        {
            "depot": "xc-d2",
            "item": "folding_bed",
            "movement": "stocktake",
            "quantity": "3180",
            "on": later,
            "note": DEMO,
        }
    )
    yield DISTRICT, "movement", rows
