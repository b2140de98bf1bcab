"""The warning use cases over the real storage on a SQLite file: recording is one
transaction (event, alert, publish log, deliveries), a repeated record is a no-op,
subscriptions are checked (the URL policy over the test's DNS) and given their signing
secret once, and the queries answer by area and period in Beijing time."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Table, func, select
from sqlalchemy.exc import OperationalError

from govops.platform.storage.database import make_engine, migrate
from govops.warnings.model.warning import WarningEvent
from govops.warnings.ports import DeliveryStatus, Publication
from govops.warnings.service.warning import (
    FEED,
    WarningInputError,
    WarningNotFoundError,
    WarningService,
)
from govops.warnings.storage.tables import warning_events, webhook_deliveries
from govops.warnings.storage.warning import SqlDeliveries, warning_unit_of_work_factory
from tests.fakes import Clock
from tests.unit.warnings.outbox_support import (
    BEIJING,
    BY,
    DISTRICT,
    OTHER_STREET,
    START,
    STREET,
    Dns,
    area_names,
    guard,
    real_alert,
    storm,
)

NOW = START + timedelta(minutes=30)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def service(engine: Engine) -> WarningService:
    uow = warning_unit_of_work_factory(engine)
    dns = Dns({"intranet.example": ["10.1.2.3"], "rebind.example": ["127.0.0.1"]})
    return WarningService(uow, Clock(NOW), real_alert(), area_names(), guard=guard(dns))


def _count(engine: Engine, table: Table) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def test_record_stores_the_event_its_alert_its_publication_and_its_deliveries(
    service: WarningService,
) -> None:
    everyone = service.subscribe("https://all.example/", unit=DISTRICT, by=BY)
    orange_up = service.subscribe(
        "https://example.org/hook", [STREET], "orange", unit=DISTRICT, by=BY
    )
    elsewhere = service.subscribe("https://example.org/other", [OTHER_STREET], unit=DISTRICT, by=BY)
    issue, upgrade, cancel = storm(["blue", "orange", None])

    assert service.record([issue, upgrade, cancel]) == [issue, upgrade, cancel]

    assert service.alert(upgrade.identifier) == real_alert()(upgrade)
    assert service.publications() == [
        Publication(e.identifier, FEED, NOW) for e in (issue, upgrade, cancel)
    ]
    wanted = {(d.identifier, d.subscription_id) for d in service.deliveries()}
    assert wanted == {
        (issue.identifier, everyone.id),
        (upgrade.identifier, everyone.id),
        (cancel.identifier, everyone.id),
        (upgrade.identifier, orange_up.id),  # blue -> orange reaches orange
        (cancel.identifier, orange_up.id),  # orange -> none: it hears the all-clear
    }
    assert elsewhere.id not in {d.subscription_id for d in service.deliveries()}
    pending = service.deliveries(status=DeliveryStatus.PENDING)
    assert len(pending) == 5
    assert {(d.attempts, d.next_attempt_at) for d in pending} == {(0, NOW)}


def test_recording_again_records_nothing_twice(service: WarningService, engine: Engine) -> None:
    service.subscribe("https://example.org/hook", unit=DISTRICT, by=BY)
    events = storm(["yellow", "red"])
    service.record(events[:1])
    assert service.record(events) == events[1:]  # the first is stored already
    assert service.record(events) == []
    assert _count(engine, warning_events) == 2
    assert _count(engine, webhook_deliveries) == 2
    assert len(service.publications()) == 2


def test_an_event_is_never_stored_without_its_deliveries(
    service: WarningService, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database fails while queueing the second event's deliveries: nothing of the
    batch stays, not the first event, its log line nor its deliveries."""
    service.subscribe("https://example.org/hook", unit=DISTRICT, by=BY)
    events = storm(["blue", "orange"])
    enqueue = SqlDeliveries.enqueue
    calls: list[str] = []

    def failing_second(self: SqlDeliveries, identifier: str, *args: Any) -> None:
        calls.append(identifier)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        enqueue(self, identifier, *args)

    monkeypatch.setattr(SqlDeliveries, "enqueue", failing_second)
    with pytest.raises(OperationalError):
        service.record(events)
    assert (_count(engine, warning_events), _count(engine, webhook_deliveries)) == (0, 0)
    assert service.publications() == []
    monkeypatch.setattr(SqlDeliveries, "enqueue", enqueue)
    assert service.record(events) == events
    assert _count(engine, webhook_deliveries) == 2


def test_an_alert_that_cannot_be_written_stores_nothing(
    service: WarningService, engine: Engine
) -> None:
    events = storm(["blue"])
    unknown = storm(["red"], area="999999999")  # no such area to name in the alert
    with pytest.raises(WarningInputError, match="area"):
        service.record([*events, *unknown])
    assert _count(engine, warning_events) == 0


def test_current_lists_every_known_area_with_its_last_event(service: WarningService) -> None:
    service.record(storm(["blue", "orange"]))
    service.record(storm(["red", None], area=OTHER_STREET))
    current = {c.area: c for c in service.current()}
    assert list(current)[:3] == ["110102", STREET, OTHER_STREET]  # the pack's order
    assert len(current) == 16
    assert current[STREET].level == "orange"
    assert current[STREET].name["zh-Hans"] == "西长安街街道"
    assert current[OTHER_STREET].level is None  # cancelled
    assert current[OTHER_STREET].event is not None
    assert current["110102"].event is None  # never warned
    event = current[STREET].event
    assert event is not None and event.at.tzinfo == BEIJING


