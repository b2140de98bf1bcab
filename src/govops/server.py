"""The web application: the API under /api/v1 and, when given, the web pages at /."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

import govops
from govops.cadres.api.registry import cadres_router
from govops.cadres.api.reports import cadre_reports_router
from govops.cadres.api.selection import selections_router
from govops.communities.api import communities_router
from govops.config import Limits
from govops.incidents.api import errors as incident_errors
from govops.incidents.api.deps import ApiContext
from govops.incidents.api.incident import incidents_router
from govops.incidents.api.inputs import grading_inputs
from govops.incidents.api.schemas import CloseBody, ReportBody
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.api import problems
from govops.platform.api.auth import permission, public, signed_in
from govops.platform.api.language import set_default_language
from govops.platform.identity.authenticator import Authenticator
from govops.platform.operations.metrics import CONTENT_TYPE, Metrics
from govops.platform.operations.requests import Requests
from govops.platform.operations.state import Operations, figures_by_name
from govops.platform.web import auth as access_refusals
from govops.platform.web import guards
from govops.registers.api import registers_router

API_PREFIX = "/api/v1"
OPENAPI_PATH = f"{API_PREFIX}/openapi.json"
MONITOR = "platform.monitor"  # reads /metrics (a scraper's token: the role `monitor`)
DESCRIPTION = """\
Incidents reported, graded, routed and timed by the pack's rules, with every decision
explained (trace, why not the level above).

- **Who**: every request is signed in, by a session or an API token
  (`Authorization: Bearer <token>`); without one, 401. The events name the signed-in user
  and the unit they acted in (`chengguan@chengguan`); a body's `actor` field is refused
  (422) and an `X-Actor` header is ignored. Each user sees the incidents of their units
  (`incident.read` at the township's unit, found from the report's `township`) and those
  routed to their department (`incident.read_routed`); any other is answered as unknown
  (404). Reporting needs `incident.report` at the township (403 otherwise, nothing filed),
  follow-ups too; ticking off actions and deadlines `incident.act`; closing
  `incident.close`.
- **Figures** are the inputs of the pack's grade table, as top-level fields: numbers, or
  text as staff type it (`五千`, `约5000`, `8个小时`). Numbers are read exactly.
- **Times** are ISO 8601 with a UTC offset (`2026-06-01T09:30:00+08:00`); a time without
  one is refused (422). Answers give times in the pack's timezone.
- **Retries**: a report sent again by the same user with the same `Idempotency-Key` and the
  same body returns the incident the first one created (201 again) and creates nothing;
  the same key with another body is refused (409, `idempotency-key-reused`). A key is its
  user's own: another user's same key files their own report.
- **Errors** are RFC 9457 problem documents (`application/problem+json`): 422 with an
  `errors` list of `{field, message}` for bad input, 404 for an unknown incident, 409 for a
  closed incident or a concurrent change (retry), 500 (logged) otherwise.
"""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def health() -> dict[str, str]:
    """For a load balancer or a monitor: the server answers (anyone may ask)."""
    return {"status": "ok"}


def ready(request: Request) -> JSONResponse:
    """Whether the server can serve: the database answers, its schema at the migrations'
    head (503 otherwise); with the figures of its state (queues, the last observation)."""
    operations: Operations | None = request.app.state.operations
    if operations is None:
        return JSONResponse({"status": "ready", "checks": {}, "figures": {}})
    said = operations.readiness()
    body = {
        "status": "ready" if said.ready else "not_ready",
        "checks": said.checks,
        "figures": figures_by_name(said.figures),
        "failed_probes": said.failed_probes,
    }
    return JSONResponse(body, status_code=200 if said.ready else 503)


def metrics(request: Request) -> Response:
    """Requests, latencies, queue depths and deliveries in Prometheus's text format."""
    found: Metrics = request.app.state.metrics
    return Response(found.text(), media_type=CONTENT_TYPE)


def watch(app: FastAPI, operations: Operations) -> None:
    """/ready and /metrics read the service's state through `operations` from now on."""
    app.state.operations = operations
    app.state.metrics.watch(operations)


def create_app(
    service: IncidentService,
    pack: Pack,
    web_router: APIRouter | None = None,
    *,
    clock: Callable[[], datetime] = _utc_now,
    on_shutdown: Sequence[Callable[[], object]] = (),
    language: str | None = None,
    authenticator: Authenticator | None = None,
) -> FastAPI:
    """`clock` tells which deadlines are overdue in the answers (give the service's clock);
    `on_shutdown` runs when the server stops (e.g. to dispose of the database engine);
    `authenticator` says who each request comes from (None: no one is ever signed in).
    What tells whether the server is ready, and the figures of its state, is given after
    (`watch`)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            for stop in on_shutdown:
                stop()

    app = FastAPI(
        lifespan=lifespan,
        title="govops incidents API",
        version=govops.__version__,
        summary=f"Incidents graded, routed and timed by the pack {pack.id} {pack.version}",
        description=DESCRIPTION,
        # The OpenAPI document is served below, to signed-in users only (the route table is
        # not for anonymous clients).
        openapi_url=None,
        # FastAPI's interactive docs load their scripts from a CDN, which an office PC
        # offline cannot reach: the OpenAPI document itself is served instead.
        docs_url=None,
        redoc_url=None,
    )
    app.state.govops = ApiContext(service=service, pack=pack, clock=clock)
    set_default_language(app, language or pack.language, pack.timezone)
    fields = set(grading_inputs(pack)) | set(ReportBody.model_fields) | {"note"}
    known = fields | set(CloseBody.model_fields)
    problems.install(app, API_PREFIX, known, incident_errors.FIELD_ERRORS, incident_errors.ANSWERS)
    guards.install(app, API_PREFIX, Limits.from_env())  # headers, body size, busy storage
    app.state.authenticator = authenticator
    access_refusals.install(app, API_PREFIX, machine_paths=("/metrics",))
    app.add_api_route("/health", health, methods=["GET"], dependencies=[Depends(public)])
    app.state.operations = None
    app.state.metrics = Metrics()
    app.add_middleware(Requests, metrics=app.state.metrics)
    app.add_api_route(
        "/ready",
        ready,
        methods=["GET"],
        dependencies=[Depends(public)],
        responses={503: {"description": "Not ready: the database or its schema."}},
    )
    app.add_api_route(
        "/metrics",
        metrics,
        methods=["GET"],
        dependencies=[Depends(permission(MONITOR))],
        response_class=PlainTextResponse,
    )

    def openapi_document() -> JSONResponse:
        """The OpenAPI document of every route the application has."""
        return JSONResponse(app.openapi())

    app.add_api_route(
        OPENAPI_PATH,
        openapi_document,
        methods=["GET"],
        include_in_schema=False,
        dependencies=[Depends(signed_in)],
    )
    app.include_router(incidents_router(pack), prefix=API_PREFIX)
    app.include_router(cadres_router(), prefix=API_PREFIX)
    app.include_router(selections_router(), prefix=API_PREFIX)
    app.include_router(cadre_reports_router(), prefix=API_PREFIX)
    app.include_router(communities_router(), prefix=API_PREFIX)
    app.include_router(registers_router(), prefix=API_PREFIX)
    if web_router is not None:
        app.include_router(web_router)
    return app
