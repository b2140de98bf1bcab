"""The outbox delivered over the SQL storage (SQLite, and PostgreSQL in CI): several
workers at once deliver each notification exactly once, and nothing is sent while a write
transaction is open."""

from __future__ import annotations

import threading
import time
from collections import Counter

from sqlalchemy import Engine

from govops.incidents.ports import Notification
from govops.incidents.service.outbox import Delivery
from govops.incidents.storage.incident import unit_of_work_factory
from tests.integration.incidents.storage.test_incident import AT, notice

WORKERS = 4


def filled(engine: Engine, count: int) -> Delivery:
    new_uow = unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.outbox.add([notice(f"i{n}", department=f"d{n % 7}") for n in range(count)])
        uow.commit()
    return Delivery(new_uow, lambda: AT)


def test_several_workers_deliver_each_notification_exactly_once(engine: Engine) -> None:
    delivery = filled(engine, 120)
    sent: Counter[int] = Counter()
    lock = threading.Lock()

    def send(notification: Notification) -> None:
        with lock:
            sent[notification.id or 0] += 1
        time.sleep(0.001)  # a recipient takes a moment: the workers overlap

    def work() -> None:
        while delivery.deliver(send, limit=7):
            pass

    workers = [threading.Thread(target=work) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(sent) == 120
    assert set(sent.values()) == {1}
    with unit_of_work_factory(engine)() as uow:
        assert uow.outbox.pending() == []


def test_a_recipient_is_called_with_no_write_transaction_open(engine: Engine) -> None:
    delivery = filled(engine, 3)
    new_uow = unit_of_work_factory(engine)
    waited: list[float] = []

    def send(notification: Notification) -> None:
        # another writer (an intake) while the worker sends: it must not wait for the worker
        started = time.monotonic()
        with new_uow() as uow:
            uow.outbox.add([notice(f"after-{notification.id}", seq=9)])
            uow.commit()
        waited.append(time.monotonic() - started)

    assert delivery.deliver(send) == 3
    assert len(waited) == 3 and max(waited) < 1.0