def test_history_by_area_and_period(service: WarningService) -> None:
    street = storm(["blue", "yellow", "orange", None])
    other = storm(["blue", None], area=OTHER_STREET)
    service.record([*street, *other])
    assert service.history(STREET) == street
    assert [e.at.tzinfo for e in service.history()] == [BEIJING] * 6
    period = service.history(STREET, START + timedelta(minutes=1), START + timedelta(minutes=3))
    assert period == street[1:3]  # from included, to excluded
    assert service.history(start=START + timedelta(minutes=2)) == street[2:]
    # the trace comes back exactly: stations, Decimal millimetres, clause and citation
    assert service.history(STREET)[2].step == street[2].step


def test_history_refuses_a_period_that_ends_before_it_starts(service: WarningService) -> None:
    with pytest.raises(WarningInputError, match="after"):
        service.history(STREET, START, START)


def test_history_refuses_an_unknown_area(service: WarningService) -> None:
    with pytest.raises(WarningInputError, match="unknown area") as refused:
        service.history("110102999")
    assert refused.value.field == "area"


def test_an_unknown_alert_is_not_found(service: WarningService) -> None:
    with pytest.raises(WarningNotFoundError):
        service.alert("1101020010000012026072014000001")


@pytest.mark.parametrize(
    ("url", "areas", "level", "field"),
    [
        ("ftp://example.org/x", [], "blue", "url"),
        ("file:///etc/passwd", [], "blue", "url"),
        ("https://user:secret@example.org/x", [], "blue", "url"),
        ("https://example.org/a b", [], "blue", "url"),
        ("http://example.org/x", [], "blue", "url"),
        ("https://example.org:8443/x", [], "blue", "url"),
        ("https://127.1/x", [], "blue", "url"),
        ("https://[::ffff:10.0.0.1]/x", [], "blue", "url"),
        ("https://intranet.example/x", [], "blue", "url"),
        ("https://rebind.example/x", [], "blue", "url"),
        ("https://example.org/x", ["999"], "blue", "areas"),
        ("https://example.org/x", [], "purple", "min_level"),
    ],
)
def test_a_bad_subscription_is_refused_by_field(
    service: WarningService, url: str, areas: list[str], level: str, field: str
) -> None:
    with pytest.raises(WarningInputError) as refused:
        service.subscribe(url, areas, level, unit=DISTRICT, by=BY)
    assert refused.value.field == field
    assert service.subscriptions() == []


def test_a_refused_url_says_why_without_the_address() -> None:
    dns = Dns({"intranet.example": ["10.1.2.3"]})
    with pytest.raises(WarningInputError) as refused:
        WarningService(_no_storage, Clock(NOW), real_alert(), guard=guard(dns)).subscribe(
            "https://intranet.example/x", unit=DISTRICT, by=BY
        )
    said = str(refused.value.message)
    assert "private network address" in said and "10.1.2.3" not in said


def _no_storage() -> Any:
    raise AssertionError("a refused subscription touches no storage")


def test_the_secret_is_given_when_subscribing_and_never_read_back(
    service: WarningService,
) -> None:
    subscription = service.subscribe("https://example.org/hook", unit=DISTRICT, by=BY)
    assert subscription.secret is not None
    assert subscription.secret.startswith("whsec_")
    assert len(base64.b64decode(subscription.secret.removeprefix("whsec_"))) == 32
    assert subscription.secret not in repr(subscription)
    (listed,) = service.subscriptions()
    assert listed.secret is None and service.subscription(subscription.id).secret is None
    other = service.subscribe("https://example.org/other", unit=DISTRICT, by=BY)
    assert other.secret != subscription.secret


def test_a_secret_is_rotated_for_an_active_subscription_only(service: WarningService) -> None:
    subscription = service.subscribe("https://example.org/hook", unit=DISTRICT, by=BY)
    rotated = service.rotate_secret(subscription.id, BY)
    assert rotated.startswith("whsec_") and rotated != subscription.secret
    service.unsubscribe(subscription.id, BY)
    for missing in (subscription.id, "nope"):
        with pytest.raises(WarningNotFoundError):
            service.rotate_secret(missing, BY)
        with pytest.raises(WarningNotFoundError):
            service.subscription(missing)


def test_unsubscribing_drops_pending_deliveries_and_new_events_skip_it(
    service: WarningService,
) -> None:
    gone = service.subscribe("https://example.org/gone", unit=DISTRICT, by=BY)
    kept = service.subscribe("https://example.org/kept", unit=DISTRICT, by=BY)
    first, second = storm(["blue", "yellow"])
    service.record([first])
    assert service.unsubscribe(gone.id, BY) == 1
    service.record([second])
    assert service.subscriptions() == [kept]
    dead = service.deliveries(status=DeliveryStatus.DEAD)
    assert [(d.identifier, d.subscription_id, d.last_error) for d in dead] == [
        (first.identifier, gone.id, "subscription removed")
    ]
    assert {d.subscription_id for d in service.deliveries(second.identifier)} == {kept.id}
    with pytest.raises(WarningNotFoundError):
        service.unsubscribe(gone.id, BY)


def _kinds(events: list[WarningEvent]) -> list[str]:
    return [e.kind.value for e in events]


def test_a_subscriber_hears_of_changes_that_cross_its_minimum(service: WarningService) -> None:
    """min orange: the issue at orange, the downgrade to yellow (the warning fell below
    it), not the later cancel of the yellow warning nor a blue issue."""
    orange = service.subscribe(
        "https://example.org/orange", min_level="orange", unit=DISTRICT, by=BY
    )
    events = storm(["orange", "yellow", None, "blue"])
    service.record(events)
    heard = {d.identifier for d in service.deliveries() if d.subscription_id == orange.id}
    assert _kinds([e for e in events if e.identifier in heard]) == ["issue", "downgrade"]
