"""Builders for the registers' tests: a small tree (a district, two streets, their
communities, an office), and records written as a sheet's cells, read by their kind's
fields (`lawcode.registers.rows.read_row`) and stored as the service stores them
(`model.checks.as_data`), so that a test says only the cells that matter to it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from govops.lawcode.registers.rows import Value, read_row
from govops.platform.identity.units import Unit, UnitTree
from govops.registers.model.checks import as_data
from govops.registers.model.records import FIELDS, Event, RecordKind
from govops.registers.model.state import RegisterState, fold

PACK_ID = "cn-xicheng-em-14fyp"
ZONE = ZoneInfo("Asia/Shanghai")
AT = datetime(2024, 6, 1, 9, 0, tzinfo=ZONE)  # when the builders' events were recorded

TREE = UnitTree.of(
    [
        Unit("d1", {"en": "Xicheng"}, "district", None, (PACK_ID,)),  # runs the plan's pack
        Unit("s1", {"en": "Street one"}, "street", "d1"),
        Unit("s1-a", {"en": "Community A"}, "community", "s1"),
        Unit("s1-b", {"en": "Community B"}, "community", "s1"),
        Unit("s1-office", {"en": "Street office"}, "office", "s1"),
        Unit("s2", {"en": "Street two"}, "street", "d1"),
        Unit("s2-a", {"en": "Community C"}, "community", "s2"),
        Unit("d9", {"en": "Another province's district"}, "district"),  # runs no such pack
    ]
)
UNITS = {code: TREE.get(code).kind for code in TREE.below("d1")}
STREETS = {"s1": TREE.below("s1"), "s2": TREE.below("s2")}

Record = tuple[str, RecordKind, dict[str, str]]  # (unit, kind, cells)


def values(kind: RecordKind, cells: dict[str, str]) -> dict[str, Value]:
    """The row's values as `read_row` gives them; the cells must read."""
    read, refused = read_row(1, cells, FIELDS[kind], ZONE)
    assert refused == [], refused
    return read


def events(*records: Record) -> list[Event]:
    """The records as events, numbered 1, 2, ... in the given order."""
    return [
        Event(unit, seq, kind, as_data(values(kind, cells)), f"tester@{unit}", AT)
        for seq, (unit, kind, cells) in enumerate(records, start=1)
    ]


def held(*records: Record) -> RegisterState:
    return fold(events(*records))


def figure(unit: str, indicator: str, year: int, value: str, source: str = "年鉴") -> Record:
    cells = {"indicator": indicator, "year": str(year), "value": value, "source": source}
    return unit, RecordKind.FIGURE, cells


def population(unit: str, year: int, residents: int) -> Record:
    cells = {"year": str(year), "residents": str(residents), "source": "统计公报"}
    return unit, RecordKind.POPULATION, cells


def depot(unit: str, depot_id: str, level: str = "street") -> Record:
    return unit, RecordKind.DEPOT, {"depot": depot_id, "level": level, "name": f"{depot_id}库"}


def movement(
    unit: str, depot_id: str, item: str, kind: str, quantity: str, on: str, to_depot: str = ""
) -> Record:
    cells = {"depot": depot_id, "item": item, "movement": kind, "quantity": quantity, "on": on}
    return unit, RecordKind.MOVEMENT, {**cells, "to_depot": to_depot}


def shelter(
    unit: str,
    shelter_id: str,
    streets: str,
    kind: str = "earthquake_shelter",
    standard: str = "yes",
    communities: str = "",
) -> Record:
    cells = {
        "shelter": shelter_id,
        "kind": kind,
        "name": f"{shelter_id}公园",
        "capacity": "3000",
        "area": "12000.5",
        "streets": streets,
        "communities": communities,
        "national_standard": standard,
    }
    return unit, RecordKind.SHELTER, cells


def status(unit: str, shelter_id: str, state: str, on: str) -> Record:
    return unit, RecordKind.SHELTER_STATUS, {"shelter": shelter_id, "status": state, "on": on}


def enterprise(unit: str, enterprise_id: str, field: str = "filling_station") -> Record:
    cells = {"enterprise": enterprise_id, "name": f"{enterprise_id}加油站", "field": field}
    return unit, RecordKind.ENTERPRISE, cells


def occurrence(
    unit: str, cadence: str, on: str, subject: str = "", assessment: str = "", note: str = ""
) -> Record:
    cells = {"cadence": cadence, "on": on, "subject": subject, "assessment": assessment}
    return unit, RecordKind.OCCURRENCE, {**cells, "note": note}


def shift(unit: str, role: str, start: str, end: str, person: str = "王五") -> Record:
    return unit, RecordKind.SHIFT, {"role": role, "person": person, "start": start, "end": end}


def training(unit: str, on: str, people: int) -> Record:
    return unit, RecordKind.TRAINING, {"on": on, "people": str(people)}


def hazard(unit: str, hazard_id: str, found: str, deadline: str) -> Record:
    cells = {"hazard": hazard_id, "found": found, "deadline": deadline, "description": "堵塞"}
    return unit, RecordKind.HAZARD, cells


def rectified(unit: str, hazard_id: str, on: str) -> Record:
    return unit, RecordKind.RECTIFIED, {"hazard": hazard_id, "on": on}


def verified(unit: str, hazard_id: str, on: str) -> Record:
    return unit, RecordKind.VERIFIED, {"hazard": hazard_id, "on": on}


def plan_step(unit: str, plan: str, step: str, on: str) -> Record:
    return unit, RecordKind.PLAN_STEP, {"plan": plan, "step": step, "on": on}


def milestone(unit: str, project: str, milestone_id: str, due: str, done: str = "") -> Record:
    cells = {"project": project, "milestone": milestone_id, "title": "里程碑", "due": due}
    return unit, RecordKind.MILESTONE, cells | ({"done": done} if done else {})
