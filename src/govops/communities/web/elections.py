"""An election's pages: the election as it stands (its steps, the register with who was
refused and why, each round's count with its quorum and majority, what the election waits
for, with that step's form) and its downloads (the audit record, who signed in). A step is
posted from the page (same site only), recorded by the election service as the reader, and
the page comes back: with the reason and the findings when the rules refuse it (422).

Reading needs community.read, recording community.record, at the community or above
(`service.access`); a community or an election the reader may not see is answered 404."""

from __future__ import annotations

import codecs
import json
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from govops.communities.model.election import Step, election_procedure
from govops.communities.model.election_case import ElectionCase, StepRefusedError, elections
from govops.communities.model.election_fields import step_of
from govops.communities.model.registry import Community, RegistryInputError
from govops.communities.service import access
from govops.communities.service.access import CommunityNotFoundError, NotAllowedError
from govops.communities.service.elections import (
    VOTER_COLUMNS,
    ElectionService,
    UnknownElectionError,
    election_out,
    voted_csv,
)
from govops.communities.service.members_import import ImportRefusedError
from govops.communities.service.registry import RegistryService
from govops.communities.web.election_forms import step_data
from govops.communities.web.render import Visit, visit
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.texts.messages import msg
from govops.platform.api.auth import actor_of, permission
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.sheets import SheetError, read_rows

Reader = Annotated[Actor, Depends(actor_of(permission(access.COMMUNITY_READ)))]
Recorder = Annotated[Actor, Depends(actor_of(permission(access.COMMUNITY_RECORD)))]


