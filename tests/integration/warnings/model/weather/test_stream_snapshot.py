"""A streaming state saved and restored goes on exactly as if it had never stopped; a
snapshot of other stations, or not a snapshot at all, is refused."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.stream import StreamState
from govops.warnings.model.weather.stream_snapshot import SnapshotError, load_state, save_state
from tests.unit.warnings.model.weather.stream_reference import (
    PACK_LAYOUT,
    RULES,
    minute,
    random_rain,
)


def test_a_restored_state_continues_exactly_as_the_one_that_never_stopped(
    tmp_path: Path,
) -> None:
    rain = random_rain(600, len(PACK_LAYOUT.stations), seed=7, missing=0.05)
    rain[300:360, 4:8] = 500  # a storm on a street, then the street silent across the save
    rain[380:420, 4:8] = -1
    running = StreamState(PACK_LAYOUT, RULES, "mean")
    for t in range(400):
        running.advance(minute(t), rain[t])
    path = tmp_path / "state.npz"
    save_state(running, path, {"files": ["a.csv", "b.csv"], "lifecycle": {"unit": "001"}})
    restored, notes = load_state(path, PACK_LAYOUT, RULES, "mean")
    assert notes == {"files": ["a.csv", "b.csv"], "lifecycle": {"unit": "001"}}
    assert restored.last_minute == minute(399)
    for t in range(400, 600):
        one, other = running.advance(minute(t), rain[t]), restored.advance(minute(t), rain[t])
        for name in ("reporting", "maximum", "total", "level", "clause", "changed", "held"):
            assert np.array_equal(getattr(one, name), getattr(other, name)), (t, name)
        assert one.steps == other.steps
        if t == 400:  # the street's red warning, held through the restart
            street = PACK_LAYOUT.areas.index("110102003")
            assert (other.held[street], RULES.outcomes[other.level[street]]) == (True, "red")


def test_a_fresh_state_saved_restores_as_fresh(tmp_path: Path) -> None:
    path = tmp_path / "state.npz"
    save_state(StreamState(PACK_LAYOUT, RULES), path, {})
    restored, notes = load_state(path, PACK_LAYOUT, RULES, "max")
    assert (restored.last, notes) == (None, {})


def test_saving_again_replaces_the_snapshot_and_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "state.npz"
    state = StreamState(PACK_LAYOUT, RULES)
    save_state(state, path, {"n": 1})
    state.advance(minute(0), np.zeros(len(PACK_LAYOUT.stations), dtype=np.int32))
    save_state(state, path, {"n": 2})
    assert load_state(path, PACK_LAYOUT, RULES, "max")[1] == {"n": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["state.npz"]


def test_a_snapshot_of_other_stations_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.npz"
    save_state(StreamState(PACK_LAYOUT, RULES), path, {})
    other = StationLayout(PACK_LAYOUT.stations[:-1], PACK_LAYOUT.areas, PACK_LAYOUT.members)
    with pytest.raises(SnapshotError, match="saved for other stations or areas"):
        load_state(path, other, RULES, "max")


def _one_array() -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.zeros(3))
    return buffer.getvalue()


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken", _one_array()])
def test_a_file_that_is_not_a_snapshot_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "state.npz"
    path.write_bytes(content)
    with pytest.raises(SnapshotError, match="not a streaming state snapshot"):
        load_state(path, PACK_LAYOUT, RULES, "max")


def test_a_snapshot_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.npz"
    with path.open("wb") as file:
        np.savez(file, header=np.array('{"format": 1}'), ring=np.zeros(1))
    with pytest.raises(SnapshotError, match="a snapshot of format 1, this govops reads format 2"):
        load_state(path, PACK_LAYOUT, RULES, "max")
