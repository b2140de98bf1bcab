"""The cadre pages through the composition root, on an SQLite file, for real users signed
in: the registry and the selection cases for the organisation department's staff, nothing
for a reader whose units do not reach the department (404) or who holds no such permission
(403), the dossier for the case's team and committee only, each reading on record, and
every page in every language saying nothing in another."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from govops.accounts.model.events import AccessEventKind
from govops.accounts.storage.accounts import accounts_unit_of_work_factory
from govops.bootstrap import build_app, build_incidents
from govops.cadres.model.selection import Departure, Motion
from govops.config import Settings
from govops.platform.i18n.languages import LANGUAGES
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import text
from tests.fakes import Clock
from tests.identity import sign_in

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DEPARTMENT = "demo-organisation-department"
UNIVERSITY = "demo-university"
TEAM_MEMBER, COMMITTEE_MEMBER = "kaocha", "weiyuan"
COMMITTEE = [COMMITTEE_MEMBER, "王书记", "李校长"]
NAMES = ["govops"]


@dataclass
class Demo:
    app: FastAPI
    engine: Engine
    person: str
    case: str


def _fill(app: FastAPI) -> tuple[str, str]:
    """A cadre with a record, and a case past its recommendation, through the services."""
    registry, selections = app.state.cadres, app.state.selections
    person = registry.add_person("张三", "组织部 王芳").person.id
    actor = f"orgstaff@{DEPARTMENT}"
    for kind, data in [
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        ("party", {"joined_on": "2015-06-01"}),
        (
            "position",
            {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True},
        ),
        ("assessment", {"year": 2025, "result": "competent"}),
    ]:
        registry.add_entry(person, kind, data, actor)
    motion = Motion(
        "张三", "教务处副处长", frozenset(COMMITTEE), frozenset({TEAM_MEMBER, "陈干事"})
    )
    case = selections.open(motion, actor).id
    selections.recommend(case, actor, expected=120, attended=100, interviewed=25)
    return person, case


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder: Path = tmp_path_factory.mktemp("cadres")
    settings = Settings(database_url=f"sqlite:///{folder / 'govops.db'}")
    clock = Clock(NOW)
    incidents = build_incidents(settings, clock)
    app = build_app(settings, clock, incidents)
    person, case = _fill(app)
    yield Demo(app, incidents.engine, person, case)
    incidents.engine.dispose()


@pytest.fixture(scope="module")
def users(demo: Demo) -> dict[str, dict[str, str]]:
    """Session headers of the signed-in users, by user name."""
    grants = {
        "orgstaff": ("organisation_staff", DEPARTMENT),
        TEAM_MEMBER: ("selection_team_member", DEPARTMENT),
        COMMITTEE_MEMBER: ("committee_member", UNIVERSITY),
        "other-member": ("selection_team_member", DEPARTMENT),  # on no team of the case
        "viewer": ("viewer", UNIVERSITY),
        "thanhhoa-staff": ("organisation_staff", "38-population-office"),
        "population": ("population_officer", "38-population-office"),
    }
    return {name: sign_in(demo.app, name, grant) for name, grant in grants.items()}


@pytest.fixture
def client(demo: Demo) -> Iterator[TestClient]:
    with TestClient(demo.app) as client:
        yield client


def readings(engine: Engine) -> list[tuple[str, str, str | None, object]]:
    with accounts_unit_of_work_factory(engine)() as uow:
        events = uow.events.recent(1000)
    return [
        (e.actor, e.subject, e.unit, e.data.get("read"))
        for e in events
        if e.kind is AccessEventKind.READING
    ]


def test_the_staff_see_the_registry_and_a_record_with_its_eligibility(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    staff = users["orgstaff"]
    page = client.get("/cadres?lang=en", headers=staff)
    assert page.status_code == 200, page.text
    assert f'href="/cadres/{demo.person}"' in page.text and "张三" in page.text
    assert 'href="/selections">Cadre selection</a>' in page.text  # the shell lists the module
    asked = f"/cadres/{demo.person}?lang=en&target_rank=deputy_division&as_of=2026-06-01"
    record = client.get(asked, headers=staff)
    assert record.status_code == 200, record.text
    # The service's verdict and breaches, as the API gives them, said in words.
    assert text(record.text).count("eligible, with points to justify") == 1
    assert "fewer than two posts at the rank below" in record.text
    assert "<code>wuyi-cadre-regulation-2020 6(2)</code>" in record.text
    assert "教务处" in record.text and "section chief level" in record.text


def test_an_unknown_cadre_or_case_is_not_found(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    staff = users["orgstaff"]
    assert client.get("/cadres/nobody", headers=staff).status_code == 404
    assert client.get("/selections/no-case", headers=staff).status_code == 404
    bad = client.get("/cadres/nobody?target_rank=general", headers=staff)
    assert bad.status_code == 404


def test_readers_outside_the_department_are_not_told_anything(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    outside = users["thanhhoa-staff"]  # holds cadre.read, in Thanh Hóa
    for path in (f"/cadres/{demo.person}", f"/selections/{demo.case}"):
        answer = client.get(path, headers=outside)
        assert answer.status_code == 404, path
        assert "张三" not in answer.text
    for path in ("/cadres", "/selections"):  # the lists, empty
        answer = client.get(path, headers=outside)
        assert answer.status_code == 200, path
        assert "张三" not in answer.text and demo.person not in answer.text
    population = users["population"]  # holds no cadre permission at all
    assert client.get("/cadres", headers=population).status_code == 403
    assert client.get("/selections", headers=population).status_code == 403


def test_anyone_not_signed_in_is_sent_to_log_in(client: TestClient, demo: Demo) -> None:
    for path in ("/cadres", "/selections", f"/selections/{demo.case}/dossier"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=")
    assert client.get("/cadres/static/cadres.css").status_code == 200  # public


def test_a_case_shows_its_steps_and_the_next_without_the_dossier(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    cases = client.get("/selections?lang=en", headers=users["viewer"])
    assert cases.status_code == 200
    assert f'href="/selections/{demo.case}"' in cases.text
    page = client.get(f"/selections/{demo.case}?lang=en", headers=users["viewer"]).text
    assert text(page).count("Next step investigation") == 1
    assert "dossier-link" not in page  # not on the team: no way to the dossier
    assert "120" not in page and "orgstaff@" not in page  # the figures and who: the dossier's
    member = client.get(f"/selections/{demo.case}", headers=users[TEAM_MEMBER]).text
    assert f'href="/selections/{demo.case}/dossier"' in member
    assert 'id="eligibility"' not in page  # the screening: for the team and committee


def test_the_committee_sees_the_candidates_screening_with_its_articles(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    path = f"/selections/{demo.case}?lang=en"
    page = client.get(path, headers=users[COMMITTEE_MEMBER]).text
    assert 'id="eligibility"' in page and "eligible, with points to justify" in page
    assert "<code>wuyi-cadre-regulation-2020 6(2)</code>" in page  # posts at the rank below


def test_the_team_reads_the_dossier_and_each_reading_is_on_record(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    before = len(readings(demo.engine))
    for name, unit in ((TEAM_MEMBER, DEPARTMENT), (COMMITTEE_MEMBER, UNIVERSITY)):
        page = client.get(f"/selections/{demo.case}/dossier?lang=en", headers=users[name])
        assert page.status_code == 200, page.text
        assert '<span class="number">120</span>' in page.text
        assert f"orgstaff@{DEPARTMENT}" in page.text
        assert readings(demo.engine)[0] == (name, demo.case, unit, "dossier")
    assert len(readings(demo.engine)) == before + 2


def test_the_dossier_is_refused_to_anyone_else(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    before = readings(demo.engine)
    path = f"/selections/{demo.case}/dossier"
    viewer = client.get(path, headers=users["viewer"])  # no dossier.read
    assert viewer.status_code == 403 and "120" not in viewer.text
    other = client.get(path, headers=users["other-member"])  # dossier.read, not on the team
    assert other.status_code == 403 and "120" not in other.text
    assert client.get(path, headers=users["thanhhoa-staff"]).status_code == 403
    assert readings(demo.engine) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_the_language_asked_for(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]], language: str
) -> None:
    paths = [
        "/cadres",
        f"/cadres/{demo.person}?target_rank=deputy_division",
        f"/cadres/{demo.person}?target_rank=deputy_division&as_of=1900-01-01",
        "/cadres/nobody",
        "/selections",
        f"/selections/{demo.case}",
        f"/selections/{demo.case}/dossier",
    ]
    found = {}
    for path in paths:
        separator = "&" if "?" in path else "?"
        page = client.get(
            f"{path}{separator}lang={language}",
            headers=users[TEAM_MEMBER] if "dossier" in path else users["orgstaff"],
        ).text
        assert f'<html lang="{language}">' in page, path
        if foreign := foreign_sentences(page, NAMES):
            found[path] = foreign
    assert found == {}


def test_an_exceptional_promotion_shows_its_reasons_and_the_superior_consent(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    selections, actor = demo.app.state.selections, f"orgstaff@{DEPARTMENT}"
    reasons = "学科建设急需 (7 para 3)"
    motion = Motion(
        "张三",
        "教务处处长",
        frozenset(COMMITTEE),
        frozenset({TEAM_MEMBER}),
        cadre=demo.person,
        rank="division_chief",
        exceptional=True,
        exceptional_reasons=reasons,
    )
    case = selections.open(motion, actor).id
    page = client.get(f"/selections/{case}?lang=en", headers=users["viewer"]).text
    assert 'id="exceptional"' in page and reasons in page
    assert "required before the decision; not recorded yet" in text(page)
    selections.consent(case, actor, department="省委组织部", reference="闽委组〔2026〕3号")
    page = client.get(f"/selections/{case}?lang=en", headers=users["viewer"]).text
    assert "闽委组〔2026〕3号" in page and "orgstaff@" not in page
    assert 'id="outcomes"' not in page  # the consent is shown with the promotion, not there


def test_a_departure_is_shown_to_the_team_and_the_committee(
    client: TestClient, demo: Demo, users: dict[str, dict[str, str]]
) -> None:
    selections, actor = demo.app.state.selections, f"orgstaff@{DEPARTMENT}"
    motion = Motion("张三", "教务处副处长", frozenset(COMMITTEE), frozenset({TEAM_MEMBER}))
    case = selections.open(motion, actor).id
    departure = Departure("寒假期间部分教职工离校", "组织部部长 刘强")
    counts = {"expected": 120, "attended": 95, "interviewed": 25}
    selections.recommend(case, actor, **counts, departure=departure)
    page = client.get(f"/selections/{case}?lang=en", headers=users[COMMITTEE_MEMBER]).text
    assert 'id="departures"' in page and "寒假期间部分教职工离校" in page
    assert "approved by 组织部部长 刘强" in text(page) and "<code>13</code>" in page
    assert "attendance" in text(page)
    viewer = client.get(f"/selections/{case}?lang=en", headers=users["viewer"]).text
    assert 'id="departures"' not in viewer
