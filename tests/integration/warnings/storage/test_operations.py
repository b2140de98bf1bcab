"""The warnings' figures for the operators, on SQLite and PostgreSQL: the age of the last
station observation ingested (none before the first file), the webhook deliveries by
status (every status named, zero when none)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from govops.warnings.storage.operations import delivery_figures, observation_figures
from govops.warnings.storage.series import weather_ingestions

NOW = datetime(2026, 7, 20, 8, 0, tzinfo=UTC)


def ingested(engine: Engine, last: datetime | None) -> None:
    row = {"source": "feed.csv", "recorded_at": NOW, "first": last, "last": last, "report": {}}
    with engine.begin() as connection:
        connection.execute(insert(weather_ingestions).values(**row))


def test_the_last_observation_is_the_latest_minute_of_any_file(engine: Engine) -> None:
    assert observation_figures(engine, NOW) == []
    ingested(engine, NOW - timedelta(minutes=7))
    ingested(engine, NOW - timedelta(hours=3))  # an older file ingested later
    ingested(engine, None)  # a file with no observation in it
    [age] = observation_figures(engine, NOW)
    assert (age.name, age.value) == ("govops_station_observation_age_seconds", 420.0)


def test_every_delivery_status_is_counted_even_at_zero(engine: Engine) -> None:
    found = {f.name: (f.value, f.counter) for f in delivery_figures(engine)}
    assert found == {
        "govops_webhook_deliveries_pending": (0.0, False),
        "govops_webhook_deliveries_dead": (0.0, False),
        "govops_webhook_deliveries_delivered": (0.0, True),
    }
