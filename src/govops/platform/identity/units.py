"""The organisation as a tree of units: a province, its counties or districts, their
streets, townships and communities, a university and its departments. A grant made at a
unit applies to every unit below it (the DHIS2 model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: its code, its name in the languages it is written in, its kind
    (province, county, district, street, township, community, university, department,
    bureau, office...), the unit above it, and the packs it runs."""

    code: str
    names: Mapping[str, str]
    kind: str
    parent: str | None = None
    packs: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitTree:
    """Units by code, each under its parent. Built from units whose parents are in the
    tree (or None for a root); `UnitTreeError` otherwise, and for a cycle."""

    units: Mapping[str, Unit]
    _children: dict[str, list[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = {}
        for unit in self.units.values():
            if unit.parent is not None:
                if unit.parent not in self.units:
                    raise UnitTreeError(f"unit {unit.code!r}: no parent {unit.parent!r}")
                children.setdefault(unit.parent, []).append(unit.code)
        object.__setattr__(self, "_children", children)
        for code in self.units:
            self.ancestors(code)  # refuses a cycle

    @classmethod
    def of(cls, units: Iterable[Unit]) -> UnitTree:
        return cls({unit.code: unit for unit in units})

    def __contains__(self, code: object) -> bool:
        return code in self.units

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units.values())

    def get(self, code: str) -> Unit:
        return self.units[code]

    def ancestors(self, code: str) -> list[str]:
        """The unit's code, then its parent's, up to the root."""
        path, seen = [code], {code}
        parent = self.units[code].parent
        while parent is not None:
            if parent in seen:
                raise UnitTreeError(f"unit {code!r}: its parents form a cycle")
            path.append(parent)
            seen.add(parent)
            parent = self.units[parent].parent
        return path

    def children(self, code: str) -> list[str]:
        return list(self._children.get(code, ()))

    def within(self, code: str, ancestor: str) -> bool:
        """Whether `code` is `ancestor` or below it."""
        return code in self.units and ancestor in self.ancestors(code)

    def below(self, code: str) -> list[str]:
        """The unit and every unit under it, the unit first."""
        found, pending = [], [code]
        while pending:
            current = pending.pop()
            found.append(current)
            pending.extend(reversed(self.children(current)))
        return found

    def roots(self) -> list[str]:
        return [unit.code for unit in self.units.values() if unit.parent is None]

    def running(self, pack_id: str) -> list[str]:
        """The units that run the pack, topmost first (a county before its office)."""
        found = [unit.code for unit in self.units.values() if pack_id in unit.packs]
        return sorted(found, key=lambda code: len(self.ancestors(code)))

    def named(self, name: str, under: str | None = None) -> str | None:
        """The unit (below `under`, if given) with `name` in one of its languages: how a
        record that names its place (an incident's township) finds its unit."""
        wanted = name.strip()
        candidates = (
            self.below(under) if under is not None and under in self.units else list(self.units)
        )
        for code in candidates:
            if wanted and wanted in self.units[code].names.values():
                return code
        return None


class UnitTreeError(ValueError):
    """Units that do not form a tree (a parent missing, a cycle)."""
