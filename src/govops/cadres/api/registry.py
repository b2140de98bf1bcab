"""Routes of /api/v1/cadres: the cadre registry (people, append-only entries, corrections)
and eligibility for promotion decided from it by the pack cn-cadre-selection.

The registry service is read from `app.state.cadres` (set by the composition root); the
registry's own errors are answered here as RFC 9457 problems, like the incidents' ones, the
detail and the field messages in the request's language (?lang=, Accept-Language); the
data (codes, entries, records) is the same in every language.

Access: reading needs cadre.read, recording cadre.record, at the unit running the pack (or
above it: `govops.cadres.service.access`). A cadre outside the reader's units is answered
404 as an unknown one; recording there, 403. An entry names its actor as the signed-in
user and the unit they acted in (`username@unit`); a name in the body is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from govops.cadres.model.registry import Cadre, Entry, EntryKind, Person, RegistryInputError
from govops.cadres.ports import RegistryConflictError
from govops.cadres.service import access
from govops.cadres.service.access import CADRE_READ, CADRE_RECORD, NotAllowedError
from govops.cadres.service.registry import CadreNotFoundError, RegistryService
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
)
from govops.platform.api.schemas import RequestBody
from govops.platform.identity.actor import Actor
from govops.platform.sizes import SHORT_TEXT

KINDS = ", ".join(k.value for k in EntryKind)
Kind = Annotated[str, Field(max_length=32)]
# An entry's fields, each checked by the registry (texts at most 200 characters).
Data = Annotated[dict[Annotated[str, Field(max_length=64)], Any], Field(max_length=32)]


class CadreRoute(ExactJSONRoute):
    """An exact-JSON route whose registry errors become problem documents."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except RegistryInputError as error:
                return invalid(request, error.field, error.message)
            except CadreNotFoundError as error:
                return problem(request, 404, error.message, "cadre-not-found")
            except RegistryConflictError as error:
                return problem(request, 409, error.message, "concurrent-update")
            except NotAllowedError as error:
                return problem(request, 403, error.message, "forbidden")

        return answer


def invalid(request: Request, field: str, message: Text) -> ProblemResponse:
    """422 naming the field, its message in the request's language."""
    errors = [field_problem(request, field, message)]
    detail = msg("invalid input: {fields}", fields=field)
    return problem(request, 422, detail, "invalid-input", errors)


def registry(request: Request) -> RegistryService:
    found = getattr(request.app.state, "cadres", None)
    if not isinstance(found, RegistryService):
        t = request_translator(request)
        raise HTTPException(503, t._("the cadre registry is not set up on this server"))
    return found


Registry = Annotated[RegistryService, Depends(registry)]
# Who may: the rule of each route (the permission at some unit); the unit of the records is
# checked by `govops.cadres.service.access`.
Reader = Annotated[Actor, Depends(actor_of(permission(CADRE_READ)))]
Recorder = Annotated[Actor, Depends(actor_of(permission(CADRE_RECORD)))]


class PersonBody(RequestBody):
    name: Annotated[str, Field(min_length=1, max_length=SHORT_TEXT, description="The cadre's name")]


class EntryBody(RequestBody):
    kind: Kind = Field(description=f"One of: {KINDS}")
    data: Data = Field(description="The fields of the kind (see the README)")


class CorrectionBody(RequestBody):
    kind: Kind | None = Field(
        None, description="The corrected entry's kind (default), or 'retraction' to withdraw it"
    )
    data: Data


class EntryOut(BaseModel):
    seq: int
    kind: str
    data: dict[str, Any]
    actor: str
    recorded_at: datetime
    supersedes: int | None = Field(description="The entry this one corrects or withdraws")
    superseded_by: int | None = Field(None, description="The entry that corrects this one")


class PersonSummary(BaseModel):
    id: str
    name: str
    created_at: datetime
    created_by: str | None = Field(description="Who added the person, user@unit")


class PersonOut(PersonSummary):
    version: int = Field(description="The seq of the last entry")
    facts: dict[str, list[EntryOut]] = Field(description="The entries in force, by kind")
    history: list[EntryOut] = Field(description="Every entry, superseded ones included")


class PersonList(BaseModel):
    count: int
    cadres: list[PersonSummary]


