"""The largest request body, through the application (create_app with the incident API and
pages): a body larger than GOVOPS_MAX_BODY_BYTES, announced or sent in chunks, is refused
with 413 before it is read whole: a problem document under /api/v1, a page elsewhere, each
in the reader's language; nothing is filed. Over a real socket, a refusal comes while the
client is still sending."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.config import DEFAULT_MAX_BODY_BYTES, Limits, SettingsError
from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.lawcode.sources.pack import Pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.web.pages import LANGUAGE_COOKIE
from govops.server import create_app
from tests.e2e.incidents.api.conftest import API, report
from tests.e2e.pages import GOOD_REPORT
from tests.fakes import Clock
from tests.identity import EVERYTHING, TokenAuthenticator, bearer

LIMIT = 8192


@pytest.fixture
def app(
    service: IncidentService, pack: Pack, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> FastAPI:
    monkeypatch.setenv("GOVOPS_MAX_BODY_BYTES", str(LIMIT))
    web = build_web_router(service, pack, clock)
    return create_app(service, pack, web, clock=clock, authenticator=TokenAuthenticator())


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """The tester, signed in by token for the API and by cookie for the pages."""
    cookies = {SESSION_COOKIE: EVERYTHING}
    with TestClient(app, headers=bearer(), cookies=cookies) as client:
        yield client


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def _padded(size: int) -> bytes:
    """A valid report of exactly `size` bytes (its summary padded)."""
    bare = _json(report(summary=""))
    return _json(report(summary="x" * (size - len(bare))))


def _refused(answer: Any) -> dict[str, Any]:
    assert answer.status_code == 413, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["connection"] == "close"
    document: dict[str, Any] = answer.json()
    assert (document["status"], document["code"]) == (413, "body-too-large")
    assert document["instance"] == API
    return document


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("language", "title", "detail"),
    [
        ("en", "Request Entity Too Large", "larger than 8,192 bytes, the most this server"),
        ("zh-Hans", "请求内容过大", "8,192"),
        ("vi", "Nội dung yêu cầu quá lớn", "8.192"),
    ],
)
def test_a_body_announced_too_large_is_a_problem_in_the_readers_language(
    client: TestClient, language: str, title: str, detail: str
) -> None:
    body = _padded(LIMIT + 1)
    headers = JSON | {"Accept-Language": language}
    document = _refused(client.post(API, content=body, headers=headers))
    assert document["title"] == title and detail in document["detail"]
    assert client.get(API).json()["count"] == 0


def test_a_body_of_exactly_the_limit_is_read(client: TestClient) -> None:
    body = _padded(LIMIT)
    assert len(body) == LIMIT
    assert client.post(API, content=body, headers=JSON).status_code == 201


def test_a_body_sent_in_chunks_is_refused_as_it_passes_the_limit(client: TestClient) -> None:
    body = _padded(4 * LIMIT)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    answer = client.post(API, content=chunks(), headers=JSON | {"Accept-Language": "en"})
    assert "content-length" not in answer.request.headers  # sent chunked
    _refused(answer)
    assert client.get(API).json()["count"] == 0


def test_a_form_too_large_is_refused_with_a_page_in_the_readers_language(
    client: TestClient,
) -> None:
    form = GOOD_REPORT | {"summary": "拆" * LIMIT}
    client.cookies.set(LANGUAGE_COOKIE, "vi")
    answer = client.post("/incidents", data=form, follow_redirects=False)
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    page = answer.text
    assert '<html lang="vi">' in page and "<title>Nội dung yêu cầu quá lớn</title>" in page
    assert "8.192" in page
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    client.cookies.clear()
    assert client.get(API).json()["count"] == 0


def test_the_limit_is_a_setting_of_one_mebibyte_by_default() -> None:
    assert Limits.from_env({}) == Limits(DEFAULT_MAX_BODY_BYTES, 0)
    assert DEFAULT_MAX_BODY_BYTES == 1024 * 1024
    given = {"GOVOPS_MAX_BODY_BYTES": "65536", "GOVOPS_HSTS": "31536000"}
    assert Limits.from_env(given) == Limits(65536, 31536000)
    for wrong in ({"GOVOPS_MAX_BODY_BYTES": "1MB"}, {"GOVOPS_MAX_BODY_BYTES": "10"}):
        with pytest.raises(SettingsError, match="GOVOPS_MAX_BODY_BYTES"):
            Limits.from_env(wrong)
    with pytest.raises(SettingsError, match="GOVOPS_HSTS"):
        Limits.from_env({"GOVOPS_HSTS": "-1"})


def test_the_default_refuses_the_figure_that_kept_the_parser_busy(
    service: IncidentService, pack: Pack, clock: Clock
) -> None:
    with TestClient(create_app(service, pack, clock=clock)) as client:
        body = _json(report(participants="1" + "多" * 600_000))  # 1.8 MB
        assert client.post(API, content=body, headers=JSON).status_code == 413


# Over a socket: the refusal does not wait for the rest of the body.
@pytest.fixture
def served(app: FastAPI) -> Iterator[int]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    yield int(server.servers[0].sockets[0].getsockname()[1])
    server.should_exit = True
    thread.join(timeout=10)


def _answer_while_sending(port: int, head: bytes, body: bytes) -> bytes:
    """Send `head` and `body` and never finish the request; the answer the server sends."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(head + body)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(65536)
            assert chunk, "the server closed without answering"
            received += chunk
        return received


def test_over_a_socket_a_body_announced_too_large_is_refused_unsent(served: int) -> None:
    head = (
        f"POST {API} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {100 * 1024 * 1024}\r\n\r\n"
    ).encode()
    received = _answer_while_sending(served, head, b"")  # not a byte of the 100 MiB
    assert received.startswith(b"HTTP/1.1 413 ")


def test_over_a_socket_a_chunked_body_is_refused_before_its_end(served: int) -> None:
    head = (
        f"POST {API} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"x" * 1024
    chunks = b"".join(b"400\r\n" + chunk + b"\r\n" for _ in range(LIMIT // 1024 + 1))
    received = _answer_while_sending(served, head, chunks)  # the last chunk is never sent
    assert received.startswith(b"HTTP/1.1 413 ")
    assert b"application/problem+json" in received
