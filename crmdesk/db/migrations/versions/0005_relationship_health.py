"""Relationship health: cadence overrides, weekly health snapshots, and
``updated_at`` indexes (the health cache's cheap "has anything changed").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("cadence_days", sa.Integer(), nullable=True))
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("stay_in_touch_days", sa.Integer(), nullable=True))
    op.create_table(
        "health_snapshots",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=10), nullable=False),
        sa.Column("components", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_health_snapshots_account_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_snapshots")),
        sa.UniqueConstraint("uuid", name=op.f("uq_health_snapshots_uuid")),
    )
    op.create_index(
        "ix_health_snapshots_account_week",
        "health_snapshots",
        ["account_id", "week"],
        unique=True,
    )
    op.create_index("ix_health_snapshots_week", "health_snapshots", ["week"])
    for table in ("accounts", "contacts", "activities"):
        op.create_index(f"ix_{table}_updated_at", table, ["updated_at"])


def downgrade() -> None:
    for table in ("accounts", "contacts", "activities"):
        op.drop_index(f"ix_{table}_updated_at", table_name=table)
    op.drop_index("ix_health_snapshots_week", table_name="health_snapshots")
    op.drop_index("ix_health_snapshots_account_week", table_name="health_snapshots")
    op.drop_table("health_snapshots")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("stay_in_touch_days")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("cadence_days")
