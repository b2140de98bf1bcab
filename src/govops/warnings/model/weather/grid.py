"""Observations on the station axis and the time steps: each station's rows of the frame,
with the first step and the number of steps; the amounts stay in the frame's arrays, in
whole hundredths of a millimetre.

The input is the ingestion's frame (govops.warnings.model.weather.ingest.SCHEMA): station, minute
(the END of the minute or hour the amount covers, Beijing time), rain, sorted by station then
minute, at most one row per station and minute. Minute amounts sit on a grid of one-minute steps;
hourly amounts (resolution 60) on a grid of one-hour steps, each at the hour its amount ends, so a
window of w minutes is w / 60 steps and sums by time stay right at the hour marks.

A step with no row is not reported and holds 0: it adds nothing to any sum; a station counts at a
step if it has a row within the last RECENT_MINUTES (govops.warnings.model.weather.stream_gaps).
`build_grid` checks the columns and the stations (every station on the layout, rows grouped by
station); each row's order, step and amount are checked when the engine places it
(govops.warnings.model.weather.rolling), in the same pass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import polars as pl

from govops.warnings.model.weather.layout import StationLayout

BEIJING = ZoneInfo("Asia/Shanghai")
STAMP = pl.Datetime("ms", "Asia/Shanghai")
MINUTE_MS = 60_000

IntArray = npt.NDArray[np.int64]
Scalar = TypeVar("Scalar", bound=np.generic)


class ObservationError(ValueError):
    """A frame that breaks the ingestion's contract (types, order, stations, amounts)."""


@dataclass(frozen=True)
class Grid:
    layout: StationLayout
    start: datetime  # the first step (aware, Beijing time)
    step: int  # minutes per step: 1 (minute amounts) or 60 (hourly amounts)
    steps: int
    first: IntArray  # per station on the axis: its first row in the frame
    stop: IntArray  # ... one past its last row (== first: no row)
    stamps: IntArray  # the frame's stamps, ms since the epoch (read-only)
    rain: npt.NDArray[np.int32]  # the frame's amounts (read-only)

    @property
    def origin_ms(self) -> int:
        return round(self.start.timestamp() * 1000)

    def minute_of(self, index: int) -> datetime:
        return datetime.fromtimestamp(self.start.timestamp() + 60 * self.step * index, tz=BEIJING)

    def index_of(self, minute: datetime) -> int:
        """The step of an aware time, or a ValueError if it is not on the grid."""
        if minute.tzinfo is None:
            raise ValueError("the minute must carry a time zone")
        seconds = round((minute - self.start).total_seconds())
        index, rest = divmod(seconds, 60 * self.step)
        if rest or not 0 <= index < self.steps:
            raise ValueError(f"{minute.isoformat()} is not a step of the data")
        return index


def build_grid(frame: pl.DataFrame, layout: StationLayout, step: int = 1) -> Grid:
    """The grid of `frame` on the layout's station axis, from its first to its last stamp.

    Refused with an ObservationError: wrong column types, nulls, a station not on the
    layout, rows not grouped by station, no rows at all."""
    stamps, rain = _columns(frame)
    first, stop = _station_rows(frame["station"], layout)
    present = stop > first
    if not present.any():
        raise ObservationError("no observations")
    step_ms = step * MINUTE_MS
    origin = int(stamps[first[present]].min())
    steps = max(int(stamps[stop[present] - 1].max()) - origin, 0) // step_ms + 1
    start = datetime.fromtimestamp(origin / 1000, tz=BEIJING)
    return Grid(layout, start, step, steps, first, stop, stamps, rain)


def _columns(frame: pl.DataFrame) -> tuple[IntArray, npt.NDArray[np.int32]]:
    expected = {"station": pl.String(), "minute": STAMP, "rain": pl.Int32()}
    for name, dtype in expected.items():
        if name not in frame.columns or frame.schema[name] != dtype:
            raise ObservationError(f"column {name!r} must be {dtype}")
        if frame[name].null_count():
            raise ObservationError(f"column {name!r} has empty cells")
    return (
        _read_only(frame["minute"].to_physical().to_numpy()),
        _read_only(frame["rain"].to_numpy()),
    )


def _read_only(values: npt.NDArray[Scalar]) -> npt.NDArray[Scalar]:
    """The column's values (no copy when it is one chunk), read-only: one array type for
    the compiled kernels, whichever frame they come from."""
    view = values.view()
    view.flags.writeable = False
    return view


def _station_rows(column: pl.Series, layout: StationLayout) -> tuple[IntArray, IntArray]:
    """Per layout station, the rows [first, stop) it holds in the frame (sorted by station):
    one binary search per station; each station's rows end where the next one's begin, and
    its first and last rows must carry its name (a station not on the layout, or rows out
    of order, would break that)."""
    names = pl.Series(layout.stations, dtype=pl.String)
    order = names.arg_sort()
    ordered = names.gather(order)
    begins = column.search_sorted(ordered, side="left").to_numpy().astype(np.int64)
    ends = np.append(begins[1:], len(column))
    if begins[0] != 0 or (np.diff(begins) < 0).any() or not _named(column, ordered, begins, ends):
        raise ObservationError(_disorder(column, layout))
    first = np.empty(len(names), dtype=np.int64)
    stop = np.empty(len(names), dtype=np.int64)
    first[order.to_numpy()], stop[order.to_numpy()] = begins, ends
    return first, stop


def _named(column: pl.Series, names: pl.Series, begins: IntArray, ends: IntArray) -> bool:
    """Whether every run [begin, end) of rows starts and ends with its station's name."""
    held = np.flatnonzero(ends > begins)
    if not held.size:
        return len(column) == 0
    found = column.gather(np.concatenate([begins[held], ends[held] - 1]))
    return bool((found == names.gather(np.concatenate([held, held]))).all())


def _disorder(column: pl.Series, layout: StationLayout) -> str:
    """Why the rows do not fit the layout: stations it does not hold, or the order."""
    unknown = sorted(set(column.unique().to_list()) - set(layout.stations))
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        return f"{len(unknown)} station(s) not on the layout: {shown}"
    return "rows not sorted by station"
