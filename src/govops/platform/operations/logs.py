"""Logs an operator can follow a request by: every line written while a request is served
carries its id (`REQUEST_ID`, set by `requests.Requests`), and each request is one line
(logger `govops.requests`: method, route, status, milliseconds). Lines are text, or JSON,
one object a line, for a log collector (`GOVOPS_LOG_FORMAT`)."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID: ContextVar[str | None] = ContextVar("govops_request_id", default=None)
REQUESTS = logging.getLogger("govops.requests")
TEXT = "%(asctime)s %(name)s [%(request_id)s]: %(message)s"


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
