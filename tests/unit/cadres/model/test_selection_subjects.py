"""Several candidates for one post (18): one subject alone only with the reason opinion is
concentrated, a reason for several refused, each other subject screened (17) and kept on
the event, and an investigator related to any subject withdrawing (44)."""

from __future__ import annotations

from datetime import date

import pytest

from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import Event, Subject, Subjects
from govops.cadres.model.selection_gate import Screening
from govops.cadres.model.steps import StepRefusedError
from govops.platform.i18n.translator import translator
from tests.selection_findings import FINDINGS
from tests.unit.cadres.model.test_selection import TEAM, at, procedure, recommended, refused

DAY = date(2024, 3, 4)
ELIGIBLE = {"verdict": "eligible", "refusals": [], "warnings": []}


def subject(name: str, cadre: str | None = "p2", **answer: object) -> Subject:
    found = ELIGIBLE | answer
    return Subject(name, Screening(DAY, cadre, "deputy_division", answer=found))


def investigate(subjects: Subjects, relations: frozenset[Relation] = frozenset()) -> Event:
    return procedure(relations).investigate(
        recommended(),
        at(DAY, 15),
        "org2",
        team=TEAM,
        consulted=20,
        findings=FINDINGS,
        party_member=True,
        subjects=subjects,
    )


def test_one_subject_alone_needs_the_reason_opinion_is_concentrated() -> None:
    with pytest.raises(StepRefusedError) as error:
        investigate(Subjects())
    refused("subjects", "18", error)
    english = translator("en").say(error.value.detail)
    assert english == (
        "1 investigation subject for 1 post; more as a rule, or the reason opinion is concentrated"
    )
    event = investigate(Subjects(concentrated="个别提拔，意见比较集中"))
    assert event.data["subjects"] == [] and event.data["concentrated"] == "个别提拔，意见比较集中"


def test_several_subjects_are_kept_with_their_screening_and_need_no_reason() -> None:
    event = investigate(Subjects((subject("李四"), subject("王五", "p3"))))
    assert [(s["candidate"], s["eligibility"]["cadre"]) for s in event.data["subjects"]] == [
        ("李四", "p2"),
        ("王五", "p3"),
    ]
    assert "concentrated" not in event.data
    with pytest.raises(StepRefusedError) as error:
        investigate(Subjects((subject("李四"),), "意见比较集中"))
    refused("subjects", "18", error)
    assert "no reason is needed" in translator("en").say(error.value.detail)


def test_another_subject_not_eligible_or_not_in_the_registry_is_refused() -> None:
    breach = {"id": "assessment_basic", "cite": ["wuyi-cadre-regulation-2020 17(3)"]}
    with pytest.raises(StepRefusedError) as error:
        investigate(Subjects((subject("李四", refusals=[breach], verdict="not_eligible"),)))
    refused("eligibility", "17(3)", error)
    assert "李四 is not eligible" in translator("en").say(error.value.detail)
    with pytest.raises(StepRefusedError) as error:
        investigate(Subjects((subject("路人", None),)))
    refused("registry", "6", error)


def test_an_investigator_related_to_another_subject_withdraws() -> None:
    kin = frozenset({Relation("org1", "李四", Kinship.SPOUSE)})
    with pytest.raises(StepRefusedError) as error:  # org2 alone is left: two are needed
        investigate(Subjects((subject("李四"),)), kin)
    refused("investigators", "22(3)", error)
    assert investigate(Subjects(concentrated="意见集中"), kin).data["recused"] == []
