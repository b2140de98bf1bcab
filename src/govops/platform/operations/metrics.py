"""The service's metrics in Prometheus's text format (/metrics): every request counted and
timed by method, route (its template, never the path with its ids) and status, and the
figures of the service's state read by the probes at each scrape (`state.Operations`).
Each application keeps its own registry (several may run in one process: the tests)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from govops.platform.operations.state import Operations

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Seconds: an intake answers in milliseconds; a report or an import may take seconds.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Histogram(
            "govops_http_request_duration_seconds",
            "Requests answered, by method, route template and status, and how long each took.",
            ("method", "route", "status"),
            buckets=BUCKETS,
            registry=self.registry,
        )

    def watch(self, operations: Operations) -> None:
        """The probes' figures join the metrics, read at each scrape."""
        self.registry.register(_Figures(operations))

    def text(self) -> bytes:
        return generate_latest(self.registry)


class _Figures(Collector):
    """The probes' figures, read at each scrape."""

    def __init__(self, operations: Operations) -> None:
        self.operations = operations

    def collect(self) -> Iterator[Metric]:
        figures, failed = self.operations.figures()
        for figure in figures:
            kind = CounterMetricFamily if figure.counter else GaugeMetricFamily
            family = kind(figure.name, figure.help, labels=list(figure.labels))
            family.add_metric(list(figure.labels.values()), figure.value)
            yield family
        probes = GaugeMetricFamily(
            "govops_probe_failed",
            "1 for a probe that could not read its figures.",
            labels=["probe"],
        )
        for name in self.operations.probes:
            probes.add_metric([name], 1.0 if name in failed else 0.0)
        yield probes


class RequestTiming:
    """ASGI middleware timing each HTTP request (plain ASGI: no body buffering)."""

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [500]

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            labels = (scope["method"], route, str(status[0]))
            self.metrics.requests.labels(*labels).observe(time.perf_counter() - started)
