"""Every built-in pack loads, and every worked case it ships passes, one test per case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from govops.bootstrap import builtin_adapters
from govops.lawcode.rules.cells import bound_points
from govops.lawcode.rules.inputs import InputError, InputKind, coerce_inputs
from govops.lawcode.rules.tables import RuleTable
from govops.packs import builtin_pack_ids, load_builtin_pack, pack_folder
from govops.packs.cases import CaseResult, load_cases, run_cases
from govops.packs.plans.cases import run_programme_cases


def _all_cases() -> list[CaseResult]:
    return [
        result
        for pack_id in builtin_pack_ids()
        for result in [
            *run_cases(load_builtin_pack(pack_id), pack_folder(pack_id), builtin_adapters()),
            *run_programme_cases(load_builtin_pack(pack_id), pack_folder(pack_id)),
        ]
    ]


CASES = _all_cases()


def test_the_mass_incident_pack_is_built_in() -> None:
    assert "cn-county-mass-incident" in builtin_pack_ids()


@pytest.mark.parametrize(
    "result", CASES, ids=lambda r: f"{r.file.parent.parent.name}:{r.table}:{r.name}"
)
def test_worked_case(result: CaseResult) -> None:
    assert result.passed, "\n".join(str(f) for f in result.failures)


def test_every_grade_clause_is_exercised_by_a_worked_case() -> None:
    pack = load_builtin_pack("cn-county-mass-incident")
    clause_ids = {clause.id for _, clause in pack.table("grade").clauses()}
    fired_in_cases = _fired_in_grade_cases()
    assert clause_ids - fired_in_cases == set()


def _fired_in_grade_cases() -> set[str]:
    fired: set[str] = set()
    for _, entries in load_cases(pack_folder("cn-county-mass-incident")):
        for _, cases_file, case in entries:
            if cases_file.table == "grade" and case.expect.fired:
                fired.update(case.expect.fired)
    return fired


def _figures_in_grade_cases(table: RuleTable) -> dict[str, set[Decimal]]:
    """Every numeric value the grade cases feed the table, defaults included."""
    seen: dict[str, set[Decimal]] = {name: set() for name in table.inputs}
    for _, entries in load_cases(pack_folder("cn-county-mass-incident")):
        for _, cases_file, case in entries:
            try:
                values = coerce_inputs(table.inputs, case.input)
            except InputError:
                continue
            for name, value in values.items():
                if cases_file.table == "grade" and not isinstance(value.value, bool | frozenset):
                    seen[name].add(Decimal(value.value))
    return seen


def test_every_numeric_boundary_of_the_grade_table_is_tried_on_both_sides() -> None:
    pack = load_builtin_pack("cn-county-mass-incident")
    table = pack.table("grade")
    parameters = pack.parameters.as_of(date(2026, 6, 1))
    seen = _figures_in_grade_cases(table)
    missing = []
    for name, spec in table.inputs.items():
        if spec.kind not in (InputKind.COUNT, InputKind.QUANTITY):
            continue
        conditions = [c.condition for _, c in table.clauses()]
        for bound in set().union(*(bound_points(c, name, parameters) for c in conditions)):
            below = [v for v in seen[name] if bound - 1 <= v < bound]
            if bound not in seen[name] or not below:
                missing.append(f"{name} around {bound}")
    assert missing == []
