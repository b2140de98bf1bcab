"""A plan check as plain JSON values, in the reader's language: what `govops programme
check-budget` prints. Figures stay exact (Decimal); the grand total is also given as the
reader writes money; the plan's own texts come from the pack (in the document's language
when the pack has none in the reader's)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from govops.lawcode.plans.budget import LineCheck, YearFigures
from govops.lawcode.plans.check import PlanCheck
from govops.lawcode.plans.findings import Finding, FindingSeverity
from govops.lawcode.plans.programme import CostComponent
from govops.lawcode.sources.citations import Citation
from govops.platform.i18n.translator import Translator

MILLION = Decimal(1_000_000)


def _text(t: Translator, text: Mapping[str, str]) -> str:
    return t.text(text).text


def _cite(cite: Citation) -> dict[str, str]:
    return {"document": cite.document, "article": cite.article}


def _years(figures: tuple[YearFigures, ...]) -> dict[str, dict[str, Decimal | None]]:
    return {str(y.year): {"stated": y.stated, "computed": y.computed} for y in figures}


def _component(component: CostComponent, unit_dong: Decimal, t: Translator) -> dict[str, object]:
    return {
        "id": component.id,
        "text": _text(t, component.text),
        "unit_cost_dong": component.unit_cost.value,
        "unit_cost_as_printed": component.unit_cost.text,
        "factors": [
            {"value": f.value, "as_printed": f.figure.text, "unit": f.unit, "per": f.per}
            for f in component.factors
        ],
        "times_a_year": None if component.frequency is None else component.frequency.value,
        "years": list(component.years),
        "per_year": component.yearly_dong() / unit_dong,
    }


def _line(check: LineCheck, unit_dong: Decimal, t: Translator) -> dict[str, object]:
    line = check.line
    return {
        "id": line.id,
        "printed": line.printed,
        "title": _text(t, line.title),
        "cite": _cite(line.cite),
        "depth": check.depth,
        "basis": check.basis.value,
        "years": _years(check.years),
        "total": {"stated": check.total_stated, "computed": check.total_computed},
        "components": [_component(c, unit_dong, t) for c in line.components],
        "note": _text(t, line.note) if line.note else None,
    }


def finding_json(finding: Finding, t: Translator) -> dict[str, object]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": t.say(finding.message),
        "places": [_cite(c) for c in finding.places],
        "stated": finding.stated,
        "computed": finding.computed,
    }


def plan_check_json(check: PlanCheck, t: Translator) -> dict[str, object]:
    budget = check.budget.budget
    grand = check.budget.grand_total_computed * budget.unit_dong / MILLION
    return {
        "programme": check.programme.id,
        "title": _text(t, check.programme.title),
        "unit": _text(t, budget.unit),
        "adds_up": check.budget.adds_up,
        "summary": {s.value: check.count(s) for s in FindingSeverity},
        "grand_total": {
            "stated": budget.grand_total.value,
            "computed": check.budget.grand_total_computed,
            "text": None if budget.text_total is None else budget.text_total.value,
            "in_words": None if budget.total_in_words is None else budget.total_in_words.text,
            "display": t.money(grand, "million-dong"),
        },
        "year_totals": _years(check.budget.year_totals),
        "lines": [_line(c, budget.unit_dong, t) for c in check.budget.lines],
        "findings": [finding_json(f, t) for f in check.findings],
    }
