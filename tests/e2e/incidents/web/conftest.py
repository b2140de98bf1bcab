"""The incident pages over an in-memory store and the built-in county pack, at a fixed time
(the shared `client`, `browser` and `live_server` fixtures serve this `app`), as the
application serves them: the access refusals answered (log-in redirect, 403, 404) and the
reader signed in by a session cookie the test authenticator knows: the test user holding
every role everywhere, unless a test signs in as one of the API tests' `USERS`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.lawcode.sources.pack import Pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.web import auth
from tests.e2e.incidents.api.conftest import USERS
from tests.fakes import Clock
from tests.identity import EVERYTHING, TokenAuthenticator


@pytest.fixture
def app(service: IncidentService, pack: Pack, clock: Clock) -> FastAPI:
    app = FastAPI()
    app.state.authenticator = TokenAuthenticator(USERS)
    auth.install(app, "/api/v1")
    app.include_router(build_web_router(service, pack, clock))
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, cookies={SESSION_COOKIE: EVERYTHING}) as client:
        yield client


def signed_in(client: TestClient, username: str) -> TestClient:
    """The client, from now on signed in as `username`."""
    client.cookies.set(SESSION_COOKIE, username)
    return client
