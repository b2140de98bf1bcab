"""The registers' table (built by migration 0013), on the metadata every module shares."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, String, Text

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import UtcDateTime, metadata

# Append-only: every record of a unit's registers is a new row; a (unit, seq) pair is taken
# once. Chained (platform.storage.chain): each row linked by hash to the one before. Read
# in the chain's order (its own unique index), which is the order of recording.
register_events = chained_table(
    "register_events",
    metadata,
    Column("unit", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("actor", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)
