"""Audit: the append-only streams hash-chained (incident events, cadre entries, selection
events, warning events, the warning publish log), the register of heads and the checkpoint
log. Rows stored before are chained here, in the order they were recorded.

Revision ID: 0007
Revises: 0006
Create Date: 2027-03-10
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from alembic import op

from govops.platform.storage.canonical import GENESIS, link_hash

revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

CHAIN_COLUMNS = ("chain_seq", "prev_hash", "hash")
CHECKPOINTS = "audit_checkpoints"
TIME = sa.DateTime(timezone=True)
# The chain columns and the placeholder SQLite needs to add a NOT NULL column to rows.
_CHAIN_TYPES: list[tuple[str, sa.types.TypeEngine[Any], str]] = [
    ("chain_seq", sa.Integer(), "0"),
    ("prev_hash", sa.String(64), ""),
    ("hash", sa.String(64), ""),
]


class Stream(NamedTuple):
    """A stream as its table was when this revision was written: its columns (the hashed
    content, save `numbered_by`), the key that finds a row, the order rows were recorded in."""

    name: str
    columns: Sequence[tuple[str, sa.types.TypeEngine[Any]]]
    key: Sequence[str]
    order: Sequence[str]
    numbered_by: str | None = None


ID, KEY, SEQ = ("id", sa.BigInteger()), ("identifier", sa.String(200)), ("seq", sa.Integer())
STREAMS = (
    Stream(
        "cadre_entries",
        [
            ("person_id", sa.String(64)),
            SEQ,
            ("kind", sa.String(32)),
            ("data", sa.JSON()),
            ("actor", sa.Text()),
            ("recorded_at", TIME),
            ("supersedes", sa.Integer()),
        ],
        key=("person_id", "seq"),
        order=("recorded_at", "person_id", "seq"),
    ),
    Stream(
        "incident_events",
        [
            ("incident_id", sa.String(64)),
            SEQ,
            ("kind", sa.String(32)),
            ("at", TIME),
            ("actor", sa.Text()),
            ("data", sa.JSON()),
        ],
        key=("incident_id", "seq"),
        order=("at", "incident_id", "seq"),
    ),
    Stream(
        "selection_events",
        [
            ("case_id", sa.String(64)),
            SEQ,
            ("step", sa.String(32)),
            ("at", TIME),
            ("actor", sa.Text()),
            ("data", sa.JSON()),
        ],
        key=("case_id", "seq"),
        order=("at", "case_id", "seq"),
    ),
    Stream(
        "warning_events",
        [
            ID,
            KEY,
            ("warning_id", sa.String(200)),
            ("area", sa.String(32)),
            SEQ,
            ("kind", sa.String(16)),
            ("level", sa.String(16)),
            ("previous", sa.String(16)),
            ("at", TIME),
            ("referenced", sa.JSON()),
            ("trace", sa.JSON()),
            ("cap", sa.LargeBinary()),
            ("recorded_at", TIME),
        ],
        key=("id",),
        order=("id",),
        numbered_by="id",
    ),
    Stream(
        "warning_publications",
        [ID, KEY, ("channel", sa.String(200)), ("published_at", TIME)],
        key=("id",),
        order=("id",),
        numbered_by="id",
    ),
)


def upgrade() -> None:
    _create_register()
    for stream in STREAMS:
        for name, kind, placeholder in _CHAIN_TYPES:
            column = sa.Column(name, kind, nullable=False, server_default=placeholder)
            op.add_column(stream.name, column)  # SQLite adds NOT NULL only with a default
    heads = {stream.name: _chain(stream) for stream in STREAMS}
    _register(heads)
    for stream in STREAMS:
        if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a default in place
            for name in CHAIN_COLUMNS:
                op.alter_column(stream.name, name, server_default=None)
        _unique_chain_seq(stream.name)


def _create_register() -> None:
    op.create_table(
        "audit_heads",
        sa.Column("stream", sa.String(64), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("stream", name="pk_audit_heads"),
    )
    op.create_table(
        CHECKPOINTS,
        sa.Column("stream", sa.String(64), nullable=False),
        sa.Column("length", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("stream", "length", name="pk_audit_checkpoints"),
    )
    _unique_chain_seq(CHECKPOINTS)


def _unique_chain_seq(table: str) -> None:
    op.create_index(f"ix_{table}_chain_seq", table, ["chain_seq"], unique=True)


def _chain(stream: Stream) -> tuple[int, str]:
    """Link the stream's rows in the order they were recorded; its (length, head)."""
    table = sa.table(
        stream.name, *(sa.column(n, t) for n, t in stream.columns), *map(sa.column, CHAIN_COLUMNS)
    )
    ordered = sa.select(table).order_by(*(table.c[name] for name in stream.order))
    rows = op.get_bind().execute(ordered).mappings().all()
    changes: list[dict[str, object]] = []
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        content = {n: _stored(row[n]) for n, _ in stream.columns if n != stream.numbered_by}
        digest = link_hash(stream.name, seq, prev, content)
        keys = {f"k_{n}": row[n] for n in stream.key}
        changes.append(keys | {"v_chain_seq": seq, "v_prev_hash": prev, "v_hash": digest})
        prev = digest
    if changes:
        found = sa.and_(*(table.c[n] == sa.bindparam(f"k_{n}") for n in stream.key))
        links: dict[str, Any] = {name: sa.bindparam(f"v_{name}") for name in CHAIN_COLUMNS}
        op.get_bind().execute(sa.update(table).where(found).values(links), changes)
    return len(rows), prev


def _register(heads: Mapping[str, tuple[int, str]]) -> None:
    """A head per stream, and a checkpoint for each that has rows (itself chained)."""
    entries: list[dict[str, object]] = []
    prev = GENESIS
    for name, (length, head) in sorted(heads.items()):
        if length:
            seq = len(entries) + 1
            content = {"stream": name, "length": length, "head": head}
            digest = link_hash(CHECKPOINTS, seq, prev, content)
            entries.append(content | {"chain_seq": seq, "prev_hash": prev, "hash": digest})
            prev = digest
    register = [{"stream": n, "length": h[0], "head": h[1]} for n, h in sorted(heads.items())]
    register.append({"stream": CHECKPOINTS, "length": len(entries), "head": prev})
    op.bulk_insert(_table("audit_heads", "stream", "length", "head"), register)
    if entries:
        columns = ("stream", "length", "head", *CHAIN_COLUMNS)
        op.bulk_insert(_table(CHECKPOINTS, *columns), entries)


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *map(sa.column, columns))


def _stored(value: object) -> object:
    """A value as the chain hashes it: binary as bytes, times aware in UTC (SQLite gives
    back the UTC wall time)."""
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def downgrade() -> None:
    for stream in reversed(STREAMS):
        op.drop_index(f"ix_{stream.name}_chain_seq", table_name=stream.name)
        for name in reversed(CHAIN_COLUMNS):
            op.drop_column(stream.name, name)
    op.drop_index(f"ix_{CHECKPOINTS}_chain_seq", table_name=CHECKPOINTS)
    op.drop_table(CHECKPOINTS)
    op.drop_table("audit_heads")
