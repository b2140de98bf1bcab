"""The incident API end to end over in-memory storage: report, read, follow up, tick off,
close, search; idempotent retries; answers in the pack's timezone."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.server import create_app
from tests.e2e.incidents.api.conftest import API, TESTER, problem_fields, report
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock, MemoryStore
from tests.identity import TokenAuthenticator, bearer


def test_a_report_is_created_graded_and_read_back(client: TestClient) -> None:
    # 4.2(1)'s 影响较大 and 4.1(1)'s 严重影响社会稳定 asserted: 1,200 people are level II
    created = client.post(API, json=report(seriously_affects_stability=True))
    assert created.status_code == 201, created.text
    incident = created.json()
    assert created.headers["location"].endswith(f"{API}/{incident['id']}")
    assert incident["grade"] == "II"
    assert incident["status"] == "open" and incident["stage"] == "incident"
    assert incident["reported_at"] == "2026-06-01T10:00:00+08:00"
    assert incident["occurred_at"] == "2026-06-01T09:30:00+08:00"
    assert incident["pack"] == "cn-county-mass-incident 1.2.0"
    assert "land_resources" in [d["code"] for d in incident["departments"]]
    assert [a["id"] for a in incident["actions"]] == ["II-start-plans", "II-report", "II-supervise"]
    first = incident["reports"][0]
    assert first["number"] == 0 and first["actor"] == TESTER
    assert first["inputs"] == {
        "participants": "约1200",
        "major_impact_protest": True,
        "seriously_affects_stability": True,
    }
    decision = first["decision"]
    assert decision["outcome"] == "II" and decision["fired"] == ["II-1"]
    assert decision["approximate"] == ["participants"]
    assert decision["trace"] and "I" in decision["why_not"]
    assert decision["why_not"]["I"]["summary"].startswith("participants 1200 < 5000")

    read = client.get(f"{API}/{incident['id']}")
    assert read.status_code == 200
    assert read.json() == incident


def test_figures_as_staff_type_them_and_exact_numbers(client: TestClient) -> None:
    words = client.post(API, json=report(participants="五千", seriously_affects_stability=True))
    assert words.json()["grade"] == "I"
    text = (
        '{"occurred_at": "2026-06-01T09:30:00+08:00", "place": "高速路口", "township": "城关镇",'
        ' "summary": "堵路", "blocked_expressway": true, "traffic_stopped_hours": %s}'
    )
    below = client.post(API, content=text % "7.99999999999999999999", headers=_json())
    assert below.status_code == 201, below.text
    assert below.json()["grade"] is None
    assert below.json()["reports"][0]["inputs"] == {
        "blocked_expressway": True,
        "traffic_stopped_hours": "7.99999999999999999999",
    }
    at_bound = client.post(API, content=text % "8", headers=_json())
    assert at_bound.json()["grade"] == "I"


def _json() -> dict[str, str]:
    return {"content-type": "application/json"}


def test_a_retry_with_the_same_idempotency_key_creates_nothing_twice(
    client: TestClient, store: MemoryStore
) -> None:
    key = {"Idempotency-Key": "report-7f3a"}
    first = client.post(API, json=report(), headers=key)
    notifications = len(store.notifications)
    again = client.post(API, json=report(), headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(store.events) == 1 and len(store.notifications) == notifications
    other = client.post(API, json=report(), headers={"Idempotency-Key": "report-8b2c"})
    assert other.json()["id"] != first.json()["id"]
    assert client.get(API).json()["count"] == 2


def test_a_key_belongs_to_its_user_and_to_its_report(client: TestClient) -> None:
    key = {"Idempotency-Key": "report-7f3a"}
    first = client.post(API, json=report(), headers=key)
    head = client.post(API, json=report(), headers=key | bearer("head"))
    assert head.status_code == 201 and head.json()["id"] != first.json()["id"]
    assert head.json()["reports"][0]["actor"] == "head@demo-county"
    other = client.post(API, json=report(participants=6000), headers=key)
    assert other.status_code == 422, other.text  # reused with another body
    assert other.headers["content-type"] == "application/problem+json"
    assert other.json()["code"] == "idempotency-key-reused"
    assert "report-7f3a" in other.json()["detail"]
    again = client.post(API, json=report(), headers=key)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert client.get(API).json()["count"] == 2


def test_a_follow_up_sent_again_with_its_key_is_filed_once(client: TestClient) -> None:
    incident = client.post(API, json=report()).json()["id"]
    url, key = f"{API}/{incident}/follow-ups", {"Idempotency-Key": "follow-up-1"}
    first = client.post(url, json={"injured": 2, "note": "2人受伤"}, headers=key)
    again = client.post(url, json={"injured": 2, "note": "2人受伤"}, headers=key)
    assert first.status_code == again.status_code == 201
    assert [r["number"] for r in again.json()["reports"]] == [0, 1]  # one 续报, not two
    other = client.post(url, json={"injured": 3, "note": "3人受伤"}, headers=key)
    assert other.status_code == 422 and other.json()["code"] == "idempotency-key-reused"
    head = client.post(url, json={"injured": 2, "note": "2人受伤"}, headers=key | bearer("head"))
    assert [r["number"] for r in head.json()["reports"]] == [0, 1, 2]  # another user's key
    plain = client.post(url, json={"note": "无变化"})
    assert len(plain.json()["reports"]) == 4  # without a key, each is a new follow-up


def test_the_warning_report_hour_runs_from_when_the_information_was_obtained(
    client: TestClient,
) -> None:
    """5.2: the township reports warning information within the hour of obtaining it."""
    learnt = "2026-06-01T09:45:00+08:00"  # a gathering brewing since 08:00, learnt of later
    body = report(stage="warning", occurred_at="2026-06-01T08:00:00+08:00", obtained_at=learnt)
    warning = client.post(API, json=body).json()
    assert warning["obtained_at"] == learnt
    [township] = warning["deadlines"]
    assert (township["id"], township["due"]) == (
        "warning-report-township",
        "2026-06-01T10:45:00+08:00",
    )
    plain = client.post(API, json=report(stage="warning")).json()  # obtained when it occurred
    assert plain["obtained_at"] == plain["occurred_at"] == "2026-06-01T09:30:00+08:00"
    assert plain["deadlines"][0]["due"] == "2026-06-01T10:30:00+08:00"
    future = client.post(API, json=report(obtained_at="2026-06-02T09:00:00+08:00"))
    assert "obtained_at" in problem_fields(future)


def test_without_a_key_each_post_is_a_new_incident(client: TestClient) -> None:
    client.post(API, json=report())
    client.post(API, json=report())
    assert client.get(API).json()["count"] == 2


def test_the_actor_is_the_signed_in_user_and_a_client_actor_is_refused(
    client: TestClient, store: MemoryStore
) -> None:
    refused = client.post(API, json=report(actor="张三"))
    assert "signed-in user" in problem_fields(refused)["actor"]
    assert store.events == {}
    incident = client.post(API, json=report(), headers={"X-Actor": "zhao"}).json()
    assert incident["reports"][0]["actor"] == TESTER  # the old header changes nothing
    for path, body in (
        ("follow-ups", {"note": "x", "actor": "甲"}),
        ("close", AFTER_ACTION | {"actor": "甲"}),
        ("actions/II-report/done", {"actor": "甲"}),
        ("deadlines/level-II-report-county/met", {"actor": "甲"}),
    ):
        answer = client.post(f"{API}/{incident['id']}/{path}", json=body)
        assert "signed-in user" in problem_fields(answer)["actor"], path
    assert client.get(f"{API}/{incident['id']}").json()["version"] == 1


def test_a_follow_up_that_upgrades_records_the_regrade_and_its_reason(
    client: TestClient, clock: Clock
) -> None:
    incident = client.post(API, json=report()).json()
    clock.advance(minutes=40)
    answer = client.post(
        f"{API}/{incident['id']}/follow-ups",
        json={
            "participants": "约5500",
            "seriously_affects_stability": True,
            "injured": 6,
            "note": "人数持续增加,堵塞省道",
        },
        headers=bearer("chengguan"),
    )
    assert answer.status_code == 201, answer.text
    upgraded = answer.json()
    assert upgraded["grade"] == "I"
    follow_up = upgraded["reports"][1]
    assert follow_up["number"] == 1 and follow_up["actor"] == "chengguan@chengguan"
    assert follow_up["inputs"] == {
        "participants": "约5500",
        "major_impact_protest": True,  # kept from the first report
        "seriously_affects_stability": True,
        "injured": 6,
    }
    assert follow_up["decision"]["fired"] == ["I-1"]
    [regrade] = upgraded["regrades"]
    assert (regrade["before"], regrade["after"]) == ("II", "I")
    assert regrade["at"] == "2026-06-01T10:40:00+08:00"
    assert regrade["reason"].startswith("#1: II → I (I-1")
    assert "人数持续增加" in regrade["reason"]
    due = {d["id"]: d["due"] for d in upgraded["deadlines"]}
    assert due == {
        "level-I-report-county": "2026-06-01T10:40:00+08:00",
        "level-I-county-to-province": "2026-06-01T11:40:00+08:00",
    }
    assert client.get(f"{API}/{incident['id']}").json() == upgraded


def test_a_follow_up_with_only_a_note_keeps_the_grade(client: TestClient) -> None:
    incident = client.post(API, json=report()).json()
    answer = client.post(f"{API}/{incident['id']}/follow-ups", json={"note": "现场平稳"})
    assert answer.status_code == 201
    assert answer.json()["grade"] == "II" and answer.json()["regrades"] == []


def test_checklist_actions_are_ticked_off(client: TestClient, clock: Clock) -> None:
    incident = client.post(API, json=report()).json()
    clock.advance(minutes=15)
    done = client.post(
        f"{API}/{incident['id']}/actions/II-start-plans/done", headers=bearer("chengguan")
    )
    assert done.status_code == 200, done.text
    action = done.json()["actions"][0]
    assert action["done_at"] == "2026-06-01T10:15:00+08:00"
    assert action["done_by"] == "chengguan@chengguan"
    assert done.json()["open_actions"] == 2
    with_body = client.post(f"{API}/{incident['id']}/actions/II-report/done", json={})
    assert with_body.json()["actions"][1]["done_by"] == TESTER
    unknown = client.post(f"{API}/{incident['id']}/actions/I-work-group/done")
    assert "I-work-group" in problem_fields(unknown)["action"]


def test_deadlines_are_met_and_overdue_ones_are_flagged(client: TestClient, clock: Clock) -> None:
    incident = client.post(
        API, json=report(participants=6000, seriously_affects_stability=True)
    ).json()
    assert [d["overdue"] for d in incident["deadlines"]] == [False, False]
    county = incident["deadlines"][0]
    # "immediately" to the county runs from 09:30, when it happened; filing it here at
    # 10:00 is the report to the county: met, late.
    assert (county["due"], county["met_at"]) == (
        "2026-06-01T09:30:00+08:00",
        "2026-06-01T10:00:00+08:00",
    )
    assert county["late_minutes"] == 30  # met, but half an hour after it was due
    assert incident["deadlines"][1]["due"] == "2026-06-01T11:00:00+08:00"  # from the filing
    clock.advance(minutes=5)
    met = client.post(f"{API}/{incident['id']}/deadlines/level-I-county-to-province/met")
    assert met.status_code == 200, met.text
    province = met.json()["deadlines"][1]
    assert province["met_at"] == "2026-06-01T10:05:00+08:00" and province["overdue"] is False
    assert province["late_minutes"] is None  # in time
    again = client.post(f"{API}/{incident['id']}/deadlines/level-I-county-to-province/met")
    assert again.json()["version"] == met.json()["version"]  # a second "met" changes nothing
    clock.advance(hours=1)
    assert client.get(f"{API}/{incident['id']}").json()["overdue"] is False
    other = client.post(
        API, json=report(participants=6000, seriously_affects_stability=True)
    ).json()
    clock.advance(hours=1, minutes=1)
    later = client.get(f"{API}/{other['id']}").json()
    province = later["deadlines"][1]
    assert province["met_at"] is None and province["overdue"] is True and later["overdue"]
    clock.advance(seconds=30)
    late = client.post(f"{API}/{other['id']}/deadlines/level-I-county-to-province/met").json()
    assert late["deadlines"][1]["late_minutes"] == 2  # 1 min 30 s late: a part counts
    unknown = client.post(f"{API}/{incident['id']}/deadlines/nope/met")
    assert "nope" in problem_fields(unknown)["deadline"]


AFTER_ACTION = {
    "loss_assessment": "无人员伤亡",
    "causes": "补偿标准未公开",
    "lessons": "提前公开标准",
    "rectification": "修订补偿办法",
}


def test_a_closed_incident_takes_nothing_more(client: TestClient, clock: Clock) -> None:
    incident = client.post(API, json=report()).json()
    clock.advance(days=1)
    closed = client.post(f"{API}/{incident['id']}/close", json=AFTER_ACTION)
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed"
    assert closed.json()["closure"] == {
        **AFTER_ACTION,
        "closed_at": "2026-06-02T10:00:00+08:00",
        "closed_by": TESTER,
    }
    for path, body in (
        ("follow-ups", {"participants": 6000}),
        ("close", AFTER_ACTION),
        ("actions/II-report/done", {}),
        ("deadlines/whatever/met", None),
    ):
        answer = client.post(f"{API}/{incident['id']}/{path}", json=body)
        assert answer.status_code == 409, path
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == "incident-closed"


def test_unknown_incidents_are_404(client: TestClient) -> None:
    for method, path, body in (
        ("GET", "nope", None),
        ("POST", "nope/follow-ups", {"note": "x"}),
        ("POST", "nope/close", AFTER_ACTION),
        ("POST", "nope/actions/II-report/done", {}),
        ("POST", "nope/deadlines/x/met", None),
    ):
        answer = client.request(method, f"{API}/{path}", json=body)
        assert answer.status_code == 404, path
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == "incident-not-found"
    assert client.get("/api/v1/no-such-route").status_code == 404


def test_search_by_grade_status_and_overdue(client: TestClient, clock: Clock) -> None:
    level_ii = client.post(API, json=report()).json()["id"]
    clock.advance(minutes=1)
    level_i = client.post(
        API, json=report(participants=6000, seriously_affects_stability=True)
    ).json()["id"]
    clock.advance(minutes=1)
    warning = client.post(API, json=report(stage="warning", participants=1500)).json()["id"]
    clock.advance(minutes=1)
    closed = client.post(API, json=report(participants=300, affects_stability=True)).json()["id"]
    client.post(f"{API}/{closed}/close", json=AFTER_ACTION)

    def ids(query: str) -> list[str]:
        answer = client.get(f"{API}?{query}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["count"] == len(answer.json()["incidents"])
        return [i["id"] for i in answer.json()["incidents"]]

    assert ids("") == [closed, warning, level_i, level_ii]
    assert ids("grade=II") == [warning, level_ii]
    assert ids("grade=I") == [level_i]
    assert ids("status=closed") == [closed]
    assert ids("status=open&grade=III") == []
    assert ids("overdue=true") == []  # "immediately" to the county is met by the filing itself
    clock.advance(hours=1)  # past the 1-hour deadlines (6.1.3(1) and 5.2)
    assert ids("overdue=true") == [warning, level_i]
    assert ids("overdue=false") == [closed, level_ii]
    summary = client.get(f"{API}?overdue=true").json()["incidents"][0]
    # the warning's hour runs from when the township learnt of it (09:30), not from filing
    assert summary["overdue"] is True and summary["next_due"] == "2026-06-01T10:30:00+08:00"


def test_the_openapi_document_describes_the_api(client: TestClient) -> None:
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    document = answer.json()
    assert {p for p in document["paths"] if p.startswith(API)} == {
        API,
        f"{API}/{{incident_id}}",
        f"{API}/{{incident_id}}/follow-ups",
        f"{API}/{{incident_id}}/close",
        f"{API}/{{incident_id}}/actions/{{action_id}}/done",
        f"{API}/{{incident_id}}/deadlines/{{deadline_id}}/met",
        f"{API}/{{incident_id}}/report.docx",
    }
    schemas = document["components"]["schemas"]
    report_fields = schemas["IncidentReport"]["properties"]
    assert {"participants", "armed_fight", "occurred_at", "causes", "stage"} <= set(report_fields)
    assert "land" in report_fields["causes"]["items"]["enum"]
    assert "participants" in schemas["FollowUpReport"]["properties"]
    assert "actor" not in report_fields and "actor" not in schemas["CloseBody"]["properties"]
    create = document["paths"][API]["post"]
    assert "Idempotency-Key" in [p["name"] for p in create["parameters"]]
    assert list(create["responses"]["422"]["content"]) == ["application/problem+json"]
    assert client.get("/api/v1/docs").status_code == 404  # its page would need a CDN


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(
    service: IncidentService, pack: Pack, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("the disk is on fire")

    service.search = broken  # type: ignore[method-assign]
    app = create_app(service, pack, authenticator=TokenAuthenticator())
    with (
        TestClient(app, raise_server_exceptions=False, headers=bearer()) as client,
        caplog.at_level(logging.ERROR, logger="govops.api"),
    ):
        answer = client.get(API)
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "internal-error"
    assert "fire" not in answer.text and "Traceback" not in answer.text
    assert "the disk is on fire" in caplog.text


def test_the_criteria_the_officer_confirms_are_fields_of_a_report(client: TestClient) -> None:
    """The qualifiers of 4.1(1), 4.1(5), 4.2(1), 4.3(1) and the kinds of way and of project
    of 4.1(4): flags given as a report's fields, required by their clauses."""
    unqualified = client.post(API, json=report(major_impact_protest=...)).json()
    assert unqualified["grade"] is None  # 1,200 people, 影响较大 not asserted
    failing = unqualified["reports"][0]["decision"]["why_not"]["II"]["failing"]
    assert [f["input"] for f in failing] == ["major_impact_protest"]
    hours = {"participants": ..., "major_impact_protest": ..., "traffic_stopped_hours": 8}
    assert client.post(API, json=report(**hours)).json()["grade"] is None
    blocked = client.post(API, json=report(**hours, blocked_railway_trunk_line=True)).json()
    assert (blocked["grade"], blocked["reports"][0]["decision"]["fired"]) == ("I", ["I-4"])
    assert blocked["reports"][0]["inputs"]["blocked_railway_trunk_line"] is True
    project = report(participants=..., major_impact_protest=..., key_project_stopped_hours="24小时")
    assert client.post(API, json=project).json()["grade"] is None
    national = client.post(API, json=project | {"national_key_project": "true"}).json()
    assert national["grade"] == "I"
    deaths = report(participants=..., major_impact_protest=..., deaths=10)
    assert client.post(API, json=deaths).json()["grade"] is None
    harmful = client.post(API, json=deaths | {"seriously_harms_stability": True}).json()
    assert (harmful["grade"], harmful["reports"][0]["decision"]["fired"]) == ("I", ["I-5"])
    wrong = client.post(API, json=report(affects_stability="perhaps"))
    assert "affects_stability" in problem_fields(wrong)
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    fields = {name for body in schema.values() for name in body.get("properties", {})}
    assert {"seriously_affects_stability", "blocked_expressway", "national_key_project"} <= fields


def test_the_search_is_walked_page_by_page_newest_report_first(
    client: TestClient, clock: Clock
) -> None:
    filed = []
    for n in range(5):
        filed.append(client.post(API, json=report()).json()["id"])
        if n != 2:  # the third and fourth reported at the same time
            clock.advance(minutes=1)
    found = assert_walks_whole(client, API, "incidents")
    ids = [i["id"] for i in found]
    assert (ids[0], {ids[1], ids[2]}, ids[3:]) == (filed[4], {filed[3], filed[2]}, filed[1::-1])
    assert assert_walks_whole(client, f"{API}?grade=II&status=open", "incidents", limit=2) == found
