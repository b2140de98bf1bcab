"""Who may do what with the cadre records and the selection cases over HTTP: each route's
permission, the unit the records belong to (the organisation department of the university,
which runs cn-cadre-selection), the committee's decision (29), the dossier kept to the
team and the committee (48(4)) and each reading recorded; the actor of every event the
signed-in user at the unit they acted in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_cadre_registry, build_selections
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.storage.database import make_engine, migrate
from govops.server import create_app
from tests.e2e.cadres.api.test_selection import API, VOTES, opened, until
from tests.e2e.cadres.people import OFFICE, UNIVERSITY, Readings, authenticator, enrol
from tests.fakes import Clock
from tests.identity import bearer

CADRES, REPORTS = "/api/v1/cadres", "/api/v1/cadre-reports"
DECIDED_AT = "2025-10-09T09:00:00+08:00"


@pytest.fixture
def app(service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path) -> Iterator[FastAPI]:
    clock.now = clock.now.replace(year=2026, month=11, day=20)
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    app = create_app(service, pack, clock=clock, authenticator=authenticator())
    app.state.selections = build_selections(engine, clock)
    enrol(engine, clock)  # the candidate, 张三, in the registry
    app.state.cadres = build_cadre_registry(engine, clock)
    app.state.reading_log = Readings()
    yield app
    engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, headers={"Accept-Language": "en"} | bearer("orgstaff")) as client:
        yield client


def decide(client: TestClient, case: str, who: str) -> Any:
    body = {"votes": VOTES, "at": DECIDED_AT}
    return client.post(f"{API}/{case}/decision", json=body, headers=bearer(who))


def test_a_team_member_reads_the_dossier_and_the_reading_is_recorded(
    client: TestClient, app: FastAPI
) -> None:
    case = until(client, "decision")
    for who, unit in (("chen", OFFICE), ("feng", UNIVERSITY)):  # team, committee
        answer = client.get(f"{API}/{case}/dossier", headers=bearer(who))
        assert answer.status_code == 200, answer.text
        assert answer.json()["reader"] == f"{who}@{unit}" and len(answer.json()["events"]) == 4
    assert app.state.reading_log.kept == [
        ("chen", OFFICE, case, "dossier"),
        ("feng", UNIVERSITY, case, "dossier"),
    ]


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [
        ("viewer", 403, "forbidden"),  # sees the case (selection.read), not its dossier
        ("orgstaff", 403, "forbidden"),  # runs the case, but holds no dossier.read
        ("lu", 403, "dossier-denied"),  # a committee member, not on this case's committee
        ("lan", 404, "not-found"),  # Thanh Hóa: the case is not even confirmed
    ],
)
def test_the_dossier_is_refused_to_anyone_else(
    client: TestClient, app: FastAPI, who: str, status: int, code: str
) -> None:
    case = until(client, "decision")
    answer = client.get(f"{API}/{case}/dossier", headers=bearer(who))
    assert (answer.status_code, answer.json()["code"]) == (status, code), answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert "events" not in answer.text and app.state.reading_log.kept == []
    if who == "lu":
        assert "wuyi-cadre-regulation-2020 48(4)" in answer.json()["detail"]


def test_only_a_member_of_the_committee_records_its_decision(client: TestClient) -> None:
    case = until(client, "investigation")
    staff = decide(client, case, "orgstaff")
    assert (staff.status_code, staff.json()["code"]) == (403, "forbidden")
    assert "selection.decide" in staff.json()["detail"]
    stranger = decide(client, case, "lu")
    assert stranger.status_code == 403
    assert stranger.json()["detail"] == (
        f"only the committee of case {case} decides (wuyi-cadre-regulation-2020 29); "
        "'路委员' is not a member"
    )
    zh = client.post(
        f"{API}/{case}/decision?lang=zh-Hans",
        json={"votes": VOTES, "at": DECIDED_AT},
        headers=bearer("lu"),
    )
    said = zh.json()["detail"]
    assert "wuyi-cadre-regulation-2020 29" in said and "路委员" in said
    assert client.get(f"{API}/{case}").json()["step"] == "investigation"  # nothing recorded
    member = decide(client, case, "wang")
    assert member.status_code == 201, member.text
    assert member.json()["actor"] == f"wang@{UNIVERSITY}"
    assert member.json()["at"] == DECIDED_AT  # when the committee met, as said
    assert member.json()["recorded_at"] == "2026-11-20T10:00:00+08:00"  # the server's time


def test_a_committee_member_runs_no_other_step(client: TestClient) -> None:
    case = opened(client)
    body = {"expected": 120, "attended": 100, "interviewed": 25}
    answer = client.post(f"{API}/{case}/recommendation", json=body, headers=bearer("wang"))
    assert answer.status_code == 403 and "selection.run" in answer.json()["detail"]


def test_anonymous_requests_are_refused_401(client: TestClient) -> None:
    case = opened(client)
    anonymous = {"Authorization": ""}
    for method, path in (
        ("GET", API),
        ("GET", f"{API}/{case}"),
        ("GET", f"{API}/{case}/dossier"),
        ("POST", API),
        ("POST", f"{API}/{case}/public_notice"),
        ("GET", CADRES),
        ("POST", CADRES),
        ("GET", f"{REPORTS}/alerts"),
        ("GET", f"{REPORTS}/screening"),
    ):
        answer = client.request(method, path, json={}, headers=anonymous)
        assert answer.status_code == 401, (method, path)
        assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_thanh_hoa_sees_no_case_and_records_nothing_here(client: TestClient) -> None:
    case = opened(client)
    outside = client.get(f"{API}/{case}", headers=bearer("lan"))
    unknown = client.get(f"{API}/{'0' * 32}", headers=bearer("lan"))
    assert outside.status_code == unknown.status_code == 404
    assert outside.json()["code"] == unknown.json()["code"] == "not-found"
    assert client.get(API, headers=bearer("lan")).json() == {"count": 0, "selections": []}
    assert client.get(API, headers=bearer("viewer")).json()["count"] == 1
    opened_there = client.post(
        API,
        json={"candidate": "李四", "post": "处长", "committee": ["a"], "team": ["b"]},
        headers=bearer("thanh"),
    )
    assert (opened_there.status_code, opened_there.json()["code"]) == (403, "forbidden")
    assert client.get(API).json()["count"] == 1


def test_the_cadre_registry_is_kept_to_its_unit(client: TestClient) -> None:
    person = client.post(CADRES, json={"name": "张三"}).json()["id"]
    entry = client.post(
        f"{CADRES}/{person}/entries", json={"kind": "work_start", "data": {"date": "2012-07-01"}}
    )
    assert entry.status_code == 201 and entry.json()["actor"] == f"orgstaff@{OFFICE}"
    assert client.get(f"{CADRES}/{person}", headers=bearer("viewer")).status_code == 403
    for path in (f"{CADRES}/{person}", f"{CADRES}/{person}/eligibility?target_rank=deputy_section"):
        assert client.get(path, headers=bearer("thanh")).status_code == 404
    assert client.get(CADRES, headers=bearer("thanh")).json() == {"count": 0, "cadres": []}
    refused = client.post(
        f"{CADRES}/{person}/entries",
        json={"kind": "education", "data": {"level": "bachelor"}},
        headers=bearer("thanh"),
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert client.post(CADRES, json={"name": "x"}, headers=bearer("thanh")).status_code == 403
    named = client.post(
        f"{CADRES}/{person}/entries",
        json={"kind": "education", "data": {"level": "bachelor"}, "actor": "组织部"},
    )
    assert named.status_code == 422  # the actor is the signed-in user, never a name sent
    screening = client.get(f"{REPORTS}/screening?as_of=2026-06-30", headers=bearer("thanh"))
    assert screening.json()["count"] == 0
    assert client.get(f"{REPORTS}/screening?as_of=2026-06-30").json()["count"] == 2  # 张三 twice
    assert client.get(f"{REPORTS}/alerts", headers=bearer("viewer")).status_code == 403


def test_without_a_reading_log_no_dossier_is_given(client: TestClient, app: FastAPI) -> None:
    case = until(client, "decision")
    del app.state.reading_log
    answer = client.get(f"{API}/{case}/dossier", headers=bearer("chen"))
    assert answer.status_code == 503 and "events" not in answer.text
