"""Progress records read from a CSV or Parquet file, every cell checked, errors naming the
row; and the JSON each summary line is printed as."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from govops.lawcode.figures.vi import Style, ViNumberError, parse_vi_number
from govops.lawcode.plans.progress import LineProgress, ProgressRecord
from govops.platform.cli.output import fail

REQUIRED = ("line", "area", "year", "spent")
OPTIONAL = ("planned", "done")


def _say(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def progress_records(frame: pl.DataFrame, lang: str, style: Style = "vi") -> list[ProgressRecord]:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        names = ", ".join(missing)
        fail(_say(lang, f"thiếu cột: {names}", f"missing column(s): {names}"))
    frame = frame.cast(pl.String)
    rows = frame.iter_rows(named=True)
    return [_record(row, index + 2, lang, style) for index, row in enumerate(rows)]


def _record(row: dict[str, str | None], line: int, lang: str, style: Style) -> ProgressRecord:
    for column in ("line", "area", "year", "spent"):
        if not (row.get(column) or "").strip():
            fail(_say(lang, f"dòng {line}: ô '{column}' trống", f"row {line}: '{column}' is empty"))
    year_text = (row["year"] or "").strip()
    if not (year_text.isascii() and year_text.isdigit()):
        fail(
            _say(
                lang,
                f"dòng {line}: năm {year_text!r} không hợp lệ",
                f"row {line}: year {year_text!r} is not a year",
            )
        )
    return ProgressRecord(
        (row["line"] or "").strip(),
        (row["area"] or "").strip(),
        int(year_text),
        _number(row.get("planned"), "planned", line, lang, style),
        _number(row.get("done"), "done", line, lang, style),
        _number(row["spent"], "spent", line, lang, style) or Decimal(0),
    )


def _number(text: str | None, column: str, line: int, lang: str, style: Style) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        value = parse_vi_number(text, style)
    except ViNumberError as error:
        fail(
            _say(
                lang, f"dòng {line}, cột {column}: {error.vi}", f"row {line}, {column}: {error.en}"
            )
        )
    if value < 0:
        fail(_say(lang, f"dòng {line}, cột {column}: số âm", f"row {line}, {column}: negative"))
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
