"""Routes of /api/v1/warnings: each area's current rainstorm warning level, the history of
warning events with their traces, the CAP 1.2 alerts as published, and (`api.webhooks`)
webhook subscriptions and the delivery outbox.

The service is `app.state.warnings` and the webhook sender `app.state.warning_sender`
(both set by the composition root).

Access (`service.access`): reading needs `warning.read` and shows only the areas the actor
may read (an area asked for outside them is a 404); the CAP alerts are public on purpose,
published for anyone."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from govops.lawcode.texts.messages import N_
from govops.platform.api.auth import actor_of, permission, public
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Key, Page, at
from govops.platform.api.problems import PROBLEM_RESPONSES, problem
from govops.platform.api.schemas import AwareTime, FieldProblem
from govops.platform.identity.actor import Actor
from govops.warnings.api.access import readable_area
from govops.warnings.model.warning import EventKind, WarningEvent
from govops.warnings.ports import (
    Publication,
    WarningConflictError,
    step_to_json,
)
from govops.warnings.service.access import READ, OperationLog, sees_area
from govops.warnings.service.warning import (
    WarningInputError,
    WarningNotFoundError,
    WarningService,
)
from govops.warnings.service.webhooks import CAP_MEDIA_TYPE, Sender

Level = Literal["blue", "yellow", "orange", "red"]


class WarningRoute(ExactJSONRoute):
    """An exact-JSON route whose warning errors become problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            t = request_translator(request)  # problem details in the client's language
            try:
                return await handler(request)
            except WarningInputError as error:
                errors = [FieldProblem(field=error.field, message=t.say(error.message))]
                detail = t._("invalid input: {fields}", fields=error.field)
                return problem(request, 422, detail, "invalid-input", errors)
            except WarningNotFoundError as error:
                detail = t._("no {name} here", name=repr(error.args[0]))
                return problem(request, 404, detail, "not-found")
            except WarningConflictError as error:
                return problem(request, 409, t.say(error.message), "warning-conflict")

        return answer


def _set_up(request: Request, name: str, missing: str) -> Any:
    """What the composition root put on the application as `name`; 503 saying `missing`
    (a catalog id) on a server where it is not set up."""
    found = getattr(request.app.state, name, None)
    if found is None:
        raise HTTPException(503, request_translator(request)._(missing))
    return found


def warnings(request: Request) -> WarningService:
    found: WarningService = _set_up(
        request, "warnings", N_("early warning is not set up on this server")
    )
    return found


def sender(request: Request) -> Sender:
    found: Sender = _set_up(
        request, "warning_sender", N_("webhook delivery is not set up on this server")
    )
    return found


def operation_log(request: Request) -> OperationLog:
    """The access record where a delivery round run on demand is kept (build_app's)."""
    found: OperationLog = _set_up(
        request, "operation_log", N_("the access record is not set up on this server")
    )
    return found


Warnings = Annotated[WarningService, Depends(warnings)]
Operations = Annotated[OperationLog, Depends(operation_log)]
Send = Annotated[Sender, Depends(sender)]
# Who may call a reading route (the areas are checked per record).
Reader = Annotated[Actor, Depends(actor_of(permission(READ)))]


class EventOut(BaseModel):
    identifier: str = Field(description="The CAP alert's identifier (GB/T 35965.1 style)")
    warning_id: str
    area: str
    seq: int
    kind: EventKind
    level: Level | None = Field(description="The level after the event; none once cancelled")
    previous: Level | None
    at: datetime = Field(description="Beijing time")
    references: list[str] = Field(description="Identifiers of the warning's earlier alerts")
    trace: dict[str, Any] = Field(
        description="Why: the stations and accumulations (mm, as text), the rule clause and "
        "its citation"
    )
    alert: str = Field(description="Where the CAP XML is")


class AreaLevelOut(BaseModel):
    area: str
    name: dict[str, str]
    level: Level | None
    event: EventOut | None = Field(description="The area's last warning event, if any")


class LevelsOut(BaseModel):
    count: int
    areas: list[AreaLevelOut]


