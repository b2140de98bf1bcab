"""An appointment writes its post into the cadre registry in the same unit of work (so the
probation alert needs no retyping), a probation not confirmed or ended early ends it, a
confirmed one leaves it; a clash with another writer of the cadre is retried; a refused
step writes nothing; the united front is heard for a candidate the registry has outside
the Party (23(3))."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from govops.cadres.model.registry import EntryKind
from govops.cadres.model.registry_views import alert_rules, registry_alerts
from govops.cadres.model.selection import Motion
from govops.cadres.model.steps import ProbationOutcome, Step, StepRefusedError
from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection import SelectionInputError, SelectionService
from govops.packs import load_builtin_pack
from tests.selection_findings import CONCENTRATED, FINDINGS
from tests.unit.cadres.service.test_selection import (  # the fixtures too
    COMMITTEE,
    TEAM,
    MemoryStore,
    at,
    candidate,
    clock,
    decided,
    registry,
    service,
    store,
)

__all__ = ["candidate", "clock", "registry", "service", "store"]  # fixtures used here


def noticed(service: SelectionService) -> str:
    case = decided(service)  # decided on 2025-10-09
    service.publish(case, "陈干事", at=at("2025-10-10T09:00+08:00"))
    return case


def appointed(service: SelectionService) -> str:
    case = noticed(service)
    service.appoint(case, "陈干事", unit="教务处", at=at("2025-10-17T09:00+08:00"))
    return case


def posts(registry: RegistryService, person: str) -> list[dict[str, object]]:
    return [e.data for e in registry.get(person).facts(EntryKind.POSITION)]


def test_the_appointment_writes_the_post_its_probation_and_its_term_start(
    service: SelectionService, registry: RegistryService, candidate: str
) -> None:
    case = noticed(service)
    event = service.appoint(case, "陈干事", unit="教务处", at=at("2025-10-17T09:00+08:00"))
    cadre = registry.get(candidate)
    written, closed = cadre.entries[-1], cadre.entries[-2]
    held = next(e for e in cadre.entries if e.kind is EntryKind.POSITION)  # section chief
    assert event.data["registry"] == {"person": candidate, "seq": written.seq, "ended": [held.seq]}
    assert written.kind is EntryKind.POSITION and written.actor == "陈干事"
    assert written.data | {"exceptional": False, "party_post": False} == written.data
    assert {k: v for k, v in written.data.items() if v is not False} == {
        "rank": "deputy_division",  # as screened at the motion
        "unit": "教务处",
        "post": "教务处副处长",
        "start": "2025-10-09",  # the decision's day (37)
        "probation_end": "2026-10-09",  # one year (35)
    }
    # One rank at a time: the section chief's post ends on the term's start.
    assert closed.supersedes == held.seq and closed.data == held.data | {"end": "2025-10-09"}
    assert [p["rank"] for p in posts(registry, candidate)] == ["section_chief", "deputy_division"]
    screened = registry.eligibility(candidate, "division_chief", date(2026, 11, 1))
    assert screened["verdict"] != "undecided"  # the registry still decides it
    pack = load_builtin_pack("cn-cadre-selection")
    day = date(2026, 9, 20)
    found, _ = registry_alerts([cadre], day, alert_rules(pack, day))
    probation = [a for a in found if a["kind"] == "probation"]
    assert [(a["people"][0]["id"], a["end"]) for a in probation] == [(candidate, "2026-10-09")]


def test_the_appointment_needs_the_unit_and_a_refused_one_writes_nothing(
    service: SelectionService, registry: RegistryService, candidate: str
) -> None:
    case = noticed(service)
    before = registry.get(candidate).version
    with pytest.raises(SelectionInputError) as error:
        service.appoint(case, "陈干事", unit=" ", at=at("2025-10-17T09:00+08:00"))
    assert error.value.field == "unit"
    with pytest.raises(StepRefusedError):  # the notice runs through 16 October
        service.appoint(case, "陈干事", unit="教务处", at=at("2025-10-16T09:00+08:00"))
    assert registry.get(candidate).version == before
    assert service.get(case).step is Step.PUBLIC_NOTICE


def test_a_clash_with_another_writer_of_the_cadre_is_retried_once_written(
    service: SelectionService, store: MemoryStore, registry: RegistryService, candidate: str
) -> None:
    case = noticed(service)
    before = registry.get(candidate).version
    store.people.collide = 1  # the first attempt finds the entry's seq taken
    service.appoint(case, "陈干事", unit="教务处", at=at("2025-10-17T09:00+08:00"))
    assert registry.get(candidate).version == before + 2  # the old post ended, the new one
    assert [e.step for e in service.get(case).events].count(Step.APPOINTMENT) == 1


@pytest.mark.parametrize(
    ("outcome", "reason", "ends"),
    [
        (ProbationOutcome.CONFIRMED, "", None),
        (ProbationOutcome.NOT_CONFIRMED, "", "2026-10-12"),
        (ProbationOutcome.ENDED_EARLY, "重大失误", "2026-10-12"),
    ],
)
def test_a_probation_not_confirmed_or_ended_early_ends_the_post(
    service: SelectionService,
    registry: RegistryService,
    candidate: str,
    outcome: ProbationOutcome,
    reason: str,
    ends: str | None,
) -> None:
    case = appointed(service)
    post = service.get(case).event(Step.APPOINTMENT).data["registry"]["seq"]
    when = at("2026-10-12T09:00+08:00")
    event = service.end_probation(case, "王书记", outcome=outcome, reason=reason, at=when)
    cadre = registry.get(candidate)
    if ends is None:
        assert "registry" not in event.data and cadre.entry(post) in cadre.current
        return
    correction = cadre.entries[-1]
    assert correction.supersedes == post and correction.data["end"] == ends
    assert event.data["registry"] == {"person": candidate, "seq": correction.seq, "corrects": post}
    held = [p for p in posts(registry, candidate) if p.get("post") == "教务处副处长"]
    assert held == [correction.data]


def test_the_probation_ends_the_entry_in_force_after_a_correction(
    service: SelectionService, registry: RegistryService, candidate: str
) -> None:
    case = appointed(service)
    post = service.get(case).event(Step.APPOINTMENT).data["registry"]["seq"]
    data = registry.get(candidate).entry(post).data | {"unit": "教务处（本科教学办）"}  # type: ignore[union-attr]
    corrected = registry.correct(candidate, post, None, data, "组织部 王芳").seq
    when = at("2026-06-01T09:00+08:00")
    service.end_probation(
        case, "王书记", outcome=ProbationOutcome.ENDED_EARLY, reason="严重错误", at=when
    )
    last = registry.get(candidate).entries[-1]
    assert last.supersedes == corrected and last.data["unit"] == "教务处（本科教学办）"


def test_a_candidate_outside_the_party_needs_the_united_front_heard(
    service: SelectionService, registry: RegistryService
) -> None:
    person = registry.add_person("李四", "组织部 王芳").person.id
    for kind, data in (
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        (
            "position",
            {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True},
        ),
        ("assessment", {"year": 2024, "result": "competent"}),
        ("assessment", {"year": 2023, "result": "competent"}),
        ("assessment", {"year": 2022, "result": "competent"}),
    ):
        registry.add_entry(person, kind, data, "组织部 王芳")
    motion = Motion("李四", "教务处副处长", frozenset(COMMITTEE), frozenset(TEAM))
    case = service.open(motion, "组织部", at=at("2025-09-01T09:00+08:00")).id
    service.recommend(
        case, "陈干事", expected=120, attended=100, interviewed=25, at=at("2025-09-05T15:00+08:00")
    )
    day = at("2025-09-15T10:00+08:00")
    with pytest.raises(StepRefusedError) as error:
        service.investigate(
            case,
            "林干事",
            investigators=TEAM,
            consulted=22,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
            at=day,
        )
    assert (error.value.guard, error.value.cite.article) == ("findings", "23(3)")
    heard = replace(
        FINDINGS,
        affiliation="democratic_party",
        united_front_opinion="同意",
        party_organisation_opinion="同意",
    )
    event = service.investigate(
        case,
        "林干事",
        investigators=TEAM,
        consulted=22,
        findings=heard,
        concentrated=CONCENTRATED,
        at=day,
    )
    assert event.data["findings"]["party_member"] is False


def test_a_party_member_of_the_registry_needs_no_united_front(
    service: SelectionService, candidate: str
) -> None:
    case = decided(service)  # 张三 joined the Party in 2014: FINDINGS has no 23(3) opinions
    found = service.get(case).event(Step.INVESTIGATION).data["findings"]
    assert found["party_member"] is True
    assert "united_front_opinion" not in found


def test_a_post_recorded_by_hand_is_not_written_twice(
    service: SelectionService, registry: RegistryService, candidate: str
) -> None:
    case = noticed(service)
    by_hand = {"rank": "deputy_division", "unit": "教务处", "start": "2025-10-09"}
    seq = registry.add_entry(candidate, "position", by_hand, "组织部 王芳").seq
    before = registry.get(candidate).version
    event = service.appoint(case, "陈干事", unit="教务处", at=at("2025-10-17T09:00+08:00"))
    assert event.data["registry"] == {"person": candidate, "seq": seq, "ended": []}
    assert registry.get(candidate).version == before


def test_a_post_ended_early_is_no_longer_in_probation(
    service: SelectionService, registry: RegistryService, candidate: str
) -> None:
    case = appointed(service)
    when = at("2026-03-01T09:00+08:00")
    service.end_probation(
        case, "王书记", outcome=ProbationOutcome.ENDED_EARLY, reason="严重错误", at=when
    )
    last = registry.get(candidate).entries[-1].data
    assert (last["end"], last["probation_end"]) == ("2026-03-01", "2026-03-01")
    record = registry.record_for(candidate, "deputy_division", date(2026, 6, 1))["record"]
    assert not any(p.get("probation_end", "") > "2026-06-01" for p in record["positions"])
