"""The candidate of a selection case screened in the cadre registry, over the in-memory
stores of test_selection and test_registry: by name or by id, on the day of the motion and
again on the day of the decision; a refusal blocks, a warning is recorded with its
articles; a candidate not in the registry is refused. Decisions not taken are recorded,
reconsidered with consent, and a case is closed."""

from __future__ import annotations

from typing import Any

import pytest

from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import Event, Motion
from govops.cadres.model.steps import Closing, Step, StepRefusedError
from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection import SelectionInputError, SelectionService
from govops.lawcode.sources.citations import Citation
from govops.packs import load_builtin_pack
from tests.fakes import Clock
from tests.selection_findings import FINDINGS
from tests.unit.cadres.service.test_registry import MemoryUnitOfWork as RegistryUnitOfWork
from tests.unit.cadres.service.test_registry import file_cadre
from tests.unit.cadres.service.test_selection import (
    COMMITTEE,
    DOC,
    NOW,
    TEAM,
    MemoryStore,
    at,
    heard,
    opened,
    selections,
    votes,
)

SANCTION = {"kind": "admonition", "decided_on": "2025-09-20", "effect_until": "2026-03-19"}


def build() -> tuple[SelectionService, RegistryService]:
    pack, clock, store = load_builtin_pack("cn-cadre-selection"), Clock(NOW), MemoryStore()
    registry = RegistryService(lambda: RegistryUnitOfWork(store.people), clock, pack)
    return selections(store, clock, registry), registry


def motion(candidate: str = "张三", **more: object) -> Motion:
    return Motion(candidate, "教务处副处长", frozenset(COMMITTEE), frozenset(TEAM), **more)  # type: ignore[arg-type]


def investigated(service: SelectionService) -> str:
    return heard(service, opened(service))


