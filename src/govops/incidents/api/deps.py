"""What the routes need, as typed FastAPI dependencies read from the application's state
(set by `govops.server.create_app`; nothing is built at import time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request

from govops.incidents.api.views import Viewpoint
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack


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


Service = Annotated[IncidentService, Depends(service)]
Seen = Annotated[Viewpoint, Depends(viewpoint)]
