"""Routes of /api/v1/warnings for the statistics: each area's level and accumulations at
every minute, by area and period, and the daily report as DOCX.

The services are `app.state.warning_series` and `app.state.warnings` (set by the
composition root). Both routes need `warning.read` and answer for the areas the actor may
read only (`service.access`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from govops.platform.api.language import request_translator
from govops.platform.api.problems import PROBLEM_RESPONSES
from govops.platform.api.schemas import AwareTime, Day
from govops.warnings.api.access import readable_area
from govops.warnings.api.warning import Reader, WarningRoute, Warnings
from govops.warnings.model.series import minute_json
from govops.warnings.reports.daily import daily_report_docx
from govops.warnings.service.access import sees_area
from govops.warnings.service.daily import day_report, default_day
from govops.warnings.service.series import MAX_PERIOD, SeriesService

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Language = Literal["zh-Hans", "zh-Hant", "vi", "en"]


def series_service(request: Request) -> SeriesService:
    found = getattr(request.app.state, "warning_series", None)
    if not isinstance(found, SeriesService):
        detail = request_translator(request)._("warning statistics are not set up on this server")
        raise HTTPException(503, detail)
    return found


Series = Annotated[SeriesService, Depends(series_service)]


class SeriesOut(BaseModel):
    count: int
    minutes: list[dict[str, Any]] = Field(
        description="Per area and minute (Beijing time, the end of the minute): level, "
        "clause, stations reporting and placed, and per window (rain_1h ... rain_24h) the "
        "maximum over the reporting stations, the station holding it and their mean, in mm "
        "as text (exact); null where no station reports"
    )


def warning_series_router() -> APIRouter:
    router = APIRouter(
        prefix="/warnings", tags=["warnings"], route_class=WarningRoute, responses=PROBLEM_RESPONSES
    )

    @router.get(
        "/series",
        summary="Each area's level and accumulations minute by minute, by area and period",
        description=f"Without from and to: the day up to the latest minute stored. A period "
        f"is at most {MAX_PERIOD.days} days.",
    )
    def series(
        service: Series,
        actor: Reader,
        area: Annotated[str | None, Query(max_length=32, description="Area code")] = None,
        start: Annotated[AwareTime | None, Query(alias="from", description="From (incl.)")] = None,
        end: Annotated[AwareTime | None, Query(alias="to", description="To (excl.)")] = None,
    ) -> SeriesOut:
        readable_area(actor, area)
        found = service.series(area, start, end)
        rows = [minute_json(row) for row in found if sees_area(actor, row.area)]
        return SeriesOut(count=len(rows), minutes=rows)

    @router.get(
        "/report",
        summary="The daily report (暴雨预警日报) of a Beijing day, as DOCX",
        response_class=Response,
        responses={200: {"content": {DOCX: {}}}},
    )
    def report(
        request: Request,
        service: Series,
        warnings: Warnings,
        actor: Reader,
        day: Annotated[
            Day | None,
            Query(alias="date", description="YYYY-MM-DD; default: the day of the latest minute"),
        ] = None,
        language: Annotated[
            Language | None,
            Query(
                alias="lang",
                description="zh-Hans, zh-Hant, vi or en; default: Accept-Language, else the "
                "organisation's",
            ),
        ] = None,
    ) -> Response:
        now = warnings.now()
        chosen = day or default_day(service, now)
        t = request_translator(request)
        names = {c.area: c.name for c in warnings.current() if sees_area(actor, c.area)}
        document = daily_report_docx(
            day_report(chosen, service, warnings, now, names), language or t.language, t.timezone
        )
        filename = f"rainstorm-warnings-{chosen.isoformat()}.docx"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        return Response(document, media_type=DOCX, headers=headers)

    return router
