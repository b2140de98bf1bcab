"""The cadre registry's pages: everyone in it, and one cadre's record (the facts in force,
the whole history) with their eligibility for a rank, decided by the registry service as
the API's eligibility answers it (nothing is decided here). Read-only.

The registry belongs to the unit running cn-cadre-selection (`service.access`): a reader
whose grants do not reach it sees an empty list, and a cadre's page is answered 404, as an
unknown cadre's is."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from govops.cadres.model.record import RANKS
from govops.cadres.model.registry import RegistryInputError
from govops.cadres.service import access
from govops.cadres.service.registry import CadreNotFoundError, RegistryService
from govops.cadres.web.render import Visit, visit
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg
from govops.platform.api.auth import OutOfScopeError, actor_of, permission
from govops.platform.identity.actor import Actor

CadreReader = Annotated[Actor, Depends(actor_of(permission(access.CADRE_READ)))]
QUERY_TEXT = 32  # the longest query value read (a rank code, a date)


def reading_unit(actor: Actor, code: str) -> str:
    """The unit the actor reads in with `code`; out of their units, not found (404)."""
    unit = access.acting_unit(actor, code)
    if unit is None:
        raise OutOfScopeError(msg("not found"))
    return unit


class RegistryPages:
    def __init__(self, registry: RegistryService, pack: Pack, language: str) -> None:
        self.registry, self.pack, self.language = registry, pack, language

    def index(self, request: Request, actor: CadreReader) -> Response:
        # outside the office's units, the list is empty (as the API's), not an error
        v = self._visit(request, actor)
        people = access.scoped(actor, access.CADRE_READ, self.registry.people())
        return v.render("cadres/registry.html", f"{v.base}/cadres", {"people": people})

    def cadre(self, request: Request, person_id: str, actor: CadreReader) -> Response:
        v = self._visit(request, actor)
        url = f"{v.base}/cadres/{person_id}"
        try:
            cadre = access.visible_cadre(self.registry, person_id, actor)
        except CadreNotFoundError as error:
            return not_found(v, url, error.message, "/cadres")
        asked = _asked(request)
        values: dict[str, Any] = {"cadre": cadre, "ranks": RANKS, "asked": asked}
        values |= {"eligibility": None, "problem": None}
        status = 200
        if asked["target_rank"]:
            try:
                values["eligibility"] = self.registry.eligibility(
                    person_id,
                    asked["target_rank"],
                    asked["as_of"] or None,
                    asked["exceptional"],
                    asked["party_post"],
                )
            except RegistryInputError as error:
                t = v.reader.t
                values["problem"] = t._(
                    "{field}: {problem}", field=error.field, problem=error.message
                )
                status = 422
        query = request.url.query
        return v.render("cadres/cadre.html", f"{url}?{query}" if query else url, values, status)

    def _visit(self, request: Request, actor: Actor) -> Visit:
        return visit(request, actor, self.language, self.pack.timezone, self.pack.language)


def _asked(request: Request) -> dict[str, Any]:
    """What the eligibility form asks: the rank, the day, and the two flags."""
    query = request.query_params
    return {
        "target_rank": (query.get("target_rank") or "").strip()[:QUERY_TEXT],
        "as_of": (query.get("as_of") or "").strip()[:QUERY_TEXT],
        "exceptional": query.get("exceptional") == "on",
        "party_post": query.get("party_post") == "on",
    }


def not_found(v: Visit, url: str, message: Message, back: str) -> Response:
    """The family's not-found page, saying what was not found, with the way back."""
    values = {"message": v.reader.t.say(message), "back": f"{v.base}{back}"}
    return v.render("cadres/error.html", url, values, 404)
