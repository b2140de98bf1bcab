"""Webhook delivery: the retry policy, one round of sends, and the HTTP sender.

Delivery is at least once, with an idempotency key. Each request carries
`Govops-Delivery: <delivery id>` (the same on every retry of that delivery) and
`Govops-Alert: <CAP identifier>`; a receiver drops a request whose delivery id (or alert
identifier) it has already accepted. A delivered row is never sent again, but a success
lost in transit (the receiver took the alert, its 2xx never arrived, or this process
stopped before recording it) is retried: only the receiver can tell that retry apart.

Within a round each subscriber is served in its own thread, its alerts in order; after a
failure its remaining alerts wait for the failed one's retry time (no attempt counted), so
an unreachable subscriber costs one timeout per round and never delays the others.
"""

from __future__ import annotations

import http.client
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import Message
from typing import IO
from urllib.parse import urlsplit

import govops
from govops.lawcode.texts import messages
from govops.lawcode.texts.messages import msg

log = logging.getLogger("govops.webhooks")
CAP_MEDIA_TYPE = "application/cap+xml"
DELIVERY_HEADER = "Govops-Delivery"
ALERT_HEADER = "Govops-Alert"
MAX_URL = 2000
MAX_ERROR = 500  # characters of a failure kept in the delivery row
SEND_THREADS = 8
TIMEOUT = 10.0  # seconds, for each network operation of one request


class DeliveryError(Exception):
    """The receiver did not take the alert (refused, unreachable, timed out)."""


class WebhookUrlError(ValueError):
    """A subscriber's URL that cannot be taken, and why (a message)."""

    def __init__(self, message: messages.Message) -> None:
        super().__init__(str(message))
        self.message = message


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
    delivery_id: int
    subscription_id: str
    url: str
    identifier: str
    body: bytes

    @property
    def headers(self) -> dict[str, str]:
        return {
            "Content-Type": CAP_MEDIA_TYPE,
            DELIVERY_HEADER: str(self.delivery_id),
            ALERT_HEADER: self.identifier,
            "User-Agent": f"govops/{govops.__version__}",
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    error: str | None = None  # None: the receiver answered 2xx
    tried: bool = True  # False: not sent, an earlier alert to this subscriber failed


Sender = Callable[[Outgoing], None]  # returns when taken; raises when not
Settle = Callable[[Outgoing, Outcome], None]


def send_round(outgoing: Sequence[Outgoing], send: Sender, settle: Settle) -> None:
    """Send each, settling each outcome as soon as it is known (so a stop in between
    repeats as little as possible). Subscribers in parallel, each one's alerts in order."""
    queues: dict[str, list[Outgoing]] = {}
    for item in outgoing:
        queues.setdefault(item.subscription_id, []).append(item)

    def serve(queue: list[Outgoing]) -> None:
        failed = False
        for item in queue:
            if failed:
                settle(item, Outcome(tried=False))
                continue
            error = _attempt(send, item)
            failed = error is not None
            settle(item, Outcome(error))

    if not queues:
        return
    with ThreadPoolExecutor(min(SEND_THREADS, len(queues))) as pool:
        for done in [pool.submit(serve, queue) for queue in queues.values()]:
            done.result()


def _attempt(send: Sender, item: Outgoing) -> str | None:
    try:
        send(item)
    except Exception as error:  # any failure of one send is that delivery's, not the round's
        text = (
            str(error) if isinstance(error, DeliveryError) else f"{type(error).__name__}: {error}"
        )
        return text[:MAX_ERROR] or type(error).__name__
    return None


def checked_webhook_url(url: str) -> str:
    """An absolute http(s) URL without credentials; WebhookUrlError otherwise."""
    url = url.strip()
    if not url or len(url) > MAX_URL or any(c.isspace() for c in url):
        raise WebhookUrlError(
            msg("must be an http(s) URL of at most {count} characters, no spaces", count=MAX_URL)
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it checks it)
    except ValueError as error:
        raise WebhookUrlError(msg("is not a valid URL: {error}", error=str(error))) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookUrlError(
            msg("must start with http:// or https:// and name a host, got {url}", url=repr(url))
        )
    if parts.username is not None or parts.password is not None:
        raise WebhookUrlError(msg("must not carry credentials (user:password@)"))
    return url


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failure: urllib would turn the POST into a GET without the alert."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


def http_sender(timeout: float = TIMEOUT, proxies: dict[str, str] | None = None) -> Sender:
    """POST the CAP XML to the subscriber (urllib; proxies from the environment unless
    given). Any 2xx is success; a redirect, another status, a refused or timed-out
    connection raise DeliveryError."""
    opener = urllib.request.build_opener(_NoRedirects, urllib.request.ProxyHandler(proxies))

    def send(item: Outgoing) -> None:
        request = urllib.request.Request(
            checked_webhook_url(item.url), data=item.body, headers=item.headers, method="POST"
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                status = int(response.status)
        except urllib.error.HTTPError as error:
            raise DeliveryError(f"HTTP {error.code} {error.reason}") from None
        except urllib.error.URLError as error:
            raise DeliveryError(f"cannot reach the subscriber: {error.reason}") from None
        except (TimeoutError, OSError, http.client.HTTPException) as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from None
        if not 200 <= status < 300:
            raise DeliveryError(f"HTTP {status}")

    return send


class DeliveryWorker:
    """Runs `deliver_round` every `interval` seconds in a daemon thread until stopped (a
    round that fails is logged; the next one runs as usual). Several workers, in one
    process or many, may run at once: the leases keep them from sending the same row."""

    def __init__(self, deliver_round: Callable[[], object], interval: float = 10.0) -> None:
        self._round, self._interval = deliver_round, interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="govops-webhooks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the worker to stop and wait for its round in flight, up to `timeout`."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                self._round()
            except Exception:  # the worker outlives one bad round (database away, ...)
                log.exception("webhook delivery round failed")
            self._stopped.wait(self._interval)
