"""The registers' pages, server-rendered in the reader's language: the boards one may read
(the district's, its streets'), and a unit's board on a day (its indicators against the
plan's targets with a trend chart each, its alerts, the streets below it, its registers:
each kind's records to download as CSV or XLSX, and a sheet to record from a form).
`build_register_web_router` gives the router the composition root mounts at `/`."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from govops.lawcode.texts.messages import N_
from govops.platform.web.same_origin import same_origin_guard
from govops.platform.web.shell import ModuleEntry
from govops.platform.web.stylesheets import add_common_stylesheet, add_stylesheet
from govops.registers.service.access import REGISTER_READ
from govops.registers.service.registers import RegisterService
from govops.registers.web.pages import RegisterPages
from govops.registers.web.records import RecordPages

__all__ = ["ENTRY", "build_register_web_router"]

STYLESHEET = "registers.css"
ENTRY = ModuleEntry("/registers", N_("Registers and indicators"), (REGISTER_READ,))


def build_register_web_router(service: RegisterService, language: str | None = None) -> APIRouter:
    pages = RegisterPages(service, language or service.pack.language)
    router = APIRouter(include_in_schema=False)
    add_common_stylesheet(router)
    add_stylesheet(router, f"/registers/static/{STYLESHEET}", STYLESHEET, __name__)
    router.add_api_route("/registers", pages.index, methods=["GET"])
    router.add_api_route("/registers/{unit}", pages.board, methods=["GET"])
    records = RecordPages(service, pages)
    guard = [Depends(same_origin_guard(language or service.pack.language))]
    router.add_api_route("/registers/{unit}/records/{name}", records.download, methods=["GET"])
    router.add_api_route(
        "/registers/{unit}/records", records.record, methods=["POST"], dependencies=guard
    )
    return router
