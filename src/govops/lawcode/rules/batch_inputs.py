"""Input columns for batch evaluation, checked as strictly as a single decision checks a
record: a record is never graded on a value nobody gave, nor on one a single decision
would refuse (negative, fractional count, NaN, unknown code)."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from govops.lawcode.figures.zh import MAX_DIGITS
from govops.lawcode.rules.batch_figures import BatchInputError, read_figures
from govops.lawcode.rules.inputs import InputKind, InputScalar, InputSpec
from govops.lawcode.texts.messages import msg

_TOO_LARGE = 10**MAX_DIGITS
_EMPTY_TYPE = {
    InputKind.COUNT: pl.Int64,
    InputKind.QUANTITY: pl.Float64,
    InputKind.FLAG: pl.Boolean,
}


@dataclass(frozen=True, slots=True)
class PreparedInputs:
    frame: pl.DataFrame  # one typed column per input of the table
    approximate: pl.Series  # per row, the inputs given as approximate figures ("a,b"), or null


def prepare_inputs(
    frame: pl.DataFrame, specs: Mapping[str, InputSpec], first_row: int = 1
) -> PreparedInputs:
    """Add defaulted columns, read figures typed as text, refuse what a decision refuses.
    `first_row` numbers the frame's first row in error messages (for chunked input)."""
    columns: list[pl.Series] = []
    approximate: dict[str, pl.Series] = {}
    for name, spec in specs.items():
        if name not in frame.columns:
            if spec.default is None:
                raise BatchInputError(
                    msg("column {column} is missing and has no default", column=repr(name))
                )
            columns.append(_constant(name, spec.default, frame.height))
            continue
        series = _plain_type(frame.get_column(name), spec)
        if spec.kind in (InputKind.COUNT, InputKind.QUANTITY) and series.dtype == pl.String:
            series, approximate[name] = read_figures(series, spec, first_row)
        columns.append(_column(series, spec, first_row))
    return PreparedInputs(pl.DataFrame(columns), _approximate_names(approximate, frame.height))


def _plain_type(series: pl.Series, spec: InputSpec) -> pl.Series:
    """An all-empty column (Parquet type Null) as empty cells of the input's type; a
    categorical column as its text."""
    if series.dtype == pl.Null and spec.kind in _EMPTY_TYPE:
        return series.cast(_EMPTY_TYPE[spec.kind])
    if isinstance(series.dtype, pl.Categorical | pl.Enum):
        return series.cast(pl.String)
    return series


def _approximate_names(masks: dict[str, pl.Series], height: int) -> pl.Series:
    flagged = {name: mask for name, mask in masks.items() if mask.any()}
    if not flagged:
        return pl.repeat(None, height, eager=True, dtype=pl.String).alias("approximate")
    names = [pl.when(pl.lit(mask)).then(pl.lit(name)) for name, mask in flagged.items()]
    joined = pl.concat_str(names, separator=",", ignore_nulls=True)
    return pl.select(pl.when(joined != "").then(joined).alias("approximate")).to_series()


def _constant(name: str, value: InputScalar, height: int) -> pl.Series:
    if isinstance(value, frozenset):
        return pl.Series(name, [sorted(value)]).new_from_index(0, height)
    return pl.Series(name, [value]).new_from_index(0, height)


def _column(series: pl.Series, spec: InputSpec, first_row: int) -> pl.Series:
    if spec.kind in (InputKind.COUNT, InputKind.QUANTITY):
        series = _check_figures(series, spec, first_row)
    elif spec.kind is InputKind.FLAG:
        series = _flags(series, first_row)
    else:
        _check_codes(series, spec, first_row)
    if series.null_count():
        if spec.default is None:
            row = series.is_null().arg_true()[0] + first_row
            raise BatchInputError(
                msg(
                    "column {column} is empty at row {row} and has no default",
                    column=repr(spec.name),
                    row=row,
                )
            )
        series = _fill(series, spec.default)
    return series


def _fill(series: pl.Series, default: InputScalar) -> pl.Series:
    if isinstance(default, frozenset):
        filler = pl.lit(pl.Series([sorted(default)], dtype=series.dtype))
        return pl.select(pl.lit(series).fill_null(filler.first())).to_series()
    return series.fill_null(default)


def _first(mask: pl.Series, series: pl.Series, first_row: int) -> tuple[int, object]:
    index = mask.arg_true()[0]
    return index + first_row, series[index]


