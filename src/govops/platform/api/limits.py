"""The largest request body the server reads, and the answers of a request refused for
its cost: too large (413) or the storage busy (503, Retry-After).

`BodyLimit` is an ASGI middleware. A body announced larger than the limit
(Content-Length) is refused before any of it is read; a body sent in chunks
(Transfer-Encoding: chunked) is counted as it is read, and refused as soon as it passes
the limit, never read whole. Under the API the refusal is an RFC 9457 problem in the
request's language (`problems`, `language`); elsewhere a page, given by the caller
(`platform.web.guards`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from govops.lawcode.texts.messages import Message as Said
from govops.lawcode.texts.messages import msg
from govops.platform.api.problems import problem

RETRY_AFTER_SECONDS = 2  # what a client is told to wait when the storage is busy
Refusal = Callable[[Request, int], Awaitable[Response]]  # the request, the limit -> answer


class BodyTooLargeError(HTTPException):
    """Raised to the application reading a body past the limit: whatever it answers is
    dropped and the middleware answers 413 instead. An HTTPException, so that the
    application's body parsing lets it through as it is (not as a 400)."""

    def __init__(self) -> None:
        super().__init__(413)


def too_large(limit: int) -> Said:
    return msg(
        "the request body is larger than {most} bytes, the most this server accepts",
        most=limit,
    )


def busy() -> Said:
    return msg("the system is busy with other changes; try again in a moment")


async def too_large_problem(request: Request, limit: int) -> Response:
    """413 as a problem document, in the request's language."""
    answer = problem(request, 413, too_large(limit), "body-too-large")
    answer.headers["Connection"] = "close"  # the rest of the body is not read
    return answer


async def busy_problem(request: Request) -> Response:
    """503 as a problem document, with Retry-After."""
    answer = problem(request, 503, busy(), "storage-busy")
    answer.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return answer


def announced_length(scope: Scope) -> int | None:
    """The Content-Length of the request, if it gives a valid one."""
    text = Headers(scope=scope).get("content-length")
    if text is None or not text.strip().isdigit():
        return None
    return int(text)


class BodyLimit:
    """Refuse a request body larger than `limit` bytes with `refuse`'s answer."""

    def __init__(self, app: ASGIApp, limit: int, refuse: Refusal) -> None:
        self.app = app
        self.limit = limit
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = announced_length(scope)
        if announced is not None and announced > self.limit:
            await self.answer(scope, receive, send)
            return
        await _Counted(self, scope, receive, send).run()

    async def answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse the request (its body too large)."""
        response = await self.refuse(Request(scope, receive), self.limit)
        await response(scope, receive, send)


class _Counted:
    """One request whose body is counted as the application reads it."""

    def __init__(self, limit: BodyLimit, scope: Scope, receive: Receive, send: Send) -> None:
        self.limit, self.scope, self._receive, self._send = limit, scope, receive, send
        self.received = 0
        self.refused = False  # the body passed the limit before any answer started
        self.started = False

    async def run(self) -> None:
        try:
            await self.limit.app(self.scope, self.receive, self.send)
        except Exception:
            if not self.refused:
                raise
        if self.refused:
            await self.limit.answer(self.scope, self._receive, self._send)

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit.limit:
                self.refused = not self.started
                raise BodyTooLargeError
        return message

    async def send(self, message: Message) -> None:
        if self.refused:
            return  # the application's answer to the refusal: the middleware answers
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)
