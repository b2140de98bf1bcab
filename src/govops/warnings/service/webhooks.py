"""Webhook delivery: the retry policy, one round of sends, what a failure is recorded as,
and the delivery worker (the HTTP sender and the address check: `service.outbound`).

Delivery is at least once, with an idempotency key. Each request carries
`Govops-Delivery: <delivery id>` and `webhook-id: <delivery id>` (the same on every retry
of that delivery), `Govops-Alert: <CAP identifier>`, and the Standard Webhooks signature
(`webhook-timestamp`, `webhook-signature`: model.signing); a receiver checks the signature
and drops a request whose delivery id (or alert identifier) it has already accepted. A
delivered row is never sent again, but a success lost in transit (the receiver took the
alert, its 2xx never arrived, or this process stopped before recording it) is retried:
only the receiver can tell that retry apart.

Within a round each subscriber is served in its own thread, its alerts in order; after a
failure its remaining alerts wait for the failed one's retry time (no attempt counted), so
an unreachable subscriber costs one timeout per round and never delays the others. Each
send is first prepared (its URL vetted again, the addresses pinned, the attempt stamped);
one the URL policy refuses is a failure ("policy"), never sent.

A failure is recorded, and shown to subscribers and operators, as a short category only
(timeout, refused, reset, unreachable, tls, dns, policy, protocol, http-<status>, error):
never the exception's text, which may name internal hosts and ports; that goes to the log.
"""

from __future__ import annotations

import http.client
import logging
import ssl
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import govops
from govops.warnings.model.signing import signed_headers
from govops.warnings.model.webhooks import WebhookUrlError

log = logging.getLogger("govops.webhooks")
CAP_MEDIA_TYPE = "application/cap+xml"
DELIVERY_HEADER = "Govops-Delivery"
ALERT_HEADER = "Govops-Alert"
POLICY = "policy"  # the failure of a send the URL policy refused
SEND_THREADS = 8
TIMEOUT = 10.0  # seconds, for each network operation of one request


class DeliveryError(Exception):
    """The receiver did not take the alert; `category` says how (timeout, http-503, ...)
    without internal detail, and is what the delivery row records."""

    def __init__(self, category: str) -> None:
        super().__init__(category)
        self.category = category


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential back-off: 30 s after the first failure, doubling, at most 1 h apart;
    after the 10th failed attempt the delivery is dead (about 4.5 h after the first)."""

    first_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(hours=1)
    max_attempts: int = 10
    timeout: float = TIMEOUT

    def retry_at(self, attempts: int, now: datetime) -> datetime | None:
        """When to try again after `attempts` failed attempts; None: give up (dead)."""
        if attempts >= self.max_attempts:
            return None
        doublings = min(max(attempts - 1, 0), 40)  # past 40 the cap has long applied
        return now + min(self.first_delay * (1 << doublings), self.max_delay)

    def lease(self, batch: int) -> timedelta:
        """Long enough for one subscriber's share of a round to time out on every send,
        so a lease never lapses while its holder is still sending."""
        return timedelta(seconds=self.timeout * (batch + 1) + 60)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One send: its delivery, where to, what, signed with the subscription's secret; once
    prepared, the attempt's time (unix seconds) and the vetted addresses to connect to."""

    delivery_id: int
    subscription_id: str
    url: str
    identifier: str
    body: bytes
    secret: str = field(default="", repr=False)
    timestamp: int = 0
    addresses: tuple[str, ...] = ()

    @property
    def headers(self) -> dict[str, str]:
        headers = {
            "Content-Type": CAP_MEDIA_TYPE,
            DELIVERY_HEADER: str(self.delivery_id),
            ALERT_HEADER: self.identifier,
            "User-Agent": f"govops/{govops.__version__}",
        }
        if self.secret:
            delivery, stamp = str(self.delivery_id), self.timestamp
            headers |= signed_headers(self.secret, delivery, stamp, self.body)
        return headers


@dataclass(frozen=True, slots=True)
class Outcome:
    error: str | None = None  # None: the receiver answered 2xx
    tried: bool = True  # False: not sent, an earlier alert to this subscriber failed


Sender = Callable[[Outgoing], None]  # returns when taken; raises when not
Settle = Callable[[Outgoing, Outcome], None]
Prepare = Callable[[Outgoing], Outgoing]  # vets and stamps; WebhookUrlError when refused


def send_round(
    outgoing: Sequence[Outgoing], send: Sender, settle: Settle, prepare: Prepare | None = None
) -> None:
    """Prepare and send each, settling each outcome as soon as it is known (so a stop in
    between repeats as little as possible). Subscribers in parallel, each one's alerts in
    order."""
    queues: dict[str, list[Outgoing]] = {}
    for item in outgoing:
        queues.setdefault(item.subscription_id, []).append(item)

    def serve(queue: list[Outgoing]) -> None:
        failed = False
        for item in queue:
            if failed:
                settle(item, Outcome(tried=False))
                continue
            error = _attempt(send, item, prepare)
            failed = error is not None
            settle(item, Outcome(error))

    if not queues:
        return
    with ThreadPoolExecutor(min(SEND_THREADS, len(queues))) as pool:
        for done in [pool.submit(serve, queue) for queue in queues.values()]:
            done.result()


def _attempt(send: Sender, item: Outgoing, prepare: Prepare | None) -> str | None:
    """The failure's category, or None when the receiver took the alert."""
    try:
        send(item if prepare is None else prepare(item))
    except WebhookUrlError as refused:
        log.warning(
            "delivery %s to subscription %s not sent, the URL policy refuses it: %s",
            item.delivery_id,
            item.subscription_id,
            refused,
        )
        return "dns" if refused.reason == "unresolvable" else POLICY
    except DeliveryError as error:
        return error.category
    except Exception as error:  # any failure of one send is that delivery's, not the round's
        category = failure_category(error)
        log.warning(
            "delivery %s to subscription %s failed (%s)",
            item.delivery_id,
            item.subscription_id,
            category,
            exc_info=True,
        )
        return category
    return None


def failure_category(error: BaseException) -> str:
    """A short name for how a send failed, without the details (hosts, ports, paths)."""
    categories: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
        (TimeoutError, "timeout"),
        (ConnectionRefusedError, "refused"),
        ((ConnectionResetError, ConnectionAbortedError, BrokenPipeError), "reset"),
        ((ssl.SSLError, ssl.CertificateError), "tls"),
        (http.client.HTTPException, "protocol"),
        (OSError, "unreachable"),
    )
    return next((name for kind, name in categories if isinstance(error, kind)), "error")
