"""The community pages: the list (the communities the reader may see, by street, with the
street's committees checked at once by the batch) and one community (its registry folded,
each organisation's composition checked on the day asked, its history). Nothing is decided
here: the checks are the service's, as the API answers them.

A community outside the reader's units is answered 404, as an unknown one."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from govops.communities.model.election import election_procedure
from govops.communities.model.election_case import elections
from govops.communities.model.registry import RegistryInputError
from govops.communities.model.registry_checks import day
from govops.communities.service import access
from govops.communities.service.access import CommunityNotFoundError
from govops.communities.service.alerts import DEFAULT_WITHIN, alerts, told
from govops.communities.service.composition import check_organisation, checked_organisations
from govops.communities.service.composition_street import check_street
from govops.communities.service.registry import RegistryService
from govops.communities.web.render import Visit, visit
from govops.platform.api.auth import actor_of, permission
from govops.platform.identity.actor import Actor

Reader = Annotated[Actor, Depends(actor_of(permission(access.COMMUNITY_READ)))]
QUERY_TEXT = 32  # the longest query value read (a date)


class CommunityPages:
    def __init__(self, registry: RegistryService, language: str) -> None:
        self.registry, self.language = registry, language

    def index(self, request: Request, actor: Reader) -> Response:
        v = self._visit(request, actor)
        day, problem = self._day(request, v)
        streets: dict[str | None, list[str]] = {}
        for code in access.visible(actor):
            streets.setdefault(actor.tree.get(code).parent, []).append(code)
        rows: dict[str, dict[str, Any]] = {}
        if problem is None:
            communities = [self.registry.get(c) for codes in streets.values() for c in codes]
            try:
                for row in check_street(self.registry.pack, communities, day):
                    rows.setdefault(row["community"], {})[row["organisation"]] = row
            except RegistryInputError as error:
                problem = v.reader.t._(
                    "{field}: {problem}", field=error.field, problem=error.message
                )
        said = self._alerts(v, [c for codes in streets.values() for c in codes], day, problem)
        values = {"streets": streets, "checks": rows, "day": day, "problem": problem}
        values |= {"alerts": said}
        return v.render(
            "communities/index.html", f"{v.base}/communities", values, 422 if problem else 200
        )

    def community(self, request: Request, code: str, actor: Reader) -> Response:
        v = self._visit(request, actor)
        url = f"{v.base}/communities/{code}"
        try:
            access.readable(actor, code)
        except CommunityNotFoundError as error:
            said = {"message": v.reader.t.say(error.message), "back": f"{v.base}/communities"}
            return v.render("communities/error.html", url, said, 404)
        community = self.registry.get(code)
        day, problem = self._day(request, v)
        checks: list[dict[str, Any]] = []
        if problem is None:
            try:
                checks = [
                    check_organisation(self.registry.pack, community, o.id, day).as_dict()
                    for o in checked_organisations(community, day)
                ]
            except RegistryInputError as error:
                problem = v.reader.t._(
                    "{field}: {problem}", field=error.field, problem=error.message
                )
        values: dict[str, object] = {"community": community, "checks": checks}
        procedure = election_procedure(self.registry.pack)
        values["elections"] = list(elections(community, procedure).values())
        values |= {"day": day, "problem": problem}
        values["alerts"] = self._alerts(v, [code], day, problem)
        query = request.url.query
        page = f"{url}?{query}" if query else url
        return v.render("communities/community.html", page, values, 422 if problem else 200)

    def _alerts(
        self, v: Visit, codes: list[str], day: date, problem: str | None
    ) -> list[dict[str, Any]]:
        """The communities' alerts on `day` (terms ending within DEFAULT_WITHIN months),
        said in the reader's language; none when the day itself is refused."""
        if problem is not None:
            return []
        try:
            found = alerts(self.registry, codes, day, DEFAULT_WITHIN)
        except RegistryInputError:
            return []  # the composition's problem says why (the same day, the same rules)
        return [told(alert, v.reader.t) for alert in found]

    def _visit(self, request: Request, actor: Actor) -> Visit:
        return visit(request, actor, self.language, self.registry.pack)

    def _day(self, request: Request, v: Visit) -> tuple[date, str | None]:
        """The day asked (?as_of=YYYY-MM-DD), today by default; a problem in words."""
        asked = (request.query_params.get("as_of") or "").strip()[:QUERY_TEXT]
        today = self.registry.today()
        if not asked:
            return today, None
        try:
            return date.fromisoformat(day("as_of", asked)), None
        except RegistryInputError as error:
            return today, v.reader.t._(
                "{field}: {problem}", field=error.field, problem=error.message
            )
