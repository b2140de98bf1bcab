"""The engine against a plain reference on small random data: windows summed minute by
minute from a dict, means as exact fractions, the signal table's clauses tried in order.
Random layouts include a scattered area, a station in no area, station ids in another
order than the axis, missing minutes and hourly data."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from govops.weather.compute import compute
from govops.weather.layout import WINDOWS, StationLayout
from tests.unit.weather.test_compute_support import RULES, layout, observations

Observed = dict[tuple[str, int], int]


def random_case(seed: int, steps: int, step: int) -> tuple[StationLayout, Observed]:
    rng = random.Random(seed)
    ids = [f"{rng.randrange(10**5):05d}" for _ in range(8)]
    areas = {"D": ids[:6], "S1": ids[:3], "S2": ids[3:6], "X": [ids[5], ids[0], ids[3]]}
    lay = layout(areas, extra=ids[6:])  # ids[6:] in no area; X is scattered on the axis
    observed: Observed = {}
    burst = {s: rng.randrange(steps) for s in ids}
    for station in ids:
        for t in range(steps):
            if rng.random() < 0.1:
                continue  # missing
            near = abs(t - burst[station]) < 120 // step
            observed[station, t] = rng.randrange(0, (90 if near else 8) * step)
    return lay, observed


def window(observed: Observed, station: str, t: int, span: int) -> int:
    return sum(observed.get((station, u), 0) for u in range(t - span + 1, t + 1))


def reference(
    lay: StationLayout, observed: Observed, t: int, area: str, method: str, step: int
) -> dict[str, object]:
    members = [lay.stations[i] for i in sorted(lay.members[area])]
    reporting = [s for s in members if (s, t) in observed]
    out: dict[str, object] = {"reporting": len(reporting), "level": None, "station": None}
    out["held"] = False
    if not reporting:  # the level of the last step with data, held (none before any data)
        last = max((u for s, u in observed if s in members and u < t), default=None)
        kept = {} if last is None else reference(lay, observed, last, area, method, step)
        if kept.get("level") is not None:
            out |= {"level": kept["level"], "clause": kept["clause"], "held": True}
    sums = {
        name: {s: window(observed, s, t, minutes // step) for s in reporting}
        for name, minutes in WINDOWS.items()
    }
    for name in WINDOWS:
        values = list(sums[name].values())
        out[f"{name}_max"] = max(values) / 100 if values else None
        out[f"{name}_mean"] = sum(values) / (100 * len(values)) if values else None
    for clause in RULES.clauses:  # highest first: the first met decides
        by = sums[clause.input]
        if not by:
            break
        top = max(by.values())
        figure = Fraction(top) if method == "max" else Fraction(sum(by.values()), len(by))
        if figure >= Fraction(clause.threshold) * 100:
            out["level"], out["clause"] = clause.outcome, clause.clause_id
            out["station"] = next(s for s in members if by.get(s) == top)
            break
    return out


@pytest.mark.parametrize(
    ("seed", "method", "steps", "step"),
    [(1, "max", 900, 1), (2, "mean", 900, 1), (3, "max", 60, 60), (4, "mean", 60, 60)],
)
def test_the_engine_agrees_with_the_reference(
    seed: int, method: str, steps: int, step: int
) -> None:
    lay, observed = random_case(seed, steps, step)
    frame = observations([(s, t, v) for (s, t), v in observed.items()], step=step)
    table = compute(frame, lay, RULES, method, step=step)
    first = min(t for _, t in observed)
    seen = set()
    for record in table.iter_rows(named=True):
        t = first + round((record["minute"] - table["minute"][0]).total_seconds()) // (60 * step)
        expected = reference(lay, observed, t, record["area"], method, step)
        for key, value in expected.items():
            assert record[key] == value, (record["area"], t, key)
        seen.add(record["level"])
    assert table.height == len(lay.areas) * (max(t for _, t in observed) - first + 1)
    assert len(seen) >= 3  # the case exercises several levels, not only "none"
