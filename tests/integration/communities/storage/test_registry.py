"""The community registry on the real database (SQLite, and PostgreSQL when configured):
migration 0012, append-only events with a unique (community, seq), chained and verified."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from govops.communities.model.registry import Event, EventKind
from govops.communities.ports import RegistryConflictError
from govops.communities.storage.registry import (
    SqlCommunityUnitOfWork,
    community_unit_of_work_factory,
)
from govops.communities.storage.tables import community_events
from govops.platform.storage import database
from govops.platform.storage.audit import snapshot, verify_record
from govops.platform.storage.chain import CHECKPOINTS, registered_heads, streams
from govops.platform.storage.verify import Head, StreamReport

AT = datetime(2026, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
ACTOR = "wangfang@community-001"
FACTS = {"households": 3120, "occupancy": "87.5", "as_of": "2026-05-31"}
COMMITTEE = {"id": "o1", "kind": "committee", "name": "幸福社区居民委员会", "formed": "2024-01-10"}
MEMBER = {
    "id": "m1",
    "name": "张三",
    "birth_date": "1980-03-02",
    "retired": False,
    "residence": None,
}
POST = {"member": "m1", "organisation": "o1", "role": "director", "start": "2024-01-10"}


@pytest.fixture
def community_uow(engine: Engine) -> Callable[[], SqlCommunityUnitOfWork]:
    return community_unit_of_work_factory(engine)


def event(community: str, seq: int, kind: EventKind, data: dict[str, Any]) -> Event:
    return Event(community, seq, kind, data, ACTOR, AT + timedelta(minutes=seq))


def verify(engine: Engine) -> dict[str, StreamReport]:
    with snapshot(engine) as connection:
        return {r.stream: r for r in verify_record(connection, streams())}


def test_migration_0012_adds_the_chained_events_table(engine: Engine) -> None:
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert scripts.get_revision("0012").down_revision == "0011"
    found = inspect(engine)
    assert "community_events" in found.get_table_names()
    keys = found.get_pk_constraint("community_events")["constrained_columns"]
    assert keys == ["community", "seq"]
    indexes = {i["name"]: i for i in found.get_indexes("community_events")}
    chain = indexes["ix_community_events_chain_seq"]
    assert chain["column_names"] == ["chain_seq"] and chain["unique"]
    assert "community_events" in {s.name for s in streams()}


def test_events_of_every_kind_round_trip_in_seq_order(
    community_uow: Callable[[], SqlCommunityUnitOfWork],
) -> None:
    recorded = [
        event("c1", 1, EventKind.FACTS, FACTS),
        event("c1", 2, EventKind.ORGANISATION, COMMITTEE),
        event("c1", 3, EventKind.MEMBER, MEMBER),
        event("c1", 4, EventKind.POST, POST),
        event("c1", 5, EventKind.KINSHIP, {"a": "m1", "b": "m2", "relation": "sibling"}),
    ]
    with community_uow() as uow:
        uow.communities.append([recorded[2], recorded[0], recorded[1]])  # not in seq order
        uow.communities.append(recorded[3:])
        uow.commit()
    with community_uow() as uow:
        events = uow.communities.events("c1")
        assert uow.communities.events("nowhere") == []
    assert events == recorded  # kinds as EventKind, data kept as JSON, times equal
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert all(type(e.kind) is EventKind for e in events)
    assert events[0].recorded_at.tzinfo == UTC
    assert events[0].recorded_at == datetime(2026, 6, 1, 1, 31, tzinfo=UTC)
    assert events[2].data == MEMBER and events[2].data["residence"] is None


def test_communities_lists_each_code_once_in_order(
    community_uow: Callable[[], SqlCommunityUnitOfWork],
) -> None:
    with community_uow() as uow:
        assert uow.communities.communities() == []
        uow.communities.append([event("c2", 1, EventKind.FACTS, FACTS)])
        uow.communities.append([event("c1", 1, EventKind.FACTS, FACTS)])
        uow.communities.append([event("c2", 2, EventKind.ORGANISATION, COMMITTEE)])
        uow.commit()
    with community_uow() as uow:
        assert uow.communities.communities() == ["c1", "c2"]


def test_a_taken_seq_is_refused_and_the_unit_of_work_stays_usable(
    community_uow: Callable[[], SqlCommunityUnitOfWork], engine: Engine
) -> None:
    first = event("c1", 1, EventKind.FACTS, FACTS)
    with community_uow() as uow:
        uow.communities.append([first])
        uow.commit()
    with community_uow() as uow:
        with pytest.raises(RegistryConflictError, match="already taken: c1 seq 1"):
            uow.communities.append([event("c1", 1, EventKind.ORGANISATION, COMMITTEE)])
        uow.communities.append([event("c1", 2, EventKind.ORGANISATION, COMMITTEE)])
        uow.commit()
    with community_uow() as uow:
        assert [(e.seq, e.kind) for e in uow.communities.events("c1")] == [
            (1, EventKind.FACTS),
            (2, EventKind.ORGANISATION),
        ]
    reports = verify(engine)  # the refused append left neither row nor head behind
    assert all(report.whole for report in reports.values())
    assert reports["community_events"].length == 2


def test_nothing_is_kept_without_a_commit(
    community_uow: Callable[[], SqlCommunityUnitOfWork], engine: Engine
) -> None:
    with community_uow() as uow:
        uow.communities.append([event("c1", 1, EventKind.FACTS, FACTS)])
    with community_uow() as uow:
        assert uow.communities.events("c1") == [] and uow.communities.communities() == []
    with engine.connect() as connection:
        assert "community_events" not in registered_heads(connection)


def test_the_events_are_a_chained_stream_that_verifies(
    community_uow: Callable[[], SqlCommunityUnitOfWork], engine: Engine
) -> None:
    with community_uow() as uow:
        uow.communities.append([event("c1", 1, EventKind.FACTS, FACTS)])
        uow.communities.append([event("c2", 1, EventKind.MEMBER, MEMBER)])
        uow.commit()
    with community_uow() as uow:
        uow.communities.append([event("c1", 2, EventKind.POST, POST)])
        uow.commit()
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    ours = reports[community_events.name]
    assert ours.length == 3 and ours.broken is None
    with engine.connect() as connection:
        heads = registered_heads(connection)
    assert heads[community_events.name] == Head(3, ours.head)
    assert reports[CHECKPOINTS.name].length == 3  # one checkpoint per append
