"""The gap policy in both engines, on the pack's district: a deciding station missing a few
minutes changes nothing; silent for longer it stops counting (and its street is held if no
other station counts); a district keeps the level its silent street holds."""

from __future__ import annotations

import numpy as np
import pytest

from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import AreaStep, EventKind
from govops.warnings.model.weather.compute import Statistics, accumulate
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.model.weather.stream_gaps import RECENT_MINUTES, SubAreas
from govops.warnings.model.weather.stream_steps import MinuteStats
from tests.unit.warnings.model.weather.stream_reference import PACK_LAYOUT, RULES, START, minute
from tests.unit.warnings.model.weather.test_stream_batch import as_rows

STREET = "110102003"  # 新街口街道: stations XC0201..XC0204, positions 4..7
DISTRICT = "110102"
WET, DAMP = 5, 4  # XC0202 rains 1 mm a minute; XC0201 0.6 mm
Events = dict[str, list[tuple[EventKind, str | None, int]]]


def storm(minutes: int = 400) -> np.ndarray:
    """The street's storm: XC0202 orange at 49, red at 99; XC0201 orange at 83 (60 mm in
    3 h by minute 100); dry elsewhere; the rain stops at 120."""
    rain = np.zeros((minutes, len(PACK_LAYOUT.stations)), dtype=np.int32)
    rain[:120, WET] = 100
    rain[:120, DAMP] = 60
    return rain


def both(rain: np.ndarray) -> tuple[list[MinuteStats], Statistics, Events]:
    """Streamed minute by minute and computed at once: asserts they agree; the events."""
    batch = accumulate(as_rows(rain, PACK_LAYOUT), PACK_LAYOUT, RULES)
    state = StreamState(PACK_LAYOUT, RULES)
    taken, steps = [], []
    for t in range(rain.shape[0]):
        stats = state.advance(minute(t), rain[t])
        assert np.array_equal(stats.reporting, batch.stats.reporting[:, t]), t
        assert np.array_equal(stats.level, batch.level[:, t]), t
        assert np.array_equal(stats.held, batch.held[:, t]), t
        assert np.array_equal(stats.via, batch.via[:, t]), t
        changed = tuple(s.area for s in stats.steps)
        assert stats.steps == batch.steps(minute(t), changed), t
        taken.append(stats)
        steps += stats.steps
    return taken, batch, events(steps)


def events(steps: list[AreaStep]) -> Events:
    lifecycle, found = WarningLifecycle(), {}
    for event in lifecycle.feed(steps):
        at = round((event.at - START).total_seconds()) // 60
        found.setdefault(event.area, []).append((event.kind, event.level, at))
    return found


STORM_EVENTS = [
    (EventKind.ISSUE, "orange", 49),
    (EventKind.UPGRADE, "red", 99),
    (EventKind.DOWNGRADE, "orange", 200),  # minute 20 has left the 3 h window: 99 mm
    (EventKind.DOWNGRADE, "yellow", 250),  # 49 mm in 3 h, 120 mm in 6 h
]


def test_the_storm_without_gaps() -> None:
    _, _, found = both(storm())
    assert found == {STREET: STORM_EVENTS, DISTRICT: STORM_EVENTS}


@pytest.mark.parametrize("missing", [1, 5, 9])
def test_a_deciding_station_missing_a_few_minutes_mid_warning_changes_nothing(
    missing: int,
) -> None:
    rain = storm()
    # Red since 99, the rain over since 120: the readings lost would have been 0 mm. Were
    # XC0202 dropped, XC0201 (72 mm in 3 h) would make it orange, then red again.
    rain[130 : 130 + missing, WET] = -1
    taken, _, found = both(rain)
    assert found == {STREET: STORM_EVENTS, DISTRICT: STORM_EVENTS}
    street = PACK_LAYOUT.areas.index(STREET)
    assert {int(s.reporting[street]) for s in taken} == {4}  # it never stopped counting


def test_a_deciding_station_silent_eleven_minutes_stops_counting_for_two() -> None:
    rain = storm()
    rain[130:141, WET] = -1  # last reading at 129: counts to 138, not at 139 and 140
    taken, _, found = both(rain)
    street = PACK_LAYOUT.areas.index(STREET)
    assert [int(taken[t].reporting[street]) for t in range(137, 142)] == [4, 4, 3, 3, 4]
    flicker = [(EventKind.DOWNGRADE, "orange", 139), (EventKind.UPGRADE, "red", 141)]
    assert found[STREET] == [*STORM_EVENTS[:2], *flicker, *STORM_EVENTS[2:]]


def test_a_street_silent_eleven_minutes_is_held_for_two() -> None:
    rain = storm()
    rain[130:141, 4:8] = -1  # the whole street
    taken, _, found = both(rain)
    street = PACK_LAYOUT.areas.index(STREET)
    assert [bool(taken[t].held[street]) for t in range(137, 142)] == [0, 0, 1, 1, 0]
    assert found == {STREET: STORM_EVENTS, DISTRICT: STORM_EVENTS}  # held: no change


def test_a_district_keeps_the_level_its_silent_street_holds() -> None:
    rain = storm()
    rain[130:190, 4:8] = -1  # red street silent an hour; the other streets report dry
    taken, batch, found = both(rain)
    assert found == {STREET: STORM_EVENTS, DISTRICT: STORM_EVENTS}  # no cancel, no re-issue
    street, district = PACK_LAYOUT.areas.index(STREET), PACK_LAYOUT.areas.index(DISTRICT)
    assert [t for t, s in enumerate(taken) if s.held[street]] == list(range(139, 190))
    assert [t for t, s in enumerate(taken) if s.via[district] >= 0] == list(range(139, 190))
    step = batch.step(DISTRICT, minute(140))  # its step says whose level it holds
    assert (step.level, step.clause_id, step.held_via, step.deciding) == (
        "red",
        "red-3h",
        STREET,
        (),
    )
    assert step.reporting == len(PACK_LAYOUT.members[DISTRICT]) - 4  # the others, all dry
    assert step.maximum["rain_3h"] == 0
    frame = batch.frame()
    rows = frame.filter((frame["area"] == DISTRICT) & frame["held_via"].is_not_null())
    assert rows.height == 51 and set(rows["level"]) == {"red"} and not rows["held"].any()


def test_with_the_mean_a_district_is_its_own_areal_mean() -> None:
    rain = storm()
    rain[:120, 4:8] = 100  # the street's mean is red; the district's (60 stations) none
    rain[130:190, 4:8] = -1
    batch = accumulate(as_rows(rain, PACK_LAYOUT), PACK_LAYOUT, RULES, "mean")
    street, district = PACK_LAYOUT.areas.index(STREET), PACK_LAYOUT.areas.index(DISTRICT)
    assert batch.held[street, 139:190].all() and set(batch.level[street, 99:190]) == {0}
    assert (batch.level[district, 139:190] == -1).all() and not (batch.via >= 0).any()


def test_the_sub_areas_are_planned_parents_after_their_children() -> None:
    tree = SubAreas.plan(PACK_LAYOUT, len(RULES.outcomes))
    (layer,) = tree.layers
    assert layer.parents.tolist() == [PACK_LAYOUT.areas.index(DISTRICT)]
    assert len(layer.kids) == 15 and RECENT_MINUTES == 10
    assert tree.ranks.tolist() == [0, 4, 3, 2, 1]  # no level, red, orange, yellow, blue
