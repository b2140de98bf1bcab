"""A programme checked whole: its budget recomputed and its text set against its appendix."""

from __future__ import annotations

from dataclasses import dataclass

from govops.lawcode.plans.budget import BudgetCheck, check_budget
from govops.lawcode.plans.consistency import check_consistency
from govops.lawcode.plans.findings import Finding, FindingSeverity
from govops.lawcode.plans.programme import Programme

_ORDER = {FindingSeverity.ERROR: 0, FindingSeverity.WARNING: 1, FindingSeverity.NOTICE: 2}


@dataclass(frozen=True, slots=True)
class PlanCheck:
    programme: Programme
    budget: BudgetCheck
    findings: tuple[Finding, ...]  # the budget's own, then text against appendix

    def count(self, severity: FindingSeverity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def check_plan(programme: Programme) -> PlanCheck:
    budget = check_budget(programme.budget)
    findings = [*budget.findings, *check_consistency(programme)]
    findings.sort(key=lambda f: _ORDER[f.severity])  # stable: each group keeps table order
    return PlanCheck(programme, budget, tuple(findings))
