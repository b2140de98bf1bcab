"""Webhook delivery policy and the HTTP sender: back-off times, the idempotency headers,
subscriber URLs, one round's threads and order, and urllib against a real local server
(2xx taken; an error status, a redirect, a timeout or a closed port refused)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from govops.warnings.service.webhooks import (
    DeliveryError,
    DeliveryWorker,
    Outcome,
    Outgoing,
    RetryPolicy,
    WebhookUrlError,
    checked_webhook_url,
    http_sender,
    send_round,
)

NOW = datetime(2026, 7, 20, 6, 0, tzinfo=UTC)


def test_back_off_doubles_from_30_seconds_to_an_hour_and_stops_after_ten() -> None:
    policy = RetryPolicy()
    waits = [policy.retry_at(n, NOW) for n in range(1, 11)]
    assert [(w - NOW).total_seconds() for w in waits[:9] if w] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]
    assert waits[9] is None  # the tenth failure is the last
    assert RetryPolicy(max_attempts=3).retry_at(3, NOW) is None


def test_a_lease_outlasts_every_send_of_a_round_timing_out() -> None:
    policy = RetryPolicy(timeout=5)
    assert policy.lease(20) > timedelta(seconds=5 * 20)


def test_each_request_names_its_delivery_and_its_alert() -> None:
    item = Outgoing(42, "s1", "https://example.org/x", "110102001000001202607201400000" + "1", b"")
    assert item.headers["Govops-Delivery"] == "42"
    assert item.headers["Govops-Alert"] == "1101020010000012026072014000001"
    assert item.headers["Content-Type"] == "application/cap+xml"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "example.org/hook",
        "ftp://example.org/hook",
        "javascript:alert(1)",
        "http:///no-host",
        "https://u:p@example.org/hook",
        "https://example.org/a hook",
        "https://example.org:99999/hook",
        "https://example.org/" + "x" * 2000,
    ],
)
def test_a_webhook_url_is_an_http_url_without_credentials(url: str) -> None:
    with pytest.raises(WebhookUrlError):
        checked_webhook_url(url)


def test_a_good_webhook_url_is_kept() -> None:
    assert checked_webhook_url(" https://example.org:8443/hook?x=1 ") == (
        "https://example.org:8443/hook?x=1"
    )


def _items(subscription: str, count: int, first_id: int) -> list[Outgoing]:
    return [
        Outgoing(first_id + i, subscription, f"https://{subscription}/", f"a{i}", b"")
        for i in range(count)
    ]


def test_a_round_serves_subscribers_in_parallel() -> None:
    """The slow subscriber's send waits until the other's alert is taken: sent one after
    the other, the round would hang."""
    other_done = threading.Event()
    settled: dict[int, Outcome] = {}

    def send(item: Outgoing) -> None:
        if item.subscription_id == "slow":
            assert other_done.wait(timeout=10), "the other subscriber was blocked"
        else:
            other_done.set()

    send_round(
        _items("slow", 1, 1) + _items("fast", 1, 2),
        send,
        lambda item, outcome: settled.__setitem__(item.delivery_id, outcome),
    )
    assert settled == {1: Outcome(), 2: Outcome()}


def test_after_a_failure_the_subscribers_later_alerts_are_not_tried() -> None:
    tried: list[int] = []
    settled: list[tuple[int, Outcome]] = []

    def send(item: Outgoing) -> None:
        tried.append(item.delivery_id)
        if item.delivery_id == 2:
            raise ConnectionResetError("reset by peer")

    send_round(_items("s", 4, 1), send, lambda item, o: settled.append((item.delivery_id, o)))
    assert tried == [1, 2]  # in order; stopped at the failure
    assert settled == [
        (1, Outcome()),
        (2, Outcome("ConnectionResetError: reset by peer")),
        (3, Outcome(tried=False)),
        (4, Outcome(tried=False)),
    ]


class _Handler(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[str, str, dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(("POST", self.path, dict(self.headers), body))
        if self.path == "/slow":
            time.sleep(1.0)
        status = {"/ok": 204, "/fail": 500, "/moved": 302}.get(self.path, 200)
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self.received.append(("GET", self.path, dict(self.headers), b""))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet tests


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.received = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _outgoing(url: str) -> Outgoing:
    return Outgoing(7, "s1", url, "ID1", "<alert>暴雨</alert>".encode())


def test_the_sender_posts_the_cap_xml_with_its_headers(server: str) -> None:
    http_sender(timeout=5, proxies={})(_outgoing(f"{server}/ok"))
    ((method, path, headers, body),) = _Handler.received
    assert (method, path, body) == ("POST", "/ok", "<alert>暴雨</alert>".encode())
    assert headers["Content-Type"] == "application/cap+xml"
    assert (headers["Govops-Delivery"], headers["Govops-Alert"]) == ("7", "ID1")


def test_an_error_status_is_a_failure(server: str) -> None:
    with pytest.raises(DeliveryError, match="HTTP 500"):
        http_sender(timeout=5, proxies={})(_outgoing(f"{server}/fail"))


def test_a_redirect_is_a_failure_and_is_not_followed(server: str) -> None:
    with pytest.raises(DeliveryError, match="HTTP 302"):
        http_sender(timeout=5, proxies={})(_outgoing(f"{server}/moved"))
    assert [(m, p) for m, p, _, _ in _Handler.received] == [("POST", "/moved")]


def test_a_receiver_slower_than_the_timeout_is_a_failure(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(DeliveryError, match="timed out"):
        http_sender(timeout=0.2, proxies={})(_outgoing(f"{server}/slow"))
    assert time.monotonic() - started < 0.9


def test_a_closed_port_is_a_failure() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: refused
        with pytest.raises(DeliveryError, match="cannot reach"):
            http_sender(timeout=2, proxies={})(_outgoing(f"http://127.0.0.1:{port}/hook"))


def test_the_worker_runs_rounds_until_stopped_and_outlives_a_failing_round() -> None:
    rounds: list[int] = []
    three = threading.Event()

    def deliver_round() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("database away")
        if len(rounds) == 3:
            three.set()

    worker = DeliveryWorker(deliver_round, interval=0.01)
    worker.start()
    assert three.wait(timeout=10)
    worker.stop()
    done = len(rounds)
    time.sleep(0.05)
    assert done >= 3 and len(rounds) == done  # no round after stop
