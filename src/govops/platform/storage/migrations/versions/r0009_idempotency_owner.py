"""Incidents: idempotency keys kept per user ("<username>:<key>", hence a longer key
column) with a hash of the report each came with.

Keys kept before this revision stay as they were (no owner, no hash): no user's key
matches them any more, which only means that a retry of a report filed before the upgrade
files it again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.alter_column("key", type_=sa.String(300), existing_nullable=False)
        batch.add_column(sa.Column("request_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_column("request_hash")
        batch.alter_column("key", type_=sa.String(200), existing_nullable=False)
