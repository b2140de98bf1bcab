"""Webhooks through /api/v1/warnings on the composition root's application over a SQLite
file: a storm's alerts delivered by the real HTTP sender to a real local receiver that the
administrator allow-listed (GOVOPS_WEBHOOK_ALLOW, GOVOPS_WEBHOOK_ALLOW_HTTP), each a valid
CAP 1.2 alert, once, signed as Standard Webhooks says (the receiver verifies it, with the
secret the subscription was given once), while a failing receiver beside it gets retries
and blocks nothing; without the allow list the same URL is refused with its reason, in
the language asked for; the secret is never shown again (but can be rotated); a failed
delivery shows its category, never the host or port it failed on."""

from __future__ import annotations

import base64
import hashlib
import hmac
import socket
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from govops.bootstrap import build_app
from govops.config import Settings
from govops.warnings.service.outbound import WebhookGuard
from govops.warnings.service.warning import WarningService
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.e2e.warnings.api.test_warning import CAP, cap_schema
from tests.e2e.warnings.warning_demo import signed
from tests.fakes import Clock
from tests.identity import bearer
from tests.unit.warnings.outbox_support import START, STREET, Dns, storm

API = "/api/v1/warnings"
TOLERANCE = 5 * 60


def verify(secret: str, headers: dict[str, str], body: bytes, now: float) -> bool:
    """A receiver's check, written from https://www.standardwebhooks.com/: HMAC-SHA256,
    keyed with the base64 after `whsec_`, of `{webhook-id}.{webhook-timestamp}.{body}`;
    any `v1,<base64>` of the space-separated signatures may match; an old timestamp is a
    replay."""
    message_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(now - int(timestamp)) > TOLERANCE:
        return False
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        version == "v1" and hmac.compare_digest(value, expected)
        for version, _, value in (s.partition(",") for s in headers["webhook-signature"].split())
    )


