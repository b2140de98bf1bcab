"""The API's words in the request's language (?lang=, else Accept-Language, else the
organisation's: the pack's Chinese): problem titles, details and field messages. The data
(status, codes, field names, the shape of the document) is the same in every language."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient

from tests.e2e.incidents.api.conftest import API, problem_fields, report

CLOSE = {"loss_assessment": "无", "causes": "无", "lessons": "无", "rectification": "无"}


def _document(answer: Any) -> dict[str, Any]:
    document: dict[str, Any] = answer.json()
    assert answer.headers["content-type"] == "application/problem+json"
    return document


def test_a_client_that_asks_for_no_language_is_answered_in_the_organisations(
    chinese: TestClient,
) -> None:
    answer = chinese.post(API, json=report(place=..., participants="近5000"))
    document = _document(answer)
    assert document["title"] == "无法处理的内容"
    assert document["detail"] == "输入无效：place, participants"
    assert problem_fields(answer) == {
        "place": "为必填项",
        "participants": "“近N”这类数字无法与分级界限比较；请填写确切数字或约数（如 约N），"
        "收到 '近5000'",
    }


@pytest.mark.parametrize(
    ("ask", "title", "required"),
    [
        ({"params": {"lang": "vi"}}, "Nội dung không thể xử lý", "là bắt buộc"),
        ({"headers": {"Accept-Language": "zh-TW,zh;q=0.9"}}, "無法處理的內容", "為必填項"),
        ({"headers": {"Accept-Language": "fr, en;q=0.5"}}, "Unprocessable Entity", "is required"),
        ({"params": {"lang": "zh-Hans"}}, "无法处理的内容", "为必填项"),
    ],
    ids=["lang", "accept-language-traditional", "accept-language-second-choice", "over-header"],
)
def test_the_language_asked_for_is_spoken(
    client: TestClient, ask: dict[str, Any], title: str, required: str
) -> None:
    answer = client.post(API, json=report(place=...), **ask)
    assert _document(answer)["title"] == title
    assert problem_fields(answer) == {"place": required}


def test_only_the_words_change_with_the_language(client: TestClient) -> None:
    answers = [
        client.get(f"{API}/nope", params={"lang": language}).json()
        for language in ("zh-Hans", "zh-Hant", "vi", "en")
    ]
    assert {(a["status"], a["code"], a["instance"]) for a in answers} == {
        (404, "incident-not-found", f"{API}/nope")
    }
    assert [a["detail"] for a in answers] == [
        "没有事件 'nope'",
        "沒有事件 'nope'",
        "không có vụ việc 'nope'",
        "no incident 'nope'",
    ]
    assert len({tuple(sorted(a)) for a in answers}) == 1  # the same fields


def test_a_closed_incident_and_an_unknown_route_are_said_in_the_language(
    client: TestClient,
) -> None:
    incident = client.post(API, json=report()).json()["id"]
    client.post(f"{API}/{incident}/close", json=CLOSE)
    closed = client.post(f"{API}/{incident}/follow-ups?lang=vi", json={"note": "x"})
    assert closed.status_code == 409
    assert _document(closed)["detail"] == (
        f"vụ việc '{incident}' đã kết thúc; không thể ghi nhận thêm"
    )
    missing = client.get("/api/v1/nothing-here", params={"lang": "zh-Hans"})
    assert missing.status_code == 404
    assert _document(missing)["title"] == _document(missing)["detail"] == "未找到"


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"participants": "5000元"}, "participants", "'5000元' 以元计，而不是以人计"),
        ({"occurred_at": "2026-06-01T09:30:00"}, "occurred_at", "须注明与 UTC 的时差"),
        ({"partcipants": 3000}, "partcipants", "是否应为 'participants'？"),
        ({"stage": "rumour"}, "stage", "须为 'warning'或'incident'"),
        ({"place": "地" * 201}, "place", "长度不能超过 200 个字符"),
    ],
)
def test_field_messages_are_translated(
    chinese: TestClient, fields: dict[str, Any], field: str, says: str
) -> None:
    assert says in problem_fields(chinese.post(API, json=report(**fields)))[field]


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("zh-Hans", "关于县政府门前广场征地补偿纠纷,村民到县政府聚集的信息报告（初报）"),
        ("zh-Hant", "關於县政府门前广场征地补偿纠纷,村民到县政府聚集的信息報告（初報）"),
        (
            "vi",
            "Báo cáo thông tin về 征地补偿纠纷,村民到县政府聚集 tại 县政府门前广场 "
            "(báo cáo ban đầu)",
        ),
        (
            "en",
            "Information report on 征地补偿纠纷,村民到县政府聚集 at 县政府门前广场 (first report)",
        ),
    ],
)
def test_the_information_report_in_each_language(
    client: TestClient, language: str, title: str
) -> None:
    incident = client.post(API, json=report()).json()["id"]
    answer = client.get(f"{API}/{incident}/report.docx", params={"lang": language})
    assert answer.status_code == 200
    document = docx.Document(io.BytesIO(answer.content))
    assert document.paragraphs[0].text == title
    assert document.core_properties.language == language


def test_the_information_report_follows_accept_language_and_refuses_other_languages(
    client: TestClient,
) -> None:
    incident = client.post(API, json=report()).json()["id"]
    answer = client.get(f"{API}/{incident}/report.docx", headers={"Accept-Language": "vi-VN"})
    title = docx.Document(io.BytesIO(answer.content)).paragraphs[0].text
    assert title.startswith("Báo cáo thông tin về")
    assert "lang" in problem_fields(client.get(f"{API}/{incident}/report.docx?lang=fr"))