def _check_figures(series: pl.Series, spec: InputSpec, first_row: int) -> pl.Series:
    """The refusals of a single decision: not a number, NaN or infinite, negative, and for a
    count a fraction. A count column comes out as Int64. Cheap reductions first (a sum is
    NaN or infinite when any value is; a minimum shows a negative); rows are looked for
    only when one of them shows a problem."""
    name = spec.name
    if not series.dtype.is_numeric():
        raise BatchInputError(
            msg(
                "column {column} must hold numbers, not {kind}",
                column=repr(name),
                kind=str(series.dtype),
            )
        )
    if series.dtype.is_float() and not math.isfinite(series.sum()):
        broken = (series.is_nan() | series.is_infinite()).fill_null(False)
        if broken.any():
            row, value = _first(broken, series, first_row)
            raise BatchInputError(
                msg(
                    "column {column}, row {row}: {value} is not a figure",
                    column=repr(name),
                    row=row,
                    value=str(value),
                )
            )
    minimum, maximum = series.min(), series.max()
    if minimum is not None and minimum < 0:  # type: ignore[operator]
        row, value = _first((series < 0).fill_null(False), series, first_row)
        raise BatchInputError(
            msg(
                "column {column}, row {row}: {value} is negative",
                column=repr(name),
                row=row,
                value=str(value),
            )
        )
    if maximum is not None and maximum >= _TOO_LARGE:
        row, value = _first((series >= _TOO_LARGE).fill_null(False), series, first_row)
        raise BatchInputError(
            msg(
                "column {column}, row {row}: {value} is too large to be a figure"
                " (more than {digits} digits before the point)",
                column=repr(name),
                row=row,
                value=str(value),
                digits=MAX_DIGITS,
            )
        )
    if spec.kind is InputKind.COUNT and not series.dtype.is_integer():
        fractional = (series != series.round(0)).fill_null(False)
        if fractional.any():
            row, value = _first(fractional, series, first_row)
            raise BatchInputError(
                msg(
                    "column {column}, row {row}: {value} is not a whole number",
                    column=repr(name),
                    row=row,
                    value=str(value),
                )
            )
        series = series.cast(pl.Int64)
    return series


def _check_codes(series: pl.Series, spec: InputSpec, first_row: int) -> None:
    if not isinstance(series.dtype, pl.List):
        raise BatchInputError(
            msg(
                "column {column} must hold lists of codes, not {kind}",
                column=repr(spec.name),
                kind=str(series.dtype),
            )
        )
    known = sorted(spec.vocabulary)
    strange = series.list.eval(pl.element().is_in(known).not_()).list.any().fill_null(False)
    if strange.any():
        index = strange.arg_true()[0]
        unknown = sorted(set(series[index].to_list()) - spec.vocabulary)
        raise BatchInputError(
            msg(
                "column {column}, row {row}: unknown code {code}",
                column=repr(spec.name),
                row=index + first_row,
                code=repr(unknown[0]),
            )
        )


def _flags(series: pl.Series, first_row: int) -> pl.Series:
    if series.dtype == pl.Boolean:
        return series
    if series.dtype != pl.String:
        raise BatchInputError(
            msg(
                "column {column} must hold true/false, not {kind}",
                column=repr(series.name),
                kind=str(series.dtype),
            )
        )
    true = series == "true"
    if (true | (series == "false")).fill_null(True).all():  # the usual column, read at once
        return true
    lowered = series.str.strip_chars().str.to_lowercase()
    bad = ~lowered.is_in(["true", "false", ""]) & lowered.is_not_null()
    if bad.any():
        row, value = _first(bad, series, first_row)
        raise BatchInputError(
            msg(
                "column {column}, row {row}: {value} is not true/false",
                column=repr(series.name),
                row=row,
                value=repr(value),
            )
        )
    return lowered.replace({"": None}).eq("true")


def flag_columns(specs: Mapping[str, InputSpec]) -> dict[str, pl.DataType]:
    """The columns a reader may read as Boolean (a flag input's name and label): true and
    false in any case, as the text check reads them; a reader that meets another cell reads
    the column as text, so that the check names the cell."""
    flags = [spec for spec in specs.values() if spec.kind is InputKind.FLAG]
    return {column: pl.Boolean() for s in flags for column in (s.name, s.label) if column}


@dataclass(frozen=True, slots=True)
class ColumnReport:
    renamed: dict[str, str]  # column headed with an input's label -> the input's name
    ignored: tuple[str, ...]  # columns that are no input of the table (kept, not used)
    defaulted: tuple[str, ...]  # inputs with no column, taken at their default


def check_columns(columns: list[str], specs: Mapping[str, InputSpec]) -> ColumnReport:
    """Match columns to inputs by name or by the input's label (参与人数 for participants);
    refuse a column that looks like a misspelt input, and a file with no input at all
    (either would have every input silently defaulted)."""
    by_label = {spec.label: name for name, spec in specs.items() if spec.label}
    renamed = {c: by_label[c] for c in columns if c not in specs and c in by_label}
    named = {renamed.get(c, c) for c in columns}
    repeated = sorted(set(renamed.values()) & set(columns))
    if repeated:
        raise BatchInputError(
            msg("input {input} has two columns: its name and its label", input=repr(repeated[0]))
        )
    ignored = [c for c in columns if c not in specs and c not in renamed]
    defaulted = [name for name in specs if name not in named]
    for column in ignored:
        near = difflib.get_close_matches(column, defaulted, n=1, cutoff=0.8)
        if near:
            raise BatchInputError(
                msg(
                    "column {column} is no input; did you mean {near}?",
                    column=repr(column),
                    near=repr(near[0]),
                )
            )
    if len(defaulted) == len(specs) and specs:
        raise BatchInputError(
            msg(
                "no column is an input of the table (inputs: {inputs}); name the columns after"
                " the inputs or their labels",
                inputs=", ".join(specs),
            )
        )
    return ColumnReport(renamed, tuple(ignored), tuple(defaulted))
