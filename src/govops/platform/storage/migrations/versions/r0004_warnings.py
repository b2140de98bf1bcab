"""Early warning: warning events with their CAP alerts, the publish log, webhook
subscriptions and the delivery outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2027-03-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "warning_events",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("identifier", sa.String(200), nullable=False),
        sa.Column("warning_id", sa.String(200), nullable=False),
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=True),
        sa.Column("previous", sa.String(16), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("referenced", sa.JSON(), nullable=False),
        sa.Column("trace", sa.JSON(), nullable=False),
        sa.Column("cap", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_warning_events"),
        sa.UniqueConstraint("identifier", name="uq_warning_events_identifier"),
        sa.UniqueConstraint("warning_id", "seq", name="uq_warning_events_warning_id_seq"),
    )
    op.create_index("ix_warning_events_area_at", "warning_events", ["area", "at"])
    op.create_index("ix_warning_events_at", "warning_events", ["at"])
    op.create_table(
        "warning_publications",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("identifier", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_warning_publications"),
        sa.ForeignKeyConstraint(
            ["identifier"],
            ["warning_events.identifier"],
            name="fk_warning_publications_identifier_warning_events",
        ),
        sa.UniqueConstraint(
            "identifier", "channel", name="uq_warning_publications_identifier_channel"
        ),
    )
    op.create_table(
        "webhook_subscriptions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("min_level", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_subscriptions"),
    )
    _create_deliveries()


def _create_deliveries() -> None:
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("identifier", sa.String(200), nullable=False),
        sa.Column("subscription_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_token", sa.String(64), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
        sa.ForeignKeyConstraint(
            ["identifier"],
            ["warning_events.identifier"],
            name="fk_webhook_deliveries_identifier_warning_events",
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["webhook_subscriptions.id"],
            name="fk_webhook_deliveries_subscription_id_webhook_subscriptions",
        ),
        sa.UniqueConstraint(
            "identifier",
            "subscription_id",
            name="uq_webhook_deliveries_identifier_subscription_id",
        ),
    )
    op.create_index(
        "ix_webhook_deliveries_status_next_attempt_at",
        "webhook_deliveries",
        ["status", "next_attempt_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_webhook_deliveries_status_next_attempt_at", table_name="webhook_deliveries")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_subscriptions")
    op.drop_table("warning_publications")
    op.drop_index("ix_warning_events_at", table_name="warning_events")
    op.drop_index("ix_warning_events_area_at", table_name="warning_events")
    op.drop_table("warning_events")
