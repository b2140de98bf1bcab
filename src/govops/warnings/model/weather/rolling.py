"""Rolling accumulations by time, per group of stations, from cumulative sums.

Each station's rows are placed, step by step, into a row of its cumulative rain C; the rain
of a window of w steps ending at step t is then C[t] - C[t - w] (C[t] alone while t < w):
the sum of the station's observed amounts in (t - w, t], by time, so a missing minute (0 mm,
not reported) never makes a window reach further back.

The stations are cut into groups that never cross an elementary segment of the station axis (blocks
of up to BLOCK stations), plus, for each area whose stations are not contiguous on the axis, its own
groups (correct, only slower: its stations are placed twice). Per group and step the pass keeps the
stations not counting (no row within the last RECENT_MINUTES:
govops.warnings.model.weather.stream_gaps), the sum of every window over the counting stations and
the largest window of a counting station with the first station holding it. The pass itself is
govops.warnings.model.weather.kernels.group_statistics (compiled, in parallel)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.grid import MINUTE_MS, Grid, ObservationError
from govops.warnings.model.weather.layout import WINDOWS, Indices
from govops.warnings.model.weather.stream_gaps import recent_steps
from govops.warnings.model.weather.stream_plan import AreaReducer

BLOCK = 512  # stations in a group at most (below 65,536: a key's place field)
WINDOW_NAMES = tuple(WINDOWS)
# The largest amount in one step, in hundredths of a mm (about 15 m): a window of 1,440 steps
# of it still fits in int32. The ingestion refuses anything above 300 mm, far below.
MAX_AMOUNT = (2**31 - 1) // max(WINDOWS.values())

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Blocks:
    """The station axis cut into blocks within segments."""

    starts: Indices  # first station of each block
    stops: Indices  # one past its last station
    first_of_segment: Indices  # segment -> its first block

    @classmethod
    def cut(cls, segment_starts: Indices, stations: int, size: int = BLOCK) -> Blocks:
        ends = np.append(segment_starts[1:], stations)
        starts: list[int] = []
        firsts: list[int] = []
        for begin, end in zip(segment_starts.tolist(), ends.tolist(), strict=True):
            firsts.append(len(starts))
            starts += list(range(begin, end, size)) or [begin]
        start = np.array(starts, dtype=np.intp)
        stop = np.minimum(start + size, np.repeat(ends, np.diff(np.append(firsts, len(starts)))))
        return cls(start, stop.astype(np.intp), np.array(firsts, dtype=np.intp))

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class Groups:
    """The groups the pass works on: group g is stations[bounds[g]:bounds[g + 1]] (axis
    positions, ascending); area a is made of groups areas[a, 0] to areas[a, 1]."""

    stations: IntArray
    bounds: IntArray
    areas: IntArray  # areas x 2

    @classmethod
    def plan(cls, reducer: AreaReducer, size: int = BLOCK) -> Groups:
        blocks = Blocks.cut(reducer.segment_starts, reducer.stations, size)
        of_segment = np.append(blocks.first_of_segment, len(blocks))
        areas = np.stack([of_segment[reducer.first], of_segment[reducer.stop]], axis=1)
        stations = [np.arange(reducer.stations, dtype=np.int64)]
        bounds = [blocks.starts.astype(np.int64)]
        count, placed = len(blocks), reducer.stations
        for position, members in reducer.scattered:
            pieces = np.arange(0, len(members), size, dtype=np.int64)
            areas[position] = count, count + len(pieces)
            stations.append(members.astype(np.int64))
            bounds.append(placed + pieces)
            count, placed = count + len(pieces), placed + len(members)
        bounds.append(np.array([placed], dtype=np.int64))
        return cls(np.concatenate(stations), np.concatenate(bounds), areas.astype(np.int64))


@dataclass(frozen=True)
class Rolled:
    """Per group and step (windows in WINDOW_NAMES order)."""

    absent: IntArray  # groups x steps: stations of the group not counting at the step
    total: IntArray  # groups x windows x steps: window sums over the counting stations
    best: IntArray  # groups x windows x steps: largest window << 16 | place tag; -1 for none


def spans_of(step: int) -> tuple[int, ...]:
    """Window lengths in steps; a window must be a whole number of steps."""
    spans = []
    for name, minutes in WINDOWS.items():
        if minutes % step:
            raise ValueError(f"{name} ({minutes} min) is not a whole number of {step}-min steps")
        spans.append(minutes // step)
    return tuple(spans)


def roll(grid: Grid, groups: Groups) -> Rolled:
    """The pass over every group; a bad row (out of order, repeated, off the steps, an
    amount outside 0..MAX_AMOUNT) is refused with an ObservationError."""
    from govops.warnings.model.weather import kernels  # noqa: PLC0415 (numba takes 0.3 s to import)

    spans = np.array(spans_of(grid.step), dtype=np.int64)
    where = np.array(
        [
            grid.origin_ms,
            grid.step * MINUTE_MS,
            grid.steps,
            spans.max(),
            MAX_AMOUNT,
            recent_steps(grid.step),
        ],
        dtype=np.int64,
    )
    rows = (grid.first, grid.stop, grid.stamps, grid.rain)
    absent, total, best, errors = kernels.group_statistics(
        groups.stations, groups.bounds, rows, where, spans
    )
    failed = np.flatnonzero(errors[:, 0])
    if failed.size:
        code = int(errors[failed[np.argmin(errors[failed, 1])], 0])
        raise ObservationError(_message(code, grid.step))
    return Rolled(absent, total, best)


def _message(code: int, step: int) -> str:
    from govops.warnings.model.weather.kernels import AMOUNT, OFF_STEP  # noqa: PLC0415 (see roll)

    if code == OFF_STEP:
        return f"a stamp is not on a step of {step} minute(s)"
    if code == AMOUNT:
        return f"rain amounts must be from 0 to {MAX_AMOUNT} hundredths of a mm"
    return "rows out of order, or two rows for one station and minute"