class HistoryOut(BaseModel):
    count: int
    events: list[EventOut]


class PublicationOut(BaseModel):
    identifier: str
    channel: str = Field(description="feed, or webhook:<subscription id>")
    published_at: datetime


class PublicationList(BaseModel):
    count: int
    publications: list[PublicationOut]


def event_out(request: Request, event: WarningEvent) -> EventOut:
    return EventOut(
        identifier=event.identifier,
        warning_id=event.warning_id,
        area=event.area,
        seq=event.seq,
        kind=event.kind,
        level=event.level,  # type: ignore[arg-type]
        previous=event.previous,  # type: ignore[arg-type]
        at=event.at,
        references=list(event.references),
        trace=step_to_json(event.step),
        alert=str(request.url_for("warning_alert", identifier=event.identifier)),
    )


def publication_out(found: Publication) -> PublicationOut:
    return PublicationOut(
        identifier=found.identifier, channel=found.channel, published_at=found.published_at
    )


def warnings_router() -> APIRouter:
    router = APIRouter(
        prefix="/warnings", tags=["warnings"], route_class=WarningRoute, responses=PROBLEM_RESPONSES
    )

    @router.get("", summary="Each area's current warning level (the areas one may read)")
    def levels(request: Request, service: Warnings, actor: Reader, page: Page) -> LevelsOut:
        given = {code: place for place, code in enumerate(service.area_codes())}

        def place(area: str) -> Key:  # the given areas first, in their order, then by code
            return (0, given[area], area) if area in given else (1, 0, area)

        seen = [found for found in service.current() if sees_area(actor, found.area)]
        areas = [
            AreaLevelOut(
                area=found.area,
                name=dict(found.name),
                level=found.level,  # type: ignore[arg-type]
                event=None if found.event is None else event_out(request, found.event),
            )
            for found in page.page(seen, lambda found: place(found.area))
        ]
        return LevelsOut(count=len(areas), areas=areas)

    @router.get("/history", summary="Warning events of an area and period, oldest first")
    def history(
        request: Request,
        service: Warnings,
        actor: Reader,
        page: Page,
        area: Annotated[str | None, Query(max_length=32, description="Area code")] = None,
        start: Annotated[AwareTime | None, Query(alias="from", description="From (incl.)")] = None,
        end: Annotated[AwareTime | None, Query(alias="to", description="To (excl.)")] = None,
    ) -> HistoryOut:
        readable_area(actor, area)
        found = [e for e in service.history(area, start, end) if sees_area(actor, e.area)]
        shown = page.page(found, lambda e: (at(e.at), e.identifier))
        events = [event_out(request, e) for e in shown]
        return HistoryOut(count=len(events), events=events)

    @router.get(
        "/alerts/{identifier}.xml",
        name="warning_alert",
        summary="A CAP 1.2 alert, exactly as published",
        response_class=Response,
        responses={200: {"content": {CAP_MEDIA_TYPE: {}}}},
        dependencies=[Depends(public)],  # published for anyone, as CAP alerts are
    )
    def alert(identifier: str, service: Warnings) -> Response:
        return Response(service.alert(identifier), media_type=CAP_MEDIA_TYPE)

    @router.get("/publications", summary="The publish log, oldest first")
    def publications(
        service: Warnings,
        actor: Reader,
        page: Page,
        identifier: Annotated[str | None, Query(max_length=200)] = None,
    ) -> PublicationList:
        every = service.publications(identifier)
        areas = service.areas_of([p.identifier for p in every])
        seen = [p for p in every if sees_area(actor, areas.get(p.identifier, ""))]
        shown = page.page(seen, lambda p: (at(p.published_at), p.identifier, p.channel))
        found = [publication_out(p) for p in shown]
        return PublicationList(count=len(found), publications=found)

    from govops.warnings.api.webhooks import (  # noqa: PLC0415 (they use this module's)
        delivery_routes,
        subscription_routes,
    )

    subscription_routes(router)
    delivery_routes(router)
    return router
