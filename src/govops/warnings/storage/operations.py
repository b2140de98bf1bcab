"""The warnings' figures for the operators (/ready, /metrics): the webhook deliveries
pending, given up (dead) and delivered, and how old the last station observation is (the
latest minute of the files ingested: a feed that stopped shows here first)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, func, select

from govops.platform.operations.state import Figure
from govops.warnings.storage.series import weather_ingestions
from govops.warnings.storage.tables import webhook_deliveries

DELIVERY_HELP = {
    "pending": "Alert deliveries to webhooks not yet made (waiting or to be retried).",
    "dead": "Alert deliveries to webhooks given up after their last attempt.",
    "delivered": "Alert deliveries to webhooks made.",
}


def delivery_figures(engine: Engine) -> list[Figure]:
    status = webhook_deliveries.c.status
    with engine.connect() as connection:
        rows = connection.execute(select(status, func.count()).group_by(status)).all()
    counted: dict[str, int] = {name: count for name, count in rows}
    return [
        Figure(
            f"govops_webhook_deliveries_{name}",
            float(counted.get(name, 0)),
            words,
            counter=name == "delivered",
        )
        for name, words in DELIVERY_HELP.items()
    ]


def observation_figures(engine: Engine, now: datetime) -> list[Figure]:
    """The age of the last observation ingested (none before the first file)."""
    with engine.connect() as connection:
        last = connection.execute(select(func.max(weather_ingestions.c.last))).scalar()
    if last is None:
        return []
    return [
        Figure(
            "govops_station_observation_age_seconds",
            max(0.0, (now - last).total_seconds()),
            "Seconds since the last station observation ingested.",
        )
    ]