class ElectionPages:
    def __init__(self, registry: RegistryService, language: str) -> None:
        self.registry, self.language = registry, language
        self.service = ElectionService(registry)

    def election(self, request: Request, code: str, election: str, actor: Reader) -> Response:
        v = visit(request, actor, self.language, self.registry.pack)
        try:
            access.readable(actor, code)
        except CommunityNotFoundError as error:
            return self._missing(v, code, error)
        community = self.registry.get(code)  # folded once: the election and the page's names
        case = elections(community, self._procedure()).get(election)
        if case is None:
            return self._missing(v, code, UnknownElectionError(code, election))
        return self._page(v, community, case)

    async def open(self, request: Request, code: str, actor: Recorder) -> Response:
        """Step 1 from the community page's form: its election id names the election."""
        fields = await _fields(request)
        election = fields.get("election", "").strip()
        return await self._record(request, code, election, Step.ELECTION_COMMITTEE, actor, fields)

    async def step(
        self, request: Request, code: str, election: str, step: str, actor: Recorder
    ) -> Response:
        fields = await _fields(request)
        try:
            found = step_of(step)
        except RegistryInputError as error:
            v = visit(request, actor, self.language, self.registry.pack)
            return self._missing(v, code, error)
        if found is Step.VOTER_REGISTRATION:
            return await self._register(request, code, election, actor, fields)
        return await self._record(request, code, election, found, actor, fields)

    def audit(self, request: Request, code: str, election: str, actor: Reader) -> Response:
        case = self._readable(request, code, election, actor)
        if isinstance(case, Response):
            return case
        body = json.dumps([dict(r) for r in case.rounds], ensure_ascii=False, indent=2)
        filename = f"{code}-{election}-audit.json"
        return Response(body, media_type="application/json", headers=_attachment(filename))

    def voted(self, request: Request, code: str, election: str, actor: Reader) -> Response:
        case = self._readable(request, code, election, actor)
        if isinstance(case, Response):
            return case
        filename = f"{code}-{election}-voted.csv"
        return Response(
            voted_csv(case), media_type="text/csv; charset=utf-8", headers=_attachment(filename)
        )

    def _readable(
        self, request: Request, code: str, election: str, actor: Actor
    ) -> ElectionCase | Response:
        try:
            access.readable(actor, code)
            return self.service.get(code, election)
        except (CommunityNotFoundError, UnknownElectionError) as error:
            v = visit(request, actor, self.language, self.registry.pack)
            return self._missing(v, code, error)

    async def _register(
        self, request: Request, code: str, election: str, actor: Actor, fields: dict[str, str]
    ) -> Response:
        form = await request.form()
        upload = form.get("file")
        content = await upload.read() if isinstance(upload, UploadFile) else b""
        name = upload.filename or "" if isinstance(upload, UploadFile) else ""
        encoding = fields.get("encoding", "").strip() or "utf-8"

        def register(signed: str) -> object:
            try:
                codecs.lookup(encoding)
            except LookupError:
                said = msg("unknown encoding {encoding}", encoding=repr(encoding))
                raise RegistryInputError("encoding", said) from None
            rows = read_rows(content, name, encoding)
            return self.service.import_voters(
                code, election, [(r.line, r.cells) for r in rows], signed
            )

        return await self._write(request, code, election, actor, register, fields)

    async def _record(
        self,
        request: Request,
        code: str,
        election: str,
        step: Step,
        actor: Actor,
        fields: dict[str, str],
    ) -> Response:
        def record(signed: str) -> object:
            data = step_data(step, fields, election)
            return self.service.record_step(code, step.value, data, signed)

        return await self._write(request, code, election, actor, record, fields)

    async def _write(
        self,
        request: Request,
        code: str,
        election: str,
        actor: Actor,
        write: Any,
        posted: dict[str, str],
    ) -> Response:
        """Record as the reader, then back to the election (303); refused: the page again
        with why and the form as it was filled (422); not theirs to see: 404; only to read:
        403."""
        v = visit(request, actor, self.language, self.registry.pack)
        try:
            signed = access.signature(actor, code)
            await run_in_threadpool(write, signed)
        except CommunityNotFoundError as error:
            return self._missing(v, code, error)
        except Refusals as error:
            problem, lines, status = _why(error, v.reader.t)
            said = {"problem": problem, "findings": lines, "posted": posted}
            return self._refused(v, code, election, said, status)
        return RedirectResponse(f"{v.base}/communities/{code}/elections/{election}", 303)

    def _refused(
        self, v: Visit, code: str, election: str, extra: dict[str, Any], status: int
    ) -> Response:
        community = self.registry.get(code)
        case = elections(community, self._procedure()).get(election)
        if case is None:
            back = f"{v.base}/communities/{code}"
            values = {"message": extra["problem"], "back": back} | extra
            return v.render("communities/error.html", back, values, status)
        return self._page(v, community, case, extra, status)

    def _page(
        self,
        v: Visit,
        community: Community,
        case: ElectionCase,
        extra: dict[str, Any] | None = None,
        status: int = 200,
    ) -> Response:
        code = community.code
        values: dict[str, Any] = {"code": code, "case": case, "summary": election_out(case)}
        values |= {"community": community, "voters_table": self.registry.pack.table("voters")}
        values["columns"] = VOTER_COLUMNS
        values |= {"problem": None, "findings": [], "posted": {}} | (extra or {})
        url = f"{v.base}/communities/{code}/elections/{case.id}"
        return v.render("communities/election.html", url, values, status)

    def _procedure(self) -> Procedure:
        return election_procedure(self.registry.pack)

    def _missing(self, v: Visit, code: str, error: Exception) -> Response:
        message = getattr(error, "message", None)
        said = v.reader.t.say(message) if message is not None else str(error)
        back = f"{v.base}/communities"
        return v.render("communities/error.html", back, {"message": said, "back": back}, 404)


Refusals = (NotAllowedError, StepRefusedError, RegistryInputError, SheetError, ImportRefusedError)


def _why(error: Exception, t: Translator) -> tuple[str, list[str], int]:
    """A refusal in the reader's words: the problem, the lines behind it, the status."""
    if isinstance(error, NotAllowedError):
        return t.say(error.message), [], 403
    if isinstance(error, StepRefusedError):
        lines = [t.say(f.reason) + (f" [{f.cite}]" if f.cite else "") for f in error.findings]
        return t.say(error.message), lines, 422
    if isinstance(error, RegistryInputError):
        return t._("{field}: {problem}", field=error.field, problem=error.message), [], 422
    if isinstance(error, ImportRefusedError):
        said = [
            t._("line {line}, {column}: {problem}", line=r.line, column=r.column, problem=r.message)
            if r.line
            else t.say(r.message)
            for r in error.errors
        ]
        refused_rows = len({r.line for r in error.errors if r.line})
        if not refused_rows:  # no row at all: that is the problem
            return said[-1], said[:-1], 422
        problem = t.ngettext(
            "nothing imported: {count} row refused",
            "nothing imported: {count} rows refused",
            refused_rows,
        )
        return problem, said, 422
    assert isinstance(error, SheetError)
    return t.say(error.message), [], 422


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
