"""Clause conditions as a pack writes them, parsed into the core's condition tree.

{input: participants, 以上: {param: participants_level_I}}     a range, in the document's words
{input: participants, 以上: 1000, 以下: 5000}                  both bounds
{input: armed_fight, is: true}                                a flag
{input: causes, contains: land}                               a code in a set
{all: [...]}, {any: [...]}, {not: {...}}, {always: true}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from govops.lawcode.rules.conditions import (
    AllOf,
    Always,
    AnyOf,
    Condition,
    Contains,
    InRange,
    IsTrue,
    Not,
)
from govops.lawcode.rules.inputs import InputKind, InputSpec
from govops.lawcode.rules.intervals import Bound, BoundaryConvention, Side, ValueRef
from govops.lawcode.texts.messages import N_, Message, Text, msg
from govops.packs.yamlsource import PathKey

Report = Callable[[list[PathKey], Text], None]
_COMBINATORS = ("all", "any", "not", "always")


@dataclass
class ConditionParser:
    inputs: Mapping[str, InputSpec]
    convention: BoundaryConvention
    parameters: frozenset[str]
    report: Report
    used_parameters: set[str] = field(default_factory=set)

    def parse(self, raw: object, where: list[PathKey]) -> Condition:
        if not isinstance(raw, dict):
            self.report(where, msg("a condition must be a mapping"))
            return Always()
        combinators = [key for key in _COMBINATORS if key in raw]
        if combinators and len(raw) == 1:
            return self._combinator(combinators[0], raw[combinators[0]], [*where, combinators[0]])
        if "input" in raw and not combinators:
            return self._leaf(raw, where)
        self.report(where, msg("a condition has either 'input' or one of all/any/not/always"))
        return Always()

    def _combinator(self, key: str, value: object, where: list[PathKey]) -> Condition:
        if key == "always":
            if value is not True:
                self.report(where, msg("'always' must be true"))
            return Always()
        if key == "not":
            return Not(self.parse(value, where))
        if not isinstance(value, list) or not value:
            self.report(where, msg("{key} needs a non-empty list of conditions", key=repr(key)))
            return Always()
        children = tuple(self.parse(item, [*where, i]) for i, item in enumerate(value))
        return AllOf(children) if key == "all" else AnyOf(children)

    def _leaf(self, raw: dict[str, object], where: list[PathKey]) -> Condition:
        name = raw["input"]
        spec = self.inputs.get(name) if isinstance(name, str) else None
        if spec is None:
            self.report(
                [*where, "input"],
                msg("unknown input {name}; declare it under inputs", name=repr(name)),
            )
            return Always()
        tests = {key: value for key, value in raw.items() if key != "input"}
        if spec.kind is InputKind.FLAG:
            return self._flag(spec, tests, where)
        if spec.kind is InputKind.SET:
            return self._contains(spec, tests, where)
        return self._range(spec, tests, where)

    def _flag(self, spec: InputSpec, tests: dict[str, object], where: list[PathKey]) -> Condition:
        if set(tests) != {"is"} or not isinstance(tests["is"], bool):
            self.report(
                where,
                msg(
                    "flag input {name} is tested with 'is: true' or 'is: false'",
                    name=repr(spec.name),
                ),
            )
            return Always()
        return IsTrue(spec.name, tests["is"])

    def _contains(
        self, spec: InputSpec, tests: dict[str, object], where: list[PathKey]
    ) -> Condition:
        member = tests.get("contains")
        if set(tests) != {"contains"} or not isinstance(member, str):
            self.report(
                where, msg("set input {name} is tested with 'contains: CODE'", name=repr(spec.name))
            )
            return Always()
        if member not in spec.vocabulary:
            self.report(
                [*where, "contains"],
                msg(
                    "code {code} is not in the vocabulary of {name}",
                    code=repr(member),
                    name=repr(spec.name),
                ),
            )
        return Contains(spec.name, member)

    def _range(self, spec: InputSpec, tests: dict[str, object], where: list[PathKey]) -> Condition:
        bounds: dict[Side, Bound] = {}
        for word, value in tests.items():
            try:
                boundary = self.convention.word(word)
            except ValueError as error:
                self.report([*where, word], str(error))
                continue
            if boundary.side in bounds:
                template = (
                    N_("two lower bounds on {name}")
                    if boundary.side is Side.LOWER
                    else N_("two upper bounds on {name}")
                )
                self.report([*where, word], Message(template, {"name": repr(spec.name)}))
            bounds[boundary.side] = Bound(self._value(value, [*where, word]), boundary)
        if not bounds:
            self.report(
                where,
                msg(
                    "numeric input {name} needs a bound such as 以上 or 以下", name=repr(spec.name)
                ),
            )
        return InRange(spec.name, bounds.get(Side.LOWER), bounds.get(Side.UPPER))

    def _value(self, value: object, where: list[PathKey]) -> ValueRef:
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            literal = value
            if isinstance(literal, Decimal) and not literal.is_finite():
                self.report(
                    where, msg("a bound must be a finite number, not {value}", value=str(value))
                )
            return ValueRef(literal=literal)
        if isinstance(value, dict) and set(value) == {"param"} and isinstance(value["param"], str):
            name = value["param"]
            if name not in self.parameters:
                self.report([*where, "param"], msg("unknown parameter {name}", name=repr(name)))
            self.used_parameters.add(name)
            return ValueRef(parameter=name)
        self.report(where, msg("a bound is a number or {example}", example="{param: NAME}"))
        return ValueRef(literal=0)
