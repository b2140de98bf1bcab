"""Log lines carry the id of the request being served ("-" outside one), as text or as one
JSON object a line (with the traceback of an exception)."""

from __future__ import annotations

import json
import logging
import sys

from govops.platform.operations.logs import REQUEST_ID, JsonLines, WithRequestId


def record(message: str, *args: str, error: bool = False) -> logging.LogRecord:
    exc_info = None
    if error:
        try:
            raise ValueError("锁")
        except ValueError:
            exc_info = sys.exc_info()
    name, level = "govops.notifications", logging.INFO
    made = logging.LogRecord(name, level, __file__, 1, message, args, exc_info)
    WithRequestId().filter(made)
    return made


def test_a_line_outside_a_request_has_no_id() -> None:
    line = json.loads(JsonLines().format(record("通知 %s", "城关镇")))
    assert line["request_id"] == "-" and line["message"] == "通知 城关镇"
    assert (line["level"], line["logger"]) == ("info", "govops.notifications")
    assert line["time"].endswith("+00:00")


def test_a_line_inside_a_request_carries_its_id_and_an_exception_its_traceback() -> None:
    token = REQUEST_ID.set("req-42")
    try:
        line = json.loads(JsonLines().format(record("failed", error=True)))
    finally:
        REQUEST_ID.reset(token)
    assert line["request_id"] == "req-42"
    assert line["exception"].splitlines()[-1] == "ValueError: 锁"
