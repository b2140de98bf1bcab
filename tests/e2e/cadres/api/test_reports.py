"""/api/v1/cadre-reports: alerts and screening over an SQLite registry in tmp_path filled
through the registry service, refusals as RFC 9457 problems."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_cadre_registry
from govops.cadres.service.registry import RegistryService
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.storage.database import make_engine, migrate
from govops.server import create_app
from tests.e2e.cadres.people import authenticator
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole, next_page
from tests.fakes import Clock
from tests.identity import bearer

API = "/api/v1/cadre-reports"


@pytest.fixture
def registry(clock: Clock, tmp_path: Path) -> Iterator[RegistryService]:
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    yield build_cadre_registry(engine, clock)
    engine.dispose()


@pytest.fixture
def client(
    service: IncidentService, pack: Pack, clock: Clock, registry: RegistryService
) -> Iterator[TestClient]:
    app = create_app(service, pack, clock=clock, authenticator=authenticator())
    app.state.cadres = registry
    with TestClient(app, headers={"Accept-Language": "en"} | bearer("orgstaff")) as client:
        yield client


@pytest.fixture
def people(registry: RegistryService) -> dict[str, str]:
    """张三: 副处 since 2016-06-20 (ten years on 2026-06-20); 李四: probation to 2026-06-15
    and demoted on 2025-01-01; 王五: nothing but a work start (undecidable)."""
    ids = {}
    for name, entries in (
        (
            "张三",
            [
                ("work_start", {"date": "2005-07-01"}),
                ("education", {"level": "master"}),
                ("position", {"rank": "deputy_division", "unit": "教务处", "start": "2016-06-20"}),
                (
                    "training",
                    {"course": "党校", "completed_on": "2016-09-01", "meets_requirement": True},
                ),
            ],
        ),
        (
            "李四",
            [
                ("work_start", {"date": "2010-07-01"}),
                ("education", {"level": "bachelor"}),
                (
                    "position",
                    {
                        "rank": "section_chief",
                        "unit": "科研处",
                        "start": "2025-12-15",
                        "probation_end": "2026-06-15",
                    },
                ),
                ("demotion", {"on": "2025-01-01"}),
            ],
        ),
        ("王五", [("work_start", {"date": "2010-07-01"})]),
    ):
        ids[name] = registry.add_person(name, "组织部 王芳").person.id
        for kind, data in entries:
            registry.add_entry(ids[name], kind, data, "组织部")
    return ids


def test_alerts_soonest_first_with_articles(client: TestClient, people: dict[str, str]) -> None:
    answer = client.get(f"{API}/alerts", params={"as_of": "2026-06-01"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["as_of"], body["horizon_days"], body["count"]) == ("2026-06-01", 30, 3)
    assert [
        (a["kind"], a["people"][0]["name"], a["article"], a["end"]) for a in body["alerts"]
    ] == [
        ("probation", "李四", "wuyi-cadre-regulation-2020 35", "2026-06-15"),
        ("rotation", "张三", "wuyi-cadre-regulation-2020 42(2)", "2026-06-20"),
        ("bar", "李四", "wuyi-cadre-regulation-2020 46", "2027-01-02"),  # to 2027-01-01
    ]
    assert body["alerts"][0]["people"] == [{"id": people["李四"], "name": "李四"}]
    assert body["notes"] == []
    narrow = client.get(f"{API}/alerts", params={"as_of": "2026-06-01", "horizon_days": 0})
    assert [a["kind"] for a in narrow.json()["alerts"]] == ["bar"]


def test_alerts_default_to_today(client: TestClient, people: dict[str, str]) -> None:
    answer = client.get(f"{API}/alerts")  # the test clock: 2026-06-01
    assert answer.status_code == 200 and answer.json()["as_of"] == "2026-06-01"


def test_screening_for_the_rank_above(client: TestClient, people: dict[str, str]) -> None:
    answer = client.get(f"{API}/screening", params={"as_of": "2026-06-01"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["count"] == 3
    found = {line["name"]: line for line in body["cadres"]}
    assert found["张三"]["target_rank"] == "division_chief"
    assert found["李四"]["verdict"] == "ineligible"
    assert any(r["cite"] == ["wuyi-cadre-regulation-2020 46"] for r in found["李四"]["refusals"])
    assert found["王五"]["verdict"] == "undecided"
    assert found["王五"]["error"]["field"] == "education"


def test_the_words_of_the_reports_are_in_the_language_asked(
    client: TestClient, people: dict[str, str]
) -> None:
    rotation = {
        "en": "in post 教务处: deputy_division #3 (教务处) since Jun 20, 2016: 10 years on "
        "Jun 20, 2026; rotation due",
        "zh-Hans": "自2016年6月20日起任教务处: deputy_division #3（教务处），"
        "至2026年6月20日满10年；应当交流",
        "vi": "giữ chức 教务处: deputy_division #3 (教务处) từ 20 thg 6, 2016: đủ 10 năm vào "
        "20 thg 6, 2026; đến hạn luân chuyển",
    }
    for lang, detail in rotation.items():
        body = client.get(f"{API}/alerts", params={"as_of": "2026-06-01", "lang": lang}).json()
        assert [a["detail"] for a in body["alerts"] if a["kind"] == "rotation"] == [detail]
        assert [a["end"] for a in body["alerts"]] == ["2026-06-15", "2026-06-20", "2027-01-02"]
    screened = client.get(f"{API}/screening?as_of=2026-06-01&lang=zh-Hant").json()
    (undecided,) = [line for line in screened["cadres"] if line["verdict"] == "undecided"]
    assert undecided["error"] == {"field": "education", "message": "該幹部沒有學歷記錄"}


def test_refusals_are_problems(client: TestClient, people: dict[str, str]) -> None:
    assert problem_fields(client.get(f"{API}/alerts", params={"as_of": "1.6.2026"})) == {
        "as_of": "must be a date YYYY-MM-DD, got '1.6.2026'"
    }
    assert "as_of" in problem_fields(client.get(f"{API}/screening", params={"as_of": "x"}))
    assert "horizon_days" in problem_fields(client.get(f"{API}/alerts?horizon_days=-1"))
    early = client.get(f"{API}/alerts", params={"as_of": "2001-01-01"})
    assert "as_of" in problem_fields(early)


def test_without_a_registry_the_server_says_so(service: IncidentService, pack: Pack) -> None:
    app = create_app(service, pack, authenticator=authenticator())
    with TestClient(app, headers=bearer("orgstaff")) as client:
        answer = client.get(f"{API}/alerts")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_alerts_and_the_screening_are_walked_page_by_page(
    client: TestClient, people: dict[str, str]
) -> None:
    alerts = assert_walks_whole(client, f"{API}/alerts?as_of=2026-06-01", "alerts")
    assert [a["kind"] for a in alerts] == ["probation", "rotation", "bar"]  # soonest first
    first = client.get(f"{API}/alerts?as_of=2026-06-01&limit=1")
    assert first.json()["count"] == 1 and first.json()["notes"] == []  # the notes stay whole
    second = client.get(next_page(first) or "")
    assert (second.json()["as_of"], second.json()["horizon_days"]) == ("2026-06-01", 30)
    screening = assert_walks_whole(client, f"{API}/screening?as_of=2026-06-01", "cadres")
    assert [line["name"] for line in screening] == sorted(people)  # by name
