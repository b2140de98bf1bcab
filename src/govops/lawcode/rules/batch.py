"""Batch evaluation over columnar data: every record's outcome and the clause that decided it.

A first-hit table compiles to polars expressions: one for the outcome, one for the id of the
deciding clause, sharing the clause conditions, so per-record provenance costs little more
than the outcome alone.

A collect table compiles to one Boolean expression per outcome (reached: any or all of its
clauses, per its match), a `breaches` list of the outcomes reached (in table order) and, for
a table of breaches (every outcome has a severity), the `verdict` of `lawcode.verdict`.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch_figures import BatchInputError
from govops.lawcode.rules.batch_inputs import prepare_inputs
from govops.lawcode.rules.conditions import (
    AllOf,
    Always,
    AnyOf,
    Condition,
    Contains,
    InRange,
    IsTrue,
    Not,
    resolve_interval,
)
from govops.lawcode.rules.tables import Clause, HitPolicy, Match, RuleTable, Severity
from govops.lawcode.rules.verdict import Verdict

_RESERVED = ("breaches", "verdict", "approximate")
VERDICT_DTYPE = pl.Enum([v.value for v in Verdict])


@dataclass(frozen=True, slots=True)
class Branch:
    outcome: str
    clause: str  # clause id; for an all-of outcome, its clause ids joined by "+"
    expression: pl.Expr


class BatchEvaluator:
    def __init__(self, table: RuleTable, parameters: ParameterSnapshot) -> None:
        self.table = table
        self.collect = table.hit is HitPolicy.COLLECT
        self.reached: dict[str, pl.Expr] = {}  # collect tables: outcome -> reached
        self.branches: list[Branch] = []  # first-hit: in priority order, the first decides
        if self.collect:
            self._compile_collect(parameters)
            return
        for o in table.outcomes:
            if o.match is Match.ANY:
                self.branches += [
                    Branch(o.value, c.id, compile_condition(c.condition, parameters))
                    for c in o.clauses
                ]
            else:
                ids = "+".join(c.id for c in o.clauses)
                self.branches.append(Branch(o.value, ids, _all(o.clauses, parameters)))
        self.outcome_dtype = pl.Enum([o.value for o in table.outcomes])
        self.clause_dtype = pl.Enum([b.clause for b in self.branches])

    def _compile_collect(self, parameters: ParameterSnapshot) -> None:
        for o in self.table.outcomes:
            if o.value in _RESERVED:
                raise ValueError(f"outcome {o.value!r} of {self.table.id!r} names a result column")
            guards = [compile_condition(c.condition, parameters) for c in o.clauses]
            joined = pl.all_horizontal if o.match is Match.ALL else pl.any_horizontal
            self.reached[o.value] = joined(guards) if len(guards) > 1 else guards[0]
        self.severities = {o.value: o.severity for o in self.table.outcomes}

    @property
    def has_verdict(self) -> bool:
        """A collect table whose outcomes all carry a severity (a table of breaches)."""
        return self.collect and all(s is not None for s in self.severities.values())

    def collect_expressions(self) -> tuple[list[pl.Expr], list[pl.Expr]]:
        """For a collect table: (reached, derived). `reached` is one Boolean per outcome
        (named after it) over the input columns; `derived`, over those Boolean columns, is
        for a table of breaches, `verdict` (Enum: eligible, eligible_with_warnings,
        ineligible). evaluate() adds `breaches`, the outcomes reached in table order."""
        if not self.collect:
            raise ValueError(f"table {self.table.id!r} is a first-hit table: use expressions()")
        reached = [expr.alias(value) for value, expr in self.reached.items()]
        derived = [self._verdict().alias("verdict")] if self.has_verdict else []
        return reached, derived

    def _breaches(self, reached: pl.DataFrame) -> pl.Series:
        """The outcomes reached, as a list per record. Building lists row by row is slow in
        polars, so each record's outcomes become a bit mask first; the few distinct masks
        are turned into lists once, and each record gathers its own."""
        names = list(self.reached)
        bits = [pl.col(n).cast(pl.UInt64) * (1 << i) for i, n in enumerate(names)]
        mask = reached.select(pl.sum_horizontal(bits).alias("mask")).to_series()
        distinct = mask.unique().sort()
        lists = [[n for i, n in enumerate(names) if m >> i & 1] for m in distinct.to_list()]
        lookup = pl.Series("breaches", lists, dtype=pl.List(pl.Enum(names)))
        index = pl.int_range(len(distinct), eager=True, dtype=pl.UInt32)
        return lookup.gather(mask.replace_strict(distinct, index))

    def _verdict(self) -> pl.Expr:
        def any_of(severity: Severity) -> pl.Expr:
            names = [v for v, s in self.severities.items() if s is severity]
            return pl.any_horizontal([pl.col(n) for n in names]) if names else pl.lit(False)

        return (
            pl.when(any_of(Severity.REFUSE))
            .then(pl.lit(Verdict.INELIGIBLE.value, VERDICT_DTYPE))
            .when(any_of(Severity.WARN))
            .then(pl.lit(Verdict.WITH_WARNINGS.value, VERDICT_DTYPE))
            .otherwise(pl.lit(Verdict.ELIGIBLE.value, VERDICT_DTYPE))
        )

    def expressions(self) -> tuple[pl.Expr, pl.Expr]:
        """(outcome, clause) expressions over columns named after the table's inputs.

        Each is a coalesce of Enum literals guarded by the conditions: the first branch that
        holds wins. polars evaluates the guards once for both (common subexpressions) and a
        coalesce of Enum columns is several times cheaper than a nested when/then chain."""
        if self.collect:
            raise ValueError(
                f"table {self.table.id!r} collects outcomes: use collect_expressions()"
            )
        clause = pl.coalesce(
            [pl.when(b.expression).then(pl.lit(b.clause, self.clause_dtype)) for b in self.branches]
        )
        by_outcome: dict[str, list[pl.Expr]] = {}
        for branch in self.branches:
            by_outcome.setdefault(branch.outcome, []).append(branch.expression)
        outcome = pl.coalesce(
            [
                pl.when(pl.any_horizontal(guards)).then(pl.lit(value, self.outcome_dtype))
                for value, guards in by_outcome.items()
            ]
        )
        return outcome.alias("outcome"), clause.alias("clause")

    def evaluate(self, frame: pl.DataFrame, first_row: int = 1) -> pl.DataFrame:
        """First-hit: columns `outcome` and `clause` (Enum, null where no outcome applies);
        collect: the columns of collect_expressions(); then `approximate` (inputs given as
        approximate figures, comma-separated), row for row.
        `first_row` numbers the frame's first row in error messages (for chunked input)."""
        prepared = prepare_inputs(frame, self.table.inputs, first_row)
        rows = prepared.frame.lazy()
        if self.collect:
            reached, derived = self.collect_expressions()
            result = rows.select(reached).collect()
            result = result.with_columns(self._breaches(result), *derived)
        else:
            result = rows.select(*self.expressions()).collect()
        return _broadcast(result, frame.height).with_columns(prepared.approximate)


