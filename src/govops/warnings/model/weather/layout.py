"""Where each station sits: the order of the station axis (stations grouped by street, in
the pack's order) and the stations of every area, as index arrays for vectorised sums."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from govops.lawcode.sources.areas import AreaMap

# Accumulation windows, by time (minutes), named as the signal table's inputs name them.
WINDOWS: dict[str, int] = {
    "rain_1h": 60,
    "rain_3h": 180,
    "rain_6h": 360,
    "rain_12h": 720,
    "rain_24h": 1440,
}

Indices = npt.NDArray[np.intp]


@dataclass(frozen=True)
class StationLayout:
    stations: tuple[str, ...]  # the station axis
    areas: tuple[str, ...]  # area codes, in the pack's order
    members: dict[str, Indices]  # area code -> positions of its stations on the axis
    # area code -> its sub-areas (a district -> its streets), each area's stations including
    # theirs; with the max method a held sub-area's level counts for its parent (see
    # govops.warnings.model.weather.stream_gaps). Empty: no area has sub-areas.
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_areas(cls, area_map: AreaMap, extra: Iterable[str] = ()) -> StationLayout:
        """Stations of the pack's areas in pack order, then any `extra` stations (known to
        the data but placed in no area: they count for no area)."""
        order: list[str] = []
        for area in area_map:
            order += [s for s in area.stations if s not in order]
        order += [s for s in extra if s not in order]
        position = {station: i for i, station in enumerate(order)}
        members = {
            area.code: np.array(
                [position[s] for s in area_map.stations_of(area.code)], dtype=np.intp
            )
            for area in area_map
        }
        children = {
            area.code: tuple(c.code for c in area_map.children(area.code)) for area in area_map
        }
        return cls(
            tuple(order),
            tuple(a.code for a in area_map),
            members,
            {code: codes for code, codes in children.items() if codes},
        )

    def index(self) -> dict[str, int]:
        return {station: i for i, station in enumerate(self.stations)}
