"""What-if: re-evaluate records with one parameter changed; list those whose outcome moves."""

from __future__ import annotations

import polars as pl

from govops.lawcode.dated.parameters import ParameterSnapshot, ParameterValue
from govops.lawcode.rules.batch import compile_batch
from govops.lawcode.rules.tables import HitPolicy, RuleTable


def what_if(
    table: RuleTable,
    records: pl.DataFrame,
    parameters: ParameterSnapshot,
    parameter: str,
    value: ParameterValue,
) -> pl.DataFrame:
    """Rows (1-based `row`) whose outcome differs, with outcome and clause before and after."""
    if table.hit is not HitPolicy.FIRST:
        raise ValueError(
            f"what-if compares the outcome of a first-hit table; {table.id!r} collects"
        )
    changed = parameters.with_override(parameter, value)
    before = compile_batch(table, parameters).evaluate(records)
    after = compile_batch(table, changed).evaluate(records)
    both = pl.DataFrame(
        {
            "row": pl.int_range(1, records.height + 1, eager=True),
            "outcome_before": before["outcome"].cast(pl.String),
            "clause_before": before["clause"].cast(pl.String),
            "outcome_after": after["outcome"].cast(pl.String),
            "clause_after": after["clause"].cast(pl.String),
        }
    )
    return both.filter(pl.col("outcome_before").ne_missing(pl.col("outcome_after")))
