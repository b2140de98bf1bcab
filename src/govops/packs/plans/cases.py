"""A programme pack's worked checks (cases/programme/*.yaml): the totals the budget must
recompute to, every finding expected with its places, and the target trajectory."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Literal

from govops.lawcode.figures.vi import parse_vi_number
from govops.lawcode.plans.budget import computed
from govops.lawcode.plans.check import PlanCheck, check_plan
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Text, msg
from govops.packs.cases import CaseResult, load_case_files
from govops.packs.schema import Strict

FOLDER = "programme"


class ExpectedBudget(Strict):
    year_totals: dict[int, str] = {}
    grand_total: str | None = None
    lines: dict[str, dict[int, str]] = {}


class ExpectedFinding(Strict):
    severity: Literal["error", "warning", "notice"]
    code: str
    places: list[str]


class ProgrammeCasesFile(Strict):
    budget: ExpectedBudget = ExpectedBudget()
    findings: list[ExpectedFinding] | None = None  # None: not checked; []: none expected
    trajectories: dict[str, dict[int, str | None]] = {}


def load_programme_cases(folder: Path) -> list[tuple[Path, ProgrammeCasesFile]]:
    return load_case_files(folder, FOLDER, ProgrammeCasesFile)


def run_programme_cases(pack: Pack, folder: Path) -> Iterator[CaseResult]:
    if pack.programme is None:
        return
    check = check_plan(pack.programme)
    for path, cases in load_programme_cases(folder):
        yield CaseResult(path, None, "budget", "totals", tuple(_budget(check, cases.budget)))
        if cases.findings is not None:
            yield CaseResult(path, None, "findings", "all", tuple(_findings(check, cases)))
        for indicator, years in cases.trajectories.items():
            failures = tuple(_trajectory(pack, indicator, years))
            yield CaseResult(path, None, "trajectory", indicator, failures)


def _budget(check: PlanCheck, expected: ExpectedBudget) -> Iterator[Text]:
    budget = check.budget.budget
    totals = {t.year: t.computed for t in check.budget.year_totals}
    for year, text in expected.year_totals.items():
        if totals.get(year) != parse_vi_number(text):
            yield msg(
                "total {year}: recomputed {got}, expected {expected}",
                year=str(year),
                got=totals.get(year),
                expected=text,
            )
    if expected.grand_total is not None:
        grand = check.budget.grand_total_computed
        if grand != parse_vi_number(expected.grand_total):
            yield msg(
                "grand total: recomputed {got}, expected {expected}",
                got=grand,
                expected=expected.grand_total,
            )
    for line_id, years in expected.lines.items():
        try:
            line = budget.line(line_id)
        except KeyError as error:
            yield str(error.args[0])
            continue
        for year, text in years.items():
            value = computed(budget, line, year)
            if value != parse_vi_number(text):
                yield msg(
                    "line {line}, {year}: recomputed {got}, expected {expected}",
                    line=line_id,
                    year=str(year),
                    got=value,
                    expected=text,
                )


def _findings(check: PlanCheck, cases: ProgrammeCasesFile) -> Iterator[Text]:
    got = [(f.severity.value, f.code, [c.article for c in f.places]) for f in check.findings]
    want: list[tuple[str, str, list[str]]] = [
        (f.severity, f.code, f.places) for f in cases.findings or []
    ]
    for item in want:
        if item not in got:
            yield msg("expected finding not reported: {finding}", finding=str(item))
    for item in got:
        if item not in want:
            yield msg("finding not expected: {finding}", finding=str(item))
    same_items = all(x in want for x in got) and all(x in got for x in want)
    if same_items and got != want:
        yield msg("findings in another order or number: {findings}", findings=str(got))


def _trajectory(pack: Pack, indicator: str, years: dict[int, str | None]) -> Iterator[Text]:
    assert pack.programme is not None
    try:
        trajectory = pack.programme.trajectory(indicator)
    except KeyError as error:
        yield str(error.args[0])
        return
    for year, text in years.items():
        want: Decimal | None = None if text is None else parse_vi_number(text)
        allowed = trajectory.allowed(year)
        if allowed != want:
            yield msg(
                "{indicator} {year}: allowed {got}, expected {expected}",
                indicator=indicator,
                year=str(year),
                got=str(allowed),
                expected=str(text),
            )
