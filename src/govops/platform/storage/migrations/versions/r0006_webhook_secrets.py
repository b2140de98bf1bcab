"""Early warning: each webhook subscription's signing secret (Standard Webhooks), in a table
of its own; the subscriptions made before get one each (their subscribers never saw it:
they rotate it to learn it). Failures recorded before keep only a short category, as new
ones do (the old texts could name internal hosts and ports).

Revision ID: 0006
Revises: 0005
Create Date: 2027-03-09
"""

from __future__ import annotations

import base64
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

KEY_BYTES = 32


def upgrade() -> None:
    secrets_table = op.create_table(
        "webhook_secrets",
        sa.Column("subscription_id", sa.String(64), nullable=False),
        sa.Column("secret", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subscription_id", name="pk_webhook_secrets"),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["webhook_subscriptions.id"],
            name="fk_webhook_secrets_subscription_id_webhook_subscriptions",
        ),
    )
    subscriptions = sa.table("webhook_subscriptions", sa.column("id", sa.String(64)))
    ids = op.get_bind().execute(sa.select(subscriptions.c.id)).scalars().all()
    now = datetime.now(UTC)
    rows = [{"subscription_id": i, "secret": _secret(), "created_at": now} for i in ids]
    if rows:
        op.bulk_insert(secrets_table, rows)
    _categorise_failures()


def _secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def _categorise_failures() -> None:
    deliveries = sa.table("webhook_deliveries", sa.column("last_error", sa.Text()))
    error = deliveries.c.last_error
    kept = ("subscription removed",)
    change = sa.update(deliveries)
    op.execute(
        change.where(error.like("HTTP ___%")).values(
            last_error="http-" + sa.func.substr(error, 6, 3)
        )
    )
    op.execute(change.where(error.like("%timed out%")).values(last_error="timeout"))
    op.execute(
        change.where(
            error.is_not(None),
            error.not_in(kept),
            error.not_like("http-%"),
            error.not_in(("timeout",)),
        ).values(last_error="error")
    )


def downgrade() -> None:
    op.drop_table("webhook_secrets")
