"""The community pages in a real browser (headless Chromium, Traditional Chinese as the
textbook is written): the street's staff sign in, find the demo street's communities with
each committee's verdict, open the settled community and read the breach with its figure
and the textbook's words, then ask about another day with the form. Skipped without
Debian's chromium outside CI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI

from govops.bootstrap import build_app
from govops.communities.demo import SETTLED, load_community_demo
from govops.config import Settings
from tests.e2e.platform.web.test_access_browser import log_in
from tests.fakes import Clock
from tests.identity import sign_in

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    app = build_app(Settings(f"sqlite:///{tmp_path / 'govops.db'}"), Clock(NOW))
    sign_in(app, "street", ("street_staff", "110102001"))
    load_community_demo(app.state.communities)
    yield app


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(locale="zh-TW")
    yield page
    page.close()


def test_the_street_reads_a_committees_breach_and_asks_another_day(
    app: FastAPI, page: Any, live_server: str
) -> None:
    log_in(page, live_server, "street", "/communities")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    row = page.locator(f"#check-{SETTLED}-mediation")
    expect(row).to_contain_text("下屬委員會少於3人")  # the pack's label, slide 26
    page.click(f"a[href='/communities/{SETTLED}']")
    expect(page).to_have_url(f"{live_server}/communities/{SETTLED}")
    committee = page.locator("#org-committee")
    expect(committee).to_contain_text("7名成員中離退休3人（42.9%）")
    expect(committee).to_contain_text("居委會成員中離退休人員比例原則上不超過30%")
    page.fill("#as_of", "2021-06-30")  # before the committee was formed
    page.click("form.as-of button[type=submit]")
    expect(page).to_have_url(re.compile(r"as_of=2021-06-30"))
    expect(page.locator("#composition")).not_to_contain_text("42.9%")
