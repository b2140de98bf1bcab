"""The cadre selection pack loads, and its worked cases pass through the cadre-record
adapter; every clause of the eligibility table fires in some case."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from govops.cadres import AlertRules, ProcedureRules, cadre_record
from govops.cadres.people import cited_rules
from govops.lawcode.tables import Severity
from govops.packs import load_builtin_pack, pack_folder
from govops.packs.cases import CaseResult, load_cases, run_cases

PACK = "cn-cadre-selection"
ADAPTERS = {"cadre-record": cadre_record}
RESULTS = list(run_cases(load_builtin_pack(PACK), pack_folder(PACK), adapters=ADAPTERS))


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: f"{r.table}:{r.name}")
def test_worked_case(result: CaseResult) -> None:
    assert result.passed, "\n".join(result.failures)


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
