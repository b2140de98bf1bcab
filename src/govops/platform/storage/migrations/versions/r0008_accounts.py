"""Accounts: users, their grants at units, sessions and API tokens (kept as hashes), unit
versions and the access events.

Unit versions and access events are chained streams (platform.storage.chain).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIME = sa.DateTime(timezone=True)


def _chain_columns() -> list[sa.Column[object]]:
    """The hash chain's columns (platform.storage.chain as of this revision)."""
    return [
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "user_grants",
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("unit", sa.String(64), nullable=False),
        sa.Column("granted_at", TIME, nullable=False),
        sa.Column("granted_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "role", "unit", name="pk_user_grants"),
    )
    op.create_table(
        "user_sessions",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("last_seen", TIME, nullable=False),
        sa.Column("address", sa.String(64), nullable=True),
        sa.Column("revoked_at", TIME, nullable=True),
        sa.PrimaryKeyConstraint("id_hash", name="pk_user_sessions"),
    )
    op.create_index("ix_user_sessions_user_id", "user_sessions", ["user_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
        sa.Column("revoked_at", TIME, nullable=True),
        sa.Column("permissions", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "unit_versions",
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("parent", sa.String(64), nullable=True),
        sa.Column("packs", sa.JSON(), nullable=False),
        sa.Column("recorded_at", TIME, nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        *_chain_columns(),
        sa.PrimaryKeyConstraint("code", "seq", name="pk_unit_versions"),
    )
    op.create_index("ix_unit_versions_chain_seq", "unit_versions", ["chain_seq"], unique=True)
    op.create_table(
        "access_events",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(64), nullable=True),
        sa.Column("address", sa.String(64), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        *_chain_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_access_events"),
    )
    op.create_index("ix_access_events_chain_seq", "access_events", ["chain_seq"], unique=True)
    op.create_index("ix_access_events_kind_at", "access_events", ["kind", "at"])
    op.create_index("ix_access_events_subject", "access_events", ["subject"])
    op.create_index("ix_access_events_address", "access_events", ["address"])


def downgrade() -> None:
    for table in ("access_events", "unit_versions", "api_tokens", "user_sessions"):
        op.drop_table(table)
    op.drop_table("user_grants")
    op.drop_table("users")
