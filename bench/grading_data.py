"""Seeded synthetic mass-incident records shared by every contender."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import polars as pl

from govops.packs import load_builtin_pack

AS_OF = date(2026, 6, 1)


def pack_thresholds() -> dict[str, int | float]:
    """The grading thresholds in force, read from the govops pack so that every contender
    applies exactly the numbers the pack cites."""
    pack = load_builtin_pack("cn-county-mass-incident")
    snapshot = pack.parameters.as_of(AS_OF)
    return {name: _plain(snapshot[name].value) for name in snapshot}


def _plain(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"grading threshold {value!r} is not a number")
    return value if isinstance(value, int) else float(value)


THRESHOLDS = pack_thresholds()

COUNT_COLUMNS = ("participants", "deaths", "injured")
HOUR_COLUMNS = ("traffic_stopped_hours", "key_project_stopped_hours")
# The qualifiers the plan sets beside a figure (4.1(1), 4.1(5), 4.2(1), 4.3(1)): a duty
# officer's judgement, more often asserted the larger the figure it qualifies.
QUALIFIER_FLAGS = (
    "seriously_affects_stability",
    "seriously_harms_stability",
    "major_impact_protest",
    "affects_stability",
)
# The kinds of way 4.1(4) names (any one blocked is enough) and its national key project.
WAY_FLAGS = (
    "blocked_railway_trunk_line",
    "blocked_national_road",
    "blocked_expressway",
    "blocked_transport_hub",
)
PROJECT_FLAGS = ("national_key_project",)
NAMED_FLAGS = ("armed_fight", "prison_riot", "important_site", "radical_behaviour")
ASSERTED_FLAGS = (
    "attack_on_organs",
    "large_scale_violence",
    "campus_unrest_spread",
    "fight_major_casualties",
    "nationwide_chain_reaction",
    "treat_as_level_I",
    "petition_wide_reach",
    "campus_network_agitation",
    "fight_serious_casualties",
    "religious_ethnic_unity",
    "resource_environment_dispute",
    "cross_province_chain_reaction",
    "treat_as_level_II",
    "cross_region_chain_reaction",
    "treat_as_level_III",
)
FLAG_COLUMNS = QUALIFIER_FLAGS + WAY_FLAGS + PROJECT_FLAGS + NAMED_FLAGS + ASSERTED_FLAGS
COLUMNS = COUNT_COLUMNS + HOUR_COLUMNS + FLAG_COLUMNS

Arrays = dict[str, np.ndarray]


def _crafted_rows(t: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per clause (in clause order), then alternative branches and misses: each
    figure that needs a qualifier, a way or a national project, without it."""
    traffic = float(t["traffic_stopped_hours_level_I"])
    project = float(t["key_project_stopped_hours_level_I"])
    per_clause: list[dict[str, Any]] = [
        {"participants": t["participants_level_I"], "seriously_affects_stability": True},
        {"attack_on_organs": True},
        {"large_scale_violence": True},
        {"traffic_stopped_hours": traffic, "blocked_national_road": True},
        {"deaths": t["deaths_level_I"], "seriously_harms_stability": True},
        {"campus_unrest_spread": True},
        {"armed_fight": True, "participants": t["fight_participants_level_I"]},
        {"prison_riot": True, "participants": t["prison_riot_participants"]},
        {"nationwide_chain_reaction": True},
        {"treat_as_level_I": True},
        {"participants": t["participants_level_II"], "major_impact_protest": True},
        {"deaths": t["deaths_level_II"]},
        {"campus_network_agitation": True},
        {"armed_fight": True, "participants": t["fight_participants_level_II"]},
        {"religious_ethnic_unity": True},
        {"resource_environment_dispute": True},
        {"cross_province_chain_reaction": True},
        {"treat_as_level_II": True},
        {"participants": t["participants_level_III"], "affects_stability": True},
        {
            "important_site": True,
            "radical_behaviour": True,
            "participants": t["important_site_participants_min"],
        },
        {"cross_region_chain_reaction": True},
        {"injured": 1},
        {"treat_as_level_III": True},
    ]
    alternatives: list[dict[str, Any]] = [
        {"traffic_stopped_hours": traffic, "blocked_railway_trunk_line": True},
        {"traffic_stopped_hours": traffic, "blocked_expressway": True},
        {"traffic_stopped_hours": traffic, "blocked_transport_hub": True},
        {"key_project_stopped_hours": project, "national_key_project": True},
        {"injured": t["injured_level_I"], "seriously_harms_stability": True},
        {"armed_fight": True, "fight_major_casualties": True},
        {"petition_wide_reach": True},
        {"injured": t["injured_level_II"]},
        {"armed_fight": True, "fight_serious_casualties": True},
        {
            "participants": t["participants_level_I"] - 1,
            "seriously_affects_stability": True,
            "major_impact_protest": True,
        },
        {"participants": t["participants_level_III"] - 1, "deaths": 1},
        {
            "important_site": True,
            "radical_behaviour": True,
            "participants": t["important_site_participants_max"] - 1,
        },
        {"prison_riot": True, "participants": t["prison_riot_participants"] - 1},
        {},
        # the figure without what the clause requires beside it: no level
        {"participants": t["participants_level_I"], "major_impact_protest": True},
        {"participants": t["participants_level_II"], "affects_stability": True},
        {"participants": t["participants_level_III"], "seriously_affects_stability": True},
        {"deaths": t["deaths_level_I"]},
        {"injured": t["injured_level_I"]},
        {"traffic_stopped_hours": 4 * traffic, "national_key_project": True},
        {"key_project_stopped_hours": 2 * project, "blocked_national_road": True},
        {"traffic_stopped_hours": traffic - 0.25, "blocked_expressway": True},
        {"key_project_stopped_hours": project - 0.25, "national_key_project": True},
    ]
    return per_clause + alternatives


