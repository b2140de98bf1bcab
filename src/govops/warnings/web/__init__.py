"""The rainstorm warning pages, server-rendered in the four languages of the catalogs (the
organisation's by default; ?lang=, the cookie every family shares, or the browser's
Accept-Language otherwise), the areas' names as the pack writes them: the district and its
streets with the warning in force in each, each area's day with charts of its accumulations
against the thresholds and its warning events with their CAP alerts, and the daily report.
`build_warning_web_router` gives a router the composition root mounts at `/`. Every page
needs `warning.read` and shows the areas the reader may read (`service.access`); the
stylesheets are public."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_
from govops.platform.api.auth import permission
from govops.platform.web.shell import ModuleEntry
from govops.platform.web.stylesheets import add_common_stylesheet, add_stylesheet
from govops.warnings.service.access import READ
from govops.warnings.service.series import SeriesService
from govops.warnings.service.warning import WarningService
from govops.warnings.web.pages import STYLESHEET, WarningPages

__all__ = ["ENTRY", "build_warning_web_router"]

# The module as the platform's shell lists it.
ENTRY = ModuleEntry("/warnings", N_("Rainstorm warnings"), ("warning.read",))


def build_warning_web_router(
    warnings: WarningService, series: SeriesService, pack: Pack, language: str | None = None
) -> APIRouter:
    """The pages over the services; areas, signals and thresholds from `pack`; `language`
    is the organisation's (default: the pack's)."""
    pages = WarningPages(warnings, series, pack, language or pack.language)
    router = APIRouter(include_in_schema=False)
    get, reader = ["GET"], [Depends(permission(READ))]
    add_common_stylesheet(router)
    add_stylesheet(router, f"/warnings/static/{STYLESHEET}", STYLESHEET, __name__)
    router.add_api_route("/warnings", pages.index, methods=get, dependencies=reader)
    router.add_api_route("/warnings/report", pages.report, methods=get, dependencies=reader)
    router.add_api_route("/warnings/areas/{code}", pages.area, methods=get, dependencies=reader)
    return router
