"""Table analysis: where two outcomes claim the same case (overlaps), and bounded ranges
of a numeric input that no outcome covers while values on both sides are covered (holes).

Overlaps between clauses that test no input in common are always possible (two independent
criteria can both hold) and are resolved by the hit policy; they are counted, not listed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice, product

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.cells import Cell, bound_points, numeric_cells, samples
from govops.lawcode.rules.conditions import evaluate
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputKind, InputScalar, InputValue
from govops.lawcode.rules.tables import Clause, HitPolicy, RuleTable, inputs_of

MAX_CONTEXTS = 4096


@dataclass(frozen=True, slots=True)
class Overlap:
    first: tuple[str, Clause]
    second: tuple[str, Clause]
    example: Mapping[str, InputScalar]


@dataclass(frozen=True, slots=True)
class Hole:
    input: str
    cells: tuple[Cell, ...]
    context: Mapping[str, InputScalar]  # values of the inputs tested together with this one
    below: str
    above: str
    contexts_seen: int = 1

    def notation(self) -> str:
        first, last = self.cells[0], self.cells[-1]
        left = f"[{first.low}" if first.is_point else f"({first.low}"
        right = f"{last.high}]" if last.is_point else f"{last.high})"
        return f"{left}, {right}"


@dataclass(frozen=True, slots=True)
class Analysis:
    table: str
    overlaps: tuple[Overlap, ...]
    independent_overlaps: int
    holes: tuple[Hole, ...]
    # False when an input had more combinations of partner inputs than MAX_CONTEXTS:
    # the holes listed are then those found in the first MAX_CONTEXTS combinations only.
    complete: bool = True


def analyse(table: RuleTable, parameters: ParameterSnapshot) -> Analysis:
    if table.hit is not HitPolicy.FIRST:
        raise ValueError(
            f"table {table.id!r} collects outcomes: overlaps are intended and holes undefined"
        )
    decider = Decider(table, parameters)
    clauses = list(table.clauses())
    overlaps: list[Overlap] = []
    independent = 0
    for index, (outcome, clause) in enumerate(clauses):
        for other_outcome, other in clauses[index + 1 :]:
            if other_outcome.value == outcome.value:
                continue
            if not inputs_of(clause.condition) & inputs_of(other.condition):
                independent += 1
                continue
            example = _both_hold(decider, clause, other)
            if example is not None:
                overlaps.append(
                    Overlap((outcome.value, clause), (other_outcome.value, other), example)
                )
    holes, complete = _holes(decider)
    return Analysis(table.id, tuple(overlaps), independent, tuple(holes), complete)


def _both_hold(decider: Decider, first: Clause, second: Clause) -> dict[str, InputScalar] | None:
    names = sorted(inputs_of(first.condition) | inputs_of(second.condition))
    table = decider.table
    for record in _records(decider, names):
        values = _values(table, record)
        if all(evaluate(c.condition, values, decider.ranges).holds for c in (first, second)):
            return record
    return None


def _records(decider: Decider, names: list[str]) -> Iterator[dict[str, InputScalar]]:
    """Every combination of one sample per cell of each named input, lazily."""
    table, parameters = decider.table, decider.parameters
    conditions = [c.condition for _, c in table.clauses()]
    axes = [list(samples(table.inputs[n], conditions, parameters)) for n in names]
    return (dict(zip(names, combination, strict=True)) for combination in product(*axes))


def _values(table: RuleTable, record: Mapping[str, InputScalar]) -> dict[str, InputValue]:
    values = {n: InputValue(_neutral(table, n), None, defaulted=True) for n in table.inputs}
    values.update({n: InputValue(v, None) for n, v in record.items()})
    return values


def _neutral(table: RuleTable, name: str) -> InputScalar:
    spec = table.inputs[name]
    if spec.default is not None:
        return spec.default
    if spec.kind is InputKind.FLAG:
        return False
    return frozenset() if spec.kind is InputKind.SET else 0


def decide_outcome(
    table: RuleTable, parameters: ParameterSnapshot, record: Mapping[str, InputScalar]
) -> str | None:
    """The outcome alone, for a record of already-typed values (unset inputs neutral)."""
    return _outcome_of(Decider(table, parameters), record)


def _outcome_of(decider: Decider, record: Mapping[str, InputScalar]) -> str | None:
    outcome = decider.decide_values(_values(decider.table, record)).outcome
    assert not isinstance(outcome, list)  # analysis takes first-hit tables only
    return outcome


def _holes(decider: Decider) -> tuple[list[Hole], bool]:
    table, parameters = decider.table, decider.parameters
    found: dict[tuple[str, str], Hole] = {}
    complete = True
    for name, spec in table.inputs.items():
        if spec.kind not in (InputKind.COUNT, InputKind.QUANTITY):
            continue
        related = [c.condition for _, c in table.clauses() if name in inputs_of(c.condition)]
        points = set().union(*(bound_points(c, name, parameters) for c in related))
        cells = numeric_cells(spec, points)
        partners = sorted(set().union(*(inputs_of(c) for c in related)) - {name})
        contexts = list(islice(_records(decider, partners), MAX_CONTEXTS + 1))
        complete = complete and len(contexts) <= MAX_CONTEXTS
        contexts = contexts[:MAX_CONTEXTS]
        for context in contexts:
            for hole in _holes_along(decider, name, cells, context):
                key = (name, hole.notation())
                seen = found.get(key)
                found[key] = hole if seen is None else _seen_again(seen)
    return list(found.values()), complete


def _seen_again(hole: Hole) -> Hole:
    return Hole(
        hole.input, hole.cells, hole.context, hole.below, hole.above, hole.contexts_seen + 1
    )


def _holes_along(
    decider: Decider,
    name: str,
    cells: list[Cell],
    context: dict[str, InputScalar],
) -> list[Hole]:
    outcomes = [_outcome_of(decider, {**context, name: c.sample}) for c in cells]
    holes: list[Hole] = []
    start = None
    for index, outcome in enumerate(outcomes):
        if outcome is None and start is None and index > 0 and outcomes[index - 1] is not None:
            start = index
        if outcome is not None and start is not None:
            below, above = outcomes[start - 1], outcome
            assert below is not None
            holes.append(Hole(name, tuple(cells[start:index]), context, below, above))
            start = None
        if outcome is not None:
            start = None
    return holes
