"""The total a budget's text writes in words, read and set against the appendix; and what
"the appendix's total" is when its own figures disagree."""

from __future__ import annotations

from decimal import Decimal

from govops.lawcode.figures.vi import ViNumberError
from govops.lawcode.figures.vi_words import parse_vi_number_words
from govops.lawcode.plans.findings import Finding, FindingSeverity
from govops.lawcode.plans.programme import Budget, BudgetLine
from govops.lawcode.texts.messages import Quote, msg

ZERO = Decimal(0)


def printed(line: BudgetLine, year: int) -> Decimal:
    """What the table prints for the line in `year`; a group row left blank counts as the
    sum of its rows, as the yearly totals count it."""
    if not line.stated and line.children:
        return sum((printed(child, year) for child in line.children), ZERO)
    stated = line.stated.get(year)
    return ZERO if stated is None else stated.value


def appendix_total(budget: Budget) -> Decimal:
    """The appendix's total: the printed grand total when the printed yearly totals or the
    printed rows add up to it, else the rows' sum. One wrong figure (a yearly total, or the
    grand total) is then reported once, not again by the text's total and the words that
    agree with the rest of the table."""
    by_years = sum((f.value for f in budget.year_totals.values()), ZERO)
    by_rows = sum((printed(line, y) for line in budget.lines for y in budget.years), ZERO)
    grand = budget.grand_total.value
    return grand if grand in (by_years, by_rows) else by_rows


def words_findings(budget: Budget) -> list[Finding]:
    """The total written in words against the grand total, and how the words are written."""
    words = budget.total_in_words
    if words is None:
        return []
    grand = budget.grand_total
    try:
        reading = parse_vi_number_words(words.text)
    except ViNumberError as error:
        return [
            Finding(
                "words-unreadable",
                FindingSeverity.ERROR,
                error.message,
                (words.cite,),
            )
        ]
    found: list[Finding] = []
    dong = reading.value if reading.unit_dong is None else reading.unit_dong
    in_table_unit = dong / budget.unit_dong
    appendix = appendix_total(budget)
    if in_table_unit != appendix:
        found.append(
            Finding(
                "words-total",
                FindingSeverity.ERROR,
                msg(
                    "The total in words \u201c{words}\u201d is {value}, the appendix {appendix}",
                    words=Quote(words.text),
                    value=in_table_unit,
                    appendix=appendix,
                ),
                (words.cite, grand.cite),
                in_table_unit,
                appendix,
            )
        )
    for note in reading.irregularities:
        found.append(
            Finding(
                "words-irregular",
                FindingSeverity.NOTICE,
                note,
                (words.cite,),
            )
        )
    return found
