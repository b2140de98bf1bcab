"""Minute by minute and all at once agree: the streaming engine gives, at every minute, the
batch engine's per-area figures, levels, held levels and AreaSteps for the same
observations; a gap in a street's data holds its warning in both."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import AreaStep, EventKind
from govops.warnings.model.weather.compute import accumulate
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.stream import StreamState
from tests.unit.warnings.model.weather.stream_reference import (
    PACK_LAYOUT,
    RULES,
    START,
    minute,
    odd_layout,
    random_rain,
)


def as_rows(rain: np.ndarray, layout: StationLayout) -> pl.DataFrame:
    """The ingestion's frame: a row per reading, none for a missing one."""
    minutes, station = np.nonzero(rain >= 0)
    start = int(START.timestamp()) * 1000
    frame = pl.DataFrame(
        {
            "station": np.array(layout.stations)[station],
            "minute": start + minutes.astype(np.int64) * 60_000,
            "rain": rain[minutes, station],
        }
    )
    stamp = pl.col("minute").cast(pl.Datetime("ms", "UTC")).dt.convert_time_zone("Asia/Shanghai")
    return frame.with_columns(stamp).sort("station", "minute")


@pytest.mark.parametrize(
    ("layout", "method"),
    [(PACK_LAYOUT, "max"), (odd_layout(), "mean")],
)
def test_streaming_gives_the_batch_figures_levels_and_steps_at_every_minute(
    layout: StationLayout, method: str
) -> None:
    rain = random_rain(1600, len(layout.stations), seed=3, missing=0.05)
    rain[0, 0] = 0  # the batch grid starts at the first reading: make it minute 0
    batch = accumulate(as_rows(rain, layout), layout, RULES, method)
    state = StreamState(layout, RULES, method)
    via: list[str] = []
    for t in range(rain.shape[0]):
        stats = state.advance(minute(t), rain[t], every_area=t % 97 == 0)
        assert np.array_equal(stats.reporting, batch.stats.reporting[:, t]), t
        assert np.array_equal(stats.maximum, batch.stats.maximum[:, :, t]), t
        assert np.array_equal(stats.total, batch.stats.total[:, :, t]), t
        assert np.array_equal(stats.level, batch.level[:, t]), t
        assert np.array_equal(stats.clause, batch.clause[:, t]), t
        assert np.array_equal(stats.held, batch.held[:, t]), t
        assert np.array_equal(stats.via, batch.via[:, t]), t
        if stats.steps and t % 97 == 0:
            assert stats.steps == batch.steps(minute(t)), t
        elif stats.steps:  # the areas whose level changed, a held street's included
            assert stats.steps == batch.steps(minute(t), tuple(s.area for s in stats.steps)), t
        taking = np.flatnonzero(stats.via >= 0)  # a held sub-area's level: steps alike too
        built = state.builder.build(taking, minute(t), stats, state.windows)
        assert built == batch.steps(minute(t), tuple(s.area for s in built)), t
        via += [s.held_via for s in built]
    assert bool(via) == (method == "max")  # a district took its held street's level


STREET = "110102003"  # 新街口街道: stations XC0201..XC0204, positions 4..7


def street_events(steps: list[AreaStep]) -> list[tuple[EventKind, str | None, int]]:
    lifecycle = WarningLifecycle()
    events = lifecycle.feed(s for s in steps if s.area == STREET)
    return [(e.kind, e.level, round((e.at - START).total_seconds()) // 60) for e in events]


def test_a_gap_in_a_street_mid_warning_holds_its_warning_in_both_engines() -> None:
    # XC0202 rains 1 mm a minute for 120 minutes (orange at 49, red at 99); the whole
    # street is silent from 130 to 189, mid-warning (its stations count until 138: ten
    # minutes after their last reading); the other streets report dry minutes.
    rain = np.zeros((400, len(PACK_LAYOUT.stations)), dtype=np.int32)
    rain[:120, 5] = 100
    rain[130:190, 4:8] = -1
    batch = accumulate(as_rows(rain, PACK_LAYOUT), PACK_LAYOUT, RULES)
    state = StreamState(PACK_LAYOUT, RULES)
    streamed, held = [], []
    for t in range(rain.shape[0]):
        stats = state.advance(minute(t), rain[t])
        assert np.array_equal(stats.level, batch.level[:, t]), t
        assert np.array_equal(stats.held, batch.held[:, t]), t
        streamed += stats.steps
        held += [t] if stats.held[PACK_LAYOUT.areas.index(STREET)] else []
    assert held == list(range(139, 190))
    expected = [
        (EventKind.ISSUE, "orange", 49),
        (EventKind.UPGRADE, "red", 99),
        (EventKind.DOWNGRADE, "orange", 200),  # 99 mm in 3 h: no cancel, no re-issue
        (EventKind.DOWNGRADE, "yellow", 250),
    ]
    assert street_events(streamed) == expected
    every_minute = [s for t in range(rain.shape[0]) for s in batch.steps(minute(t), (STREET,))]
    assert len(every_minute) == 400 - 51  # no step for a held minute
    assert street_events(every_minute) == expected
