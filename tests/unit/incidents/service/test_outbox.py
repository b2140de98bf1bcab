"""Delivery of the outbox: leased, sent outside any transaction, each outcome recorded; a
failing recipient holds back only its own notification; workers never share a lease."""

from __future__ import annotations

from govops.incidents.ports import Notification
from govops.incidents.service.outbox import LEASE, RETRY_AFTER, Delivery
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork
from tests.unit.incidents.service.test_incident import START, intake, service


def filed(store: MemoryStore, clock: Clock, reports: int = 1) -> Delivery:
    incidents = service(clock, store)
    for _ in range(reports):
        incidents.report(intake(), actor="甲")
    return Delivery(lambda: MemoryUnitOfWork(store), clock)


def test_each_notification_is_delivered_once() -> None:
    store, clock = MemoryStore(), Clock(START)
    delivery = filed(store, clock)
    sent: list[Notification] = []
    assert delivery.deliver(sent.append) == len(store.notifications) > 0
    assert delivery.deliver(sent.append) == 0
    assert sorted(n.id or 0 for n in sent) == sorted(n.id or 0 for n in store.notifications)
    assert all(n.delivered_at == START for n in store.notifications)


def test_a_failing_recipient_holds_back_only_its_own_notification() -> None:
    store, clock = MemoryStore(), Clock(START)
    delivery = filed(store, clock)
    total = len(store.notifications)
    first = store.notifications[0]
    sent: list[str] = []

    def down_for_the_first(notification: Notification) -> None:
        if notification.id == first.id:
            raise OSError("recipient down")
        sent.append(notification.department)

    assert delivery.deliver(down_for_the_first) == total - 1
    assert delivery.deliver(sent.append) == 0  # not tried again before RETRY_AFTER
    clock.advance(seconds=RETRY_AFTER.total_seconds())
    assert delivery.deliver(lambda n: sent.append(n.department)) == 1
    assert sorted(sent) == sorted(n.department for n in store.notifications)


def test_two_workers_never_hold_the_same_notification() -> None:
    store, clock = MemoryStore(), Clock(START)
    delivery = filed(store, clock, reports=3)
    total = len(store.notifications)
    held: list[list[Notification]] = []

    def nested(notification: Notification) -> None:
        # while this worker holds its round, another takes a round of its own
        if not held:
            inner: list[Notification] = []
            held.append(inner)
            delivery.deliver(inner.append, limit=total)

    outer_count = delivery.deliver(nested, limit=2)
    inner_ids = {n.id for n in held[0]}
    assert outer_count == 2
    assert len(inner_ids) == total - 2  # the other worker got the rest, not the held two
    assert all(n.delivered_at is not None for n in store.notifications)


def test_a_lease_run_out_is_taken_over_and_the_late_outcome_not_recorded() -> None:
    store, clock = MemoryStore(), Clock(START)
    delivery = filed(store, clock)
    total = len(store.notifications)
    late: list[Notification] = []

    def slow(notification: Notification) -> None:
        if not late:  # the worker stalls past its lease; another delivers meanwhile
            clock.advance(seconds=LEASE.total_seconds() + 1)
            assert delivery.deliver(late.append) == total
        late.append(notification)

    assert delivery.deliver(slow) == 0  # its lease was lost: the other's outcome stands
    assert all(n.delivered_at is not None for n in store.notifications)
    assert delivery.deliver(late.append) == 0


def test_draining_delivers_everything_pending_in_as_many_rounds_as_it_takes() -> None:
    store, clock = MemoryStore(), Clock(START)
    delivery = filed(store, clock, reports=30)
    sent: list[Notification] = []
    assert delivery.drain(sent.append) == len(store.notifications) > 100  # rounds of 100
    assert delivery.drain(sent.append) == 0
    assert len(sent) == len(store.notifications)
