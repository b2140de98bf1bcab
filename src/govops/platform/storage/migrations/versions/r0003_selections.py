"""Selection cases: one row per case and its append-only events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "selection_cases",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_selection_cases"),
    )
    op.create_index("ix_selection_cases_opened_at", "selection_cases", ["opened_at"])
    op.create_table(
        "selection_events",
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("step", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "seq", name="pk_selection_events"),
    )


def downgrade() -> None:
    op.drop_table("selection_events")
    op.drop_index("ix_selection_cases_opened_at", table_name="selection_cases")
    op.drop_table("selection_cases")