def _broadcast(result: pl.DataFrame, height: int) -> pl.DataFrame:
    """One row per record even when no expression reads a column (a table without inputs,
    or conditions that always hold give a single literal row)."""
    if result.height == height:
        return result
    return result.select(pl.all().gather(pl.zeros(height, dtype=pl.UInt32, eager=True)))


def compile_batch(table: RuleTable, parameters: ParameterSnapshot) -> BatchEvaluator:
    return BatchEvaluator(table, parameters)


def _all(clauses: tuple[Clause, ...], parameters: ParameterSnapshot) -> pl.Expr:
    return pl.all_horizontal([compile_condition(c.condition, parameters) for c in clauses])


def compile_condition(condition: Condition, parameters: ParameterSnapshot) -> pl.Expr:
    if isinstance(condition, AllOf):
        return pl.all_horizontal([compile_condition(c, parameters) for c in condition.children])
    if isinstance(condition, AnyOf):
        return pl.any_horizontal([compile_condition(c, parameters) for c in condition.children])
    if isinstance(condition, Not):
        return compile_condition(condition.child, parameters).not_()
    return _leaf(condition, parameters)


def _leaf(condition: Condition, parameters: ParameterSnapshot) -> pl.Expr:
    if isinstance(condition, IsTrue):
        column = pl.col(condition.input)
        return column if condition.expected else column.not_()
    if isinstance(condition, Contains):
        return pl.col(condition.input).list.contains(condition.member)
    if isinstance(condition, InRange):
        return _range(condition, parameters)
    if isinstance(condition, Always):
        return pl.lit(True)
    raise TypeError(f"no batch form for condition {type(condition).__name__}")


def _range(condition: InRange, parameters: ParameterSnapshot) -> pl.Expr:
    interval = resolve_interval(condition, parameters)
    column = pl.col(condition.input)
    tests: list[pl.Expr] = []
    if interval.lower is not None:
        bound = interval.lower.value  # a Decimal bound stays exact in polars
        tests.append(column >= bound if interval.lower.inclusive else column > bound)
    if interval.upper is not None:
        bound = interval.upper.value
        tests.append(column <= bound if interval.upper.inclusive else column < bound)
    return pl.all_horizontal(tests) if len(tests) > 1 else tests[0]


__all__ = ["BatchEvaluator", "BatchInputError", "compile_batch", "compile_condition"]
