"""What guards the whole application, around everything else it does (`install`): the
security headers on every answer (`headers`), the largest body a request may send
(`platform.api.limits`), and the answer when the storage stays busy (503, Retry-After).

The guards wrap the application's outermost layer, so that an error answer (500) and a
refusal carry the headers too. Under the API a refusal is a problem document; elsewhere a
plain page in the reader's language (?lang=, the language cookie, Accept-Language, else
the organisation's).
"""

from __future__ import annotations

from typing import Protocol

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.types import ASGIApp

from govops.lawcode.texts.messages import Message, msg
from govops.platform.api.language import request_translator
from govops.platform.api.limits import (
    RETRY_AFTER_SECONDS,
    BodyLimit,
    busy_problem,
    too_large_problem,
)
from govops.platform.api.problems import status_title
from govops.platform.i18n.languages import choose
from govops.platform.i18n.translator import Translator, translator
from govops.platform.ports import StorageBusyError
from govops.platform.web.headers import SecurityHeaders
from govops.platform.web.pages import LANGUAGE_COOKIE, TEMPLATES


class GuardSettings(Protocol):
    @property
    def max_body_bytes(self) -> int: ...

    @property
    def hsts_seconds(self) -> int: ...


def page_translator(request: Request) -> Translator:
    """The reader's language as the pages choose it."""
    fallback = request_translator(request)  # ?lang=, Accept-Language, the organisation's
    choice = choose(
        request.query_params.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        request.headers.get("accept-language"),
        fallback.language,
    )
    return translator(choice.language, fallback.timezone)


def refused_page(request: Request, status: int, detail: Message) -> HTMLResponse:
    """A plain page saying why the request was refused."""
    t = page_translator(request)
    html = TEMPLATES.get_template("platform/refused.html").render(
        language=t.language,
        base=str(request.scope.get("root_path", "")).rstrip("/"),
        title=status_title(t, status),
        detail=t.say(detail),
    )
    return HTMLResponse(html, status_code=status)


def install(app: FastAPI, api_prefix: str, settings: GuardSettings) -> None:
    """Guard `app`: security headers on every answer, request bodies of at most
    `settings.max_body_bytes`, 503 when the storage stays busy."""

    def in_api(request: Request) -> bool:
        return request.url.path.startswith(api_prefix)

    async def refuse_body(request: Request, limit: int) -> Response:
        if in_api(request):
            return await too_large_problem(request, limit)
        detail = msg(
            "What was sent is larger than {most} bytes, the most this server accepts; "
            "shorten it and send it again.",
            most=limit,
        )
        page = refused_page(request, 413, detail)
        page.headers["Connection"] = "close"  # the rest of the body is not read
        return page

    async def storage_busy(request: Request, _: Exception) -> Response:
        if in_api(request):
            return await busy_problem(request)
        detail = msg("The system is busy with other changes; try again in a moment.")
        page = refused_page(request, 503, detail)
        page.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return page

    app.add_exception_handler(StorageBusyError, storage_busy)
    build = app.build_middleware_stack

    def guarded() -> ASGIApp:
        limited = BodyLimit(build(), settings.max_body_bytes, refuse_body)
        return SecurityHeaders(limited, settings.hsts_seconds)

    app.build_middleware_stack = guarded  # type: ignore[method-assign]
