"""A plan check as plain JSON values, in one language: what the CLI prints and the web
page shows. Figures stay exact (Decimal); money is also given as readers write it."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from govops.lawcode.dated.procedures import Text
from govops.lawcode.figures.vi import format_vi_money
from govops.lawcode.plans.budget import LineCheck, YearFigures
from govops.lawcode.plans.check import PlanCheck
from govops.lawcode.plans.findings import Finding, FindingSeverity
from govops.lawcode.plans.programme import CostComponent
from govops.lawcode.sources.citations import Citation


def _text(text: Text, language: str) -> str:
    return text.get(language) or text.get("vi") or next(iter(text.values()), "")


def _cite(cite: Citation) -> dict[str, str]:
    return {"document": cite.document, "article": cite.article}


def _years(figures: tuple[YearFigures, ...]) -> dict[str, dict[str, Decimal | None]]:
    return {str(y.year): {"stated": y.stated, "computed": y.computed} for y in figures}


def _component(component: CostComponent, unit_dong: Decimal, language: str) -> dict[str, object]:
    return {
        "id": component.id,
        "text": _text(component.text, language),
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


def _line(check: LineCheck, unit_dong: Decimal, language: str) -> dict[str, object]:
    line = check.line
    return {
        "id": line.id,
        "printed": line.printed,
        "title": _text(line.title, language),
        "cite": _cite(line.cite),
        "depth": check.depth,
        "basis": check.basis.value,
        "years": _years(check.years),
        "total": {"stated": check.total_stated, "computed": check.total_computed},
        "components": [_component(c, unit_dong, language) for c in line.components],
        "note": _text(line.note, language) if line.note else None,
    }


def finding_json(finding: Finding, language: str) -> dict[str, object]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.text(language),
        "places": [_cite(c) for c in finding.places],
        "stated": finding.stated,
        "computed": finding.computed,
    }


def plan_check_json(check: PlanCheck, language: str) -> dict[str, object]:
    budget = check.budget.budget
    lang: Literal["vi", "en"] = "en" if language == "en" else "vi"
    grand = check.budget.grand_total_computed * budget.unit_dong / Decimal(1_000_000)
    return {
        "programme": check.programme.id,
        "title": _text(check.programme.title, language),
        "unit": _text(budget.unit, language),
        "adds_up": check.budget.adds_up,
        "summary": {s.value: check.count(s) for s in FindingSeverity},
        "grand_total": {
            "stated": budget.grand_total.value,
            "computed": check.budget.grand_total_computed,
            "text": None if budget.text_total is None else budget.text_total.value,
            "in_words": None if budget.total_in_words is None else budget.total_in_words.text,
            "display": format_vi_money(grand, lang),
        },
        "year_totals": _years(check.budget.year_totals),
        "lines": [_line(c, budget.unit_dong, language) for c in check.budget.lines],
        "findings": [finding_json(f, language) for f in check.findings],
    }
