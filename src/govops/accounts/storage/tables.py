"""The accounts' tables, on the metadata every module shares (built by migration 0008).
Unit versions and access events are append-only; users, grants, sessions and tokens hold
the current state, every change to them also recorded as an access event."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Index, Integer, String, Table, Text

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import BigId, UtcDateTime, metadata

users = Table(
    "users",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

user_grants = Table(
    "user_grants",
    metadata,
    Column("user_id", String(64), primary_key=True),
    Column("role", String(64), primary_key=True),
    Column("unit", String(64), primary_key=True),
    Column("granted_at", UtcDateTime(), nullable=False),
    Column("granted_by", Text, nullable=False),
)

# A session's id is kept only as its SHA-256: the cookie's secret is not in the database.
user_sessions = Table(
    "user_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_seen", UtcDateTime(), nullable=False),
    Column("address", String(64), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Index(None, "user_id"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Column("permissions", JSON, nullable=True),
    Index(None, "user_id"),
)

# Append-only and chained (platform.storage.chain): each row linked by hash to the one before.
unit_versions = chained_table(
    "unit_versions",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("names", JSON, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("parent", String(64), nullable=True),
    Column("packs", JSON, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("actor", Text, nullable=False),
)

access_events = chained_table(
    "access_events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("subject", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("unit", String(64), nullable=True),
    Column("address", String(64), nullable=True),
    Column("data", JSON, nullable=False),
    Index(None, "kind", "at"),
    Index(None, "subject"),
    Index(None, "address"),
)
