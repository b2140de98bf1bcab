"""The gap policy, the same in both engines (batch: govops.warnings.model.weather.compute;
streaming: govops.warnings.model.weather.stream), kept here so that they cannot drift apart.

1. A station counts at minute t if it has reported within the last RECENT_MINUTES minutes
   (t - 9 ... t): a station that misses a minute or a few is still alive, and its last
   readings still stand for its place. Its window sums stay the sums of its observed
   minutes (a missing minute adds 0 mm); an area's `reporting`, mean and maximum are over
   its counting stations. With hourly amounts (steps of 60 minutes) only the current step
   is within ten minutes.
2. An area without a counting station is held (HOLD_POLICY): it keeps the level and clause
   of its last minute with a counting station (none before any), marked held, and gets no
   AreaStep, so its warning neither rises, falls nor ends in the gap.
3. With the `max` method an area with sub-areas (a district over its streets) takes the
   highest of its own level and the levels its sub-areas hold (held, or taken in turn from
   a held sub-area): a silent street at red keeps its district at red though the district's
   other streets report dry. The clause is then the sub-area's, the area has no deciding
   station (a held area has none) and its AreaStep names the sub-area (`held_via`). A
   sub-area that reports never exceeds its parent's own level (its counting stations are
   among the parent's), so only held levels come up. With `mean` a parent's level stays
   its own areal mean's: an areal mean is not made of its sub-areas' levels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL

# Ten minutes: twice the five-minute cycle on which automatic stations commonly send their
# minute readings (our choice: no CMA figure for the transmission interval was found), so a
# reading or two lost in transmission never drops a station, while a station silent for
# longer is treated as down.
RECENT_MINUTES = 10
HOLD_POLICY = (
    "a station counts for ten minutes after its last reading; an area without a counting "
    "station keeps its level, marked held, until one of its stations reports again; with "
    "the max method an area takes the held level of a sub-area when it is higher"
)

IntArray = npt.NDArray[np.int64]


def recent_steps(step: int) -> int:
    """Steps of `step` minutes within RECENT_MINUTES of a step's end, the step included."""
    return (RECENT_MINUTES - 1) // step + 1


@dataclass(frozen=True)
class Layer:
    """Areas whose sub-areas are all settled before them: area parents[p] has sub-areas
    kids[starts[p]:starts[p + 1]] (positions in the layout's order)."""

    parents: IntArray
    kids: IntArray
    starts: IntArray


@dataclass(frozen=True)
class SubAreas:
    """The sub-area relation in layers, lowest parents first."""

    layers: tuple[Layer, ...]
    ranks: npt.NDArray[np.int8]  # level code + 1 -> its rank (0: no level), for `outcomes`

    @classmethod
    def plan(cls, layout: StationLayout, outcomes: int) -> SubAreas:
        position = {code: i for i, code in enumerate(layout.areas)}
        kids = {
            position[code]: [position[c] for c in children if c in position]
            for code, children in layout.children.items()
            if code in position
        }
        height: dict[int, int] = {}

        def height_of(area: int, path: tuple[int, ...] = ()) -> int:
            if area in path:
                raise ValueError(f"area {layout.areas[area]!r} is its own sub-area")
            if area not in height:
                below = [height_of(k, (*path, area)) for k in kids.get(area, ())]
                height[area] = 1 + max(below, default=-1)
            return height[area]

        layers = []
        parents = sorted((a for a in kids if kids[a]), key=lambda a: (height_of(a), a))
        for level in sorted({height[a] for a in parents}):
            those = [a for a in parents if height[a] == level]
            sizes = [len(kids[a]) for a in those]
            layers.append(
                Layer(
                    np.array(those, dtype=np.int64),
                    np.array([k for a in those for k in kids[a]], dtype=np.int64),
                    np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64),
                )
            )
        ranks = np.array([0, *range(outcomes, 0, -1)], dtype=np.int8)  # codes: highest first
        return cls(tuple(layers), ranks)

    def compose(self, layer: Layer, levels: Levels) -> None:
        """Apply rule 3 to one layer's areas, in place. Arrays: areas first, then any
        further axes (the batch's steps)."""
        level, clause, held, via = levels.level, levels.clause, levels.held, levels.via
        kids = layer.kids
        shape = (-1,) + (1,) * (level.ndim - 1)
        held_kid = held[kids] | (via[kids] >= 0)
        rank = np.where(held_kid, self.ranks[level[kids] + 1], 0).astype(np.int64)
        n = len(kids)
        key = rank * n + (n - 1 - np.arange(n, dtype=np.int64)).reshape(shape)  # first wins
        best = np.maximum.reduceat(key, layer.starts, axis=0)
        top, pick = best // n, kids[n - 1 - best % n]
        parents = layer.parents
        take = (top > self.ranks[level[parents] + 1]) & ~held[parents]
        if not take.any():
            return
        _put(level, parents, take, np.take_along_axis(level, pick, axis=0))
        _put(clause, parents, take, np.take_along_axis(clause, pick, axis=0))
        source = np.take_along_axis(via, pick, axis=0)
        _put(via, parents, take, np.where(source >= 0, source, pick))
        if levels.station is not None:
            _put(levels.station, parents, take, np.take_along_axis(levels.station, pick, axis=0))


@dataclass(frozen=True)
class Levels:
    """An engine's per-area arrays, areas first: level and clause codes (NO_LEVEL for
    none), held (no counting station), via (the held sub-area whose level the area takes,
    -1 for none) and, in the batch, the deciding station (-1 for none)."""

    level: npt.NDArray[np.int8]
    clause: npt.NDArray[np.int8]
    held: npt.NDArray[np.bool_]
    via: IntArray
    station: IntArray | None = None


def _put(
    target: npt.NDArray[Any], rows: IntArray, where: npt.NDArray[np.bool_], values: Any
) -> None:
    target[rows] = np.where(where, values, target[rows])


def no_via(shape: tuple[int, ...]) -> IntArray:
    return np.full(shape, NO_LEVEL, dtype=np.int64)