def _boundaries(t: dict[str, Any]) -> np.ndarray:
    keys = [k for k in t if "participants" in k]
    return np.array(sorted({t[k] + d for k in keys for d in (-1, 0, 1)}), dtype=np.int32)


def _counts(rng: np.random.Generator, n: int, t: dict[str, Any]) -> Arrays:
    participants = np.rint(rng.lognormal(np.log(60), 1.3, n)).clip(1, 2_000_000)
    participants = participants.astype(np.int32)
    edge = rng.random(n, dtype=np.float32) < 0.005
    participants[edge] = rng.choice(_boundaries(t), int(edge.sum()))
    some_dead = rng.random(n, dtype=np.float32) < 0.02
    deaths = np.where(some_dead, rng.geometric(0.3, n), 0).astype(np.int32)
    injured = rng.negative_binomial(0.5, 0.2, n).astype(np.int32)
    return {"participants": participants, "deaths": deaths, "injured": injured}


def _hours(rng: np.random.Generator, n: int, share: float, mean: float) -> np.ndarray:
    stopped = rng.random(n, dtype=np.float32) < share
    quarter_hours = np.rint(rng.exponential(mean * 4, n))
    return np.where(stopped, quarter_hours / 4, 0.0)


def _flags(
    rng: np.random.Generator, n: int, names: tuple[str, ...], low: float, high: float
) -> Arrays:
    return {name: rng.random(n, dtype=np.float32) < rng.uniform(low, high) for name in names}


def _judged(rng: np.random.Generator, figure: np.ndarray, start: float, slope: float) -> np.ndarray:
    """A qualifier asserted with a chance rising by `slope` per decade of `figure` above
    10**start (none below it), at most 0.95."""
    chance = ((np.log10(figure + 1.0, dtype=np.float32) - start) * slope).clip(0.0, 0.95)
    return rng.random(len(figure), dtype=np.float32) < chance


def _qualifiers(rng: np.random.Generator, a: Arrays) -> Arrays:
    people = a["participants"].astype(np.float32)
    harm = (3 * a["deaths"] + a["injured"]).astype(np.float32)
    return {
        # 1,000 people: 25 %, 5,000: 42 %
        "seriously_affects_stability": _judged(rng, people, 2.0, 0.25),
        # 10 deaths or 30 injured: 59 %, 3 deaths: 30 %, 1 injured: none
        "seriously_harms_stability": _judged(rng, harm, 0.5, 0.6),
        # 1,000 people: 45 %, 5,000: 66 %
        "major_impact_protest": _judged(rng, people, 1.5, 0.3),
        # 200 people: 39 %, 1,000: 60 %
        "affects_stability": _judged(rng, people, 1.0, 0.3),
    }


def _blockades(rng: np.random.Generator, a: Arrays) -> Arrays:
    """The way blocked where traffic stopped (mostly one kind, 30 % a way 4.1(4) does not
    name), and a stopped project asserted national one time in three; rarely either with
    no hours given."""
    n = len(a["participants"])
    traffic = a["traffic_stopped_hours"] > 0
    kind = rng.choice(len(WAY_FLAGS) + 1, n, p=[0.3, 0.15, 0.3, 0.15, 0.1]).astype(np.int8)
    second = rng.random(n, dtype=np.float32) < 0.05
    other = rng.integers(1, len(WAY_FLAGS) + 1, n, dtype=np.int8)
    stray = rng.random(n, dtype=np.float32) < 0.001
    ways = {
        name: (traffic & ((kind == k) | (second & (other == k)))) | (stray & (kind == k))
        for k, name in enumerate(WAY_FLAGS, start=1)
    }
    project = a["key_project_stopped_hours"] > 0
    national = rng.random(n, dtype=np.float32) < np.where(project, 1 / 3, 0.0005)
    return ways | {"national_key_project": national}


def _apply_crafted(arrays: Arrays, t: dict[str, Any]) -> None:
    n = len(arrays["participants"])
    for i, overrides in enumerate(_crafted_rows(t)[:n]):
        for name, column in arrays.items():
            column[i] = overrides.get(name, 1 if name == "participants" else 0)


def generate(n: int, seed: int = 20260101, t: dict[str, Any] = THRESHOLDS) -> Arrays:
    """Column arrays: int32 counts, float64 hours (quarter hours), bool flags."""
    rng = np.random.default_rng(seed)
    arrays = _counts(rng, n, t)
    arrays["traffic_stopped_hours"] = _hours(rng, n, 0.03, 3.0)
    arrays["key_project_stopped_hours"] = _hours(rng, n, 0.01, 8.0)
    arrays |= _flags(rng, n, NAMED_FLAGS, 0.02, 0.05)
    arrays |= _flags(rng, n, ASSERTED_FLAGS, 0.002, 0.01)
    # drawn last, so that the columns above are those of earlier versions for the same seed
    arrays |= _qualifiers(rng, arrays)
    arrays |= _blockades(rng, arrays)
    _apply_crafted(arrays, t)
    return {name: arrays[name] for name in COLUMNS}


def to_frame(arrays: Arrays) -> pl.DataFrame:
    return pl.DataFrame(arrays)
