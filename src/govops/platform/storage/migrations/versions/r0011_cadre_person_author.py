"""Cadre registry: each person names who added them (`user@unit`, the signed-in user and
the unit they acted in). People added before this revision have no author (left empty).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("cadre_people") as batch:
        batch.add_column(sa.Column("created_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cadre_people") as batch:
        batch.drop_column("created_by")
