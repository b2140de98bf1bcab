"""The cadre selection pack loads, and its worked cases pass through the cadre-record
adapter; every clause of the eligibility table fires in some case."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from govops.cadres.model.adapter import cadre_record
from govops.cadres.model.alerts import AlertRules
from govops.cadres.model.people import cited_rules
from govops.cadres.model.steps import ProcedureRules
from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.conditions import InRange, leaves, resolve_interval
from govops.lawcode.rules.inputs import InputError, InputKind
from govops.lawcode.rules.tables import RuleTable, Severity
from govops.packs import load_builtin_pack, pack_folder
from govops.packs.cases import CaseResult, load_cases, run_cases

PACK = "cn-cadre-selection"
ADAPTERS = {"cadre-record": cadre_record}
RESULTS = list(run_cases(load_builtin_pack(PACK), pack_folder(PACK), adapters=ADAPTERS))


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: f"{r.table}:{r.name}")
def test_worked_case(result: CaseResult) -> None:
    assert result.passed, "\n".join(str(f) for f in result.failures)


def test_every_clause_fires_in_a_worked_case() -> None:
    table = load_builtin_pack(PACK).table("eligibility")
    fired: set[str] = set()
    for _, entries in load_cases(pack_folder(PACK)):
        for _, _, case in entries:
            fired.update(case.expect.fired or [])
    assert {clause.id for _, clause in table.clauses()} - fired == set()


def test_every_verdict_is_shown() -> None:
    verdicts = {
        case.expect.verdict
        for _, entries in load_cases(pack_folder(PACK))
        for _, _, case in entries
    }
    assert {"eligible", "eligible_with_warnings", "ineligible"} <= verdicts


def test_the_table_is_a_table_of_breaches_fed_by_the_adapter() -> None:
    table = load_builtin_pack(PACK).table("eligibility")
    assert table.adapter == "cadre-record"
    assert all(o.severity in (Severity.REFUSE, Severity.WARN) for o in table.outcomes)
    adapted = cadre_record(
        {
            "as_of": "2026-06-30",
            "target_rank": "section_chief",
            "work_start": "2020-01-01",
            "education": "bachelor",
            "positions": [],
        }
    )
    assert set(adapted.inputs) == set(table.inputs)


def test_the_procedure_and_alert_rules_come_from_the_packs_cited_parameters() -> None:
    snapshot = load_builtin_pack("cn-cadre-selection").rules_as_of(date(2026, 6, 1))
    procedure = cited_rules(ProcedureRules, snapshot)
    assert procedure.committee_quorum_share.value == Fraction(2, 3)
    assert procedure.committee_majority_share.value == Fraction(1, 2)
    assert str(procedure.public_notice_working_days.cite) == "wuyi-cadre-regulation-2020 34"
    alerts = cited_rules(AlertRules, snapshot)
    assert (alerts.rotation_years.value, alerts.rotation_years.cite.article) == (10, "42(2)")


def test_every_numeric_boundary_of_the_eligibility_table_is_tried_on_both_sides() -> None:
    pack = load_builtin_pack("cn-cadre-selection")
    table = pack.table("eligibility")
    seen: dict[str, set[int]] = {name: set() for name in table.inputs}
    for _, entries in load_cases(pack_folder(pack.id)):
        for _, _, case in entries:
            try:
                adapted = cadre_record(case.input)
            except InputError:
                continue
            for name, value in adapted.inputs.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    seen[name].add(value)
    missing = [
        f"{leaf.input}: {sorted(sides)}"
        for leaf, sides in _boundary_sides(table, pack.rules_as_of(date(2026, 6, 30)))
        if not sides <= seen[leaf.input]
    ]
    assert missing == []


def _boundary_sides(
    table: RuleTable, parameters: ParameterSnapshot
) -> list[tuple[InRange, set[int]]]:
    """For each bound of a count, the value at the bound and the nearest one across it
    (以上 5: 5 and 4; 超过 1: 1 and 2; 不满 3: 3 and 2)."""
    found = []
    for _, clause in table.clauses():
        for leaf in leaves(clause.condition):
            if (
                not isinstance(leaf, InRange)
                or table.inputs[leaf.input].kind is not InputKind.COUNT
            ):
                continue
            interval = resolve_interval(leaf, parameters)
            if interval.lower is not None:
                b = int(interval.lower.value)
                found.append((leaf, {b, b - 1 if interval.lower.inclusive else b + 1}))
            if interval.upper is not None:
                b = int(interval.upper.value)
                found.append((leaf, {b, b + 1 if interval.upper.inclusive else b - 1}))
    return found


def test_the_selection_procedure_cites_each_step_to_its_article() -> None:
    procedure = load_builtin_pack(PACK).procedure("selection")
    assert {s.id: s.cite.article for s in procedure.steps} == {
        "motion": "10",
        "recommendation": "11",
        "investigation": "19",
        "decision": "29",
        "public_notice": "34",
        "appointment": "34",
        "probation_end": "35",
        "decision_refused": "31",
        "decision_postponed": "30",
        "reconsideration": "30",
        "closed": "29",  # a reading: the committee decides appointments (29)
        "superior_consent": "29",  # 29 para 2
    }
    assert [s.id for s in procedure.main_line()] == [
        "motion",
        "recommendation",
        "investigation",
        "decision",
        "public_notice",
        "appointment",
        "probation_end",
    ]
    assert [s.id for s in procedure.steps if s.aside] == ["superior_consent"]
