"""Minute by minute: each new minute of observations updates every station's rolling
accumulations, the per-area statistics and the levels, in about a millisecond for the
national network, with the same figures as the batch engine.

Each station keeps a ring of its cumulative rain over the last 1,441 minutes (now and the
1,440 before), so a window of w minutes is the cumulative sum now minus the one w minutes
ago: a window by time, which a missing minute (counted as 0 mm) never stretches. The
cumulative sums are int32 hundredths of a millimetre and are allowed to wrap: a difference
of two of them is exact modulo 2**32, and no window of 24 hours holds 21,474 km of rain.
Each elementary segment of the station axis (see stream_plan) keeps the same ring in int64,
so per-area sums are a subtraction too; only the stations absent this minute are taken out,
one by one, and the maxima need one `reduceat`. A third ring records which stations
reported at each minute (`observed`: how complete a station's window is).

An area's statistics are over its *counting* stations (`AreaStep.reporting`), those with an
observation within the last RECENT_MINUTES (`last_seen` keeps each station's last minute);
a station silent for longer counts in no mean or maximum. Before the first minute taken,
and across a gap in the data, minutes count as missing (0 mm, not reported).

Gaps (HOLD_POLICY, govops.warnings.model.weather.stream_gaps, the same in the batch engine): a gap
in the data neither raises, lowers nor cancels a warning. In a minute where no station of an area
counts, the area keeps the level and clause of its last minute with one (none before any data); when
that is a level, the area is marked `held` and gets no AreaStep, so the warning's lifecycle sees no
change. Its statistics are absent (reporting 0). With the `max` method an area with sub-areas then
takes a held sub-area's level when it is above its own. The level is decided afresh as soon as a
station of the area reports again."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.layout import WINDOWS, StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules
from govops.warnings.model.weather.stream_gaps import HOLD_POLICY, RECENT_MINUTES, Levels, SubAreas
from govops.warnings.model.weather.stream_plan import AreaReducer
from govops.warnings.model.weather.stream_steps import MinuteStats, StepBuilder

BEIJING = ZoneInfo("Asia/Shanghai")
WINDOW_NAMES = tuple(WINDOWS)
WINDOW_MINUTES = np.array(list(WINDOWS.values()), dtype=np.int64)
RING = int(WINDOW_MINUTES.max()) + 1  # cumulative sums now and over the 1,440 minutes before
METHODS = ("max", "mean")
__all__ = ["HOLD_POLICY", "RECENT_MINUTES", "StreamOrderError", "StreamState"]
NEVER = -(2**62)  # the last minute seen of a station that never reported
MEAN_SCALE = 1_000_000  # areal means are compared in millionths of a hundredth

Int32Array = npt.NDArray[np.int32]
Int8Array = npt.NDArray[np.int8]


class StreamOrderError(ValueError):
    """A minute that is not after the last one taken (repeated, or in the past)."""


def minute_index(minute: datetime) -> int:
    """Minutes since the epoch of an aware datetime on a whole minute."""
    if minute.tzinfo is None or minute.utcoffset() is None:
        raise ValueError(f"minute {minute} has no time zone")
    if minute.second or minute.microsecond:
        raise ValueError(f"{minute.isoformat()} is not on a whole minute")
    return int(minute.timestamp()) // 60


def minute_at(index: int) -> datetime:
    return datetime.fromtimestamp(index * 60, BEIJING)


class StreamState:
    """The rings and levels of every station and area; `advance` takes one minute."""

    def __init__(self, layout: StationLayout, rules: SignalRules, method: str = "max") -> None:
        if method not in METHODS:
            raise ValueError(f"area level method must be one of {', '.join(METHODS)}")
        unknown = sorted({c.input for c in rules.clauses} - set(WINDOWS))
        if unknown:
            raise ValueError(f"the signal table tests {unknown[0]!r}, not a rolling window")
        self.layout, self.rules, self.method = layout, rules, method
        self.reducer = AreaReducer.plan(layout)
        n, segments = len(layout.stations), self.reducer.segments
        # Filled, not merely zeroed, so that the memory is touched now: the first minutes
        # would otherwise pay the page faults.
        self.ring = np.full((RING, n), 0, dtype=np.int32)  # cumulative rain per station
        self.segment_ring = np.full((RING, segments), 0, dtype=np.int64)  # ... per segment
        self.reported = np.full((RING, n), False)  # which stations reported when
        self.last_seen = np.full(n, NEVER, dtype=np.int64)  # each station's last minute
        self.level = np.full(len(layout.areas), NO_LEVEL, dtype=np.int8)
        self.clause = np.full(len(layout.areas), NO_LEVEL, dtype=np.int8)
        self.last: int | None = None  # minute index of the last minute taken
        self.sizes = self.reducer.area_sums(
            self.reducer.segment_sizes[None, :], np.zeros((1, n), dtype=np.int32), count=True
        )[0]
        self.tree = SubAreas.plan(layout, len(rules.outcomes))
        self.builder = StepBuilder(
            layout.stations, layout.areas, self.reducer, rules, method, WINDOW_NAMES, self.sizes
        )
        # Buffers reused every minute: the hot path allocates little.
        self.windows = np.empty((len(WINDOW_NAMES), n), dtype=np.int32)
        self._clipped = np.empty(n, dtype=np.int32)
        self._absent = np.empty(n, dtype=np.bool_)
        self._segment_max = np.empty((len(WINDOW_NAMES), segments), dtype=np.int32)
        self._missing = np.full(n, -1, dtype=np.int32)

    @property
    def last_minute(self) -> datetime | None:
        return None if self.last is None else minute_at(self.last)

    def advance(
        self, minute: datetime, values: npt.ArrayLike, every_area: bool = False
    ) -> MinuteStats:
        """Take the minute after the last one taken (any minute, the first time). `values`:
        one integer per station on the layout's axis, hundredths of a mm, negative for
        missing. A gap must be taken as missing minutes first (`advance_to` does). The
        stats carry the steps of the areas whose level changed (of every area with
        `every_area`)."""
        index = minute_index(minute)
        if self.last is not None and index != self.last + 1:
            raise self._order_error(index)
        return self._take(index, self._checked(values), every_area)

    def advance_to(
        self, minute: datetime, values: npt.ArrayLike, every_area: bool = False
    ) -> list[MinuteStats]:
        """Take the minutes of a gap as missing, then `minute`: the stats of each minute
        taken. Past 1,441 missing minutes nothing changes any more, so a longer gap is
        skipped after them (every window is empty, no station reports)."""
        index = minute_index(minute)
        checked = self._checked(values)
        if self.last is not None and index <= self.last:
            raise self._order_error(index)
        taken = []
        if self.last is not None:
            for gap in range(self.last + 1, min(index, self.last + 1 + RING)):
                taken.append(self._take(gap, self._missing, every_area, keep=True))
            self.last = max(self.last, index - 1)
        taken.append(self._take(index, checked, every_area))
        return taken

    def observed(self, window: str) -> npt.NDArray[np.int64]:
        """Per station, the minutes of the window ending at the last minute taken in which
        it reported (a window of 180 minutes with 171 observed is 5 % incomplete)."""
        if window not in WINDOWS:
            raise ValueError(f"no window {window!r}; one of {', '.join(WINDOW_NAMES)}")
        if self.last is None:
            return np.zeros(len(self.layout.stations), dtype=np.int64)
        slots = (self.last - np.arange(WINDOWS[window])) % RING
        counts: npt.NDArray[np.int64] = self.reported[slots].sum(axis=0, dtype=np.int64)
        return counts

    def _order_error(self, index: int) -> StreamOrderError:
        assert self.last is not None
        when, last = minute_at(index).isoformat(), minute_at(self.last).isoformat()
        if index <= self.last:
            return StreamOrderError(f"minute {when} is not after the last minute taken, {last}")
        expected = minute_at(self.last + 1).isoformat()
        return StreamOrderError(f"minute {when} is not the next minute, {expected}")

    def _checked(self, values: npt.ArrayLike) -> Int32Array:
        array = np.asarray(values)
        if array.shape != (len(self.layout.stations),):
            raise ValueError(
                f"expected one value per station ({len(self.layout.stations)}), "
                f"got shape {array.shape}"
            )
        if array.dtype.kind not in "iu":
            raise ValueError(f"values must be whole hundredths of a mm, got {array.dtype}")
        return array.astype(np.int32, copy=False)

    def _take(
        self, index: int, values: Int32Array, every_area: bool = False, keep: bool = False
    ) -> MinuteStats:
        """One minute; `keep`: the stats carry a copy of the windows (a gap minute of
        `advance_to`, whose windows the next minute overwrites) where a station counts."""
        slot, before = index % RING, (index - 1) % RING
        past = (index - WINDOW_MINUTES) % RING
        clipped = np.maximum(values, 0, out=self._clipped)  # missing counts as 0 mm
        now = np.add(self.ring[before], clipped, out=self.ring[slot])  # may wrap: see above
        np.greater_equal(values, 0, out=self.reported[slot])
        segment_now = self.segment_ring[slot]
        np.add(self.segment_ring[before], self.reducer.segment_sum(clipped), out=segment_now)
        np.copyto(self.last_seen, index, where=self.reported[slot])
        for row, minutes_ago in enumerate(past):
            np.subtract(now, self.ring[minutes_ago], out=self.windows[row])
        totals = segment_now[None, :] - self.segment_ring[past]
        counts = self.reducer.segment_sizes.copy()
        self._drop_absent(index, totals, counts)
        self.reducer.segment_max(self.windows, out=self._segment_max)
        maximum = self.reducer.area_max(self._segment_max, self.windows)
        total = self.reducer.area_sums(totals, self.windows)
        reporting = self.reducer.area_sums(counts[None, :], self.windows[:1], count=True)[0]
        levels = self._hold(*self._classify(maximum, total, reporting), reporting)
        held = levels.held & (levels.level != NO_LEVEL)  # no counting station, a level kept
        changed = levels.level != self.level
        self.level, self.clause = levels.level, levels.clause
        self.last = index
        windows = self.windows.copy() if keep and bool(reporting.any()) else self.windows
        stats = MinuteStats(
            minute_at(index),
            reporting,
            maximum,
            total,
            levels.level,
            levels.clause,
            changed,
            held=held,
            via=levels.via,
            windows=windows,
        )
        positions = np.flatnonzero(~held if every_area else changed)
        steps = self.builder.build(positions, stats.at, stats, self.windows)
        return replace(stats, steps=steps) if steps else stats

    def _drop_absent(
        self, index: int, totals: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]
    ) -> None:
        """Take the stations not counting this minute (no observation within the last
        RECENT_MINUTES) out of the segment sums and counts, and mark their windows -1 so
        no maximum sees them."""
        silent = np.less(self.last_seen, index - (RECENT_MINUTES - 1), out=self._absent)
        absent = np.flatnonzero(silent)
        if not absent.size:
            return
        segments = self.reducer.segment_of[absent]
        held = np.take(self.windows, absent, axis=1)
        # One bincount for all windows: row k's segments are numbered k*segments + s. The
        # float64 sums are exact (far below 2**53 hundredths).
        width = self.reducer.segments
        keyed = (segments + np.arange(len(WINDOW_NAMES))[:, None] * width).ravel()
        dropped = np.bincount(keyed, weights=held.ravel(), minlength=totals.size)
        totals -= dropped.astype(np.int64).reshape(totals.shape)
        counts -= np.bincount(segments, minlength=width)
        for row in self.windows:
            row[absent] = -1

    def _hold(
        self, level: Int8Array, clause: Int8Array, reporting: npt.NDArray[np.int64]
    ) -> Levels:
        """HOLD_POLICY: an area without a counting station keeps its level and clause;
        then, with the max method, parents take their held sub-areas' higher levels.
        `held` of the result marks the areas without a counting station."""
        silent = reporting == 0
        levels = Levels(
            np.where(silent, self.level, level),
            np.where(silent, self.clause, clause),
            silent,
            np.full(len(level), -1, dtype=np.int64),
        )
        if self.method == "max" and bool(silent.any()):  # else no sub-area holds a level
            for layer in self.tree.layers:
                self.tree.compose(layer, levels)
        return levels

    def recount(self) -> None:
        """Each station's last minute seen, from the ring of reports (after a restore)."""
        self.last_seen.fill(NEVER)
        if self.last is None:
            return
        for minutes_ago in range(RECENT_MINUTES - 1, -1, -1):  # oldest first; later win
            minute = self.last - minutes_ago
            np.copyto(self.last_seen, minute, where=self.reported[minute % RING])

    def _classify(
        self,
        maximum: Int32Array,
        total: npt.NDArray[np.int64],
        reporting: npt.NDArray[np.int64],
    ) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
        """The level of each area by the pack's method. The areal mean is compared in
        millionths of a hundredth, floored: a mean of n stations differs from a bound of
        whole hundredths by at least 1/n hundredth, so for areas under a million stations
        the comparison is exact on either side of the bound, inclusive or not."""
        if self.method == "max":
            return self.rules.classify(dict(zip(WINDOW_NAMES, maximum, strict=True)))
        fine = np.where(reporting > 0, total * MEAN_SCALE // np.maximum(reporting, 1), -1)
        return self.rules.classify(
            dict(zip(WINDOW_NAMES, fine, strict=True)), scale=100 * MEAN_SCALE
        )
