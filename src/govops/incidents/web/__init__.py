"""The county emergency office's web pages, server-rendered in the reader's language
(simplified or traditional Chinese, Vietnamese, English; the organisation's by default):
incidents, intake, the grade explained, deadlines, checklist, follow-ups, closure.
`build_web_router` gives a router the composition root mounts at `/`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi import APIRouter, Depends

from govops.incidents.service.access import ACT, CLOSE, READ, READ_ROUTED, REPORT
from govops.incidents.service.incident import IncidentService
from govops.incidents.web.pages import WebPages
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.api.auth import permission, public
from govops.platform.web.same_origin import same_origin_guard
from govops.platform.web.shell import ModuleEntry

__all__ = ["ENTRY", "build_web_router"]

# The module as the platform's shell lists it.
ENTRY = ModuleEntry("/incidents", N_("Incidents"), (READ, READ_ROUTED))


def _utc_now() -> datetime:
    return datetime.now(UTC)


def build_web_router(
    service: IncidentService,
    pack: Pack,
    clock: Callable[[], datetime] = _utc_now,
    language: str | None = None,
) -> APIRouter:
    """The pages over `service`, labelled from `pack`; `clock` (timezone-aware) tells the
    time left to each deadline; `language` is the organisation's (default: the pack's)."""
    organisation = language or pack.language
    pages = WebPages(service, pack, clock, organisation)
    router = APIRouter(include_in_schema=False)
    get, post = ["GET"], ["POST"]
    guard = Depends(same_origin_guard(organisation))
    # Each route's rule (the signed-in user holds the permission at some unit); the pages
    # then check the incident's own unit (service.access).
    read = [Depends(permission(READ, READ_ROUTED))]
    report, act, close = ([guard, Depends(permission(code))] for code in (REPORT, ACT, CLOSE))
    router.add_api_route("/incidents", pages.incidents, methods=get, dependencies=read)
    router.add_api_route("/incidents", pages.create, methods=post, dependencies=report)
    router.add_api_route(
        "/incidents/new", pages.new, methods=get, dependencies=[Depends(permission(REPORT))]
    )
    router.add_api_route("/incidents/{incident_id}", pages.show, methods=get, dependencies=read)
    router.add_api_route(
        "/incidents/{incident_id}/actions/{action_id}",
        pages.action_done,
        methods=post,
        dependencies=act,
    )
    router.add_api_route(
        "/incidents/{incident_id}/deadlines/{deadline_id}",
        pages.deadline_met,
        methods=post,
        dependencies=act,
    )
    router.add_api_route(
        "/incidents/{incident_id}/follow-ups", pages.follow_up, methods=post, dependencies=report
    )
    router.add_api_route(
        "/incidents/{incident_id}/close", pages.close, methods=post, dependencies=close
    )
    router.add_api_route(
        "/static/{name}", pages.static_file, methods=get, dependencies=[Depends(public)]
    )
    return router
