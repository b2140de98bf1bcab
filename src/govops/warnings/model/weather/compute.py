"""The batch statistics engine: observations in, per area and step the level, its deciding
clause and station, whether the level is held, the number of stations reporting and the
mean and maximum of every window's rain.

Policy (see grid, rolling and areastats): a station's window sum at t is the sum of its
observed amounts in (t - w, t], by time; it counts at t if it has an observation within
the last RECENT_MINUTES (t - 9 ... t); an area's `reporting`, mean and maximum are over its
counting stations. Levels are decided on exact integers (hundredths of a mm) by
`SignalRules.classify`: with the `max` method on the area's maxima (the highest level any
counting station reaches); with `mean` on the areal means, compared without rounding: mean
>= b mm exactly when sum >= 100 b x reporting, i.e. the sums classified at a scale of 100 x
reporting. Output figures are Float64 millimetres (maximum / 100, sum / (100 x
reporting)); `Statistics.step` gives exact Decimals as the warning module's `AreaStep`.

Gaps (HOLD_POLICY, govops.warnings.model.weather.stream_gaps, the same in the streaming engine): a
gap in the data neither raises, lowers nor cancels a warning. At a step where no station of an area
counts, the area keeps the level and clause of its last step with one (none before any data); when
that is a level, the step is marked held and has no AreaStep, so the warning's lifecycle sees no
change. Its statistics are null (reporting 0) and it has no deciding station. With the `max` method
an area with sub-areas takes the held level of a sub-area when it is above its own (`held_via` names
the sub-area; no deciding station). The level is decided afresh as soon as a station of the area
reports again.

A day of 20,000 minute stations (28.8 million rows) takes about 0.2 s on two cores; the
first run on a machine compiles the kernels first (govops.warnings.model.weather.kernels)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt
import polars as pl

from govops.warnings.model.warning import AreaStep
from govops.warnings.model.weather.areastats import AreaStats, area_stats
from govops.warnings.model.weather.grid import MINUTE_MS, STAMP, Grid, build_grid
from govops.warnings.model.weather.layout import StationLayout
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules
from govops.warnings.model.weather.rolling import WINDOW_NAMES, Groups, roll, spans_of
from govops.warnings.model.weather.stream_gaps import (
    HOLD_POLICY,
    RECENT_MINUTES,
    Levels,
    SubAreas,
    no_via,
    recent_steps,
)
from govops.warnings.model.weather.stream_plan import AreaReducer
from govops.warnings.model.weather.stream_steps import MinuteStats, StepBuilder

METHODS = ("max", "mean")
STAGES = ("grid", "windows", "areas", "levels")
__all__ = ["HOLD_POLICY", "RECENT_MINUTES", "Statistics", "accumulate", "compute"]

Int8Array = npt.NDArray[np.int8]
BoolArray = npt.NDArray[np.bool_]
Stage = Callable[[str], None]


@dataclass(frozen=True)
class Statistics:
    grid: Grid  # the observations, station by station
    stats: AreaStats
    level: Int8Array  # areas x steps: index into rules.outcomes, NO_LEVEL for none
    clause: Int8Array  # areas x steps: index into rules.clauses, NO_LEVEL for none
    station: npt.NDArray[np.int64]  # areas x steps: deciding station (axis position) or -1
    rules: SignalRules
    method: str
    reducer: AreaReducer
    held: BoolArray  # areas x steps: no station counts, a level of earlier data is kept
    # areas x steps: the held sub-area whose level the area takes (max method), -1 for none
    via: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __post_init__(self) -> None:
        if not self.via.size:  # not given: every level the area's own
            object.__setattr__(self, "via", no_via(self.level.shape))

    @property
    def layout(self) -> StationLayout:
        return self.grid.layout

    def frame(self) -> pl.DataFrame:
        """One row per area and step (areas in the layout's order, then time)."""
        areas, steps = self.level.shape
        codes: dict[str, tuple[npt.NDArray[np.integer], tuple[str, ...]]] = {
            "level": (self.level.ravel(), self.rules.outcomes),
            "clause": (self.clause.ravel(), tuple(c.clause_id for c in self.rules.clauses)),
            "station": (self.station.ravel(), self.layout.stations),
        }
        origin = self.grid.origin_ms
        columns: dict[str, pl.Series | npt.NDArray[np.generic]] = {
            "area": _named(np.repeat(np.arange(areas), steps), self.layout.areas),
            "minute": pl.Series(
                np.tile(origin + np.arange(steps) * self.grid.step * MINUTE_MS, areas)
            ).cast(pl.Datetime("ms", "UTC")),
        }
        columns |= {name: _named(code, names) for name, (code, names) in codes.items()}
        columns["held"] = self.held.ravel()
        columns["held_via"] = _named(self.via.ravel(), self.layout.areas)
        reporting = self.stats.reporting.ravel()
        sizes = np.array([len(self.layout.members[a]) for a in self.layout.areas])
        columns |= {"reporting": reporting.astype(np.int32), "stations": np.repeat(sizes, steps)}
        for i, name in enumerate(WINDOW_NAMES):
            mean, top = millimetres(
                self.stats.total[i].ravel(), self.stats.maximum[i].ravel(), reporting
            )
            columns[f"{name}_mean"] = pl.Series(mean, nan_to_null=True)
            columns[f"{name}_max"] = pl.Series(top, nan_to_null=True)
        return pl.DataFrame(columns).with_columns(
            pl.col("minute").dt.convert_time_zone(STAMP.time_zone or "Asia/Shanghai"),
            pl.col("stations").cast(pl.Int32),
        )

    def step(self, area: str, minute: datetime) -> AreaStep:
        """The area at that minute, for the warning module (exact Decimal millimetres); a
        ValueError when its level is held there (no station reports: no step)."""
        found = self.steps(minute, (area,))
        if not found:
            raise ValueError(f"area {area!r} is held at {minute.isoformat()}: no station reports")
        return found[0]

    def steps(self, minute: datetime, areas: tuple[str, ...] | None = None) -> tuple[AreaStep, ...]:
        """The areas (all by default) at one minute of the data, but those whose level is
        held there (a held minute has no step: the warning stands unchanged)."""
        t = self.grid.index_of(minute)
        position = {code: i for i, code in enumerate(self.layout.areas)}
        wanted = self.layout.areas if areas is None else areas
        unknown = [a for a in wanted if a not in position]
        if unknown:
            raise KeyError(f"no area {unknown[0]!r}")
        builder = StepBuilder(
            self.layout.stations,
            self.layout.areas,
            self.reducer,
            self.rules,
            self.method,
            WINDOW_NAMES,
            self.reducer_sizes(),
        )
        stats = MinuteStats(
            at=minute,
            reporting=self.stats.reporting[:, t],
            maximum=self.stats.maximum[:, :, t],
            total=self.stats.total[:, :, t],
            level=self.level[:, t],
            clause=self.clause[:, t],
            changed=np.zeros(len(self.layout.areas), dtype=np.bool_),
            held=self.held[:, t],
            via=self.via[:, t],
        )
        shown = [position[a] for a in wanted if not self.held[position[a], t]]
        return builder.build(shown, minute, stats, self._windows_at(t))

    def reducer_sizes(self) -> npt.NDArray[np.int64]:
        return np.array([len(self.layout.members[a]) for a in self.layout.areas], dtype=np.int64)

    def _windows_at(self, t: int) -> npt.NDArray[np.int32]:
        """windows x stations at step t; -1 for a station not counting."""
        from govops.warnings.model.weather.kernels import windows_at  # noqa: PLC0415 (numba: see roll)

        grid = self.grid
        stamp = grid.origin_ms + t * grid.step * MINUTE_MS
        spans = np.array(spans_of(grid.step), dtype=np.int64) * grid.step * MINUTE_MS
        recent = recent_steps(grid.step) * grid.step * MINUTE_MS
        return windows_at((grid.first, grid.stop, grid.stamps, grid.rain), stamp, spans, recent)


def kernels_cached() -> bool | None:
    """Whether the compiled kernels are in numba's cache (False: this run compiles them
    first, about 10 s, once per machine); None when that cannot be told."""
    from govops.warnings.model.weather.kernels import cached  # noqa: PLC0415 (numba: see rolling.roll)

    return cached()


def compute(
    frame: pl.DataFrame,
    layout: StationLayout,
    rules: SignalRules,
    method: str = "max",
    step: int = 1,
) -> pl.DataFrame:
    """Per area and step: area, minute, level, clause, station, held, held_via, reporting,
    stations, and per window <name>_mean and <name>_max in mm (null where no station
    counts)."""
    return accumulate(frame, layout, rules, method, step).frame()


def accumulate(
    frame: pl.DataFrame,
    layout: StationLayout,
    rules: SignalRules,
    method: str = "max",
    step: int = 1,
    stage: Stage | None = None,
) -> Statistics:
    """The whole computation; `stage` is told each stage's name when it is done."""
    if method not in METHODS:
        raise ValueError(f"method must be max or mean, not {method!r}")
    told: Stage = stage or (lambda _name: None)
    reducer = AreaReducer.plan(layout)
    grid = build_grid(frame, layout, step)
    told("grid")
    groups = Groups.plan(reducer)
    rolled = roll(grid, groups)
    told("windows")
    stats = area_stats(rolled, groups)
    told("areas")
    level, clause = _levels(stats, rules, method)
    station = np.full(level.shape, -1, dtype=np.int64)
    decided = np.nonzero(clause != NO_LEVEL)
    window = np.array([WINDOW_NAMES.index(c.input) for c in rules.clauses], dtype=np.int64)
    station[decided] = stats.holder[window[clause[decided]], decided[0], decided[1]]
    levels = Levels(level, clause, stats.reporting == 0, no_via(level.shape), station)
    _settle(levels, stats.reporting, SubAreas.plan(layout, len(rules.outcomes)), method)
    held = (stats.reporting == 0) & (level != NO_LEVEL)
    told("levels")
    return Statistics(grid, stats, level, clause, station, rules, method, reducer, held, levels.via)


def _settle(levels: Levels, reporting: npt.NDArray[np.int64], tree: SubAreas, method: str) -> None:
    """HOLD_POLICY, in place: areas without sub-areas held first; then, layer by layer, each
    parent takes a held sub-area's higher level (max method) and is held in its turn, so a
    held parent keeps the level it had, sub-areas included, at its last step with data."""
    layers = tree.layers if method == "max" else ()
    parents = np.array([a for layer in layers for a in layer.parents.tolist()], dtype=np.int64)
    _hold(np.setdiff1d(np.arange(len(reporting)), parents), reporting, levels)
    for layer in layers:
        tree.compose(layer, levels)
        _hold(layer.parents, reporting, levels)


def _hold(rows: npt.NDArray[np.int64], reporting: npt.NDArray[np.int64], levels: Levels) -> None:
    """At a step where no station of an area counts, the level and clause of its last step
    with one (none before any: step 0, itself without data or level)."""
    steps = np.arange(reporting.shape[1])
    last = np.where(reporting[rows] > 0, steps, -1)
    np.maximum.accumulate(last, axis=1, out=last)
    source = np.maximum(last, 0)
    levels.level[rows] = np.take_along_axis(levels.level[rows], source, axis=1)
    levels.clause[rows] = np.take_along_axis(levels.clause[rows], source, axis=1)


def _levels(stats: AreaStats, rules: SignalRules, method: str) -> tuple[Int8Array, Int8Array]:
    if method == "max":
        return rules.classify({n: stats.maximum[i] for i, n in enumerate(WINDOW_NAMES)})
    level = np.full(stats.reporting.shape, NO_LEVEL, dtype=np.int8)
    clause = np.full(stats.reporting.shape, NO_LEVEL, dtype=np.int8)
    for count in np.unique(stats.reporting[stats.reporting > 0]).tolist():
        where = stats.reporting == count
        sums = {n: stats.total[i][where] for i, n in enumerate(WINDOW_NAMES)}
        level[where], clause[where] = rules.classify(sums, scale=100 * count)
    return level, clause


def millimetres(
    total: npt.NDArray[np.int64], maximum: npt.NDArray[np.int32], reporting: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Mean (sum / (100 x reporting)) and maximum (/ 100) in mm, each one correctly rounded
    IEEE division (polars divides by a constant through its reciprocal: 35.98 would read
    35.980000000000004); NaN where no station reports."""
    present = reporting > 0
    mean = np.full(total.shape, np.nan)
    np.divide(total, 100.0 * reporting, out=mean, where=present)
    top = np.full(maximum.shape, np.nan)
    np.divide(maximum, 100.0, out=top, where=present)
    return mean, top


def _named(codes: npt.NDArray[np.integer], names: tuple[str, ...]) -> pl.Series:
    """Names for codes; null for a negative code."""
    index = pl.Series(codes.astype(np.int64))
    if bool((codes < 0).any()):
        index = pl.select(pl.when(index >= 0).then(index)).to_series()
    return pl.Series(names, dtype=pl.String).gather(index)
