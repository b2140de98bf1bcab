"""Each chained stream filled through its module's own repository, then tampered with in
raw SQL as a database administrator could: `verify_record` names the first broken link of
that stream, and of no other (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.storage.incident import unit_of_work_factory
from govops.platform.storage.audit import heads_of, snapshot, verify_record
from govops.platform.storage.canonical import GENESIS, link_hash
from govops.platform.storage.chain import (
    CHECKPOINTS,
    audit_checkpoints,
    audit_heads,
    stream_of,
    streams,
)
from govops.platform.storage.verify import Break, Head, Problem, Source, StreamReport
from tests.integration.platform.storage.streams import AT, CASES, StreamCase

ROWS = 4


def verify(engine: Engine, signed: dict[str, Head] | None = None) -> dict[str, StreamReport]:
    with snapshot(engine) as connection:
        return {r.stream: r for r in verify_record(connection, streams(), signed)}


def broken_only(engine: Engine, name: str) -> Break:
    """The one broken stream is `name`: its first broken link."""
    reports = verify(engine)
    assert [stream for stream, r in reports.items() if not r.whole] == [name]
    found = reports[name].broken
    assert found is not None
    return found


def row_at(engine: Engine, case: StreamCase, chain_seq: int) -> dict[str, Any]:
    query = select(case.table).where(case.table.c.chain_seq == chain_seq)
    with engine.connect() as connection:
        return dict(connection.execute(query).mappings().one())


def key_of(case: StreamCase, row: dict[str, Any]) -> tuple[tuple[str, object], ...]:
    return tuple((name, row[name]) for name in stream_of(case.table).key)


def register(engine: Engine, name: str) -> Head:
    query = select(audit_heads.c.length, audit_heads.c.head).where(audit_heads.c.stream == name)
    with engine.connect() as connection:
        length, hashed = connection.execute(query).one()
    return Head(length, hashed)


@pytest.fixture(params=CASES, ids=[case.name for case in CASES])
def case(request: pytest.FixtureRequest, engine: Engine) -> StreamCase:
    chosen: StreamCase = request.param
    chosen.fill(engine, ROWS)
    return chosen


def test_every_stream_is_whole_as_written(case: StreamCase, engine: Engine) -> None:
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    assert reports[case.name].length == ROWS
    assert Head(ROWS, reports[case.name].head) == register(engine, case.name)
    assert reports[CHECKPOINTS.name].length >= ROWS  # a checkpoint per append at least


def test_content_changed(case: StreamCase, engine: Engine) -> None:
    column, value = case.edit
    with engine.begin() as connection:
        connection.execute(
            text(f"UPDATE {case.name} SET {column} = :value WHERE chain_seq = 2"), {"value": value}
        )
    row = row_at(engine, case, 2)
    assert broken_only(engine, case.name) == Break(Problem.CONTENT_ALTERED, 2, key_of(case, row))


def test_a_row_deleted(case: StreamCase, engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text(f"DELETE FROM {case.name} WHERE chain_seq = 3"))
    assert broken_only(engine, case.name) == Break(Problem.ROW_MISSING, 3)


def test_a_row_inserted_with_a_valid_link(case: StreamCase, engine: Engine) -> None:
    """The tamperer knows the algorithm and links the row to the head, but the register
    still holds the head it had."""
    stream = stream_of(case.table)
    row = row_at(engine, case, ROWS) | case.forge
    if stream.numbered_by:
        del row[stream.numbered_by]
    digest = link_hash(case.name, ROWS + 1, row["hash"], stream.content(row))
    row |= {"chain_seq": ROWS + 1, "prev_hash": row["hash"], "hash": digest}
    with engine.begin() as connection:
        connection.execute(insert(case.table), [row])
    before = Head(ROWS, row["prev_hash"])
    assert broken_only(engine, case.name) == Break(
        Problem.LONGER, ROWS + 1, key_of(case, row), Source.REGISTER, before
    )


def test_a_row_inserted_before_the_first(case: StreamCase, engine: Engine) -> None:
    stream = stream_of(case.table)
    row = row_at(engine, case, 1) | case.forge | {"chain_seq": 0}
    if stream.numbered_by:
        del row[stream.numbered_by]
    with engine.begin() as connection:
        connection.execute(insert(case.table), [row])
    found = broken_only(engine, case.name)
    assert (found.problem, found.chain_seq, found.key) == (
        Problem.ROW_OUT_OF_PLACE,
        0,
        key_of(case, row),
    )


def test_the_whole_stream_deleted(case: StreamCase, engine: Engine) -> None:
    recorded = register(engine, case.name)
    with engine.begin() as connection:
        connection.execute(delete(case.table))
    assert broken_only(engine, case.name) == Break(
        Problem.SHORTER, 1, None, Source.REGISTER, recorded
    )


def test_the_whole_stream_deleted_with_its_head(case: StreamCase, engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(delete(case.table))
        connection.execute(delete(audit_heads).where(audit_heads.c.stream == case.name))
    found = broken_only(engine, case.name)
    assert (found.problem, found.chain_seq, found.source) == (Problem.SHORTER, 1, Source.LOG)
    assert found.recorded is not None and found.recorded.length >= 1


def test_the_head_register_edited(case: StreamCase, engine: Engine) -> None:
    edited = update(audit_heads).where(audit_heads.c.stream == case.name)
    with engine.begin() as connection:
        connection.execute(edited.values(head="f" * 64))
    assert broken_only(engine, case.name) == Break(
        Problem.HEAD_ALTERED, ROWS, None, Source.REGISTER, Head(ROWS, "f" * 64)
    )


def test_the_checkpoint_log_edited(case: StreamCase, engine: Engine) -> None:
    edited = update(audit_checkpoints).where(audit_checkpoints.c.chain_seq == 1)
    with engine.begin() as connection:
        connection.execute(edited.values(head="e" * 64))
    reports = verify(engine)
    broken = reports[CHECKPOINTS.name].broken
    assert broken is not None and (broken.problem, broken.chain_seq) == (
        Problem.CONTENT_ALTERED,
        1,
    )


def test_a_rewrite_by_whoever_holds_the_database_is_caught_only_by_a_signed_checkpoint(
    case: StreamCase, engine: Engine
) -> None:
    """Cut the stream to one row and recompute the register and the whole checkpoint log:
    an unkeyed chain cannot tell; heads signed before, and kept elsewhere, can."""
    signed = heads_of(list(verify(engine).values()))
    with engine.begin() as connection:
        connection.execute(delete(case.table).where(case.table.c.chain_seq > 1))
        _recompute_register_and_log(connection)
    assert all(report.whole for report in verify(engine).values())
    reports = verify(engine, signed)
    found = reports[case.name].broken
    assert found is not None
    assert (found.problem, found.chain_seq, found.source) == (Problem.SHORTER, 2, Source.SIGNED)


def _recompute_register_and_log(connection: Connection) -> None:
    """What a tamperer who knows the algorithm does: a head per stream as its rows now end,
    and a checkpoint log rebuilt from those heads, every hash recomputed."""
    connection.execute(delete(audit_checkpoints))
    connection.execute(delete(audit_heads))
    prev, entries = GENESIS, list[dict[str, object]]()
    for stream in streams():
        if stream.name == CHECKPOINTS.name:
            continue
        table = stream.table
        last = connection.execute(
            select(table.c.chain_seq, table.c.hash).order_by(table.c.chain_seq.desc()).limit(1)
        ).first()
        head = Head(0, GENESIS) if last is None else Head(last[0], last[1])
        connection.execute(
            insert(audit_heads), [{"stream": stream.name, "length": head.length, "head": head.hash}]
        )
        if head.length:
            content = {"stream": stream.name, "length": head.length, "head": head.hash}
            seq = len(entries) + 1
            digest = link_hash(CHECKPOINTS.name, seq, prev, content)
            entries.append(content | {"chain_seq": seq, "prev_hash": prev, "hash": digest})
            prev = digest
    connection.execute(insert(audit_checkpoints), entries)
    length = connection.scalar(select(func.count()).select_from(audit_checkpoints))
    connection.execute(
        insert(audit_heads), [{"stream": CHECKPOINTS.name, "length": length, "head": prev}]
    )


def test_verifying_reads_one_snapshot_and_lets_writers_go_on(engine: Engine) -> None:
    """On SQLite the snapshot is a deferred (reading) transaction: a writer does not wait
    for the verification, and the verification does not see what it writes."""
    new_uow = unit_of_work_factory(engine)

    def report(incident: str) -> None:
        with new_uow() as uow:
            uow.incidents.append([Event(incident, 1, EventKind.REPORTED, AT, "x", {})])
            uow.commit()

    report("a")
    with snapshot(engine) as connection:
        before = verify_record(connection, streams())
        report("b")  # another connection, while the snapshot is open
        during = verify_record(connection, streams())
    assert during == before
    assert verify(engine)["incident_events"].length == 2
