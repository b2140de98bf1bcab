"""Builders for the law-as-code core: citations, conventions, inputs, clauses, tables and
parameter snapshots made directly in Python, with keyword defaults, so that each test says
only what matters to it. No YAML and no pack loading."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from govops.lawcode.dated.calendar import DayStatus, WorkingDayResult
from govops.lawcode.dated.parameters import (
    DatedValue,
    Parameter,
    ParameterSnapshot,
    ParameterValue,
    ParameterVersion,
)
from govops.lawcode.rules.conditions import AllOf, Condition, InRange, IsTrue
from govops.lawcode.rules.inputs import InputKind, InputSpec
from govops.lawcode.rules.intervals import Bound, BoundaryConvention, BoundaryWord, Side, ValueRef
from govops.lawcode.rules.tables import Clause, HitPolicy, Match, OutcomeRule, RuleTable
from govops.lawcode.sources.citations import Citation

DOCUMENT = "test-plan"
AS_OF = date(2024, 6, 1)
PARAMETERS_FROM = date(2020, 1, 1)


def cite(article: str = "4.1(1)", document: str = DOCUMENT) -> Citation:
    return Citation(document, article)


def convention(article: str = "4 closing sentence") -> BoundaryConvention:
    """以上 and 不超过 include the number, 以下 and 超过 exclude it, as the plan declares."""
    where = cite(article)
    words = [
        BoundaryWord("以上", Side.LOWER, inclusive=True, cite=where),
        BoundaryWord("以下", Side.UPPER, inclusive=False, cite=where),
        BoundaryWord("超过", Side.LOWER, inclusive=False, cite=where),
        BoundaryWord("不超过", Side.UPPER, inclusive=True, cite=where),
    ]
    return BoundaryConvention({w.word: w for w in words})


def count_input(name: str, default: int | None = None) -> InputSpec:
    return InputSpec(name, InputKind.COUNT, label=name, default=default)


def quantity_input(name: str, default: Decimal | None = None) -> InputSpec:
    return InputSpec(name, InputKind.QUANTITY, label=name, default=default)


def flag_input(name: str, default: bool | None = None) -> InputSpec:
    return InputSpec(name, InputKind.FLAG, label=name, default=default)


def set_input(
    name: str, vocabulary: Iterable[str] = (), default: frozenset[str] | None = None
) -> InputSpec:
    return InputSpec(
        name, InputKind.SET, label=name, default=default, vocabulary=frozenset(vocabulary)
    )


def bound(value: int | Decimal | str, word: str, words: BoundaryConvention | None = None) -> Bound:
    """A bound on a literal number, or on the named parameter when `value` is a string."""
    ref = ValueRef(parameter=value) if isinstance(value, str) else ValueRef(literal=value)
    return Bound(ref, (words or convention()).word(word))


def range_(
    input: str, convention_: BoundaryConvention | None = None, **words: int | Decimal | str
) -> InRange:
    """range_("participants", 以上=1000, 以下="level_i_participants"): at most one bound per
    side; a string value names a parameter, a number is a literal."""
    declared = convention_ or convention()
    lower = upper = None
    for word, value in words.items():
        made = bound(value, word, declared)
        if made.word.side is Side.LOWER:
            assert lower is None, "two lower bounds"
            lower = made
        else:
            assert upper is None, "two upper bounds"
            upper = made
    return InRange(input, lower, upper)


def flag(input: str, expected: bool = True) -> IsTrue:
    return IsTrue(input, expected)


def clause(id: str, condition: Condition, article: str = "4.1(1)", text: str = "") -> Clause:
    return Clause(id, cite(article), condition, text or id)


def outcome(
    value: str, *clauses: Clause, match: Match = Match.ANY, en: str | None = None
) -> OutcomeRule:
    return OutcomeRule(value, tuple(clauses), match, {"en": en} if en else {})


def table(
    outcomes: Iterable[OutcomeRule] = (),
    hit: HitPolicy = HitPolicy.FIRST,
    inputs: Iterable[InputSpec] = (),
    id: str = "grading",
) -> RuleTable:
    return RuleTable(
        id,
        title=id,
        inputs={spec.name: spec for spec in inputs},
        hit=hit,
        outcomes=tuple(outcomes),
        cite=cite("4.1"),
    )


def version(
    name: str,
    value: ParameterValue,
    article: str = "4.1(1)",
    start: date | None = PARAMETERS_FROM,
    end: date | None = None,
) -> ParameterVersion:
    return ParameterVersion(name, value, start, end, cite(article))


def parameters(as_of: date = AS_OF, **values: ParameterValue) -> ParameterSnapshot:
    """A snapshot with each value in force from 2020-01-01, open-ended, cited to 4.1(1)."""
    return ParameterSnapshot(as_of, {n: version(n, v) for n, v in values.items()})


def dated(
    value: ParameterValue,
    start: date | None = None,
    end: date | None = None,
    article: str = "4.1(1)",
) -> DatedValue:
    return DatedValue(start, end, value, cite(article))


def parameter(name: str, *values: DatedValue) -> Parameter:
    return Parameter(name, tuple(values))


# The grading table most tests use: level I to IV of a mass incident by participants, with
# deaths and a foreign-national flag as further criteria. Bounds at level I's threshold are
# the parameter `level_i_participants` (5000) on both sides, so a what-if moves both.

LEVEL_I = "level_i_participants"


def grading_inputs() -> tuple[InputSpec, ...]:
    return (
        count_input("participants"),
        count_input("deaths", default=0),
        flag_input("foreign", default=False),
    )


def grading_table() -> RuleTable:
    return table(
        outcomes=[
            outcome(
                "level_i",
                clause("i-participants", range_("participants", 以上=LEVEL_I), "4.1(1)"),
                clause("i-deaths", range_("deaths", 超过=9), "4.1(1)"),
                en="level I",
            ),
            outcome(
                "level_ii",
                clause(
                    "ii-participants", range_("participants", 以上=1000, 以下=LEVEL_I), "4.1(2)"
                ),
                clause("ii-foreign", flag("foreign"), "4.1(2)"),
                clause("ii-deaths", range_("deaths", 以上=3, 不超过=9), "4.1(2)"),
                en="level II",
            ),
            outcome(
                "level_iii",
                clause("iii-participants", range_("participants", 以上=200, 以下=1000), "4.1(3)"),
                en="level III",
            ),
            outcome(
                "level_iv",
                clause("iv-participants", range_("participants", 以下=200), "4.1(4)"),
                en="level IV",
            ),
        ],
        inputs=grading_inputs(),
    )


def grading_parameters(threshold: int = 5000, as_of: date = AS_OF) -> ParameterSnapshot:
    return parameters(as_of=as_of, **{LEVEL_I: threshold})


def all_of(*conditions: Condition) -> AllOf:
    return AllOf(tuple(conditions))


@dataclass
class FakeCalendar:
    """Weekends are the only days off; days in `provisional_years` are marked provisional.
    add_working_days returns the `days`-th working day after `start`."""

    provisional_years: frozenset[int] = frozenset()
    jurisdiction: str = "test"
    asked: list[tuple[date, int]] = field(default_factory=list)

    def day_status(self, day: date) -> DayStatus:
        working = day.weekday() < 5
        return DayStatus(
            day, working, day.year in self.provisional_years, "weekday" if working else "weekend"
        )

    def add_working_days(self, start: date, days: int) -> WorkingDayResult:
        self.asked.append((start, days))
        day, remaining, provisional = start, days, False
        while remaining:
            day += timedelta(days=1)
            status = self.day_status(day)
            provisional = provisional or status.provisional
            remaining -= status.working_day
        return WorkingDayResult(start, days, day, provisional)
