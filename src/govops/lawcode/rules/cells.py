"""Cells of an input's domain: the pieces between a table's bounds on which every test
gives the same answer. Analysing a table means looking at one value from each cell."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.conditions import Condition, Contains, InRange, leaves, resolve_interval
from govops.lawcode.rules.inputs import InputKind, InputScalar, InputSpec
from govops.lawcode.rules.intervals import Number


@dataclass(frozen=True, slots=True)
class Cell:
    """A point {low} (low == high) or an open interval (low, high); high None is +∞."""

    low: Number
    high: Number | None
    sample: InputScalar

    @property
    def is_point(self) -> bool:
        return self.low == self.high


def bound_points(condition: Condition, name: str, parameters: ParameterSnapshot) -> set[Number]:
    """The numbers at which the condition's tests on input `name` change their answer."""
    points: set[Number] = set()
    for leaf in leaves(condition):
        if isinstance(leaf, InRange) and leaf.input == name:
            interval = resolve_interval(leaf, parameters)
            points |= {b.value for b in (interval.lower, interval.upper) if b is not None}
    return points


def members(condition: Condition, name: str) -> set[str]:
    return {
        leaf.member
        for leaf in leaves(condition)
        if isinstance(leaf, Contains) and leaf.input == name
    }


def numeric_cells(spec: InputSpec, points: set[Number]) -> list[Cell]:
    """Points and the open intervals between them, from 0 (inputs are non-negative)."""
    edges = sorted({Decimal(0), *(Decimal(p) for p in points if p >= 0)})
    counting = spec.kind is InputKind.COUNT
    # A count never sits on a fractional bound such as 8.5: that point is no cell of its own.
    cells = [
        Cell(edge, edge, _typed(spec, edge))
        for edge in edges
        if not counting or edge == edge.to_integral_value()
    ]
    for low, high in pairwise(edges):
        inside = _inside(spec, low, high)
        if inside is not None:
            cells.append(Cell(low, high, inside))
    cells.append(Cell(edges[-1], None, _typed(spec, _above(spec, edges[-1]))))
    return sorted(cells, key=lambda c: (c.low, not c.is_point))


def _inside(spec: InputSpec, low: Decimal, high: Decimal) -> InputScalar | None:
    if spec.kind is InputKind.COUNT:
        candidate = int(low) + 1
        return candidate if candidate < high else None
    return (low + high) / 2


def _above(spec: InputSpec, edge: Decimal) -> Decimal:
    return Decimal(int(edge) + 1) if spec.kind is InputKind.COUNT else edge + 1


def _typed(spec: InputSpec, value: Decimal) -> InputScalar:
    return int(value) if spec.kind is InputKind.COUNT else value


def samples(
    spec: InputSpec, conditions: list[Condition], parameters: ParameterSnapshot
) -> Iterator[InputScalar]:
    """One value per cell of the input, enough to see every behaviour of the conditions."""
    if spec.kind is InputKind.FLAG:
        yield from (False, True)
    elif spec.kind is InputKind.SET:
        mentioned = sorted(set().union(*(members(c, spec.name) for c in conditions)))
        yield frozenset()
        yield from (frozenset({m}) for m in mentioned)
    else:
        points = set().union(*(bound_points(c, spec.name, parameters) for c in conditions))
        yield from (cell.sample for cell in numeric_cells(spec, points))
