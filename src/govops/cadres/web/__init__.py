"""The organisation department's pages on cadres, server-rendered in the reader's language
(the organisation's by default; ?lang=, the cookie every family shares, or the browser's
Accept-Language otherwise): the cadre registry (everyone in it; one cadre's record and
eligibility for a rank) and the selection cases (every case; one case's steps; its dossier,
for its selection team and committee only, each reading put on record). Read-only: entries
and steps are recorded through the API and the commands. Every route declares its access
rule (`platform.api.auth`); the unit checks are `cadres.service.access`'s.
`build_cadre_web_router` gives a router the composition root mounts at `/`."""

from __future__ import annotations

from fastapi import APIRouter

from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection import SelectionService
from govops.cadres.web.registry_page import RegistryPages
from govops.cadres.web.selection_page import SelectionPages
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.web.shell import ModuleEntry
from govops.platform.web.stylesheets import add_common_stylesheet, add_stylesheet

__all__ = ["ENTRY", "build_cadre_web_router"]

STYLESHEET = "cadres.css"

# The module as the platform's shell lists it: the cases, open to whoever reads them (the
# registry is linked from the module's own header for those who read it too).
ENTRY = ModuleEntry("/selections", N_("Cadre selection"), ("selection.read",))


def build_cadre_web_router(
    registry: RegistryService,
    selections: SelectionService,
    pack: Pack,
    language: str | None = None,
) -> APIRouter:
    """The pages over the registry and the selection services; `pack` is
    cn-cadre-selection (its timezone, the language of its documents); `language` is the
    organisation's (default: the pack's)."""
    organisation = language or pack.language
    people = RegistryPages(registry, pack, organisation)
    cases = SelectionPages(selections, pack, organisation)
    router = APIRouter(include_in_schema=False)
    get = ["GET"]
    add_common_stylesheet(router)
    add_stylesheet(router, f"/cadres/static/{STYLESHEET}", STYLESHEET, __name__)
    router.add_api_route("/cadres", people.index, methods=get)
    router.add_api_route("/cadres/{person_id}", people.cadre, methods=get)
    router.add_api_route("/selections", cases.index, methods=get)
    router.add_api_route("/selections/{case_id}", cases.case, methods=get)
    router.add_api_route("/selections/{case_id}/dossier", cases.dossier, methods=get)
    return router
