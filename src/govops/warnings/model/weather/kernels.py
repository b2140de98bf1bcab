"""The batch engine's compiled kernels (numba): from the frame's rows to per-area statistics
in one pass over the rows, without a dense station x step array.

Work is cut into groups of stations (a block of one elementary segment of the station axis, or a
piece of a scattered area); the groups run in parallel, each on its own accumulators, so no two
threads write the same memory. Per station of a group: its rows are placed into a row of cumulative
rain (a few thousand int64, in the core's L1 cache), checked as they go (order, step, amount), and
the steps where it does not count are marked (no row within the last RECENT_MINUTES:
govops.warnings.model.weather.stream_gaps); then, per window and step, the window sum of a counting
station is folded into the group's maximum as one int64 key, sum << 16 | (65535 - its place in the
group), so that one `max` keeps both the highest sum and, among equal sums, the first station. The
group's sums over its counting stations need no pass per window: the group's cumulative rain (the
sum of its stations' rows) gives every window's sum, from which the windows of the stations not
counting at a step (few) are taken out one by one. Areas then combine their groups in the order of
the axis (`combine`).

numba compiles the kernels on first use and caches the machine code beside this module
(`cache=True`, in __pycache__): the first run on a machine spends about 10 s compiling;
later processes load the code in a fraction of a second (`cached` tells which)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit, prange

ORDER, OFF_STEP, AMOUNT = 1, 2, 3  # error codes: rows out of order, off the steps, amount
TAG = 65535  # places in a group: the low 16 bits of a key
BEFORE_ALL = -(2**62)  # a stamp before every stamp

I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Rows = tuple[I64, I64, I64, I32]  # per station first and stop row; the stamps; the rain
Kernel = TypeVar("Kernel", bound=Callable[..., Any])


def compiled(parallel: bool = False) -> Callable[[Kernel], Kernel]:
    return cast(Callable[[Kernel], Kernel], njit(cache=True, parallel=parallel))


@compiled()
def _place(s: int, rows: Rows, where: I64, row: I64, silent: I64, gaps: I64) -> tuple[int, ...]:
    """Station s's rows into `row` (cumulative rain at row[reach + step]) and `silent` (-1 at
    a step where it does not count: no row within the last `recent` steps); those steps
    listed in `gaps`. `where`: origin, step (ms), steps, reach, largest amount, recent.
    Returns (error, bad row, silent steps listed)."""
    first, stop, stamps, rain = rows
    origin, step_ms, steps, reach, largest = where[0], where[1], where[2], where[3], where[4]
    recent = where[5]
    previous, k, listed, running = np.int64(BEFORE_ALL), -1, 0, np.int64(0)
    for r in range(first[s], stop[s]):
        stamp = stamps[r]
        if stamp == previous + step_ms and k + 1 < steps:
            k += 1  # the next step: no division (most rows)
        else:
            if stamp <= previous or stamp - origin >= steps * step_ms:
                return ORDER, r, 0
            if (stamp - origin) % step_ms != 0:
                return OFF_STEP, r, 0
            after = (stamp - origin) // step_ms
            listed = _gap(k, after, recent, running, row[reach:], (silent, gaps), listed)
            k = after
        if rain[r] < 0 or rain[r] > largest:
            return AMOUNT, r, 0
        running += rain[r]
        row[reach + k] = running
        previous = stamp
    listed = _gap(k, steps, recent, running, row[reach:], (silent, gaps), listed)
    return 0, -1, listed


@compiled()
def _gap(
    k: int,
    after: int,
    recent: int,
    running: np.int64,
    row: I64,
    marks: tuple[I64, I64],
    listed: int,
) -> int:
    """Steps k + 1 .. after - 1 without a row after a row at step k (k = -1: none yet): the
    rain stays (`row` from step 0); silent from `recent` steps after the last row, marked in
    `marks` (silent, gaps listed). Returns the steps listed so far."""
    silent, gaps = marks
    for m in range(k + 1, after):
        row[m] = running
        if k < 0 or m - k >= recent:
            silent[m], gaps[listed] = -1, m
            listed += 1
    return listed


@compiled()
def _fold(place: int, row: I64, silent: I64, reach: int, spans: I64, best: I64) -> None:
    """Fold one station's window sums into its group's keys (best: windows x steps)."""
    tag = np.int64(TAG - place)
    steps = best.shape[1]
    now = row[reach : reach + steps]
    for i in range(len(spans)):
        then = row[reach - spans[i] : reach - spans[i] + steps]
        keys = best[i]
        for m in range(steps):
            keys[m] = max(keys[m], (((now[m] - then[m]) << 16) | tag) | silent[m])


@compiled()
def _group(
    members: I64, rows: Rows, where: I64, spans: I64, absent: I64, total: I64, best: I64
) -> tuple[int, ...]:
    """One group: stations silent per step, window sums over the reporting stations, keys.
    Returns (error, bad row) for the first bad row, (0, -1) when all are good."""
    steps, reach = where[2], where[3]
    row = np.zeros(reach + steps, np.int64)  # row[:reach] stays 0: before the data
    summed = np.zeros(reach + steps, np.int64)  # the group's cumulative rain
    silent = np.empty(steps, np.int64)
    gaps = np.empty(steps, np.int64)
    absent[:], total[:], best[:] = 0, 0, -1
    for place in range(len(members)):
        silent[:] = 0
        error, bad, listed = _place(members[place], rows, where, row, silent, gaps)
        if error:
            return error, bad
        _fold(place, row, silent, reach, spans, best)
        summed[reach:] += row[reach:]
        for m in gaps[:listed]:
            absent[m] += 1
            for i in range(len(spans)):
                total[i, m] += row[reach + m] - row[reach + m - spans[i]]
    for i in range(len(spans)):
        for m in range(steps):
            total[i, m] = summed[reach + m] - summed[reach - spans[i] + m] - total[i, m]
    return 0, -1


@compiled(parallel=True)
def group_statistics(
    stations: I64, bounds: I64, rows: Rows, where: I64, spans: I64
) -> tuple[I64, I64, I64, I64]:
    """Per group (stations[bounds[g]:bounds[g + 1]]): stations silent per step, window
    sums over the reporting stations, keys; and the group's first bad row (error, row)."""
    groups, steps = len(bounds) - 1, where[2]
    absent = np.empty((groups, steps), np.int64)
    total = np.empty((groups, len(spans), steps), np.int64)
    best = np.empty((groups, len(spans), steps), np.int64)
    errors = np.zeros((groups, 2), np.int64)
    for g in prange(groups):
        members = stations[bounds[g] : bounds[g + 1]]
        error, bad = _group(members, rows, where, spans, absent[g], total[g], best[g])
        errors[g, 0], errors[g, 1] = error, bad
    return absent, total, best, errors


