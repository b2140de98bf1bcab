"""Verifying the record: every declared stream read in chain order from one consistent
snapshot and checked (`verify.ChainCheck`) against the register of heads, the checkpoint
log and, when given, a signed checkpoint. Reading is here; the checking is pure."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from govops.platform.storage.chain import (
    CHECKPOINTS,
    Stream,
    registered_heads,
    stored_links,
)
from govops.platform.storage.database import READ_SNAPSHOT
from govops.platform.storage.verify import ChainCheck, Head, Recorded, StreamReport


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only connection that sees one moment of the database while writers go on:
    REPEATABLE READ on PostgreSQL, a deferred (reading) transaction on SQLite's WAL."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        else:
            connection.execution_options(**{READ_SNAPSHOT: True})
        try:
            yield connection
        finally:
            connection.rollback()


def verify_record(
    connection: Connection,
    chained: Sequence[Stream],
    signed: Mapping[str, Head] | None = None,
) -> list[StreamReport]:
    """A report per stream (by name, the checkpoint log last)."""
    register = registered_heads(connection)
    recorded = Recorded()
    if signed:
        recorded.note_signed(signed)
    log = ChainCheck(
        CHECKPOINTS.name, register.get(CHECKPOINTS.name), None, recorded.of(CHECKPOINTS.name)
    )
    for link in stored_links(connection, CHECKPOINTS):
        log.feed(link)
        recorded.note_logged(link.content)
    reports = []
    for stream in sorted(chained, key=lambda s: s.name):
        if stream.name == CHECKPOINTS.name:
            continue
        name = stream.name
        check = ChainCheck(name, register.get(name), recorded.logged.get(name), recorded.of(name))
        reports.append(check.feed_all(stored_links(connection, stream)))
    return [*reports, log.finish()]


def heads_of(reports: Sequence[StreamReport]) -> dict[str, Head]:
    """The heads of verified streams, as a signed checkpoint records them."""
    return {report.stream: Head(report.length, report.head) for report in reports}
