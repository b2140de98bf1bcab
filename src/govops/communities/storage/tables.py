"""The community module's table: the registry's events (built by migration 0012), on the
metadata every module shares, so the migrations test compares it too."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, String, Text

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import UtcDateTime, metadata

# Append-only: a new version of an organisation, a member or a post is a new row; a
# (community, seq) pair is taken once. Chained (platform.storage.chain): each row linked by
# hash to the one before. The primary key, led by `community`, serves the reads by
# community, so no index of its own.
community_events = chained_table(
    "community_events",
    metadata,
    Column("community", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("data", JSON, nullable=False),
    Column("actor", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
)
