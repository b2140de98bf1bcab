"""The signal table applied to arrays gives, element by element, what a single decision
gives; at the bounds too."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from govops.lawcode.rules.decision import decide
from govops.packs import load_builtin_pack
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules, UnsupportedTableError

PACK = load_builtin_pack("cn-xicheng-em-14fyp")
TABLE = PACK.table("rainstorm_signal")
RULES = SignalRules.from_table(TABLE, PACK.rules_as_of(date(2026, 7, 20)))
INPUTS = ("rain_3h", "rain_6h", "rain_12h")


def _single(hundredths: dict[str, int]) -> tuple[str | None, str | None]:
    record = {k: Decimal(v) / 100 for k, v in hundredths.items()}
    decision = decide(TABLE, record, PACK.rules_as_of(date(2026, 7, 20)))
    return decision.outcome, (decision.fired[0].id if decision.fired else None)


def _arrays(records: list[dict[str, int]]) -> tuple[list[str | None], list[str | None]]:
    values = {k: np.array([r[k] for r in records], dtype=np.int32) for k in INPUTS}
    level, deciding = RULES.classify(values)
    outcomes = [None if c == NO_LEVEL else RULES.outcomes[c] for c in level]
    clauses = [None if c == NO_LEVEL else RULES.clauses[c].clause_id for c in deciding]
    return outcomes, clauses


def test_the_thresholds_come_from_the_pack_highest_first() -> None:
    assert RULES.outcomes == ("red", "orange", "yellow", "blue")
    assert [(c.input, c.threshold, c.inclusive) for c in RULES.clauses] == [
        ("rain_3h", 100, True),
        ("rain_3h", 50, True),
        ("rain_6h", 50, True),
        ("rain_12h", 50, True),
    ]
    assert str(RULES.clauses[0].cite) == "cma-warning-signals-2007 附件 暴雨红色预警信号"


def test_arrays_agree_with_single_decisions_on_random_and_boundary_values() -> None:
    rng = random.Random(20260720)
    edges = [0, 4999, 5000, 5001, 9999, 10000, 10001]
    records = [
        {k: rng.choice([*edges, rng.randrange(0, 15000)]) for k in INPUTS} for _ in range(3000)
    ]
    outcomes, clauses = _arrays(records)
    for record, outcome, clause in zip(records, outcomes, clauses, strict=True):
        assert (outcome, clause) == _single(record), record


def test_a_missing_mark_meets_no_bound() -> None:
    outcomes, _ = _arrays([{"rain_3h": -1, "rain_6h": -1, "rain_12h": -1}])
    assert outcomes == [None]


def test_a_table_that_is_not_lower_bounds_is_refused() -> None:
    grade = load_builtin_pack("cn-county-mass-incident")
    with pytest.raises(UnsupportedTableError):
        SignalRules.from_table(grade.table("grade"), grade.rules_as_of(date(2026, 6, 1)))


def test_the_station_axis_groups_stations_by_street() -> None:
    assert PACK.areas is not None
    layout = StationLayout.from_areas(PACK.areas, extra=["XC0101", "ELSEWHERE"])
    assert layout.stations[:5] == ("XC0101", "XC0102", "XC0103", "XC0104", "XC0201")
    assert layout.stations[-1] == "ELSEWHERE"
    assert len(layout.members["110102"]) == 60
    assert list(layout.members["110102003"]) == [4, 5, 6, 7]
