"""The delivery worker over a SQLite file: success (signed with the subscription's secret),
retries with exponential back-off, dead after ten attempts, a failing subscriber never
blocks a healthy one, a delivered row is never sent again, a crashed worker's lease runs
out, two workers racing on one file never send the same delivery twice, and a URL whose
name resolves to a private address by the time of the delivery (DNS rebinding) is not
sent, its failure recorded as "policy"."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from govops.platform.storage.database import make_engine, migrate
from govops.warnings.ports import DeliveryStatus
from govops.warnings.service.warning import WarningService
from govops.warnings.service.webhooks import ALERT_HEADER, DELIVERY_HEADER, DeliveryError, Outgoing
from govops.warnings.storage.warning import warning_unit_of_work_factory
from tests.fakes import Clock
from tests.unit.warnings.outbox_support import (
    BY,
    DISTRICT,
    PUBLIC,
    START,
    Dns,
    area_names,
    guard,
    real_alert,
    storm,
)

NOW = START + timedelta(minutes=5)
HEALTHY = "https://healthy.example/hook"
BROKEN = "https://broken.example/hook"


class Receivers:
    """Every send, in order; the URLs in `failing` refuse."""

    def __init__(self, failing: tuple[str, ...] = (), pause: float = 0.0) -> None:
        self.failing, self.pause = failing, pause
        self.sent: list[Outgoing] = []
        self._lock = threading.Lock()

    def __call__(self, item: Outgoing) -> None:
        time.sleep(self.pause)
        with self._lock:
            self.sent.append(item)
        if item.url in self.failing:
            raise DeliveryError("http-503")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def dns() -> Dns:
    return Dns()


@pytest.fixture
def service(engine: Engine, dns: Dns) -> WarningService:
    uow = warning_unit_of_work_factory(engine)
    return WarningService(uow, Clock(NOW), real_alert(), area_names(), guard=guard(dns))


def test_a_delivery_is_sent_once_with_its_idempotency_headers(service: WarningService) -> None:
    subscription = service.subscribe(HEALTHY, unit=DISTRICT, by=BY)
    (event,) = service.record(storm(["orange"]))
    receivers = Receivers()

    report = service.deliver_due(NOW, receivers)

    assert (report.claimed, report.delivered) == (1, 1)
    (sent,) = receivers.sent
    (delivery,) = service.deliveries()
    assert sent.body == service.alert(event.identifier)
    assert sent.headers[DELIVERY_HEADER] == str(delivery.id)
    assert sent.headers[ALERT_HEADER] == event.identifier
    assert sent.headers["Content-Type"] == "application/cap+xml"
    assert sent.headers["webhook-id"] == str(delivery.id)
    assert sent.headers["webhook-timestamp"] == str(int(NOW.timestamp()))
    assert sent.headers["webhook-signature"].startswith("v1,")
    assert sent.secret == subscription.secret and sent.addresses == (PUBLIC,)
    assert (delivery.status, delivery.attempts, delivery.delivered_at) == (
        DeliveryStatus.DELIVERED,
        1,
        NOW,
    )
    assert [p.channel for p in service.publications(event.identifier)] == [
        "feed",
        f"webhook:{subscription.id}",
    ]
    for later in (NOW, NOW + timedelta(hours=1), NOW + timedelta(days=2)):
        assert service.deliver_due(later, receivers).claimed == 0
    assert len(receivers.sent) == 1


def test_retries_back_off_from_30_seconds_doubling_to_an_hour_then_die(
    service: WarningService,
) -> None:
    service.subscribe(BROKEN, unit=DISTRICT, by=BY)
    service.record(storm(["red"]))
    receivers = Receivers(failing=(BROKEN,))
    now, waits = NOW, []
    for attempt in range(1, 11):
        assert service.deliver_due(now - timedelta(seconds=1), receivers).claimed == 0
        report = service.deliver_due(now, receivers)
        (delivery,) = service.deliveries()
        assert delivery.attempts == attempt
        assert delivery.last_error == "http-503"
        if attempt < 10:
            assert (report.failed, delivery.status) == (1, DeliveryStatus.PENDING)
            waits.append(int((delivery.next_attempt_at - now).total_seconds()))
            now = delivery.next_attempt_at
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert (report.dead, delivery.status) == (1, DeliveryStatus.DEAD)
    assert service.deliver_due(now + timedelta(days=1), receivers).claimed == 0
    assert len(receivers.sent) == 10


def test_a_failing_subscriber_does_not_block_a_healthy_one(service: WarningService) -> None:
    broken = service.subscribe(BROKEN, unit=DISTRICT, by=BY)
    service.record(storm(["blue", "yellow", "orange", "red"]))  # 4 alerts for the broken one
    healthy = service.subscribe(
        HEALTHY, unit=DISTRICT, by=BY
    )  # subscribes later: its alert comes after those
    service.record(storm(["red"], area="110102003"))  # a fifth for the broken one
    receivers = Receivers(failing=(BROKEN,))

    first = service.deliver_due(NOW, receivers, limit=4)  # only the broken one's alerts
    assert (first.failed, first.postponed) == (1, 3)  # one tried; the rest wait behind it
    second = service.deliver_due(NOW, receivers, limit=4)  # the healthy one is not stuck
    assert (second.claimed, second.delivered) == (1, 1)

    waiting = service.deliveries(status=DeliveryStatus.PENDING)
    assert {d.subscription_id for d in waiting} == {broken.id}
    # the one tried; the three postponed in the round and the fifth, not claimed then, wait
    # for its retry without an attempt counted
    assert [d.attempts for d in waiting] == [1, 0, 0, 0, 0]
    assert {d.next_attempt_at for d in waiting} == {NOW + timedelta(seconds=30)}
    assert [i.url for i in receivers.sent] == [BROKEN, HEALTHY]
    (done,) = service.deliveries(status=DeliveryStatus.DELIVERED)
    assert done.subscription_id == healthy.id


def test_a_failure_and_a_success_in_one_round(service: WarningService) -> None:
    service.subscribe(BROKEN, unit=DISTRICT, by=BY)
    service.subscribe(HEALTHY, unit=DISTRICT, by=BY)
    service.record(storm(["blue", "red"]))
    report = service.deliver_due(NOW, Receivers(failing=(BROKEN,)))
    assert (report.claimed, report.delivered, report.failed, report.postponed) == (4, 2, 1, 1)


def test_a_crashed_workers_lease_runs_out_and_the_delivery_is_sent_again(
    service: WarningService, engine: Engine
) -> None:
    """At least once: a worker that claimed and stopped before recording holds its
    deliveries until its lease ends; then another sends them (same delivery id)."""
    service.subscribe(HEALTHY, unit=DISTRICT, by=BY)
    service.record(storm(["orange"]))
    lease_until = NOW + timedelta(minutes=10)
    with warning_unit_of_work_factory(engine)() as uow:
        (claimed,) = uow.deliveries.claim(NOW, lease_until, "crashed-worker", 10)
        uow.commit()
    receivers = Receivers()
    assert service.deliver_due(lease_until - timedelta(seconds=1), receivers).claimed == 0
    assert service.deliver_due(lease_until, receivers).delivered == 1
    assert receivers.sent[0].headers[DELIVERY_HEADER] == str(claimed.delivery_id)
    with warning_unit_of_work_factory(engine)() as uow:  # the late worker's news is dropped
        assert not uow.deliveries.delivered(claimed.delivery_id, "crashed-worker", NOW)


def test_two_workers_racing_never_send_a_delivery_twice(service: WarningService) -> None:
    for url in (HEALTHY, BROKEN, "https://third.example/hook"):
        service.subscribe(url, unit=DISTRICT, by=BY)
    service.record(storm(["blue", "yellow", "orange", "red", None]))
    service.record(storm(["blue", "yellow", None], area="110102003"))
    receivers = Receivers(pause=0.005)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=30)
            while service.deliver_due(NOW, receivers, limit=3).claimed:
                pass
        except BaseException as error:  # shown by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    ids = [item.delivery_id for item in receivers.sent]
    assert len(ids) == len(set(ids)) == 24  # 8 alerts x 3 subscribers
    assert {d.status for d in service.deliveries()} == {DeliveryStatus.DELIVERED}


def test_a_round_needs_an_aware_time(service: WarningService) -> None:
    with pytest.raises(ValueError, match="aware"):
        service.deliver_due(datetime(2026, 7, 20, 14, 0), Receivers())


def test_a_name_that_turns_private_after_subscribing_is_not_sent(
    service: WarningService, dns: Dns
) -> None:
    """DNS rebinding: public when subscribing, loopback when delivering. The round vets
    the URL again: nothing is sent, the failure is "policy" (retried later, when the
    name may be public again: then sent, with the same delivery id)."""
    service.subscribe("https://rebind.example/hook", unit=DISTRICT, by=BY)
    service.record(storm(["orange"]))
    dns.answers["rebind.example"] = ["127.0.0.1"]
    receivers = Receivers()

    report = service.deliver_due(NOW, receivers)

    assert (report.claimed, report.failed, receivers.sent) == (1, 1, [])
    (delivery,) = service.deliveries()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (
        DeliveryStatus.PENDING,
        1,
        "policy",
    )
    dns.answers["rebind.example"] = [PUBLIC, "10.0.0.8"]  # one private answer is enough
    assert service.deliver_due(delivery.next_attempt_at, receivers).failed == 1
    assert receivers.sent == []
    dns.answers["rebind.example"] = [PUBLIC]
    later = service.deliveries()[0].next_attempt_at
    assert service.deliver_due(later, receivers).delivered == 1
    assert [item.headers["webhook-id"] for item in receivers.sent] == [str(delivery.id)]


def test_each_attempt_is_signed_with_the_secret_in_force(service: WarningService) -> None:
    subscription = service.subscribe(BROKEN, unit=DISTRICT, by=BY)
    service.record(storm(["red"]))
    receivers = Receivers(failing=(BROKEN,))
    service.deliver_due(NOW, receivers)
    rotated = service.rotate_secret(subscription.id, BY)
    later = service.deliveries()[0].next_attempt_at
    service.deliver_due(later, receivers)
    assert [item.secret for item in receivers.sent] == [subscription.secret, rotated]
    assert rotated != subscription.secret
    first, second = (item.headers for item in receivers.sent)
    assert first["webhook-id"] == second["webhook-id"]
    assert first["webhook-timestamp"] == second["webhook-timestamp"]  # the clock stood still
    assert first["webhook-signature"] != second["webhook-signature"]
