"""A straightforward reference for the streaming engine: windows summed minute by minute
from a dense (minute x station) table, areas reduced station by station, levels through
the signal table one area at a time. Slow and obvious, on purpose."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from govops.packs import load_builtin_pack
from govops.warnings.model.weather.layout import WINDOWS, StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules
from govops.warnings.model.weather.stream_gaps import RECENT_MINUTES

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
    reached and left), missing minutes (-1), stations silent for long spells, and the first
    four stations (a street of the pack) in a downpour of their own in the first dry spell,
    then silent for 90 minutes (their street's level, held, above its district's own)."""
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
    dry_spells = np.flatnonzero(spells[1 : (minutes - 190) // 120] == 0)
    dry = 120 * int(dry_spells[0] + 1 if dry_spells.size else 1)
    rain[dry : dry + 100, :4] = 150
    rain[dry + 100 : dry + 190, :4] = -1
    return rain


def counting(rain: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """minutes x stations: the station reported in this minute or one of the 9 before."""
    present = rain >= 0
    recent = np.zeros_like(present)
    for back in range(RECENT_MINUTES):
        recent[back:] |= present[: len(present) - back]
    return recent


def rank(code: int) -> int:
    """0 for no level, then higher for higher levels (codes index outcomes, highest first)."""
    return 0 if code == NO_LEVEL else len(RULES.outcomes) - code


def compose(
    layout: StationLayout, level: npt.NDArray[np.int8], clause: npt.NDArray[np.int8],
    silent: npt.NDArray[np.bool_],
) -> list[int]:  # fmt: skip
    """One minute, in place: each parent with a station counting takes the highest level
    held by a sub-area (held itself, or through one of its own) when above its own; the
    first such sub-area in the pack's order. Returns `via` (the held area, or -1)."""
    position = {code: i for i, code in enumerate(layout.areas)}
    via = [-1] * len(layout.areas)
    settled: set[str] = set()

    def settle(code: str) -> None:
        if code in settled:
            return
        kids = layout.children.get(code, ())
        for kid in kids:
            settle(kid)
        a = position[code]
        settled.add(code)
        if silent[a]:
            return
        best = None
        for kid in kids:
            k = position[kid]
            held = (silent[k] and level[k] != NO_LEVEL) or via[k] >= 0
            if (
                held
                and rank(level[k]) > rank(level[a])
                and (best is None or rank(level[k]) > rank(level[best]))
            ):
                best = k
        if best is not None:
            level[a], clause[a] = level[best], clause[best]
            via[a] = via[best] if via[best] >= 0 else best

    for code in layout.areas:
        settle(code)
    return via


def reference(
    rain: npt.NDArray[np.int32], layout: StationLayout, method: str
) -> list[dict[str, npt.NDArray[np.int64]]]:
    """Per minute: reporting, maximum, total (windows x areas), level, clause, held, via (an
    area without a counting station keeps the level and clause of its last minute with
    one, none before any; held where that is a level; with max, a parent takes a held
    sub-area's higher level)."""
    minutes, stations = rain.shape
    running = np.zeros((minutes + 1, stations), dtype=np.int64)
    running[1:] = np.cumsum(np.maximum(rain, 0), axis=0)  # rain up to the end of each minute
    ends = np.arange(1, minutes + 1)
    # window w at minute t: the minutes t-w+1 .. t (those before the first count as 0 mm)
    sums = np.stack([running[ends] - running[np.maximum(0, ends - w)] for w in WINDOWS.values()])
    present = counting(rain)  # minutes x stations
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
    via = np.full(level.shape, -1)
    for t in range(minutes):  # an area without a counting station keeps its last level
        silent = count[t] == 0
        if t:
            level[t, silent], clause[t, silent] = level[t - 1, silent], clause[t - 1, silent]
        if method == "max":
            via[t] = compose(layout, level[t], clause[t], silent)
    held = (count == 0) & (level != NO_LEVEL)
    return [
        {
            "reporting": count[t],
            "maximum": highest[:, t],
            "total": summed[:, t],
            "level": level[t],
            "clause": clause[t],
            "held": held[t],
            "via": via[t],
        }
        for t in range(minutes)
    ]
