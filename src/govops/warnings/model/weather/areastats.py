"""Per area and step: how many stations count (`reporting`), and over the COUNTING stations
the sum (for the mean) and the maximum of each window's rain, with the first station on
the axis holding that maximum; all exact integers (hundredths of a mm).

Policy (govops.warnings.model.weather.stream_gaps): a station counts at step t if it has an
observation within the last RECENT_MINUTES (t - 9 ... t for minutes), its windows summing its
observed minutes; an area's mean and maximum at t are over its counting stations only (a station
silent for longer counts in neither, even if it reported earlier in the window); an area with no
counting station has no statistics (its level is then held).

Areas are put together from the groups of govops.warnings.model.weather.rolling: an area whose
stations are contiguous on the axis (a street; a district, whose streets' stations are its own) from
its blocks, in the order of the axis, so counts and sums add and the first maximum wins; an area
scattered on the axis from its own groups."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from govops.warnings.model.weather.rolling import Groups, Rolled

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]


@dataclass(frozen=True)
class AreaStats:
    """Areas in the layout's order; windows in WINDOW_NAMES order."""

    reporting: IntArray  # areas x steps: stations counting
    total: IntArray  # windows x areas x steps: sum over the counting stations
    maximum: Int32Array  # windows x areas x steps: -1 where no station counts
    holder: IntArray  # windows x areas x steps: first station (axis) at the maximum, or -1


def area_stats(rolled: Rolled, groups: Groups) -> AreaStats:
    from govops.warnings.model.weather.kernels import combine  # noqa: PLC0415 (numba: see rolling.roll)

    reporting, total, maximum, holder = combine(
        groups.areas, groups.stations, groups.bounds, rolled.absent, rolled.total, rolled.best
    )
    return AreaStats(reporting, total, maximum, holder)
