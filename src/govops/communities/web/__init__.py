"""A street office's pages on its community organisations, server-rendered in the reader's
language (?lang=, the shared cookie, Accept-Language, else the organisation's; the pack's
own words in Traditional Chinese, as the textbook is written): the communities the reader
may see, each street's committees checked at once, and one community's registry (facts,
organisations with their composition verdict, breaches, articles and figures, members,
posts, the history), and its elections, run step by step from their pages (the registry
itself is recorded through the API and the commands). Every route declares its access
rule; the unit checks are `communities.service.access`'s. `build_community_web_router`
gives the router the composition root mounts at `/`."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from govops.communities.service.access import COMMUNITY_READ
from govops.communities.service.registry import RegistryService
from govops.communities.web.elections import ElectionPages
from govops.communities.web.pages import CommunityPages
from govops.lawcode.texts.messages import N_
from govops.platform.web.same_origin import same_origin_guard
from govops.platform.web.shell import ModuleEntry
from govops.platform.web.stylesheets import add_common_stylesheet, add_stylesheet

__all__ = ["ENTRY", "build_community_web_router"]

STYLESHEET = "communities.css"
ENTRY = ModuleEntry("/communities", N_("Community organisations"), (COMMUNITY_READ,))


def build_community_web_router(registry: RegistryService, language: str | None = None) -> APIRouter:
    """The pages over the registry; `language` is the organisation's (default: the pack's)."""
    pages = CommunityPages(registry, language or registry.pack.language)
    router = APIRouter(include_in_schema=False)
    add_common_stylesheet(router)
    add_stylesheet(router, f"/communities/static/{STYLESHEET}", STYLESHEET, __name__)
    router.add_api_route("/communities", pages.index, methods=["GET"])
    router.add_api_route("/communities/{code}", pages.community, methods=["GET"])
    elections = ElectionPages(registry, language or registry.pack.language)
    guard = [Depends(same_origin_guard(language or registry.pack.language))]
    election = "/communities/{code}/elections/{election}"
    router.add_api_route(
        "/communities/{code}/elections", elections.open, methods=["POST"], dependencies=guard
    )
    router.add_api_route(election, elections.election, methods=["GET"])
    router.add_api_route(
        election + "/steps/{step}", elections.step, methods=["POST"], dependencies=guard
    )
    router.add_api_route(election + "/audit.json", elections.audit, methods=["GET"])
    router.add_api_route(election + "/voted.csv", elections.voted, methods=["GET"])
    return router
