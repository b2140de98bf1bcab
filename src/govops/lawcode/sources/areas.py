"""Areas a pack acts on (a district and its streets) and the weather stations in each."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from govops.lawcode.dated.procedures import Text
from govops.lawcode.sources.citations import Citation


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: Text
    level: str  # "district" or "street"
    parent: str | None
    stations: tuple[str, ...]  # the stations placed in this area itself
    cite: Citation


@dataclass(frozen=True, slots=True)
class AreaMap:
    """Areas in the pack's order; an area's stations include those of the areas under it."""

    areas: tuple[Area, ...]

    def __iter__(self) -> Iterator[Area]:
        return iter(self.areas)

    def get(self, code: str) -> Area:
        for area in self.areas:
            if area.code == code:
                return area
        raise KeyError(f"no area {code!r}")

    def children(self, code: str) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a.parent == code)

    def stations_of(self, code: str) -> tuple[str, ...]:
        """Every station in the area or in an area under it, each once, in pack order."""
        found = list(self.get(code).stations)
        for child in self.children(code):
            found += [s for s in self.stations_of(child.code) if s not in found]
        return tuple(found)
