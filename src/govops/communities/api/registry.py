"""Routes of /api/v1/communities: a community's registry (its events, the community folded
from them) and the import of its members from a sheet.

The registry service is read from `app.state.communities` (set by the composition root);
the registry's own errors are answered here as RFC 9457 problems, like the cadres' ones,
the detail and the field messages in the request's language (?lang=, Accept-Language);
the data (codes, events, records) is the same in every language.

Access: reading needs community.read, recording community.record, at the community, its
street or above (`govops.communities.service.access`). A community outside the reader's
units is answered 404 as an unknown one; recording where one may only read, 403. An event
names its actor as the signed-in user and the unit they acted in (`username@unit`); a
name in the body is refused. A write's permission and scope are checked before the use
case runs (the body has been read and bounded by then: FastAPI reads it first).

An import is one .csv or .xlsx file (`platform.sheets`), bounded as every request body is
by the server's limit (GOVOPS_MAX_BODY_BYTES: `platform.api.limits`, 413 before it is
read) and to `sheets.MAX_ROWS` rows; it is stored whole or not at all, and a refusal lists
every refused row (line, column, why).
"""

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

from govops.communities.model.registry import (
    Community,
    Event,
    EventKind,
    Facts,
    Kinship,
    Member,
    Organisation,
    Post,
    RegistryInputError,
    RuleException,
)
from govops.communities.ports import RegistryConflictError
from govops.communities.service import access
from govops.communities.service.access import (
    COMMUNITY_READ,
    COMMUNITY_RECORD,
    CommunityNotFoundError,
    NotAllowedError,
)
from govops.communities.service.members_import import ImportRefusedError, import_members
from govops.communities.service.registry import RegistryService
from govops.lawcode.texts.messages import Text, msg
from govops.platform.api.auth import actor_of, permission
from govops.platform.api.jsonbody import ExactJSONRoute
from govops.platform.api.language import request_translator
from govops.platform.api.paging import Page
from govops.platform.api.problems import (
    PROBLEM_RESPONSES,
    ProblemResponse,
    field_problem,
    problem,
    rows_refused,
)
from govops.platform.api.schemas import RequestBody
from govops.platform.identity.actor import Actor
from govops.platform.sheets import SheetError, read_rows

KINDS = ", ".join(k.value for k in EventKind if k is not EventKind.ELECTION)
Kind = Annotated[str, Field(max_length=32)]
# An event's fields, each checked by the registry (texts at most 200 characters).
Data = Annotated[dict[Annotated[str, Field(max_length=64)], Any], Field(max_length=32)]


class CommunityRoute(ExactJSONRoute):
    """An exact-JSON route whose registry errors become problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except (RegistryInputError, SheetError, ImportRefusedError) as error:
                return refused(request, error)
            except (CommunityNotFoundError, RegistryConflictError, NotAllowedError) as error:
                status, code = next(a for kind, a in ANSWERS.items() if isinstance(error, kind))
                return problem(request, status, error.message, code)

        return answer


# The registry's refusals of what exists or may be done: (status, code).
ANSWERS: dict[type[Exception], tuple[int, str]] = {
    CommunityNotFoundError: (404, "community-not-found"),
    RegistryConflictError: (409, "concurrent-update"),
    NotAllowedError: (403, "forbidden"),
}


def refused(
    request: Request, error: RegistryInputError | SheetError | ImportRefusedError
) -> ProblemResponse:
    """422: the field refused, the file unreadable (`file`), or every row refused."""
    if isinstance(error, ImportRefusedError):
        return refused_rows(request, error)
    field = "file" if isinstance(error, SheetError) else error.field
    return invalid(request, field, error.message)


def invalid(request: Request, field: str, message: Text) -> ProblemResponse:
    """422 naming the field, its message in the request's language."""
    errors = [field_problem(request, field, message)]
    detail = msg("invalid input: {fields}", fields=field)
    return problem(request, 422, detail, "invalid-input", errors)


def refused_rows(request: Request, error: ImportRefusedError) -> ProblemResponse:
    """422 listing every refused row: its line, its column (`field`) and why."""
    return rows_refused(request, ((row.line, row.column, row.message) for row in error.errors))


def registry(request: Request) -> RegistryService:
    found = getattr(request.app.state, "communities", None)
    if not isinstance(found, RegistryService):
        t = request_translator(request)
        raise HTTPException(503, t._("the community registry is not set up on this server"))
    return found


Registry = Annotated[RegistryService, Depends(registry)]
# Who may: the rule of each route (the permission at some unit); the community's unit is
# checked by `govops.communities.service.access`.
Reader = Annotated[Actor, Depends(actor_of(permission(COMMUNITY_READ)))]
Recorder = Annotated[Actor, Depends(actor_of(permission(COMMUNITY_RECORD)))]


