"""The engine against a plain reference on small random data: windows summed minute by
minute from a dict, means as exact fractions, the signal table's clauses tried in order.
Random layouts include a scattered area, a station in no area, station ids in another
order than the axis, missing minutes, a street silent in its downpour (its level held, and
taken by its district with the max method) and hourly data."""

from __future__ import annotations

import random
from collections.abc import Callable
from fractions import Fraction
from functools import cache

import pytest

from govops.warnings.model.weather.compute import compute
from govops.warnings.model.weather.layout import WINDOWS, StationLayout
from govops.warnings.model.weather.stream_gaps import recent_steps
from tests.unit.warnings.model.weather.test_compute_support import RULES, layout, observations

Observed = dict[tuple[str, int], int]


def random_case(seed: int, steps: int, step: int) -> tuple[StationLayout, Observed]:
    rng = random.Random(seed)
    ids = [f"{rng.randrange(10**5):05d}" for _ in range(8)]
    areas = {"D": ids[:6], "S1": ids[:3], "S2": ids[3:6], "X": [ids[5], ids[0], ids[3]]}
    lay = layout(areas, extra=ids[6:], children={"D": ("S1", "S2")})  # X: scattered
    observed: Observed = {}
    burst = {s: rng.randrange(steps) for s in ids}
    for s in ids[:3]:  # S1's downpour, then its stations silent for two hours
        burst[s] = steps // 2
    silent = range(steps // 2 + 60 // step, steps // 2 + 180 // step)
    for station in ids:
        for t in range(steps):
            if rng.random() < 0.1 or (station in ids[:3] and t in silent):
                continue  # missing
            near = abs(t - burst[station]) < 120 // step
            observed[station, t] = rng.randrange(0, (90 if near else 8) * step)
    return lay, observed


def window(observed: Observed, station: str, t: int, span: int) -> int:
    return sum(observed.get((station, u), 0) for u in range(t - span + 1, t + 1))


Reference = Callable[[int, str], dict[str, object]]


def rank(level: object) -> int:
    return 0 if level is None else len(RULES.outcomes) - RULES.outcomes.index(str(level))


def referee(lay: StationLayout, observed: Observed, method: str, step: int) -> Reference:
    """The area at step t, by the policy read plainly (memoised: held levels look back)."""
    recent = recent_steps(step)

    @cache
    def reference(t: int, area: str) -> dict[str, object]:
        members = [lay.stations[i] for i in sorted(lay.members[area])]
        counting = [s for s in members if any((s, t - k) in observed for k in range(recent))]
        out: dict[str, object] = {"reporting": len(counting), "level": None, "station": None}
        out |= {"held": False, "held_via": None}
        if not counting:  # the level of its last step with one, held (none before any data)
            seen = [u for s, u in observed if s in members and u < t]
            kept = {} if not seen else reference(max(seen) + recent - 1, area)
            if kept.get("level") is not None:
                out |= {"level": kept["level"], "clause": kept["clause"], "held": True}
        sums = {
            name: {s: window(observed, s, t, minutes // step) for s in counting}
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
        if method == "max" and counting:  # a held sub-area's higher level
            held_up(out, [(kid, reference(t, kid)) for kid in lay.children.get(area, ())])
        return out

    return reference


def held_up(out: dict[str, object], kids: list[tuple[str, dict[str, object]]]) -> None:
    """The first sub-area holding the highest level through a gap, when above `out`'s."""
    for kid, found in kids:
        taken = found["held"] or found["held_via"] is not None
        if taken and rank(found["level"]) > rank(out["level"]):
            out |= {k: found[k] for k in ("level", "clause")}
            out |= {"station": None, "held_via": found["held_via"] or kid}


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
    seen, held, reference = set(), set(), referee(lay, observed, method, step)
    for record in table.iter_rows(named=True):
        t = first + round((record["minute"] - table["minute"][0]).total_seconds()) // (60 * step)
        expected = reference(t, record["area"])
        for key, value in expected.items():
            assert record[key] == value, (record["area"], t, key)
        seen.add(record["level"])
        held.add((record["held"], record["held_via"]))
    assert table.height == len(lay.areas) * (max(t for _, t in observed) - first + 1)
    assert len(seen) >= 3  # the case exercises several levels, not only "none"
    assert (True, None) in held  # a held street
    assert ((False, "S1") in held) == (method == "max")  # and its district at its level
