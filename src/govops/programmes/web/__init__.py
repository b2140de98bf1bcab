"""The programme pages, server-rendered in zh-Hans, zh-Hant, vi and en (Vietnamese, the
plans' own language, for a reader who chose none unless the organisation's language is
set): the plans packs carry, each plan's scope, targets, activities and agencies, and its
budget checked row by row with every finding cited. `build_programme_router` gives a router the
composition root mounts at `/` next to the incident pages. Every page needs
`programme.read`, at a unit running the plan's pack (`pages.reads`); the stylesheets are
public."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Depends

from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.api.auth import permission
from govops.platform.web.shell import ModuleEntry
from govops.platform.web.stylesheets import add_common_stylesheet, add_stylesheet
from govops.programmes.web.pages import READ, STYLESHEET, ProgrammePages

__all__ = ["ENTRY", "build_programme_router"]

# The module as the platform's shell lists it.
ENTRY = ModuleEntry("/programmes", N_("Programme plans"), ("programme.read",))

DOCUMENT_LANGUAGE = "vi"  # the plans' own language: for a reader who chose none


def build_programme_router(packs: Mapping[str, Pack], language: str | None = None) -> APIRouter:
    """The pages over the packs of `packs` (by id) that have a programme; the others are
    left out, as an unknown id is (404)."""
    pages = ProgrammePages(packs, language or DOCUMENT_LANGUAGE)
    router = APIRouter(include_in_schema=False)
    get, reader = ["GET"], [Depends(permission(READ))]
    add_common_stylesheet(router)
    add_stylesheet(router, f"/programmes/static/{STYLESHEET}", STYLESHEET, __name__)
    router.add_api_route("/programmes", pages.index, methods=get, dependencies=reader)
    router.add_api_route("/programmes/{pack_id}", pages.plan, methods=get, dependencies=reader)
    router.add_api_route(
        "/programmes/{pack_id}/budget", pages.budget, methods=get, dependencies=reader
    )
    return router
