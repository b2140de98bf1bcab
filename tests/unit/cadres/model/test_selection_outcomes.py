"""Decisions that are not taken are recorded: a vote not carried (31(3)), a decision
postponed (30); voting again after a vote not carried needs the recorded consent of more
than half of ALL members (30 para 2); a case can be closed, withdrawn or not appointed,
and nothing follows; the candidate is screened again before the vote."""

from __future__ import annotations

from datetime import date

import pytest

from govops.cadres.model.selection import Case
from govops.cadres.model.selection_case import expected
from govops.cadres.model.selection_gate import Screening
from govops.cadres.model.steps import Closing, Step, StepRefusedError
from tests.unit.cadres.model.test_selection import (
    DOC,
    KIN,
    MEMBERS,
    at,
    decided,
    fine,
    investigated,
    procedure,
    refused,
    votes,
)

DAY = at(date(2024, 5, 6))
LATER = at(date(2024, 5, 20))


def not_carried() -> Case:
    case = investigated()
    event = procedure().decide(case, DAY, "secretary", votes=votes(6, 2), screening=fine(DAY))
    return case.then(event)


def test_a_vote_not_carried_is_recorded_and_cannot_be_held_again_at_once() -> None:
    case = not_carried()
    assert case.step is Step.DECISION_REFUSED and expected(case) is Step.RECONSIDERATION
    with pytest.raises(StepRefusedError) as error:
        procedure().decide(case, LATER, "secretary", votes=votes(8), screening=fine(LATER))
    refused("order", "29", error)
    assert "next is reconsideration" in str(error.value)


def test_a_reconsideration_needs_more_than_half_of_all_members() -> None:
    case, steps = not_carried(), procedure()
    six = frozenset(sorted(MEMBERS)[:6])  # half of twelve: not more than half
    with pytest.raises(StepRefusedError) as error:
        steps.reconsider(case, LATER, "secretary", consents=six, reason="新材料")
    refused("consent", "30", error)
    assert "6 of 12 members consent; 7 (more than 1/2 of 12) needed" in str(error.value)
    seven = frozenset(sorted(MEMBERS)[:7])
    event = steps.reconsider(case, LATER, "secretary", consents=seven, reason="新材料")
    assert event.step is Step.RECONSIDERATION and event.data["consents"] == sorted(seven)
    case = case.then(event)
    assert expected(case) is Step.DECISION
    event = steps.decide(case, LATER, "secretary", votes=votes(8), screening=fine(LATER))
    assert event.step is Step.DECISION and event.seq == 6


def test_a_relative_of_the_candidate_does_not_count_among_the_consents() -> None:
    # KIN: m01 is the candidate's spouse
    seven = frozenset(sorted(MEMBERS)[:7])
    with pytest.raises(StepRefusedError) as error:
        procedure(KIN).reconsider(not_carried(), LATER, "m02", consents=seven, reason="复议")
    refused("consent", "30", error)


def test_a_postponed_decision_is_recorded_and_taken_later_without_consent() -> None:
    case, steps = investigated(), procedure()
    event = steps.decide(
        case, DAY, "secretary", votes=votes(8), screening=fine(DAY), postpone="意见分歧较大"
    )
    assert event.step is Step.DECISION_POSTPONED
    assert (event.data["reason"], event.data["article"]) == ("意见分歧较大", "30")
    case = case.then(event)
    assert expected(case) is Step.DECISION
    later = steps.decide(case, LATER, "secretary", votes=votes(8), screening=fine(LATER))
    assert later.step is Step.DECISION


def test_the_candidate_is_screened_again_before_the_vote() -> None:
    case = investigated()
    sanction = {"id": "discipline", "label": {"en": "sanction"}, "cite": [f"{DOC} 17(6)"]}
    barred = fine(DAY, verdict="ineligible", refusals=[sanction])
    with pytest.raises(StepRefusedError) as error:
        procedure().decide(case, DAY, "secretary", votes=votes(8), screening=barred)
    refused("eligibility", "17(6)", error)
    with pytest.raises(StepRefusedError) as error:
        missing = Screening(DAY.date(), None, None)
        procedure().decide(case, DAY, "secretary", votes=votes(8), screening=missing)
    refused("registry", "6", error)
    warned = fine(DAY, verdict="eligible_with_warnings", warnings=[sanction | {"id": "w"}])
    event = procedure().decide(case, DAY, "secretary", votes=votes(8), screening=warned)
    assert event.data["eligibility"]["warnings"][0]["cite"] == [f"{DOC} 17(6)"]


@pytest.mark.parametrize("outcome", list(Closing))
def test_a_closed_case_takes_no_further_step(outcome: Closing) -> None:
    case, steps = not_carried(), procedure()
    with pytest.raises(StepRefusedError) as error:
        steps.close(case, LATER, "org1", outcome, " ")
    refused("reason", "29", error)
    case = case.then(steps.close(case, LATER, "org1", outcome, "未获通过"))
    assert case.step is Step.CLOSED and expected(case) is None
    assert case.events[-1].data == {"outcome": outcome.value, "reason": "未获通过"}
    with pytest.raises(StepRefusedError) as error:
        steps.reconsider(case, LATER, "m01", consents=MEMBERS, reason="复议")
    refused("order", "30", error)
    with pytest.raises(StepRefusedError):
        steps.close(case, LATER, "org1", outcome, "again")


def test_a_case_is_not_closed_after_the_appointment() -> None:
    case, steps = decided(), procedure()
    case = case.then(steps.publish(case, at(date(2024, 5, 7)), "org1"))
    case = case.then(steps.appoint(case, at(date(2024, 5, 15)), "org1", unit="教务处"))
    with pytest.raises(StepRefusedError) as error:
        steps.close(case, at(date(2024, 6, 1)), "org1", Closing.WITHDRAWN, "撤回")
    refused("order", "29", error)
