"""The streaming state on disk (numpy .npz, no pickles), so a watcher resumes after a
restart where it stopped: the rings, the levels, the last minute and the caller's notes
(JSON: the files taken, the warning lifecycle). Written to a temporary file and renamed,
so a crash while saving leaves the previous snapshot whole."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from govops.lawcode.texts.messages import Message, msg
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import SignalRules
from govops.warnings.model.weather.stream import RING, StreamState

FORMAT = 2  # 2: with the clause of every area's level, held through gaps (HOLD_POLICY)
ARRAYS = ("ring", "segment_ring", "reported", "level", "clause")


class SnapshotError(ValueError):
    """A snapshot that cannot be read, or one saved for other stations or areas; why, as a
    message (translated where it is shown)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def layout_digest(layout: StationLayout) -> str:
    """Names the station axis and every area's stations: a snapshot of one layout is
    meaningless on another."""
    digest = hashlib.sha256()
    digest.update(json.dumps([layout.stations, layout.areas]).encode())
    for code in layout.areas:
        digest.update(np.ascontiguousarray(layout.members[code], dtype=np.int64).tobytes())
    return digest.hexdigest()


def save_state(state: StreamState, path: Path, notes: Mapping[str, Any]) -> None:
    header = {
        "format": FORMAT,
        "layout": layout_digest(state.layout),
        "stations": len(state.layout.stations),
        "last": state.last,
        "notes": notes,
    }
    temporary = path.with_name(f".{path.name}.partial")
    with temporary.open("wb") as file:
        np.savez(
            file,
            header=np.array(json.dumps(header, ensure_ascii=False)),
            **{name: getattr(state, name) for name in ARRAYS},
        )
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def load_state(
    path: Path, layout: StationLayout, rules: SignalRules, method: str
) -> tuple[StreamState, dict[str, Any]]:
    """The state saved at `path`, for `layout` (refused if saved for another), and the
    notes saved with it."""
    try:
        with path.open("rb") as file:  # closed even when numpy fails on a broken archive
            saved = np.load(file, allow_pickle=False)
            if not isinstance(saved, np.lib.npyio.NpzFile):
                raise ValueError("a single array")
            with saved:
                header = json.loads(str(saved["header"]))
                _check_format(header, path)
                arrays = {name: saved[name] for name in ARRAYS}
    except SnapshotError:
        raise
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise SnapshotError(
            msg(
                "{path}: not a streaming state snapshot ({error})", path=str(path), error=str(error)
            )
        ) from None
    if header.get("layout") != layout_digest(layout):
        raise SnapshotError(
            msg(
                "{path}: saved for other stations or areas ({stations} stations); use the same "
                "station list, or start afresh with another state file",
                path=str(path),
                stations=str(header.get("stations")),
            )
        )
    state = StreamState(layout, rules, method)
    for name, array in arrays.items():
        _restore(getattr(state, name), array, name, path)
    last = header.get("last")
    state.last = None if last is None else int(last)
    state.recount()
    notes = header.get("notes")
    return state, dict(notes) if isinstance(notes, dict) else {}


def _check_format(header: object, path: Path) -> None:
    if not isinstance(header, dict) or not isinstance(header.get("format"), int):
        raise SnapshotError(
            msg(
                "{path}: not a streaming state snapshot of format {format}",
                path=str(path),
                format=FORMAT,
            )
        )
    if header["format"] != FORMAT:
        raise SnapshotError(
            msg(
                "{path}: a snapshot of format {saved}, this govops reads format {format}; start "
                "afresh with another state file",
                path=str(path),
                saved=str(header["format"]),
                format=FORMAT,
            )
        )


def _restore(target: npt.NDArray[Any], array: npt.NDArray[Any], name: str, path: Path) -> None:
    if array.shape != target.shape or array.dtype != target.dtype:
        shape, expected = (f"{a.shape} {a.dtype}" for a in (array, target))
        raise SnapshotError(
            msg(
                "{path}: {name} has shape {shape}, expected {expected} (a ring of {ring} minutes)",
                path=str(path),
                name=name,
                shape=shape,
                expected=expected,
                ring=RING,
            )
        )
    target[...] = array
