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
FLAG_COLUMNS = NAMED_FLAGS + ASSERTED_FLAGS
COLUMNS = COUNT_COLUMNS + HOUR_COLUMNS + FLAG_COLUMNS

Arrays = dict[str, np.ndarray]


def _crafted_rows(t: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per clause (in clause order), then alternative branches and a miss."""
    per_clause: list[dict[str, Any]] = [
        {"participants": t["participants_level_I"]},
        {"attack_on_organs": True},
        {"large_scale_violence": True},
        {"traffic_stopped_hours": float(t["traffic_stopped_hours_level_I"])},
        {"deaths": t["deaths_level_I"]},
        {"campus_unrest_spread": True},
        {"armed_fight": True, "participants": t["fight_participants_level_I"]},
        {"prison_riot": True, "participants": t["prison_riot_participants"]},
        {"nationwide_chain_reaction": True},
        {"treat_as_level_I": True},
        {"participants": t["participants_level_II"]},
        {"deaths": t["deaths_level_II"]},
        {"campus_network_agitation": True},
        {"armed_fight": True, "participants": t["fight_participants_level_II"]},
        {"religious_ethnic_unity": True},
        {"resource_environment_dispute": True},
        {"cross_province_chain_reaction": True},
        {"treat_as_level_II": True},
        {"participants": t["participants_level_III"]},
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
        {"key_project_stopped_hours": float(t["key_project_stopped_hours_level_I"])},
        {"injured": t["injured_level_I"]},
        {"armed_fight": True, "fight_major_casualties": True},
        {"petition_wide_reach": True},
        {"injured": t["injured_level_II"]},
        {"armed_fight": True, "fight_serious_casualties": True},
        {"participants": t["participants_level_I"] - 1},
        {"participants": t["participants_level_III"] - 1, "deaths": 1},
        {
            "important_site": True,
            "radical_behaviour": True,
            "participants": t["important_site_participants_max"] - 1,
        },
        {"prison_riot": True, "participants": t["prison_riot_participants"] - 1},
        {},
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
    _apply_crafted(arrays, t)
    return {name: arrays[name] for name in COLUMNS}


def to_frame(arrays: Arrays) -> pl.DataFrame:
    return pl.DataFrame(arrays)
