"""Figures typed as text in a column (CSV cells): read exactly, never through floats.

Plain numbers (5000, 7.5) are converted by polars in one pass; anything else (五千, 约5000,
５０００, 1.2万) goes through the same parser as a single decision, row by row. A count
column becomes Int64; a quantity with fractions becomes an exact Decimal column, so 7.999…
hours stays below an 8-hour bound whatever the number of nines.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from govops.lawcode.figures.zh import MAX_DECIMALS, MAX_DIGITS, Figure, FigureError, parse_figure
from govops.lawcode.rules.inputs import InputKind, InputSpec, unit_mismatch
from govops.lawcode.texts.messages import Message, Text, msg

# ASCII digits only (\d would admit other scripts' digits), within the figure limits.
PLAIN = rf"^[0-9]{{1,{MAX_DIGITS}}}(\.[0-9]{{1,{MAX_DECIMALS}}})?$"


class BatchInputError(ValueError):
    """Input columns that cannot be evaluated, with the column and row to fix; `message`
    says it (a Message, translated where shown; plain text from a caller outside the core)."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


def _at(column: str, row: int, problem: Message) -> Message:
    return msg(
        "column {column}, row {row}: {problem}", column=repr(column), row=row, problem=problem
    )


def read_figures(series: pl.Series, spec: InputSpec, first_row: int) -> tuple[pl.Series, pl.Series]:
    """(typed column, approximate mask). Empty cells become null."""
    text = series.str.strip_chars()
    text = text.set(text == "", None)
    irregular = (~text.str.contains(PLAIN)).fill_null(False).arg_true().to_list()
    exact = text.str.to_decimal(scale=MAX_DECIMALS)
    approximate = pl.repeat(False, len(text), eager=True, dtype=pl.Boolean)
    if irregular:
        figures = [_parse(text[i], spec, i + first_row) for i in irregular]
        exact = exact.scatter(irregular, [Decimal(f.value) for f in figures])
        approximate = approximate.scatter(irregular, [f.approximate for f in figures])
    lost = (exact.is_null() & text.is_not_null()).arg_true()
    if len(lost):
        row = lost[0] + first_row
        unread = msg("cannot read {raw}", raw=repr(text[lost[0]]))
        raise BatchInputError(_at(spec.name, row, unread))
    return _typed(exact.alias(spec.name), text, spec, first_row), approximate


def _parse(raw: str, spec: InputSpec, row: int) -> Figure:
    name = spec.name
    try:
        figure = parse_figure(raw)
    except FigureError as error:
        raise BatchInputError(_at(name, row, error.message)) from None
    mismatch = unit_mismatch(spec, figure)
    if mismatch:
        raise BatchInputError(_at(spec.name, row, mismatch))
    return figure


def _typed(exact: pl.Series, text: pl.Series, spec: InputSpec, first_row: int) -> pl.Series:
    fractional = (exact != exact.round(0)).fill_null(False)
    if not fractional.any():
        return exact.cast(pl.Int64)
    if spec.kind is InputKind.COUNT:
        index = fractional.arg_true()[0]
        problem = msg("{value} is not a whole number", value=str(text[index]))
        raise BatchInputError(_at(spec.name, index + first_row, problem))
    return exact
