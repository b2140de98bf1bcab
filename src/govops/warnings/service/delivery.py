"""One delivery round's outcomes, each recorded as soon as it is known: delivered (and
published on the subscriber's channel), failed (due again after the back-off, its
subscriber's other alerts held back behind it, or dead), or postponed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from govops.warnings.ports import Claim, Publication, WarningUnitOfWork
from govops.warnings.service.webhooks import Outcome, Outgoing, RetryPolicy


@dataclass(frozen=True, slots=True)
class RoundReport:
    """What one delivery round did."""

    claimed: int = 0
    delivered: int = 0
    failed: int = 0  # to be tried again
    dead: int = 0  # given up
    postponed: int = 0  # not tried: an earlier alert to the same subscriber failed
    lost_lease: int = 0  # outcome not recorded: the lease had passed to another worker


class Round:
    """The outcomes of one round, each recorded in a transaction of its own (the sends run
    in several threads, one per subscriber)."""

    def __init__(
        self,
        unit_of_work: Callable[[], WarningUnitOfWork],
        policy: RetryPolicy,
        now: datetime,
        token: str,
        claims: dict[int, Claim],
    ) -> None:
        self._uow, self._policy, self._now, self._token = unit_of_work, policy, now, token
        self._claims = claims
        self._retry_of: dict[str, datetime] = {}  # subscription -> when its failure retries
        self._lock = threading.Lock()
        self.counts = dict.fromkeys(("delivered", "failed", "dead", "postponed", "lost_lease"), 0)

    def settle(self, item: Outgoing, outcome: Outcome) -> None:
        token, now, delivery_id = self._token, self._now, item.delivery_id
        with self._uow() as uow:
            deliveries = uow.deliveries
            if not outcome.tried:  # waits for the failed alert before it
                retry = self._retry_of.get(item.subscription_id, now)
                held, kind = deliveries.postpone(delivery_id, token, retry), "postponed"
            elif outcome.error is None:
                held, kind = deliveries.delivered(delivery_id, token, now), "delivered"
                if held:
                    channel = f"webhook:{item.subscription_id}"
                    uow.warnings.publish([Publication(item.identifier, channel, now)])
            else:
                attempts = self._claims[delivery_id].attempts + 1
                retry_at = self._policy.retry_at(attempts, now)
                held = deliveries.failed(delivery_id, token, outcome.error, retry_at)
                if retry_at is not None and held:  # its other alerts wait behind this one
                    self._retry_of[item.subscription_id] = retry_at
                    deliveries.hold_back(item.subscription_id, retry_at)
                kind = "failed" if retry_at is not None else "dead"
            uow.commit()
        with self._lock:
            self.counts[kind if held else "lost_lease"] += 1
