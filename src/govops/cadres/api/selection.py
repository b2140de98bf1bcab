"""Routes of /api/v1/selections: selection cases under the procedure of cn-cadre-selection,
each step recorded only when its guards hold; a refused step is a 422 problem naming the
step, the guard, its article (`cite`, `article`) and the figures (`detail`). The dossier is
for the selection team and the committee only (reader: X-Actor; anyone else gets 403).
The service is `app.state.selections` (set by the composition root); the bodies,
`apply_step` and the views are shared with `govops selections`. Problem details and field
messages are in the request's language (?lang=, Accept-Language); the codes (`step`,
`guard`, `code`) and the article are the same in every language."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from govops.cadres.api.registry import invalid
from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import AccessDeniedError, Case, Event, Motion
from govops.cadres.model.steps import ORDER, ProbationOutcome, Step, StepRefusedError, Vote
from govops.cadres.ports import SelectionConflictError
from govops.cadres.service.selection import (
    SelectionInputError,
    SelectionNotFoundError,
    SelectionService,
)
from govops.lawcode.texts.messages import msg
from govops.platform.api.actor import HeaderActor, actor_of
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.problems import (
    PROBLEM_RESPONSES,
    ProblemResponse,
    field_problem,
    problem,
)
from govops.platform.api.schemas import Actor, AwareTime, Item, Problem, RequestBody, ShortText

Count = Annotated[int, Field(ge=0)]
Names = Annotated[list[Item], Field(max_length=500)]
Votes = Annotated[dict[Item, Vote], Field(max_length=500)]
At = Annotated[AwareTime | None, Field(description="When done: ISO 8601, offset (default now)")]


class SelectionRoute(ExactJSONRoute):
    """An exact-JSON route whose selection errors become problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except StepRefusedError as error:
                return refused(request, error)
            except SelectionInputError as error:
                return invalid(request, error.field, error.message)
            except SelectionNotFoundError as error:
                return problem(request, 404, error.message, "not-found")
            except AccessDeniedError as error:
                return problem(request, 403, error.message, "dossier-denied")
            except SelectionConflictError as error:
                return problem(request, 409, error.message, "concurrent-update")

        return answer


def refused(request: Request, error: StepRefusedError) -> ProblemResponse:
    """422 with the guard as the field, and the step, guard and citation as members; the
    detail and the field message in the request's language, the article as written."""
    errors = [field_problem(request, error.guard, error.detail)]
    answer = problem(request, 422, error.message, "step-refused", errors)
    document = json.loads(bytes(answer.body))
    members = {"step": str(error.step), "guard": error.guard, "cite": str(error.cite)}
    return ProblemResponse(document | members | {"article": error.cite.article}, 422)


def selections(request: Request) -> SelectionService:
    found = getattr(request.app.state, "selections", None)
    if not isinstance(found, SelectionService):
        t = request_translator(request)
        raise HTTPException(503, t._("selection cases are not set up on this server"))
    return found


Selections = Annotated[SelectionService, Depends(selections)]


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
    at: At = None
    actor: Actor


class StepBody(RequestBody):
    at: At = None
    actor: Actor


class RecommendationBody(StepBody):
    expected: Count = Field(description="Those expected to attend the meeting (13)")
    attended: Count
    interviewed: Count = Field(description="Those interviewed (谈话调研推荐, 13(1))")


class InvestigationBody(StepBody):
    investigators: Names
    consulted: Count = Field(description="People talked to and consulted (23)")


class DecisionBody(StepBody):
    votes: Votes = Field(description="Member -> for, against or defer (30)")


class AppointmentBody(StepBody):
    objection_upheld: bool = Field(False, description="The notice's result bars it (34)")


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


class SelectionList(BaseModel):
    count: int
    selections: list[SelectionOut]


class EventOut(BaseModel):
    seq: int
    step: Step
    at: datetime
    actor: str
    data: dict[str, Any]


class DossierOut(BaseModel):
    selection: SelectionOut
    reader: str
    events: list[EventOut]


