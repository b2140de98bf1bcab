"""The demo's shelters, recurring duties, hazards and roster (see `registers.demo`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from govops.lawcode.registers.cadences import add_months, windows
from govops.registers.service.registers import RegisterService

DISTRICT, STREET = "110102", "110102001"
DEMO = "演示数据"
Row = dict[str, str]
Rows = Iterator[tuple[str, str, list[Row]]]


def shelters(codes: list[str]) -> Rows:
    built = {2021: 2, 2022: 2, 2023: 1, 2024: 2, 2025: 2}
    rows, statuses = [], []
    for year, count in built.items():
        for n in range(count):
            code = f"eq-{year}-{n + 1}"
            street = codes[(year * 3 + n) % len(codes)]
            rows.append(
                {
                    "shelter": code,
                    "kind": "earthquake_shelter",
                    "name": f"地震应急避难场所 {code}",
                    "capacity": "3000",
                    "area": "6000",
                    "streets": street,
                    "national_standard": "yes",
                }
            )
            statuses.append({"shelter": code, "status": "open", "on": f"{year}-09-{10 + n}"})
    for index, street in enumerate(codes[:-1]):  # every street but the last has a point
        code = f"ev-{street}"
        rows.append(
            {
                "shelter": code,
                "kind": "evacuation_point",
                "name": f"临时应急疏散点 {index + 1}",
                "capacity": "800",
                "area": "1500",
                "streets": street,
                "national_standard": "no",
            }
        )
        statuses.append({"shelter": code, "status": "open", "on": "2021-05-01"})
    rows.append(
        {
            "shelter": "fh-1",
            "kind": "convertible_building",
            "name": "体育馆（可转为方舱医院）",
            "capacity": "1200",
            "area": "9000",
            "streets": codes[0],
            "national_standard": "no",
        }
    )
    statuses.append({"shelter": "fh-1", "status": "open", "on": "2023-11-01"})
    yield DISTRICT, "shelter", rows
    yield DISTRICT, "shelter_status", statuses


def _held(service: RegisterService, cadence: str, today: date, skip: int | None) -> list[str]:
    """A day in each window that has ended (the window `skip` missed)."""
    rules = service.pack.registers
    assert rules is not None
    owed = rules.cadence(cadence)
    assert owed is not None
    found = owed.cadence
    ended = [w for w in windows(found, today) if w.end < today]
    return [w.start.isoformat() if i != skip else "" for i, w in enumerate(ended)]


def duties(service: RegisterService, codes: list[str], today: date) -> Rows:
    rows: list[Row] = []
    plan: dict[str, int | None] = {
        "district_joint_meeting": None,
        "cross_district_joint_conference": 6,
        "district_risk_assessment": None,
    }
    for cadence, skip in plan.items():
        rows += [
            {"cadence": cadence, "on": d, "note": DEMO}
            for d in _held(service, cadence, today, skip)
            if d
        ]
    for kind in (
        "drill_fire_high_rise_underground",
        "drill_heavy_rain",
        "drill_crowd_evacuation",
        "drill_hazardous_chemicals",
    ):
        for index, day in enumerate(_held(service, kind, today, None)):
            assessed = (
                ""
                if (kind, index) == ("drill_heavy_rain", 2)
                else "演练评估：达到预期，已提出改进措施"
            )
            rows.append({"cadence": kind, "on": day, "assessment": assessed, "note": DEMO})
    yield DISTRICT, "occurrence", rows
    plans = [
        {"cadence": "annual_drill_plan", "on": f"{y}-01-15", "note": DEMO}
        for y in range(2021, today.year + 1)
    ]
    for street in codes:
        mine = plans if street != codes[-1] else plans[:-1]
        yield street, "occurrence", mine
    yield (
        STREET,
        "enterprise",
        [
            {"enterprise": "e-fuel-1", "name": "某加油站", "field": "filling_station"},
            {"enterprise": "e-gas-1", "name": "某燃气储配站", "field": "gas_storage"},
            {
                "enterprise": "e-cold-1",
                "name": "某冷库（液氨制冷）",
                "field": "ammonia_refrigeration",
            },
        ],
    )
    three_years = add_months(today, -36)
    yield (
        STREET,
        "occurrence",
        [
            {
                "cadence": "special_safety_evaluation",
                "subject": "e-fuel-1",
                "on": (three_years + timedelta(days=90)).isoformat(),
            },
            {
                "cadence": "special_safety_evaluation",
                "subject": "e-gas-1",
                "on": (three_years - timedelta(days=30)).isoformat(),
            },
            {
                "cadence": "special_safety_evaluation",
                "subject": "e-cold-1",
                "on": (today - timedelta(days=400)).isoformat(),
            },
        ],
    )
    yield (
        DISTRICT,
        "training",
        [
            {"on": f"{y}-10-20", "people": str(n), "note": DEMO}
            for y, n in ((2021, 240), (2022, 280), (2023, 260), (2024, 300), (2025, 340))
        ],
    )
    milestones = (
        ("command_centre", "m1", "指挥中心平台上线（演示）", "2023-06-30", "2023-06-20"),
        ("warning_platform", "m1", "15个街道降水统计上线（演示）", "2024-12-31", "2024-11-30"),
        ("reserve_depots", "m1", "第三处区级储备库建成（演示）", "2025-12-31", ""),
    )
    yield (
        DISTRICT,
        "milestone",
        [
            {"project": p, "milestone": m, "title": title, "due": due, "done": done}
            for p, m, title, due, done in milestones
        ],
    )
    yield (
        DISTRICT,
        "plan_step",
        [
            {"plan": "district-general", "step": s, "on": d}
            for s, d in (("draft", "2022-03-01"), ("file", "2022-04-15"), ("drill", "2022-06-20"))
        ],
    )


def hazards(today: date) -> Rows:
    found = today - timedelta(days=90)
    yield (
        STREET,
        "hazard",
        [
            {
                "hazard": "h-1",
                "found": found.isoformat(),
                "deadline": (found + timedelta(days=30)).isoformat(),
                "description": "老旧小区电动自行车楼道充电（演示）",
            },
            {
                "hazard": "h-2",
                "found": found.isoformat(),
                "deadline": (found + timedelta(days=60)).isoformat(),
                "description": "商场疏散通道堆放杂物（演示）",
            },
        ],
    )
    yield STREET, "rectified", [{"hazard": "h-2", "on": (found + timedelta(days=45)).isoformat()}]


def roster(service: RegisterService, codes: list[str], today: date) -> Rows:
    zone = service.zone
    start = datetime.combine(today - timedelta(days=7), time(0), zone)
    for centre in [DISTRICT, *codes]:
        rows = []
        for half in range(28):  # 12-hour shifts from a week before to a week after
            begin = start + timedelta(hours=12 * half)
            if centre == STREET and half == 17:  # a night at the street left uncovered
                continue
            end = begin + timedelta(hours=12)
            for role, person in (("duty_officer", "值班员"), ("commander", "带班指挥长")):
                rows.append(
                    {
                        "role": role,
                        "person": f"{person}{half % 4 + 1}",
                        "start": begin.isoformat(timespec="minutes"),
                        "end": end.isoformat(timespec="minutes"),
                    }
                )
        yield centre, "shift", rows
