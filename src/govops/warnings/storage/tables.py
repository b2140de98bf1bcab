"""The early-warning tables, on the same metadata as the incident tables (so the
migrations test compares them too). Built by migrations 0004, 0006 (the secrets) and 0010
(the subscriptions' units and authors)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from govops.platform.storage.chain import chained_table
from govops.platform.storage.metadata import BigId, UtcDateTime, metadata

# Append-only: one row per warning event, with the trace that caused it and its CAP alert
# exactly as published. `id` orders events stored at the same instant. Chained
# (platform.storage.chain): each row linked by hash to the one before.
warning_events = chained_table(
    "warning_events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("identifier", String(200), nullable=False),
    Column("warning_id", String(200), nullable=False),
    Column("area", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("level", String(16), nullable=True),
    Column("previous", String(16), nullable=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("referenced", JSON, nullable=False),  # identifiers of the earlier alerts
    Column("trace", JSON, nullable=False),  # the AreaStep (earlywarning.ports.step_to_json)
    Column("cap", LargeBinary, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    UniqueConstraint("identifier"),
    UniqueConstraint("warning_id", "seq"),
    Index(None, "area", "at"),
    Index(None, "at"),
    key=("identifier",),
)

# The publish log: when each alert went out, and where. Chained.
warning_publications = chained_table(
    "warning_publications",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("identifier", String(200), ForeignKey("warning_events.identifier"), nullable=False),
    Column("channel", String(200), nullable=False),
    Column("published_at", UtcDateTime(), nullable=False),
    UniqueConstraint("identifier", "channel"),
    key=("identifier", "channel"),
)

webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("areas", JSON, nullable=False),  # area codes; empty: every area
    Column("min_level", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("removed_at", UtcDateTime(), nullable=True),
    # The unit the subscription belongs to (its creator's acting unit) and who created and
    # removed it (`user@unit`); empty for subscriptions made before units (0010).
    Column("unit", String(64), nullable=True),
    Column("created_by", Text, nullable=True),
    Column("removed_by", Text, nullable=True),
)

# Each subscription's signing secret (warnings.model.signing), apart from the subscription
# so that no listing reads it: only a claim (to sign) and a rotation touch it. Kept as
# it is used: an HMAC key cannot be stored hashed.
webhook_secrets = Table(
    "webhook_secrets",
    metadata,
    Column(
        "subscription_id",
        String(64),
        ForeignKey("webhook_subscriptions.id"),
        primary_key=True,
    ),
    Column("secret", String(100), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("set_by", Text, nullable=True),  # who subscribed or rotated it (`user@unit`)
)

# The outbox: one row per (alert, subscription), written with the event. A worker leases
# due rows (lease_until, lease_token) and sends them outside any transaction.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("identifier", String(200), ForeignKey("warning_events.identifier"), nullable=False),
    Column("subscription_id", String(64), ForeignKey("webhook_subscriptions.id"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("lease_token", String(64), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("delivered_at", UtcDateTime(), nullable=True),
    UniqueConstraint("identifier", "subscription_id"),
    Index(None, "status", "next_attempt_at"),
)
