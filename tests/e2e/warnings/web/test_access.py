"""The warning pages under access control, over the demo storm: a street office sees its
street and the district covering it, and another street's page answers as an unknown
area's does (404); one without warning.read is refused (403); one not signed in is sent to
the log-in page; the stylesheets are public."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.pages import text
from tests.e2e.warnings.warning_demo import DISTRICT, OTHER_STREET, STREET, demo_app
from tests.identity import TokenAuthenticator, actor, bearer

ENGLISH = {"Accept-Language": "en"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app, _, _ = demo_app(tmp_path_factory.mktemp("demo"))
    known = dict(app.state.authenticator.actors)
    known["population"] = actor("population", ("population_officer", "38"))
    app.state.authenticator = TokenAuthenticator(known)
    return app


@pytest.fixture
def client(demo: FastAPI) -> Iterator[TestClient]:
    with TestClient(demo, follow_redirects=False) as client:
        yield client


def test_a_street_office_sees_its_street_and_the_district(client: TestClient) -> None:
    page = client.get("/warnings", headers=bearer("street")).text
    assert f'id="area-{DISTRICT}"' in page and f'id="area-{STREET}"' in page
    assert f'id="area-{OTHER_STREET}"' not in page
    everything = client.get("/warnings", headers=bearer()).text
    assert f'id="area-{OTHER_STREET}"' in everything


def test_another_streets_page_is_answered_as_an_unknown_area(client: TestClient) -> None:
    street = bearer("street") | ENGLISH
    assert client.get(f"/warnings/areas/{STREET}", headers=street).status_code == 200
    assert client.get(f"/warnings/areas/{DISTRICT}", headers=street).status_code == 200
    other = client.get(f"/warnings/areas/{OTHER_STREET}", headers=street)
    unknown = client.get("/warnings/areas/110102999", headers=street)
    assert other.status_code == unknown.status_code == 404
    said = f"There is no area with the code “{OTHER_STREET}”."
    assert said in text(other.text)
    assert text(other.text).replace(OTHER_STREET, "110102999") == text(unknown.text)


def test_the_daily_report_holds_the_readers_areas_only(client: TestClient) -> None:
    report = client.get("/warnings/report?lang=en", headers=bearer("street"))
    assert report.status_code == 200
    document = docx.Document(io.BytesIO(report.content))
    every = docx.Document(io.BytesIO(client.get("/warnings/report", headers=bearer()).content))
    assert len(every.tables[0].rows) > len(document.tables[0].rows)


def test_without_warning_read_refused_and_signed_out_sent_to_log_in(client: TestClient) -> None:
    assert client.get("/warnings", headers=bearer("population")).status_code == 403
    signed_out = client.get(f"/warnings/areas/{STREET}")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == f"/login?next=/warnings/areas/{STREET}"
    assert client.get("/warnings/static/warnings.css").status_code == 200
