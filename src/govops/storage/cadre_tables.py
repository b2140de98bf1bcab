"""The cadre registry's tables, on the same metadata as the incident tables (so the
migrations test compares them too). Built by migration 0002."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, String, Table, Text

from govops.storage.tables import UtcDateTime, metadata

cadre_people = Table(
    "cadre_people",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index(None, "name"),
)

# Append-only: a correction is a new row whose `supersedes` names the seq it replaces.
cadre_entries = Table(
    "cadre_entries",
    metadata,
    Column("person_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("actor", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("supersedes", Integer, nullable=True),
)
