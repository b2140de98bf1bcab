"""The bodies of /api/v1/selections and `govops selections` (the same JSON for both), what
they answer (a case, an event, the dossier), and the two use cases they call through the
access checks: opening a case (`open_selection`) and recording a step (`apply_step`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field

from govops.cadres.api.selection_findings import FindingsIn
from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.record import RANKS
from govops.cadres.model.selection import Case, Departure, Event, Motion, UnitKind
from govops.cadres.model.selection_case import expected
from govops.cadres.model.selection_exceptional import stated
from govops.cadres.model.selection_gate import latest
from govops.cadres.model.steps import Closing, ProbationOutcome, Step, Vote
from govops.cadres.service import access
from govops.cadres.service.selection import RECORDED_AT, SelectionService
from govops.platform.api.schemas import AwareTime, Item, RequestBody, ShortText
from govops.platform.identity.actor import Actor

Count = Annotated[int, Field(ge=0)]
LongText = Annotated[str, Field(max_length=10_000)]
Names = Annotated[list[Item], Field(max_length=500)]
Votes = Annotated[dict[Item, Vote], Field(max_length=500)]
At = Annotated[AwareTime | None, Field(description="When done: ISO 8601, offset (default now)")]


class RelationIn(RequestBody):
    a: ShortText
    b: ShortText
    kind: Kinship = Field(description="spouse, lineal, collateral or close_in_law (43)")


Relations = Annotated[list[RelationIn], Field(max_length=500)]


class MotionBody(RequestBody):
    """The work plan (10): one candidate, one post."""

    candidate: ShortText
    post: ShortText
    committee: Names = Field(description="Every member of the committee (校党委会)")
    team: Names = Field(description="The selection team (组织部 staff in charge)")
    plan: Annotated[str, Field(max_length=10_000)] = ""
    relations: Relations = Field(
        default_factory=list, description="Declared kinships (43): relatives withdraw (44)"
    )
    cadre: ShortText | None = Field(
        None, description="The candidate's id in the registry (default: the one so named)"
    )
    rank: ShortText | None = Field(
        None, description=f"The post's rank, one of {', '.join(RANKS)} (default: the next)"
    )
    party_post: bool = Field(False, description="A post of the Party organisation (6(7))")
    exceptional: bool = Field(False, description="An exceptional promotion, 破格提拔 (7)")
    exceptional_reasons: LongText = Field(
        "", description="Its reasons, required with it: told the committee (31(1)), noticed (34)"
    )
    at: At = None


class StepBody(RequestBody):
    at: At = None


class DepartureIn(RequestBody):
    """A departure from an "as a rule" (一般) threshold (13, 23): why, and who approved it."""

    reason: LongText
    approved_by: ShortText


def departure_field() -> Any:
    return Field(
        None, description="Below an 'as a rule' threshold (13, 13(1), 23): {reason, approved_by}"
    )


class RecommendationBody(StepBody):
    expected: Count = Field(description="Those expected to attend the meeting (13)")
    attended: Count
    interviewed: Count = Field(description="Those interviewed (谈话调研推荐, 13(1))")
    departure: DepartureIn | None = departure_field()


class SubjectIn(RequestBody):
    """Another investigation subject: their name, and registry id where names are shared."""

    name: ShortText
    cadre: ShortText | None = None


class InvestigationBody(StepBody):
    investigators: Names
    consulted: Count = Field(description="People talked to and consulted (23)")
    findings: FindingsIn = Field(description="What was gathered (24, 23(3), 25, 27)")
    subjects: Annotated[list[SubjectIn], Field(max_length=50)] = Field(
        default_factory=list, description="The other investigation subjects for the post (18)"
    )
    relations: Relations = Field(
        default_factory=list, description="Kinships of the subjects not declared yet (43)"
    )
    concentrated: LongText = Field(
        "", description="Why the candidate is the only subject: opinion is concentrated (18)"
    )
    unit_kind: UnitKind | None = Field(
        None, description="The candidate's unit: teaching (23(1)) or offices (23(2))"
    )
    departure: DepartureIn | None = departure_field()


class DecisionBody(StepBody):
    votes: Votes = Field(description="Member -> for, against or defer (30)")
    postpone: LongText = Field("", description="The reason the decision is postponed (30)")


class ReconsiderationBody(StepBody):
    consents: Names = Field(description="The members consenting to reconsider (30)")
    reason: LongText


class ClosingBody(StepBody):
    outcome: Closing = Field(description="withdrawn or not_appointed")
    reason: LongText


class AppointmentBody(StepBody):
    unit: ShortText = Field(description="The unit of the post, as the registry records it")
    objection_upheld: bool = Field(False, description="The notice's result bars it (34)")


class ConsentBody(StepBody):
    department: ShortText = Field(description="The superior organisation department (29)")
    reference: ShortText = Field(description="The reference of its consent (文号)")


class ProbationEndBody(StepBody):
    outcome: ProbationOutcome
    reason: Annotated[str, Field(max_length=10_000)] = ""


STEP_BODIES: dict[Step, type[StepBody]] = {
    Step.RECOMMENDATION: RecommendationBody,
    Step.INVESTIGATION: InvestigationBody,
    Step.DECISION: DecisionBody,
    Step.PUBLIC_NOTICE: StepBody,
    Step.APPOINTMENT: AppointmentBody,
    Step.PROBATION_END: ProbationEndBody,
    Step.RECONSIDERATION: ReconsiderationBody,
    Step.CLOSED: ClosingBody,
    Step.SUPERIOR_CONSENT: ConsentBody,
}


class SelectionOut(BaseModel):
    id: str
    candidate: str
    post: str
    committee: list[str]
    team: list[str]
    step: Step = Field(description="The last step recorded")
    next: Step | None = Field(description="The step expected next; none once ended")
    version: int = Field(description="The number of steps recorded")
    eligibility: dict[str, Any] | None = Field(
        description="The latest screening in the registry (motion, decision): verdict and "
        "warnings with their articles (6, 7, 17, 46); for the team and the committee only"
    )
    exceptional: dict[str, Any] | None = Field(
        description="An exceptional promotion (7): its reasons (31(1), 34), whether the "
        "superior consent is required (29 para 2) and the consent recorded; none otherwise"
    )


class SelectionList(BaseModel):
    count: int
    selections: list[SelectionOut]


class EventOut(BaseModel):
    seq: int
    step: Step
    at: datetime = Field(description="When it was done (as given, or the time recorded)")
    recorded_at: datetime | None = Field(description="When the server recorded it")
    actor: str = Field(description="user@unit: the signed-in user and the unit they acted in")
    data: dict[str, Any]


class DossierOut(BaseModel):
    selection: SelectionOut
    reader: str = Field(description="user@unit: the reading, as it is recorded")
    events: list[EventOut]


def open_selection(service: SelectionService, body: MotionBody, actor: Actor) -> Case:
    """Open the case of `body`, the motion recorded by `actor` (selection.run)."""
    who = access.step_signature(service, actor, Step.MOTION)
    committee, team = frozenset(body.committee), frozenset(body.team)
    motion = Motion(
        body.candidate,
        body.post,
        committee,
        team,
        body.plan,
        body.cadre,
        body.rank,
        body.party_post,
        body.exceptional,
        body.exceptional_reasons,
    )
    relations = [Relation(r.a, r.b, r.kind) for r in body.relations]
    return service.open(motion, who, at=body.at, relations=relations)


def apply_step(
    service: SelectionService, case_id: str, step: Step, body: StepBody, actor: Actor
) -> Event:
    """Record `step` with its body (STEP_BODIES): the body's fields are the use case's;
    `actor` must be allowed the step (access.step_signature)."""
    who = access.step_signature(service, actor, step, case_id)
    record: dict[Step, Callable[..., Event]] = {
        Step.RECOMMENDATION: service.recommend,
        Step.INVESTIGATION: service.investigate,
        Step.DECISION: service.decide,
        Step.PUBLIC_NOTICE: service.publish,
        Step.APPOINTMENT: service.appoint,
        Step.PROBATION_END: service.end_probation,
        Step.RECONSIDERATION: service.reconsider,
        Step.CLOSED: service.close,
        Step.SUPERIOR_CONSENT: service.consent,
    }
    fields = {name: getattr(body, name) for name in type(body).model_fields}
    if isinstance(fields.get("departure"), DepartureIn):
        fields["departure"] = Departure(fields["departure"].reason, fields["departure"].approved_by)
    if isinstance(fields.get("findings"), FindingsIn):
        fields["findings"] = fields["findings"].findings()
    if step is Step.INVESTIGATION:
        fields["subjects"] = [(s.name, s.cadre) for s in fields["subjects"]]
        fields["relations"] = [Relation(r.a, r.b, r.kind) for r in fields["relations"]]
    return record[step](case_id, who, **fields)


def selection_out(case: Case, member: bool = False) -> SelectionOut:
    """The case; its eligibility screening only for a `member` of its selection team or
    committee (what the investigation finds is theirs: 26, 48(4))."""
    return SelectionOut(
        id=case.id,
        candidate=case.candidate,
        post=case.post,
        committee=sorted(case.committee),
        team=sorted(case.team),
        step=case.step,
        next=expected(case),
        version=len(case.events),
        eligibility=latest([e.data for e in case.events]) if member else None,
        exceptional=stated(case),
    )


def event_out(event: Event) -> EventOut:
    """The event with its time of recording beside its data (none in events recorded before
    that time was kept)."""
    data = {k: v for k, v in event.data.items() if k != RECORDED_AT}
    recorded = event.data.get(RECORDED_AT)
    return EventOut(
        seq=event.seq,
        step=event.step,
        at=event.at,
        recorded_at=recorded,
        actor=event.actor,
        data=data,
    )


def dossier_out(dossier: access.Dossier) -> DossierOut:
    shown = [event_out(e) for e in dossier.events]
    case = selection_out(dossier.case, True)
    return DossierOut(selection=case, reader=dossier.reader, events=shown)
