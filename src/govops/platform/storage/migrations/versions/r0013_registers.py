"""Registers: each unit's registers (figures, reserves, shelters, recurring duties, duty
roster, training, hazards, plans' stages) as an append-only stream of events, hash-chained
(platform.storage.chain).

The stream starts empty: its head in `audit_heads` is opened by its first append, as for
every stream created after revision 0007.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "register_events",
        sa.Column("unit", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        # The hash chain's columns (platform.storage.chain as of this revision).
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("unit", "seq", name="pk_register_events"),
    )
    op.create_index("ix_register_events_chain_seq", "register_events", ["chain_seq"], unique=True)


def downgrade() -> None:
    # The stream's head stays in `audit_heads` and the checkpoint log (as 0012's downgrade).
    op.drop_index("ix_register_events_chain_seq", table_name="register_events")
    op.drop_table("register_events")
