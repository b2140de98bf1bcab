"""Each HTTP request watched once (`Requests`, plain ASGI middleware: no body buffering):
its id (the caller's `X-Request-ID` when it is a plain token, else a new one) set for
everything that serves it and sent back in the answer, its status and duration by route
template timed into the metrics and said in one log line (`govops.requests`)."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

from govops.platform.operations.logs import REQUEST_ID, REQUESTS
from govops.platform.operations.metrics import Metrics

HEADER = b"x-request-id"
# A caller's id is kept only when it is a plain token (no spaces, quotes or line breaks to
# forge a log line with), as proxies write them.
_GIVEN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class Requests:
    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

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
            took = time.perf_counter() - started
            # the route's template, never the path with its ids (a bounded set of labels)
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.observe(scope["method"], route, status[0], took)
            REQUESTS.info("%s %s %d %.1f ms", scope["method"], route, status[0], took * 1000)
            REQUEST_ID.reset(token)
