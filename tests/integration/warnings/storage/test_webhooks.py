"""Migration 0006 on a database holding subscriptions and failed deliveries from before:
each subscription gets a signing secret of its own (so every delivery is signed; its
subscriber rotates it to learn it), and the failures recorded in words (which could name
internal hosts and ports) keep only their category. Migration 0010: a subscription belongs
to a unit (none for those made before), and who subscribed, set its secret and removed it
is recorded as the signed-in user at their unit."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import Engine, insert, select

from govops.platform.storage.database import alembic_config, make_engine, migrate
from govops.warnings.ports import step_to_json
from govops.warnings.service.warning import WarningService
from govops.warnings.storage.tables import (
    warning_events,
    webhook_deliveries,
    webhook_secrets,
    webhook_subscriptions,
)
from govops.warnings.storage.warning import warning_unit_of_work_factory
from tests.fakes import Clock
from tests.unit.warnings.outbox_support import (
    BY,
    START,
    STREET,
    Dns,
    area_names,
    guard,
    real_alert,
    storm,
)

NOW = START + timedelta(hours=1)
STAFF = "street@110102001"
OLD_ERRORS = {
    "HTTP 503 Service Unavailable": "http-503",
    "cannot reach the subscriber: [Errno 111] Connection refused": "error",
    "TimeoutError: timed out": "timeout",
    "ConnectionResetError: [Errno 104] 10.0.0.8:8443": "error",
    "subscription removed": "subscription removed",
}


@pytest.fixture
def engine_at_0005(database_url: str) -> Iterator[Engine]:
    """SQLite, and PostgreSQL when the tests have one (tests/integration/conftest.py)."""
    engine = make_engine(database_url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    yield engine
    engine.dispose()


def test_0006_gives_each_subscription_a_secret_and_keeps_failures_as_categories(
    engine_at_0005: Engine,
) -> None:
    engine = engine_at_0005
    (event,) = storm(["orange"])
    with engine.begin() as connection:
        row = {  # as 0005 stored it: no chain columns yet (those come with 0007)
            "identifier": event.identifier,
            "warning_id": event.warning_id,
            "area": event.area,
            "seq": event.seq,
            "kind": event.kind.value,
            "level": event.level,
            "previous": event.previous,
            "at": event.at,
            "referenced": list(event.references),
            "trace": step_to_json(event.step),
            "cap": real_alert()(event),
            "recorded_at": NOW,
        }
        connection.execute(insert(warning_events), [row])
        subscriptions = [
            {"id": f"s{i}", "url": f"https://s{i}.example/", "areas": [], "min_level": "blue"}
            | {"active": True, "created_at": NOW}
            for i in range(len(OLD_ERRORS))
        ]
        connection.execute(insert(webhook_subscriptions), subscriptions)
        deliveries = [
            {"identifier": event.identifier, "subscription_id": f"s{i}", "status": "pending"}
            | {"attempts": 1, "created_at": NOW, "next_attempt_at": NOW, "last_error": error}
            for i, error in enumerate(OLD_ERRORS)
        ]
        connection.execute(insert(webhook_deliveries), deliveries)

    migrate(engine)

    with engine.connect() as connection:
        secrets = dict(
            connection.execute(
                select(webhook_secrets.c.subscription_id, webhook_secrets.c.secret)
            ).all()
        )
        errors = list(
            connection.scalars(
                select(webhook_deliveries.c.last_error).order_by(webhook_deliveries.c.id)
            )
        )
    assert sorted(secrets) == [s["id"] for s in subscriptions]
    assert len(set(secrets.values())) == len(secrets)
    for secret in secrets.values():
        assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert errors == list(OLD_ERRORS.values())
    with warning_unit_of_work_factory(engine)() as uow:
        claims = uow.deliveries.claim(NOW, NOW + timedelta(minutes=1), "w", 10)
    assert {c.subscription_id: c.secret for c in claims} == secrets
    with warning_unit_of_work_factory(engine)() as uow:
        old = uow.subscriptions.get("s0")
    assert old is not None and (old.unit, old.created_by) == (None, "")


def test_who_subscribed_set_the_secret_and_removed_it_is_recorded(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    uow = warning_unit_of_work_factory(engine)
    service = WarningService(uow, Clock(NOW), real_alert(), area_names(), guard=guard(Dns()))
    made = service.subscribe("https://example.org/hook", [STREET], unit=STREET, by=STAFF)
    assert (made.unit, made.created_by) == (STREET, STAFF)
    assert service.subscription(made.id) == made
    with engine.connect() as connection:
        assert connection.scalar(select(webhook_secrets.c.set_by)) == STAFF
    service.rotate_secret(made.id, BY)
    with engine.connect() as connection:
        assert connection.scalar(select(webhook_secrets.c.set_by)) == BY
    service.unsubscribe(made.id, BY)
    with engine.connect() as connection:
        stored = connection.execute(select(webhook_subscriptions)).one()
    assert (stored.unit, stored.created_by, stored.removed_by) == (STREET, STAFF, BY)
    engine.dispose()
