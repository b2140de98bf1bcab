"""/api/v1/cadres: the registry and eligibility over HTTP, on an SQLite file in tmp_path,
with every refusal an RFC 9457 problem; the client is the organisation department's staff
(`orgstaff`), who signs every entry (who may do what: test_access)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_cadre_registry
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.translator import translator
from govops.platform.storage.database import make_engine, migrate
from govops.server import create_app
from tests.e2e.cadres.people import OFFICE, authenticator
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import bearer

API = "/api/v1/cadres"
SIGNED = f"orgstaff@{OFFICE}"  # how the entries (and an added person) name their actor


@pytest.fixture
def cadres(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    app = create_app(service, pack, clock=clock, authenticator=authenticator())
    app.state.cadres = build_cadre_registry(engine, clock)
    with TestClient(app, headers={"Accept-Language": "en"} | bearer("orgstaff")) as client:
        yield client
    engine.dispose()


def add_entry(client: TestClient, person: str, kind: str, **data: Any) -> dict[str, Any]:
    answer = client.post(f"{API}/{person}/entries", json={"kind": kind, "data": data})
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def example_cadre(client: TestClient) -> str:
    answer = client.post(API, json={"name": "张三"})
    assert answer.status_code == 201, answer.text
    person: str = answer.json()["id"]
    assert answer.headers["Location"].endswith(f"{API}/{person}")
    assert answer.json()["created_by"] == SIGNED  # who added the person
    add_entry(client, person, "work_start", date="2012-07-01")
    add_entry(client, person, "education", level="bachelor")
    add_entry(client, person, "party", joined_on="2015-06-01")
    add_entry(
        client,
        person,
        "position",
        rank="section_chief",
        unit="教务处",
        start="2021-01-01",
        grassroots=True,
    )
    add_entry(client, person, "assessment", year=2025, result="competent")
    return person


def test_a_cadre_is_added_recorded_corrected_and_read(cadres: TestClient) -> None:
    person = example_cadre(cadres)
    listed = cadres.get(API).json()
    assert listed["count"] == 1 and listed["cadres"][0]["name"] == "张三"
    correction = cadres.post(
        f"{API}/{person}/entries/5/corrections",
        json={"data": {"year": 2025, "result": "excellent"}},
    )
    assert correction.status_code == 201, correction.text
    assert correction.json() | {"recorded_at": None} == {
        "seq": 6,
        "kind": "assessment",
        "data": {"year": 2025, "result": "excellent"},
        "actor": SIGNED,
        "recorded_at": None,
        "supersedes": 5,
        "superseded_by": None,
    }
    shown = cadres.get(f"{API}/{person}").json()
    assert shown["version"] == 6 and len(shown["history"]) == 6
    assert shown["history"][4]["superseded_by"] == 6
    assert [e["seq"] for e in shown["facts"]["assessment"]] == [6]
    assert shown["history"][0]["actor"] == SIGNED  # the signed-in user, where they act


def test_eligibility_gives_the_verdict_the_articles_and_the_record(cadres: TestClient) -> None:
    person = example_cadre(cadres)
    answer = cadres.get(
        f"{API}/{person}/eligibility",
        params={"target_rank": "deputy_division", "as_of": "2026-06-30"},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["verdict"] == "eligible_with_warnings" and body["refusals"] == []
    warned = {w["id"]: w["cite"] for w in body["warnings"]}
    assert warned["posts_at_lower_rank"] == ["wuyi-cadre-regulation-2020 6(2)"]
    assert body["record"]["work_start"] == "2012-07-01"
    assert body["sources"]["positions[0]"] == 4
    jump = cadres.get(
        f"{API}/{person}/eligibility",
        params={"target_rank": "division_chief", "as_of": "2026-06-30"},
    ).json()
    assert jump["verdict"] == "ineligible"


def test_refusals_are_problem_documents(cadres: TestClient) -> None:
    person = example_cadre(cadres)
    bad = cadres.post(
        f"{API}/{person}/entries",
        json={"kind": "position", "data": {"rank": "boss"}},
    )
    assert problem_fields(bad)["data.rank"].startswith("unknown code 'boss' (known: deputy_section")
    named = cadres.post(  # who records is the signed-in user, never a name sent
        f"{API}/{person}/entries",
        json={"kind": "education", "data": {"level": "master"}, "actor": "组织部"},
    )
    assert problem_fields(named)["actor"].startswith("is not a field of this request")
    assert "kind" in problem_fields(
        cadres.post(
            f"{API}/{person}/entries",
            json={"kind": "work_start", "data": {"date": "2013-01-01"}},
        )
    )
    assert "name" in problem_fields(cadres.post(API, json={"name": ""}))
    assert "target_rank" in problem_fields(cadres.get(f"{API}/{person}/eligibility"))
    assert "as_of" in problem_fields(
        cadres.get(
            f"{API}/{person}/eligibility",
            params={"target_rank": "deputy_division", "as_of": "30/06/2026"},
        )
    )
    missing = cadres.get(f"{API}/nobody")
    assert (
        missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    )
    assert missing.json()["code"] == "cadre-not-found"
    unknown_entry = cadres.post(f"{API}/{person}/entries/99/corrections", json={"data": {}})
    assert unknown_entry.status_code == 404
    twice = cadres.post(
        f"{API}/{person}/entries/5/corrections",
        json={"data": {"year": 2025, "result": "excellent"}},
    )
    assert twice.status_code == 201
    again = cadres.post(
        f"{API}/{person}/entries/5/corrections",
        json={"data": {"year": 2025, "result": "competent"}},
    )
    assert problem_fields(again) == {"seq": "entry 5 is superseded by entry 6: correct that"}


def test_refusals_are_said_in_the_language_asked(cadres: TestClient) -> None:
    person = example_cadre(cadres)
    body = {"kind": "position", "data": {"rank": "boss", "unit": "教务处", "start": "2020-01-01"}}
    said = {}
    for lang in ("zh-Hans", "zh-Hant", "vi", "en"):
        answer = cadres.post(f"{API}/{person}/entries?lang={lang}", json=body)
        document = answer.json()
        assert (answer.status_code, document["code"]) == (422, "invalid-input")
        said[lang] = (document["detail"], problem_fields(answer)["data.rank"])
    known = "deputy_section, section_chief, deputy_division, division_chief"
    assert said["en"] == ("invalid input: data.rank", f"unknown code 'boss' (known: {known})")
    for lang in ("zh-Hans", "zh-Hant", "vi"):  # the catalog's words, shared with other modules
        t = translator(lang)
        assert said[lang] == (
            t._("invalid input: {fields}", fields="data.rank"),
            t._("unknown code {code} (known: {known})", code="'boss'", known=known),
        )
        assert said[lang] != said["en"]
    assert said["zh-Hans"][1].startswith("未知代码 'boss'")
    assert said["zh-Hant"][1].startswith("未知代碼 'boss'")
    assert said["vi"][1].startswith("mã không xác định 'boss'")
    missing = cadres.get(f"{API}/nobody", headers={"Accept-Language": "zh-CN"}).json()
    assert (missing["code"], missing["detail"]) == ("cadre-not-found", "没有干部 'nobody'")
    # The data is the same in every language.
    shown = [cadres.get(f"{API}/{person}?lang={lang}").json() for lang in ("zh-Hans", "vi")]
    assert shown[0] == shown[1]


def test_without_a_registry_the_routes_answer_503(
    service: IncidentService, pack: Pack, clock: Clock
) -> None:
    app = create_app(service, pack, clock=clock, authenticator=authenticator())
    with TestClient(app, headers=bearer("orgstaff")) as client:
        answer = client.get(API)
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_registry_is_walked_page_by_page_by_name(cadres: TestClient) -> None:
    for name in ("王五", "张三", "李四", "张三"):  # two of the same name: the id tells apart
        assert cadres.post(API, json={"name": name}).status_code == 201
    listed = assert_walks_whole(cadres, API, "cadres")
    assert [p["name"] for p in listed] == sorted(["王五", "张三", "李四", "张三"])
    assert assert_walks_whole(cadres, API, "cadres", limit=3) == listed
