"""What the budget page shows: every row of the appendix with its printed and recomputed
figures year by year, the totals, and the findings grouped by severity, errors first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.budget import LineCheck
from govops.lawcode.plans.check import PlanCheck
from govops.lawcode.plans.findings import Finding, FindingSeverity

MILLION = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class Cell:
    """A figure as printed (None: the cell is blank) and as recomputed."""

    stated: Decimal | None
    computed: Decimal


@dataclass(frozen=True, slots=True)
class Row:
    check: LineCheck
    total: Cell


def cell_state(figures: Cell) -> str:
    """How a printed figure stands against the recomputed one: "differs" when they are
    not the same, "blank" when the text leaves empty a cell that adds up to something
    (e.g. a group row whose rows carry the figures), "" when they agree."""
    stated, computed = figures.stated, figures.computed
    if stated is None:
        return "blank" if computed else ""
    return "" if stated == computed else "differs"


def budget_context(check: PlanCheck) -> dict[str, object]:
    budget = check.budget.budget
    groups: list[tuple[str, list[Finding]]] = [
        (severity.value, [f for f in check.findings if f.severity is severity])
        for severity in FindingSeverity
    ]
    return {
        "check": check,
        "budget": budget,
        "years": [str(year) for year in budget.years],
        "rows": [Row(c, Cell(c.total_stated, c.total_computed)) for c in check.budget.lines],
        "year_totals": [Cell(y.stated, y.computed) for y in check.budget.year_totals],
        "grand": Cell(budget.grand_total.value, check.budget.grand_total_computed),
        "grand_in_millions": check.budget.grand_total_computed * budget.unit_dong / MILLION,
        "finding_groups": groups,
        "counts": {severity: len(found) for severity, found in groups},
        "cell_state": cell_state,
    }
