"""The incidents' tables, as SQLAlchemy Core, on the metadata every module shares. The
migrations in `govops.platform.storage.migrations` build them; a test checks that the
migrated schema and these definitions agree."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, String, Table, Text

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import BigId, UtcDateTime, metadata

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("reported_at", UtcDateTime(), nullable=False),
    Index(None, "reported_at"),
)

# Chained (platform.storage.chain): each row linked by hash to the one before.
incident_events = chained_table(
    "incident_events",
    metadata,
    Column("incident_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor", Text, nullable=False),
    Column("data", JSON, nullable=False),
)

# A key is kept as "<username>:<key>" (a user name holds no colon), so that each user's
# keys are their own; with the hash of the report it came with (r0009).
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("incident_id", String(64), nullable=False),
    Column("request_hash", String(64), nullable=True),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("incident_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("department", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("delivered_at", UtcDateTime(), nullable=True),
    # A worker's lease (ports.Outbox.claim); after a failure, lease_until alone: not before
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("lease_token", String(64), nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Index(None, "delivered_at", "id"),
)