class Webhook(BaseHTTPRequestHandler):
    """Takes alerts at /ok when their signature verifies, answers 503 at /down."""

    received: ClassVar[list[tuple[str, dict[str, str], bytes, bool]]] = []
    secrets: ClassVar[dict[str, str]] = {}  # path -> the secret its subscription was given
    now: ClassVar[float] = 0.0  # the platform's clock, as the receiver's

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        headers = {k.lower(): v for k, v in self.headers.items()}
        valid = verify(self.secrets.get(self.path, "whsec_"), headers, body, self.now)
        self.received.append((self.path, headers, body, valid))
        self.send_response(200 if self.path == "/ok" and valid else 503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[str]:
    Webhook.received, Webhook.secrets = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def clock() -> Clock:
    clock = Clock(START + timedelta(minutes=10))
    Webhook.now = clock().timestamp()
    return clock


def _client(tmp_path: Path, clock: Clock, **variables: str) -> Iterator[TestClient]:
    env = {"GOVOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'govops.db'}"} | variables
    app = signed(build_app(Settings.from_env(env), clock))
    with TestClient(app, headers=bearer()) as client:
        service = service_of(client)  # names resolve with the test's DNS, never the real one
        dns = Dns({"intranet.example": ["10.1.1.1"], "nowhere.invalid": []})
        service.guard = WebhookGuard(service.guard.allow, dns)
        yield client


@pytest.fixture
def allowed(tmp_path: Path, clock: Clock) -> Iterator[TestClient]:
    """The administrator vetted this machine's receivers, plain http included."""
    variables = {"GOVOPS_WEBHOOK_ALLOW_HTTP": "true", "GOVOPS_WEBHOOK_ALLOW": "127.0.0.1"}
    yield from _client(tmp_path, clock, **variables)


@pytest.fixture
def client(tmp_path: Path, clock: Clock) -> Iterator[TestClient]:
    """Nothing vetted: https to public hosts only."""
    yield from _client(tmp_path, clock)


def service_of(client: TestClient) -> WarningService:
    found: WarningService = client.app.state.warnings  # type: ignore[attr-defined]
    return found


def test_a_storm_is_delivered_signed_to_an_allow_listed_webhook_as_valid_cap_alerts_once(
    allowed: TestClient, webhook: str, clock: Clock
) -> None:
    client = allowed
    ok = client.post(f"{API}/subscriptions", json={"url": f"{webhook}/ok"})
    down = client.post(f"{API}/subscriptions", json={"url": f"{webhook}/down"})
    assert ok.status_code == down.status_code == 201, ok.text
    Webhook.secrets = {"/ok": ok.json()["secret"], "/down": down.json()["secret"]}
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
    taken = [(h, body, valid) for path, h, body, valid in Webhook.received if path == "/ok"]
    assert [h["govops-alert"] for h, _, _ in taken] == [e.identifier for e in events]
    assert all(valid for _, _, valid in taken), "every delivery's signature verifies"
    assert len({h["govops-delivery"] for h, _, _ in taken}) == 3
    for headers, body, _ in taken:
        assert headers["content-type"] == "application/cap+xml"
        assert headers["webhook-id"] == headers["govops-delivery"]
        alert = etree.fromstring(body)
        cap_schema().assertValid(alert)
        assert alert.findtext(f"{CAP}identifier") == headers["govops-alert"]
    assert [etree.fromstring(b).findtext(f"{CAP}msgType") for _, b, _ in taken] == [
        "Alert",
        "Update",
        "Cancel",
    ]

    clock.advance(minutes=5)  # the retry is due; the delivered are not sent again
    assert client.post(f"{API}/deliveries/run").json()["claimed"] == 3
    assert len([r for r in Webhook.received if r[0] == "/ok"]) == 3
    deliveries = client.get(f"{API}/deliveries", params={"status": "pending"}).json()
    # the first to the failing webhook was tried twice; the two after it wait untried
    assert [d["attempts"] for d in deliveries["deliveries"]] == [2, 0, 0]
    assert {d["last_error"] for d in deliveries["deliveries"]} == {"http-503", None}
    log = client.get(f"{API}/publications", params={"identifier": events[0].identifier}).json()
    assert [p["channel"] for p in log["publications"]] == ["feed", f"webhook:{ok.json()['id']}"]


def test_a_failed_delivery_shows_its_category_not_the_address_it_failed_on(
    allowed: TestClient,
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: refused
        url = f"http://127.0.0.1:{port}/hook"
        assert allowed.post(f"{API}/subscriptions", json={"url": url}).status_code == 201
        service_of(allowed).record(storm(["red"]))
        assert allowed.post(f"{API}/deliveries/run").json()["failed"] == 1
    answer = allowed.get(f"{API}/deliveries")
    (delivery,) = answer.json()["deliveries"]
    assert delivery["last_error"] == "refused"
    assert str(port) not in answer.text.replace(url, "")  # only in the URL it was given


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://127.0.0.1:8080/hook", "must use https:// (this platform does not deliver"),
        ("https://127.0.0.1/hook", "loopback"),
        ("https://2130706433/hook", "loopback"),
        ("https://[::ffff:127.0.0.1]/hook", "loopback"),
        ("https://169.254.169.254/latest/meta-data", "cloud metadata"),
        ("https://intranet.example/hook", "private network"),
        ("https://100.64.1.1/hook", "shared address"),
        ("https://nowhere.invalid/hook", "cannot be resolved"),
        ("https://hooks.example.org:8443/hook", "default port of https (443)"),
    ],
)
def test_a_url_the_policy_refuses_is_a_problem_naming_why(
    client: TestClient, url: str, said: str
) -> None:
    answer = client.post(f"{API}/subscriptions", json={"url": url}, params={"lang": "en"})
    message = problem_fields(answer)["url"]
    assert said in message
    assert "10.1.1.1" not in message and "Errno" not in message
    assert client.get(f"{API}/subscriptions").json()["count"] == 0


