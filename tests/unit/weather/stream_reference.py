"""A straightforward reference for the streaming engine: windows summed minute by minute
from a dense (minute x station) table, areas reduced station by station, levels through
the signal table one area at a time. Slow and obvious, on purpose."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from govops.packs import load_builtin_pack
from govops.weather.layout import WINDOWS, StationLayout
from govops.weather.levels import NO_LEVEL, SignalRules

PACK = load_builtin_pack("cn-xicheng-em-14fyp")
RULES = SignalRules.from_table(PACK.table("rainstorm_signal"), PACK.rules_as_of(date(2026, 7, 20)))
START = datetime(2026, 7, 20, 8, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
PACK_LAYOUT = StationLayout.from_areas(PACK.areas, extra=["OUTSIDE"])  # type: ignore[arg-type]


def minute(k: int) -> datetime:
    return START + timedelta(minutes=k)


def odd_layout() -> StationLayout:
    """Areas the pack's layout never has: stations of an area not side by side, a station
    in two areas, an area with no station."""
    stations = tuple(f"S{i}" for i in range(12))
    members = {
        "all": np.arange(12),
        "left": np.arange(0, 6),
        "right": np.arange(6, 12),
        "scattered": np.array([1, 4, 9]),
        "empty": np.array([], dtype=np.intp),
        "one": np.array([7]),
    }
    return StationLayout(
        stations, tuple(members), {k: v.astype(np.intp) for k, v in members.items()}
    )


def random_rain(minutes: int, stations: int, seed: int, missing: float) -> npt.NDArray[np.int32]:
    """Showers in hundredths of a mm, dry spells and downpours (so that every level is
    reached and left), missing minutes (-1) and stations silent for long spells."""
    rng = np.random.default_rng(seed)
    spells = rng.choice([0, 0, 1, 4, 12, 24], size=minutes // 120 + 1)
    strength = np.repeat(spells, 120)[:minutes, None]
    wet = rng.random((minutes, stations)) < 0.4
    rain: npt.NDArray[np.int32] = (
        wet * rng.integers(0, 30, (minutes, stations)) * strength
    ).astype(np.int32)
    rain[rng.random((minutes, stations)) < missing] = -1
    silent = rng.integers(0, stations, 3)
    rain[minutes // 3 : minutes // 2, silent] = -1
    return rain


def reference(
    rain: npt.NDArray[np.int32], layout: StationLayout, method: str
) -> list[dict[str, npt.NDArray[np.int64]]]:
    """Per minute: reporting, maximum, total (windows x areas), level, clause, held (an
    area without a reporting station keeps the level and clause of its last minute with
    data, none before any; held where that is a level)."""
    minutes, stations = rain.shape
    running = np.zeros((minutes + 1, stations), dtype=np.int64)
    running[1:] = np.cumsum(np.maximum(rain, 0), axis=0)  # rain up to the end of each minute
    ends = np.arange(1, minutes + 1)
    # window w at minute t: the minutes t-w+1 .. t (those before the first count as 0 mm)
    sums = np.stack([running[ends] - running[np.maximum(0, ends - w)] for w in WINDOWS.values()])
    present = rain >= 0  # minutes x stations
    reporting, maximum, total = [], [], []
    for code in layout.areas:
        counted = present & np.isin(np.arange(stations), layout.members[code])
        reporting.append(counted.sum(axis=1))
        maximum.append(np.where(counted, sums, -1).max(axis=2, initial=-1))
        total.append(np.where(counted, sums, 0).sum(axis=2))
    count = np.stack(reporting, axis=1)  # minutes x areas
    highest = np.stack(maximum, axis=2)  # windows x minutes x areas
    summed = np.stack(total, axis=2)
    if method == "max":
        figures = highest
    else:  # the pack's bounds are inclusive (以上) whole hundredths: met iff by the floor
        figures = np.where(count > 0, summed // np.maximum(count, 1), NO_LEVEL)
    level, clause = RULES.classify(dict(zip(WINDOWS, figures, strict=True)))
    for t in range(1, minutes):  # an area without a reporting station keeps its last level
        silent = count[t] == 0
        level[t, silent], clause[t, silent] = level[t - 1, silent], clause[t - 1, silent]
    held = (count == 0) & (level != NO_LEVEL)
    return [
        {
            "reporting": count[t],
            "maximum": highest[:, t],
            "total": summed[:, t],
            "level": level[t],
            "clause": clause[t],
            "held": held[t],
        }
        for t in range(minutes)
    ]
