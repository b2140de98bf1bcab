"""A unit's registers from its board: each kind's records as a download (CSV or XLSX, as
`govops registers export` writes them) and a sheet recorded from a form (all rows or none;
refused, the board again with every refused row). Reading needs register.read, recording
register.record, at the unit or above."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from govops.platform.api.auth import actor_of, permission
from govops.platform.identity.actor import Actor
from govops.platform.sheets import SheetError, read_rows, write_rows
from govops.registers.model.records import RecordKind, export_columns
from govops.registers.service.access import (
    REGISTER_READ,
    REGISTER_RECORD,
    NotAllowedError,
    RegisterNotFoundError,
    unknown,
)
from govops.registers.service.registers import RecordInputError, RegisterService, RowsRefusedError
from govops.registers.web.pages import RegisterPages
from govops.registers.web.render import visit

Reader = Annotated[Actor, Depends(actor_of(permission(REGISTER_READ)))]
Recorder = Annotated[Actor, Depends(actor_of(permission(REGISTER_RECORD)))]
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class RecordPages:
    def __init__(self, service: RegisterService, pages: RegisterPages) -> None:
        self.service, self.pages = service, pages

    def download(self, request: Request, unit: str, name: str, actor: Reader) -> Response:
        """`{kind}.csv` or `{kind}.xlsx`: every record of the kind in the unit and below."""
        stem, _, suffix = name.rpartition(".")
        kind = next((k for k in RecordKind if k.value == stem), None)
        if kind is None or suffix not in TYPES:
            return self._missing(request, unit, actor)
        try:
            rows = self.service.rows(actor, unit, kind)
        except RegisterNotFoundError:
            return self._missing(request, unit, actor)
        content = write_rows(rows, export_columns(kind), name)
        disposition = {"Content-Disposition": f'attachment; filename="{unit}-{name}"'}
        return Response(content, media_type=TYPES[suffix], headers=disposition)

    async def record(self, request: Request, unit: str, actor: Recorder) -> Response:
        """A sheet from the board's form, then back to the board (303); refused, the board
        again (422) with why."""
        try:
            self.service.may_record(actor, unit)  # before the upload is read
        except (RegisterNotFoundError, NotAllowedError):
            return self._missing(request, unit, actor)
        form = await request.form()
        upload = form.get("file")
        content = await upload.read() if isinstance(upload, UploadFile) else b""
        filename = (upload.filename or "") if isinstance(upload, UploadFile) else ""
        kind = str(form.get("kind") or "")[:32]
        t = visit(request, actor, self.pages.language, self.service.pack).reader.t
        try:
            rows = read_rows(content, filename, "utf-8")
            done = self.service.record(actor, unit, kind, [(r.line, r.cells) for r in rows])
        except RowsRefusedError as error:
            said = [
                t._(
                    "line {line}, column {column}: {problem}",
                    line=str(r.line),
                    column=r.column,
                    problem=t.say(r.message),
                )
                for r in error.refused
            ]
            return self.pages.show(request, unit, actor, (t._("nothing was recorded"), said))
        except (RecordInputError, SheetError) as error:
            problem: tuple[str, list[str]] = (t.say(error.message), [])
            return self.pages.show(request, unit, actor, problem)
        except (RegisterNotFoundError, NotAllowedError):
            return self._missing(request, unit, actor)
        base = visit(request, actor, self.pages.language, self.service.pack).base
        return RedirectResponse(f"{base}/registers/{unit}?recorded={len(done.events)}", 303)

    def _missing(self, request: Request, unit: str, actor: Actor) -> Response:
        v = visit(request, actor, self.pages.language, self.service.pack)
        said = {"message": v.reader.t.say(unknown(unit).message), "back": f"{v.base}/registers"}
        return v.render("registers/error.html", f"{v.base}/registers/{unit}", said, 404)
