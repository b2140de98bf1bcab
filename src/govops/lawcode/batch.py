"""Batch evaluation over columnar data: every record's outcome and the clause that decided it.

A first-hit table compiles to polars expressions: one for the outcome, one for the id of the
deciding clause, sharing the clause conditions, so per-record provenance costs little more
than the outcome alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from govops.lawcode.batch_figures import BatchInputError
from govops.lawcode.batch_inputs import prepare_inputs
from govops.lawcode.conditions import (
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
from govops.lawcode.parameters import ParameterSnapshot
from govops.lawcode.tables import Clause, HitPolicy, Match, RuleTable


@dataclass(frozen=True, slots=True)
class Branch:
    outcome: str
    clause: str  # clause id; for an all-of outcome, its clause ids joined by "+"
    expression: pl.Expr


class BatchEvaluator:
    def __init__(self, table: RuleTable, parameters: ParameterSnapshot) -> None:
        if table.hit is not HitPolicy.FIRST:
            raise ValueError(f"table {table.id!r} collects outcomes; batch needs a first-hit table")
        self.table = table
        self.branches: list[Branch] = []  # in priority order: the first that holds decides
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

    def expressions(self) -> tuple[pl.Expr, pl.Expr]:
        """(outcome, clause) expressions over columns named after the table's inputs.

        Each is a coalesce of Enum literals guarded by the conditions: the first branch that
        holds wins. polars evaluates the guards once for both (common subexpressions) and a
        coalesce of Enum columns is several times cheaper than a nested when/then chain."""
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
        """Columns `outcome` and `clause` (Enum, null where no outcome applies) and
        `approximate` (inputs given as approximate figures, comma-separated), row for row.
        `first_row` numbers the frame's first row in error messages (for chunked input)."""
        prepared = prepare_inputs(frame, self.table.inputs, first_row)
        outcome, clause = self.expressions()
        decided = prepared.frame.lazy().select(outcome, clause).collect()
        return decided.with_columns(prepared.approximate)


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
