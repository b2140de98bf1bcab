"""The way out to subscribers: the resolving adapter of the webhook URL policy
(`WebhookGuard`: resolve the host, every address vetted by `model.webhooks.vet_webhook`)
and the HTTP sender that connects only to the addresses vetted for this very request.

The sender never resolves a name itself: it opens its connection to the pinned address,
while the request's Host header, the TLS SNI and the certificate check all stay those of
the URL's host; so a DNS answer that changes between the check and the connection (DNS
rebinding) cannot send an alert anywhere the check did not vet. No proxy is used (a proxy
would resolve the name again), and no redirect is followed (a 3xx is a failure)."""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
from collections.abc import Callable, Sequence
from urllib.parse import quote

from govops.warnings.model.webhooks import (
    WebhookAllow,
    WebhookTarget,
    unresolvable,
    vet_webhook,
    webhook_target,
)
from govops.warnings.service.webhooks import (
    POLICY,
    TIMEOUT,
    DeliveryError,
    Outgoing,
    Sender,
    failure_category,
)

log = logging.getLogger("govops.webhooks")
Resolve = Callable[[str, int], Sequence[str]]  # (host, port) -> addresses, OSError if none
_SAFE = "!#$%&'()*+,/:;=?@[]~"  # kept as written in a path and query; the rest is quoted


def system_resolve(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host` (socket.getaddrinfo)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


class WebhookGuard:
    """The URL policy with the resolver: `vet(url)` gives the addresses to connect to."""

    def __init__(self, allow: WebhookAllow | None = None, resolve: Resolve = system_resolve):
        self.allow = allow or WebhookAllow()
        self._resolve = resolve

    def vet(self, url: str) -> tuple[WebhookTarget, tuple[str, ...]]:
        """The URL taken apart and its vetted addresses; WebhookUrlError (with the reason)
        when the policy refuses it or its host does not resolve."""
        target = webhook_target(url)
        if target.literal is not None:
            addresses: Sequence[str] = (str(target.literal),)
        else:
            try:
                addresses = self._resolve(target.host, target.port)
            except (OSError, UnicodeError) as error:
                log.info("webhook host %s does not resolve: %s", target.host, error)
                raise unresolvable(target.host) from None
        return target, vet_webhook(target, addresses, self.allow)


def _open(addresses: Sequence[str], port: int, timeout: float | None) -> socket.socket:
    """A connection to the first of `addresses` that answers (every one vetted)."""
    last: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=timeout)
        except OSError as error:
            last = error
    raise last


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, addresses: Sequence[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._pinned = tuple(addresses)

    def connect(self) -> None:
        self.sock = _open(self._pinned, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(
        self,
        host: str,
        port: int,
        addresses: Sequence[str],
        timeout: float,
        context: ssl.SSLContext,
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._pinned, self._tls = tuple(addresses), context

    def connect(self) -> None:
        raw = _open(self._pinned, self.port, self.timeout)
        try:  # SNI and the certificate check for the URL's host, not the address
            self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


def http_sender(timeout: float = TIMEOUT, tls: ssl.SSLContext | None = None) -> Sender:
    """POST the CAP XML to the subscriber's vetted addresses (`Outgoing.addresses`, set
    when the round prepared the send; none: not sent, a policy failure). Any 2xx is
    success; another status, a refused, reset or timed-out connection or a TLS failure
    raise DeliveryError with the failure's category (the details go to the log). `tls`:
    the certificates trusted (default: the system's)."""
    context = tls or ssl.create_default_context()

    def send(item: Outgoing) -> None:
        if not item.addresses:
            raise DeliveryError(POLICY)  # nothing goes to an address not vetted
        target = webhook_target(item.url)
        connection = _connection(target, item.addresses, timeout, context)
        try:
            connection.request(
                "POST", quote(target.path, safe=_SAFE), body=item.body, headers=item.headers
            )
            with connection.getresponse() as response:
                status = int(response.status)
        except (OSError, http.client.HTTPException) as error:
            category = failure_category(error)
            log.info("delivery %s failed (%s): %r", item.delivery_id, category, error)
            raise DeliveryError(category) from None
        finally:
            connection.close()
        if not 200 <= status < 300:
            log.info("delivery %s answered HTTP %s", item.delivery_id, status)
            raise DeliveryError(f"http-{status}")

    return send


def _connection(
    target: WebhookTarget, addresses: Sequence[str], timeout: float, context: ssl.SSLContext
) -> http.client.HTTPConnection:
    if target.scheme == "https":
        return _PinnedHTTPS(target.host, target.port, addresses, timeout, context)
    return _PinnedHTTP(target.host, target.port, addresses, timeout)
