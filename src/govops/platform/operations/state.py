"""Whether the service is ready, and the figures of its state, as probes read them.

Ready means the database answers and its schema is at the migrations' head (a server whose
schema is behind would fail on its first write). The figures (queues not yet delivered,
deliveries given up, the age of the last station observation) are read by probes the
composition root gives, each module's storage reading its own tables; a probe that fails
is named, not fatal: the answer still comes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

LOG = logging.getLogger("govops.operations")


@dataclass(frozen=True, slots=True)
class Figure:
    name: str  # as Prometheus names it: govops_incident_notifications_pending
    value: float
    help: str  # what it counts (the interface's own documentation: English)
    counter: bool = False  # a total that only grows; else a gauge
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Readiness:
    ready: bool
    checks: dict[str, str]  # a check -> "ok", or a word for what is wrong
    figures: list[Figure]
    failed_probes: list[str]  # probes that could not read their figures


Probe = Callable[[], list[Figure]]
SchemaCheck = Callable[[], dict[str, str]]  # database, migrations -> ok or what is wrong


@dataclass(frozen=True)
class Operations:
    schema: SchemaCheck
    probes: Mapping[str, Probe]  # by name

    def readiness(self) -> Readiness:
        checks = self.schema()
        figures, failed = self.figures()
        ready = all(state == "ok" for state in checks.values())
        return Readiness(ready, checks, figures, failed)

    def figures(self) -> tuple[list[Figure], list[str]]:
        found: list[Figure] = []
        failed = []
        for name, probe in self.probes.items():
            try:
                found += probe()
            except Exception:  # a table not there yet, a locked database: said, not fatal
                LOG.exception("the probe %s could not read its figures", name)
                failed.append(name)
        return found, failed


def figures_by_name(figures: Sequence[Figure]) -> dict[str, float]:
    """The figures as one mapping (labels joined into the name), for /ready's answer."""
    found = {}
    for figure in figures:
        labels = ",".join(f"{k}={v}" for k, v in sorted(figure.labels.items()))
        found[f"{figure.name}{{{labels}}}" if labels else figure.name] = figure.value
    return found
