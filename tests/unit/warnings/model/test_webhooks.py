"""The webhook URL policy, pure: every spelling of a loopback, private, link-local, shared,
multicast, reserved, unspecified or metadata address refused; public addresses taken; the
allow list lifting the address and port rules for what it names, never for the metadata
services; https only unless http is allowed; no credentials."""

from __future__ import annotations

import ipaddress

import pytest

from govops.warnings.model.webhooks import (
    WebhookAllow,
    WebhookUrlError,
    address_kind,
    vet_webhook,
    webhook_target,
)

PUBLIC = "93.184.216.34"
NOTHING = WebhookAllow()


def vet(
    url: str, addresses: tuple[str, ...] = (), allow: WebhookAllow = NOTHING
) -> tuple[str, ...]:
    """The policy as the guard applies it: a literal host is its own address."""
    target = webhook_target(url)
    given = (str(target.literal),) if target.literal is not None else addresses
    return vet_webhook(target, given, allow)


def refusal(url: str, addresses: tuple[str, ...] = (), allow: WebhookAllow = NOTHING) -> str:
    with pytest.raises(WebhookUrlError) as refused:
        vet(url, addresses, allow)
    return refused.value.reason


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.1", "loopback"),
        ("2130706433", "loopback"),
        ("0x7f000001", "loopback"),
        ("017700000001", "loopback"),
        ("0x7f.0.0.1", "loopback"),
        ("0177.0.0.1", "loopback"),
        ("127.0.0.1.", "loopback"),
        ("[::1]", "loopback"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("[::ffff:7f00:1]", "loopback"),
        ("[::127.0.0.1]", "loopback"),  # IPv4-compatible
        ("[64:ff9b::127.0.0.1]", "loopback"),  # NAT64
        ("[::ffff:0:127.0.0.1]", "loopback"),  # SIIT
        ("[2002:7f00:1::]", "loopback"),  # 6to4
        ("[2002:a00:1::1]", "private"),  # 6to4 of 10.0.0.1
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("0xc0a80101", "private"),
        ("[::ffff:192.168.1.1]", "private"),
        ("[fd12:3456::1]", "private"),
        ("[fec0::1]", "private"),
        ("169.254.1.1", "link-local"),
        ("[fe80::1]", "link-local"),
        ("[fe80::1%25eth0]", "link-local"),
        ("100.64.0.1", "shared"),
        ("100.127.255.254", "shared"),
        ("224.0.0.1", "multicast"),
        ("[ff02::1]", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.1", "reserved"),
        ("[2001:db8::1]", "reserved"),
        ("[64:ff9b:1::1]", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("0", "unspecified"),
        ("[::]", "unspecified"),
        ("169.254.169.254", "metadata"),
        ("2852039166", "metadata"),
        ("[::ffff:169.254.169.254]", "metadata"),
        ("[fd00:ec2::254]", "metadata"),
    ],
)
def test_every_spelling_of_a_non_public_address_is_refused(host: str, kind: str) -> None:
    assert refusal(f"https://{host}/hook") == kind


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("100.64.0.1", "shared"),
    ],
)
def test_a_name_resolving_to_a_non_public_address_is_refused(address: str, kind: str) -> None:
    assert refusal("https://hooks.example.org/x", (address,)) == kind


def test_every_address_a_name_resolves_to_must_pass() -> None:
    assert refusal("https://hooks.example.org/x", (PUBLIC, "10.0.0.1")) == "private"
    assert refusal("https://hooks.example.org/x", ()) == "unresolvable"
    assert refusal("https://hooks.example.org/x", ("not an address",)) == "unresolvable"


@pytest.mark.parametrize(
    "address", [PUBLIC, "2606:4700:4700::1111", "::ffff:93.184.216.34", "64:ff9b::808:808"]
)
def test_a_public_address_is_taken(address: str) -> None:
    canonical = str(ipaddress.ip_address(address))
    assert vet("https://hooks.example.org/x", (address,)) == (canonical,)


def test_a_literal_host_is_its_own_address_whatever_is_said_it_resolves_to() -> None:
    assert refusal("https://127.1/x", (PUBLIC,)) == "loopback"


def test_a_public_address_literal_is_taken_as_the_address_it_spells() -> None:
    assert vet("https://1572395042/hook") == (PUBLIC,)  # 93.184.216.34 in decimal
    target = webhook_target("https://1572395042/hook?a=1")
    assert (target.host, target.port, target.path) == (PUBLIC, 443, "/hook?a=1")


