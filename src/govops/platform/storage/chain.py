"""Hash-chained streams: the append-only tables whose every row is linked to the one before.

A stream is declared once, with `chained_table` in its module's `storage/tables.py`: the
table gets `chain_seq` (its row's place in the stream: 1, 2, ...; unique), `prev_hash` and
`hash` (`canonical.link_hash` over the stream's name, chain_seq, prev_hash and the row's
content: every other column, save a surrogate id the database numbers). Its repository
writes through `append`, which links the rows in the transaction that inserts them, and
`govops audit verify` checks it with every other declared stream.

The register `audit_heads` keeps each stream's length and last hash, changed in the same
transaction, so a stream cut short or deleted whole shows. Every change of a head is also a
row of the chained stream `audit_checkpoints` (stream, length, head), so deleting a stream
together with its head still shows: the log says how long it was and what its rows hashed
to. Appends are serialised: each first locks the checkpoint log's head row (FOR UPDATE on
PostgreSQL; SQLite's writers queue already, BEGIN IMMEDIATE), then its own stream's head,
always in that order, so two appends never wait for each other in a circle.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import RowMapping
from sqlalchemy.schema import SchemaItem

from govops.platform.storage.canonical import GENESIS, link_hash
from govops.platform.storage.metadata import metadata
from govops.platform.storage.verify import Head, Link

CHAIN_COLUMNS = ("chain_seq", "prev_hash", "hash")
_STREAM = "govops_stream"  # where a chained table's info keeps its Stream
Values = RowMapping | Mapping[str, Any]  # a row to insert, or one read back


class ChainError(RuntimeError):
    """A stream cannot be extended: its head is gone while its rows are not."""


@dataclass(frozen=True)
class Stream:
    """A chained table, and what names its rows: `key`, the row's own key as a reader
    knows it (an incident and its seq), and `numbered_by`, a surrogate id the database
    assigns (not hashed: it is not known before the insert; it must rise with chain_seq)."""

    table: Table
    key: tuple[str, ...]
    numbered_by: str | None

    @property
    def name(self) -> str:
        return self.table.name

    def content(self, row: Values) -> dict[str, object]:
        """The hashed columns of `row` (given to an insert or read back), as the database
        gives them back: JSON through a JSON round trip, binary as bytes."""
        skipped = {*CHAIN_COLUMNS, self.numbered_by}
        return {
            c.name: _as_stored(c, row.get(c.name)) for c in self.table.c if c.name not in skipped
        }

    def link(self, row: Values) -> Link:
        """A stored row as the verifier sees it."""
        number = row[self.numbered_by] if self.numbered_by else None
        return Link(
            chain_seq=row["chain_seq"],
            prev_hash=row["prev_hash"],
            hash=row["hash"],
            content=self.content(row),
            key=tuple((name, row[name]) for name in self.key),
            number=number,
        )


def chained_table(
    name: str, on: MetaData, *items: SchemaItem, key: Sequence[str] | None = None
) -> Table:
    """Declare a chained stream: the table with its chain columns and unique chain_seq.
    `key` (default: the primary key) names a row in the verifier's report."""
    table = Table(name, on, *items, *_chain_items())
    primary = list(table.primary_key.columns)
    numbered = primary[0].name if len(primary) == 1 and primary[0].autoincrement is True else None
    named = tuple(key) if key is not None else tuple(c.name for c in primary)
    table.info[_STREAM] = Stream(table, named, numbered)
    return table


def stream_of(table: Table) -> Stream:
    stream = table.info.get(_STREAM)
    if not isinstance(stream, Stream):
        raise TypeError(f"{table.name} is not a chained stream (declare it with chained_table)")
    return stream


def streams(on: MetaData = metadata) -> list[Stream]:
    """Every stream declared on `on` (of the tables imported so far), by name."""
    found = [t.info[_STREAM] for t in on.tables.values() if isinstance(t.info.get(_STREAM), Stream)]
    return sorted(found, key=lambda s: s.name)


