"""A duty officer's round in a real browser: report, correct, tick, follow up, switch
language, find the incident in the list; and one incident page switched through the four
languages. Skipped without Debian's chromium outside CI. The browser asks for Chinese
(zh-CN), as a county office's would; a headless Chromium would otherwise send en-US."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.platform.api.auth import SESSION_COOKIE
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import report
from tests.fakes import Clock
from tests.identity import EVERYTHING

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None


@pytest.fixture
def page(browser: Any) -> Any:
    page = browser.new_page(locale="zh-CN")
    # signed in by the session cookie the test authenticator knows (the web conftest)
    signed = {"name": SESSION_COOKIE, "value": EVERYTHING, "domain": "127.0.0.1", "path": "/"}
    page.context.add_cookies([signed])
    yield page
    page.close()


def test_a_duty_officers_round(page: Any, live_server: str, clock: Clock) -> None:
    page.goto(f"{live_server}/incidents/new")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    refused_with_messages(page)
    filed_and_explained(page)
    checklist_ticked(page)
    upgraded_by_a_follow_up(page)
    clock.advance(hours=2)
    switched_to_english(page)
    listed(page)


def refused_with_messages(page: Any) -> None:
    """An empty place and an unreadable figure: the form comes back with messages."""
    page.fill("#f-occurred_at", "2026-06-01T09:30")
    page.fill("#f-township", "城关镇")
    page.fill("#f-summary", "城区房屋拆迁,群众到县政府集体上访")
    page.fill("#f-participants", "近5000")
    page.click("form.intake button[type=submit]")
    expect(page.locator("#e-place")).to_have_text("必填")
    expect(page.locator("#e-participants")).to_contain_text("数字无法接受")
    expect(page.locator("#f-summary")).to_have_value("城区房屋拆迁,群众到县政府集体上访")


def filed_and_explained(page: Any) -> None:
    """Corrected, the report is filed and graded II under 4.2(1), with why not I: the
    officer opens the criteria and confirms 4.2(1)'s 影响较大 and 4.1(1)'s
    严重影响社会稳定, the qualifiers beside the figures."""
    page.fill("#f-place", "县政府大门")
    page.fill("#f-participants", "约1200")
    page.check("input[name=causes][value=demolition_and_arrears]")
    page.click("details.flags summary")
    page.check("#f-major_impact_protest")
    page.check("#f-seriously_affects_stability")
    page.click("form.intake button[type=submit]")
    expect(page).to_have_url(re.compile(r"/incidents/[0-9a-f]{32}$"))
    expect(page.locator("#grade")).to_contain_text("II级")
    expect(page.locator("#clause-II-1 .article")).to_have_text("4.2(1)")
    expect(page.locator("#why-not-I")).to_contain_text("参与人数 1,200 < 5,000 (4.1(1))")
    expect(page.locator("#clause-II-1")).to_contain_text("影响较大的非法集会游行示威")
    expect(page.locator("#clause-II-1")).to_contain_text("(已认定)")
    expect(page.locator("#explanation .approximate")).to_contain_text("参与人数")
    expect(page.locator("#departments")).to_contain_text("县公安局")
    expect(page.locator("#departments")).to_contain_text("县建设局")


def checklist_ticked(page: Any) -> None:
    """Ticked off by the signed-in user, named with the unit they acted in."""
    page.click("#action-II-start-plans button")
    expect(page.locator("#action-II-start-plans")).to_have_class(re.compile(r"\bdone\b"))
    expect(page.locator("#action-II-start-plans")).to_contain_text("tester@demo-county")


def upgraded_by_a_follow_up(page: Any) -> None:
    """6000 participants: level I, with the reason, and the level I deadlines start."""
    page.fill("#u-participants", "6000")
    page.fill("#u-note", "人数增至6000人")
    page.click("#follow-up button[type=submit]")
    expect(page.locator("#grade")).to_contain_text("I级")
    expect(page.locator("#clause-I-1 .article")).to_have_text("4.1(1)")
    regrade = page.locator("#timeline li.regraded")
    expect(regrade).to_contain_text("II级) → 特别重大群体性事件 (I级)")
    expect(regrade).to_contain_text(
        "原因: 续报1；符合条款：I-1；说明：人数增至6000人"
    )  # in Chinese
    expect(page.locator("#deadline-level-I-county-to-province")).to_contain_text("剩余 1小时")


def switched_to_english(page: Any) -> None:
    """Two hours on, in English: the level I deadlines are overdue."""
    incident_url = page.url.split("#")[0]
    page.click("header .switch a[hreflang=en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{incident_url}?lang=en")
    expect(page.locator("#grade")).to_have_text("level I")
    expect(page.locator("#timeline h2")).to_have_text("Timeline")
    expect(page.locator("#deadline-level-I-county-to-province")).to_contain_text("overdue by 1 h")


def listed(page: Any) -> None:
    """The list, still in English (a cookie), shows the incident, overdue."""
    page.click("header nav a[href$='/incidents']")
    row = page.locator("table.incidents tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("城区房屋拆迁")
    expect(row).to_contain_text("level I")
    expect(row).to_contain_text("County reports a level I incident to the province: overdue by 1 h")
    expect(row).to_have_class(re.compile(r"\boverdue\b"))


SWITCHES = [  # the language to switch to, and the timeline's heading in it
    ("zh-Hant", "處置記錄"),
    ("vi", "Diễn biến xử lý"),
    ("en", "Timeline"),
    ("zh-Hans", "处置记录"),
]


def test_one_incident_page_in_the_four_languages(
    page: Any, live_server: str, client: TestClient, clock: Clock
) -> None:
    """Switched by its language links: each page says its language, speaks it entirely
    (pack texts missing in it marked as Chinese), and the next switch keeps the page."""
    incident = report(client)  # II on an approximate figure, with why not I
    client.post(f"{incident}/actions/II-report")
    clock.advance(minutes=30)
    client.post(f"{incident}/follow-ups", data={"injured": "2", "note": "有2人受伤"})
    page.goto(f"{live_server}{incident}")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    assert foreign_sentences(page.content()) == []
    for language, heading in SWITCHES:
        page.click(f"header .switch a[hreflang={language}]")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page).to_have_url(f"{live_server}{incident}?lang={language}")
        expect(page.locator("#timeline h2")).to_have_text(heading)
        assert foreign_sentences(page.content()) == [], language


def test_the_lists_badges_keep_to_one_line_on_an_office_screen(
    page: Any, live_server: str, client: TestClient
) -> None:
    """At 1,400 px, in Chinese, each grade and status badge is one line, not one character
    a line (their heights in units of their font size: about 1.7 for one line)."""
    summary = "城区房屋拆迁补偿纠纷数千名群众到县政府集体上访并堵塞交通" * 4  # as long as some are
    for participants, qualifier in (  # levels I, II and III, each with its qualifier
        ("6000", "seriously_affects_stability"),
        ("约1200", "major_impact_protest"),
        ("300", "affects_stability"),
    ):
        report(client, participants=participants, summary=summary, **{qualifier: "true"})
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_server}/incidents")
    heights = page.eval_on_selector_all(
        "table.incidents .grade, table.incidents .status",
        "badges => badges.map(b => b.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(b).fontSize))",
    )
    assert len(heights) == 6
    assert max(heights) < 2.5, heights
