"""The community pages in a real browser (headless Chromium, Traditional Chinese as the
textbook is written): the street's staff sign in, find the demo street's communities with
each committee's verdict, open the settled community and read the breach with its figure
and the textbook's words, then ask about another day with the form; and run the demo
election's vote to its audit record. Skipped without Debian's chromium outside CI."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI

from govops.bootstrap import build_app
from govops.communities.demo import ELECTION, SETTLED, load_community_demo
from govops.communities.model.election_audit import audit_record, recount
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


def test_the_street_runs_the_demo_election_to_its_audit_in_the_browser(
    app: FastAPI, page: Any, live_server: str
) -> None:
    """The demo election's vote from its page: a slate with two brothers refused (slide
    38), the count leaving a seat, the re-election filling it, the audit record downloaded
    and recounted to the same result."""
    log_in(page, live_server, "street", f"/communities/{SETTLED}")
    page.click(f"a[href='/communities/{SETTLED}/elections/{ELECTION}']")
    expect(page.locator("#next")).to_contain_text("選舉居民委員會")
    signed = " ".join([f"m0{i}" for i in range(1, 10)] + [f"r{n}" for n in range(10, 20)])
    page.fill("#candidates", "m01 m02 m05 m07 m08 m09 r10 r11")
    page.fill("#voted", signed)
    page.click("#next-step button[type=submit]")
    expect(page.locator("#problem")).to_contain_text("候選人名單不能付諸投票")
    expect(page.locator("#problem")).to_contain_text("cn-community-textbook-ch3 38")
    page.fill("#candidates", "m01 m02 m05 m07 m08 r10 r11 r12")
    page.fill("#voted", signed)
    page.fill("#ballots", "\n".join(f"{n:03}: m01 m02 m05 m07 m08 r10" for n in range(1, 16)))
    page.click("#next-step button[type=submit]")
    expect(page.locator("#round-1")).to_contain_text("當選")
    expect(page.locator("#next")).to_contain_text("另行選舉")
    page.fill("#voted", signed)
    page.fill("#ballots", "\n".join(f"{n:03}: r11" for n in range(1, 12)))
    page.click("#next-step button[type=submit]")
    expect(page.locator("#elected")).to_contain_text("r11")
    with page.expect_download() as download:
        page.click("#downloads a[href$='audit.json']")
    records = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    pack = app.state.communities.pack
    assert [audit_record(recount(r, pack)) for r in records] == records
    assert [r["result"]["elected"] for r in records] == [
        ["m01", "m02", "m05", "m07", "m08", "r10"],
        ["r11"],
    ]


def test_the_street_opens_an_election_and_registers_its_voters_in_the_browser(
    app: FastAPI, page: Any, live_server: str, tmp_path: Path
) -> None:
    """Steps 1 to 4 from the pages: the election opened from the community's page, the
    register uploaded (a minor refused, with the article), the representatives and the
    congress recorded; the election then waits for its vote."""
    log_in(page, live_server, "street", f"/communities/{SETTLED}")
    page.fill("#election", "2025b")
    page.fill("#organisation", "committee")
    page.fill("#seats", "5")
    page.fill("#election_day", "2025-12-28")
    page.fill("#members", "m01 m08")
    page.click("#open-election button[type=submit]")
    expect(page).to_have_url(f"{live_server}/communities/{SETTLED}/elections/2025b")
    sheet = tmp_path / "voters.csv"
    rows = [f"m0{i},成員{i},1970-01-01,是" for i in range(1, 10)] + ["k1,少年,2010-01-01,是"]
    sheet.write_text("id,name,birth_date,resident\n" + "\n".join(rows) + "\n", encoding="utf-8")
    page.set_input_files("#file", str(sheet))
    page.click("#next-step button[type=submit]")
    expect(page.locator("#register")).to_contain_text("未滿選舉年齡")
    expect(page.locator("#register")).to_contain_text("cn-urc-organic-law 8 para 2")
    page.fill("#held_on", "2025-12-01")
    page.fill("#representatives", "m01 m02")
    page.click("#next-step button[type=submit]")
    page.fill("#held_on", "2025-12-10")
    page.click("#next-step button[type=submit]")
    expect(page.locator("#next")).to_contain_text("選舉居民委員會")
    expect(page.locator("#steps li")).to_have_count(4)
