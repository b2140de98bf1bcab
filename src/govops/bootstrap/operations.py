"""The operators' part of the composition root: what /ready and /metrics read (the
database and its schema, each module's queues, the last station observation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from govops.incidents.storage.operations import outbox_figures
from govops.platform.operations.state import Operations
from govops.platform.storage.schema_state import schema_state
from govops.warnings.storage.operations import delivery_figures, observation_figures


def build_operations(engine: Engine, clock: Callable[[], datetime]) -> Operations:
    return Operations(
        schema=lambda: schema_state(engine),
        probes={
            "incident_outbox": lambda: outbox_figures(engine),
            "webhook_deliveries": lambda: delivery_figures(engine),
            "station_observations": lambda: observation_figures(engine, clock()),
        },
    )
