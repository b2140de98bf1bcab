"""Routes of /api/v1/communities/.../composition: the make-up of a community's
organisations on a day (default today, in the pack's timezone), judged by the pack
cn-community-organizations from the registry; and a street's at once.

Each check gives its verdict, the breaches refusing or warning (with their clauses,
articles and the figures behind them, `3 of 7 members retired (42.9%)`) and the inputs
judged; the figures are said in the request's language, the rest is the same in every
language. Reading needs community.read, as the registry does (`api.registry`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from govops.communities.api.registry import Reader, Registry
from govops.communities.model.registry import Organisation, OrganisationKind
from govops.communities.model.registry_checks import day
from govops.communities.service import access
from govops.communities.service.composition import check_organisation, checked_organisations
from govops.communities.service.composition_street import check_street
from govops.communities.service.registry import RegistryService
from govops.lawcode.texts.messages import msg
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page
from govops.platform.i18n.translator import Translator

AsOf = Annotated[str | None, Query(max_length=32, description="YYYY-MM-DD; default today")]
Under = Annotated[str | None, Query(max_length=64, description="A street; default: all one reads")]


class CheckOut(BaseModel):
    community: str
    organisation: str
    kind: str
    as_of: str
    verdict: str = Field(description="eligible, eligible_with_warnings or ineligible")
    refusals: list[dict[str, Any]] = Field(description="Firm rules breached, with articles")
    warnings: list[dict[str, Any]] = Field(description="In-principle rules breached")
    inputs: dict[str, Any] = Field(description="The inputs judged")


class CompositionOut(BaseModel):
    community: str
    as_of: str
    count: int
    organisations: list[CheckOut]


class StreetRow(BaseModel):
    community: str
    organisation: str
    kind: str
    verdict: str
    breaches: list[str] = Field(description="The rules breached, by outcome id")


class StreetOut(BaseModel):
    under: str | None
    as_of: str
    count: int
    organisations: list[StreetRow]


def as_of_day(registry: RegistryService, as_of: str | None) -> date:
    """The day asked (422 naming `as_of` for one that is no date), else today."""
    return date.fromisoformat(day("as_of", as_of)) if as_of else registry.today()


def said(check: dict[str, Any], t: Translator) -> CheckOut:
    """A check's answer, its figures in `t`'s language."""
    for breach in (*check["refusals"], *check["warnings"]):
        breach["figures"] = [t.say(figure) for figure in breach["figures"]]
    return CheckOut.model_validate(check)


def committee_first(kind: str, organisation: str) -> tuple[int, str]:
    """The order of the organisations checked in a community: its committees first (as
    `check_street` gives them), then the other bodies, each by id."""
    return (0 if kind == OrganisationKind.COMMITTEE.value else 1, organisation)


def organisation_key(organisation: Organisation) -> tuple[int, str]:
    return committee_first(organisation.kind.value, organisation.id)


def composition_routes(router: APIRouter) -> None:
    """The composition routes, /communities/composition before /communities/{code}."""

    @router.get("/composition", summary="Every organisation checked in the communities of a street")
    def street(
        communities: Registry, actor: Reader, page: Page, under: Under = None, as_of: AsOf = None
    ) -> StreetOut:
        on = as_of_day(communities, as_of)
        held = [communities.get(code) for code in access.visible(actor, under)]
        every = [StreetRow.model_validate(r) for r in check_street(communities.pack, held, on)]
        rows = page.page(every, lambda r: (r.community, *committee_first(r.kind, r.organisation)))
        return StreetOut(under=under, as_of=on.isoformat(), count=len(rows), organisations=rows)

    @router.get("/{code}/composition", summary="Every organisation of a community checked")
    def community(
        code: str,
        request: Request,
        communities: Registry,
        actor: Reader,
        page: Page,
        as_of: AsOf = None,
    ) -> CompositionOut:
        access.readable(actor, code)
        on, held = as_of_day(communities, as_of), communities.get(code)
        t = request_translator(request)
        checked = page.page(checked_organisations(held, on), organisation_key)
        checks = [
            said(check_organisation(communities.pack, held, o.id, on).as_dict(), t) for o in checked
        ]
        return CompositionOut(
            community=code, as_of=on.isoformat(), count=len(checks), organisations=checks
        )

    @router.get(
        "/{code}/organisations/{organisation}/composition", summary="One organisation checked"
    )
    def organisation(
        code: str,
        organisation: str,
        request: Request,
        communities: Registry,
        actor: Reader,
        as_of: AsOf = None,
    ) -> CheckOut:
        access.readable(actor, code)
        on, held = as_of_day(communities, as_of), communities.get(code)
        if organisation not in held.organisations:  # not found, as an unknown community
            missing = msg("no organisation {id} in this community", id=repr(organisation))
            raise access.CommunityNotFoundError(missing)
        check = check_organisation(communities.pack, held, organisation, on)
        return said(check.as_dict(), request_translator(request))
