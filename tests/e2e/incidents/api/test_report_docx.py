"""The information report of an incident, downloaded from the API as DOCX."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import docx
import pytest
from fastapi.testclient import TestClient

from govops.calendars import calendar_for
from govops.incidents.model.rules import IncidentRules
from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.packs import load_builtin_pack
from govops.server import create_app
from tests.fakes import MemoryStore, MemoryUnitOfWork
from tests.identity import TokenAuthenticator, bearer

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def client() -> Iterator[TestClient]:
    pack = load_builtin_pack("cn-county-mass-incident")
    store = MemoryStore()
    service = IncidentService(
        lambda: MemoryUnitOfWork(store), IncidentRules(pack, calendar_for("CN")), lambda: NOW
    )
    web = build_web_router(service, pack, clock=lambda: NOW)
    app = create_app(
        service, pack, web_router=web, clock=lambda: NOW, authenticator=TokenAuthenticator()
    )
    with TestClient(app, headers=bearer()) as test_client:
        yield test_client


def _report(client: TestClient) -> str:
    body = {
        "occurred_at": "2026-06-01T09:30:00+08:00",
        "place": "县政府门前",
        "township": "开通镇",
        "summary": "征地补偿纠纷",
        "causes": ["land"],
        "participants": "约5000人",
    }
    created = client.post("/api/v1/incidents", json=body)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def test_the_information_report_downloads_as_docx_with_the_six_contents(client: TestClient) -> None:
    incident_id = _report(client)
    answer = client.get(f"/api/v1/incidents/{incident_id}/report.docx")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(answer.content)).paragraphs)
    assert "约5000人" in text
    assert "事件发生的原因分析" in text


def test_the_incident_page_links_to_the_report_in_its_language(client: TestClient) -> None:
    incident_id = _report(client)
    page = client.get(f"/incidents/{incident_id}?lang=en")
    assert f"/api/v1/incidents/{incident_id}/report.docx?lang=en" in page.text
    english = client.get(f"/api/v1/incidents/{incident_id}/report.docx?lang=en")
    assert english.status_code == 200


def test_an_unknown_incident_has_no_report(client: TestClient) -> None:
    answer = client.get("/api/v1/incidents/nope/report.docx")
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/problem+json"
