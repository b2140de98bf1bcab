"""What the selection use cases accept: the findings trimmed and bounded, and the kind of
the candidate's unit asked for only where 23(1) and 23(2) would count differently."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govops.cadres.model.people import Cited
from govops.cadres.model.selection import Audit, Findings, UnitKind
from govops.cadres.service.selection_inputs import (
    SelectionInputError,
    checked_findings,
    checked_unit_kind,
)
from govops.lawcode.sources.citations import Citation
from tests.unit.cadres.model.test_selection import DOC, RULES


def test_the_findings_are_trimmed_and_bounded() -> None:
    found = checked_findings(Findings(discipline_opinion="  同意 ", audit=Audit(True, " 审计 ")))
    assert found.discipline_opinion == "同意" and found.audit == Audit(True, "审计", "")
    with pytest.raises(SelectionInputError) as error:
        checked_findings(Findings(written_report="x" * 10_001))
    assert error.value.field == "findings.written_report"
    with pytest.raises(SelectionInputError) as error:
        checked_findings(Findings(audit=Audit(False, reason="\x07")))
    assert error.value.field == "findings.audit.reason"


def test_the_units_kind_is_asked_for_only_where_the_paragraphs_differ() -> None:
    checked_unit_kind(None, RULES)  # 20 either way
    differing = replace(
        RULES, investigation_min_consulted_offices=Cited(30, Citation(DOC, "23(2)"))
    )
    checked_unit_kind(UnitKind.TEACHING, differing)
    with pytest.raises(SelectionInputError) as error:
        checked_unit_kind(None, differing)
    assert error.value.field == "unit_kind"
    assert "23(1)" in str(error.value.message) and "23(2)" in str(error.value.message)
