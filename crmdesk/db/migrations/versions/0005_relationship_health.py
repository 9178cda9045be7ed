"""Relationship health: cadence overrides, weekly health snapshots,
``updated_at`` indexes (the health cache's cheap "has anything changed")
and partial indexes over the rows the health score reads (touches, open
complaints, open follow-ups, satisfaction checks), so a 10,000-account portfolio is scored
without reading the activities table itself.

The partial indexes' WHERE clauses repeat, literally, the SQL that
crmdesk.core.cadence.touch_sql() and crmdesk.core.health_facts build; SQLite
uses such an index only for a query that repeats its terms. They are kept
out of Alembic's model comparison (env.py, prefix ``ixp_``) and
tests/core/test_health_sql.py checks every health query uses its index.

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


TOUCHES = (
    "kind IN ('call', 'email', 'meeting', 'site_visit') AND (direction IS NULL OR "
    "direction != 'internal') AND (due_at IS NULL OR completed_at IS NOT NULL) "
    "AND deleted_at IS NULL"
)
OPEN_COMPLAINTS = (
    "kind = 'complaint' AND complaint_status IN ('open', 'in_progress') AND deleted_at IS NULL"
)
OPEN_FOLLOW_UPS = "due_at IS NOT NULL AND completed_at IS NULL AND deleted_at IS NULL"
SATISFACTION = (
    "kind = 'satisfaction_check' AND satisfaction_score IS NOT NULL AND deleted_at IS NULL"
)
PARTIAL = {
    "ixp_health_touches": ("account_id, occurred_at", TOUCHES),
    "ixp_health_open_complaints": ("account_id, occurred_at", OPEN_COMPLAINTS),
    "ixp_health_open_follow_ups": ("account_id, due_at", OPEN_FOLLOW_UPS),
    "ixp_health_satisfaction": ("account_id, occurred_at, satisfaction_score", SATISFACTION),
}


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
    for name, (columns, where) in PARTIAL.items():
        op.execute(f"CREATE INDEX {name} ON activities ({columns}) WHERE {where}")


def downgrade() -> None:
    for name in PARTIAL:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in ("accounts", "contacts", "activities"):
        op.drop_index(f"ix_{table}_updated_at", table_name=table)
    op.drop_index("ix_health_snapshots_week", table_name="health_snapshots")
    op.drop_index("ix_health_snapshots_account_week", table_name="health_snapshots")
    op.drop_table("health_snapshots")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("stay_in_touch_days")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("cadence_days")
