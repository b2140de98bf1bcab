"""Progress records read from a CSV or Parquet file, every cell checked, errors naming the
row; and the JSON each summary line is printed as."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from govops.lawcode.figures.vi import Style, ViNumberError, parse_vi_number
from govops.lawcode.plans.progress import LineProgress, ProgressRecord
from govops.platform.cli.output import fail
from govops.platform.i18n.translator import Translator

REQUIRED = ("line", "area", "year", "spent")
OPTIONAL = ("planned", "done")


def progress_records(
    frame: pl.DataFrame, t: Translator, style: Style = "vi"
) -> list[ProgressRecord]:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        fail(t._("missing column(s): {columns}", columns=", ".join(missing)))
    frame = frame.cast(pl.String)
    rows = frame.iter_rows(named=True)
    return [_record(row, index + 2, t, style) for index, row in enumerate(rows)]


def _record(row: dict[str, str | None], line: int, t: Translator, style: Style) -> ProgressRecord:
    for column in ("line", "area", "year", "spent"):
        if not (row.get(column) or "").strip():
            fail(t._("row {row}: {column} is empty", row=str(line), column=repr(column)))
    year_text = (row["year"] or "").strip()
    if not (year_text.isascii() and year_text.isdigit()):
        fail(t._("row {row}: year {year} is not a year", row=str(line), year=repr(year_text)))
    return ProgressRecord(
        (row["line"] or "").strip(),
        (row["area"] or "").strip(),
        int(year_text),
        _number(row.get("planned"), "planned", line, t, style),
        _number(row.get("done"), "done", line, t, style),
        _number(row["spent"], "spent", line, t, style) or Decimal(0),
    )


def _number(
    text: str | None, column: str, line: int, t: Translator, style: Style
) -> Decimal | None:
    if text is None or not text.strip():
        return None
    where = {"row": str(line), "column": column}
    try:
        value = parse_vi_number(text, style)
    except ViNumberError as error:
        fail(t._("row {row}, column {column}: {problem}", problem=error.message, **where))
    if value < 0:
        fail(t._("row {row}, column {column}: negative", **where))
    return value


def _share(value: Decimal | None) -> Decimal | None:
    """A share to four places (0.9523): enough for a progress report, readable in JSON."""
    return None if value is None else value.quantize(Decimal("0.0001"))


def progress_json(item: LineProgress) -> dict[str, object]:
    return {
        "line": item.line_id,
        "year": item.year,
        "budget": item.budget,
        "spent": item.spent,
        "spent_share": _share(item.spent_share),
        "planned": item.planned,
        "done": item.done,
        "done_share": _share(item.done_share),
        "areas": list(item.areas),
    }