def test_a_candidate_not_in_the_registry_is_refused_at_the_motion() -> None:
    service, _ = build()
    with pytest.raises(StepRefusedError) as error:
        service.open(motion("李四"), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert (error.value.step, error.value.guard) == (Step.MOTION, "registry")
    assert error.value.cite == Citation(DOC, "6")
    assert "李四 is not in the cadre registry" in str(error.value)
    assert service.cases() == []


def test_the_motion_records_the_screening_and_its_warnings() -> None:
    service, registry = build()
    person = file_cadre(registry)
    case = service.get(opened(service))
    screened = case.event(Step.MOTION).data["eligibility"]
    assert screened["cadre"] == person and screened["rank"] == "deputy_division"
    assert screened["as_of"] == "2025-09-01" and screened["verdict"] == "eligible_with_warnings"
    warned = {w["id"]: w["cite"] for w in screened["warnings"]}
    assert warned["posts_at_lower_rank"] == [f"{DOC} 6(2)"]  # one post below, not two


def test_an_ineligible_candidate_is_refused_at_the_motion_with_the_article() -> None:
    service, registry = build()
    person = file_cadre(registry, ("discipline", SANCTION | {"decided_on": "2025-08-01"}))
    with pytest.raises(StepRefusedError) as error:
        service.open(motion(cadre=person), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert (error.value.guard, error.value.cite) == ("eligibility", Citation(DOC, "17(6)"))
    assert "张三 is not eligible for deputy_division on 2025-09-01" in str(error.value)


def test_the_candidate_is_screened_again_on_the_day_of_the_decision() -> None:
    service, registry = build()
    person = file_cadre(registry)
    case = investigated(service)
    registry.add_entry(person, "discipline", SANCTION, "组织部 王芳")  # after the motion
    with pytest.raises(StepRefusedError) as error:
        service.decide(case, "王书记", votes=votes(5), at=at("2025-10-09T09:00+08:00"))
    assert (error.value.step, error.value.guard) == (Step.DECISION, "eligibility")
    assert error.value.cite == Citation(DOC, "17(6)")
    assert service.get(case).step is Step.INVESTIGATION  # nothing recorded


def test_the_candidate_is_found_by_id_or_by_a_name_held_once() -> None:
    service, registry = build()
    person = file_cadre(registry)
    other = registry.add_person("李四", "组织部").person.id
    with pytest.raises(SelectionInputError) as error:
        service.open(motion(cadre=other), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert error.value.field == "cadre" and "李四" in str(error.value)
    with pytest.raises(SelectionInputError) as error:
        service.open(motion(rank="colonel"), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert error.value.field == "rank"
    file_cadre(registry)  # a second 张三
    with pytest.raises(SelectionInputError) as error:
        service.open(motion(), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert error.value.field == "cadre" and "2 cadres are named 张三" in str(error.value)
    case = service.open(motion(cadre=person), "组织部", at=at("2025-09-01T09:00+08:00"))
    assert case.events[0].data["eligibility"]["cadre"] == person


def test_a_vote_not_carried_is_reconsidered_with_consent_then_voted_again() -> None:
    service, registry = build()
    file_cadre(registry)
    case = investigated(service)
    first = service.decide(case, "王书记", votes=votes(4), at=at("2025-10-09T09:00+08:00"))
    assert first.step is Step.DECISION_REFUSED
    with pytest.raises(StepRefusedError) as error:
        service.decide(case, "王书记", votes=votes(5), at=at("2025-10-10T09:00+08:00"))
    assert error.value.guard == "order"
    with pytest.raises(SelectionInputError) as bad:
        service.reconsider(case, "王书记", consents=["路人"], reason="新情况")
    assert bad.value.field == "consents"
    five = COMMITTEE[:5]
    consent = service.reconsider(
        case, "王书记", consents=five, reason="新情况", at=at("2025-10-10T09:00+08:00")
    )
    assert consent.step is Step.RECONSIDERATION and consent.data["consents"] == sorted(five)
    again = service.decide(case, "王书记", votes=votes(5), at=at("2025-10-11T09:00+08:00"))
    assert again.step is Step.DECISION and again.data["eligibility"]["as_of"] == "2025-10-11"


def test_a_case_is_closed_with_its_reason_and_nothing_follows() -> None:
    service, registry = build()
    file_cadre(registry)
    case = investigated(service)
    service.decide(case, "王书记", votes=votes(4), at=at("2025-10-09T09:00+08:00"))
    closed = service.close(case, "陈干事", outcome=Closing.NOT_APPOINTED, reason="未获通过")
    assert closed.step is Step.CLOSED and closed.data["outcome"] == "not_appointed"
    with pytest.raises(StepRefusedError) as error:
        service.reconsider(case, "王书记", consents=COMMITTEE, reason="复议")
    assert error.value.guard == "order"
    assert [e.step for e in service.get(case).events][-2:] == [Step.DECISION_REFUSED, Step.CLOSED]


def test_the_other_subjects_are_screened_in_the_registry_on_the_investigations_day() -> None:
    service, registry = build()
    file_cadre(registry)
    other = file_cadre(registry, name="李四")
    case = opened(service)
    service.recommend(
        case, "陈干事", expected=120, attended=100, interviewed=25, at=at("2025-09-05T15:00+08:00")
    )
    day = at("2025-09-15T10:00+08:00")

    def investigate(*subjects: tuple[str, str | None], **more: Any) -> Event:
        return service.investigate(
            case,
            "林干事",
            investigators=TEAM,
            consulted=22,
            findings=FINDINGS,
            subjects=subjects,
            at=day,
            **more,
        )

    with pytest.raises(SelectionInputError) as named:
        investigate(("李四", None), ("张三", None))  # the case's candidate is a subject already
    assert named.value.field == "subjects[1].name"
    with pytest.raises(StepRefusedError) as error:
        investigate(("李四", None), ("路人", None))
    assert (error.value.guard, error.value.cite) == ("registry", Citation(DOC, "6"))
    with pytest.raises(SelectionInputError) as bad:
        investigate(("李四", None), unit_kind="lab")
    assert bad.value.field == "unit_kind"
    event = investigate(("李四", None), unit_kind="offices")
    [screened] = event.data["subjects"]
    assert screened["candidate"] == "李四" and screened["eligibility"]["cadre"] == other
    assert screened["eligibility"]["as_of"] == "2025-09-15"
    assert screened["eligibility"]["rank"] == "deputy_division"  # the post's, as at the motion
    assert event.data["unit_kind"] == "offices"  # 23(2) applied


def test_a_subject_sharing_a_name_is_named_by_id_and_their_relatives_withdraw() -> None:
    service, registry = build()
    file_cadre(registry)
    first, second = file_cadre(registry, name="李四"), file_cadre(registry, name="李四")
    case = opened(service)
    service.recommend(
        case, "陈干事", expected=120, attended=100, interviewed=25, at=at("2025-09-05T15:00+08:00")
    )
    day = at("2025-09-15T10:00+08:00")
    with pytest.raises(SelectionInputError) as error:
        service.investigate(
            case, "林干事", investigators=TEAM, consulted=22, findings=FINDINGS,
            subjects=[("李四", None)], at=day,
        )  # fmt: skip
    assert error.value.field == "subjects[0].cadre" and first in str(error.value.message)
    spouse = Relation("林干事", "李四", Kinship.SPOUSE)  # declared with the investigation (43)
    with pytest.raises(StepRefusedError) as refused:  # 陈干事 alone is left to take part
        service.investigate(
            case, "林干事", investigators=TEAM, consulted=22, findings=FINDINGS,
            subjects=[("李四", second)], relations=[spouse], at=day,
        )  # fmt: skip
    assert (refused.value.guard, refused.value.cite.article) == ("investigators", "22(3)")
    event = service.investigate(
        case, "林干事", investigators=[*TEAM, "王干事"], consulted=22, findings=FINDINGS,
        subjects=[("李四", second)], relations=[spouse], at=day,
    )  # fmt: skip
    assert event.data["recused"] == ["林干事"]
    assert event.data["subjects"][0]["eligibility"]["cadre"] == second
    assert event.data["relations"] == [{"a": "李四", "b": "林干事", "kind": "spouse"}]
