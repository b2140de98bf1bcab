"""A plan's yearly figures as reported (each with its unit and source) and where each unit
stands on every indicator as of a year, with the years of the evaluations the plan asks for:
mid-term and final (六(四) 中期和终期评估; the mid-term year is the period's middle year, a
reading: the plan names none)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.assessment import assess
from govops.lawcode.plans.indicators import Assessment, Indicator
from govops.lawcode.texts.messages import Text


@dataclass(frozen=True, slots=True)
class ReportedFigure:
    line: int
    unit: str
    indicator: str
    year: int
    value: Decimal
    source: Text  # where it comes from, as reported (or a message: counted by a register)


@dataclass(frozen=True, slots=True)
class Standing:
    unit: str
    assessments: tuple[Assessment, ...]  # in the pack's order of indicators


def standings(
    indicators: Sequence[Indicator], figures: Iterable[ReportedFigure], year: int
) -> list[Standing]:
    """Each unit's standing as of the end of `year`, units in the order first reported;
    an indicator with no figure for a unit stands as no figure."""
    by_unit: dict[str, dict[str, dict[int, Decimal]]] = {}
    for figure in figures:
        yearly = by_unit.setdefault(figure.unit, {}).setdefault(figure.indicator, {})
        yearly[figure.year] = figure.value
    return [
        Standing(unit, tuple(assess(i, reported.get(i.id, {}), year) for i in indicators))
        for unit, reported in by_unit.items()
    ]


def evaluation_years(indicators: Sequence[Indicator]) -> tuple[int, int]:
    """The mid-term and final evaluation years: the period's middle and its last year."""
    first, last = indicators[0].first_year, indicators[0].last_year
    return first + (last - first) // 2, last