class EligibilityOut(BaseModel):
    person: str
    pack: str
    verdict: str = Field(description="eligible, eligible_with_warnings or ineligible")
    refusals: list[dict[str, Any]] = Field(description="Breaches that refuse, with articles")
    warnings: list[dict[str, Any]] = Field(description="Breaches to be justified")
    outcome: list[str] | str | None
    fired: list[str]
    citations: list[str]
    record: dict[str, Any] = Field(description="The cadre record assembled from the registry")
    sources: dict[str, int] = Field(description="Record field -> the entry it comes from")


def entry_out(entry: Entry, superseded_by: int | None = None) -> EntryOut:
    return EntryOut(
        seq=entry.seq,
        kind=entry.kind.value,
        data=entry.data,
        actor=entry.actor,
        recorded_at=entry.recorded_at,
        supersedes=entry.supersedes,
        superseded_by=superseded_by,
    )


def person_out(cadre: Cadre) -> PersonOut:
    facts: dict[str, list[EntryOut]] = {}
    for entry in cadre.current:
        facts.setdefault(entry.kind.value, []).append(entry_out(entry))
    history = [entry_out(e, cadre.superseded_by.get(e.seq)) for e in cadre.entries]
    person = cadre.person
    return PersonOut(
        id=person.id,
        name=person.name,
        created_at=person.created_at,
        created_by=person.created_by,
        version=cadre.version,
        facts=facts,
        history=history,
    )


def summary(person: Person) -> PersonSummary:
    return PersonSummary(
        id=person.id, name=person.name, created_at=person.created_at, created_by=person.created_by
    )


def cadres_router() -> APIRouter:
    router = APIRouter(
        prefix="/cadres", tags=["cadres"], route_class=CadreRoute, responses=PROBLEM_RESPONSES
    )

    @router.post("", status_code=201, summary="Add a person to the registry")
    def add(
        body: PersonBody, request: Request, response: Response, cadres: Registry, actor: Recorder
    ) -> PersonOut:
        cadre = cadres.add_person(body.name, access.signature(actor, CADRE_RECORD))
        response.headers["Location"] = str(request.url_for("get_cadre", person_id=cadre.person.id))
        return person_out(cadre)

    @router.get("", summary="Everyone in the registry, by name")
    def everyone(cadres: Registry, actor: Reader, page: Page) -> PersonList:
        people = access.scoped(actor, CADRE_READ, cadres.people())
        shown = page.page(people, lambda p: (p.name, p.id))
        return PersonList(count=len(shown), cadres=[summary(p) for p in shown])

    @router.get("/{person_id}", name="get_cadre", summary="A person: facts in force and history")
    def get(person_id: str, cadres: Registry, actor: Reader) -> PersonOut:
        return person_out(access.visible_cadre(cadres, person_id, actor))

    @router.post("/{person_id}/entries", status_code=201, summary="Record a dated fact")
    def add_entry(person_id: str, body: EntryBody, cadres: Registry, actor: Recorder) -> EntryOut:
        who = access.signature(actor, CADRE_RECORD)
        return entry_out(cadres.add_entry(person_id, body.kind, body.data, who))

    @router.post(
        "/{person_id}/entries/{seq}/corrections",
        status_code=201,
        summary="Correct (supersede) or withdraw an entry; the entry itself is kept",
    )
    def correct(
        person_id: str, seq: int, body: CorrectionBody, cadres: Registry, actor: Recorder
    ) -> EntryOut:
        who = access.signature(actor, CADRE_RECORD)
        return entry_out(cadres.correct(person_id, seq, body.kind, body.data, who))

    @router.get(
        "/{person_id}/eligibility",
        summary="Eligibility for promotion to a rank, by cn-cadre-selection, from the registry",
    )
    def eligibility(
        person_id: str,
        cadres: Registry,
        actor: Reader,
        target_rank: Annotated[
            str, Query(max_length=32, description="deputy_section .. division_chief")
        ],
        as_of: Annotated[
            str | None, Query(max_length=32, description="YYYY-MM-DD; default today")
        ] = None,
        exceptional: Annotated[bool, Query(description="Exceptional promotion (Art. 7)")] = False,
        party_post: Annotated[bool, Query(description="The post is a Party post")] = False,
    ) -> EligibilityOut:
        access.visible_cadre(cadres, person_id, actor)
        answer = cadres.eligibility(person_id, target_rank, as_of, exceptional, party_post)
        return EligibilityOut.model_validate(answer)

    return router
