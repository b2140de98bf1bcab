"""Who may see and do what with incidents through the API: a township's duty officer sees
and reports their township only, a department liaison what is routed to the department, a
viewer reads without reporting; events name the signed-in user at the unit they acted in."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.e2e.incidents.api.conftest import API, ENGLISH, TESTER, report
from tests.fakes import MemoryStore
from tests.identity import bearer

AFTER_ACTION = {
    "loss_assessment": "无",
    "causes": "补偿",
    "lessons": "公开",
    "rectification": "修订",
}


def _file(client: TestClient, township: str, **fields: Any) -> str:
    answer = client.post(API, json=report(township=township, **fields))
    assert answer.status_code == 201, answer.text
    found: str = answer.json()["id"]
    return found


def _ids(client: TestClient, user: str) -> set[str]:
    answer = client.get(API, headers=bearer(user))
    assert answer.status_code == 200, answer.text
    return {i["id"] for i in answer.json()["incidents"]}


def test_a_township_officer_sees_and_files_for_their_township_only(client: TestClient) -> None:
    chengguan, qingshi = _file(client, "城关镇"), _file(client, "青石镇")
    unknown_place = _file(client, "开通镇")  # no such unit: the county's own
    assert _ids(client, "chengguan") == {chengguan}
    assert _ids(client, "qingshi") == {qingshi}
    assert _ids(client, "head") == {chengguan, qingshi, unknown_place}
    officer = bearer("chengguan")
    assert client.get(f"{API}/{chengguan}", headers=officer).status_code == 200
    for path in (qingshi, f"{qingshi}/report.docx", unknown_place):
        hidden = client.get(f"{API}/{path}", headers=officer)
        assert hidden.status_code == 404, path
        assert hidden.json()["code"] == "incident-not-found"  # as an unknown incident is
    filed = client.post(API, json=report(), headers=officer)
    assert filed.status_code == 201
    assert filed.json()["reports"][0]["actor"] == "chengguan@chengguan"


def test_reporting_for_another_township_is_forbidden_and_files_nothing(
    client: TestClient, store: MemoryStore
) -> None:
    answer = client.post(API, json=report(township="青石镇"), headers=bearer("chengguan"))
    assert answer.status_code == 403, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert "青石镇" in answer.json()["detail"]
    unknown = client.post(API, json=report(township="开通镇"), headers=bearer("chengguan"))
    assert unknown.status_code == 403  # a township the tree does not know is the county's
    assert store.events == {}


def test_writes_outside_ones_units_are_404_and_without_the_permission_403(
    client: TestClient,
) -> None:
    qingshi = _file(client, "青石镇")
    chengguan = _file(client, "城关镇")
    officer = bearer("chengguan")
    for path, body in (
        (f"{qingshi}/follow-ups", {"note": "x"}),
        (f"{qingshi}/actions/II-report/done", None),
        (f"{qingshi}/deadlines/level-I-county-to-province/met", None),
    ):
        assert client.post(f"{API}/{path}", json=body, headers=officer).status_code == 404, path
    # a duty officer sees their township's incident but may not close it (office heads do)
    refused = client.post(f"{API}/{chengguan}/close", json=AFTER_ACTION, headers=officer)
    assert refused.status_code == 403, refused.text
    assert "incident.close" in refused.json()["detail"]
    done = client.post(f"{API}/{chengguan}/actions/II-report/done", headers=officer)
    assert done.status_code == 200
    assert done.json()["actions"][1]["done_by"] == "chengguan@chengguan"
    closed = client.post(f"{API}/{chengguan}/close", json=AFTER_ACTION, headers=bearer("head"))
    assert closed.json()["closure"]["closed_by"] == "head@demo-county"


def test_a_liaison_sees_only_what_is_routed_to_their_department(client: TestClient) -> None:
    # a land dispute goes to the land resources bureau; a wage dispute does not
    land = _file(client, "河口乡", causes=["land"])
    wages = _file(client, "石桥镇", causes=["labour_social_security"])
    routed = {d["code"] for d in client.get(f"{API}/{land}").json()["departments"]}
    assert "land_resources" in routed
    assert "land_resources" not in {
        d["code"] for d in client.get(f"{API}/{wages}").json()["departments"]
    }
    liaison = bearer("liaison")  # the land resources bureau's
    assert _ids(client, "liaison") == {land}
    assert client.get(f"{API}/{land}", headers=liaison).status_code == 200
    assert client.get(f"{API}/{land}/report.docx", headers=liaison).status_code == 200
    assert client.get(f"{API}/{wages}", headers=liaison).status_code == 404
    # reading is all they do: reporting is not theirs anywhere
    assert client.post(API, json=report(), headers=liaison).status_code == 403
    follow = client.post(f"{API}/{land}/follow-ups", json={"note": "x"}, headers=liaison)
    assert follow.status_code == 403


def test_a_viewer_reads_but_may_not_report_and_others_see_nothing(client: TestClient) -> None:
    incident = _file(client, "城关镇")
    viewer = bearer("viewer")
    assert client.get(f"{API}/{incident}", headers=viewer).status_code == 200
    assert _ids(client, "viewer") == {incident}
    refused = client.post(API, json=report(), headers=viewer)
    assert refused.status_code == 403
    assert "incident.report" in refused.json()["detail"]
    assert (
        client.post(f"{API}/{incident}/actions/II-report/done", headers=viewer).status_code == 403
    )
    stranger = bearer("orgstaff")  # cadre staff hold no incident permission
    assert client.get(API, headers=stranger).status_code == 403
    assert client.get(f"{API}/{incident}", headers=stranger).status_code == 403


def test_no_one_signed_in_is_401(client: TestClient) -> None:
    incident = _file(client, "城关镇")
    with TestClient(client.app, headers=ENGLISH) as anonymous:
        for method, path in (
            ("GET", API),
            ("POST", API),
            ("GET", f"{API}/{incident}"),
            ("GET", f"{API}/{incident}/report.docx"),
            ("POST", f"{API}/{incident}/follow-ups"),
            ("POST", f"{API}/{incident}/close"),
            ("POST", f"{API}/{incident}/actions/II-report/done"),
            ("POST", f"{API}/{incident}/deadlines/level-I-county-to-province/met"),
        ):
            answer = anonymous.request(method, path, json=report())
            assert answer.status_code == 401, path
            assert answer.headers["www-authenticate"] == "Bearer"
        wrong = anonymous.get(API, headers={"Authorization": "Bearer nobody"})
        assert wrong.status_code == 401


def test_events_name_the_user_and_the_unit_they_acted_in(
    client: TestClient, store: MemoryStore
) -> None:
    incident = _file(client, "城关镇")
    client.post(f"{API}/{incident}/follow-ups", json={"note": "续报"}, headers=bearer("chengguan"))
    client.post(f"{API}/{incident}/actions/II-report/done", headers=bearer("head"))
    assert [e.actor for e in store.events[incident]] == [
        TESTER,
        "chengguan@chengguan",
        "head@demo-county",
    ]
