"""The administrative hierarchy births are counted in: commune (xã) -> district (huyện) ->
province (tỉnh), read from a CSV `code,name,level,parent`.

Every commune's parent is a district and every district's parent a province; a province has
no parent (a file may hold several provinces, e.g. the whole country). Because each parent
is exactly one level up, a chain of parents always ends at a province within two steps: a
cycle cannot pass this check, and a code that names itself as parent is reported as such.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from govops.lawcode.texts.messages import N_, msg
from govops.programmes.model.srb.messages import IndicatorError, at_line

LEVELS = ("commune", "district", "province")
PARENT_LEVEL = {"commune": "district", "district": "province"}
COLUMNS = ("code", "name", "level", "parent")
# What is wrong with an area's parent, by the area's level.
WRONG_PARENT = {
    "commune": N_("the parent of a commune must be a district; {parent} is at level {found}"),
    "district": N_("the parent of a district must be a province; {parent} is at level {found}"),
}
NO_PARENT = {
    "commune": N_("commune {code} has no parent"),
    "district": N_("district {code} has no parent"),
}


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    level: str
    parent: str | None
    line: int = 0


class AreaHierarchy:
    """Checked areas by code, with each one's district and province."""

    def __init__(self, areas: Iterable[Area]) -> None:
        self.areas: dict[str, Area] = {}
        self._links: dict[tuple[str, str], pl.DataFrame] = {}  # the hierarchy never changes
        for area in areas:
            _check_own_fields(area)
            if area.code in self.areas:
                first = self.areas[area.code].line
                raise at_line(
                    area.line,
                    msg("code {code} repeats line {first}", code=repr(area.code), first=str(first)),
                )
            self.areas[area.code] = area
        for area in self.areas.values():
            self._check_parent(area)

    def _check_parent(self, area: Area) -> None:
        if area.parent is None:
            return
        if area.parent == area.code:
            raise at_line(area.line, msg("{code} is its own parent", code=repr(area.code)))
        parent = self.areas.get(area.parent)
        if parent is None:
            raise at_line(
                area.line, msg("parent {parent} is not in the list", parent=repr(area.parent))
            )
        wanted = PARENT_LEVEL[area.level]
        if parent.level != wanted:
            raise at_line(
                area.line,
                msg(WRONG_PARENT[area.level], parent=repr(area.parent), found=repr(parent.level)),
            )

    def __contains__(self, code: object) -> bool:
        return code in self.areas

    def level_of(self, code: str) -> str:
        return self.areas[code].level

    def name_of(self, code: str) -> str:
        return self.areas[code].name

    def ancestor(self, code: str, level: str) -> str:
        """The area of `level` that contains `code` (itself when at that level)."""
        area = self.areas[code]
        while area.level != level:
            if area.parent is None:
                raise ValueError(f"{code!r} is above the {level} level")
            area = self.areas[area.parent]
        return area.code

    def codes(self, level: str) -> list[str]:
        return [code for code, area in self.areas.items() if area.level == level]

    def links(self, below: str, level: str) -> pl.DataFrame:
        """Columns `area` (every area of level `below`) and `parent` (its area at `level`)."""
        if (below, level) not in self._links:
            codes = self.codes(below)
            self._links[below, level] = pl.DataFrame(
                {"area": codes, "parent": [self.ancestor(code, level) for code in codes]},
                schema={"area": pl.String, "parent": pl.String},
            )
        return self._links[below, level]

    def levels(self) -> pl.DataFrame:
        """Columns `area` and `level`, every area once."""
        return pl.DataFrame(
            {"area": list(self.areas), "level": [a.level for a in self.areas.values()]},
            schema={"area": pl.String, "level": pl.String},
        )

    def names(self) -> pl.DataFrame:
        return pl.DataFrame(
            {"area": list(self.areas), "name": [a.name for a in self.areas.values()]},
            schema={"area": pl.String, "name": pl.String},
        )


def _check_own_fields(area: Area) -> None:
    if not area.code:
        raise at_line(area.line, msg("the code is empty"))
    if area.level not in LEVELS:
        raise at_line(
            area.line,
            msg("level {level} is not commune, district or province", level=repr(area.level)),
        )
    code = repr(area.code)
    if area.level == "province" and area.parent is not None:
        raise at_line(
            area.line, msg("province {code} has no parent (leave parent empty)", code=code)
        )
    if area.level != "province" and area.parent is None:
        raise at_line(area.line, msg(NO_PARENT[area.level], code=code))


def parse_areas(content: str) -> AreaHierarchy:
    """The hierarchy in CSV text with a header naming code, name, level and parent (any
    order, other columns ignored); codes and levels are trimmed of spaces."""
    reader = csv.reader(io.StringIO(content))
    header = [name.strip() for name in next(reader, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise at_line(1, msg("column {column} is missing", column=repr(missing[0])))
    where = {name: header.index(name) for name in COLUMNS}
    areas = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise at_line(
                reader.line_num,
                msg(
                    "{cells} cells where the header has {columns}",
                    cells=len(row),
                    columns=len(header),
                ),
            )
        cell = {name: row[i].strip() for name, i in where.items()}
        areas.append(
            Area(cell["code"], cell["name"], cell["level"], cell["parent"] or None, reader.line_num)
        )
    if not areas:
        raise IndicatorError(msg("the list of areas is empty"))
    return AreaHierarchy(areas)
