"""Security headers on every answer of the whole application (the composition root's, over
the demo storm): pages of every family, their stylesheets, the API's documents and
problems, a download, a redirect, a refusal and an unforeseen error alike;
Strict-Transport-Security only when configured, and only over HTTPS; the storage busy
answered 503 with Retry-After, on a page as in the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from govops.platform.ports import StorageBusyError
from govops.platform.web.headers import CONTENT_SECURITY_POLICY
from govops.server import API_PREFIX
from tests.e2e.incidents.api.conftest import API, report
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import bearer

STREET = "110102001"
SRB = "vn-thanhhoa-srb-2016"
EXPECTED = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
}


def _boom() -> None:
    raise RuntimeError("an unforeseen error")


def _busy() -> None:
    raise StorageBusyError("database is locked")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app, _, _ = demo_app(tmp_path_factory.mktemp("demo"))
    for path, route in (("/boom", _boom), ("/busy", _busy)):
        app.add_api_route(path, route)
        app.add_api_route(f"{API_PREFIX}{path}", route)
    return app


@pytest.fixture(scope="module")
def client(demo: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo, raise_server_exceptions=False, headers=bearer()) as client:
        yield client


@pytest.fixture(scope="module")
def incident(client: TestClient) -> str:
    created = client.post(API, json=report())
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _security(answer: Any) -> dict[str, str]:
    return {name: answer.headers.get(name) for name in EXPECTED}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/incidents", 200),
        ("GET", "/incidents/new", 200),
        ("GET", "/incidents/{incident}", 200),
        ("GET", "/programmes", 200),
        ("GET", f"/programmes/{SRB}", 200),
        ("GET", f"/programmes/{SRB}/budget", 200),
        ("GET", "/warnings", 200),
        ("GET", f"/warnings/areas/{STREET}", 200),
        ("GET", "/warnings/report?date=2026-07-20", 200),
        ("GET", "/static/common.css", 200),
        ("GET", "/programmes/static/programme.css", 200),
        ("GET", "/no-such-page", 404),
        ("GET", API, 200),
        ("GET", f"{API_PREFIX}/openapi.json", 200),
        ("GET", f"{API}/{{incident}}/report.docx", 200),
        ("GET", f"{API}/nope", 404),
        ("POST", API, 422),
        ("GET", "/boom", 500),
        ("GET", f"{API_PREFIX}/boom", 500),
    ],
)
def test_every_answer_carries_the_security_headers(
    client: TestClient, incident: str, method: str, path: str, status: int
) -> None:
    answer = client.request(method, path.format(incident=incident), follow_redirects=False)
    assert answer.status_code == status, answer.text[:300]
    assert _security(answer) == EXPECTED
    assert "strict-transport-security" not in answer.headers


def test_a_redirect_after_a_form_carries_them(client: TestClient) -> None:
    answer = client.post("/logout", follow_redirects=False)
    assert answer.status_code == 303 and _security(answer) == EXPECTED


def test_a_refusal_for_size_carries_them_too(client: TestClient) -> None:
    answer = client.post(API, content=b"x" * (1024 * 1024 + 1))
    assert answer.status_code == 413 and _security(answer) == EXPECTED


def test_a_busy_storage_is_answered_503_with_retry_after(client: TestClient) -> None:
    problem = client.get(f"{API_PREFIX}/busy", headers={"Accept-Language": "en"})
    assert (problem.status_code, problem.headers["retry-after"]) == (503, "2")
    assert problem.json()["code"] == "storage-busy"
    page = client.get("/busy", headers={"Accept-Language": "zh-CN"})
    assert (page.status_code, page.headers["retry-after"]) == (503, "2")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="zh-Hans">' in page.text and "<h1>服务暂不可用</h1>" in page.text
    assert "<p>系统正忙于处理其他变更，请稍后再试。</p>" in page.text
    assert _security(page) == EXPECTED


def test_strict_transport_security_when_configured_over_https(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVOPS_HSTS", "31536000")
    app = build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"))
    with TestClient(app, base_url="https://testserver") as over_https:
        for path in ("/incidents", API, "/static/common.css"):
            answer = over_https.get(path)
            assert answer.headers["strict-transport-security"] == "max-age=31536000"
            assert _security(answer) == EXPECTED
    with TestClient(app) as over_http:
        assert "strict-transport-security" not in over_http.get("/incidents").headers
