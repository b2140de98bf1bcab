"""The incident pages over an in-memory store and the built-in county pack, at a fixed time
(the shared `client`, `browser` and `live_server` fixtures serve this `app`)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.lawcode.sources.pack import Pack
from tests.fakes import Clock


@pytest.fixture
def app(service: IncidentService, pack: Pack, clock: Clock) -> FastAPI:
    app = FastAPI()
    app.include_router(build_web_router(service, pack, clock))
    return app
