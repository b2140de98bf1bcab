"""The API (create_app) over an in-memory store and the built-in county pack, at a fixed
time that tests can move on, signed in as the test user holding every role everywhere
(`tests.identity`; the access tests sign in as the `USERS` below). The client asks for
English (Accept-Language), as the tests read the problem details; `chinese` asks for no
language: the organisation's, the pack's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.server import create_app
from tests.fakes import Clock
from tests.identity import EVERYTHING, TokenAuthenticator, actor, bearer, everything

API = "/api/v1/incidents"
ENGLISH = {"Accept-Language": "en"}
TESTER = f"{EVERYTHING}@demo-county"  # how events name the test user: every role at the county

# One user per kind of access to incidents (their bearer token is their name).
USERS = {
    EVERYTHING: everything(),
    "chengguan": actor("chengguan", ("duty_officer", "chengguan")),
    "qingshi": actor("qingshi", ("duty_officer", "qingshi")),
    "head": actor("head", ("office_head", "demo-county")),
    "liaison": actor("liaison", ("department_liaison", "land_resources")),
    "viewer": actor("viewer", ("viewer", "demo-county")),
    "orgstaff": actor("orgstaff", ("organisation_staff", "demo-organisation-department")),
}


def app(service: IncidentService, pack: Pack, clock: Clock) -> FastAPI:
    return create_app(service, pack, clock=clock, authenticator=TokenAuthenticator(USERS))


@pytest.fixture
def client(service: IncidentService, pack: Pack, clock: Clock) -> Iterator[TestClient]:
    with TestClient(app(service, pack, clock), headers=ENGLISH | bearer()) as client:
        yield client


@pytest.fixture
def chinese(service: IncidentService, pack: Pack, clock: Clock) -> Iterator[TestClient]:
    """A client that asks for no language."""
    with TestClient(app(service, pack, clock), headers=bearer()) as client:
        yield client


def report(**fields: Any) -> dict[str, Any]:
    """A valid first report, with `fields` added or replaced."""
    body: dict[str, Any] = {
        "occurred_at": "2026-06-01T09:30:00+08:00",
        "place": "县政府门前广场",
        "township": "城关镇",
        "summary": "征地补偿纠纷,村民到县政府聚集",
        "causes": ["land"],
        "participants": "约1200",
        "major_impact_protest": True,  # 4.2(1)'s qualifier, asserted by the officer
    }
    return {k: v for k, v in (body | fields).items() if v is not ...}


def problem_fields(answer: Any) -> dict[str, str]:
    """The fields a 422 problem document names, with their messages."""
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    document = answer.json()
    assert document["status"] == 422 and document["title"] and document["detail"]
    assert "Traceback" not in answer.text
    return {e["field"]: e["message"] for e in document["errors"]}
