"""Recompute a budget table from its unit costs and quantities, exactly (Decimal), and
compare every printed figure with what it should be: lines, subtotals, yearly totals, the
grand total, the total the text states and the total written in words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.plans.budget_words import appendix_total, printed, words_findings
from govops.lawcode.plans.findings import Finding, FindingSeverity, article
from govops.lawcode.plans.programme import Budget, BudgetLine
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg

ZERO = Decimal(0)


class Basis(Enum):
    COMPONENTS = "components"  # unit cost x quantity x frequency
    CHILDREN = "children"  # the sum of the rows below it
    STATED = "stated"  # the table gives no unit cost: the printed figure is all there is


@dataclass(frozen=True, slots=True)
class YearFigures:
    year: int
    stated: Decimal | None  # None: the cell is blank
    computed: Decimal


@dataclass(frozen=True, slots=True)
class LineCheck:
    line: BudgetLine
    depth: int
    basis: Basis
    years: tuple[YearFigures, ...]
    total_stated: Decimal | None
    total_computed: Decimal


@dataclass(frozen=True, slots=True)
class BudgetCheck:
    budget: Budget
    lines: tuple[LineCheck, ...]
    year_totals: tuple[YearFigures, ...]
    grand_total_computed: Decimal
    findings: tuple[Finding, ...]

    @property
    def adds_up(self) -> bool:
        return not any(f.severity is FindingSeverity.ERROR for f in self.findings)


def _basis(line: BudgetLine) -> Basis:
    if line.components:
        return Basis.COMPONENTS
    return Basis.CHILDREN if line.children else Basis.STATED


def computed(budget: Budget, line: BudgetLine, year: int) -> Decimal:
    """The line's amount in `year`, in the table's unit, from the deepest figures known."""
    basis = _basis(line)
    if basis is Basis.COMPONENTS:
        dong = sum((c.yearly_dong() for c in line.components if year in c.years), ZERO)
        return dong / budget.unit_dong
    if basis is Basis.CHILDREN:
        return sum((computed(budget, child, year) for child in line.children), ZERO)
    stated = line.stated.get(year)
    return ZERO if stated is None else stated.value


def check_budget(budget: Budget) -> BudgetCheck:
    findings: list[Finding] = []
    checks = tuple(_walk(budget, budget.lines, 0))
    for check in checks:
        findings += _line_findings(budget, check)
    totals = tuple(
        YearFigures(
            year,
            None if budget.year_totals.get(year) is None else budget.year_totals[year].value,
            sum((computed(budget, line, year) for line in budget.lines), ZERO),
        )
        for year in budget.years
    )
    findings += _total_findings(budget)
    findings += words_findings(budget)
    grand = sum((t.computed for t in totals), ZERO)
    return BudgetCheck(budget, checks, totals, grand, tuple(findings))


def _walk(budget: Budget, lines: tuple[BudgetLine, ...], depth: int) -> Iterator[LineCheck]:
    for line in lines:
        years = tuple(
            YearFigures(
                y,
                None if line.stated.get(y) is None else line.stated[y].value,
                computed(budget, line, y),
            )
            for y in budget.years
        )
        yield LineCheck(
            line,
            depth,
            _basis(line),
            years,
            None if line.stated_total is None else line.stated_total.value,
            sum((y.computed for y in years), ZERO),
        )
        yield from _walk(budget, line.children, depth + 1)


def _mismatch(
    code: str,
    places: tuple[Citation, ...],
    stated: Decimal,
    found: Decimal,
    what: Message,
) -> Finding:
    return Finding(
        code,
        FindingSeverity.ERROR,
        msg(
            "{what}: the table prints {stated}, recomputed {computed}",
            what=what,
            stated=stated,
            computed=found,
        ),
        places,
        stated,
        found,
    )


def _line_findings(budget: Budget, check: LineCheck) -> list[Finding]:
    line, found = check.line, []
    row = article(line.cite)
    for year in check.years:
        stated = ZERO if year.stated is None else year.stated
        when = str(year.year)
        if check.basis is Basis.COMPONENTS and stated != year.computed:
            places = (line.cite, *{c.unit_cost.cite for c in line.components} - {line.cite})
            what = msg("Row {row}, {year} (unit cost x quantity)", row=row, year=when)
            found.append(_mismatch("line-recomputed", places, stated, year.computed, what))
        if check.basis is Basis.CHILDREN and line.stated:
            parts = sum((printed(c, year.year) for c in line.children), ZERO)
            if stated != parts:
                what = msg("Row {row}, {year} (sum of its rows)", row=row, year=when)
                places = (line.cite, *(c.cite for c in line.children))
                found.append(_mismatch("subtotal", places, stated, parts, what))
    if check.basis is Basis.CHILDREN and not line.stated:
        found.append(
            Finding(
                "subtotal-blank",
                FindingSeverity.NOTICE,
                msg("Row {row} leaves its figures blank; the yearly totals add its rows", row=row),
                (line.cite,),
            )
        )
    if check.total_stated is not None:
        across = sum((printed(line, y) for y in budget.years), ZERO)
        if check.total_stated != across:
            what = msg("Row {row}, Total column", row=row)
            found.append(_mismatch("line-total", (line.cite,), check.total_stated, across, what))
    return found


def _total_findings(budget: Budget) -> list[Finding]:
    found: list[Finding] = []
    grand = budget.grand_total
    for year in budget.years:
        stated = budget.year_totals.get(year)
        lines = sum((printed(line, year) for line in budget.lines), ZERO)
        if stated is None and lines:
            found.append(_missing_year_total(budget, year, lines))
        if stated is not None and stated.value != lines:
            what = msg("Total for {year}", year=str(year))
            places = (stated.cite,)
            found.append(_mismatch("year-total", places, stated.value, lines, what))
    by_years = sum((f.value for f in budget.year_totals.values()), ZERO)
    every_year = all(y in budget.year_totals for y in budget.years)
    if every_year and by_years != grand.value:  # a blank yearly total is reported above
        what = msg("Grand total (sum of the years)")
        found.append(_mismatch("grand-total", (grand.cite,), grand.value, by_years, what))
    by_lines = sum((printed(line, y) for line in budget.lines for y in budget.years), ZERO)
    if by_lines not in (grand.value, by_years):
        what = msg("Grand total (sum of the rows)")
        found.append(_mismatch("grand-total-rows", (grand.cite,), grand.value, by_lines, what))
    text = budget.text_total
    appendix = appendix_total(budget)
    if text is not None and text.value != appendix:
        found.append(
            Finding(
                "text-total",
                FindingSeverity.ERROR,
                msg(
                    "The text states a total of {stated}, the appendix {appendix}",
                    stated=text.value,
                    appendix=appendix,
                ),
                (text.cite, grand.cite),
                text.value,
                appendix,
            )
        )
    return found


def _missing_year_total(budget: Budget, year: int, lines: Decimal) -> Finding:
    return Finding(
        "year-total-missing",
        FindingSeverity.ERROR,
        msg(
            "The Total row leaves {year} blank; the rows add up to {sum}",
            year=str(year),
            sum=lines,
        ),
        (budget.grand_total.cite,),
        None,
        lines,
    )
