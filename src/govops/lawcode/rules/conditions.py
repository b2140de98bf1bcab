"""Clause conditions: ranges, flags, set membership, and any/all/not over them.

Evaluating a condition yields, in one pass, whether it holds, what each leaf test saw (for
the trace), and the cheapest way it could have held (for why-not).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.dated.parameters import ParameterSnapshot, ParameterVersion
from govops.lawcode.rules.inputs import InputValue
from govops.lawcode.rules.intervals import Bound, Number, ResolvedBound, ResolvedInterval


@dataclass(frozen=True, slots=True)
class InRange:
    input: str
    lower: Bound | None
    upper: Bound | None


@dataclass(frozen=True, slots=True)
class IsTrue:
    input: str
    expected: bool = True


@dataclass(frozen=True, slots=True)
class Contains:
    input: str
    member: str


@dataclass(frozen=True, slots=True)
class AllOf:
    children: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    children: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Condition


@dataclass(frozen=True, slots=True)
class Always:
    """A clause that applies in every case (e.g. departments involved in every incident)."""


Condition = InRange | IsTrue | Contains | AllOf | AnyOf | Not | Always
Leaf = InRange | IsTrue | Contains


def leaves(condition: Condition) -> Iterator[Leaf]:
    """Every test in a condition tree, depth first."""
    if isinstance(condition, AllOf | AnyOf):
        for child in condition.children:
            yield from leaves(child)
    elif isinstance(condition, Not):
        yield from leaves(condition.child)
    elif not isinstance(condition, Always):
        yield condition


@dataclass(slots=True)  # built per test per decision: not frozen, as frozen init is slower
class Shortfall:
    """One failing test and what it would take to pass it."""

    input: str
    value: object
    needs: str  # e.g. ">= 5000", or the test a flag or code failed
    short_by: Number | None  # None for a failed flag, code or negation
    relative: float
    operator: str | None = None  # of a failed range test: >=, >, <=, <
    bound: Number | None = None


@dataclass(frozen=True, slots=True)
class Miss:
    """The cheapest way a condition could hold: fewest failing tests, then smallest gaps."""

    shortfalls: tuple[Shortfall, ...] = ()

    def key(self) -> tuple[int, float]:
        return len(self.shortfalls), sum(s.relative for s in self.shortfalls)

    def __add__(self, other: Miss) -> Miss:
        return Miss(self.shortfalls + other.shortfalls)


@dataclass(slots=True)  # built per test per decision: not frozen, as frozen init is slower
class LeafResult:
    input: str
    seen: InputValue
    test: str
    holds: bool
    parameters: tuple[ParameterVersion, ...] = ()

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {"input": self.input, "test": self.test, "holds": self.holds}
        result.update(self.seen.as_dict())
        if self.parameters:
            result["parameters"] = [p.as_dict() for p in self.parameters]
        return result


NO_MISS = Miss()


@dataclass(slots=True)  # built per test per decision: not frozen, as frozen init is slower
class Outcome:
    holds: bool
    leaves: tuple[LeafResult, ...] = ()
    miss: Miss = NO_MISS


@dataclass(frozen=True, slots=True)
class PreparedRange:
    interval: ResolvedInterval
    test: str
    parameters: tuple[ParameterVersion, ...]


class Ranges:
    """Range tests resolved against one parameter snapshot, once: a table prepared for a date
    answers many records without resolving its bounds again. Entries keep their condition
    alive, so the id used as key cannot be reused while the cache lives."""

    def __init__(self, parameters: ParameterSnapshot) -> None:
        self.parameters = parameters
        self._prepared: dict[int, tuple[InRange, PreparedRange]] = {}

    def prepared(self, condition: InRange) -> PreparedRange:
        entry = self._prepared.get(id(condition))
        if entry is None:
            interval = resolve_interval(condition, self.parameters)
            used = tuple(b.parameter for b in (interval.lower, interval.upper) if b and b.parameter)
            test = f"{condition.input} in {interval.notation()}{_words(interval)}"
            entry = (condition, PreparedRange(interval, test, used))
            self._prepared[id(condition)] = entry
        return entry[1]


def resolve_interval(condition: InRange, parameters: ParameterSnapshot) -> ResolvedInterval:
    return ResolvedInterval(
        _resolve(condition.lower, parameters), _resolve(condition.upper, parameters)
    )


def _resolve(bound: Bound | None, parameters: ParameterSnapshot) -> ResolvedBound | None:
    if bound is None:
        return None
    value, version = bound.ref.resolve(parameters)
    return ResolvedBound(value, bound.word.inclusive, bound.word.word, version)


def evaluate(condition: Condition, values: Mapping[str, InputValue], ranges: Ranges) -> Outcome:
    return _EVALUATORS[type(condition)](condition, values, ranges)


def _always(_condition: Condition, _values: Mapping[str, InputValue], _ranges: Ranges) -> Outcome:
    return Outcome(True)


def _group(condition: Condition, values: Mapping[str, InputValue], ranges: Ranges) -> Outcome:
    assert isinstance(condition, AllOf | AnyOf)
    return _combine(condition, [evaluate(c, values, ranges) for c in condition.children])


def _not(condition: Condition, values: Mapping[str, InputValue], ranges: Ranges) -> Outcome:
    assert isinstance(condition, Not)
    inner = evaluate(condition.child, values, ranges)
    miss = Miss((Shortfall("", None, "the opposite of: " + _tests(inner), None, 1.0),))
    return Outcome(not inner.holds, inner.leaves, miss if inner.holds else NO_MISS)


def _in_range(condition: Condition, values: Mapping[str, InputValue], ranges: Ranges) -> Outcome:
    assert isinstance(condition, InRange)
    return _range(ranges.prepared(condition), condition.input, values[condition.input])


def _flag_or_member(condition: Condition, values: Mapping[str, InputValue], _r: Ranges) -> Outcome:
    assert isinstance(condition, IsTrue | Contains)
    seen = values[condition.input]
    if isinstance(condition, IsTrue):
        holds = seen.value is condition.expected
        test = f"{condition.input} is {'true' if condition.expected else 'false'}"
    else:
        holds = isinstance(seen.value, frozenset) and condition.member in seen.value
        test = f"{condition.member} in {condition.input}"
    leaf = LeafResult(condition.input, seen, test, holds)
    if holds:
        return Outcome(True, (leaf,))
    return Outcome(False, (leaf,), Miss((Shortfall(condition.input, seen.value, test, None, 1.0),)))


_EVALUATORS = {
    Always: _always,
    AllOf: _group,
    AnyOf: _group,
    Not: _not,
    InRange: _in_range,
    IsTrue: _flag_or_member,
    Contains: _flag_or_member,
}


def _combine(condition: AllOf | AnyOf, parts: list[Outcome]) -> Outcome:
    leaves = tuple(leaf for part in parts for leaf in part.leaves)
    if isinstance(condition, AllOf):
        miss = sum((part.miss for part in parts), NO_MISS)
        return Outcome(all(part.holds for part in parts), leaves, miss)
    if any(part.holds for part in parts) or not parts:
        return Outcome(bool(parts), leaves)
    return Outcome(False, leaves, min((part.miss for part in parts), key=Miss.key))


def _tests(outcome: Outcome) -> str:
    return "; ".join(leaf.test for leaf in outcome.leaves)


def _range(prepared: PreparedRange, name: str, seen: InputValue) -> Outcome:
    value = seen.value
    assert isinstance(value, int | Decimal) and not isinstance(value, bool)
    holds = prepared.interval.contains(value)
    leaf = LeafResult(name, seen, prepared.test, holds, prepared.parameters)
    if holds:
        return Outcome(True, (leaf,))
    return Outcome(False, (leaf,), Miss((_shortfall(name, value, prepared.interval),)))


def _words(interval: ResolvedInterval) -> str:
    words = [b.word for b in (interval.lower, interval.upper) if b is not None]
    return f" ({'、'.join(words)})" if words else ""


def _shortfall(name: str, value: Number, interval: ResolvedInterval) -> Shortfall:
    """What it takes to pass a failed range test. For a count (a whole number) the gap runs
    to the nearest whole number inside the bound; for a quantity it is the distance to the
    bound, which a strict bound (> or <) requires to be exceeded."""
    lower, upper = interval.lower, interval.upper
    if lower is not None and not lower.admits_from_below(value):
        bound, operator = lower, ">=" if lower.inclusive else ">"
        gap = _nearest_inside(value, lower, from_below=True) - value
    else:
        assert upper is not None
        bound, operator = upper, "<=" if upper.inclusive else "<"
        gap = value - _nearest_inside(value, upper, from_below=False)
    relative = float(Decimal(gap) / max(abs(Decimal(bound.value)), Decimal(1)))
    needs = f"{operator} {bound.value}"
    return Shortfall(name, value, needs, gap, relative, operator, bound.value)


def _nearest_inside(value: Number, bound: ResolvedBound, from_below: bool) -> Number:
    if not isinstance(value, int):
        return bound.value
    if from_below:
        return math.ceil(bound.value) if bound.inclusive else math.floor(bound.value) + 1
    return math.floor(bound.value) if bound.inclusive else math.ceil(bound.value) - 1
