"""/api/v1/warnings under access control, on the composition root's application: the CAP
alerts are public, everything else needs a signed-in user; a street office reads its
street and the district covering it, never another street (404); subscriptions belong to
the unit their creator acted in and are out of reach (404) elsewhere, their author the
signed-in user; a delivery round needs warning.operate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.accounts.model.events import AccessEventKind
from govops.accounts.storage.accounts import accounts_unit_of_work_factory
from govops.bootstrap import build_app
from govops.config import Settings
from govops.platform.storage.database import make_engine
from govops.warnings.service.outbound import WebhookGuard
from govops.warnings.service.warning import WarningService
from govops.warnings.service.webhooks import Outgoing
from tests.e2e.warnings.warning_demo import DISTRICT, OTHER_STREET, STREET, signed
from tests.fakes import Clock
from tests.identity import bearer
from tests.unit.warnings.outbox_support import START, Dns, storm

API = "/api/v1/warnings"
ANONYMOUS = {"Authorization": ""}  # no token, no session: overrides the client's default
ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    app = signed(build_app(settings, Clock(START + timedelta(minutes=10))))
    with TestClient(app, headers=bearer()) as client:
        service = service_of(client)
        service.guard = WebhookGuard(service.guard.allow, Dns())  # no real DNS asked
        yield client


def service_of(client: TestClient) -> WarningService:
    found: WarningService = client.app.state.warnings  # type: ignore[attr-defined]
    return found


def test_anyone_gets_a_cap_alert_but_nothing_else(client: TestClient) -> None:
    (event,) = service_of(client).record(storm(["orange"]))
    alert = client.get(f"{API}/alerts/{event.identifier}.xml", headers=ANONYMOUS)
    assert alert.status_code == 200 and alert.content == service_of(client).alert(event.identifier)
    for path in ("", "/history", "/publications", "/series", "/report", "/subscriptions"):
        refused = client.get(API + path, headers=ANONYMOUS)
        assert refused.status_code == 401, path
        assert refused.headers["WWW-Authenticate"] == "Bearer"
    assert client.post(f"{API}/deliveries/run", headers=ANONYMOUS).status_code == 401


def test_a_street_office_reads_its_street_and_the_district_only(client: TestClient) -> None:
    service = service_of(client)
    mine = service.record(storm(["orange"]))
    other = service.record(storm(["red"], area=OTHER_STREET))
    street = bearer("street")

    levels = client.get(API, headers=street).json()
    assert [a["area"] for a in levels["areas"]] == [DISTRICT, STREET]
    history = client.get(f"{API}/history", headers=street).json()
    assert [e["identifier"] for e in history["events"]] == [e.identifier for e in mine]
    published = client.get(f"{API}/publications", headers=street).json()
    assert {p["identifier"] for p in published["publications"]} == {mine[0].identifier}
    everything = client.get(f"{API}/publications").json()
    assert {p["identifier"] for p in everything["publications"]} == {
        e.identifier for e in [*mine, *other]
    }
    for path in ("/history", "/series"):
        refused = client.get(API + path, params={"area": OTHER_STREET}, headers=street)
        assert refused.status_code == 404, path
        assert refused.headers["content-type"] == "application/problem+json"
        assert client.get(API + path, params={"area": STREET}, headers=street).status_code == 200
    # Not even a district-wide query: the county's duty officer reads no Xicheng area.
    assert client.get(API, headers=bearer("duty")).json()["areas"] == []


def test_subscriptions_belong_to_their_creators_unit(client: TestClient) -> None:
    district = client.post(
        f"{API}/subscriptions", json={"url": "https://d.example/"}, headers=bearer("head")
    ).json()
    assert (district["unit"], district["created_by"], district["areas"]) == (
        DISTRICT,
        "head@110102",
        [],
    )
    street = bearer("streethead")
    mine = client.post(f"{API}/subscriptions", json={"url": "https://s.example/"}, headers=street)
    assert mine.status_code == 201
    # "Every area", for one who reads only some: the areas they read.
    assert mine.json()["areas"] == [DISTRICT, STREET]
    assert mine.json()["created_by"] == "streethead@110102001"

    listed = client.get(f"{API}/subscriptions", headers=street).json()["subscriptions"]
    assert [s["id"] for s in listed] == [mine.json()["id"]]
    theirs = f"{API}/subscriptions/{district['id']}"
    unknown = client.get(f"{API}/subscriptions/nope", headers=street | ENGLISH).json()
    for answer in (
        client.get(theirs, headers=street | ENGLISH),
        client.post(f"{theirs}/secret", headers=street | ENGLISH),
        client.delete(theirs, headers=street | ENGLISH),
    ):  # answered as an unknown subscription is: nothing confirmed
        assert answer.status_code == 404
        assert answer.json()["detail"] == f"no {district['id']!r} here"
        assert unknown["detail"] == "no 'nope' here"
    assert client.get(theirs, headers=bearer("head")).status_code == 200  # still there
    # The district office reaches its street's subscription (a unit below its own).
    assert (
        client.delete(
            f"{API}/subscriptions/{mine.json()['id']}", headers=bearer("head")
        ).status_code
        == 204
    )


def test_a_subscription_names_only_areas_its_creator_reads(client: TestClient) -> None:
    body = {"url": "https://s.example/", "areas": [STREET, OTHER_STREET]}
    refused = client.post(f"{API}/subscriptions", json=body, headers=bearer("streethead"))
    assert refused.status_code == 422
    assert OTHER_STREET in refused.json()["errors"][0]["message"]
    assert client.get(f"{API}/subscriptions").json()["count"] == 0


def test_the_street_staff_may_not_subscribe(client: TestClient) -> None:
    answer = client.post(
        f"{API}/subscriptions", json={"url": "https://s.example/"}, headers=bearer("street")
    )
    assert answer.status_code == 403


def test_a_delivery_round_needs_warning_operate(client: TestClient, tmp_path: Path) -> None:
    client.post(f"{API}/subscriptions", json={"url": "https://d.example/"}, headers=bearer("head"))
    service_of(client).record(storm(["orange"]))
    for user in ("duty", "head"):
        assert client.post(f"{API}/deliveries/run", headers=bearer(user)).status_code == 403
        assert client.get(f"{API}/deliveries", headers=bearer(user)).status_code == 403
    listed = client.get(f"{API}/deliveries", headers=bearer("operator")).json()
    assert listed["count"] == 1
    sent: list[Outgoing] = []
    client.app.state.warning_sender = sent.append  # type: ignore[attr-defined]
    run = client.post(f"{API}/deliveries/run", headers=bearer("operator"))
    assert run.status_code == 200 and run.json()["delivered"] == 1
    assert [item.url for item in sent] == ["https://d.example/"]
    # the round is on the access record: who ran it, in which unit, what came of it
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    with accounts_unit_of_work_factory(engine)() as uow:
        events = uow.events.recent(100)
    engine.dispose()
    [ran] = [e for e in events if e.kind is AccessEventKind.OPERATION]
    assert (ran.actor, ran.unit, ran.subject) == ("operator", DISTRICT, "warning-delivery-round")
    assert (ran.data["claimed"], ran.data["delivered"]) == ("1", "1")


def test_a_round_needs_the_operators_of_every_subscriptions_unit(client: TestClient) -> None:
    """A round sends every due alert: an operator of one street may not start it while
    another unit's subscriptions are due too."""
    client.post(f"{API}/subscriptions", json={"url": "https://d.example/"}, headers=bearer("head"))
    street_operator = bearer("streetoperator")
    assert client.get(f"{API}/deliveries", headers=street_operator).json()["count"] == 0
    assert client.post(f"{API}/deliveries/run", headers=street_operator).status_code == 403