def test_an_allow_listed_private_range_or_host_is_taken_on_any_port() -> None:
    allow = WebhookAllow.of(["10.20.0.0/16", "receiver.internal"])
    assert vet("https://hooks.example.org:8443/x", ("10.20.3.4",), allow) == ("10.20.3.4",)
    assert vet("https://10.20.3.4/x", (), allow) == ("10.20.3.4",)
    assert vet("https://Receiver.Internal./x", ("192.168.9.9",), allow) == ("192.168.9.9",)
    assert refusal("https://hooks.example.org/x", ("10.21.0.1",), allow) == "private"
    assert refusal("https://other.internal/x", ("192.168.9.9",), allow) == "private"


def test_an_allow_listed_address_covers_its_ipv6_spellings() -> None:
    allow = WebhookAllow.of(["127.0.0.1"], allow_http=True)
    assert vet("http://[::ffff:127.0.0.1]:8080/x", (), allow) == ("::ffff:7f00:1",)
    assert refusal("http://127.0.0.2:8080/x", (), allow) == "loopback"


def test_the_metadata_services_and_the_unspecified_address_are_never_allowed() -> None:
    allow = WebhookAllow.of(["169.254.0.0/16", "0.0.0.0/8", "fd00::/8", "meta.internal"])
    assert refusal("https://169.254.169.254/latest", (), allow) == "metadata"
    assert refusal("https://[fd00:ec2::254]/", (), allow) == "metadata"
    assert refusal("https://0.0.0.0/", (), allow) == "unspecified"
    assert refusal("https://meta.internal/", ("169.254.169.254",), allow) == "metadata"
    assert vet("https://169.254.1.1/", (), allow) == ("169.254.1.1",)


def test_https_only_unless_http_is_allowed() -> None:
    assert refusal("http://hooks.example.org/x", (PUBLIC,)) == "http"
    allowed = WebhookAllow(allow_http=True)
    assert vet("http://hooks.example.org/x", (PUBLIC,), allowed) == (PUBLIC,)


def test_only_the_default_port_unless_allow_listed() -> None:
    assert refusal("https://hooks.example.org:8443/x", (PUBLIC,)) == "port"
    assert vet("https://hooks.example.org:443/x", (PUBLIC,)) == (PUBLIC,)
    allowed = WebhookAllow(allow_http=True)
    assert refusal("http://hooks.example.org:443/x", (PUBLIC,), allowed) == "port"
    public_range = WebhookAllow.of(["93.184.216.0/24"])
    assert vet("https://hooks.example.org:8443/x", (PUBLIC,), public_range) == (PUBLIC,)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "invalid"),
        ("example.org/hook", "invalid"),
        ("ftp://example.org/hook", "invalid"),
        ("javascript:alert(1)", "invalid"),
        ("file:///etc/passwd", "invalid"),
        ("http:///no-host", "invalid"),
        ("https://example.org/a hook", "invalid"),
        ("https://example.org/a\x00", "invalid"),
        ("https://example.org:99999/hook", "invalid"),
        ("https://example.org:0/hook", "invalid"),
        ("https://example.org/\x7f", "invalid"),
        ("https://example.org/" + "x" * 2000, "invalid"),
        ("https://exa..mple.org/", "invalid"),
        ("https://1.2.3.4.5/", "invalid"),
        ("https://08.1/", "invalid"),
        ("https://256.1.1.1/", "invalid"),
        ("https://[::1/", "invalid"),
        ("https://u:p@example.org/hook", "credentials"),
        ("https://user@example.org/hook", "credentials"),
        ("https://@example.org/hook", "credentials"),
    ],
)
def test_a_url_that_is_not_an_https_url_to_a_host_is_refused(url: str, reason: str) -> None:
    with pytest.raises(WebhookUrlError) as refused:
        webhook_target(url)
    assert refused.value.reason == reason


def test_a_refusal_names_its_reason_and_never_the_address() -> None:
    with pytest.raises(WebhookUrlError) as refused:
        vet("https://hooks.example.org/x", ("10.9.8.7",))
    assert "private" in str(refused.value.message)
    assert "10.9.8.7" not in str(refused.value.message)


def test_a_teredo_address_is_not_public() -> None:
    assert address_kind(ipaddress.ip_address(PUBLIC)) is None
    teredo = ipaddress.ip_address("2001:0:4136:e378:8000:63bf:3fff:fdd2")  # client 192.0.2.45
    assert address_kind(teredo) == "reserved"
