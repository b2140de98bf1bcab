"""Signing in and out in a real browser (headless Chromium), on the whole application with
its accounts on an SQLite file: a township's duty officer logs in through the log-in form,
files an incident and follows it up, and logs out; the officer of another township cannot
open it (404); a member of a case's selection team reads its dossier, a read-only viewer
cannot (403). Skipped without Debian's chromium outside CI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from tests.e2e.cadres.api.test_selection import INVESTIGATION, MOTION, RECOMMENDATION
from tests.e2e.cadres.people import enrolled
from tests.fakes import Clock
from tests.identity import PASSWORD, sign_in

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None

OFFICE, UNIVERSITY = "demo-organisation-department", "demo-university"
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    """The application, its users added as the administrator adds them."""
    app = build_app(Settings(f"sqlite:///{tmp_path / 'govops.db'}"), Clock(NOW))
    enrolled(app.state.cadres)  # the candidate of MOTION, 张三, in the registry
    yield app


@pytest.fixture
def users(app: FastAPI) -> dict[str, dict[str, str]]:
    """Each user's session header (the test's own client signs in with it)."""
    return {
        "tester": sign_in(app),
        "cg-duty": sign_in(app, "cg-duty", ("duty_officer", "chengguan")),
        "qs-duty": sign_in(app, "qs-duty", ("duty_officer", "qingshi")),
        "chen": sign_in(app, "chen", ("selection_team_member", OFFICE)),
        "viewer": sign_in(app, "viewer", ("viewer", UNIVERSITY)),
    }


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(locale="zh-CN")
    yield page
    page.close()


def log_in(page: Any, live_server: str, username: str, then: str = "/") -> None:
    page.goto(f"{live_server}{then}")
    expect(page).to_have_url(re.compile(r"/login\?next="))  # sent to sign in first
    page.fill("#l-username", username)
    page.fill("#l-password", PASSWORD)
    page.click("form.login button[type=submit]")
    expect(page).to_have_url(f"{live_server}{then}")  # and back where they were going
    expect(page.locator(".shell .who")).to_contain_text(username)


def log_out(page: Any, live_server: str) -> None:
    page.click("form.logout button[type=submit]")
    expect(page).to_have_url(re.compile(r"/login"))
    page.goto(f"{live_server}/incidents")
    expect(page).to_have_url(re.compile(r"/login\?next=(%2F|/)incidents$"))  # signed out


def test_a_duty_officer_files_and_follows_up_and_another_township_cannot_see_it(
    page: Any, live_server: str, users: dict[str, dict[str, str]]
) -> None:
    log_in(page, live_server, "cg-duty", "/incidents/new")
    page.fill("#f-occurred_at", "2026-06-01T09:30")
    page.fill("#f-township", "城关镇")
    page.fill("#f-place", "县政府大门")
    page.fill("#f-summary", "城区房屋拆迁,群众到县政府集体上访")
    page.fill("#f-participants", "约1200")
    page.check("input[name=causes][value=demolition_and_arrears]")
    page.click("details.flags summary")  # the criteria the officer confirms
    page.check("#f-major_impact_protest")  # 4.2(1)'s 影响较大
    page.click("form.intake button[type=submit]")
    expect(page).to_have_url(re.compile(r"/incidents/[0-9a-f]{32}$"))
    expect(page.locator("#grade")).to_contain_text("II级")
    incident = page.url.removeprefix(live_server)
    page.fill("#u-participants", "6000")
    page.fill("#u-note", "人数增至6000人")
    page.click("#follow-up details.flags summary")
    page.check("#u-seriously_affects_stability")  # 4.1(1)'s 严重影响社会稳定
    page.click("#follow-up button[type=submit]")
    expect(page.locator("#grade")).to_contain_text("I级")
    expect(page.locator("#timeline")).to_contain_text("cg-duty@chengguan")  # who, where
    log_out(page, live_server)

    log_in(page, live_server, "qs-duty")
    answer = page.goto(f"{live_server}{incident}")
    assert answer.status == 404  # as an unknown incident: nothing confirmed
    assert "城区房屋拆迁" not in page.content()
    page.goto(f"{live_server}/incidents")
    assert "城区房屋拆迁" not in page.content()


def test_a_team_member_reads_the_dossier_and_a_viewer_cannot(
    page: Any, live_server: str, app: FastAPI, users: dict[str, dict[str, str]]
) -> None:
    with TestClient(app, headers=users["tester"]) as client:
        motion = MOTION | {"team": [*MOTION["team"], "chen"]}
        case = client.post("/api/v1/selections", json=motion).json()["id"]
        for step, body, at in (
            ("recommendation", RECOMMENDATION, "2025-09-05T15:00:00+08:00"),
            ("investigation", INVESTIGATION, "2025-09-15T10:00:00+08:00"),
        ):
            done = client.post(f"/api/v1/selections/{case}/{step}", json=body | {"at": at})
            assert done.status_code == 201, done.text
    dossier = f"/selections/{case}/dossier"

    log_in(page, live_server, "chen", dossier)
    expect(page.locator("main")).to_contain_text("陈干事")  # the investigators, recorded
    log_out(page, live_server)

    log_in(page, live_server, "viewer", f"/selections/{case}")  # sees the case...
    answer = page.goto(f"{live_server}{dossier}")
    assert answer.status == 403  # ...not its dossier
    assert "陈干事" not in page.content()
