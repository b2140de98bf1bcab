"""Early warning: each webhook subscription belongs to the unit its creator acted in, and
names who created and who removed it; each signing secret names who set it (created the
subscription, or rotated the secret), as `user@unit`.

Subscriptions made before this revision have no unit and no author (left empty): they
belong to the unit running the warnings' pack (warnings.service.access).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_subscriptions") as batch:
        batch.add_column(sa.Column("unit", sa.String(64), nullable=True))
        batch.add_column(sa.Column("created_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("removed_by", sa.Text(), nullable=True))
    with op.batch_alter_table("webhook_secrets") as batch:
        batch.add_column(sa.Column("set_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_secrets") as batch:
        batch.drop_column("set_by")
    with op.batch_alter_table("webhook_subscriptions") as batch:
        batch.drop_column("removed_by")
        batch.drop_column("created_by")
        batch.drop_column("unit")
