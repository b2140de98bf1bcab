"""Input columns for batch evaluation, checked as strictly as a single decision checks a
record: a record is never silently graded on a value nobody gave or on a value that a
single decision would refuse."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import polars as pl

from govops.lawcode.inputs import InputKind, InputScalar, InputSpec
from govops.lawcode.numbers import FigureError, parse_figure


class BatchInputError(ValueError):
    """Input columns that cannot be evaluated: missing, of the wrong type, or null."""


def prepare_inputs(
    frame: pl.DataFrame, specs: Mapping[str, InputSpec], first_row: int = 1
) -> pl.DataFrame:
    """Add defaulted columns, normalise figures typed as text, and refuse nulls that have
    no default: a record is never silently graded on a value nobody gave."""
    columns: list[pl.Series] = []
    for name, spec in specs.items():
        if name not in frame.columns:
            if spec.default is None:
                raise BatchInputError(f"column {name!r} is missing and has no default")
            columns.append(_constant(name, spec.default, frame.height))
            continue
        columns.append(_column(frame.get_column(name), spec, first_row))
    return pl.DataFrame(columns)


def _constant(name: str, value: InputScalar, height: int) -> pl.Series:
    if isinstance(value, frozenset):
        return pl.Series(name, [sorted(value)]).new_from_index(0, height)
    plain = float(value) if isinstance(value, Decimal) else value
    return pl.Series(name, [plain]).new_from_index(0, height)


def _column(series: pl.Series, spec: InputSpec, first_row: int) -> pl.Series:
    if spec.kind in (InputKind.COUNT, InputKind.QUANTITY):
        if series.dtype == pl.String:
            series = _figures(series, first_row)
        _check_figures(series, spec, first_row)
    elif spec.kind is InputKind.FLAG:
        series = _flags(series, first_row)
    else:
        _check_codes(series, spec, first_row)
    if series.null_count():
        if spec.default is None:
            row = series.is_null().arg_true()[0] + first_row
            raise BatchInputError(f"column {spec.name!r} is empty at row {row} and has no default")
        series = _fill(series, spec.default)
    return series


def _fill(series: pl.Series, default: InputScalar) -> pl.Series:
    if isinstance(default, frozenset):
        filler = pl.lit(pl.Series([sorted(default)], dtype=series.dtype))
        return pl.select(pl.lit(series).fill_null(filler.first())).to_series()
    return series.fill_null(float(default) if isinstance(default, Decimal) else default)


def _check_codes(series: pl.Series, spec: InputSpec, first_row: int) -> None:
    if not isinstance(series.dtype, pl.List):
        raise BatchInputError(f"column {spec.name!r} must hold lists of codes, not {series.dtype}")
    known = sorted(spec.vocabulary)
    strange = series.list.eval(pl.element().is_in(known).not_()).list.any().fill_null(False)
    if strange.any():
        index = strange.arg_true()[0]
        unknown = sorted(set(series[index].to_list()) - spec.vocabulary)
        raise BatchInputError(
            f"column {spec.name!r}, row {index + first_row}: unknown code {unknown[0]!r}"
        )


def _check_figures(series: pl.Series, spec: InputSpec, first_row: int) -> None:
    """The same refusals as a single decision: no negative figures, no fractional counts."""
    if not series.dtype.is_numeric():
        raise BatchInputError(f"column {spec.name!r} must hold numbers, not {series.dtype}")
    minimum = series.min()
    if isinstance(minimum, int | float) and minimum < 0:
        row = (series < 0).arg_true()[0] + first_row
        raise BatchInputError(
            f"column {spec.name!r}, row {row}: {series[row - first_row]} is negative"
        )
    if spec.kind is InputKind.COUNT and series.dtype.is_float():
        fractional = series.is_not_null() & (series != series.floor())
        if fractional.any():
            index = fractional.arg_true()[0]
            row = index + first_row
            raise BatchInputError(
                f"column {spec.name!r}, row {row}: {series[index]} is not a whole number"
            )


def _figures(series: pl.Series, first_row: int) -> pl.Series:
    values: list[float | None] = []
    for row, raw in enumerate(series.to_list(), start=first_row):
        try:
            values.append(None if raw is None or raw == "" else float(parse_figure(raw).value))
        except FigureError as error:
            raise BatchInputError(f"column {series.name!r}, row {row}: {error}") from None
    return pl.Series(series.name, values, dtype=pl.Float64)


def _flags(series: pl.Series, first_row: int) -> pl.Series:
    if series.dtype == pl.Boolean:
        return series
    if series.dtype != pl.String:
        raise BatchInputError(f"column {series.name!r} must hold true/false, not {series.dtype}")
    lowered = series.str.strip_chars().str.to_lowercase()
    bad = ~lowered.is_in(["true", "false", ""]) & lowered.is_not_null()
    if bad.any():
        index = bad.arg_true()[0]
        row = index + first_row
        raise BatchInputError(
            f"column {series.name!r}, row {row}: {series[index]!r} is not true/false"
        )
    return lowered.replace({"": None}).eq("true")