@compiled(parallel=True)
def combine(
    areas: I64, stations: I64, bounds: I64, absent: I64, total: I64, best: I64
) -> tuple[I64, I64, I32, I64]:
    """Per area (groups areas[a, 0] to areas[a, 1], in the axis's order): stations
    reporting, window sums, maxima (-1 where none reports), first station at the maximum."""
    windows, steps = total.shape[1], total.shape[2]
    reporting = np.empty((len(areas), steps), np.int64)
    summed = np.empty((windows, len(areas), steps), np.int64)
    maximum = np.empty((windows, len(areas), steps), np.int32)
    holder = np.empty((windows, len(areas), steps), np.int64)
    for a in prange(len(areas)):
        reporting[a], summed[:, a], maximum[:, a], holder[:, a] = 0, 0, -1, -1
        for g in range(areas[a, 0], areas[a, 1]):
            reporting[a] += bounds[g + 1] - bounds[g] - absent[g]
            for i in range(windows):
                summed[i, a] += total[g, i]
                for m in range(steps):
                    value = best[g, i, m] >> 16
                    if value > maximum[i, a, m]:  # strictly: a tie keeps the earlier group
                        maximum[i, a, m] = value
                        holder[i, a, m] = stations[bounds[g] + TAG - (best[g, i, m] & TAG)]
    return reporting, summed, maximum, holder


@compiled()
def windows_at(rows: Rows, stamp: int, spans_ms: I64, recent_ms: int) -> I32:
    """windows x stations: each station's window sums ending at `stamp` (ms), -1 for a
    station that does not count there (no row in the `recent_ms` ending at `stamp`)."""
    first, stop, stamps, rain = rows
    out = np.full((len(spans_ms), len(first)), -1, np.int32)
    for s in range(len(first)):
        own = stamps[first[s] : stop[s]]
        end = np.searchsorted(own, stamp, side="right")
        if end == 0 or own[end - 1] <= stamp - recent_ms:
            continue
        for i in range(len(spans_ms)):
            begin = np.searchsorted(own, stamp - spans_ms[i], side="right")
            out[i, s] = rain[first[s] + begin : first[s] + end].sum()
    return out


BATCH = (group_statistics, combine)  # what every batch run calls (windows_at: on demand)


def cached() -> bool | None:
    """Whether numba's cache holds code for the batch kernels as this source stands (False:
    the next run compiles); None when the cache cannot be inspected (numba's internals)."""
    try:
        return all(bool(getattr(k, "_cache")._cache_file._load_index()) for k in BATCH)  # noqa: B009
    except (AttributeError, OSError, ValueError, EOFError):
        return None
