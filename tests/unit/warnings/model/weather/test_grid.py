"""Observations onto the station axis: each station's rows found in the frame, the steps
from the first stamp to the last, and frames that break the ingestion's contract refused
(the columns and stations here, each row's order, step and amount when it is placed)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from govops.warnings.model.weather.compute import accumulate
from govops.warnings.model.weather.grid import ObservationError, build_grid
from tests.unit.warnings.model.weather.test_compute_support import (
    RULES,
    START,
    at,
    layout,
    observations,
)

# The axis order (by area) is not the frame's order (by station id).
LAYOUT = layout({"S": ["B", "A", "C"]}, extra=["Z"])


def test_each_station_on_the_axis_gets_its_rows_of_the_frame() -> None:
    rows = [("A", 0, 5), ("A", 2, 7), ("B", 1, 3), ("B", 2, 4), ("Z", 3, 9)]
    grid = build_grid(observations(rows), LAYOUT)
    assert grid.start == START and grid.steps == 4 and grid.origin_ms == START.timestamp() * 1000
    # frame rows: A 0..1, B 2..3, Z 4; the axis: B, A, C (none), Z
    assert (grid.first.tolist(), grid.stop.tolist()) == ([2, 0, 4, 4], [4, 2, 4, 5])
    assert grid.rain.tolist() == [5, 7, 3, 4, 9]
    assert not grid.stamps.flags.writeable and not grid.rain.flags.writeable
    assert grid.index_of(at(2)) == 2 and grid.minute_of(3) == at(3)


def test_a_long_frame_in_another_order_than_the_axis_is_placed_exactly() -> None:
    rng = np.random.default_rng(5)
    names = [f"{n:05d}" for n in rng.choice(90_000, 300, replace=False)]
    lay = layout({"S": names})
    rain = rng.integers(0, 50, size=(300, 500)).astype(np.int32)
    present = rng.random((300, 500)) > 0.05
    present[:, 0] = present[:, -1] = True
    present[:7, 100:150] = False  # silent long enough to stop counting
    rows = [(names[s], t, int(rain[s, t])) for s, t in zip(*np.nonzero(present), strict=True)]
    statistics = accumulate(observations(rows), lay, RULES)
    counting = present.copy()  # a reading in this minute or the nine before
    for back in range(1, 10):
        counting[:, back:] |= present[:, :-back]
    assert not counting[:7, 109:150].any()
    assert np.array_equal(statistics.stats.reporting[0], counting.sum(axis=0))
    cumulative = np.cumsum(np.where(present, rain, 0), axis=1)
    hour = cumulative - np.pad(cumulative, ((0, 0), (60, 0)))[:, :500]
    expected = np.where(counting, hour, -1).max(axis=0)
    assert np.array_equal(statistics.stats.maximum[0, 0], expected)
    assert np.array_equal(statistics.stats.total[0, 0], np.where(counting, hour, 0).sum(axis=0))


def test_hourly_stamps_make_hourly_steps() -> None:
    grid = build_grid(observations([("A", 0, 1), ("A", 3, 2)], step=60), LAYOUT, step=60)
    assert (grid.steps, grid.step, grid.minute_of(1)) == (4, 60, at(1, 60))


ONE = observations([("A", 0, 1)])


def shifted(frame: pl.DataFrame, row: int, seconds: int) -> pl.DataFrame:
    stamps = frame["minute"].to_list()
    stamps[row] = stamps[row] + np.timedelta64(seconds, "s").item()
    return frame.with_columns(pl.Series("minute", stamps, dtype=frame.schema["minute"]))


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (observations([("A", 0, 1), ("Q", 0, 1), ("R", 1, 2)]), r"2 station\(s\) not on"),
        (observations([("0", 0, 1), ("A", 0, 1)]), r"1 station\(s\) not on the layout: 0$"),
        (observations([("A", 0, 1), ("B", 0, 1), ("C", 0, 1)])[[2, 0, 1]], "not sorted by station"),
        (observations([("A", 0, 1), ("B", 0, 1), ("C", 0, 1)])[[0, 2, 1]], "not sorted by station"),
        (ONE.with_columns(pl.col("rain").cast(pl.Int64)), "'rain' must be"),
        (ONE.with_columns(pl.col("minute").dt.replace_time_zone(None)), "'minute' must be"),
        (ONE.with_columns(pl.lit(None, pl.Int32).alias("rain")), "empty cells"),
        (observations([]), "no observations"),
    ],
)  # fmt: skip
def test_a_frame_breaking_the_contract_is_refused(frame: pl.DataFrame, message: str) -> None:
    with pytest.raises(ObservationError, match=message):
        build_grid(frame, LAYOUT)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (observations([("A", 0, 1), ("A", 0, 2)]), "two rows for one station and minute"),
        (observations([("A", 0, 1), ("A", 1, 2), ("A", 2, 3)])[[0, 2, 1]], "out of order"),
        (observations([("A", 0, 1), ("A", 2, 2), ("B", 1, 3)])[[1, 0, 2]], "out of order"),
        (shifted(observations([("A", 0, 1), ("A", 1, 1)]), 1, 30), "not on a step of 1"),
        (observations([("B", 0, 1), ("B", 2, -1)]), "rain amounts must be from 0"),
    ],
)  # fmt: skip
def test_a_bad_row_is_refused_when_it_is_placed(frame: pl.DataFrame, message: str) -> None:
    with pytest.raises(ObservationError, match=message):
        accumulate(frame, LAYOUT, RULES)


def test_a_step_outside_the_data_is_not_a_step() -> None:
    grid = build_grid(observations([("A", 0, 1), ("A", 1, 1)]), LAYOUT)
    for outside in (at(2), at(-1), START.replace(second=30)):
        with pytest.raises(ValueError, match="not a step"):
            grid.index_of(outside)
