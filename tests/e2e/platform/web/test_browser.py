"""The pages under their Content-Security-Policy in a real browser (headless Chromium): the
incident, programme and warning pages render, their stylesheets and inline SVG charts
included, and the browser reports no violation of the policy. A control shows that a
violation, when there is one, is reported where the test looks. Skipped without Debian's
chromium outside CI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from govops.platform.api.auth import SESSION_COOKIE
from tests.e2e.incidents.api.conftest import API, report
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import EVERYTHING, bearer

STREET = "110102001"
SRB = "vn-thanhhoa-srb-2016"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app, _, _ = demo_app(tmp_path_factory.mktemp("demo"))
    return app


@pytest.fixture
def app(demo: FastAPI) -> FastAPI:
    """What the shared live server serves."""
    return demo


class Watched:
    """A browser page whose console messages and page errors are kept."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console: list[str] = []
        self.failed: list[str] = []  # resources answered 4xx or 5xx
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        page.on("response", self._seen)

    def _seen(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def violations(self) -> list[str]:
        return [line for line in self.console if "Content Security Policy" in line]


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    page = browser.new_page(locale="zh-CN")
    yield Watched(page)
    page.close()


def test_the_pages_render_with_no_violation_of_the_policy(
    watched: Watched, live_server: str
) -> None:
    created = httpx.post(f"{live_server}{API}", json=report(), headers=bearer(), timeout=30)
    assert created.status_code == 201, created.text
    session = {"name": SESSION_COOKIE, "value": EVERYTHING, "url": live_server}
    watched.page.context.add_cookies([session])  # the tester, signed in
    paths = [
        "/incidents/new",
        "/incidents",
        f"/incidents/{created.json()['id']}",
        "/programmes",
        f"/programmes/{SRB}",
        f"/programmes/{SRB}/budget",
        "/warnings",
        f"/warnings/areas/{STREET}",
    ]
    for path in paths:
        answer = watched.page.goto(f"{live_server}{path}")
        assert answer.status == 200, path
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        sheets = watched.page.evaluate("document.styleSheets.length")
        assert sheets >= 2, path  # common.css and the family's own, both applied
        if path.startswith("/warnings/areas/"):
            assert watched.page.locator("svg.chart").count() == 3
    assert watched.violations() == []
    assert [line for line in watched.console if line.startswith("pageerror")] == []
    # The one resource missing is the icon the browser asks for by itself (no page links it).
    assert {f.removeprefix("404 ").removeprefix(live_server) for f in watched.failed} <= {
        "/favicon.ico"
    }


def test_a_violation_would_be_seen(watched: Watched, live_server: str) -> None:
    session = {"name": SESSION_COOKIE, "value": EVERYTHING, "url": live_server}
    watched.page.context.add_cookies([session])
    watched.page.goto(f"{live_server}/incidents")
    watched.page.evaluate("document.body.setAttribute('style', 'color: red')")
    watched.page.wait_for_timeout(200)
    assert any("style-src" in line for line in watched.violations()), watched.console
