"""Every incident page in simplified and traditional Chinese, Vietnamese and English: its
words from the catalogs, its times as the language writes them, the pack's texts in the
reader's language or marked as Chinese, what duty officers typed marked as written; and
no sentence of another language anywhere (tests/e2e/languages.py)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from govops.platform.i18n.languages import LANGUAGES
from govops.platform.i18n.translator import translator
from tests.e2e.incidents.web.conftest import signed_in
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import GOOD_REPORT, report, section, text
from tests.fakes import Clock

TIMELINE = {  # the incident page's timeline heading
    "zh-Hans": "处置记录",
    "zh-Hant": "處置記錄",
    "vi": "Diễn biến xử lý",
    "en": "Timeline",
}
CLOSE = {
    "loss_assessment": "无人员伤亡,财产损失轻微",
    "causes": "拆迁补偿争议",
    "lessons": "提前公开补偿方案",
    "rectification": "修订拆迁公示程序",
}


def history(client: TestClient, clock: Clock) -> str:
    """An incident with everything on record: an approximate first report at II, an action
    done, a follow-up raising it to I with a note, a deadline met, another overdue."""
    incident = report(client)
    clock.advance(minutes=5)
    client.post(f"{incident}/actions/II-report")
    clock.advance(minutes=30)
    follow_up = {"participants": "6000", "note": "人数增至6000人", "flags_shown": "1"}
    follow_up |= {"major_impact_protest": "true", "seriously_affects_stability": "true"}
    client.post(f"{incident}/follow-ups", data=follow_up | {"treat_as_level_II": "true"})
    client.post(f"{incident}/deadlines/level-I-report-county")
    clock.advance(hours=2)
    return incident


def clean(page: str) -> list[str]:
    return foreign_sentences(page)


def html_lang(page: str) -> str:
    found = re.search(r'<html lang="([^"]+)">', page)
    assert found
    return found.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_in_each_language(client: TestClient, clock: Clock, language: str) -> None:
    history(client, clock)
    report(client, summary="另一事件", participants="300")
    page = client.get(f"/incidents?lang={language}").text
    assert html_lang(page) == language
    assert f"<h1>{translator(language)._('Incidents')}</h1>" in page
    assert page.count('<tr class="') == 2
    assert clean(page) == []
    empty = client.get(f"/incidents?status=closed&lang={language}").text
    assert clean(empty) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_intake_form_in_each_language(client: TestClient, language: str) -> None:
    page = client.get(f"/incidents/new?lang={language}").text
    assert html_lang(page) == language
    assert clean(page) == []
    # refused, its messages quoting what was typed (marked as typed, in Chinese)
    typed = {"place": "", "participants": "近5000", "deaths": "5000元", "occurred_at": "昨天"}
    refused = client.post(f"/incidents?lang={language}", data=GOOD_REPORT | typed)
    assert refused.status_code == 422
    assert refused.text.count('<p class="error"') == 4
    assert clean(refused.text) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_incident_with_its_history_in_each_language(
    client: TestClient, clock: Clock, language: str
) -> None:
    incident = history(client, clock)
    page = client.get(f"{incident}?lang={language}").text
    assert html_lang(page) == language
    assert f"<h2>{TIMELINE[language]}</h2>" in page
    assert f"report.docx?lang={language}" in page
    assert clean(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_incident_below_the_top_grade_explains_why_not_in_each_language(
    client: TestClient, language: str
) -> None:
    incident = report(client)  # about 1200 people: II, on an approximate figure, why not I
    page = client.get(f"{incident}?lang={language}").text
    assert 'id="why-not-I"' in page and 'class="approximate"' in page
    assert clean(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_closed_incident_and_its_refusals_in_each_language(
    client: TestClient, clock: Clock, language: str
) -> None:
    incident = history(client, clock)
    client.post(f"{incident}/close", data=CLOSE)
    page = client.get(f"{incident}?lang={language}").text
    assert clean(page) == []
    refused = client.post(f"{incident}/follow-ups?lang={language}", data={"note": "x"})
    assert refused.status_code == 409 and clean(refused.text) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_pages_in_each_language(client: TestClient, language: str) -> None:
    missing = client.get(f"/incidents/nope?lang={language}")
    assert missing.status_code == 404
    assert html_lang(missing.text) == language
    assert clean(missing.text) == []
    incident = report(client)
    officer = signed_in(client, "chengguan")  # a township's duty officer
    elsewhere = GOOD_REPORT | {"township": "青石镇"}
    refused = officer.post(f"/incidents?lang={language}", data=elsewhere)
    assert refused.status_code == 403 and clean(refused.text) == []
    signed_in(client, "viewer")  # may read, not close
    closing = client.post(f"{incident}/close?lang={language}", data=CLOSE)
    assert closing.status_code == 403 and clean(closing.text) == []
    assert html_lang(closing.text) == language


def test_dates_and_durations_are_written_as_each_language_writes_them(
    client: TestClient, clock: Clock
) -> None:
    incident = history(client, clock)
    deadlines = {
        language: section(client.get(f"{incident}?lang={language}").text, "deadlines")
        for language in LANGUAGES
    }
    assert "截止 2026年6月1日 11:35 已超时 1小时" in deadlines["zh-Hans"]
    assert "截止 2026年6月1日 11:35 已超時 1小時" in deadlines["zh-Hant"]
    assert "hạn 1 thg 6, 2026 11:35 quá hạn 1 giờ" in deadlines["vi"]
    assert "due Jun 1, 2026 11:35 overdue by 1 h" in deadlines["en"]


def test_pack_texts_show_in_the_readers_language_or_marked_as_chinese(
    client: TestClient,
) -> None:
    incident = report(client)
    traditional = client.get(f"{incident}?lang=zh-Hant").text
    assert "重大群體性事件 (II級)" in traditional  # converted from simplified
    english = client.get(f"{incident}?lang=en").text
    assert '<span class="grade grade-II" id="grade">level II</span>' in english
    vietnamese = client.get(f"{incident}?lang=vi").text
    assert '<span lang="zh-Hans">重大群体性事件 (II级)</span>' in vietnamese  # no Vietnamese
    assert "Vì sao không phải" in vietnamese
    # input labels: in the pack's English, converted, or marked as Chinese
    assert "participants (people)</label>" in english and "参与人数</" not in english
    assert "參與人數" in traditional
    assert '<span lang="zh-Hans">参与人数</span>' in vietnamese


def test_what_officers_typed_is_shown_as_written_and_marked(client: TestClient) -> None:
    incident = report(client)
    english = client.get(f"{incident}?lang=en").text
    assert '<h1><span lang="zh-Hans">城区房屋拆迁,群众到县政府集体上访</span></h1>' in english
    traditional = client.get(f"{incident}?lang=zh-Hant").text
    assert '<span lang="zh-Hans">城关镇</span>' in traditional  # as typed, not converted
    simplified = client.get(f"{incident}?lang=zh-Hans").text
    assert "<h1>城区房屋拆迁,群众到县政府集体上访</h1>" in simplified
    assert "<title>城区房屋拆迁,群众到县政府集体上访 · " in simplified
    assert "<title>Incident reported Jun 1, 2026 10:00 · " in english


def test_messages_next_to_fields_follow_the_language(client: TestClient) -> None:
    data = {**GOOD_REPORT, "place": "", "summary": "x" * 10_001}
    found = {
        language: text(client.post(f"/incidents?lang={language}", data=data).text)
        for language in LANGUAGES
    }
    assert "必填" in found["zh-Hans"] and "不能超過10,000個字" in found["zh-Hant"]
    assert "bắt buộc" in found["vi"] and "tối đa 10.000 ký tự" in found["vi"]
    assert "required" in found["en"] and "at most 10,000 characters" in found["en"]


def test_a_form_from_another_site_is_refused_in_the_readers_language(
    client: TestClient,
) -> None:
    refused = client.post(
        "/incidents?lang=vi", data=GOOD_REPORT, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "chỉ chấp nhận biểu mẫu gửi từ các trang của chính trang web này"
    }
