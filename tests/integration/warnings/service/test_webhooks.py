"""Webhook delivery policy: back-off times, the idempotency and signature headers, one
round's threads and order, a send the URL policy refuses never sent, failures recorded as
categories only, and the worker. (The HTTP sender: test_outbound.)"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from govops.lawcode.texts.messages import msg
from govops.warnings.model.signing import new_secret, signature
from govops.warnings.model.webhooks import WebhookUrlError
from govops.warnings.service.webhooks import (
    DeliveryError,
    Outcome,
    Outgoing,
    RetryPolicy,
    failure_category,
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


def test_each_request_names_its_delivery_and_its_alert_and_is_signed() -> None:
    secret = new_secret(bytes(32))
    identifier = "1101020010000012026072014000001"
    item = Outgoing(42, "s1", "https://example.org/x", identifier, b"<a/>", secret, 1784527200)
    headers = item.headers
    assert headers["Govops-Delivery"] == headers["webhook-id"] == "42"
    assert headers["Govops-Alert"] == identifier
    assert headers["Content-Type"] == "application/cap+xml"
    assert headers["webhook-timestamp"] == "1784527200"
    assert headers["webhook-signature"] == signature(secret, "42", 1784527200, b"<a/>")
    assert secret not in repr(item)


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
        (2, Outcome("reset")),  # the category, not the exception's words
        (3, Outcome(tried=False)),
        (4, Outcome(tried=False)),
    ]


def test_a_send_the_url_policy_refuses_when_prepared_is_a_policy_failure_never_sent() -> None:
    tried: list[int] = []
    settled: list[tuple[int, Outcome]] = []
    refusals = {
        1: WebhookUrlError("private", msg("resolves to a private network address")),
        3: WebhookUrlError("unresolvable", msg("cannot be resolved")),
    }

    def prepare(item: Outgoing) -> Outgoing:
        if item.delivery_id in refusals:
            raise refusals[item.delivery_id]
        return item

    items = _items("a", 1, 1) + _items("b", 1, 2) + _items("c", 1, 3)
    send_round(items, lambda item: tried.append(item.delivery_id), _record(settled), prepare)
    assert tried == [2]
    assert sorted(settled) == [(1, Outcome("policy")), (2, Outcome()), (3, Outcome("dns"))]


def _record(settled: list[tuple[int, Outcome]]) -> Callable[[Outgoing, Outcome], None]:
    return lambda item, outcome: settled.append((item.delivery_id, outcome))


@pytest.mark.parametrize(
    ("error", "category"),
    [
        (TimeoutError("timed out"), "timeout"),
        (ConnectionRefusedError(111, "Connection refused"), "refused"),
        (ConnectionResetError(104, "reset"), "reset"),
        (ssl.SSLCertVerificationError("hostname mismatch"), "tls"),
        (OSError(113, "No route to host 10.0.0.9:8080"), "unreachable"),
        (RuntimeError("internal.example:5432"), "error"),
        (DeliveryError("http-503"), "error"),
    ],
)
def test_a_failure_is_named_by_its_category(error: BaseException, category: str) -> None:
    assert failure_category(error) == category
