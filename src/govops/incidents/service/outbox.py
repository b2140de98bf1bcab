"""Delivery of the incidents' outbox (the notifications written with the events that cause
them). For now each notification is written to the log (logger `govops.notifications`); a
webhook sender would plug in as `send`.

A round leases notifications in one short transaction, sends them outside any transaction
(a slow recipient never holds the storage's write lock, so intake never waits on it), and
records the outcomes in another short one. Several workers may run at once: a lease is one
worker's (its token), so none sends what another holds. A notification is delivered at
least once: twice only if a worker overruns its lease (LEASE) and another takes it over. A
recipient that fails holds back only its own notification, tried again after RETRY_AFTER.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from govops.incidents.ports import Notification, UnitOfWork
from govops.platform.patience import patiently

LOG = logging.getLogger("govops.notifications")
INTERVAL_SECONDS = 2.0
LEASE = timedelta(minutes=2)  # far longer than a round of sends takes
RETRY_AFTER = timedelta(seconds=30)
Send = Callable[[Notification], None]


def log_notification(notification: Notification) -> None:
    payload = notification.payload
    LOG.info(
        "notify %s (%s): incident %s, %s",
        notification.department,
        payload.get("name", ""),
        notification.incident_id,
        payload.get("event", ""),
    )


class Delivery:
    """Rounds of delivery over the outbox of a unit of work's storage."""

    def __init__(
        self,
        unit_of_work: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        lease: timedelta = LEASE,
        retry_after: timedelta = RETRY_AFTER,
    ) -> None:
        self._uow, self._clock = unit_of_work, clock
        self._lease, self._retry_after = lease, retry_after

    def deliver(self, send: Send, limit: int = 100) -> int:
        """One round: lease up to `limit` pending notifications, oldest first, hand each to
        `send`, record each outcome. Returns how many were delivered."""
        token = uuid.uuid4().hex
        claimed = patiently(lambda: self._claim(token, limit))
        if not claimed:
            return 0
        sent: list[Notification] = []
        failed: list[Notification] = []
        for notification in claimed:
            try:
                send(notification)
            except Exception:  # any recipient's failure: its notification waits, not the rest
                LOG.warning(
                    "notification %s (incident %s) not delivered; tried again later",
                    notification.id,
                    notification.incident_id,
                    exc_info=True,
                )
                failed.append(notification)
            else:
                sent.append(notification)
        return patiently(lambda: self._record(token, sent, failed))

    def drain(self, send: Send) -> int:
        """Rounds until one delivers nothing: what is pending now, however much. Returns
        how many were delivered."""
        delivered = total = self.deliver(send)
        while delivered:
            delivered = self.deliver(send)
            total += delivered
        return total

    def _claim(self, token: str, limit: int) -> list[Notification]:
        with self._uow() as uow:
            now = self._clock()
            claimed = uow.outbox.claim(now, now + self._lease, token, limit)
            uow.commit()
        return claimed

    def _record(self, token: str, sent: list[Notification], failed: list[Notification]) -> int:
        with self._uow() as uow:
            now = self._clock()
            delivered = sum(uow.outbox.delivered(_id(n), token, now) for n in sent)
            for notification in failed:
                uow.outbox.failed(_id(notification), token, now + self._retry_after)
            uow.commit()
        return delivered


def _id(notification: Notification) -> int:
    assert notification.id is not None  # a stored notification has its id
    return notification.id
