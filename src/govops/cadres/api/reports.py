"""Routes of /api/v1/cadre-reports: reports over the whole cadre registry.

- `GET /alerts?as_of=&horizon_days=`: rotation, probation, avoidance, bars, training
  (6(5)), absence (45(6), 45(7)) and incompetence (47), soonest first, with what the
  registry could not map (`notes`);
- `GET /screening?as_of=`: each cadre's eligibility for the rank above the one held.

Both need cadre.screen; they cover the registry of the unit running cn-cadre-selection, which
is empty for a reader whose grants do not reach it.

Refusals are RFC 9457 problems, as for /cadres (a bad date is 422 naming `as_of`). The
words (an alert's `detail`, a note's `message`, a screening `error`'s message) are in the
request's language (?lang=, Accept-Language); codes, ids, articles and dates are not.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from govops.cadres.api.registry import CadreRoute, Registry
from govops.cadres.model.registry import Cadre, RegistryInputError, parse_date
from govops.cadres.model.registry_views import alert_rules, registry_alerts, screen_registry
from govops.cadres.service import access
from govops.cadres.service.access import CADRE_SCREEN
from govops.cadres.service.registry import RegistryService
from govops.lawcode.dated.parameters import ParameterError
from govops.packs import load_builtin_pack
from govops.platform.api.auth import actor_of, permission
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Key, Page
from govops.platform.api.problems import PROBLEM_RESPONSES
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor

CADRE_PACK = "cn-cadre-selection"
Screener = Annotated[Actor, Depends(actor_of(permission(CADRE_SCREEN)))]
AsOf = Annotated[str | None, Query(max_length=32, description="YYYY-MM-DD; default today")]


class AlertPerson(BaseModel):
    id: str
    name: str


class AlertOut(BaseModel):
    kind: str = Field(
        description="rotation, probation, avoidance, bar, training, absence or incompetent"
    )
    people: list[AlertPerson]
    article: str
    start: date
    end: date | None = Field(description="First day it no longer holds; null if standing")
    detail: str


class Note(BaseModel):
    person: str
    entry: int
    message: str


class AlertsOut(BaseModel):
    as_of: date
    horizon_days: int
    count: int
    alerts: list[AlertOut]
    notes: list[Note] = Field(description="Registry entries the alerts could not use, and why")


class ScreeningOut(BaseModel):
    as_of: date
    count: int
    cadres: list[dict[str, Any]] = Field(
        description="person, name, held_rank, target_rank, verdict (eligible, "
        "eligible_with_warnings, ineligible, no_rank_above, undecided), refusals and "
        "warnings with their articles, or error"
    )


def _day(cadres: RegistryService, as_of: str | None) -> date:
    return cadres.today() if as_of is None else parse_date(as_of, "as_of")


def screened(cadres: RegistryService, actor: Actor) -> list[Cadre]:
    """Every cadre the actor may screen: the registry, or no one outside their units."""
    people = access.scoped(actor, CADRE_SCREEN, cadres.people())
    return [cadres.get(person.id) for person in people]


def said(t: Translator, line: dict[str, Any], key: str) -> dict[str, Any]:
    """`line` with its message under `key` (a Message) in the reader's language."""
    return line | {key: t.say(line[key])}


def screening_line(t: Translator, line: dict[str, Any]) -> dict[str, Any]:
    """A screening line with its error's message in the reader's language."""
    if "error" not in line:
        return line
    return line | {"error": said(t, line["error"], "message")}


def alert_keys(lines: list[dict[str, Any]]) -> list[tuple[Key, dict[str, Any]]]:
    """Each alert with its place in the order of `registry_alerts` (soonest first, then by
    kind and people) as a sort key; alerts alike in all three are told apart by their rank
    among them."""
    keyed: list[tuple[Key, dict[str, Any]]] = []
    alike: dict[Key, int] = {}
    for line in lines:
        people = "\0".join(p["id"] for p in line["people"])  # NUL: a shorter list first
        order: Key = (line["end"] or line["start"], line["kind"], people)
        alike[order] = alike.get(order, -1) + 1
        keyed.append(((*order, alike[order]), line))
    return keyed


def cadre_reports_router() -> APIRouter:
    router = APIRouter(
        prefix="/cadre-reports",
        tags=["cadre reports"],
        route_class=CadreRoute,
        responses=PROBLEM_RESPONSES,
    )

    @router.get("/alerts", summary="Alerts over the registry: rotation, probation, bars, ...")
    def alerts(
        request: Request,
        cadres: Registry,
        actor: Screener,
        page: Page,
        as_of: AsOf = None,
        horizon_days: Annotated[int, Query(ge=0, le=3660, description="Days ahead")] = 30,
    ) -> AlertsOut:
        day = _day(cadres, as_of)
        try:
            rules = alert_rules(load_builtin_pack(CADRE_PACK), day)
        except ParameterError as error:
            raise RegistryInputError("as_of", error.message) from None
        lines, issues = registry_alerts(
            screened(cadres, actor), day, rules, timedelta(horizon_days)
        )
        t = request_translator(request)
        shown = [line for _, line in page.page(alert_keys(lines), lambda keyed: keyed[0])]
        return AlertsOut(
            as_of=day,
            horizon_days=horizon_days,
            count=len(shown),
            alerts=[AlertOut.model_validate(said(t, line, "detail")) for line in shown],
            notes=[Note.model_validate(said(t, issue.as_dict(), "message")) for issue in issues],
        )

    @router.get("/screening", summary="Each cadre's eligibility for the rank above")
    def screening(
        request: Request, cadres: Registry, actor: Screener, page: Page, as_of: AsOf = None
    ) -> ScreeningOut:
        day = _day(cadres, as_of)
        people = access.scoped(actor, CADRE_SCREEN, cadres.people())
        chosen = page.page(people, lambda p: (p.name, p.id))
        lines = screen_registry([cadres.get(p.id) for p in chosen], day, cadres.eligibility)
        t = request_translator(request)
        shown = [screening_line(t, line) for line in lines]
        return ScreeningOut(as_of=day, count=len(shown), cadres=shown)

    return router
