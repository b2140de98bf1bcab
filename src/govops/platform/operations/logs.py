"""Logs an operator can follow a request by: each HTTP request gets an id (`RequestIds`:
the caller's `X-Request-ID` when it is a plain token, else a new one), sent back in the
answer's `X-Request-ID`, carried by every log line written while the request is served,
and one line per request (logger `govops.requests`: method, route, status, milliseconds).
Lines are text, or JSON, one object a line, for a log collector (`GOVOPS_LOG_FORMAT`)."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID: ContextVar[str | None] = ContextVar("govops_request_id", default=None)
HEADER = b"x-request-id"
# A caller's id is kept only when it is a plain token (no spaces, quotes or line breaks to
# forge a log line with), as proxies write them.
_GIVEN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
REQUESTS = logging.getLogger("govops.requests")
TEXT = "%(asctime)s %(name)s [%(request_id)s]: %(message)s"


class RequestIds:
    """ASGI middleware: the request's id, in the context of everything that serves it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(HEADER, b"").decode("latin-1")
        request_id = given if _GIVEN.match(given) else uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        started, status = time.perf_counter(), [500]

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [*message.get("headers", []), (HEADER, request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            took = (time.perf_counter() - started) * 1000
            REQUESTS.info("%s %s %d %.1f ms", scope["method"], route, status[0], took)
            REQUEST_ID.reset(token)


class WithRequestId(logging.Filter):
    """Gives every record the id of the request being served ("-" outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get() or "-"
        return True


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, request_id, and the
    exception's traceback where there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or REQUEST_ID.get(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def log_to_stderr(json_lines: bool, loggers: tuple[str, ...] = ("govops",)) -> None:
    """Writes the records of `loggers` (INFO and above) to stderr, as text or JSON lines,
    each with its request id; the line per request only as JSON (as text, the web
    server's own access log says it)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if json_lines else logging.Formatter(TEXT))
    handler.addFilter(WithRequestId())
    for name in loggers:
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False
    REQUESTS.setLevel(logging.INFO if json_lines else logging.WARNING)