def recording(code: str, actor: Recorder) -> str:
    """The signature of an event the actor records in the community (`username@unit`),
    checked before the request's body is read."""
    return access.signature(actor, code)


Signed = Annotated[str, Depends(recording)]


class EventBody(RequestBody):
    kind: Kind = Field(description=f"One of: {KINDS}")
    data: Data = Field(description="The fields of the kind (see the README)")


class CommunitySummary(BaseModel):
    code: str
    names: dict[str, str] = Field(description="The unit's name, by language")
    facts: Facts | None = Field(description="The latest facts, if recorded")


class CommunityList(BaseModel):
    count: int
    communities: list[CommunitySummary]


class CommunityOut(CommunitySummary):
    version: int = Field(description="The seq of the last event")
    organisations: list[Organisation] = Field(description="The latest version of each")
    members: list[Member] = Field(description="The latest version of each")
    posts: list[Post] = Field(description="Each post held, `end` the first day not held")
    kinships: list[Kinship] = Field(description="The relation of a to b")
    exceptions: list[RuleException] = Field(description="Exceptions to in-principle rules")


class HistoryOut(BaseModel):
    community: str
    count: int
    events: list[Event] = Field(description="seq, kind, data, actor (user@unit), recorded_at")


class ImportOut(BaseModel):
    stored: int = Field(description="The number of events stored")
    version: int = Field(description="The seq of the last event")


def names_of(actor: Actor, code: str) -> dict[str, str]:
    return dict(actor.tree.get(code).names)


def community_out(community: Community, names: dict[str, str]) -> CommunityOut:
    return CommunityOut(
        code=community.code,
        names=names,
        facts=community.facts,
        version=community.version,
        organisations=list(community.organisations.values()),
        members=list(community.members.values()),
        posts=list(community.posts.values()),
        kinships=list(community.kinships),
        exceptions=list(community.exceptions),
    )


def known_encoding(encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise RegistryInputError(
            "encoding", msg("unknown encoding {encoding}", encoding=repr(encoding))
        ) from None
    return encoding


def community_router() -> APIRouter:
    """The router of /communities, its routes added by `registry_routes` and
    `api.composition.composition_routes`."""
    return APIRouter(
        prefix="/communities",
        tags=["communities"],
        route_class=CommunityRoute,
        responses=PROBLEM_RESPONSES,
    )


def registry_routes(router: APIRouter) -> None:
    @router.get("", summary="The communities one may read, with their latest facts")
    def visible_communities(
        communities: Registry,
        actor: Reader,
        page: Page,
        under: Annotated[str | None, Query(max_length=64, description="A street")] = None,
    ) -> CommunityList:
        recorded = set(communities.recorded())
        listed = [
            CommunitySummary(
                code=code,
                names=names_of(actor, code),
                facts=communities.get(code).facts if code in recorded else None,
            )
            for code in page.page(access.visible(actor, under), lambda code: (code,))
        ]
        return CommunityList(count=len(listed), communities=listed)

    @router.get("/{code}", summary="A community as recorded: its organisations, members, posts")
    def community(code: str, communities: Registry, actor: Reader) -> CommunityOut:
        access.readable(actor, code)
        return community_out(communities.get(code), names_of(actor, code))

    @router.get("/{code}/events", summary="Every event of a community's registry, in order")
    def history(code: str, communities: Registry, actor: Reader, page: Page) -> HistoryOut:
        access.readable(actor, code)
        events = page.page(communities.get(code).events, lambda e: (e.seq,))
        return HistoryOut(community=code, count=len(events), events=events)

    @router.post("/{code}/events", status_code=201, summary="Record one event")
    def record(code: str, body: EventBody, communities: Registry, who: Signed) -> Event:
        return communities.record(code, body.kind, body.data, who)

    @router.post(
        "/{code}/members/import",
        status_code=201,
        summary="Import members (and their posts) from a .csv or .xlsx sheet: all or none",
    )
    def import_sheet(
        code: str,
        communities: Registry,
        who: Signed,
        file: Annotated[UploadFile, File(description="One row per member (see the README)")],
        encoding: Annotated[str, Form(max_length=32, description="A CSV's encoding")] = "utf-8",
    ) -> ImportOut:
        rows = read_rows(file.file.read(), file.filename or "", known_encoding(encoding))
        stored = import_members(communities, code, [(r.line, r.cells) for r in rows], who)
        return ImportOut(stored=len(stored), version=stored[-1].seq)
