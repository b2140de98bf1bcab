"""Where a subscriber's alerts may go: the webhook URL policy, pure (the addresses the
host resolves to are given; `service.outbound` resolves them and connects to them).

A URL is taken when it is an absolute https URL (http where the organisation allows it)
without credentials, on the scheme's own port, whose host resolves only to public
addresses: no loopback, link-local, private, shared (100.64/10), multicast, reserved or
unspecified address, and no cloud metadata service, however the address is spelled (an
IPv4 address written in decimal, octal or hex, IPv4 inside IPv6 as mapped, compatible,
NAT64, SIIT, 6to4 or Teredo addresses). The administrator's allow list (hosts by name,
addresses by CIDR range) lifts the address and port rules for what it names; the metadata
services and the unspecified address stay refused whatever the list says."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from govops.lawcode.texts.messages import Message, msg

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_URL = 2000
DEFAULT_PORTS = {"http": 80, "https": 443}
METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254"))
ALWAYS_REFUSED = frozenset({"metadata", "unspecified"})  # whatever the allow list says
_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network
_SHARED = _V4("100.64.0.0/10")
_PRIVATE = (_V4("10.0.0.0/8"), _V4("172.16.0.0/12"), _V4("192.168.0.0/16"), _V6("fc00::/7"))
_SITE_LOCAL = _V6("fec0::/10")
_COMPATIBLE = _V6("::/96")  # ::a.b.c.d, deprecated
_NAT64 = (_V6("64:ff9b::/96"), _V6("::ffff:0:0:0/96"))  # the well-known prefix; SIIT
_LOCAL_NAT64 = _V6("64:ff9b:1::/48")
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_NUMERIC = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


class WebhookUrlError(ValueError):
    """A subscriber URL the policy refuses: `reason`, a short code (invalid, http,
    credentials, port, unresolvable, loopback, link-local, private, shared, multicast,
    reserved, unspecified, metadata), and `message`, which a subscriber may read."""

    def __init__(self, reason: str, message: Message) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason, self.message = reason, message


@dataclass(frozen=True, slots=True)
class WebhookAllow:
    """What the administrator vetted: plain http, hosts by name, address ranges."""

    allow_http: bool = False
    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[str], allow_http: bool = False) -> WebhookAllow:
        """From the settings' entries (checked there): CIDR ranges or addresses, and names."""
        hosts: set[str] = set()
        networks: list[Network] = []
        for entry in entries:
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.lower().rstrip("."))
        return cls(allow_http, frozenset(hosts), tuple(networks))

    def lists(self, address: Address) -> bool:
        return any(view in net for view in _views(address) for net in self.networks)


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """A subscriber URL taken apart: the host as it is resolved (lower case, IDNA, no
    brackets), its port, the path and query to request, and the address it names when it
    is an address (in any spelling)."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    literal: Address | None = field(default=None)

    @property
    def default_port(self) -> bool:
        return self.port == DEFAULT_PORTS[self.scheme]


def webhook_target(url: str) -> WebhookTarget:
    """The URL taken apart; WebhookUrlError("invalid" or "credentials") when it is not an
    absolute http(s) URL naming a host, without credentials."""
    url = url.strip()
    if not url or len(url) > MAX_URL or any(c.isspace() or not c.isprintable() for c in url):
        raise _invalid(
            msg("must be an http(s) URL of at most {count} characters, no spaces", count=MAX_URL)
        )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise _invalid(msg("is not a valid URL: {error}", error=str(error))) from None
    if port == 0:
        raise _invalid(msg("is not a valid URL: {error}", error="port 0"))
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise _invalid(
            msg("must start with http:// or https:// and name a host, got {url}", url=repr(url))
        )
    if "@" in parts.netloc:
        raise WebhookUrlError("credentials", msg("must not carry credentials (user:password@)"))
    host, literal = _host(parts.hostname, parts.netloc.startswith("["))
    path = parts.path or "/"
    return WebhookTarget(
        url,
        parts.scheme,
        host,
        port or DEFAULT_PORTS[parts.scheme],
        f"{path}?{parts.query}" if parts.query else path,
        literal,
    )


def vet_webhook(
    target: WebhookTarget, addresses: Sequence[str], allow: WebhookAllow
) -> tuple[str, ...]:
    """The policy: the addresses to connect to, every one of `addresses` (what the host
    resolves to; for an address literal, the address itself, whatever is given) vetted;
    WebhookUrlError otherwise."""
    if target.literal is not None:
        addresses = (str(target.literal),)
    if target.scheme == "http" and not allow.allow_http:
        raise WebhookUrlError(
            "http", msg("must use https:// (this platform does not deliver over plain http)")
        )
    try:
        found = [ipaddress.ip_address(a) for a in addresses]
    except ValueError:
        found = []
    if not found:
        raise unresolvable(target.host)
    host_listed = target.host in allow.hosts
    for address in found:
        kind = address_kind(address)
        if kind is None or (kind not in ALWAYS_REFUSED and (host_listed or allow.lists(address))):
            continue
        raise WebhookUrlError(kind, _REASONS[kind])
    if not target.default_port and not (host_listed or all(map(allow.lists, found))):
        raise WebhookUrlError(
            "port",
            msg(
                "must use the default port of {scheme} ({port})",
                scheme=target.scheme,
                port=str(DEFAULT_PORTS[target.scheme]),
            ),
        )
    return tuple(str(a) for a in found)


def unresolvable(host: str) -> WebhookUrlError:
    return WebhookUrlError("unresolvable", msg("the host {host} cannot be resolved", host=host))


def address_kind(address: Address) -> str | None:
    """Why an address is not public (a reason code), or None for a public address. IPv4
    carried inside IPv6 is judged as the IPv4 address it carries."""
    for view in _views(address):
        kind = _kind(view)
        if kind is not None:
            return kind
    return None


def _kind(address: Address) -> str | None:
    checks: tuple[tuple[str, bool], ...] = (
        ("metadata", address in METADATA),
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("shared", address in _SHARED),
        ("private", address in _SITE_LOCAL or any(address in net for net in _PRIVATE)),
        ("reserved", address in _LOCAL_NAT64 or not address.is_global or address.is_reserved),
    )
    return next((kind for kind, hit in checks if hit), None)


def _views(address: Address) -> list[Address]:
    """The address as judged: IPv4 inside IPv6 unwrapped (mapped, compatible, NAT64,
    SIIT), plus the IPv4 addresses a 6to4 or Teredo address carries."""
    if isinstance(address, ipaddress.IPv4Address):
        return [address]
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address in _COMPATIBLE and int(address) > 1:  # :: and ::1 are themselves
        return [low]
    if any(address in net for net in _NAT64):
        return [low]
    views: list[Address] = [address]
    if address.sixtofour is not None:
        views.append(address.sixtofour)
    if address.teredo is not None:
        views.extend(address.teredo)
    return views


def _host(hostname: str, bracketed: bool) -> tuple[str, Address | None]:
    """The host as resolved and the address it spells, if any."""
    if bracketed:
        try:
            v6 = ipaddress.IPv6Address(unquote(hostname))
        except ValueError:
            raise _invalid(_BAD_HOST) from None
        return str(v6), v6
    try:
        host = hostname.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        raise _invalid(_BAD_HOST) from None
    labels = host.split(".")
    if _NUMERIC.match(labels[-1]):  # a name never ends in a number: an IPv4 address
        v4 = _ipv4(labels)
        return str(v4), v4
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise _invalid(_BAD_HOST)
    return host, None


def _ipv4(labels: list[str]) -> ipaddress.IPv4Address:
    """An IPv4 address as inet_aton reads it: 1 to 4 parts, each decimal, octal (0...)
    or hex (0x...), the last filling the bytes left (127.1, 2130706433, 0x7f000001)."""
    try:
        if not 1 <= len(labels) <= 4:
            raise ValueError(labels)
        parts = [
            int(p, 16) if p.startswith("0x") else int(p, 8 if p[0] == "0" else 10)
            for p in (label or "!" for label in labels)
        ]
        *head, last = parts
        if any(p > 255 for p in head) or last >= 256 ** (5 - len(parts)):
            raise ValueError(labels)
        value = sum(p << (8 * (3 - i)) for i, p in enumerate(head)) + last
        return ipaddress.IPv4Address(value)
    except ValueError:
        raise _invalid(_BAD_HOST) from None


def _invalid(message: Message) -> WebhookUrlError:
    return WebhookUrlError("invalid", message)


_BAD_HOST = msg("does not name a valid host (a name, an IPv4 address or an [IPv6] address)")
_REASONS = {
    "loopback": msg("resolves to a loopback address (this machine), which is not allowed"),
    "link-local": msg("resolves to a link-local address, which is not allowed"),
    "private": msg("resolves to a private network address, which is not allowed"),
    "shared": msg("resolves to a shared address (100.64.0.0/10), which is not allowed"),
    "multicast": msg("resolves to a multicast address, which is not allowed"),
    "reserved": msg("resolves to a reserved or non-public address, which is not allowed"),
    "unspecified": msg("resolves to the unspecified address, which is not allowed"),
    "metadata": msg("resolves to a cloud metadata service, which is never allowed"),
}
