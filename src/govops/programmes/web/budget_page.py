"""What the budget page shows: the plan check as the CLI gives it (plan_check_json), the
years of the table, and the findings grouped by severity, errors first."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import cast

from govops.lawcode.plans.check import PlanCheck
from govops.lawcode.plans.findings import FindingSeverity
from govops.programmes.service import plan_check_json

Finding = dict[str, object]


def cell_state(figures: Mapping[str, Decimal | int | None]) -> str:
    """How a printed figure stands against the recomputed one: "differs" when they are
    not the same, "blank" when the text leaves empty a cell that adds up to something
    (e.g. a group row whose rows carry the figures), "" when they agree."""
    stated, computed = figures["stated"], figures["computed"]
    if stated is None:
        return "blank" if computed else ""
    return "" if stated == computed else "differs"


def budget_context(check: PlanCheck, language: str) -> dict[str, object]:
    data = plan_check_json(check, language)
    findings = cast(list[Finding], data["findings"])
    groups = [
        (severity.value, [f for f in findings if f["severity"] == severity.value])
        for severity in FindingSeverity
    ]
    return {
        "check": data,
        "years": [str(year) for year in check.programme.budget.years],
        "finding_groups": groups,
        "cell_state": cell_state,
    }
