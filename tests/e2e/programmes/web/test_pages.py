"""The programme pages: the plans, one plan, its budget check, in zh-Hans, zh-Hant, vi and
en (Vietnamese, the plan's own language, for a reader who chose none), over the built-in
Thanh Hóa plan, next to the incident pages; then the budget page in a real browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, programme_packs
from govops.config import Settings
from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.lawcode.plans.check import check_plan
from govops.lawcode.plans.programme import Figure
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Quote, msg
from govops.packs import load_builtin_pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.i18n.languages import LANGUAGES
from govops.platform.i18n.translator import translator
from govops.programmes.web import build_programme_router
from govops.programmes.web.render import Reader
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import section, text
from tests.fakes import Clock
from tests.identity import EVERYTHING, TokenAuthenticator, bearer, sign_in

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, saying why
    expect = None

SRB = "vn-thanhhoa-srb-2016"
PLAN = f"/programmes/{SRB}"
BUDGET = f"{PLAN}/budget"
PAGES = ("/programmes", PLAN, BUDGET, "/programmes/no-such-plan")
# What the pages' citations and pack texts name in any language.
NAMES = ["Thanh Hóa"]
WHERE = {"zh-Hans": "依据：", "zh-Hant": "依據：", "vi": "Căn cứ:", "en": "Where:"}


@pytest.fixture(scope="module")
def srb() -> Pack:
    return load_builtin_pack(SRB)


def signed(app: FastAPI) -> FastAPI:
    """The application knowing the tester (every role at every root) by the bearer token
    and the session cookie `tester` (tests.identity)."""
    app.state.authenticator = TokenAuthenticator()
    return app


@pytest.fixture
def app(service: IncidentService, pack: Pack, clock: Clock, srb: Pack) -> FastAPI:
    """The incident pages and the programme pages, sharing the language cookie."""
    app = FastAPI()
    app.include_router(build_web_router(service, pack, clock))
    app.include_router(build_programme_router({SRB: srb, pack.id: pack}))
    return signed(app)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, headers=bearer()) as client:
        yield client


def finding(page: str, finding_id: str) -> str:
    match = re.search(rf'<li class="finding" id="{finding_id}">(.*?)</li>', page, re.S)
    assert match, f"no finding {finding_id}"
    return text(match.group(1))


def row(page: str, row_id: str) -> str:
    match = re.search(rf'<tr id="{row_id}"[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row {row_id}"
    return match.group(1)


def test_the_plans_with_a_programme_are_listed(client: TestClient) -> None:
    response = client.get("/programmes")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    listed = text(row(response.text, f"programme-{SRB}"))
    assert "Kế hoạch thực hiện Đề án kiểm soát mất cân bằng giới tính khi sinh" in listed
    assert "2016-2020" in listed and "Kế hoạch số 161/KH-UBND" in listed
    assert f'href="{PLAN}"' in response.text and f'href="{BUDGET}"' in response.text
    assert "cn-county-mass-incident" not in response.text  # a pack without a programme


def test_the_plan_in_vietnamese(client: TestClient) -> None:
    page = client.get(PLAN).text
    scope = section(page, "scope")
    assert "Huyện 20 huyện II.1 gạch 1" in scope and "Xã 300 xã II.1 gạch 2" in scope
    assert "lựa chọn 60% số xã có tỷ lệ mất cân bằng giới tính khi sinh cao" in scope
    target = section(page, "trajectory-srb")
    assert "Mức xuất phát 115 (năm 2015) Mở đầu" in target
    assert "Giảm mỗi năm ít nhất 0,4 điểm I.2 gạch 4" in target
    assert "≤ 113 vào năm 2020 I.2 gạch 4" in target
    limits = [text(row(page, f"limit-srb-{year}")) for year in range(2016, 2021)]
    assert limits == ["2016 114,6", "2017 114,2", "2018 113,8", "2019 113,4", "2020 113"]
    assert "năm 2016 tối đa 114,6" in target  # the reading of the text, as the pack gives it
    activities = section(page, "activities")
    assert "2.2. Tổ chức các hoạt động truyền thông III.2.2" in activities
    assert "Thời gian thực hiện: 2016-2020 III.2.2 c" in activities
    assert "Thời gian thực hiện: 2017-2019 III.2.7 c" in activities
    assert "Số lượng: 01 câu lạc bộ/xã, 4 lần/năm" in activities
    assert "Kinh phí: PL 2.1" in activities
    responsible = text(page.split('id="activity-1"')[1].split("</article>")[0])
    assert "Tỉnh Sở Y tế; Chi cục Dân số - Kế hoạch hóa gia đình V.2.1" in responsible
    assert "Huyện UBND và Ban Chỉ đạo công tác DS-KHHGĐ huyện, thị xã, thành phố V.2.4" in (
        responsible
    )
    assert "Xã UBND và Ban Dân số xã, phường, thị trấn V.1.3" in responsible
    objectives = section(page, "objectives")
    assert "Mục tiêu" in objectives
    assert "tiến tới đưa tỷ số trở lại mức cân bằng I.1 gạch 3" in objectives


def test_the_plan_in_english_is_remembered(client: TestClient) -> None:
    response = client.get(f"{PLAN}?lang=en")
    assert '<html lang="en">' in response.text
    assert response.cookies.get("govops_lang") == "en"
    page = client.get(PLAN).text  # the cookie keeps English
    assert '<html lang="en">' in page
    assert "Yearly fall, at least 0.4 points" in section(page, "trajectory-srb")
    assert text(row(page, "limit-srb-2016")) == "2016 114.6"
    assert "Maximum allowed" in page and "Department of Health" in page
    assert f'href="{PLAN}?lang=vi"' in page  # the switch back


def test_the_budget_check_in_vietnamese(client: TestClient) -> None:
    response = client.get(BUDGET)
    assert response.status_code == 200 and '<html lang="vi">' in response.text
    page = response.text
    totals = text(row(page, "line-totals"))
    assert totals == "Tổng cộng 380 380 1.266 1.266 1.256 1.256 1.256 1.256 1.286 1.286 5.444 5.444"
    assert text(row(page, "line-2")).endswith("1.920 1.920")
    assert '<tr id="line-2.1" class="depth-1">' in page  # indented under row 2
    grand = section(page, "grand-total")
    assert "Tổng kinh phí tính lại: 5.444 triệu đồng" in grand
    assert "Bằng chữ Năm tỷ, bốn trăm, bốn bốn triệu đồng chẵn IV.3" in grand
    assert "Các số trong phụ lục cộng khớp." in grand
    findings = section(page, "findings")
    assert "0 lỗi, 6 cảnh báo, 9 lưu ý" in findings
    assert "Lỗi (0) Không có." in findings
    assert "Cảnh báo (6)" in findings and "Lưu ý (9)" in findings


def citations(page: str) -> list[str]:
    """The articles the page cites: codes of the document, shown as it numbers them."""
    return re.findall(r'<cite class="article"[^>]*>([^<]*)</cite>', page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_speaks_one_language(client: TestClient, path: str, language: str) -> None:
    """Every word of the pages from the catalogs; the plan's texts and what it quotes from
    its document shown in the document's language are marked with it."""
    response = client.get(f"{path}?lang={language}")
    assert response.status_code == (404 if "no-such" in path else 200)
    page = response.text
    assert f'<html lang="{language}">' in page
    assert foreign_sentences(page, names=[*NAMES, *citations(page)]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_finding_with_its_citations(client: TestClient, srb: Pack, language: str) -> None:
    page = client.get(f"{BUDGET}?lang={language}").text
    assert srb.programme is not None
    expected = check_plan(srb.programme).findings
    assert expected
    counts: dict[str, int] = {}
    for item in expected:
        severity = item.severity.value
        counts[severity] = counts.get(severity, 0) + 1
        shown = finding(page, f"finding-{severity}-{counts[severity]}")
        said = translator(language).say(item.message)
        assert _without_spaces(said) in _without_spaces(shown), (said, shown)
        for place in item.places:
            assert place.article in shown.split(WHERE[language])[1]


def _without_spaces(said: str) -> str:
    """A text without its spaces: the page reads the tags around its quotes as spaces."""
    return re.sub(r"\s+", "", said)


def test_the_budget_check_in_chinese_marks_what_it_quotes(client: TestClient) -> None:
    page = client.get(f"{BUDGET}?lang=zh-Hans").text
    assert "<title>经费核查 · 计划与方案</title>" in page  # the plan's title: no Chinese
    assert "重算总额： 5,444百万越南盾" in section(page, "grand-total")
    findings = section(page, "findings")
    assert "0 个错误，6 个警告，9 条提示" in findings and "错误（0） 无。" in findings
    scope = re.search(r'<li class="finding" id="finding-warning-1">(.*?)</li>', page, re.S)
    assert scope is not None
    assert (
        '计划范围为 300 <span lang="vi">xã</span>（<span lang="vi">II.1 gạch 2</span>），'
        '但第 <span lang="vi">PL 2.1</span> 行按 200 <span lang="vi">xã</span> 计算经费'
    ) in scope.group(1)
    words = section(page, "grand-total")
    assert "大写金额 Năm tỷ, bốn trăm, bốn bốn triệu đồng chẵn IV.3" in words
    assert '<q lang="vi">Năm tỷ, bốn trăm, bốn bốn triệu đồng chẵn</q>' in page
    traditional = client.get(f"{BUDGET}?lang=zh-Hant").text
    assert "計劃範圍為 300" in section(traditional, "findings")


def test_the_plan_in_chinese_shows_the_plans_texts_in_vietnamese(client: TestClient) -> None:
    page = client.get(f"{PLAN}?lang=zh-Hans").text
    assert '<html lang="zh-Hans">' in page
    target = section(page, "trajectory-srb")
    assert "目标：出生人口性别比（每100名女婴对应的男婴数）" in target
    assert "基线 115（2015年） Mở đầu" in target and "每年至少下降 0.4 个百分点" in target
    assert text(row(page, "limit-srb-2016")) == "2016 114.6"
    assert '<span lang="vi">Sở Y tế; Chi cục Dân số - Kế hoạch hóa gia đình</span>' in page
    assert '<h1><span lang="vi">Kế hoạch thực hiện Đề án' in page  # the pack has no Chinese


def test_the_budget_check_in_english(client: TestClient) -> None:
    page = client.get(f"{BUDGET}?lang=en").text
    assert '<html lang="en">' in page
    totals = text(row(page, "line-totals"))
    assert totals == "Total 380 380 1,266 1,266 1,256 1,256 1,256 1,256 1,286 1,286 5,444 5,444"
    assert "Recomputed total: VND 5,444 million" in section(page, "grand-total")
    findings = section(page, "findings")
    assert "0 errors, 6 warnings, 9 notices" in findings
    assert "Errors (0) None." in findings and "Warnings (6)" in findings
    assert "The plan covers 300 xã ( II.1 gạch 2 ) but row PL 2.1 costs 200 xã" in findings
    assert "'bốn bốn' read as 44 (spoken form without 'mươi' )" in findings


def test_a_printed_figure_that_differs_is_marked(srb: Pack) -> None:
    """Row 3 printed with 85 in 2016 where its unit costs give 80: the cell, and an error."""
    assert srb.programme is not None
    budget = srb.programme.budget
    line = budget.line("3")
    printed = {**line.stated, 2016: Figure(Decimal(85), "85", line.stated[2016].cite)}
    lines = tuple(replace(x, stated=printed) if x.id == "3" else x for x in budget.lines)
    programme = replace(srb.programme, budget=replace(budget, lines=lines))
    app = FastAPI()
    app.include_router(build_programme_router({SRB: replace(srb, programme=programme)}))
    page = TestClient(signed(app), headers=bearer()).get(BUDGET).text
    cells = row(page, "line-3")
    assert '<td class="printed differs">85</td>' in cells
    assert re.search(r'<td class="computed differs">80 <span class="flag"', cells)
    assert '<td class="printed ">80</td>' in cells  # 2017 agrees
    assert "Lỗi (0)" not in section(page, "findings")
    assert "PL 3" in finding(page, "finding-error-1")


def test_an_unknown_plan(client: TestClient) -> None:
    for path in ("/programmes/no-such-plan", "/programmes/no-such-plan/budget"):
        response = client.get(path)
        assert response.status_code == 404
        assert '<html lang="vi">' in response.text
        assert "Không có kế hoạch mã “no-such-plan”." in response.text
    english = client.get("/programmes/cn-county-mass-incident?lang=en")  # no programme
    assert english.status_code == 404
    assert "There is no plan with the id “cn-county-mass-incident”." in english.text


def test_the_language_cookie_is_shared_with_the_incident_pages(client: TestClient) -> None:
    assert '<html lang="vi">' in client.get("/programmes").text  # nothing chosen: the plan's
    client.get("/incidents?lang=zh-Hant")  # chosen on the incident pages: kept here too
    assert '<html lang="zh-Hant">' in client.get("/programmes").text
    client.get("/programmes?lang=vi")
    assert '<html lang="vi">' in client.get("/incidents").text
    client.get("/programmes?lang=en")
    assert '<html lang="en">' in client.get("/incidents").text


def test_the_browsers_language_else_the_organisations_else_vietnamese(srb: Pack) -> None:
    app = FastAPI()
    app.include_router(build_programme_router({SRB: srb}))
    client = TestClient(signed(app), headers=bearer())
    assert '<html lang="vi">' in client.get(PLAN).text
    chinese = client.get(PLAN, headers={"accept-language": "zh-TW,zh;q=0.8"}).text
    assert '<html lang="zh-Hant">' in chinese
    organisation = FastAPI()
    organisation.include_router(build_programme_router({SRB: srb}, language="en"))
    english = TestClient(signed(organisation), headers=bearer()).get(PLAN).text
    assert '<html lang="en">' in english


def test_the_stylesheet_is_served_from_the_pages_router(client: TestClient) -> None:
    page = client.get(PLAN).text
    common = '<link rel="stylesheet" href="/static/common.css">'
    own = '<link rel="stylesheet" href="/programmes/static/programme.css">'
    assert common in page and own in page and page.index(common) < page.index(own)
    css = client.get("/programmes/static/programme.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "td.differs" in css.text and "http" not in css.text  # no external asset
    shared = client.get("/static/common.css")  # served by this router alone as well
    assert shared.status_code == 200 and shared.headers["content-type"].startswith("text/css")
    assert "header.top" in shared.text and "http" not in shared.text


def test_the_composition_root_serves_the_programmes(tmp_path: Path) -> None:
    assert list(programme_packs()) == [SRB]
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    app = build_app(settings)
    with TestClient(app) as client:
        client.headers.update(sign_in(app))  # a real user: every role at every root
        assert client.get(BUDGET).status_code == 200
        assert client.get("/incidents").status_code == 200
        population = sign_in(app, "population", ("population_officer", "38"))
        assert client.get(BUDGET, headers=population).status_code == 200
        xicheng = sign_in(app, "xicheng", ("viewer", "110102"))
        assert client.get(BUDGET, headers=xicheng).status_code == 404


@pytest.fixture
def browser_page(browser: Any, live_server: str) -> Iterator[Any]:
    page = browser.new_page()  # signed in as the tester, by the session cookie
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": EVERYTHING, "url": live_server}])
    yield page
    page.close()


def test_the_budget_check_in_a_browser(browser_page: Any, live_server: str) -> None:
    page = browser_page
    page.goto(f"{live_server}{BUDGET}")  # headless Chromium asks for en-US
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{live_server}{BUDGET}?lang=vi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("#grand-total-display")).to_have_text("5.444 triệu đồng")
    expect(page.locator("#line-totals td.printed").nth(1)).to_have_text("1.266")
    expect(page.locator("#findings-warning li.finding")).to_have_count(6)
    expect(page.locator("nav.tabs a[aria-current=page]")).to_have_text("Kiểm tra kinh phí")
    page.click("header .switch a[hreflang=zh-Hans]")
    expect(page).to_have_url(f"{live_server}{BUDGET}?lang=zh-Hans")
    expect(page.locator("#grand-total-display")).to_have_text("5,444百万越南盾")
    expect(page.locator("#findings-warning h3")).to_have_text("警告（6）")
    page.click("header .switch a[hreflang=en]")
    expect(page).to_have_url(f"{live_server}{BUDGET}?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#grand-total-display")).to_have_text("VND 5,444 million")
    expect(page.locator("#findings-warning h3")).to_have_text("Warnings (6)")
    page.click("nav.tabs a:not([aria-current])")  # to the plan, still in English
    expect(page.locator("#limit-srb-2016 td")).to_have_text("114.6")


def test_a_finding_escapes_what_it_quotes_and_marks_its_language() -> None:
    message = msg(
        "Row {row}, {year}: spent {spent} against a budget of {budget}",
        row=Quote("<b>PL 1</b>"),
        year="2016",
        spent=Decimal("1234.5"),
        budget=Decimal(130),
    )
    english = Reader(translator("en"), {}).said(message, "vi")
    assert str(english) == (
        'Row <span lang="vi">&lt;b&gt;PL 1&lt;/b&gt;</span>, 2016: spent 1,234.5 against a '
        "budget of 130"
    )
    vietnamese = Reader(translator("vi"), {}).said(message, "vi")
    assert str(vietnamese) == "Dòng &lt;b&gt;PL 1&lt;/b&gt;, năm 2016: đã chi 1.234,5, dự toán 130"
