"""The security headers as an ASGI middleware: added to every HTTP answer, a header the
application set kept, Strict-Transport-Security only when configured and over HTTPS."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from govops.platform.web.headers import (
    CONTENT_SECURITY_POLICY,
    SECURITY_HEADERS,
    SecurityHeaders,
)


def run(coroutine: Coroutine[Any, Any, None]) -> None:
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


async def answer(scope: Scope, receive: Receive, send: Send) -> None:
    headers = [(b"content-type", b"text/plain"), (b"x-frame-options", b"SAMEORIGIN")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"ok"})


def headers_of(scheme: str = "http", hsts_seconds: int = 0) -> dict[str, str]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope: dict[str, Any] = {"type": "http", "scheme": scheme, "headers": []}
    run(SecurityHeaders(answer, hsts_seconds)(scope, receive, send))
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    return {k.decode(): v.decode() for k, v in sent[0]["headers"]}


def test_every_answer_gets_the_headers_and_keeps_its_own() -> None:
    found = headers_of()
    assert found["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert found["referrer-policy"] == "same-origin"
    assert found["x-content-type-options"] == "nosniff"
    assert found["cross-origin-opener-policy"] == "same-origin"
    assert found["x-frame-options"] == "SAMEORIGIN"  # the application's own is kept
    assert found["content-type"] == "text/plain"
    assert "strict-transport-security" not in found


def test_the_policy_allows_no_inline_script_or_style() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
        "img-src": "'self' data:",
        "style-src": "'self'",
    }
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"


def test_strict_transport_security_only_when_configured_and_over_https() -> None:
    assert "strict-transport-security" not in headers_of("https")
    assert "strict-transport-security" not in headers_of("http", hsts_seconds=31536000)
    found = headers_of("https", hsts_seconds=31536000)
    assert found["strict-transport-security"] == "max-age=31536000"


def test_other_connections_pass_untouched() -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])

    async def nothing() -> Message:
        return {}

    async def ignore(message: Message) -> None:
        return None

    run(SecurityHeaders(app)({"type": "lifespan"}, nothing, ignore))
    assert seen == ["lifespan"]
