"""The HTTP sender against real receivers on this machine: it connects to the address the
round vetted and pinned (never resolving the name itself), with the Host header, the TLS
SNI and the certificate check of the URL's host; the receiver verifies the Standard
Webhooks signature as the specification says (the verification written here from the
specification, not with the signing code); 2xx taken; an error status, a redirect, a
timeout, a closed port, a certificate for another host refused, each as a category."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography import x509  # with the dev tools (capvalidator signs with it)
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from govops.warnings.model.signing import new_secret
from govops.warnings.service.outbound import http_sender
from govops.warnings.service.webhooks import DeliveryError, Outgoing

LOCAL = ("127.0.0.1",)
SECRET = new_secret(b"0123456789abcdef0123456789abcdef")
TOLERANCE = 5 * 60  # seconds: the specification's suggested window


def verify(secret: str, headers: dict[str, str], body: bytes, now: float) -> bool:
    """A receiver's check, per https://www.standardwebhooks.com/: the key is the base64
    after `whsec_`; the signed content is `{webhook-id}.{webhook-timestamp}.{body}`; the
    header lists space-separated `v1,<base64 HMAC-SHA256>` signatures, any may match; a
    timestamp too far from the receiver's clock is refused (replays)."""
    message_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(now - int(timestamp)) > TOLERANCE:
        return False
    key = base64.b64decode(secret.split("_", 1)[1])
    content = message_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest())
    for candidate in headers["webhook-signature"].split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return True
    return False


class Receiver(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[str, str, dict[str, str], bytes, bool]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        headers = {k.lower(): v for k, v in self.headers.items()}
        valid = verify(SECRET, headers, body, time.time())
        self.received.append(("POST", self.path, headers, body, valid))
        if self.path == "/slow":
            time.sleep(1.0)
        status = {"/ok": 204, "/fail": 500, "/moved": 302}.get(self.path, 200)
        if not valid:
            status = 401
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet tests


def _serve(httpd: ThreadingHTTPServer) -> Iterator[int]:
    Receiver.received = []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def port() -> Iterator[int]:
    yield from _serve(ThreadingHTTPServer(("127.0.0.1", 0), Receiver))


def _outgoing(url: str, addresses: tuple[str, ...] = LOCAL, secret: str = SECRET) -> Outgoing:
    item = Outgoing(7, "s1", url, "ID1", "<alert>暴雨</alert>".encode(), secret)
    return replace(item, timestamp=int(time.time()), addresses=addresses)


def test_the_sender_connects_to_the_pinned_address_under_the_urls_host(port: int) -> None:
    """receiver.test resolves nowhere: the request reaches the receiver only because the
    sender connects to the vetted address it was given."""
    http_sender(timeout=5)(_outgoing(f"http://receiver.test:{port}/ok?x=1"))
    ((method, path, headers, body, valid),) = Receiver.received
    assert (method, path, body) == ("POST", "/ok?x=1", "<alert>暴雨</alert>".encode())
    assert headers["host"] == f"receiver.test:{port}"
    assert headers["content-type"] == "application/cap+xml"
    assert (headers["govops-delivery"], headers["govops-alert"]) == ("7", "ID1")
    assert headers["webhook-id"] == "7"
    assert valid, "the receiver verified the signature"


def test_a_signature_made_with_another_secret_does_not_verify(port: int) -> None:
    other = new_secret(b"another key, 32 bytes long......")
    with pytest.raises(DeliveryError, match="http-401"):
        http_sender(timeout=5)(_outgoing(f"http://receiver.test:{port}/ok", secret=other))
    assert [valid for *_, valid in Receiver.received] == [False]


def test_a_send_without_vetted_addresses_is_not_sent(port: int) -> None:
    with pytest.raises(DeliveryError, match="policy"):
        http_sender(timeout=5)(_outgoing(f"http://127.0.0.1:{port}/ok", addresses=()))
    assert Receiver.received == []


def test_an_error_status_is_a_failure(port: int) -> None:
    with pytest.raises(DeliveryError) as failed:
        http_sender(timeout=5)(_outgoing(f"http://127.0.0.1:{port}/fail"))
    assert failed.value.category == "http-500"


def test_a_redirect_is_a_failure_and_is_not_followed(port: int) -> None:
    with pytest.raises(DeliveryError, match="http-302"):
        http_sender(timeout=5)(_outgoing(f"http://127.0.0.1:{port}/moved"))
    assert [(m, p) for m, p, *_ in Receiver.received] == [("POST", "/moved")]


def test_a_receiver_slower_than_the_timeout_is_a_failure(port: int) -> None:
    started = time.monotonic()
    with pytest.raises(DeliveryError) as failed:
        http_sender(timeout=0.2)(_outgoing(f"http://127.0.0.1:{port}/slow"))
    assert failed.value.category == "timeout"
    assert time.monotonic() - started < 0.9


def test_a_closed_port_is_a_failure_named_without_the_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]  # bound, never listening: refused
        with pytest.raises(DeliveryError) as failed:
            http_sender(timeout=2)(_outgoing(f"http://127.0.0.1:{closed}/hook"))
    assert failed.value.category == "refused"
    assert str(closed) not in str(failed.value) and "127.0.0.1" not in str(failed.value)


# TLS: a certificate authority and a certificate for receiver.test, made for the test.


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(the authority's certificate, the receiver's certificate, its key) as PEM files."""

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("test authority"))
        .issuer_name(name("test authority"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("receiver.test"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("receiver.test")]), False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    files = folder / "ca.pem", folder / "receiver.pem", folder / "receiver.key"
    files[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files[1].write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    files[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


@pytest.fixture
def tls_port(certificates: tuple[Path, Path, Path]) -> Iterator[tuple[int, list[str | None]]]:
    """An HTTPS receiver for receiver.test on 127.0.0.1, with the SNI names it was asked."""
    _, cert, key = certificates
    server_names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, server_name, _ctx: server_names.append(server_name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    for port in _serve(httpd):
        yield port, server_names


def _trusting(certificates: tuple[Path, Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificates[0]))


def test_https_to_a_pinned_address_checks_the_certificate_of_the_urls_host(
    tls_port: tuple[int, list[str | None]], certificates: tuple[Path, Path, Path]
) -> None:
    port, server_names = tls_port
    send = http_sender(timeout=5, tls=_trusting(certificates))
    send(_outgoing(f"https://receiver.test:{port}/ok"))
    ((_, path, headers, _, valid),) = Receiver.received
    assert (path, headers["host"], valid) == ("/ok", f"receiver.test:{port}", True)
    assert server_names == ["receiver.test"]


def test_a_certificate_for_another_host_is_a_tls_failure(
    tls_port: tuple[int, list[str | None]], certificates: tuple[Path, Path, Path]
) -> None:
    """The address is the receiver's, the name is not: the check follows the name."""
    port, server_names = tls_port
    send = http_sender(timeout=5, tls=_trusting(certificates))
    with pytest.raises(DeliveryError) as failed:
        send(_outgoing(f"https://elsewhere.test:{port}/ok"))
    assert failed.value.category == "tls"
    assert Receiver.received == [] and server_names == ["elsewhere.test"]


def test_an_untrusted_certificate_is_a_tls_failure(tls_port: tuple[int, list[str | None]]) -> None:
    port, _ = tls_port
    with pytest.raises(DeliveryError, match="tls"):
        http_sender(timeout=5)(_outgoing(f"https://receiver.test:{port}/ok"))
    assert Receiver.received == []
