"""The pass over groups of stations: windows by time, groups that never cross a segment,
scattered areas in groups of their own, and per group the stations not counting (silent
ten minutes), the sums over the counting stations and the largest window with the first
station holding it."""

from __future__ import annotations

import numpy as np
import pytest

from govops.warnings.model.weather.grid import ObservationError, build_grid
from govops.warnings.model.weather.rolling import MAX_AMOUNT, Blocks, Groups, roll, spans_of
from govops.warnings.model.weather.stream_plan import AreaReducer
from tests.unit.warnings.model.weather.test_compute_support import layout, observations


def test_windows_are_whole_steps() -> None:
    assert spans_of(1) == (60, 180, 360, 720, 1440)
    assert spans_of(60) == (1, 3, 6, 12, 24)
    with pytest.raises(ValueError, match="whole number"):
        spans_of(7)


def test_blocks_cut_each_segment_and_never_cross_one() -> None:
    blocks = Blocks.cut(np.array([0, 5, 135]), 140, size=64)
    assert blocks.starts.tolist() == [0, 5, 69, 133, 135]
    assert blocks.stops.tolist() == [5, 69, 133, 135, 140]
    assert blocks.first_of_segment.tolist() == [0, 1, 4]


def test_contiguous_areas_take_their_blocks_and_scattered_ones_their_own_groups() -> None:
    lay = layout({"D": list("ABCDE"), "S1": list("AB"), "S2": list("CDE"), "X": list("AD")})
    groups = Groups.plan(AreaReducer.plan(lay), size=2)
    # segments [A B] [C D E]: blocks [A B] [C D] [E]; X (A, D) in a group of its own
    assert groups.stations.tolist() == [0, 1, 2, 3, 4, 0, 3]
    assert groups.bounds.tolist() == [0, 2, 4, 5, 7]
    assert groups.areas.tolist() == [[0, 3], [0, 1], [1, 3], [3, 4]]


def test_per_group_figures_count_only_the_counting_stations() -> None:
    lay = layout({"S": ["A", "B", "C"]})
    # B had 90 mm at minute 0, then nothing: it counts to minute 9, not at 10. A and C
    # report 1 mm at minutes 0 and 1, then 0 mm.
    rows = [(s, t, 100 if t < 2 else 0) for s in "AC" for t in range(11)] + [("B", 0, 9_000)]
    groups = Groups.plan(AreaReducer.plan(lay))
    rolled = roll(build_grid(observations(sorted(rows)), lay), groups)
    assert rolled.absent.tolist() == [[0] * 10 + [1]]
    assert rolled.total[0, :, 9].tolist() == [9_400] * 5  # B's 90 mm still counted
    assert rolled.total[0, :, 10].tolist() == [400] * 5  # A's and C's 2 mm, not B's 90
    values, places = rolled.best[0] >> 16, 65535 - (rolled.best[0] & 65535)
    assert (values[:, 9].tolist(), places[:, 9].tolist()) == ([9_000] * 5, [1] * 5)
    assert (values[:, 10].tolist(), places[:, 10].tolist()) == ([200] * 5, [0] * 5)  # A first


def test_a_window_is_by_time_and_the_day_before_the_data_counts_nothing() -> None:
    lay = layout({"S": ["A"]})
    rows = [("A", t, 7) for t in range(0, 3000, 3)]  # every third minute only
    rolled = roll(build_grid(observations(rows), lay), Groups.plan(AreaReducer.plan(lay)))
    hour, day = rolled.best[0, 0] >> 16, rolled.best[0, 4] >> 16
    assert (hour[120], hour[2997], day[1437], day[2997]) == (20 * 7, 20 * 7, 480 * 7, 480 * 7)
    assert hour[1:3].tolist() == [7, 7]  # missing minutes count, with the readings' sums
    gone = roll(build_grid(observations([("A", 0, 7), ("A", 30, 7)]), lay), Groups.plan(
        AreaReducer.plan(lay)
    ))  # fmt: skip
    assert ((gone.best[0, 0] >> 16)[[9, 10, 29, 30]]).tolist() == [7, -1, -1, 14]


def test_amounts_beyond_the_bound_are_refused() -> None:
    lay = layout({"S": ["A"]})
    groups = Groups.plan(AreaReducer.plan(lay))
    largest = roll(
        build_grid(observations([("A", t, MAX_AMOUNT) for t in range(1440)]), lay), groups
    )
    assert largest.best[0, 4, -1] >> 16 == 1440 * MAX_AMOUNT < 2**31  # exact, fits int32
    for amount in (MAX_AMOUNT + 1, -1):
        with pytest.raises(ObservationError, match="rain amounts must be from 0"):
            roll(build_grid(observations([("A", 0, amount)]), lay), groups)
