"""Routes of /api/v1/selections: selection cases under the procedure of cn-cadre-selection,
each step recorded only when its guards hold; a refused step is a 422 problem naming the
step, the guard, its article (`cite`, `article`) and the figures (`detail`). Access
(`govops.cadres.service.access`): selection.read to see cases, selection.run to record
steps, selection.decide and a seat on the case's committee to record its decision (29);
the dossier is for its selection team and committee holding dossier.read (48(4)), each
reading put on record (`app.state.reading_log`). The actor of every event is the signed-in
user at the unit they acted in. The service is `app.state.selections` (set by the
composition root); the bodies, `apply_step` and the views (`selection_bodies`) are shared
with `govops selections`. Problem details and field messages are in the request's language
(?lang=, Accept-Language); the codes (`step`, `guard`, `code`) and the article are the same
in every language."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from govops.cadres.api.registry import invalid
from govops.cadres.api.selection_bodies import (
    STEP_BODIES,
    DossierOut,
    EventOut,
    MotionBody,
    SelectionList,
    SelectionOut,
    apply_step,
    dossier_out,
    event_out,
    open_selection,
    selection_out,
)
from govops.cadres.model.selection import AccessDeniedError
from govops.cadres.model.steps import Step, StepRefusedError
from govops.cadres.ports import SelectionConflictError
from govops.cadres.service import access
from govops.cadres.service.access import DOSSIER_READ, NotAllowedError, ReadingLog
from govops.cadres.service.selection import (
    SelectionInputError,
    SelectionNotFoundError,
    SelectionService,
)
from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import actor_of, permission
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page, at
from govops.platform.api.problems import (
    PROBLEM_RESPONSES,
    ProblemResponse,
    field_problem,
    problem,
)
from govops.platform.api.schemas import Problem
from govops.platform.identity.actor import Actor

# The refusals answered as problems of one status and code each.
ANSWERS: dict[type[Exception], tuple[int, str]] = {
    SelectionNotFoundError: (404, "not-found"),
    AccessDeniedError: (403, "dossier-denied"),
    NotAllowedError: (403, "forbidden"),
    SelectionConflictError: (409, "concurrent-update"),
}


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
            except (
                SelectionNotFoundError,
                AccessDeniedError,
                NotAllowedError,
                SelectionConflictError,
            ) as error:
                status, code = next(a for kind, a in ANSWERS.items() if isinstance(error, kind))
                return problem(request, status, error.message, code)

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


def reading_log(request: Request) -> ReadingLog:
    """Where dossier readings are recorded: without it, no dossier is given (503)."""
    found: ReadingLog | None = getattr(request.app.state, "reading_log", None)
    if found is None:
        t = request_translator(request)
        raise HTTPException(503, t._("the reading log is not set up on this server"))
    return found


Selections = Annotated[SelectionService, Depends(selections)]
Viewer = Annotated[Actor, Depends(actor_of(permission(access.SELECTION_READ)))]
Runner = Annotated[Actor, Depends(actor_of(permission(access.SELECTION_RUN)))]
# The decision needs selection.decide instead: the service checks each step's own.
StepActor = Annotated[
    Actor, Depends(actor_of(permission(access.SELECTION_RUN, access.SELECTION_DECIDE)))
]
DossierReader = Annotated[Actor, Depends(actor_of(permission(DOSSIER_READ)))]


def _fields(model: type[BaseModel]) -> str:
    return ", ".join(f"`{name}`" for name in model.model_fields if name != "at")


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
        actor: Runner,
    ) -> SelectionOut:
        case = open_selection(cases, body, actor)
        response.headers["Location"] = str(request.url_for("get_selection", case_id=case.id))
        return selection_out(case, access.on_case(actor, case))

    @router.get(
        "",
        summary="Every case, the latest motion first",
        description="A page of the cases (`limit`, then `cursor` as the `Link` header of "
        "the page before gives it), the latest motion first.",
    )
    def every_case(cases: Selections, actor: Viewer, page: Page) -> SelectionList:
        visible = access.visible_cases(cases, actor)
        shown = page.page(visible, lambda c: (at(c.events[0].at), c.id), descending=True)
        found = [selection_out(c) for c in shown]
        return SelectionList(count=len(found), selections=found)

    @router.get("/{case_id}", name="get_selection", summary="A case, without its dossier")
    def get(case_id: str, cases: Selections, actor: Viewer) -> SelectionOut:
        case = access.visible_case(cases, case_id, actor)
        return selection_out(case, access.on_case(actor, case))

    @router.get("/{case_id}/dossier", summary="The dossier, for the team and the committee")
    def read_dossier(
        case_id: str,
        cases: Selections,
        actor: DossierReader,
        log: Annotated[ReadingLog, Depends(reading_log)],
    ) -> DossierOut:
        return dossier_out(access.read_dossier(cases, case_id, actor, log))

    @router.post(
        "/{case_id}/{step}",
        status_code=201,
        summary="Record a step",
        description="Record the next step. Bodies (each with an optional `at`): "
        + "; ".join(
            f"**{step}**: {_fields(model) or 'nothing more'}" for step, model in STEP_BODIES.items()
        ),
    )
    def record(
        case_id: str,
        step: Step,
        fields: Annotated[dict[str, Any], Body(description="The step's fields")],
        cases: Selections,
        actor: StepActor,
        request: Request,
        response: Response,
    ) -> EventOut:
        model = STEP_BODIES.get(step)
        if step is Step.MOTION:
            raise SelectionInputError(
                "step", msg("the motion opens a case: {how}", how="POST /selections")
            )
        if model is None:  # a vote not carried, a decision postponed: what a decision records
            raise SelectionInputError(
                "step", msg("recorded by the decision: {how}", how=f"POST .../{Step.DECISION}")
            )
        try:
            body = model.model_validate(fields)
        except ValidationError as error:
            raise RequestValidationError(error.errors(), body=fields) from None
        event = apply_step(cases, case_id, step, body, actor)
        response.headers["Location"] = str(request.url_for("get_selection", case_id=case_id))
        return event_out(event)

    return router