def test_a_refused_subscription_says_why_in_the_language_asked_for(client: TestClient) -> None:
    said = {
        "zh-Hans": "解析为回环地址（本机），不允许",
        "zh-Hant": "解析為迴環地址（本機），不允許",
        "vi": "phân giải ra địa chỉ loopback (chính máy này), không được phép",
        "en": "resolves to a loopback address (this machine), which is not allowed",
    }
    for language, message in said.items():
        answer = client.post(
            f"{API}/subscriptions", json={"url": "https://127.1/x"}, params={"lang": language}
        )
        assert problem_fields(answer) == {"url": message}, language
    ftp = client.post(f"{API}/subscriptions", json={"url": "ftp://example.org/x"})
    assert problem_fields(ftp) == {
        "url": "须以 http:// 或 https:// 开头并写明主机，实为 'ftp://example.org/x'"
    }
    unknown = client.post(
        f"{API}/subscriptions",
        json={"url": "https://example.org/x", "areas": ["999"]},
        headers={"Accept-Language": "vi-VN"},
    )
    assert problem_fields(unknown) == {"areas": "mã khu vực không xác định: 999"}


def test_the_secret_is_shown_once_and_can_be_rotated(client: TestClient) -> None:
    body: dict[str, Any] = {"url": "https://example.org/hook", "areas": [STREET]}
    created = client.post(f"{API}/subscriptions", json=body | {"min_level": "orange"})
    assert created.status_code == 201, created.text
    subscription = created.json()
    secret = subscription.pop("secret")
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) >= 24
    assert (subscription["areas"], subscription["min_level"]) == ([STREET], "orange")

    listed = client.get(f"{API}/subscriptions")
    one = client.get(f"{API}/subscriptions/{subscription['id']}")
    created_at = datetime.fromisoformat(subscription.pop("created_at"))
    for shown in (*listed.json()["subscriptions"], one.json()):
        assert datetime.fromisoformat(shown.pop("created_at")) == created_at
        assert shown == subscription  # no secret
    assert secret not in listed.text + one.text

    rotated = client.post(f"{API}/subscriptions/{subscription['id']}/secret")
    assert rotated.status_code == 200
    assert rotated.json()["id"] == subscription["id"]
    assert rotated.json()["secret"].startswith("whsec_") and rotated.json()["secret"] != secret
    assert rotated.json()["secret"] not in client.get(f"{API}/subscriptions").text


def test_subscriptions_are_created_listed_and_removed(client: TestClient) -> None:
    created = client.post(f"{API}/subscriptions", json={"url": "https://example.org/hook"})
    subscription = created.json()
    assert client.delete(f"{API}/subscriptions/{subscription['id']}").status_code == 204
    assert client.get(f"{API}/subscriptions").json()["count"] == 0
    again = client.delete(f"{API}/subscriptions/{subscription['id']}", params={"lang": "en"})
    assert again.status_code == 404 and again.json()["code"] == "not-found"
    assert again.json()["detail"] == f"no {subscription['id']!r} here"
    for gone in (
        client.get(f"{API}/subscriptions/{subscription['id']}"),
        client.post(f"{API}/subscriptions/{subscription['id']}/secret"),
    ):
        assert gone.status_code == 404


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


def test_the_subscriptions_and_deliveries_are_walked_page_by_page(
    client: TestClient, clock: Clock
) -> None:
    made = []
    for n in range(3):
        created = client.post(f"{API}/subscriptions", json={"url": f"https://example.org/{n}"})
        assert created.status_code == 201, created.text
        made.append(created.json()["id"])
        clock.advance(seconds=1)
    subscriptions = assert_walks_whole(client, f"{API}/subscriptions", "subscriptions")
    assert [s["id"] for s in subscriptions] == made  # the oldest first
    assert all("secret" not in s for s in subscriptions)
    service_of(client).record(storm(["yellow", "red", None]))
    deliveries = assert_walks_whole(client, f"{API}/deliveries", "deliveries", limit=4)
    assert len(deliveries) == 9
    assert [d["id"] for d in deliveries] == sorted(d["id"] for d in deliveries)
    pending = f"{API}/deliveries?status=pending"
    assert assert_walks_whole(client, pending, "deliveries", limit=2) == deliveries
