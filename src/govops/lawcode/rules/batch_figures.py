"""Figures typed as text in a column (CSV cells): read exactly, never through floats.

A count column of plain digits is converted by polars in one pass. Otherwise each distinct
text is read once and every row takes its text's reading: plain numbers (5000, 7.5) by
polars, anything else (五千, 约5000, ５０００, 1.2万) by the same parser as a single
decision; a column of mostly distinct texts is read as it is, row by row. A count
column becomes Int64; a quantity with fractions becomes an exact Decimal column, so 7.999…
hours stays below an 8-hour bound whatever the number of nines.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """(typed column, approximate mask). Empty cells become null.

    A column of many rows and few distinct texts (the usual: counts, hours) is read once per
    distinct text, and each row takes its text's reading; a column of mostly distinct texts
    is read as it is. Either way a refusal names the earliest row that has it."""
    if spec.kind is InputKind.COUNT:
        whole = _plain_whole_numbers(series)
        if whole is not None:  # the usual count column, read in one pass
            return whole.alias(spec.name), pl.repeat(False, len(series), eager=True)
    distinct = series.drop_nulls().unique()
    by_text = len(distinct) * 2 < len(series)
    values = distinct if by_text else series
    codes = series.cast(pl.Enum(distinct)).to_physical() if by_text else None

    def earliest(marked: pl.Series) -> tuple[int, int]:
        """(row, index in `values`) of the first row whose value `marked` marks."""
        rows = marked if codes is None else marked.gather(codes)
        index = int(rows.fill_null(False).arg_true()[0])
        return index + first_row, index if codes is None else int(codes[index])

    exact, approximate = _read(values, spec, earliest)
    if codes is not None:
        exact, approximate = exact.gather(codes), approximate.gather(codes).fill_null(False)
    return exact.alias(spec.name), approximate


def _plain_whole_numbers(series: pl.Series) -> pl.Series | None:
    """The column as Int64 when every cell is empty or plain ASCII digits (what `PLAIN`
    reads as a whole number), else None. The integer reader also takes a sign, which a
    single decision refuses ("+5", "-0"), so a signed cell sends the column the long way."""
    whole = series.str.to_integer(base=10, strict=False)
    if whole.null_count() != series.null_count() or _signed(series):
        return None
    largest = whole.max()
    if largest is not None and largest >= 10**MAX_DIGITS:
        return None
    return whole


def _signed(series: pl.Series) -> bool:
    return bool((series.str.starts_with("+") | series.str.starts_with("-")).any())


Earliest = Callable[[pl.Series], tuple[int, int]]


def _read(values: pl.Series, spec: InputSpec, earliest: Earliest) -> tuple[pl.Series, pl.Series]:
    text = values.str.strip_chars()
    text = text.set(text == "", None)
    irregular = (~text.str.contains(PLAIN)).fill_null(False).arg_true()
    exact = text.str.to_decimal(scale=MAX_DECIMALS)
    approximate = pl.repeat(False, len(text), eager=True, dtype=pl.Boolean)
    if len(irregular):
        readings = [_reading(raw, spec) for raw in text.gather(irregular)]
        refused = {
            int(i): r for i, r in zip(irregular, readings, strict=True) if not isinstance(r, Figure)
        }
        if refused:
            row, index = earliest(approximate.scatter(list(refused), True))
            raise BatchInputError(_at(spec.name, row, refused[index]))
        figures = [r for r in readings if isinstance(r, Figure)]
        exact = exact.scatter(irregular, [Decimal(f.value) for f in figures])
        approximate = approximate.scatter(irregular, [f.approximate for f in figures])
    lost = exact.is_null() & text.is_not_null()
    if lost.any():
        row, index = earliest(lost)
        raise BatchInputError(_at(spec.name, row, msg("cannot read {raw}", raw=repr(text[index]))))
    return _typed(exact, text, spec, earliest), approximate


def _reading(raw: str, spec: InputSpec) -> Figure | Message:
    """The figure a single decision reads in `raw`, or why it refuses it."""
    try:
        figure = parse_figure(raw)
    except FigureError as error:
        return error.message
    return unit_mismatch(spec, figure) or figure


def _typed(exact: pl.Series, text: pl.Series, spec: InputSpec, earliest: Earliest) -> pl.Series:
    fractional = (exact != exact.round(0)).fill_null(False)
    if not fractional.any():
        return exact.cast(pl.Int64)
    if spec.kind is InputKind.COUNT:
        row, index = earliest(fractional)
        problem = msg("{value} is not a whole number", value=str(text[index]))
        raise BatchInputError(_at(spec.name, row, problem))
    return exact
