"""The registers' pages in a real browser (headless Chromium), on the whole application with
its accounts on an SQLite file and Xicheng's demo registers loaded as `govops serve --demo`
loads them, on the test clock (7 December 2026 in Beijing): the district's emergency bureau
signs in, finds the boards, reads the district's board in Chinese (its alerts, its
indicators each with a trend chart, nothing said in English) and in Vietnamese, asks about
the end of 2024 with the form, and follows a street's link; a street office cannot open the
district's board (404). Skipped without Debian's chromium outside CI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI

from govops.bootstrap import build_app
from govops.config import Settings
from govops.registers.demo import load_register_demo
from tests.e2e.languages import foreign_sentences
from tests.e2e.platform.web.test_access_browser import log_in
from tests.fakes import Clock
from tests.identity import sign_in

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None  # type: ignore[assignment]

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DISTRICT, STREET = "110102", "110102001"
BOARD = f"/registers/{DISTRICT}"
HEADERS = {  # the alerts' and the indicators' column headers, as the catalogs say them
    "zh-Hans": (["单位", "台账", "对象", "理由"], ["指标", "目标", "达标情况", "趋势"]),
    "vi": (
        ["Đơn vị", "Sổ theo dõi", "Đối tượng", "Lý do"],
        ["Chỉ tiêu", "Mục tiêu", "Tình trạng", "Xu hướng"],
    ),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The application with the district's and a street's staff (known passwords), and
    the demo registers filed as them. Nothing here changes it: one for the module."""
    database = tmp_path_factory.mktemp("registers-web") / "govops.db"
    app = build_app(Settings(f"sqlite:///{database}"), Clock(NOW))
    sign_in(app, "district", ("district_emergency_staff", DISTRICT))
    sign_in(app, "street", ("street_staff", STREET))
    accounts = app.state.accounts.accounts
    district, street = accounts.local_actor("district"), accounts.local_actor("street")
    assert load_register_demo(app.state.registers, district, street) > 0
    return app


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(locale="zh-CN")
    yield page
    page.close()


def board_of(app: FastAPI, unit: str = DISTRICT) -> Any:
    """The board the service gives on the clock's day (what the page must show)."""
    actor = app.state.accounts.accounts.local_actor("district")
    return app.state.registers.board(actor, unit)


def headers(page: Any, table: str) -> list[str]:
    return [t.strip() for t in page.locator(f"{table} thead th").all_inner_texts()]


def test_the_district_reads_its_board_in_chinese_and_follows_a_street(
    app: FastAPI, page: Any, live_server: str
) -> None:
    log_in(page, live_server, "district", "/registers")
    tree = app.state.accounts.accounts.local_actor("district").tree
    streets = [c for c in tree.children(DISTRICT) if tree.get(c).kind == "street"]
    expect(page.locator(f"#board-{DISTRICT} a")).to_have_attribute("href", BOARD)
    expect(page.locator("ul.boards li")).to_have_count(1 + len(streets))
    page.click(f"#board-{DISTRICT} a")
    expect(page).to_have_url(f"{live_server}{BOARD}")
    page.goto(f"{live_server}{BOARD}?lang=zh-Hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_text("西城区工作看板")
    alerts, indicators = HEADERS["zh-Hans"]
    expect(page.locator("#alerts h2")).to_have_text("提醒事项")
    assert headers(page, "table.alerts") == alerts
    board = board_of(app)
    expect(page.locator("table.alerts tbody tr")).to_have_count(len(board.alerts))
    expect(page.locator("table.alerts tr.overdue")).to_have_count(
        sum(1 for a in board.alerts if a.overdue)
    )
    expect(page.locator("table.alerts")).to_contain_text("2023年1月1日的演练尚无评估")
    assert headers(page, "#indicators table.indicators") == indicators
    expect(page.locator("#indicators svg.trend")).to_have_count(len(board.indicators))
    shelters = page.locator("#indicator-earthquake_shelters_period")
    expect(shelters.locator("td.status.missed")).to_contain_text("未达成")
    expect(shelters.locator("svg.trend rect")).to_have_count(5)  # a bar for each year
    expect(page.locator("#indicator-disaster_officers_trained td.status.met")).to_have_count(1)
    assert foreign_sentences(page.content(), names=["Xicheng"]) == []

    page.fill("#on", "2024-12-31")  # the plan mid-course
    page.click("form.as-of button[type=submit]")
    expect(page).to_have_url(re.compile(r"on=2024-12-31"))
    expect(page.locator("#indicators h2")).to_have_text("截至2024年的指标")
    expect(page.locator("#indicator-earthquake_shelters_period td.status")).to_have_class(
        re.compile(r"\bat_risk\b")
    )

    page.click(f"#streets a[href^='/registers/{STREET}']")
    expect(page).to_have_url(f"{live_server}/registers/{STREET}?on=2024-12-31")
    expect(page.locator("h1")).to_contain_text("西长安街街道")
    page.goto(f"{live_server}/registers/{STREET}")
    expect(page.locator("table.alerts")).to_contain_text("h-1")
    expect(page.locator("#streets")).to_have_count(0)


def test_the_board_in_vietnamese(page: Any, live_server: str) -> None:
    log_in(page, live_server, "district", BOARD)
    page.goto(f"{live_server}{BOARD}?lang=vi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    alerts, indicators = HEADERS["vi"]
    expect(page.locator("#alerts h2")).to_have_text("Nhắc việc")
    assert headers(page, "table.alerts") == alerts
    assert headers(page, "#indicators table.indicators") == indicators
    expect(page.locator("#streets h2")).to_have_text("Các phường")


def test_a_street_cannot_open_the_districts_board(page: Any, live_server: str) -> None:
    log_in(page, live_server, "street", "/registers")
    expect(page.locator("ul.boards li")).to_have_count(1)
    expect(page.locator(f"#board-{STREET} a")).to_have_attribute("href", f"/registers/{STREET}")
    answer = page.goto(f"{live_server}{BOARD}")
    assert answer is not None and answer.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_text("未找到")
    expect(page.locator("[role=alert]")).to_have_text(f"没有单位 '{DISTRICT}' 的台账")
    expect(page.locator("table.alerts")).to_have_count(0)