def open_selection(service: SelectionService, body: MotionBody, actor: str) -> Case:
    committee, team = frozenset(body.committee), frozenset(body.team)
    motion = Motion(body.candidate, body.post, committee, team, body.plan)
    relations = [Relation(r.a, r.b, r.kind) for r in body.relations]
    return service.open(motion, actor, at=body.at, relations=relations)


def apply_step(
    service: SelectionService, case_id: str, step: Step, body: StepBody, actor: str
) -> Event:
    """Record `step` with its body (STEP_BODIES): the body's fields are the use case's."""
    record: dict[Step, Callable[..., Event]] = {
        Step.RECOMMENDATION: service.recommend,
        Step.INVESTIGATION: service.investigate,
        Step.DECISION: service.decide,
        Step.PUBLIC_NOTICE: service.publish,
        Step.APPOINTMENT: service.appoint,
        Step.PROBATION_END: service.end_probation,
    }
    fields = {name: getattr(body, name) for name in type(body).model_fields if name != "actor"}
    return record[step](case_id, actor, **fields)


def selection_out(case: Case) -> SelectionOut:
    done = ORDER.index(case.step)
    return SelectionOut(
        id=case.id,
        candidate=case.candidate,
        post=case.post,
        committee=sorted(case.committee),
        team=sorted(case.team),
        step=case.step,
        next=ORDER[done + 1] if done + 1 < len(ORDER) else None,
        version=len(case.events),
    )


def event_out(event: Event) -> EventOut:
    return EventOut(seq=event.seq, step=event.step, at=event.at, actor=event.actor, data=event.data)


def _fields(model: type[BaseModel]) -> str:
    return ", ".join(f"`{name}`" for name in model.model_fields if name not in ("at", "actor"))


def selections_router() -> APIRouter:
    router = APIRouter(
        prefix="/selections",
        tags=["selections"],
        route_class=SelectionRoute,
        responses=PROBLEM_RESPONSES | {403: {"model": Problem, "description": "Forbidden"}},
    )

    @router.post("", status_code=201, summary="Open a case with its motion (10)")
    def open_case(
        body: MotionBody,
        request: Request,
        response: Response,
        cases: Selections,
        header: HeaderActor,
    ) -> SelectionOut:
        case = open_selection(cases, body, actor_of(body.actor, header))
        response.headers["Location"] = str(request.url_for("get_selection", case_id=case.id))
        return selection_out(case)

    @router.get("", summary="Every case, the latest motion first")
    def every_case(cases: Selections) -> SelectionList:
        found = [selection_out(c) for c in cases.cases()]
        return SelectionList(count=len(found), selections=found)

    @router.get("/{case_id}", name="get_selection", summary="A case, without its dossier")
    def get(case_id: str, cases: Selections) -> SelectionOut:
        return selection_out(cases.get(case_id))

    @router.get("/{case_id}/dossier", summary="The dossier, for the team and the committee")
    def read_dossier(case_id: str, cases: Selections, reader: HeaderActor) -> DossierOut:
        if reader is None:
            raise SelectionInputError("X-Actor", msg("is required: the reader of the dossier"))
        events = cases.dossier(case_id, reader)
        shown = selection_out(cases.get(case_id))
        return DossierOut(selection=shown, reader=reader, events=[event_out(e) for e in events])

    @router.post(
        "/{case_id}/{step}",
        status_code=201,
        summary="Record a step",
        description="Record the next step. Bodies (each with optional `at` and `actor`): "
        + "; ".join(
            f"**{step}**: {_fields(model) or 'nothing more'}" for step, model in STEP_BODIES.items()
        ),
    )
    def record(
        case_id: str,
        step: Step,
        fields: Annotated[dict[str, Any], Body(description="The step's fields")],
        cases: Selections,
        header: HeaderActor,
        request: Request,
        response: Response,
    ) -> EventOut:
        model = STEP_BODIES.get(step)
        if model is None:
            raise SelectionInputError(
                "step", msg("the motion opens a case: {how}", how="POST /selections")
            )
        try:
            body = model.model_validate(fields)
        except ValidationError as error:
            raise RequestValidationError(error.errors(), body=fields) from None
        event = apply_step(cases, case_id, step, body, actor_of(body.actor, header))
        response.headers["Location"] = str(request.url_for("get_selection", case_id=case_id))
        return event_out(event)

    return router
