"""Appending to chained streams on the real database (SQLite, and PostgreSQL when
configured): links and heads written with the rows, a refused append leaves no trace,
parallel appends (to one stream, to several, in opposite orders) keep every chain whole."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, select

from govops.cadres.storage.tables import cadre_entries
from govops.incidents.model.incident import Event, EventKind
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.storage.incident import unit_of_work_factory
from govops.incidents.storage.tables import incident_events
from govops.platform.storage.audit import snapshot, verify_record
from govops.platform.storage.canonical import GENESIS
from govops.platform.storage.chain import (
    CHECKPOINTS,
    ChainError,
    append,
    audit_heads,
    stream_of,
    streams,
)
from govops.platform.storage.verify import Head, StreamReport

AT = datetime(2026, 6, 1, 1, 30, tzinfo=UTC)
THREADS = 4
EACH = 5


def verify(engine: Engine) -> dict[str, StreamReport]:
    with snapshot(engine) as connection:
        return {r.stream: r for r in verify_record(connection, streams())}


def event(incident: str, seq: int = 1, actor: str = "x") -> Event:
    return Event(incident, seq, EventKind.REPORTED, AT, actor, {"n": seq})


def incident_row(incident: str) -> dict[str, object]:
    return {
        "incident_id": incident,
        "seq": 1,
        "kind": "reported",
        "at": AT,
        "actor": "x",
        "data": {},
    }


def entry_row(person: str) -> dict[str, object]:
    return {
        "person_id": person,
        "seq": 1,
        "kind": "position",
        "data": {},
        "actor": "x",
        "recorded_at": AT,
    }


def test_rows_are_linked_in_order_and_the_head_moves_with_them(engine: Engine) -> None:
    new_uow = unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.incidents.append([event("a"), event("b")])
        uow.incidents.append([event("a", 2)])
        uow.commit()
    query = select(incident_events.c.chain_seq, incident_events.c.prev_hash, incident_events.c.hash)
    with engine.connect() as connection:
        links = connection.execute(query.order_by(incident_events.c.chain_seq)).all()
        heads = dict(connection.execute(select(audit_heads.c.stream, audit_heads.c.length)).all())
    assert [seq for seq, _, _ in links] == [1, 2, 3]
    assert links[0].prev_hash == GENESIS
    assert [prev for _, prev, _ in links[1:]] == [digest for _, _, digest in links[:-1]]
    assert (heads["incident_events"], heads[CHECKPOINTS.name]) == (3, 2)  # one per append
    assert verify(engine)["incident_events"] == StreamReport(
        "incident_events", 3, links[-1].hash, None
    )


def test_a_refused_append_leaves_neither_row_nor_head(engine: Engine) -> None:
    new_uow = unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.incidents.append([event("a")])
        uow.commit()
    with new_uow() as uow:
        with pytest.raises(ConcurrentUpdateError):
            uow.incidents.append([event("b"), event("a")])  # (a, 1) is taken
        uow.incidents.append([event("c")])  # the savepoint kept the unit of work usable
        uow.commit()
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    assert (reports["incident_events"].length, reports[CHECKPOINTS.name].length) == (2, 2)


def test_a_stream_with_rows_but_no_head_refuses_to_grow(engine: Engine) -> None:
    unit_of_work_factory(engine)
    with engine.begin() as connection:
        append(connection, incident_events, [incident_row("a")])
        connection.execute(delete(audit_heads).where(audit_heads.c.stream == "incident_events"))
    with engine.begin() as connection, pytest.raises(ChainError, match="incident_events"):
        append(connection, incident_events, [incident_row("b")])


def test_a_table_that_is_not_a_stream_is_refused(engine: Engine) -> None:
    with pytest.raises(TypeError, match="audit_heads is not a chained stream"):
        stream_of(audit_heads)
    assert {s.name for s in streams()} >= {"incident_events", "cadre_entries", CHECKPOINTS.name}


def _in_threads(work: Callable[[int], None]) -> None:
    failures: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def run(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(number)
        except BaseException as error:  # shown by the assertion below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []


def test_parallel_appends_through_the_service_keep_the_chain_whole(engine: Engine) -> None:
    new_uow = unit_of_work_factory(engine)

    def work(number: int) -> None:
        for n in range(EACH):
            with new_uow() as uow:
                uow.incidents.append([event(f"t{number}-{n}"), event(f"t{number}-{n}", 2)])
                uow.commit()

    _in_threads(work)
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    assert reports["incident_events"].length == THREADS * EACH * 2
    assert reports[CHECKPOINTS.name].length == THREADS * EACH


def test_racing_for_one_seq_one_wins_and_the_chain_holds(engine: Engine) -> None:
    new_uow = unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.incidents.append([event("a")])
        uow.commit()
    won: list[int] = []

    def work(number: int) -> None:
        try:
            with new_uow() as uow:
                uow.incidents.append([event("a", 2, f"t{number}")])
                uow.commit()
            won.append(number)
        except ConcurrentUpdateError:
            pass

    _in_threads(work)
    assert len(won) == 1
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    assert reports["incident_events"].length == 2


def test_appends_to_two_streams_in_opposite_orders_never_deadlock(engine: Engine) -> None:
    """Every append takes the checkpoint log's head first, so one transaction appending
    to incidents then cadres and another to cadres then incidents take turns."""

    def work(number: int) -> None:
        for n in range(EACH):
            with engine.begin() as connection:
                rows = [
                    (incident_events, [incident_row(f"t{number}-{n}")]),
                    (cadre_entries, [entry_row(f"t{number}-{n}")]),
                ]
                for table, row in rows if number % 2 else reversed(rows):
                    append(connection, table, row)

    _in_threads(work)
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    counts = {name: reports[name].length for name in ("incident_events", "cadre_entries")}
    assert counts == {"incident_events": THREADS * EACH, "cadre_entries": THREADS * EACH}
    assert reports[CHECKPOINTS.name].length == 2 * THREADS * EACH
    assert Head(reports[CHECKPOINTS.name].length, reports[CHECKPOINTS.name].head) != Head(
        0, GENESIS
    )
