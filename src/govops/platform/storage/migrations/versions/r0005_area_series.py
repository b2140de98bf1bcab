"""Early warning: each area's statistics at every minute (level, stations reporting, the
maximum, its station and the sum of each accumulation window), and the ingestion reports.

Revision ID: 0005
Revises: 0004
Create Date: 2027-03-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The accumulation windows as they were when this revision was written (weather.layout).
WINDOWS = ("rain_1h", "rain_3h", "rain_6h", "rain_12h", "rain_24h")


def upgrade() -> None:
    window_columns = [
        column
        for name in WINDOWS
        for column in (
            sa.Column(f"{name}_max", sa.Integer(), nullable=True),
            sa.Column(f"{name}_sum", sa.BigInteger(), nullable=True),
            sa.Column(f"{name}_station", sa.String(64), nullable=True),
        )
    ]
    op.create_table(
        "warning_series",
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("level", sa.String(16), nullable=True),
        sa.Column("clause", sa.String(64), nullable=True),
        sa.Column("reporting", sa.Integer(), nullable=False),
        sa.Column("stations", sa.Integer(), nullable=False),
        *window_columns,
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("area", "at", name="pk_warning_series"),
    )
    op.create_index("ix_warning_series_at", "warning_series", ["at"])
    op.create_table(
        "weather_ingestions",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_weather_ingestions"),
    )


def downgrade() -> None:
    op.drop_table("weather_ingestions")
    op.drop_index("ix_warning_series_at", table_name="warning_series")
    op.drop_table("warning_series")
