"""From one minute's arrays to the warning module's `AreaStep`s: only for the areas asked
for (by default those whose level changed), as Decimal millimetres with the deciding
stations, their accumulations and the clause's citation.

The deciding stations are those at the area's maximum of the deciding clause's window (all of them
when several tie): with the `max` method they are the stations that reached the level; with `mean`
they are the wettest stations of the area, shown beside the mean. An area whose level is a held
sub-area's (govops.warnings.model.weather.stream_gaps, rule 3) has none: its step names that
sub-area (`held_via`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import numpy.typing as npt

from govops.warnings.model.warning import AreaStep, StationReading
from govops.warnings.model.weather.levels import NO_LEVEL, SignalRules
from govops.warnings.model.weather.stream_plan import AreaReducer

Int32Array = npt.NDArray[np.int32]
MEAN_PLACES = Decimal("0.0001")  # a mean is shown to 0.0001 mm (the level used it exactly)


def millimetres(hundredths: int) -> Decimal:
    return Decimal(int(hundredths)).scaleb(-2)


def mean_millimetres(total: int, reporting: int) -> Decimal:
    exact = Decimal(int(total)) / Decimal(100 * int(reporting))
    return exact.quantize(MEAN_PLACES, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class MinuteStats:
    """Every area at one minute, in the layout's area order; figures in hundredths of a mm.
    `maximum` is -1 and `total` 0 where no station of the area counts; there the area's level and
    clause are those of its last minute with one (none before any data), and `held` is true where
    that is a level (HOLD_POLICY in govops.warnings.model.weather.stream_gaps)."""

    at: datetime  # the end of the minute, Beijing time
    reporting: npt.NDArray[np.int64]  # areas: stations counting (reported in 10 minutes)
    maximum: Int32Array  # windows x areas: the highest accumulation of a counting station
    total: npt.NDArray[np.int64]  # windows x areas: sum over the counting stations
    level: npt.NDArray[np.int8]  # areas: index into SignalRules.outcomes, NO_LEVEL for none
    clause: npt.NDArray[np.int8]  # areas: index into SignalRules.clauses, NO_LEVEL for none
    changed: npt.NDArray[np.bool_]  # areas: level differs from the minute before
    steps: tuple[AreaStep, ...] = ()  # of the areas whose level changed, or of all not held
    held: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    # areas: the held sub-area whose level the area takes (max method), -1 for none
    via: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # windows x stations at this minute, -1 for a station not counting (None: not kept).
    # From `StreamState.advance`, the state's own buffer: valid until the next minute.
    windows: Int32Array | None = None

    def __post_init__(self) -> None:
        if not self.held.size:  # not given: no area held
            object.__setattr__(self, "held", np.zeros(self.reporting.shape, dtype=np.bool_))
        if not self.via.size:  # not given: every level the area's own
            object.__setattr__(self, "via", np.full(self.reporting.shape, -1, dtype=np.int64))

    def mean(self) -> npt.NDArray[np.float64]:
        """windows x areas, hundredths of a mm; NaN where no station reports."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.reporting > 0, self.total / self.reporting, np.nan)


class StepBuilder:
    """Builds steps from the arrays of the minute just taken (`windows`: windows x
    stations, -1 for a station absent this minute)."""

    def __init__(
        self,
        stations: tuple[str, ...],
        areas: tuple[str, ...],
        reducer: AreaReducer,
        rules: SignalRules,
        method: str,
        window_names: tuple[str, ...],
        sizes: npt.NDArray[np.int64],
    ) -> None:
        self.stations, self.areas, self.reducer, self.sizes = stations, areas, reducer, sizes
        self.rules, self.method, self.window_names = rules, method, window_names
        self._row = {name: row for row, name in enumerate(window_names)}

    def build(
        self,
        positions: Iterable[int],
        minute: datetime,
        stats: MinuteStats,
        windows: npt.NDArray[np.int32],
    ) -> tuple[AreaStep, ...]:
        """The steps of the areas at `positions`, at `minute`."""
        return tuple(self._step(int(p), minute, stats, windows) for p in positions)

    def _step(
        self, position: int, minute: datetime, stats: MinuteStats, windows: npt.NDArray[np.int32]
    ) -> AreaStep:
        count = int(stats.reporting[position])
        names = self.window_names if count else ()  # no mean, no maximum of no station
        code = int(stats.level[position])
        clause = None if code == NO_LEVEL else self.rules.clauses[int(stats.clause[position])]
        via = int(stats.via[position])  # >= 0: a held sub-area's level, no deciding station
        return AreaStep(
            area=self.areas[position],
            at=minute,
            level=None if clause is None else self.rules.outcomes[code],
            clause_id=None if clause is None else clause.clause_id,
            cite=None if clause is None else clause.cite,
            method=self.method,
            reporting=count,
            stations=int(self.sizes[position]),
            mean={
                n: mean_millimetres(stats.total[k, position], count) for k, n in enumerate(names)
            },
            maximum={n: millimetres(stats.maximum[k, position]) for k, n in enumerate(names)},
            deciding=()
            if clause is None or via >= 0
            else self._deciding(position, clause.input, windows),
            held_via=self.areas[via] if via >= 0 else None,
        )

    def _deciding(
        self, position: int, window: str, windows: npt.NDArray[np.int32]
    ) -> tuple[StationReading, ...]:
        members = self.reducer.members_of(position)
        row = windows[self._row[window], members]
        top = members[row == row.max()]
        return tuple(
            StationReading(
                self.stations[station],
                {n: millimetres(windows[k, station]) for k, n in enumerate(self.window_names)},
            )
            for station in top
        )
