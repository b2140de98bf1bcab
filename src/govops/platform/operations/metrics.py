"""The service's metrics in Prometheus's text format (/metrics): every request counted and
timed by method, route template and status (`requests.Requests` observes them), and the
figures of the service's state read by the probes at each scrape (`state.Operations`).
Each application keeps its own registry (several may run in one process: the tests)."""

from __future__ import annotations

from collections.abc import Iterator

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

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """One request answered (`route`: its template)."""
        self.requests.labels(method, route, str(status)).observe(seconds)

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
