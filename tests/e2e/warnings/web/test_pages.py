"""The warning pages over the demo storm, through the composition root: the district and
its streets with their levels in words and colour, an area's day (charts of its 3, 6 and
12-hour maxima with the pack's thresholds, its peaks, its events with their CAP alerts),
the daily report, in the organisation's language (Chinese) by default and in any of the
four on request (?lang=, remembered in the cookie every family shares, else the browser's
Accept-Language), each page saying nothing in another language; then the same in a real
browser."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import docx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import WARNING_PACK
from govops.packs import load_builtin_pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.i18n.languages import LANGUAGES
from govops.platform.web.pages import LANGUAGE_COOKIE
from govops.warnings.web import build_warning_web_router
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import text
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import EVERYTHING, TokenAuthenticator, bearer

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None

STREET = "110102001"  # 西长安街街道


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app, _, _ = demo_app(tmp_path_factory.mktemp("demo"))
    return app


@pytest.fixture
def app(demo: FastAPI) -> FastAPI:
    """The live server of the browser test serves the demo application."""
    return demo


@pytest.fixture
def client(demo: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo, headers=bearer()) as client:
        yield client


def row(page: str, row_id: str) -> str:
    match = re.search(rf'<tr id="{re.escape(row_id)}"[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row {row_id}"
    return text(match.group(1))


def test_the_district_and_its_streets_with_their_levels(client: TestClient) -> None:
    page = client.get("/warnings").text
    assert '<html lang="zh-Hans">' in page
    assert "<h1>西城区及15个街道暴雨预警</h1>" in page
    assert "数据截至 2026年7月20日 23:59（北京时间）" in page
    assert len(re.findall(r'<tr id="area-110102\d*"', page)) == 16
    # The storm is over: no warning in force; each street's highest of the day, in words.
    assert (
        row(page, f"area-{STREET}") == "西长安街街道 无预警 解除 2026年7月20日 20:10 红色预警 4/4"
    )
    assert row(page, "area-110102019").startswith("白纸坊街道 无预警 —")
    assert '<span class="level red">红色预警</span>' in page
    assert "3小时降雨量达100毫米以上" in page  # the legend, from the pack's table
    assert f'href="/warnings/areas/{STREET}"' in page


def test_an_areas_day_with_charts_thresholds_and_events(client: TestClient) -> None:
    page = client.get(f"/warnings/areas/{STREET}").text
    assert "<h1>西长安街街道 <small>110102001</small></h1>" in page
    assert "本区域共4个站；最近10分钟内4个站有观测；当日最少4个站" in page
    charts = re.findall(r'<svg class="chart" id="chart-(rain_\d+h)"', page)
    assert charts == ["rain_3h", "rain_6h", "rain_12h"]  # the windows the table tests
    three_hours = page[page.index('id="chart-rain_3h"') : page.index('id="chart-rain_6h"')]
    assert 'class="threshold red"' in three_hours and "红色 100 毫米" in three_hours
    assert 'class="threshold orange"' in three_hours and "橙色 50 毫米" in three_hours
    assert "当日最高139.7毫米（09:10）" in three_hours  # the description says the peak
    assert "<title" in three_hours and "3小时最大累计雨量（2026年7月20日）" in three_hours
    assert row(page, "peak-rain_3h") == "3小时 139.7毫米 XC0103 09:10"
    events = re.findall(r'<tr id="event-(\d{31})" class="(\w+)">', page)
    assert [kind for _, kind in events] == [
        "issue",
        "upgrade",
        "downgrade",
        "downgrade",
        "downgrade",
        "cancel",
    ]
    upgrade = row(page, f"event-{events[1][0]}")
    assert upgrade.startswith("08:04 升级 橙色预警 → 红色预警 red-3h cma-warning-signals-2007")
    assert "XC0103 101毫米/3小时" in upgrade
    # The citation's place in the document is quoted as the document words it.
    assert '<span class="cite" lang="zh-Hans">附件 暴雨红色预警信号</span>' in page
    alert = client.get(f"/api/v1/warnings/alerts/{events[1][0]}.xml")
    assert alert.status_code == 200 and b"<status>Exercise</status>" in alert.content
    assert f'href="/api/v1/warnings/alerts/{events[1][0]}.xml"' in page


def test_another_day_an_unknown_area_and_a_bad_date(client: TestClient) -> None:
    quiet = client.get(f"/warnings/areas/{STREET}?date=2026-07-19").text
    assert "当日无统计数据。" in quiet and "当日无预警事件。" in quiet
    assert 'href="?date=2026-07-20" rel="next"' in quiet
    unknown = client.get("/warnings/areas/110102999")
    assert unknown.status_code == 404 and "没有编码为“110102999”的区域。" in unknown.text
    bad = client.get(f"/warnings/areas/{STREET}?date=20-07")
    assert bad.status_code == 400 and "日期“20-07”无法识别" in bad.text
    assert client.get("/warnings/report?date=tomorrow").status_code == 400


def test_english_is_remembered_in_the_cookie_every_family_shares(client: TestClient) -> None:
    page = client.get(f"/warnings/areas/{STREET}?lang=en")
    assert page.cookies.get(LANGUAGE_COOKIE) == "en"
    assert '<html lang="en">' in page.text and "<h1>Xichang&#39;anjie" in page.text
    assert "red 100 mm" in page.text and "Jul 20, 2026" in page.text
    assert row(page.text, "peak-rain_3h") == "3 h 139.7 mm XC0103 09:10"
    assert "Incidents" in client.get("/warnings").text  # the cookie now says English
    assert '<html lang="en">' in client.get("/incidents").text  # and the incident pages too
    client.cookies.clear()


def test_vietnamese_with_the_areas_chinese_names_marked(client: TestClient) -> None:
    page = client.get(f"/warnings/areas/{STREET}?lang=vi").text
    client.cookies.clear()
    assert '<html lang="vi">' in page
    assert '<h1><span lang="zh-Hans">西长安街街道</span> <small>110102001</small></h1>' in page
    assert "<title>Xichang&#39;anjie · Cảnh báo mưa lớn quận Tây Thành</title>" in page
    assert row(page, "peak-rain_3h") == "3 giờ 139,7 mm XC0103 09:10"  # a decimal comma
    assert "cao nhất trong ngày 139,7 mm lúc 09:10" in page
    assert "đỏ: 100 mm" in page and ">Danh sách vụ việc</a>" in page
    listing = client.get("/warnings", headers={"Accept-Language": "vi-VN,vi;q=0.9"}).text
    assert '<html lang="vi">' in listing  # the browser's language, none asked for
    assert '<span class="level red">cảnh báo đỏ</span>' in listing
    assert "lượng mưa từ 100 mm trở lên trong 3 giờ" in listing


PAGES = [
    "/warnings",
    f"/warnings/areas/{STREET}",
    f"/warnings/areas/{STREET}?date=2026-07-19",
    "/warnings/areas/110102",
    "/warnings/areas/110102999",
    f"/warnings/areas/{STREET}?date=20-07",
    "/warnings/report?date=tomorrow",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_in_every_language_says_nothing_in_another(
    client: TestClient, language: str
) -> None:
    for path in PAGES:
        answer = client.get(f"{path}{'&' if '?' in path else '?'}lang={language}")
        assert answer.status_code in (200, 400, 404), path
        assert f'<html lang="{language}">' in answer.text, path
        assert foreign_sentences(answer.text) == [], path
    client.cookies.clear()


def test_the_daily_report_is_downloaded_in_the_pages_language(client: TestClient) -> None:
    answer = client.get("/warnings/report?date=2026-07-20&lang=en")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].endswith('"rainstorm-warnings-2026-07-20.docx"')
    title = docx.Document(io.BytesIO(answer.content)).paragraphs[0].text
    assert title == "Xicheng District rainstorm warning report, Jul 20, 2026"
    answer = client.get("/warnings/report?date=2026-07-20&lang=vi")
    title = docx.Document(io.BytesIO(answer.content)).paragraphs[0].text
    assert title == "Báo cáo cảnh báo mưa lớn quận Tây Thành, 20 thg 7, 2026"
    client.cookies.clear()


def test_the_router_alone_serves_both_its_stylesheets(demo: FastAPI) -> None:
    pack = load_builtin_pack(WARNING_PACK)
    alone = FastAPI()
    alone.include_router(
        build_warning_web_router(demo.state.warnings, demo.state.warning_series, pack)
    )
    alone.state.authenticator = TokenAuthenticator()
    with TestClient(alone) as client:
        page = client.get("/warnings", headers=bearer()).text
        common = '<link rel="stylesheet" href="/static/common.css">'
        own = '<link rel="stylesheet" href="/warnings/static/warnings.css">'
        assert common in page and own in page and page.index(common) < page.index(own)
        for path, rule in (
            ("/static/common.css", "header.top"),
            ("/warnings/static/warnings.css", ".level.red"),
        ):
            css = client.get(path)  # public: the log-in page needs them signed out
            assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
            assert rule in css.text and "http" not in css.text  # no external asset


@pytest.fixture
def browser_page(browser: Any, live_server: str) -> Iterator[Any]:
    page = browser.new_page()  # signed in as the tester, by the session cookie
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": EVERYTHING, "url": live_server}])
    yield page
    page.close()


def test_a_street_in_a_browser(browser_page: Any, live_server: str) -> None:
    page = browser_page  # the headless browser asks for English: Chinese is asked for
    page.goto(f"{live_server}/warnings?lang=zh-Hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator(f"#area-{STREET} .highest")).to_have_text("红色预警")
    page.click(f"#area-{STREET} a")
    expect(page).to_have_url(f"{live_server}/warnings/areas/{STREET}")  # Chinese remembered
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.locator("#chart-rain_3h line.threshold")).to_have_count(2)
    expect(page.locator("#history tbody tr")).to_have_count(6)
    page.fill("#day", "2026-07-19")
    page.click("nav.days button")
    expect(page.locator("#stations")).to_have_text("当日无统计数据。")
    page.click("a[rel=next]")
    page.click('header .switch a[hreflang="en"]')
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#history tbody tr").first).to_contain_text("issued")
    with page.expect_download() as download:
        page.click("form.report button")
    assert download.value.suggested_filename == "rainstorm-warnings-2026-07-20.docx"
