"""Bad input of every kind is a 422 problem document naming the field (never a 500)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.e2e.incidents.api.conftest import API, problem_fields, report


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"participants": "近5000"}, "participants", "nearly N"),
        ({"participants": "二三百"}, "participants", ""),
        ({"deaths": -1}, "deaths", "negative"),
        ({"participants": 12.5}, "participants", "whole number"),
        ({"participants": "5000元"}, "participants", "'5000元' is counted in yuan, not people"),
        ({"traffic_stopped_hours": "8人"}, "traffic_stopped_hours", "counted in people, not hours"),
        ({"participants": [5000]}, "participants", "number"),
        ({"participants": True}, "participants", "number"),
        ({"armed_fight": "yes"}, "armed_fight", "true or false"),
        ({"partcipants": 3000}, "partcipants", "did you mean 'participants'"),
        ({"reporter": "甲"}, "reporter", "not a field"),
        ({"causes": ["land", "weather"]}, "causes", "unknown code 'weather'"),
        ({"causes": "land"}, "causes", "list"),
        ({"occurred_at": "2026-06-01T09:30:00"}, "occurred_at", "UTC offset"),
        ({"occurred_at": "2026-06-01"}, "occurred_at", "UTC offset"),
        ({"occurred_at": "yesterday at nine"}, "occurred_at", "ISO 8601"),
        ({"occurred_at": "2026-13-01T09:30:00+08:00"}, "occurred_at", "ISO 8601"),
        ({"occurred_at": 1780277400}, "occurred_at", "as text"),
        ({"occurred_at": ...}, "occurred_at", "required"),
        ({"place": "   "}, "place", "required"),
        ({"place": ...}, "place", "required"),
        ({"place": "地" * 201}, "place", "200"),
        ({"summary": 42}, "summary", "string"),
        ({"township": None}, "township", "string"),
        ({"stage": "rumour"}, "stage", "'warning' or 'incident'"),
        ({"actor": "甲"}, "actor", "signed-in user"),
    ],
)
def test_each_bad_report_field_is_named(
    client: TestClient, fields: dict[str, Any], field: str, says: str
) -> None:
    named = problem_fields(client.post(API, json=report(**fields)))
    assert field in named, named
    assert says in named[field]
    assert client.get(API).json()["count"] == 0


def test_every_bad_field_is_named_at_once(client: TestClient) -> None:
    body = report(participants="近5000", deaths=-2, stage="x", place="", occurred_at="09:30")
    named = problem_fields(client.post(API, json=body))
    assert set(named) == {"participants", "deaths", "stage", "place", "occurred_at"}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"participants=5000", "not valid JSON"),
        (b'{"participants": 5000', "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b'"a report"', "JSON object"),
        (b"", "required"),
        (b'{"participants": NaN}', "NaN is not a number"),
        (b'{"deaths": Infinity}', "Infinity is not a number"),
        (b'{"participants": 1, "participants": 2}', "'participants' is given twice"),
        ('{"place": "县"}'.encode("gb18030"), "not UTF-8"),
    ],
)
def test_a_body_that_is_no_json_object_is_refused(
    client: TestClient, body: bytes, says: str
) -> None:
    answer = client.post(API, content=body, headers={"content-type": "application/json"})
    named = problem_fields(answer)
    assert says in named["body"], named


def test_a_body_sent_as_another_media_type_is_refused(client: TestClient) -> None:
    answer = client.post(API, content=b"participants=5000", headers={"content-type": "text/plain"})
    assert "body" in problem_fields(answer)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("grade=IV", "grade"),
        ("grade=", "grade"),
        ("status=pending", "status"),
        ("overdue=perhaps", "overdue"),
    ],
)
def test_bad_search_filters_are_named(client: TestClient, query: str, field: str) -> None:
    assert field in problem_fields(client.get(f"{API}?{query}"))


def test_bad_headers_are_named(client: TestClient) -> None:
    empty_key = client.post(API, json=report(), headers={"Idempotency-Key": ""})
    assert "Idempotency-Key" in problem_fields(empty_key)
    long_key = client.post(API, json=report(), headers={"Idempotency-Key": "k" * 201})
    assert "Idempotency-Key" in problem_fields(long_key)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"participants": "近5000"}, "participants"),
        ({"injured": -3}, "injured"),
        ({"participant": 5000}, "participant"),
        ({"note": ["续报"]}, "note"),
        ({"note": "续报", "actor": "甲"}, "actor"),
    ],
)
def test_bad_follow_ups_are_named(client: TestClient, body: dict[str, Any], field: str) -> None:
    incident = client.post(API, json=report()).json()
    named = problem_fields(client.post(f"{API}/{incident['id']}/follow-ups", json=body))
    assert field in named
    assert len(client.get(f"{API}/{incident['id']}").json()["reports"]) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"loss_assessment": "无", "causes": "无", "lessons": "无"},
            "rectification",
        ),
        (
            {"loss_assessment": " ", "causes": "无", "lessons": "无", "rectification": "无"},
            "loss_assessment",
        ),
        (
            {"loss_assessment": 1, "causes": "", "lessons": "", "rectification": ""},
            "causes",
        ),
    ],
)
def test_an_incomplete_after_action_record_is_refused(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    incident = client.post(API, json=report()).json()
    named = problem_fields(client.post(f"{API}/{incident['id']}/close", json=body))
    assert field in named
    assert client.get(f"{API}/{incident['id']}").json()["status"] == "open"


def test_tick_off_bodies_are_checked(client: TestClient) -> None:
    incident = client.post(API, json=report()).json()
    path = f"{API}/{incident['id']}/actions/II-report/done"
    assert "actor" in problem_fields(client.post(path, json={"actor": "甲"}))
    assert "who" in problem_fields(client.post(path, json={"who": "甲"}))
    assert "body" in problem_fields(
        client.post(path, content=b"{", headers={"content-type": "application/json"})
    )


def test_a_control_character_in_a_text_is_refused_so_every_report_can_be_written(
    client: TestClient,
) -> None:
    answer = client.post(API, json=report(summary="聚集\u000b事件"))
    assert answer.status_code == 422
    assert "control character" in problem_fields(answer)["summary"]
