"""The incidents' figures for the operators (/ready, /metrics): notifications in the
outbox not yet delivered, and those delivered."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from govops.incidents.storage.tables import outbox
from govops.platform.operations.state import Figure


def outbox_figures(engine: Engine) -> list[Figure]:
    pending = func.count().filter(outbox.c.delivered_at.is_(None))
    delivered = func.count().filter(outbox.c.delivered_at.is_not(None))
    with engine.connect() as connection:
        waiting, done = connection.execute(select(pending, delivered)).one()
    return [
        Figure(
            "govops_incident_notifications_pending",
            float(waiting),
            "Notifications of incidents in the outbox, not yet delivered.",
        ),
        Figure(
            "govops_incident_notifications_delivered",
            float(done),
            "Notifications of incidents delivered.",
            counter=True,
        ),
    ]
