"""Warning use cases: record events with their CAP alerts, publish and queue them for the
subscribed webhooks, deliver them, and answer queries. The only code that commits.

Recording is the outbox pattern: an event, its alert, its line in the publish log and one
delivery per interested subscription are written in one transaction, so no event is ever
stored without its deliveries (nor a delivery without its event). Sending happens later,
outside any transaction (`deliver_due`; see `webhooks` for the guarantees), each URL
vetted again (`outbound`) and each alert signed with its subscription's secret."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from govops.lawcode.texts.messages import msg
from govops.warnings.model.signing import KEY_BYTES, new_secret
from govops.warnings.model.warning import LEVELS, WarningEvent
from govops.warnings.model.webhooks import WebhookUrlError
from govops.warnings.ports import (
    Delivery,
    DeliveryStatus,
    Publication,
    Subscription,
    WarningUnitOfWork,
)
from govops.warnings.service.alerts import cap_writer
from govops.warnings.service.delivery import Round, RoundReport
from govops.warnings.service.inputs import (
    WarningInputError,
    WarningNotFoundError,
    check_period,
    unknown_area,
)
from govops.warnings.service.outbound import WebhookGuard
from govops.warnings.service.webhooks import Outgoing, RetryPolicy, Sender, send_round

FEED = "feed"  # the publish log's channel for this platform's own alert feed
BATCH = 50  # deliveries claimed by one round
REMOVED = "subscription removed"
DEFAULT_POLICY = RetryPolicy()

__all__ = [
    "CurrentWarning",
    "RoundReport",
    "WarningInputError",
    "WarningNotFoundError",
    "WarningService",
    "cap_writer",  # the composition root's
]


@dataclass(frozen=True, slots=True)
class CurrentWarning:
    """An area's level now: its last event, or no warning ever (event None)."""

    area: str
    name: Mapping[str, str]  # language tag -> name; empty when the area is not known
    event: WarningEvent | None

    @property
    def level(self) -> str | None:
        return None if self.event is None else self.event.level


