"""The SQL repositories keep the contract of tests/fakes.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import Engine, inspect

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.model.intake import MAX_KEY
from govops.incidents.ports import ConcurrentUpdateError, KeyUse, Notification
from govops.incidents.storage.incident import SqlUnitOfWork
from govops.platform.storage import database

BEIJING = timezone(timedelta(hours=8))
AT = datetime(2026, 6, 1, 9, 30, 15, 123456, tzinfo=BEIJING)
DATA = {
    "summary": "城区房屋拆迁,1200人到县政府集体上访",
    "nested": {"list": [1, 2.5, "三"], "none": None, "flag": True},
    "order": {"z": 1, "a": 2, "m": 3},
}

NewUow = Callable[[], SqlUnitOfWork]


def event(incident: str, seq: int, kind: EventKind = EventKind.FOLLOW_UP, **extra: object) -> Event:
    at = AT + timedelta(minutes=seq)
    return Event(incident, seq, kind, at, "值班员 李四", {**DATA, "seq": seq, **extra})


def report(incident: str, at: datetime = AT) -> Event:
    return Event(incident, 1, EventKind.REPORTED, at, "值班员", dict(DATA))


def commit_events(new_uow: NewUow, events: list[Event]) -> None:
    with new_uow() as uow:
        uow.incidents.append(events)
        uow.commit()


def test_events_come_back_in_order_with_aware_times_and_json_intact(new_uow: NewUow) -> None:
    written = [report("a"), event("a", 3), event("a", 2, EventKind.REGRADED)]
    commit_events(new_uow, written)
    commit_events(new_uow, [report("b")])
    with new_uow() as uow:
        read = uow.incidents.events("a")
        assert uow.incidents.events("nobody") == []
    assert read == sorted(written, key=lambda e: e.seq)
    assert [e.kind for e in read] == [EventKind.REPORTED, EventKind.REGRADED, EventKind.FOLLOW_UP]
    assert all(e.at.utcoffset() == timedelta(0) for e in read)  # the same instants, in UTC
    assert read[0].at == AT and read[0].at.microsecond == 123456
    assert read[0].data == DATA and list(read[0].data["order"]) == ["z", "a", "m"]
    assert read[0].actor == "值班员"


def test_naive_times_are_refused(new_uow: NewUow) -> None:
    naive = Event("a", 1, EventKind.REPORTED, datetime(2026, 6, 1, 9, 30), "x", {})
    with new_uow() as uow, pytest.raises(Exception, match="timezone-aware"):
        uow.incidents.append([naive])


def test_a_taken_seq_is_a_concurrent_update(new_uow: NewUow) -> None:
    commit_events(new_uow, [report("a"), event("a", 2)])
    with new_uow() as uow:
        with pytest.raises(ConcurrentUpdateError, match="a seq 2"):
            uow.incidents.append([event("a", 2, note="late")])
        uow.incidents.append([event("a", 3)])  # the unit of work is still usable
        uow.commit()
    with new_uow() as uow:
        assert [e.seq for e in uow.incidents.events("a")] == [1, 2, 3]
        assert "note" not in uow.incidents.events("a")[1].data


def test_a_seq_twice_in_one_unit_of_work_is_refused(new_uow: NewUow) -> None:
    with new_uow() as uow:
        uow.incidents.append([report("a")])
        with pytest.raises(ConcurrentUpdateError):
            uow.incidents.append([event("a", 2), event("a", 2)])
        uow.commit()
    with new_uow() as uow:
        assert [e.seq for e in uow.incidents.events("a")] == [1]


def test_work_not_committed_is_rolled_back(new_uow: NewUow) -> None:
    with new_uow() as uow:
        uow.incidents.append([report("a")])
        uow.incidents.remember_key("甲", "k", KeyUse("a"))
        uow.outbox.add([notice("a")])
    with pytest.raises(RuntimeError), new_uow() as uow:
        uow.incidents.append([report("b")])
        raise RuntimeError("the use case failed")
    with new_uow() as uow:
        assert uow.incidents.events("a") == []
        assert uow.incidents.events("b") == []
        assert uow.incidents.incident_ids() == []
        assert uow.incidents.incident_for_key("甲", "k") is None
        assert uow.outbox.pending() == []


def test_idempotency_keys_are_each_users_own(new_uow: NewUow) -> None:
    with new_uow() as uow:
        assert uow.incidents.incident_for_key("li", "request-1") is None
        uow.incidents.append([report("a")])
        uow.incidents.remember_key("li", "request-1", KeyUse("a", "hash-a"))
        uow.commit()
    with new_uow() as uow:
        assert uow.incidents.incident_for_key("li", "request-1") == KeyUse("a", "hash-a")
        assert uow.incidents.incident_for_key("li", "request-2") is None
        assert uow.incidents.incident_for_key("wang", "request-1") is None
        with pytest.raises(ConcurrentUpdateError, match="request-1"):
            uow.incidents.remember_key("li", "request-1", KeyUse("b", "hash-b"))
    with new_uow() as uow:
        uow.incidents.append([report("b")])
        uow.incidents.remember_key("wang", "request-1", KeyUse("b", "hash-b"))
        uow.commit()
    with new_uow() as uow:
        assert uow.incidents.incident_for_key("li", "request-1") == KeyUse("a", "hash-a")
        assert uow.incidents.incident_for_key("wang", "request-1") == KeyUse("b", "hash-b")


def test_the_longest_key_of_the_longest_user_name_is_kept(new_uow: NewUow) -> None:
    owner, key = "u" * 50, "k" * MAX_KEY
    with new_uow() as uow:
        uow.incidents.append([report("a")])
        uow.incidents.remember_key(owner, key, KeyUse("a", "h" * 64))
        uow.commit()
    with new_uow() as uow:
        assert uow.incidents.incident_for_key(owner, key) == KeyUse("a", "h" * 64)


def notice(incident: str, seq: int = 1, department: str = "public_security") -> Notification:
    payload = {"event": "reported", "incident": incident, "name": "县公安局", "code": department}
    return Notification(incident, seq, department, AT, payload)


def test_outbox_leased_then_delivered_or_failed(new_uow: NewUow) -> None:
    with new_uow() as uow:
        uow.outbox.add([notice("a"), notice("a", department="finance")])
        uow.outbox.add([notice("b", seq=2)])
        uow.commit()
    lease = AT + timedelta(minutes=2)
    with new_uow() as uow:
        pending = uow.outbox.pending()
        assert [(n.incident_id, n.seq, n.department) for n in pending] == [
            ("a", 1, "public_security"),
            ("a", 1, "finance"),
            ("b", 2, "public_security"),
        ]
        assert all(n.id is not None and n.delivered_at is None for n in pending)
        assert pending[0].payload == notice("a").payload and pending[0].created_at == AT
        assert uow.outbox.claim(AT, lease, "w1", limit=2) == pending[:2]
        assert uow.outbox.claim(AT, lease, "w2", limit=5) == pending[2:]  # not the held two
        assert uow.outbox.claim(AT, lease, "w3", limit=5) == []
        uow.commit()
    first, second, third = (n.id or 0 for n in pending)
    with new_uow() as uow:
        assert not uow.outbox.delivered(first, "w2", AT)  # not w2's lease
        assert uow.outbox.delivered(first, "w1", AT + timedelta(seconds=5))
        assert not uow.outbox.delivered(first, "w1", AT)  # once
        assert uow.outbox.failed(second, "w1", retry_at=AT + timedelta(minutes=5))
        assert not uow.outbox.delivered(10_000, "w1", AT)  # unknown: nothing happens
        uow.commit()
    with new_uow() as uow:
        assert [n.id for n in uow.outbox.pending()] == [second, third]
        # w2's lease holds until it runs out (2 minutes); the failed one waits 5
        assert uow.outbox.claim(AT + timedelta(minutes=1), lease, "w4", 5) == []
        three = AT + timedelta(minutes=3)
        taken_over = uow.outbox.claim(three, three + timedelta(minutes=10), "w4", 5)
        assert [n.id for n in taken_over] == [third]
        retried = uow.outbox.claim(AT + timedelta(minutes=5), lease, "w5", 5)
        assert [n.id for n in retried] == [second]
        uow.commit()


def test_incident_ids_newest_report_first(new_uow: NewUow) -> None:
    commit_events(new_uow, [report("old", AT)])
    commit_events(new_uow, [report("newest", AT + timedelta(days=2))])
    commit_events(new_uow, [report("middle", datetime(2026, 6, 2, 3, tzinfo=UTC))])
    commit_events(new_uow, [event("old", 2)])  # later events do not move an incident
    with new_uow() as uow:
        assert uow.incidents.incident_ids() == ["newest", "middle", "old"]


def test_a_unit_of_work_is_not_entered_twice_at_once(new_uow: NewUow) -> None:
    uow = new_uow()
    with uow:
        pass
    with uow:  # entered again after exit: a fresh connection
        assert uow.incidents.incident_ids() == []
    with uow, pytest.raises(RuntimeError):
        uow.__enter__()


def test_migration_0014_leases_the_outbox_and_goes_down_and_up_again(
    engine: Engine, new_uow: NewUow
) -> None:
    def columns() -> set[str]:
        return {c["name"] for c in inspect(engine).get_columns("outbox")}

    def move(revision: str, down: bool = False) -> None:
        with engine.begin() as connection:
            config = database.alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)

    assert {"lease_until", "lease_token", "attempts"} <= columns()
    with new_uow() as uow:
        uow.outbox.add([notice("kept")])
        uow.commit()
    move("0013", down=True)
    assert not {"lease_until", "lease_token", "attempts"} & columns()
    move("head")
    with new_uow() as uow:  # the notification written before stays, free to be claimed
        claimed = uow.outbox.claim(AT, AT + timedelta(minutes=1), "w", 5)
        assert [n.incident_id for n in claimed] == ["kept"]
