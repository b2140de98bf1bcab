"""The API (create_app) over an in-memory store and the built-in county pack, at a fixed
time that tests can move on. The client asks for English (Accept-Language), as the tests
read the problem details; `chinese` asks for no language: the organisation's, the pack's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.server import create_app
from tests.fakes import Clock

API = "/api/v1/incidents"


ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def client(service: IncidentService, pack: Pack, clock: Clock) -> Iterator[TestClient]:
    with TestClient(create_app(service, pack, clock=clock), headers=ENGLISH) as client:
        yield client


@pytest.fixture
def chinese(service: IncidentService, pack: Pack, clock: Clock) -> Iterator[TestClient]:
    """A client that asks for no language."""
    with TestClient(create_app(service, pack, clock=clock)) as client:
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
        "actor": "城关镇值班员 李明",
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
