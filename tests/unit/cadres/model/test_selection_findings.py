"""What the investigation must have gathered (24, 23(3), 25, 27): each item missing refuses
the step with its article; verification only for a division-level post; the audit stated
either way; the united front's and the candidate's party's opinions only for a candidate
outside the Party; what was gathered kept on the event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from govops.cadres.model.selection import Audit, Case, Event, Findings, Motion, fold, open_case
from govops.cadres.model.selection_findings import missing
from govops.cadres.model.selection_gate import Screening
from govops.cadres.model.steps import StepRefusedError
from govops.platform.i18n.translator import translator
from tests.selection_findings import ALONE, FINDINGS
from tests.unit.cadres.model.test_selection import (
    MEMBERS,
    ORDER,
    RULES,
    TEAM,
    at,
    procedure,
    recommended,
    refused,
)

DAY = date(2024, 3, 4)


def investigate(findings: Findings, party_member: bool = True, case: Case | None = None) -> Event:
    return procedure().investigate(
        case or recommended(),
        at(DAY, 15),
        "org2",
        team=TEAM,
        consulted=20,
        findings=findings,
        party_member=party_member,
        subjects=ALONE,
    )


def test_what_was_gathered_is_kept_on_the_event() -> None:
    found = investigate(FINDINGS).data["findings"]
    assert found["discipline_opinion"] == FINDINGS.discipline_opinion
    assert found["audit"] == {"due": False, "report": "", "reason": "未担任经济责任岗位"}
    assert found["written_report"] == "考察材料〔2025〕7号"
    assert found["party_member"] is True


@pytest.mark.parametrize(
    ("field", "article"),
    [
        ("discipline_opinion", "24"),
        ("personal_matters", "24"),
        ("propaganda_opinion", "24"),
        ("family_planning_opinion", "24"),
        ("comprehensive_governance_opinion", "24"),
        ("written_report", "25"),
    ],
)
def test_each_item_asked_of_every_investigation_is_required(field: str, article: str) -> None:
    with pytest.raises(StepRefusedError) as error:
        investigate(replace(FINDINGS, **{field: "  "}))
    refused("findings", article, error)
    assert missing(replace(FINDINGS, **{field: ""}), division=True, party_member=True) == [field]


def test_every_missing_item_is_named_in_the_readers_language() -> None:
    with pytest.raises(StepRefusedError) as error:
        investigate(Findings(), party_member=False)
    refused("findings", "24", error)  # the first one missing
    english = translator("en").say(error.value.detail)
    assert english.startswith("missing: the discipline commission's opinion (24); ")
    assert "the written investigation material, by its filing reference (25)" in english
    assert "the candidate's affiliation outside the Party: democratic party" in english
    chinese = translator("zh-Hans").say(error.value.detail)
    assert "纪委" in chinese and "missing" not in chinese


def test_personal_matters_are_verified_for_a_division_level_post_only() -> None:
    unverified = replace(FINDINGS, personal_matters_verified=False)
    with pytest.raises(StepRefusedError) as error:
        investigate(unverified)  # the case's post is deputy_division (处级)
    refused("findings", "24", error)
    assert missing(unverified, division=True, party_member=True) == ["personal_matters_verified"]
    assert missing(unverified, division=False, party_member=True) == []  # 科级: 可以, not 要
    motion = Motion("cand", "科长", MEMBERS, TEAM)
    when = at(date(2024, 3, 1))
    answer = {"verdict": "eligible", "refusals": [], "warnings": []}
    section = Screening(when.date(), "p1", "section_chief", answer=answer)
    case = fold([open_case("c2", when, "party-committee", motion, RULES, section)], ORDER)
    case = case.then(
        procedure().recommend(case, at(DAY), "org1", expected=10, attended=8, heard=20)
    )
    assert investigate(unverified, case=case).data["findings"]["personal_matters_verified"] is False


@pytest.mark.parametrize(
    ("audit", "lacking"),
    [
        (None, ["audit"]),
        (Audit(True), ["audit.report"]),
        (Audit(True, report="审计报告〔2025〕3号：无问题"), []),
        (Audit(False), ["audit.reason"]),
        (Audit(False, reason="未担任经济责任岗位"), []),
    ],
)
def test_the_audit_is_stated_due_with_its_report_or_not_due_with_why(
    audit: Audit | None, lacking: list[str]
) -> None:
    findings = replace(FINDINGS, audit=audit)
    assert missing(findings, division=True, party_member=True) == lacking
    if lacking:
        with pytest.raises(StepRefusedError) as error:
            investigate(findings)
        refused("findings", "24", error)


def test_a_candidate_outside_the_party_has_their_affiliation_stated() -> None:
    with pytest.raises(StepRefusedError) as error:
        investigate(FINDINGS, party_member=False)
    refused("findings", "23(3)", error)
    assert missing(FINDINGS, division=True, party_member=False) == ["affiliation"]
    masses = replace(FINDINGS, affiliation="masses")  # 群众: 23(3) does not apply
    assert missing(masses, division=True, party_member=False) == []
    assert investigate(masses, party_member=False).data["findings"]["affiliation"] == "masses"


@pytest.mark.parametrize("affiliation", ["democratic_party", "non_party_personage"])
def test_a_democratic_party_member_or_non_party_personage_has_the_united_front_heard(
    affiliation: str,
) -> None:
    stated = replace(FINDINGS, affiliation=affiliation)
    with pytest.raises(StepRefusedError) as error:
        investigate(stated, party_member=False)
    refused("findings", "23(3)", error)
    assert missing(stated, division=True, party_member=False) == [
        "united_front_opinion",
        "party_organisation_opinion",
    ]
    heard = replace(
        stated, united_front_opinion="统战部：同意", party_organisation_opinion="民盟支部：同意"
    )
    event = investigate(heard, party_member=False)
    assert event.data["findings"]["united_front_opinion"] == "统战部：同意"
    assert event.data["findings"]["party_member"] is False
