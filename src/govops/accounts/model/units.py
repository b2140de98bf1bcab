"""Units as a register of versions: a unit added, renamed, moved or given other packs is a
new version, never an edit, so its history stays. Units come from the packs that list
areas (a district and its streets), from CSV files (`govops units import`), and from the
demonstration tree."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.units import Unit, UnitTree, UnitTreeError

KINDS = frozenset(
    {
        "province",
        "county",
        "district",
        "city",
        "street",
        "township",
        "community",
        "university",
        "department",
        "bureau",
        "office",
        "committee",
        "resident_group",
    }
)
MAX_CODE = 64
NAME_COLUMN = "name_"  # name_zh-Hans, name_vi, name_en ...


class UnitInputError(ValueError):
    def __init__(self, line: int, message: Message) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class UnitVersion:
    """One version of a unit, recorded at `recorded_at` by `actor`."""

    unit: Unit
    seq: int
    recorded_at: datetime
    actor: str


def current_tree(versions: Iterable[UnitVersion]) -> UnitTree:
    """The latest version of every unit, as a tree."""
    latest: dict[str, UnitVersion] = {}
    for version in versions:
        held = latest.get(version.unit.code)
        if held is None or version.seq > held.seq:
            latest[version.unit.code] = version
    return UnitTree.of(v.unit for v in latest.values())


def changed(units: Iterable[Unit], tree: UnitTree) -> list[Unit]:
    """The units that are new or differ from the tree's (a rename, a move, other packs)."""
    return [unit for unit in units if unit.code not in tree or tree.get(unit.code) != unit]


def derived(units: Iterable[Unit], tree: UnitTree) -> list[Unit]:
    """Units another register derives from its own records, as the tree takes them: one
    already there keeps its other names and its packs (the register gives one name); one
    held with another kind or parent is never replaced; one whose parent is not in the
    tree (yet) is left for later."""
    wanted: list[Unit] = []
    for unit in units:
        held = tree.units.get(unit.code)
        if held is None:
            if unit.parent in tree:
                wanted.append(unit)
        elif (held.kind, held.parent) == (unit.kind, unit.parent):
            wanted.append(replace(held, names={**held.names, **unit.names}))
    return wanted


def merged(tree: UnitTree, units: Iterable[Unit]) -> UnitTree:
    """The tree with `units` added or replaced; UnitTreeError if it is no tree then."""
    found = dict(tree.units)
    found.update({unit.code: unit for unit in units})
    return UnitTree(found)


def unit_of_row(line: int, row: Mapping[str, str]) -> Unit:
    """A CSV row: code, parent (empty for a root), kind, name_<language> columns, packs
    (separated by spaces or semicolons)."""
    code = (row.get("code") or "").strip()
    if not code or len(code) > MAX_CODE or any(c.isspace() for c in code):
        raise UnitInputError(
            line, msg("code must be 1 to {count} characters, no spaces", count=MAX_CODE)
        )
    kind = (row.get("kind") or "").strip()
    if kind not in KINDS:
        raise UnitInputError(
            line,
            msg(
                "kind {kind} is not one of {kinds}", kind=repr(kind), kinds=", ".join(sorted(KINDS))
            ),
        )
    names = {
        column[len(NAME_COLUMN) :]: value.strip()
        for column, value in row.items()
        if column.startswith(NAME_COLUMN) and value and value.strip()
    }
    if not names:
        raise UnitInputError(
            line, msg("a name in at least one language (name_zh-Hans, name_vi, name_en)")
        )
    parent = (row.get("parent") or "").strip() or None
    packs = tuple(p for p in (row.get("packs") or "").replace(";", " ").split() if p)
    return Unit(code, names, kind, parent, packs)


def units_of_rows(rows: Iterable[tuple[int, Mapping[str, str]]], tree: UnitTree) -> list[Unit]:
    """Every row's unit, checked together with the tree they join; the first problem found
    is raised with its line."""
    units: list[Unit] = []
    lines: dict[str, int] = {}
    for line, row in rows:
        unit = unit_of_row(line, row)
        if unit.code in lines:
            raise UnitInputError(
                line,
                msg(
                    "unit {code} is given twice (also line {other})",
                    code=unit.code,
                    other=str(lines[unit.code]),
                ),
            )
        lines[unit.code] = line
        units.append(unit)
    try:
        merged(tree, units)
    except (UnitTreeError, KeyError) as error:
        bad = next(
            (
                u
                for u in units
                if u.parent is not None and u.parent not in tree and u.parent not in lines
            ),
            None,
        )
        line = lines[bad.code] if bad is not None else min(lines.values(), default=1)
        raise UnitInputError(
            line, msg("the units do not form a tree: {problem}", problem=str(error))
        ) from None
    return units
