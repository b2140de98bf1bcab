"""What the routes need, as typed FastAPI dependencies read from the application's state
(set by `govops.server.create_app`; nothing is built at import time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from fastapi import Depends, Header, Request

from govops.api.views import Viewpoint
from govops.incidents.intake import IncidentInputError
from govops.incidents.service import IncidentService
from govops.lawcode.pack import Pack

MAX_ACTOR = 100


@dataclass(frozen=True, slots=True)
class ApiContext:
    service: IncidentService
    pack: Pack
    clock: Callable[[], datetime]


def context(request: Request) -> ApiContext:
    found: ApiContext = request.app.state.govops
    return found


def service(api: Annotated[ApiContext, Depends(context)]) -> IncidentService:
    return api.service


def viewpoint(api: Annotated[ApiContext, Depends(context)]) -> Viewpoint:
    """Answers are seen now, in the pack's timezone."""
    return Viewpoint(api.clock(), ZoneInfo(api.pack.timezone))


def header_actor(
    x_actor: Annotated[
        str | None,
        Header(
            alias="X-Actor",
            description="Who files the request, if not in the body; non-ASCII names "
            "percent-encoded as UTF-8 (张三 is %E5%BC%A0%E4%B8%89).",
        ),
    ] = None,
) -> str | None:
    if x_actor is None:
        return None
    try:  # a header arrives as Latin-1: raw UTF-8 bytes are read back as UTF-8
        text = x_actor.encode("latin-1").decode("utf-8") if not x_actor.isascii() else x_actor
        return unquote(text, errors="strict").strip() or None
    except UnicodeError:
        raise IncidentInputError("X-Actor", "is not UTF-8, nor percent-encoded UTF-8") from None


def actor_of(body_actor: str | None, header: str | None) -> str:
    """The actor from the body or, failing that, from the X-Actor header."""
    if body_actor and header and body_actor != header:
        raise IncidentInputError(
            "actor", f"is {body_actor!r} in the body but {header!r} in X-Actor"
        )
    actor = body_actor or header
    if not actor:
        raise IncidentInputError("actor", "is required, in the body or in the X-Actor header")
    if len(actor) > MAX_ACTOR:
        raise IncidentInputError("actor", f"is longer than {MAX_ACTOR} characters")
    return actor


Service = Annotated[IncidentService, Depends(service)]
Seen = Annotated[Viewpoint, Depends(viewpoint)]
HeaderActor = Annotated[str | None, Depends(header_actor)]