def _chain_items() -> list[SchemaItem]:
    return [
        Column("chain_seq", Integer, nullable=False),
        Column("prev_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
        Index(None, "chain_seq", unique=True),
    ]


# The register of heads: each stream's length and the hash of its last row.
audit_heads = Table(
    "audit_heads",
    metadata,
    Column("stream", String(64), primary_key=True),
    Column("length", Integer, nullable=False),
    Column("head", String(64), nullable=False),
)

# Every change of a head, itself a chained stream (its own head is in the register).
audit_checkpoints = chained_table(
    "audit_checkpoints",
    metadata,
    Column("stream", String(64), primary_key=True),
    Column("length", Integer, primary_key=True, autoincrement=False),
    Column("head", String(64), nullable=False),
)
CHECKPOINTS = stream_of(audit_checkpoints)


def append(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` at the end of the table's stream, linked, and move its head: in the
    caller's transaction (a savepoint of it rolls all of it back together)."""
    stream = stream_of(table)
    if not rows:
        return
    head(connection, CHECKPOINTS)  # the lock every append takes first
    moved = _extend(connection, stream, rows)
    _extend(connection, CHECKPOINTS, [{"stream": stream.name} | _as_row(moved)])


def head(connection: Connection, stream: Stream) -> Head:
    """The stream's head, locked until the transaction ends; opened (length 0) on the
    stream's first append."""
    query = (
        select(audit_heads.c.length, audit_heads.c.head)
        .where(audit_heads.c.stream == stream.name)
        .with_for_update()
    )
    found = connection.execute(query).first()
    if found is None:
        _open(connection, stream)
        found = connection.execute(query).one()
    return Head(found.length, found.head)


def _extend(connection: Connection, stream: Stream, rows: Sequence[Mapping[str, Any]]) -> Head:
    length, prev = head(connection, stream)
    linked = []
    for row in rows:
        length += 1
        digest = link_hash(stream.name, length, prev, stream.content(row))
        linked.append({**row, "chain_seq": length, "prev_hash": prev, "hash": digest})
        prev = digest
    connection.execute(insert(stream.table), linked)
    moved = update(audit_heads).where(audit_heads.c.stream == stream.name)
    connection.execute(moved.values(length=length, head=prev))
    return Head(length, prev)


def _open(connection: Connection, stream: Stream) -> None:
    if connection.scalar(select(stream.table.c.chain_seq).limit(1)) is not None:
        raise ChainError(
            f"stream {stream.name} has rows but no head in audit_heads: run `govops audit verify`"
        )
    opened = {"stream": stream.name, "length": 0, "head": GENESIS}
    if connection.dialect.name == "postgresql":  # another first append may open it too
        connection.execute(postgresql.insert(audit_heads).values(opened).on_conflict_do_nothing())
    else:  # SQLite: this transaction holds the write lock
        connection.execute(insert(audit_heads).values(opened))


def registered_heads(connection: Connection) -> dict[str, Head]:
    """The register as it stands: stream -> (length, head)."""
    query = select(audit_heads.c.stream, audit_heads.c.length, audit_heads.c.head)
    return {row.stream: Head(row.length, row.head) for row in connection.execute(query)}


def stored_links(connection: Connection, stream: Stream, batch: int = 1000) -> Iterator[Link]:
    """The stream's rows in chain order, read `batch` at a time."""
    query = select(stream.table).order_by(stream.table.c.chain_seq)
    for row in connection.execute(query.execution_options(yield_per=batch)):
        yield stream.link(row._mapping)


def _as_row(moved: Head) -> dict[str, object]:
    return {"length": moved.length, "head": moved.hash}


def _as_stored(column: Column[Any], value: object) -> object:
    if value is None:
        return None
    if isinstance(column.type, JSON):
        return json.loads(json.dumps(value, ensure_ascii=False))
    if isinstance(column.type, LargeBinary) and isinstance(value, bytearray | memoryview):
        return bytes(value)
    return value
