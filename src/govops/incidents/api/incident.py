"""Routes of /api/v1/incidents: report, read, search, follow up, tick off, close."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Header, Query, Request, Response

from govops.incidents.api.access import acting_on, readable, reporting_unit
from govops.incidents.api.deps import Seen, Service
from govops.incidents.api.inputs import follow_up_model, given_inputs, report_model
from govops.incidents.api.schemas import (
    CloseBody,
    EmptyBody,
    FollowUpBody,
    IncidentList,
    IncidentOut,
    ReportBody,
)
from govops.incidents.model.incident import Status
from govops.incidents.model.intake import AfterAction, IncidentInputError, Intake
from govops.incidents.model.rules import GRADE_TABLE
from govops.incidents.reports.information_report import information_report_docx
from govops.incidents.service.access import ACT, CLOSE, READ, READ_ROUTED, REPORT, visible
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import actor_of, permission
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page, at
from govops.platform.api.problems import PROBLEM_RESPONSES
from govops.platform.identity.actor import Actor

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="A key of the client's choosing, the signed-in user's own: the same "
        "report sent again with the same key returns the incident the first one created and "
        "creates nothing; another report with a key already used is refused (422). On a "
        "follow-up, the key is the user's within the incident.",
    ),
]
OptionalBody = Annotated[EmptyBody | None, Body()]
# Who may call each route (the actor is the signed-in user; the unit is checked per record).
Reader = Annotated[Actor, Depends(actor_of(permission(READ, READ_ROUTED)))]
Reporter = Annotated[Actor, Depends(actor_of(permission(REPORT)))]
Doer = Annotated[Actor, Depends(actor_of(permission(ACT)))]
Closer = Annotated[Actor, Depends(actor_of(permission(CLOSE)))]
GradeQuery = Annotated[str | None, Query(description="A grade of the pack: I, II or III here")]
LanguageQuery = Annotated[
    Literal["zh-Hans", "zh-Hant", "vi", "en"] | None,
    Query(
        alias="lang",
        description="zh-Hans, zh-Hant, vi or en; by default the language of the request "
        "(Accept-Language), else the organisation's",
    ),
]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OverdueQuery = Annotated[
    bool | None, Query(description="Has (true) or has not (false) a deadline missed")
]


def incidents_router(pack: Pack) -> APIRouter:
    """The routes for incidents graded with `pack` (its grading inputs are body fields)."""
    router = APIRouter(
        prefix="/incidents",
        tags=["incidents"],
        route_class=ExactJSONRoute,
        responses=PROBLEM_RESPONSES,
    )
    grades = [o.value for o in pack.table(GRADE_TABLE).outcomes]

    def report(
        body: ReportBody,
        request: Request,
        response: Response,
        service: Service,
        seen: Seen,
        actor: Reporter,
        idempotency_key: IdempotencyKey = None,
    ) -> IncidentOut:
        intake = Intake(
            occurred_at=body.occurred_at,
            place=body.place,
            township=body.township,
            summary=body.summary,
            stage=body.stage,
            causes=tuple(body.causes),
            inputs=given_inputs(body, pack),
            obtained_at=body.obtained_at,
        )
        signed = actor.signature(reporting_unit(actor, body.township, pack.id))
        found = service.report(intake, signed, idempotency_key, owner=actor.username)
        response.headers["Location"] = str(request.url_for("get_incident", incident_id=found.id))
        return seen.incident(found)

    report.__annotations__["body"] = report_model(pack)  # the pack's inputs are fields
    router.post(
        "",
        status_code=201,
        summary="File a first report; it is graded, routed and its deadlines started",
    )(report)

    @router.get("", summary="Search incidents, newest report first")
    def search(
        service: Service,
        seen: Seen,
        actor: Reader,
        page: Page,
        grade: GradeQuery = None,
        status: Status | None = None,
        overdue: OverdueQuery = None,
    ) -> IncidentList:
        if grade is not None and grade not in grades:
            raise IncidentInputError(
                "grade",
                msg(
                    "must be one of {grades}, got {grade}",
                    grades=", ".join(grades),
                    grade=repr(grade),
                ),
            )
        every = service.search(grade, status.value if status else None, overdue)
        found = visible(actor, every, pack.id)
        shown = page.page(found, lambda i: (at(i.reported_at), i.id), descending=True)
        return IncidentList(count=len(shown), incidents=[seen.summary(i) for i in shown])

    @router.get("/{incident_id}", name="get_incident", summary="An incident with its history")
    def get(incident_id: str, service: Service, seen: Seen, actor: Reader) -> IncidentOut:
        return seen.incident(readable(actor, service.get(incident_id), pack.id))

    def follow_up(
        incident_id: str,
        body: FollowUpBody,
        service: Service,
        seen: Seen,
        actor: Reporter,
        idempotency_key: IdempotencyKey = None,
    ) -> IncidentOut:
        unit = acting_on(actor, service.get(incident_id), REPORT, pack.id)
        signed, inputs = actor.signature(unit), given_inputs(body, pack)
        found = service.follow_up(
            incident_id, inputs, body.note, signed, body.stage, idempotency_key, actor.username
        )
        return seen.incident(found)

    follow_up.__annotations__["body"] = follow_up_model(pack)
    router.post(
        "/{incident_id}/follow-ups",
        status_code=201,
        summary="File a follow-up report (续报); a change of grade is recorded with its reason."
        " Idempotency-Key: the same follow-up sent again files nothing more",
    )(follow_up)

    @router.post("/{incident_id}/close", summary="Close with the after-action record (6.1.5)")
    def close(
        incident_id: str, body: CloseBody, service: Service, seen: Seen, actor: Closer
    ) -> IncidentOut:
        unit = acting_on(actor, service.get(incident_id), CLOSE, pack.id)
        record = AfterAction(body.loss_assessment, body.causes, body.lessons, body.rectification)
        return seen.incident(service.close(incident_id, record, actor.signature(unit)))

    @router.post("/{incident_id}/actions/{action_id}/done", summary="Tick off a checklist action")
    def action_done(
        incident_id: str,
        action_id: str,
        service: Service,
        seen: Seen,
        actor: Doer,
        body: OptionalBody = None,
    ) -> IncidentOut:
        unit = acting_on(actor, service.get(incident_id), ACT, pack.id)
        return seen.incident(service.action_done(incident_id, action_id, actor.signature(unit)))

    @router.post("/{incident_id}/deadlines/{deadline_id}/met", summary="Record a deadline met")
    def deadline_met(
        incident_id: str,
        deadline_id: str,
        service: Service,
        seen: Seen,
        actor: Doer,
        body: OptionalBody = None,
    ) -> IncidentOut:
        unit = acting_on(actor, service.get(incident_id), ACT, pack.id)
        found = service.deadline_met(incident_id, deadline_id, actor.signature(unit))
        return seen.incident(found)

    @router.get(
        "/{incident_id}/report.docx",
        summary="The information report (信息报送, 6.1.3(4)) with its follow-ups, as DOCX",
        response_class=Response,
        responses={200: {"content": {DOCX: {}}}},
    )
    def information_report(
        incident_id: str,
        request: Request,
        service: Service,
        actor: Reader,
        lang: LanguageQuery = None,
    ) -> Response:
        incident = readable(actor, service.get(incident_id), pack.id)
        # ?lang= (one of the four), else Accept-Language, else the organisation's language
        language = lang or request_translator(request).language
        document = information_report_docx(incident, pack, language)
        filename = f"information-report-{incident_id}.docx"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        return Response(document, media_type=DOCX, headers=headers)

    return router
