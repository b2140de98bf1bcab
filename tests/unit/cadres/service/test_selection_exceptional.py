"""Exceptional promotion (破格提拔, 7) in a selection case: the flag and its reasons at the
motion, the registry screening it as exceptional, the superior organisation department's
consent before the decision of a 处级 case (29 para 2), the reasons in the decision (31(1))
and in the public notice (34)."""

from __future__ import annotations

import pytest

from govops.cadres.model.selection import Motion
from govops.cadres.model.selection_exceptional import stated
from govops.cadres.model.steps import Step, StepRefusedError
from govops.cadres.service.selection import SelectionInputError, SelectionService
from govops.lawcode.sources.citations import Citation
from tests.unit.cadres.service.test_registry import file_cadre
from tests.unit.cadres.service.test_selection import COMMITTEE, DOC, TEAM, at, heard, votes
from tests.unit.cadres.service.test_selection_gate import build

REASONS = "在重大专项工作中作出重大贡献 (7 para 2)"


def exceptional(rank: str = "division_chief", reasons: str = REASONS) -> Motion:
    return Motion(
        "张三",
        "教务处处长",
        frozenset(COMMITTEE),
        frozenset(TEAM),
        rank=rank,
        exceptional=True,
        exceptional_reasons=reasons,
    )


def investigated(service: SelectionService, motion: Motion) -> str:
    case = service.open(motion, "组织部", at=at("2025-09-01T09:00+08:00")).id
    return heard(service, case)


def test_the_flag_screens_the_candidate_as_an_exceptional_promotion() -> None:
    service, registry = build()
    file_cadre(registry)  # a section chief: division_chief skips a rank (7)
    plain = Motion(
        "张三", "教务处处长", frozenset(COMMITTEE), frozenset(TEAM), rank="division_chief"
    )
    with pytest.raises(StepRefusedError) as error:
        service.open(plain, "组织部", at=at("2025-09-01T09:00+08:00"))
    assert error.value.guard == "eligibility"
    case = service.open(exceptional(), "组织部", at=at("2025-09-01T09:00+08:00"))
    data = case.events[0].data
    assert data["exceptional"] is True and data["exceptional_reasons"] == REASONS
    assert data["eligibility"]["exceptional"] is True
    assert "relaxed_by_exceptional_promotion" in {w["id"] for w in data["eligibility"]["warnings"]}


def test_an_exceptional_promotion_needs_its_reasons() -> None:
    service, registry = build()
    file_cadre(registry)
    with pytest.raises(StepRefusedError) as error:
        service.open(exceptional(reasons="  "), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert (error.value.guard, error.value.cite) == ("reason", Citation(DOC, "31(1)"))


def test_a_division_level_decision_needs_the_superior_consent_first() -> None:
    service, registry = build()
    file_cadre(registry)
    case = investigated(service, exceptional())
    with pytest.raises(StepRefusedError) as error:
        service.decide(case, "王书记", votes=votes(5), at=at("2025-10-09T09:00+08:00"))
    assert (error.value.step, error.value.guard) == (Step.DECISION, "superior consent")
    assert error.value.cite == Citation(DOC, "29") and "29 para 2" in str(error.value)
    with pytest.raises(SelectionInputError) as bad:
        service.consent(case, "陈干事", department="", reference="闽委组〔2025〕12号")
    assert bad.value.field == "department"
    given = service.consent(
        case,
        "陈干事",
        department="中共福建省委组织部",
        reference="闽委组〔2025〕12号",
        at=at("2025-10-08T10:00+08:00"),
    )
    assert given.step is Step.SUPERIOR_CONSENT and given.actor == "陈干事"
    assert given.data["reference"] == "闽委组〔2025〕12号" and "recorded_at" in given.data
    assert service.get(case).step is Step.SUPERIOR_CONSENT  # recorded; the case expects:
    decision = service.decide(case, "王书记", votes=votes(5), at=at("2025-10-09T09:00+08:00"))
    assert decision.step is Step.DECISION
    told = decision.data["exceptional"]
    assert told["reasons"] == REASONS and told["consent"]["seq"] == given.seq
    notice = service.publish(case, "陈干事", at=at("2025-10-10T09:00+08:00"))
    assert notice.data["exceptional"] == {"reasons": REASONS}
    with pytest.raises(StepRefusedError) as late:
        service.consent(case, "陈干事", department="省委组织部", reference="又一号")
    assert late.value.guard == "order"


def test_the_consent_is_recorded_once_and_only_on_an_exceptional_case() -> None:
    service, registry = build()
    file_cadre(registry)
    plain = service.open(
        Motion("张三", "教务处副处长", frozenset(COMMITTEE), frozenset(TEAM)),
        "组织部",
        at=at("2025-09-01T09:00+08:00"),
    )
    with pytest.raises(StepRefusedError) as error:
        service.consent(plain.id, "陈干事", department="省委组织部", reference="一号")
    assert error.value.guard == "exceptional"
    assert stated(service.get(plain.id)) is None
    case = investigated(service, exceptional())
    service.consent(case, "陈干事", department="省委组织部", reference="一号")
    with pytest.raises(StepRefusedError) as twice:
        service.consent(case, "陈干事", department="省委组织部", reference="二号")
    assert twice.value.guard == "superior consent"


def test_a_deputy_division_post_is_division_level_and_needs_the_consent() -> None:
    service, registry = build()
    file_cadre(registry)
    case = investigated(service, exceptional(rank="deputy_division"))
    with pytest.raises(StepRefusedError) as error:  # 副处 is 处级 (29 para 2)
        service.decide(case, "王书记", votes=votes(5), at=at("2025-10-09T09:00+08:00"))
    assert error.value.guard == "superior consent"
    found = stated(service.get(case))
    assert found == {"reasons": REASONS, "consent_required": True, "consent": None}
