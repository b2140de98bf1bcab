"""The early-warning repositories on SQLite and PostgreSQL: events and alerts round-trip
exactly (aware times, Decimal millimetres, the XML's bytes), an identifier is stored once,
(warning, seq) is taken once, the latest event per area and the history by period, and
claiming deliveries: only due rows of active subscriptions, a lease no other claim takes,
outcomes recorded only by the lease's holder, and racing claimers never sharing a row;
a subscription's signing secret stored apart, read back only by a claim, and rotated."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from govops.warnings.ports import DeliveryStatus, Publication, Subscription, WarningConflictError
from govops.warnings.storage.warning import SqlWarningUnitOfWork, warning_unit_of_work_factory
from tests.unit.warnings.outbox_support import OTHER_STREET, START, STREET, storm

NewUow = Callable[[], SqlWarningUnitOfWork]
NOW = START + timedelta(hours=1)
CAP = "<?xml version='1.0' encoding='utf-8'?>\n<alert>暴雨橙色预警</alert>".encode()


@pytest.fixture
def new_uow(engine: Engine) -> NewUow:
    return warning_unit_of_work_factory(engine)


def _subscribe(new_uow: NewUow, name: str, active: bool = True) -> Subscription:
    url = f"https://{name}.example/"
    subscription = Subscription(name, url, (STREET,), "blue", active, NOW, _secret(name))
    with new_uow() as uow:
        uow.subscriptions.add(subscription)
        uow.commit()
    return subscription


def _secret(name: str) -> str:
    return "whsec_" + name.ljust(32, "=")


def test_a_secret_is_read_back_by_a_claim_only_and_rotated(new_uow: NewUow) -> None:
    _subscribe(new_uow, "on")
    _queue(new_uow, ["blue", "yellow"], ["on"])
    with new_uow() as uow:
        assert uow.subscriptions.get("on") == _subscribed("on")
        assert [s.secret for s in uow.subscriptions.listing()] == [None]
        assert uow.subscriptions.get("on").secret is None  # type: ignore[union-attr]
        first = uow.deliveries.claim(NOW, NOW + timedelta(minutes=1), "w1", 1)
        uow.subscriptions.rotate("on", "whsec_rotated", NOW, "office@110102")
        second = uow.deliveries.claim(NOW, NOW + timedelta(minutes=1), "w2", 1)
        uow.commit()
    assert [c.secret for c in first + second] == [_secret("on"), "whsec_rotated"]
    assert _secret("on") not in repr(first[0])


def test_a_subscription_is_stored_with_its_secret(new_uow: NewUow) -> None:
    with new_uow() as uow, pytest.raises(ValueError, match="secret"):
        uow.subscriptions.add(replace(_subscribed("bare"), secret=None))


def _subscribed(name: str) -> Subscription:
    return Subscription(name, f"https://{name}.example/", (STREET,), "blue", True, NOW)


def test_an_event_and_its_alert_round_trip_exactly(new_uow: NewUow) -> None:
    issue, upgrade = storm(["yellow", "orange"])
    with new_uow() as uow:
        assert uow.warnings.add(issue, CAP, NOW)
        assert uow.warnings.add(upgrade, CAP + b" ", NOW)
        uow.warnings.publish([Publication(issue.identifier, "feed", NOW)])
        uow.commit()
    with new_uow() as uow:
        assert uow.warnings.history(STREET, None, None) == [issue, upgrade]
        stored = uow.warnings.history(STREET, None, None)[1]
        assert uow.warnings.alert(upgrade.identifier) == CAP + b" "
        assert uow.warnings.publications() == [Publication(issue.identifier, "feed", NOW)]
    assert stored.at.tzinfo == UTC and stored.at == upgrade.at  # the same instant, as UTC
    assert stored.step.at.utcoffset() == timedelta(hours=8)  # the trace keeps Beijing time
    assert stored.step == upgrade.step and stored.references == (issue.identifier,)


def test_an_identifier_is_stored_once(new_uow: NewUow) -> None:
    (event,) = storm(["red"])
    with new_uow() as uow:
        assert uow.warnings.add(event, CAP, NOW)
        uow.commit()
    with new_uow() as uow:
        assert not uow.warnings.add(event, b"other", NOW)
        uow.commit()
        assert uow.warnings.alert(event.identifier) == CAP


def test_a_place_in_a_warning_is_taken_once(new_uow: NewUow) -> None:
    (event,) = storm(["red"])
    impostor = replace(event, identifier=event.identifier[:-2] + "02")
    with new_uow() as uow:
        uow.warnings.add(event, CAP, NOW)
        with pytest.raises(WarningConflictError, match="seq 1"):
            uow.warnings.add(impostor, CAP, NOW)
        uow.commit()  # the savepoint kept the unit of work usable
    with new_uow() as uow:
        assert uow.warnings.history(None, None, None) == [event]


def test_the_latest_event_of_each_area_and_the_history_by_period(new_uow: NewUow) -> None:
    street = storm(["blue", "orange", None, "yellow"])
    other = storm(["red"], area=OTHER_STREET, start=START + timedelta(minutes=10))
    with new_uow() as uow:
        for event in [*street, *other]:
            uow.warnings.add(event, CAP, NOW)
        uow.commit()
    with new_uow() as uow:
        assert uow.warnings.latest_per_area() == [street[-1], other[-1]]
        start, end = START + timedelta(minutes=1), START + timedelta(minutes=3)
        assert uow.warnings.history(STREET, start, end) == street[1:3]
        assert uow.warnings.history(None, start, None) == [*street[1:], *other]
        assert uow.warnings.history(OTHER_STREET, None, START + timedelta(minutes=10)) == []


def _queue(new_uow: NewUow, levels: list[str | None], subscriptions: list[str]) -> list[str]:
    events = storm(levels)
    with new_uow() as uow:
        for event in events:
            uow.warnings.add(event, CAP, NOW)
            uow.deliveries.enqueue(event.identifier, subscriptions, NOW)
        uow.commit()
    return [e.identifier for e in events]


def test_a_claim_takes_due_rows_of_active_subscriptions_under_a_lease(new_uow: NewUow) -> None:
    _subscribe(new_uow, "on")
    _subscribe(new_uow, "off", active=False)
    _queue(new_uow, ["blue", "yellow", "orange"], ["on", "off"])
    lease = NOW + timedelta(minutes=5)
    with new_uow() as uow:
        assert uow.deliveries.claim(NOW - timedelta(seconds=1), lease, "early", 10) == []
        first = uow.deliveries.claim(NOW, lease, "w1", 2)
        uow.commit()
    assert [(c.subscription_id, c.url, c.cap, c.attempts) for c in first] == [
        ("on", "https://on.example/", CAP, 0)
    ] * 2
    with new_uow() as uow:
        second = uow.deliveries.claim(NOW, lease, "w2", 10)  # the leased two are not taken
        assert [c.delivery_id for c in second] == [first[-1].delivery_id + 2]  # skips "off"
        assert not uow.deliveries.delivered(first[0].delivery_id, "w2", NOW)  # not its lease
        assert uow.deliveries.delivered(first[0].delivery_id, "w1", NOW)
        retry = NOW + timedelta(seconds=30)
        assert uow.deliveries.failed(first[1].delivery_id, "w1", "HTTP 500", retry)
        assert not uow.deliveries.failed(first[1].delivery_id, "w1", "again", retry)
        uow.commit()
    with new_uow() as uow:
        assert uow.deliveries.claim(lease, lease + timedelta(minutes=5), "w3", 10) != []
        by_status = {d.id: d for d in uow.deliveries.listing(status=DeliveryStatus.PENDING)}
    assert by_status[first[1].delivery_id].attempts == 1
    assert by_status[first[1].delivery_id].next_attempt_at == retry
    assert first[0].delivery_id not in by_status


def test_a_delivery_is_queued_once_per_alert_and_subscription(new_uow: NewUow) -> None:
    _subscribe(new_uow, "on")
    (identifier,) = _queue(new_uow, ["red"], ["on"])
    with new_uow() as uow, pytest.raises(IntegrityError):
        uow.deliveries.enqueue(identifier, ["on"], NOW)


def test_racing_claimers_never_share_a_delivery(new_uow: NewUow) -> None:
    for name in ("a", "b", "c"):
        _subscribe(new_uow, name)
    _queue(new_uow, ["blue", "yellow", "orange", "red", None], ["a", "b", "c"])
    barrier = threading.Barrier(4)
    claimed: dict[str, list[int]] = {}

    def claim(worker: str) -> None:
        barrier.wait(timeout=30)
        mine: list[int] = []
        while True:
            with new_uow() as uow:
                found = uow.deliveries.claim(NOW, NOW + timedelta(minutes=5), worker, 2)
                uow.commit()
            if not found:
                break
            mine += [c.delivery_id for c in found]
        claimed[worker] = mine

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    every = [d for ids in claimed.values() for d in ids]
    assert len(claimed) == 4 and len(every) == len(set(every)) == 15
