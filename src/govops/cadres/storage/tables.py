"""The cadre module's tables: the registry (people and their append-only entries, built by
migration 0002) and the selection cases (built by migration 0003), on the metadata every
module shares, so the migrations test compares them too."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, String, Table, Text

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import UtcDateTime, metadata

cadre_people = Table(
    "cadre_people",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", Text, nullable=True),  # user@unit; empty before migration 0011
    Index(None, "name"),
)

# Append-only: a correction is a new row whose `supersedes` names the seq it replaces.
# Chained (platform.storage.chain): each row linked by hash to the one before.
cadre_entries = chained_table(
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

# One row per case, written with its motion (seq 1): what the list of cases reads.
selection_cases = Table(
    "selection_cases",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("opened_at", UtcDateTime(), nullable=False),
    Index(None, "opened_at"),
)

# Append-only: each step of a case is a new row; (case_id, seq) is taken once. Chained.
selection_events = chained_table(
    "selection_events",
    metadata,
    Column("case_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("step", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor", Text, nullable=False),
    Column("data", JSON, nullable=False),
)
