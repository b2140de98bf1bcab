"""Routes of /api/v1/communities/.../alerts: what needs doing in the communities one may
read on a day (default today): terms ending within `within` months (default 6) or ended,
congresses and councils overdue, new estates to apply for or elect their committee,
households outside the law's range, sub-committees below three members. Each alert names
its articles; its label and figures are in the request's language. Reading needs
community.read (`api.registry`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from govops.communities.api.composition import AsOf, Under, as_of_day
from govops.communities.api.registry import Reader, Registry
from govops.communities.service import access
from govops.communities.service.alerts import DEFAULT_WITHIN, MAX_WITHIN, alerts, told
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page, Paging

Within = Annotated[
    int, Query(ge=0, le=MAX_WITHIN, description="Months ahead a term's end is announced")
]


class AlertOut(BaseModel):
    community: str
    kind: str = Field(description="The pack's outcome, or term_ending / term_unknown")
    severity: str = Field(description="refuse or warn")
    organisation: str | None
    due: str | None = Field(description="The day the term ends (YYYY-MM-DD), for a term")
    cite: list[str]
    label: str
    figures: list[str]


class AlertsOut(BaseModel):
    as_of: str
    within: int
    count: int
    alerts: list[AlertOut]


def alert_routes(router: APIRouter) -> None:
    """/communities/alerts (before /communities/{code}) and /communities/{code}/alerts."""

    @router.get("/alerts", summary="What needs doing in the communities one reads")
    def every(
        request: Request,
        communities: Registry,
        actor: Reader,
        page: Page,
        under: Under = None,
        as_of: AsOf = None,
        within: Within = DEFAULT_WITHIN,
    ) -> AlertsOut:
        codes = access.visible(actor, under)
        return _answer(request, page, communities, codes, as_of, within)

    @router.get("/{code}/alerts", summary="What needs doing in a community")
    def one(
        code: str,
        request: Request,
        communities: Registry,
        actor: Reader,
        page: Page,
        as_of: AsOf = None,
        within: Within = DEFAULT_WITHIN,
    ) -> AlertsOut:
        codes = [access.readable(actor, code)]
        return _answer(request, page, communities, codes, as_of, within)


def _answer(
    request: Request,
    page: Paging,
    communities: Registry,
    codes: list[str],
    as_of: str | None,
    within: int,
) -> AlertsOut:
    """A page of the alerts, community by community; in a community, its own first, then
    its organisations' by id, each organisation's by kind."""
    on = as_of_day(communities, as_of)
    t = request_translator(request)
    every = alerts(communities, codes, on, within)
    shown = page.page(every, lambda a: (a.community, a.organisation or "", a.kind))
    found = [AlertOut.model_validate(told(a, t)) for a in shown]
    return AlertsOut(as_of=on.isoformat(), within=within, count=len(found), alerts=found)
