"""Routes of /api/v1/registers: the boards one may read, a unit's board on a day, a
register's records, and the import of a register's rows from a sheet.

The service is read from `app.state.registers` (set by the composition root); its errors
are answered as RFC 9457 problems in the request's language. Reading needs register.read,
recording register.record, at the unit or above (`service.access`): a unit outside the
reader's is answered 404 as an unknown one; recording where one may only read, 403. An
import is one .csv or .xlsx file (`platform.sheets`), bounded by the server's body limit
and the service's rows limit, stored whole or not at all; a refusal lists every refused
row (line, column, why)."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Query,
    Request,
    Response,
    UploadFile,
)
from pydantic import BaseModel, Field

from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import actor_of, permission
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page, at
from govops.platform.api.problems import (
    PROBLEM_RESPONSES,
    field_problem,
    problem,
    rows_refused,
)
from govops.platform.identity.actor import Actor
from govops.platform.reports.evaluation import evaluation_docx
from govops.platform.sheets import SheetError, read_rows
from govops.registers.api.board import board_body
from govops.registers.model.records import RecordKind
from govops.registers.ports import RegisterConflictError
from govops.registers.service.access import (
    REGISTER_READ,
    REGISTER_RECORD,
    NotAllowedError,
    RegisterNotFoundError,
)
from govops.registers.service.registers import (
    RecordInputError,
    RegisterService,
    RowsRefusedError,
    read_day,
    record_row,
)

KINDS = ", ".join(k.value for k in RecordKind)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ANSWERS: dict[type[Exception], tuple[int, str]] = {
    RegisterNotFoundError: (404, "unit-not-found"),
    NotAllowedError: (403, "forbidden"),
}


class RegistersRoute(ExactJSONRoute):
    """An exact-JSON route whose register errors become problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except RowsRefusedError as error:
                return rows_refused(request, ((r.line, r.column, r.message) for r in error.refused))
            except (RecordInputError, SheetError) as error:
                field = error.field if isinstance(error, RecordInputError) else "file"
                errors = [field_problem(request, field, error.message)]
                said = msg("invalid input: {fields}", fields=field)
                return problem(request, 422, said, "invalid-input", errors)
            except RegisterConflictError:
                said = msg("the registers are being changed by others; try again")
                return problem(request, 409, said, "concurrent-update")
            except (RegisterNotFoundError, NotAllowedError) as error:
                status, code = next(a for kind, a in ANSWERS.items() if isinstance(error, kind))
                return problem(request, status, error.message, code)

        return answer


def service(request: Request) -> RegisterService:
    found = getattr(request.app.state, "registers", None)
    if not isinstance(found, RegisterService):
        t = request_translator(request)
        raise HTTPException(503, t._("the registers are not set up on this server"))
    return found


Service = Annotated[RegisterService, Depends(service)]
Reader = Annotated[Actor, Depends(actor_of(permission(REGISTER_READ)))]
Recorder = Annotated[Actor, Depends(actor_of(permission(REGISTER_RECORD)))]
Day = Annotated[
    str | None, Query(max_length=10, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
]


def recording(unit: str, actor: Recorder, registers: Service) -> Actor:
    """The recorder, checked at the unit before the upload is read."""
    registers.may_record(actor, unit)
    return actor


class BoardSummary(BaseModel):
    unit: str
    kind: str
    names: dict[str, str]


class BoardList(BaseModel):
    count: int
    boards: list[BoardSummary]


class ImportOut(BaseModel):
    unit: str
    kind: str
    stored: int = Field(description="The number of records stored")


class RecordsOut(BaseModel):
    unit: str
    kind: str
    count: int
    records: list[dict[str, Any]] = Field(description="Fields, unit, recorded_by, recorded_at")


def registers_router() -> APIRouter:
    router = APIRouter(
        prefix="/registers",
        tags=["registers"],
        route_class=RegistersRoute,
        responses=PROBLEM_RESPONSES,
    )

    @router.get("", summary="The units whose boards one may read (a district, its streets)")
    def every(registers: Service, actor: Reader, page: Page) -> BoardList:
        tree = actor.tree
        codes = page.page(registers.boards(actor), lambda c: (len(tree.ancestors(c)), c))
        found = [
            BoardSummary(unit=c, kind=tree.get(c).kind, names=dict(tree.get(c).names))
            for c in codes
        ]
        return BoardList(count=len(found), boards=found)

    @router.get("/{unit}/board", summary="A unit's indicators against targets, and its alerts")
    def board(
        request: Request, unit: str, registers: Service, actor: Reader, on: Day = None
    ) -> Any:
        found = registers.board(actor, unit, read_day(on) if on else None)
        return board_body(found, request_translator(request))

    @router.get("/{unit}/records/{kind}", summary="A register's records, as recorded")
    def records(
        unit: str, kind: RecordKind, registers: Service, actor: Reader, page: Page
    ) -> RecordsOut:
        every = registers.records(actor, unit, kind)
        events = page.page(every, lambda e: (at(e.recorded_at), e.unit, e.seq))
        rows = [record_row(e) for e in events]
        return RecordsOut(unit=unit, kind=kind.value, count=len(rows), records=rows)

    @router.post(
        "/{unit}/records/{kind}/import",
        status_code=201,
        summary="Record a sheet's rows into a unit's register: all or none",
    )
    def import_sheet(
        unit: str,
        kind: RecordKind,
        registers: Service,
        actor: Annotated[Actor, Depends(recording)],
        file: Annotated[UploadFile, File(description=f"One record a row; kinds: {KINDS}")],
        encoding: Annotated[str, Form(max_length=32, description="A CSV's encoding")] = "utf-8",
    ) -> ImportOut:
        try:
            codecs.lookup(encoding)
        except LookupError:
            said = msg("unknown encoding {encoding}", encoding=repr(encoding))
            raise RecordInputError(said, "encoding") from None
        rows = read_rows(file.file.read(), file.filename or "", encoding)
        done = registers.record(actor, unit, kind.value, [(r.line, r.cells) for r in rows])
        return ImportOut(unit=unit, kind=kind.value, stored=len(done.events))

    @router.get(
        "/{unit}/evaluation.docx",
        summary="The plan's mid-term and final evaluation of a unit (六(四)), as DOCX",
        response_class=Response,
        responses={200: {"content": {DOCX: {}}}},
    )
    def evaluation(
        request: Request, unit: str, registers: Service, actor: Reader, on: Day = None
    ) -> Response:
        figures = registers.evaluation(actor, unit, read_day(on) if on else None)
        document = evaluation_docx(registers.pack, figures, request_translator(request))
        headers = {"Content-Disposition": f'attachment; filename="evaluation-{unit}.docx"'}
        return Response(document, media_type=DOCX, headers=headers)

    return router