class WarningService:
    def __init__(
        self,
        unit_of_work: Callable[[], WarningUnitOfWork],
        clock: Callable[[], datetime],
        alert: Callable[[WarningEvent], bytes],
        areas: Mapping[str, Mapping[str, str]] | None = None,
        policy: RetryPolicy = DEFAULT_POLICY,
        timezone: str = "Asia/Shanghai",
        guard: WebhookGuard | None = None,
    ) -> None:
        """`alert` makes an event's CAP XML. `areas` (code -> names by language, in the
        order to list them) are listed by `current()` even before their first warning, and
        are the only ones a subscription may name; None: any area code. `guard` vets the
        subscribers' URLs, at subscription and at every delivery (default: https only, to
        public addresses, nothing allow-listed)."""
        self._uow = unit_of_work
        self._clock = clock
        self._alert = alert
        self._areas = dict(areas or {})
        self.policy = policy
        self._zone = ZoneInfo(timezone)
        self.guard = guard or WebhookGuard()

    def record(self, events: Sequence[WarningEvent]) -> list[WarningEvent]:
        """Store each new event with its alert, publish it on the feed and queue its
        deliveries, all in one transaction; an identifier stored already is skipped (a
        repeated run records nothing twice). Returns the events newly recorded."""
        alerts = [(event, self._alert(event)) for event in events]  # before the lock
        now = self._now()
        recorded: list[WarningEvent] = []
        with self._uow() as uow:
            subscriptions = uow.subscriptions.listing(active_only=True)
            for event, cap in alerts:
                if not uow.warnings.add(event, cap, now):
                    continue
                uow.warnings.publish([Publication(event.identifier, FEED, now)])
                wanted = [s.id for s in subscriptions if s.wants(event)]
                uow.deliveries.enqueue(event.identifier, wanted, now)
                recorded.append(event)
            uow.commit()
        return recorded

    def subscribe(
        self,
        url: str,
        areas: Sequence[str] = (),
        min_level: str = "blue",
        *,
        unit: str | None,
        by: str,
    ) -> Subscription:
        """The new subscription of `unit`, made by `by` (`user@unit`), carrying its signing
        secret: the one time it is given."""
        try:
            url = self.guard.vet(url)[0].url
        except WebhookUrlError as error:
            raise WarningInputError("url", error.message) from None
        if min_level not in LEVELS:
            raise WarningInputError(
                "min_level", msg("must be one of {levels}", levels=", ".join(LEVELS))
            )
        unknown = [a for a in areas if self._areas and a not in self._areas]
        if unknown:
            raise WarningInputError(
                "areas", msg("unknown area codes: {codes}", codes=", ".join(unknown))
            )
        codes = tuple(dict.fromkeys(areas))
        subscription = Subscription(
            uuid.uuid4().hex,
            url,
            codes,
            min_level,
            True,
            self._now(),
            _new_secret(),
            unit=unit,
            created_by=by,
        )
        with self._uow() as uow:
            uow.subscriptions.add(subscription)
            uow.commit()
        return subscription

    def subscriptions(self, active_only: bool = True) -> list[Subscription]:
        with self._uow() as uow:
            return uow.subscriptions.listing(active_only=active_only)

    def subscription(self, subscription_id: str) -> Subscription:
        """An active subscription (without its secret)."""
        with self._uow() as uow:
            found = uow.subscriptions.get(subscription_id)
        if found is None or not found.active:
            raise WarningNotFoundError(subscription_id)
        return found

    def rotate_secret(self, subscription_id: str, by: str) -> str:
        """A new signing secret for the subscription, set by `by` and given this once; the
        old one signs nothing from now on (a delivery in flight may still carry it)."""
        secret = _new_secret()
        with self._uow() as uow:
            found = uow.subscriptions.get(subscription_id)
            if found is None or not found.active:
                raise WarningNotFoundError(subscription_id)
            uow.subscriptions.rotate(subscription_id, secret, self._now(), by)
            uow.commit()
        return secret

    def unsubscribe(self, subscription_id: str, by: str) -> int:
        """Stop the subscription (`by`: who did); its pending deliveries die. Returns how
        many did."""
        with self._uow() as uow:
            found = uow.subscriptions.get(subscription_id)
            if found is None or not found.active:
                raise WarningNotFoundError(subscription_id)
            uow.subscriptions.deactivate(subscription_id, self._now(), by)
            abandoned = uow.deliveries.abandon(subscription_id, REMOVED)
            uow.commit()
        return abandoned

    def current(self) -> list[CurrentWarning]:
        """Each area's present state: the given areas first, in their order, then any
        other area with events, by code."""
        with self._uow() as uow:
            latest = {e.area: self._seen(e) for e in uow.warnings.latest_per_area()}
        areas = [*self._areas, *sorted(a for a in latest if a not in self._areas)]
        return [CurrentWarning(a, self._areas.get(a, {}), latest.get(a)) for a in areas]

    def history(
        self, area: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[WarningEvent]:
        """Events of `area` (every area if None) with start <= at < end, oldest first."""
        check_period(start, end)
        if area is not None and self._areas and area not in self._areas:
            raise WarningInputError("area", unknown_area(area))
        with self._uow() as uow:
            return [self._seen(e) for e in uow.warnings.history(area, start, end)]

    def alert(self, identifier: str) -> bytes:
        """The CAP XML exactly as recorded and delivered."""
        with self._uow() as uow:
            found = uow.warnings.alert(identifier)
        if found is None:
            raise WarningNotFoundError(identifier)
        return found

    def publications(self, identifier: str | None = None) -> list[Publication]:
        with self._uow() as uow:
            return uow.warnings.publications(identifier)

    def areas_of(self, identifiers: Sequence[str]) -> dict[str, str]:
        """The area of each stored alert among `identifiers`."""
        with self._uow() as uow:
            return uow.warnings.areas_of(list(identifiers))

    def area_codes(self) -> list[str]:
        """The areas the service was given (empty: any area code is taken)."""
        return list(self._areas)

    def deliveries(
        self, identifier: str | None = None, status: DeliveryStatus | None = None
    ) -> list[Delivery]:
        with self._uow() as uow:
            return uow.deliveries.listing(identifier, status)

    def deliver_due(self, now: datetime, send: Sender, limit: int = BATCH) -> RoundReport:
        """One round: lease up to `limit` due deliveries, send them outside the database
        (see `webhooks.send_round`), record each outcome as soon as it is known."""
        if now.utcoffset() is None:
            raise ValueError("a round's time must be timezone-aware")
        token = uuid.uuid4().hex
        with self._uow() as uow:
            claims = uow.deliveries.claim(now, now + self.policy.lease(limit), token, limit)
            uow.commit()
        round_ = Round(self._uow, self.policy, now, token, {c.delivery_id: c for c in claims})
        outgoing = [
            Outgoing(c.delivery_id, c.subscription_id, c.url, c.identifier, c.cap, c.secret)
            for c in claims
        ]
        send_round(outgoing, send, round_.settle, self._prepared)
        return RoundReport(claimed=len(claims), **round_.counts)

    def _prepared(self, item: Outgoing) -> Outgoing:
        """The send vetted again now (DNS may have changed since the subscription), its
        addresses pinned and its attempt stamped; WebhookUrlError when refused."""
        addresses = self.guard.vet(item.url)[1]
        return replace(item, addresses=addresses, timestamp=int(self._now().timestamp()))

    def _seen(self, event: WarningEvent) -> WarningEvent:
        """Storage gives UTC; answers are in the service's timezone (Beijing time)."""
        return replace(event, at=event.at.astimezone(self._zone))

    def now(self) -> datetime:
        """The service's clock (a delivery round run on demand starts now)."""
        return self._now()

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")
        return now


def _new_secret() -> str:
    return new_secret(secrets.token_bytes(KEY_BYTES))
