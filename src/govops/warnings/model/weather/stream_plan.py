"""Per-area reductions for the minute-by-minute engine, planned once from the station layout.

The station axis is cut at every boundary of an area that occupies a contiguous run of it
(the layout groups stations by street, so streets and the district do); each piece, an
elementary segment, is reduced with one `reduceat` over the whole axis. An area of one segment (a
street, a county) is that segment; larger areas are put together from their segments in
"tiers" of disjoint areas (a district and its streets fall in different tiers), one small
`reduceat` a tier. An area whose stations are not contiguous (a station placed in two
streets) is gathered station by station: correct, only slower."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.layout import Indices, StationLayout

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Tier:
    """Areas covering disjoint runs of segments: a `reduceat` at `starts` gives, at
    `picks`, each area's reduction."""

    areas: Indices  # positions of the areas in the layout's order
    starts: Indices  # into the segment axis
    picks: Indices  # into the result of the reduceat at `starts`


@dataclass(frozen=True)
class AreaReducer:
    stations: int
    segment_starts: Indices  # first station of each elementary segment
    segment_of: Indices  # station -> its segment
    segment_sizes: IntArray
    first: Indices  # area -> its first segment (contiguous areas; 0 for scattered ones)
    stop: Indices  # area -> one past its last segment (== first for scattered ones)
    tiers: tuple[Tier, ...]  # the areas of several segments
    columns: Indices  # area -> its column among the segments and the tiers' reductions
    scattered: tuple[tuple[int, Indices], ...]  # (area position, its stations)

    @classmethod
    def plan(cls, layout: StationLayout) -> AreaReducer:
        n = len(layout.stations)
        if n == 0:
            raise ValueError("the layout has no station")
        runs: dict[int, tuple[int, int]] = {}
        scattered: list[tuple[int, Indices]] = []
        for position, code in enumerate(layout.areas):
            members = np.sort(layout.members[code])
            if members.size and members[-1] - members[0] + 1 == members.size:
                runs[position] = (int(members[0]), int(members[-1]) + 1)
            else:
                scattered.append((position, members))
        cuts = sorted({0, *(edge for run in runs.values() for edge in run)} - {n})
        segment_starts = np.array(cuts, dtype=np.intp)
        sizes = np.diff(np.append(segment_starts, n)).astype(np.int64)
        segment_of = np.repeat(np.arange(len(cuts), dtype=np.intp), sizes)
        first = np.zeros(len(layout.areas), dtype=np.intp)
        stop = np.zeros(len(layout.areas), dtype=np.intp)
        for position, (start, end) in runs.items():
            first[position] = np.searchsorted(segment_starts, start)
            stop[position] = np.searchsorted(segment_starts, end) if end < n else len(cuts)
        several = [a for a in sorted(runs) if stop[a] - first[a] > 1]
        tiers = _tiers(first, stop, several, len(cuts))
        columns = first.copy()  # an area of one segment is that segment's column
        offset = len(cuts)
        for tier in tiers:
            columns[tier.areas] = offset + tier.picks
            offset += len(tier.starts)
        return cls(
            n, segment_starts, segment_of, sizes, first, stop, tiers, columns, tuple(scattered)
        )

    @property
    def segments(self) -> int:
        return len(self.segment_starts)

    def segment_max(self, values: npt.NDArray[np.int32], out: npt.NDArray[np.int32]) -> None:
        """Maximum of each segment, row by row (values: windows x stations)."""
        np.maximum.reduceat(values, self.segment_starts, axis=1, out=out)

    def segment_sum(self, values: npt.NDArray[np.integer]) -> IntArray:
        """Exact sum of each segment (int64), one row of stations."""
        return np.add.reduceat(values, self.segment_starts, dtype=np.int64)

    def area_sums(
        self, by_segment: IntArray, values: npt.NDArray[np.int32], count: bool = False
    ) -> IntArray:
        """Per area, from per-segment sums (rows x segments); scattered areas from the
        station values (rows x stations, a negative value marking an absent station):
        their sum over the stations present, or with `count` how many are present."""
        sums = np.empty((by_segment.shape[0], len(self.first)), dtype=np.int64)
        self._combine(np.add, by_segment, sums)
        for position, members in self.scattered:
            picked = values[:, members]
            present = picked >= 0
            kept = present if count else np.where(present, picked, 0)
            sums[:, position] = kept.sum(axis=1, dtype=np.int64)
        return sums

    def area_max(
        self, by_segment: npt.NDArray[np.int32], values: npt.NDArray[np.int32]
    ) -> npt.NDArray[np.int32]:
        """Per area, from per-segment maxima (rows x segments); -1 for an area with no
        station (or all marked absent)."""
        result = np.empty((by_segment.shape[0], len(self.first)), dtype=np.int32)
        self._combine(np.maximum, by_segment, result)
        for position, members in self.scattered:
            picked = values[:, members]
            result[:, position] = picked.max(axis=1) if members.size else -1
        return result

    def _combine(
        self, ufunc: np.ufunc, by_segment: npt.NDArray[Any], out: npt.NDArray[Any]
    ) -> None:
        """Every contiguous area from the segments: one reduceat a tier, then one take."""
        parts = [by_segment, *(ufunc.reduceat(by_segment, t.starts, axis=1) for t in self.tiers)]
        np.take(np.concatenate(parts, axis=1), self.columns, axis=1, out=out)

    def members_of(self, position: int) -> Indices:
        """The stations of the area at `position`, as positions on the station axis."""
        for area, members in self.scattered:
            if area == position:
                return members
        begin = self.segment_starts[self.first[position]]
        end = (
            self.stations
            if self.stop[position] == self.segments
            else self.segment_starts[self.stop[position]]
        )
        return np.arange(begin, end, dtype=np.intp)


def _tiers(first: Indices, stop: Indices, runs: list[int], segments: int) -> tuple[Tier, ...]:
    """Greedy interval partitioning: each area joins the first tier whose last area ends
    where or before it begins (nested areas, a district over its streets, fall in
    different tiers)."""
    order = sorted(runs, key=lambda a: (first[a], -(stop[a] - first[a])))
    tiers: list[list[int]] = []
    for area in order:
        for tier in tiers:
            if stop[tier[-1]] <= first[area]:
                tier.append(area)
                break
        else:
            tiers.append([area])
    built = []
    for tier in tiers:
        edges = sorted(({int(first[a]) for a in tier} | {int(stop[a]) for a in tier}) - {segments})
        starts = np.array(edges, dtype=np.intp)
        picks = np.searchsorted(starts, first[tier]).astype(np.intp)
        built.append(Tier(np.array(tier, dtype=np.intp), starts, picks))
    return tuple(built)
