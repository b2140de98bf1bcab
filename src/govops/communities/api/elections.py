"""Routes of /api/v1/communities/{code}/elections: a committee election step by step (slide
42), each step under the guards of `model.election_case`, recorded in the community's
chained stream as the signed-in user; the register of voters from a .csv or .xlsx sheet;
an election as it stands, its rounds' audit records (for an observer's recount) and who
signed in for each round (CSV).

A step the rules refuse is answered 422 `step-refused`, its detail in the request's
language and, for a slate, `findings` (the people, why, the article); an unknown election
404 `election-not-found`. Access as for the registry: community.record to record a step,
community.read to read, at the community, its street or above."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from pydantic import Field

from govops.communities.api.registry import (
    CommunityRoute,
    Reader,
    Registry,
    Signed,
    known_encoding,
)
from govops.communities.model.election_case import StepRefusedError
from govops.communities.model.registry import Event
from govops.communities.service import access
from govops.communities.service.elections import (
    ElectionService,
    UnknownElectionError,
    election_out,
    voted_csv,
)
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page
from govops.platform.api.problems import PROBLEM_RESPONSES, ProblemResponse, problem
from govops.platform.sheets import read_rows

StepName = Annotated[str, Field(max_length=32)]
# A step's fields: at most a handful, each checked by the step (lists bounded there).
StepData = Annotated[dict[Annotated[str, Field(max_length=32)], Any], Field(max_length=8)]


class ElectionRoute(CommunityRoute):
    """The registry's answers, and a refused step (422) or an unknown election (404)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except StepRefusedError as error:
                return step_refused(request, error)
            except UnknownElectionError as error:
                return problem(request, 404, error.message, "election-not-found")

        return answer


def step_refused(request: Request, error: StepRefusedError) -> ProblemResponse:
    t = request_translator(request)
    answer = problem(request, 422, error.message, "step-refused")
    if not error.findings:
        return answer
    body: dict[str, Any] = json.loads(bytes(answer.body))
    body["findings"] = [
        {
            "people": list(f.people),
            "message": t.say(f.reason),
            "cite": str(f.cite) if f.cite else None,
        }
        for f in error.findings
    ]
    return ProblemResponse(body, status_code=422)


def elections(registry: Registry) -> ElectionService:
    return ElectionService(registry)


Elections = Annotated[ElectionService, Depends(elections)]


def election_router() -> APIRouter:
    """The routes, to be included in the router of /communities."""
    router = APIRouter(route_class=ElectionRoute, responses=PROBLEM_RESPONSES)
    _reading_routes(router)
    _downloads(router)
    _recording_routes(router)
    return router


def _reading_routes(router: APIRouter) -> None:
    @router.get("/{code}/elections", summary="The community's elections as they stand")
    def every(code: str, service: Elections, actor: Reader, page: Page) -> list[dict[str, Any]]:
        access.readable(actor, code)
        cases = list(service.all(code).values())
        return [election_out(c) for c in page.page(cases, lambda c: (c.day.isoformat(), c.id))]

    @router.get("/{code}/elections/{election}", summary="One election: its steps as recorded")
    def one(code: str, election: str, service: Elections, actor: Reader) -> dict[str, Any]:
        access.readable(actor, code)
        case = service.get(code, election)
        return election_out(case) | {"steps": [dict(s) for s in case.steps]}

    @router.get(
        "/{code}/elections/{election}/audit",
        summary="The rounds' audit records: every ballot by serial, the rules, the result",
    )
    def audit(
        code: str, election: str, service: Elections, actor: Reader, page: Page
    ) -> list[dict[str, Any]]:
        access.readable(actor, code)
        rounds = service.get(code, election).rounds
        return [dict(r) for r in page.page(rounds, lambda r: (int(r["round"]),))]


def _downloads(router: APIRouter) -> None:
    @router.get(
        "/{code}/elections/{election}/voted",
        summary="Who signed in for each round (CSV: id, name, rounds)",
        response_class=Response,
    )
    def voted(code: str, election: str, service: Elections, actor: Reader) -> Response:
        access.readable(actor, code)
        csv_text = voted_csv(service.get(code, election))
        return Response(csv_text, media_type="text/csv; charset=utf-8")


def _recording_routes(router: APIRouter) -> None:
    @router.post(
        "/{code}/elections/{election}/voters",
        status_code=201,
        summary="Register the voters (step 2) from a .csv or .xlsx sheet: all rows or none",
    )
    def voters(
        code: str,
        election: str,
        service: Elections,
        who: Signed,
        file: Annotated[UploadFile, File(description="Columns id, name, birth_date, resident")],
        encoding: Annotated[str, Form(max_length=32, description="A CSV's encoding")] = "utf-8",
    ) -> Event:
        rows = read_rows(file.file.read(), file.filename or "", known_encoding(encoding))
        return service.import_voters(code, election, [(r.line, r.cells) for r in rows], who)

    @router.post(
        "/{code}/elections/{election}/steps/{step}",
        status_code=201,
        summary="Record one step of the election (the body: the step's other fields)",
    )
    def step(
        code: str, election: str, step: StepName, body: StepData, service: Elections, who: Signed
    ) -> Event:
        return service.record_step(code, step, {**body, "election": election}, who)
