"""The streaming engine minute by minute: windows by time (gaps never stretch them), the
same per-area figures and levels as a plain reference, refusals of minutes out of order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import numpy as np
import pytest

from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import AreaStep, EventKind
from govops.warnings.model.weather.layout import WINDOWS, StationLayout
from govops.warnings.model.weather.stream import RING, StreamOrderError, StreamState
from govops.warnings.model.weather.stream_steps import MinuteStats
from tests.unit.warnings.model.weather.stream_reference import (
    PACK_LAYOUT,
    RULES,
    minute,
    odd_layout,
    random_rain,
    reference,
)

N = len(PACK_LAYOUT.stations)
STREET = "110102003"  # 新街口街道: stations XC0201..XC0204, positions 4..7
DISTRICT = "110102"


def rain_at(values: dict[int, int], n: int = N) -> np.ndarray:
    row = np.zeros(n, dtype=np.int32)
    for station, hundredths in values.items():
        row[station] = hundredths
    return row


def window(state: StreamState, area: str, name: str, stats: object) -> int:
    position = state.layout.areas.index(area)
    return int(stats.maximum[list(WINDOWS).index(name), position])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("layout", "method"),
    [(PACK_LAYOUT, "max"), (PACK_LAYOUT, "mean"), (odd_layout(), "max"), (odd_layout(), "mean")],
)
def test_figures_and_levels_equal_a_plain_reference_on_random_rain(
    layout: StationLayout, method: str
) -> None:
    minutes = 1700  # past a whole day, so the 24 h window drops minutes too
    rain = random_rain(minutes, len(layout.stations), seed=len(layout.areas), missing=0.08)
    state = StreamState(layout, RULES, method)
    expected = reference(rain, layout, method)
    levels_seen, holds, taken = set(), 0, 0
    for t in range(minutes):
        stats = state.advance(minute(t), rain[t])
        want = expected[t]
        assert np.array_equal(stats.via, want["via"]), t
        assert np.array_equal(stats.reporting, want["reporting"]), t
        assert np.array_equal(stats.maximum, want["maximum"]), t
        assert np.array_equal(stats.total, want["total"]), t
        assert np.array_equal(stats.level, want["level"]), t
        assert np.array_equal(stats.clause, want["clause"]), t
        assert np.array_equal(stats.held, want["held"]), t
        levels_seen |= set(stats.level.tolist())
        holds += int(stats.held.sum())
        taken += int((stats.via >= 0).sum())
    assert levels_seen == {-1, 0, 1, 2, 3}  # every level and none were met
    assert holds > 0 or layout is not PACK_LAYOUT  # its first street silent 90 minutes
    assert (taken > 0) == (layout is PACK_LAYOUT and method == "max")  # a held street's level


def test_a_gap_counts_as_missing_minutes_and_never_stretches_a_window() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({4: 3000}))
    taken = state.advance_to(minute(100), rain_at({4: 200}))
    assert [s.at for s in taken] == [minute(k) for k in range(1, 101)]
    # every station (the district's 60) counts for the 9 minutes after its reading, then none
    assert [int(s.reporting.max()) for s in taken[:-1]] == [N - 1] * 9 + [0] * 90
    assert [s.windows is not None and s.windows[0, 4] for s in taken[:2]] == [3000, 3000]
    assert taken[0].windows is not taken[1].windows  # kept: the next minute overwrites none
    last = taken[-1]
    assert window(state, STREET, "rain_1h", last) == 200  # the 30 mm left the hour
    assert window(state, STREET, "rain_3h", last) == 3200
    assert window(state, DISTRICT, "rain_1h", last) == 200


def test_a_station_missing_minutes_sums_what_it_reported_within_the_window() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    for t in range(121):
        row = rain_at({4: 100})
        row[4] = 100 if t % 2 == 0 else -1  # every other minute missing
        stats = state.advance(minute(t), row)
    # minutes 61..120 of the hour: 30 reported (the even ones), 1 mm each
    assert window(state, STREET, "rain_1h", stats) == 30 * 100
    assert window(state, STREET, "rain_3h", stats) == 61 * 100
    assert state.observed("rain_1h")[4:6].tolist() == [30, 60]
    assert state.observed("rain_3h")[4:6].tolist() == [61, 121]  # only 121 minutes taken


def test_a_station_silent_ten_minutes_counts_in_no_maximum_or_mean() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({4: 5000, 5: 100}))
    row = rain_at({5: 100})
    row[4] = -1  # the wet station falls silent
    position = PACK_LAYOUT.areas.index(STREET)
    late = [state.advance(minute(t), row) for t in range(1, 11)]
    assert [int(s.reporting[position]) for s in late] == [4] * 9 + [3]
    assert window(state, STREET, "rain_3h", late[8]) == 5000  # still counting at minute 9
    assert window(state, STREET, "rain_3h", late[9]) == 1100  # XC0202's 11 minutes of 1 mm
    assert late[9].total[1, position] == 1100


def test_a_gap_longer_than_a_day_is_skipped_once_nothing_can_change() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({4: 5000}))
    taken = state.advance_to(minute(5000), rain_at({}))
    assert len(taken) == RING + 1
    assert taken[-1].at == minute(5000)
    assert state.last_minute == minute(5000)
    assert taken[-1].maximum.max() == 0


@pytest.mark.parametrize("k", [0, -1, -30])
def test_a_minute_repeated_or_in_the_past_is_refused(k: int) -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({}))
    with pytest.raises(StreamOrderError, match="is not after the last minute taken"):
        state.advance(minute(k), rain_at({}))
    with pytest.raises(StreamOrderError, match="is not after the last minute taken"):
        state.advance_to(minute(k), rain_at({}))
    assert state.last_minute == minute(0)


def test_advance_takes_only_the_next_minute() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({}))
    with pytest.raises(StreamOrderError, match="is not the next minute"):
        state.advance(minute(2), rain_at({}))


@pytest.mark.parametrize(
    ("moment", "values", "message"),
    [
        (datetime(2026, 7, 20, 8, 1), rain_at({}), "no time zone"),
        (minute(0).replace(second=30), rain_at({}), "whole minute"),
        (minute(0), np.zeros(3, dtype=np.int32), "one value per station"),
        (minute(0), np.zeros(N), "whole hundredths"),
    ],
)
def test_bad_minutes_and_values_are_refused(
    moment: datetime, values: np.ndarray, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        StreamState(PACK_LAYOUT, RULES).advance(moment, values)


def test_an_unknown_method_or_window_is_refused() -> None:
    with pytest.raises(ValueError, match="max, mean"):
        StreamState(PACK_LAYOUT, RULES, "median")
    with pytest.raises(ValueError, match="no window 'rain_2h'"):
        StreamState(PACK_LAYOUT, RULES).observed("rain_2h")


def test_a_change_of_level_gives_a_step_with_its_trace_that_the_lifecycle_takes() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    lifecycle = WarningLifecycle()
    assert state.advance(minute(0), rain_at({})).steps == ()
    stats = state.advance(minute(1), rain_at({5: 5000, 6: 5000, 7: 100}))
    by_area = {s.area: s for s in stats.steps}
    assert set(by_area) == {STREET, DISTRICT}
    step = by_area[STREET]
    assert (step.level, step.clause_id, step.method) == ("orange", "orange-3h", "max")
    assert str(step.cite) == "cma-warning-signals-2007 附件 暴雨橙色预警信号"
    assert (step.reporting, step.stations) == (4, 4)
    assert step.maximum["rain_3h"] == Decimal("50.00")
    assert step.mean["rain_3h"] == Decimal("25.2500")
    assert [r.station for r in step.deciding] == ["XC0202", "XC0203"]
    assert step.deciding[0].rain["rain_24h"] == Decimal("50.00")
    events = lifecycle.feed(stats.steps)
    assert [e.kind for e in events] == [EventKind.ISSUE, EventKind.ISSUE]
    later = [state.advance(minute(t), rain_at({})) for t in range(2, 722)]  # dry, reporting
    ends = [s for taken in later for s in taken.steps if s.area == STREET]
    assert [(s.level, s.at) for s in ends] == [
        ("yellow", minute(181)),
        ("blue", minute(361)),
        (None, minute(721)),
    ]
    assert [e.kind for e in lifecycle.feed(s for t in later for s in t.steps)][
        -1
    ] is EventKind.CANCEL


def test_every_area_gets_a_step_on_request_and_none_without_reporting_has_figures() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    row = rain_at({})
    row[4:8] = -1
    stats = state.advance(minute(0), row, every_area=True)
    assert [s.area for s in stats.steps] == list(PACK_LAYOUT.areas)
    silent = next(s for s in stats.steps if s.area == STREET)
    assert (silent.reporting, silent.level, silent.mean, silent.maximum) == (0, None, {}, {})


def by_area(stats: MinuteStats) -> dict[str, AreaStep]:
    return {s.area: s for s in stats.steps}


def test_a_silent_area_keeps_its_level_held_and_gets_no_step() -> None:
    state = StreamState(PACK_LAYOUT, RULES)
    state.advance(minute(0), rain_at({5: 5000}))  # the street reaches orange
    row = rain_at({})
    row[4:8] = -1  # then none of its stations reports: they count until minute 9
    for t in range(1, 10):
        assert not state.advance(minute(t), row).held.any()
    stats = state.advance(minute(10), row, every_area=True)
    street = PACK_LAYOUT.areas.index(STREET)
    assert (stats.held[street], stats.reporting[street], stats.maximum[:, street].max()) == (
        True,
        0,
        -1,
    )
    assert (RULES.outcomes[stats.level[street]], RULES.clauses[stats.clause[street]].clause_id) == (
        "orange",
        "orange-3h",
    )
    assert STREET not in [s.area for s in stats.steps]  # every area but the held one
    assert len(stats.steps) == len(PACK_LAYOUT.areas) - 1
    district = by_area(stats)[DISTRICT]  # its other streets report dry; the street's held
    assert (district.level, district.held_via, district.deciding) == ("orange", STREET, ())
    assert district.reporting == 56 and district.maximum["rain_3h"] == 0
    back = state.advance(minute(11), rain_at({}))  # the street reports again: 50 mm in 3 h
    assert not back.held.any() and back.via.max() == -1
    assert back.steps == ()  # nothing changed: neither the street nor its district
