"""The body limit as an ASGI middleware, around a stand-in application that reads the
whole body: a body announced too large is refused before the application runs; a body
sent in chunks is refused at the chunk that passes the limit, the rest never read."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response
from starlette.types import Message, Receive, Scope, Send

from govops.platform.api.limits import BodyLimit, BodyTooLargeError, announced_length

LIMIT = 100


def run_async(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run `coroutine` to its end in a thread of its own: the browser tests keep an event
    loop running in the main thread (Playwright's), where asyncio.run() is refused."""
    failed: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:  # re-raised in the test's thread
            failed.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    if failed:
        raise failed[0]


class Reader:
    """An application that reads the whole body, then answers 200 with its length."""

    def __init__(self) -> None:
        self.called = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.called = True
        body = b""
        while True:
            try:
                message = await receive()
            except BodyTooLargeError:  # as FastAPI does: answer the error (here 400)
                await PlainTextResponse("parse error", 400)(scope, receive, send)
                raise
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await PlainTextResponse(str(len(body)))(scope, receive, send)


async def refuse(request: Request, limit: int) -> Response:
    return PlainTextResponse(f"over {limit} on {request.url.path}", 413)


def run(
    chunks: list[bytes], headers: dict[str, str] | None = None
) -> tuple[Reader, int, list[Message]]:
    """The request through the middleware: the application, the chunks read, the answer."""
    app = Reader()
    pulled = 0

    async def receive() -> Message:
        nonlocal pulled
        pulled += 1
        last = pulled >= len(chunks)
        return {"type": "http.request", "body": chunks[pulled - 1], "more_body": not last}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    scope: dict[str, Any] = {"type": "http", "method": "POST", "path": "/x", "headers": raw}
    scope |= {"query_string": b"", "scheme": "http", "server": ("t", 80), "root_path": ""}
    run_async(BodyLimit(app, LIMIT, refuse)(scope, receive, send))
    return app, pulled, sent


def status(sent: list[Message]) -> int:
    starts = [m for m in sent if m["type"] == "http.response.start"]
    assert len(starts) == 1, sent
    return int(starts[0]["status"])


def body(sent: list[Message]) -> bytes:
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_body_announced_too_large_is_refused_before_the_application_runs() -> None:
    app, pulled, sent = run([b"x" * 10], {"Content-Length": str(LIMIT + 1)})
    assert (app.called, pulled) == (False, 0)
    assert (status(sent), body(sent)) == (413, b"over 100 on /x")


def test_a_body_sent_in_chunks_is_refused_at_the_chunk_that_passes_the_limit() -> None:
    chunks = [b"x" * 40] * 1000  # 40 kB in all; the third chunk passes 100 bytes
    app, pulled, sent = run(chunks)
    assert app.called and pulled == 3
    assert (status(sent), body(sent)) == (413, b"over 100 on /x")  # the 400 was dropped


def test_a_body_within_the_limit_is_read_whole() -> None:
    _, pulled, sent = run([b"x" * 50, b"x" * 50], {"Content-Length": "100"})
    assert pulled == 2 and (status(sent), body(sent)) == (200, b"100")


def test_an_announced_length_is_read_only_when_it_is_a_number() -> None:
    def scope(value: str) -> Scope:
        return {"type": "http", "headers": [(b"content-length", value.encode())]}

    assert announced_length(scope("12")) == 12
    assert announced_length(scope("-1")) is None
    assert announced_length(scope("1e9")) is None
    assert announced_length({"type": "http", "headers": []}) is None


def test_other_connections_pass_untouched() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    async def nothing() -> Message:
        return {}

    async def ignore(message: Message) -> None:
        return None

    run_async(BodyLimit(app, LIMIT, refuse)({"type": "lifespan"}, nothing, ignore))
    assert seen == ["lifespan"]
