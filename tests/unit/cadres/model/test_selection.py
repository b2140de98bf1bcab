"""The selection procedure: every guard on both sides of its boundary, the order of the
steps, the notice over a weekend, the probation, and who may read the dossier."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from govops.cadres.model.people import Kinship, Relation, cited_rules
from govops.cadres.model.selection import (
    AccessDeniedError,
    Case,
    Event,
    Motion,
    Procedure,
    dossier,
    fold,
    open_case,
)
from govops.cadres.model.selection_gate import Screening
from govops.cadres.model.steps import (
    ProbationOutcome,
    ProcedureRules,
    Step,
    StepRefusedError,
    Vote,
    selection_order,
)
from govops.lawcode.dated.parameters import ParameterValue, ParameterVersion
from govops.lawcode.sources.citations import Citation
from govops.packs import load_builtin_pack
from tests.selection_findings import ALONE, FINDINGS
from tests.unit.lawcode.builders import FakeCalendar

DOC = "wuyi-cadre-regulation-2020"
TZ = ZoneInfo("Asia/Shanghai")
VALUES: dict[str, tuple[ParameterValue, str]] = {
    "recommendation_attendance_share": (Decimal("0.8"), "13"),
    "recommendation_min_interviewed": (20, "13(1)"),
    "recommendation_min_interviewed_section": (20, "13(2)"),
    "recommendation_valid_years": (1, "11"),
    "investigation_group_min_members": (2, "26"),
    "investigation_min_investigators": (2, "22(3)"),
    "investigation_min_consulted": (20, "23(1)"),
    "investigation_min_consulted_offices": (20, "23(2)"),
    "committee_quorum_share": ("2/3", "30"),
    "committee_majority_share": ("1/2", "31(3)"),
    "reconsideration_consent_share": ("1/2", "30"),
    "public_notice_working_days": (5, "34"),
    "probation_years": (1, "35"),
}
MEMBERS = frozenset(f"m{i:02}" for i in range(1, 13))  # twelve members of the committee
TEAM = frozenset({"org1", "org2"})


def versions(**changes: ParameterValue) -> dict[str, ParameterVersion]:
    return {
        name: ParameterVersion(
            name, changes.get(name, value), date(2020, 7, 11), None, Citation(DOC, article)
        )
        for name, (value, article) in VALUES.items()
    }


RULES = cited_rules(ProcedureRules, versions())
ORDER = selection_order(load_builtin_pack("cn-cadre-selection"))


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def procedure(
    relations: frozenset[Relation] = frozenset(), provisional: frozenset[int] = frozenset()
) -> Procedure:
    return Procedure(RULES, FakeCalendar(provisional_years=provisional), relations)


def opened() -> Case:
    motion = Motion("cand", "dean-of-arts", MEMBERS, TEAM, plan="one post, one candidate")
    day = at(date(2024, 3, 1))
    return fold([open_case("c1", day, "party-committee", motion, RULES, fine(day))], ORDER)


def fine(when: datetime, **answer: object) -> Screening:
    """The registry's screening of the candidate on the day of `when`: eligible, unless
    `answer` says otherwise."""
    found = {"verdict": "eligible", "refusals": [], "warnings": []} | answer
    return Screening(when.date(), "p1", "deputy_division", answer=found)


def recommended(day: date = date(2024, 3, 4)) -> Case:
    case = opened()
    event = procedure().recommend(case, at(day), "org1", expected=100, attended=80, heard=20)
    return case.then(event)


def investigated(day: date = date(2024, 3, 4)) -> Case:
    case = recommended(day)
    event = investigation(case, at(day, 15), "org2")
    return case.then(event)


def investigation(
    case: Case,
    when: datetime,
    actor: str,
    *,
    steps: Procedure | None = None,
    team: frozenset[str] = TEAM,
    consulted: int = 20,
) -> Event:
    """The investigation of `case` with the tests' findings, its candidate the only subject
    (18, with the reason)."""
    return (steps or procedure()).investigate(
        case,
        when,
        actor,
        team=team,
        consulted=consulted,
        findings=FINDINGS,
        party_member=True,
        subjects=ALONE,
    )


def votes(in_favour: int, against: int = 0) -> dict[str, Vote]:
    members = sorted(MEMBERS)
    return {m: Vote.FOR for m in members[:in_favour]} | {
        m: Vote.AGAINST for m in members[in_favour : in_favour + against]
    }


def decided(day: date = date(2024, 5, 6)) -> Case:
    case = investigated()
    when = at(day)
    event = procedure().decide(case, when, "secretary", votes=votes(7, 1), screening=fine(when))
    return case.then(event)


def refused(guard: str, article: str, error: pytest.ExceptionInfo[StepRefusedError]) -> None:
    assert (error.value.guard, error.value.cite) == (guard, Citation(DOC, article))
    assert guard in str(error.value) and article in str(error.value)


def test_rules_are_read_from_cited_parameters_as_exact_numbers() -> None:
    assert RULES.document == DOC
    assert RULES.recommendation_attendance_share.value == Fraction(4, 5)
    assert RULES.committee_quorum_share.value == Fraction(2, 3)
    assert RULES.probation_years.value == 1 and type(RULES.probation_years.value) is int
    assert RULES.committee_majority_share.cite == Citation(DOC, "31(3)")
    with pytest.raises(ValueError, match="public_notice_working_days"):
        cited_rules(ProcedureRules, versions(public_notice_working_days=Decimal("5.5")))
    with pytest.raises(ValueError, match="flag"):
        cited_rules(ProcedureRules, versions(probation_years=True))


def test_a_case_goes_through_every_step_recording_who_did_what_and_when() -> None:
    case, steps = decided(), procedure()
    case = case.then(steps.publish(case, at(date(2024, 5, 7)), "org1"))
    case = case.then(steps.appoint(case, at(date(2024, 5, 15)), "org1", unit="教务处"))
    probation = case.event(Step.APPOINTMENT).data
    assert probation == {
        "term_start": "2024-05-06",
        "probation_end": "2025-05-06",
        "provisional": False,
        "position": {  # what the registry is given (37, 35), the rank screened at the motion
            "rank": "deputy_division",
            "unit": "教务处",
            "post": "dean-of-arts",
            "start": "2024-05-06",
            "probation_end": "2025-05-06",
        },
    }
    done = steps.end_probation(case, at(date(2025, 5, 6)), "org1", ProbationOutcome.CONFIRMED)
    case = case.then(done)
    assert [e.step.value for e in case.events] == [s.id for s in ORDER.main_line()]
    assert [e.seq for e in case.events] == list(range(1, 8))
    assert case.event(Step.DECISION).actor == "secretary"
    assert case.event(Step.DECISION).data["in_favour"] == 7
    assert fold(list(case.events), ORDER) == case


@pytest.mark.parametrize(
    ("expected", "attended", "ok"),
    [(100, 79, False), (100, 80, True), (21, 16, False), (21, 17, True)],
)
def test_attendance_is_at_least_eighty_percent_of_those_expected(
    expected: int, attended: int, ok: bool
) -> None:
    def step() -> Event:
        return procedure().recommend(
            opened(), at(date(2024, 3, 4)), "org1", expected=expected, attended=attended, heard=20
        )

    if ok:
        step()
    else:
        with pytest.raises(StepRefusedError) as error:
            step()
        refused("attendance", "13", error)
        assert f"; {-(-4 * expected // 5)} (at least 4/5 of {expected}) needed" in str(error.value)


@pytest.mark.parametrize(("heard", "ok"), [(19, False), (20, True)])
def test_at_least_twenty_are_interviewed(heard: int, ok: bool) -> None:
    def step() -> Event:
        return procedure().recommend(
            opened(), at(date(2024, 3, 4)), "org1", expected=10, attended=10, heard=heard
        )

    if ok:
        step()
    else:
        with pytest.raises(StepRefusedError) as error:
            step()
        refused("interviewed", "13(1)", error)


KIN = frozenset(
    {Relation("cand", "inv2", Kinship.SPOUSE), Relation("m01", "cand", Kinship.COLLATERAL)}
)


@pytest.mark.parametrize(
    ("team", "refused_under"),
    [
        ({"inv1"}, "26"),  # a group of one (考察组由两名以上成员组成)
        ({"inv1", "inv3"}, None),
        ({"inv1", "inv2"}, "22(3)"),  # one left to take part in talks once inv2 withdraws
        ({"inv1", "inv2", "inv3"}, None),
    ],
)
def test_at_least_two_investigators_not_related_to_the_candidate(
    team: set[str], refused_under: str | None
) -> None:
    case = recommended()

    def step() -> Event:
        return investigation(
            case, at(date(2024, 4, 1)), "org1", steps=procedure(KIN), team=frozenset(team)
        )

    if refused_under is None:
        assert "inv2" not in step().data["investigators"]
    else:
        with pytest.raises(StepRefusedError) as error:
            step()
        refused("investigators", refused_under, error)


def test_at_least_twenty_are_consulted_in_the_investigation() -> None:
    case = recommended()
    with pytest.raises(StepRefusedError) as error:
        investigation(case, at(date(2024, 4, 1)), "org1", consulted=19)
    refused("consulted", "23", error)
    investigation(case, at(date(2024, 4, 1)), "org1")


def test_two_thirds_of_all_members_must_be_present() -> None:
    case = investigated()
    with pytest.raises(StepRefusedError) as error:  # 7 of 12 present
        procedure().decide(
            case,
            at(date(2024, 5, 6)),
            "secretary",
            votes=votes(7),
            screening=fine(at(date(2024, 5, 6))),
        )
    refused("quorum", "30", error)
    assert "7 of 12 members present and not withdrawn; 8 (at least 2/3 of 12)" in str(error.value)
    event = procedure().decide(
        case,
        at(date(2024, 5, 6)),
        "secretary",
        votes=votes(7, 1),
        screening=fine(at(date(2024, 5, 6))),
    )
    assert len(event.data["votes"]) == 8  # exactly two-thirds


def test_more_than_half_of_all_members_not_of_those_present_must_agree() -> None:
    case = investigated()
    day = at(date(2024, 5, 6))
    # 6 of 8 present, but 6 of 12 members: recorded as not carried (31(3)), not dropped
    event = procedure().decide(case, day, "secretary", votes=votes(6, 2), screening=fine(day))
    assert event.step is Step.DECISION_REFUSED and event.seq == len(case.events) + 1
    assert event.data | {"votes": None, "eligibility": None} == {
        "votes": None,
        "eligibility": None,
        "recused": [],
        "in_favour": 6,
        "members": 12,
        "guard": "majority",
        "article": "31(3)",
    }
    event = procedure().decide(case, day, "secretary", votes=votes(6, 6), screening=fine(day))
    assert event.step is Step.DECISION_REFUSED  # exactly half, every member present
    procedure().decide(
        case,
        at(date(2024, 5, 6)),
        "secretary",
        votes=votes(7, 1),
        screening=fine(at(date(2024, 5, 6))),
    )


def test_a_member_related_to_the_candidate_withdraws_and_changes_the_outcome() -> None:
    case, day = investigated(), at(date(2024, 5, 6))
    event = procedure().decide(case, day, "secretary", votes=votes(7, 1), screening=fine(day))
    assert event.data["recused"] == []
    with pytest.raises(StepRefusedError) as error:  # m01 withdraws: 7 present, 6 in favour
        procedure(KIN).decide(case, day, "secretary", votes=votes(7, 1), screening=fine(day))
    refused("quorum", "30", error)
    lost = procedure(KIN).decide(case, day, "secretary", votes=votes(7, 2), screening=fine(day))
    assert lost.step is Step.DECISION_REFUSED  # quorum kept, majority lost
    event = procedure(KIN).decide(case, day, "secretary", votes=votes(8, 1), screening=fine(day))
    assert event.data["recused"] == ["m01"] and "m01" not in event.data["votes"]


def test_the_recommendation_is_valid_through_its_anniversary() -> None:
    case = investigated(date(2024, 3, 4))
    procedure().decide(
        case,
        at(date(2025, 3, 4)),
        "secretary",
        votes=votes(7, 1),
        screening=fine(at(date(2025, 3, 4))),
    )
    with pytest.raises(StepRefusedError) as error:
        procedure().decide(
            case,
            at(date(2025, 3, 5)),
            "secretary",
            votes=votes(7, 1),
            screening=fine(at(date(2025, 3, 5))),
        )
    refused("recommendation validity", "11", error)


def test_steps_only_in_order_and_in_time() -> None:
    case, steps = recommended(), procedure()
    with pytest.raises(StepRefusedError) as error:
        steps.decide(
            case,
            at(date(2024, 5, 6)),
            "secretary",
            votes=votes(8),
            screening=fine(at(date(2024, 5, 6))),
        )
    refused("order", "29", error)
    with pytest.raises(StepRefusedError) as error:
        steps.recommend(case, at(date(2024, 3, 5)), "org1", expected=10, attended=10, heard=20)
    refused("order", "11", error)
    with pytest.raises(StepRefusedError) as error:
        steps.appoint(decided(), at(date(2024, 6, 1)), "org1", unit="教务处")
    refused("order", "34", error)
    with pytest.raises(StepRefusedError) as error:
        investigation(case, at(date(2024, 3, 3)), "org1", steps=steps)
    refused("chronology", "19", error)
    with pytest.raises(ValueError, match="actor"):
        investigation(case, at(date(2024, 4, 1)), " ", steps=steps)


@pytest.mark.parametrize(
    ("start", "end"), [(date(2024, 6, 6), date(2024, 6, 13)), (date(2024, 6, 7), date(2024, 6, 14))]
)
def test_the_notice_lasts_five_working_days_across_a_weekend(start: date, end: date) -> None:
    case, steps = decided(), procedure()
    case = case.then(steps.publish(case, at(start), "org1"))
    assert case.event(Step.PUBLIC_NOTICE).data["end"] == end.isoformat()
    with pytest.raises(StepRefusedError) as error:
        steps.appoint(case, at(end, 23), "org1", unit="教务处")
    refused("public notice", "34", error)
    steps.appoint(case, at(date.fromordinal(end.toordinal() + 1), 0), "org1", unit="教务处")


def test_a_provisional_notice_end_is_carried_to_the_appointment() -> None:
    steps = procedure(provisional=frozenset({2024}))
    case = decided()
    case = case.then(steps.publish(case, at(date(2024, 5, 7)), "org1"))
    assert case.event(Step.PUBLIC_NOTICE).data["provisional"] is True
    assert (
        steps.appoint(case, at(date(2024, 5, 15)), "org1", unit="教务处").data["provisional"]
        is True
    )
    with pytest.raises(StepRefusedError) as error:
        steps.appoint(case, at(date(2024, 5, 15)), "org1", objection_upheld=True, unit="教务处")
    refused("notice result", "34", error)


def test_the_probation_ends_one_year_after_the_decision() -> None:
    steps, case = procedure(), decided(date(2024, 5, 6))
    case = case.then(steps.publish(case, at(date(2024, 5, 7)), "org1"))
    case = case.then(steps.appoint(case, at(date(2024, 5, 20)), "org1", unit="教务处"))
    with pytest.raises(StepRefusedError) as error:
        steps.end_probation(case, at(date(2025, 5, 5)), "secretary", ProbationOutcome.CONFIRMED)
    refused("probation", "35", error)
    with pytest.raises(StepRefusedError) as error:
        steps.end_probation(case, at(date(2024, 9, 1)), "secretary", ProbationOutcome.ENDED_EARLY)
    refused("reason", "35", error)
    early = steps.end_probation(
        case, at(date(2024, 9, 1)), "secretary", ProbationOutcome.ENDED_EARLY, "serious error"
    )
    assert early.data == {"outcome": "ended_early", "reason": "serious error"}
    done = case.then(
        steps.end_probation(case, at(date(2025, 5, 6)), "s", ProbationOutcome.NOT_CONFIRMED)
    )
    with pytest.raises(StepRefusedError) as error:
        steps.publish(done, at(date(2025, 6, 1)), "org1")
    refused("order", "34", error)


def test_the_dossier_is_for_the_selection_team_and_the_committee_only() -> None:
    case = decided()
    assert dossier(case, "org1") == case.events
    assert dossier(case, "m12") == case.events
    for stranger in ("cand", "inv9", ""):
        with pytest.raises(AccessDeniedError, match="neither the selection team nor the committee"):
            dossier(case, stranger)


def test_a_case_needs_a_committee_and_its_events_in_sequence() -> None:
    with pytest.raises(StepRefusedError) as error:
        empty = Motion("cand", "p", frozenset(), TEAM)
        open_case("c2", at(date(2024, 3, 1)), "pc", empty, RULES, fine(at(date(2024, 3, 1))))
    refused("committee", "30", error)
    case = recommended()
    with pytest.raises(ValueError, match="does not follow"):
        case.then(case.events[-1])
    with pytest.raises(ValueError, match="motion"):
        fold(list(case.events[1:]), ORDER)
