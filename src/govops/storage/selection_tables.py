"""The selection cases' tables, on the same metadata as the incident tables (so the
migrations test compares them too). Built by migration 0003."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, Integer, String, Table, Text

from govops.storage.tables import UtcDateTime, metadata

# One row per case, written with its motion (seq 1): what the list of cases reads.
selection_cases = Table(
    "selection_cases",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("opened_at", UtcDateTime(), nullable=False),
    Index(None, "opened_at"),
)

# Append-only: each step of a case is a new row; (case_id, seq) is taken once.
selection_events = Table(
    "selection_events",
    metadata,
    Column("case_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("step", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor", Text, nullable=False),
    Column("data", JSON, nullable=False),
)
