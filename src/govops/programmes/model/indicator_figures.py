"""A plan's yearly figures as an office reports them (one row per unit, indicator and year,
with the figure's source), checked row by row (where each unit then stands is
`lawcode.plans.evaluation`'s).

A row is refused, with its line and column, for an unknown indicator, a year outside the
period (or before its baseline year, for a fall), a figure that is no plain number or is
negative, a missing unit or source, or the same unit, indicator and year given twice;
nothing is kept from a file with a refused row."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.evaluation import ReportedFigure
from govops.lawcode.plans.indicators import Indicator
from govops.lawcode.texts.messages import Message, msg

COLUMNS = ("unit", "indicator", "year", "value", "source")
MAX_TEXT = 200
_NUMBER = re.compile(r"^\d+(\.\d+)?$")  # a plain figure: no sign, no grouping, no unit


@dataclass(frozen=True, slots=True)
class RowRefusal:
    line: int
    column: str
    message: Message


def read_figures(
    rows: Iterable[tuple[int, Mapping[str, str]]], indicators: Sequence[Indicator]
) -> tuple[list[ReportedFigure], list[RowRefusal]]:
    """Every row's figure, or every row's refusal (a row may have several)."""
    known = {i.id: i for i in indicators}
    kept: list[ReportedFigure] = []
    refused: list[RowRefusal] = []
    first_line: dict[tuple[str, str, int], int] = {}
    for line, cells in rows:
        found = _row(line, cells, known, refused)
        if found is None:
            continue
        key = (found.unit, found.indicator, found.year)
        if key in first_line:
            said = msg("given twice (also line {line})", line=str(first_line[key]))
            refused.append(RowRefusal(line, "year", said))
            continue
        first_line[key] = line
        kept.append(found)
    return ([] if refused else kept), refused


def _row(
    line: int,
    cells: Mapping[str, str],
    known: Mapping[str, Indicator],
    refused: list[RowRefusal],
) -> ReportedFigure | None:
    before = len(refused)
    text = {c: (cells.get(c) or "").strip() for c in COLUMNS}
    for column in ("unit", "source"):
        if not text[column]:
            refused.append(RowRefusal(line, column, msg("is required")))
        elif len(text[column]) > MAX_TEXT:
            said = msg("is longer than {limit} characters", limit=MAX_TEXT)
            refused.append(RowRefusal(line, column, said))
    indicator = known.get(text["indicator"])
    if indicator is None:
        said = msg("no indicator {indicator} in the plan", indicator=repr(text["indicator"]))
        refused.append(RowRefusal(line, "indicator", said))
    year = _year(line, text["year"], indicator, refused)
    if not _NUMBER.match(text["value"]):
        said = msg("must be a plain number, got {raw}", raw=repr(text["value"]))
        refused.append(RowRefusal(line, "value", said))
    if len(refused) > before or indicator is None or year is None:
        return None
    value = Decimal(text["value"])
    return ReportedFigure(line, text["unit"], indicator.id, year, value, text["source"])


def _year(
    line: int, raw: str, indicator: Indicator | None, refused: list[RowRefusal]
) -> int | None:
    if not raw.isdigit() or len(raw) != 4:
        refused.append(RowRefusal(line, "year", msg("must be a year, got {raw}", raw=repr(raw))))
        return None
    year = int(raw)
    if indicator is None:
        return year
    first = min(indicator.first_year, indicator.baseline_year or indicator.first_year)
    if not first <= year <= indicator.last_year:
        said = msg(
            "{year} is outside {first}-{last}",
            year=raw,
            first=str(first),
            last=str(indicator.last_year),
        )
        refused.append(RowRefusal(line, "year", said))
        return None
    return year
