"""Retention: complaint register fields, the satisfaction check's scale,
the account status history, references and referrals.

- activities: complaint category, severity, recovery action, resolved_at,
  customer_confirmed_at (the customer said it is closed), satisfaction_kind
  (csat 1-5, nps 0-10, score 0-10). Existing satisfaction checks were
  scored 0-10, so they get ``score``; existing resolved or rejected
  complaints get ``resolved_at`` = their ``completed_at`` if any, else
  their ``updated_at`` (the last time they were saved: the best date there
  is). Nothing else of an existing row changes (not its ``updated_at``).
- accounts: reference_agreed_at / reference_limits, referred_by_account_id
  and referred_by_contact_id (acquisition source "referral").
- status_changes (UUID, timestamps, tombstone): the status history. Each
  existing account gets one row for its status now: ``from_status`` NULL,
  dated at the account's creation with ``date_known`` false (when it
  really reached that status was never recorded), the account's defection
  type and reason copied, value lost unknown (NULL). Period analyses skip
  rows whose date is not known.
- a partial index over complaint rows (the register and the analyses).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:40:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS = sa.Enum(
    "active", "at_risk", "reduced", "lost", "won_back",
    name="accountstatus", native_enum=False, length=32,
)  # fmt: skip
DEFECTION = sa.Enum(
    "price", "product", "service", "market", "technological", "organisational",
    name="defectiontype", native_enum=False, length=32,
)  # fmt: skip
COMPLAINTS = "kind = 'complaint' AND deleted_at IS NULL"
# by receipt time (the monthly counts read a range of it); not by account, so the
# health gatherers keep to their own index of open complaints (0005)
PARTIAL = {"ixp_complaints": ("occurred_at", COMPLAINTS)}
SEED_REASON = "Status when the history began (migration 0006); the date of the change is unknown"


def upgrade() -> None:
    op.create_table(
        "status_changes",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("from_status", STATUS, nullable=True),
        sa.Column("to_status", STATUS, nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("date_known", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("defection_type", DEFECTION, nullable=True),
        sa.Column("value_lost", sa.BigInteger(), nullable=True),
        sa.Column("changed_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_status_changes_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_status_changes_uuid")),
    )
    op.create_index(
        "ix_status_changes_account_changed", "status_changes", ["account_id", "changed_at"]
    )
    op.create_index("ix_status_changes_to_changed", "status_changes", ["to_status", "changed_at"])

    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("reference_agreed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("reference_limits", sa.Text(), nullable=True))
    # plain ADD COLUMN with a column-level (named) reference: valid on SQLite
    # and PostgreSQL, and no rebuild of accounts (a batch rebuild would lose
    # the expression index of 0003 and trip the search triggers)
    for column, table in (("referred_by_account_id", "accounts"), ("referred_by_contact_id", "contacts")):
        op.execute(
            f"ALTER TABLE accounts ADD COLUMN {column} INTEGER "
            f"CONSTRAINT fk_accounts_{column}_{table} REFERENCES {table} (id)"
        )

    with op.batch_alter_table("activities") as batch:
        for name, kind in (
            ("complaint_category", sa.Enum(
                "product", "delivery", "service", "invoicing", "price", "other",
                name="complaintcategory", native_enum=False, length=32)),
            ("complaint_severity", sa.Enum(
                "low", "medium", "high", "critical",
                name="complaintseverity", native_enum=False, length=32)),
            ("recovery_action", sa.Text()),
            ("resolved_at", sa.DateTime()),
            ("customer_confirmed_at", sa.DateTime()),
            ("satisfaction_kind", sa.Enum(
                "csat", "nps", "score", name="satisfactionkind", native_enum=False, length=32)),
        ):  # fmt: skip
            batch.add_column(sa.Column(name, kind, nullable=True))

    op.execute(
        "UPDATE activities SET satisfaction_kind = 'score' "
        "WHERE kind = 'satisfaction_check' AND satisfaction_score IS NOT NULL"
    )
    op.execute(
        "UPDATE activities SET resolved_at = COALESCE(completed_at, updated_at) "
        "WHERE kind = 'complaint' AND complaint_status IN ('resolved', 'rejected')"
    )
    _seed_status_history()
    for name, (columns, where) in PARTIAL.items():
        op.execute(f"CREATE INDEX {name} ON activities ({columns}) WHERE {where}")


def _seed_status_history() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    accounts = conn.execute(
        sa.text("SELECT id, status, created_at, defection_type, defection_reason FROM accounts")
    ).fetchall()
    rows = [
        {
            "uuid": uuid.uuid4().hex,
            "account_id": acc_id,
            "to_status": status,
            "changed_at": created,
            "reason": why if why and status in ("lost", "reduced") else SEED_REASON,
            "defection_type": defection if status in ("lost", "reduced") else None,
            "now": now,
        }
        for acc_id, status, created, defection, why in accounts
    ]
    if rows:
        conn.execute(
            sa.text(
                "INSERT INTO status_changes (uuid, account_id, from_status, to_status, "
                "changed_at, date_known, reason, defection_type, value_lost, changed_by, "
                "created_at, updated_at, deleted_at) VALUES (:uuid, :account_id, NULL, "
                ":to_status, :changed_at, 0, :reason, :defection_type, NULL, NULL, :now, :now, "
                "NULL)"
            ),
            rows,
        )


def downgrade() -> None:
    for name in PARTIAL:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table("activities") as batch:
        for name in (
            "satisfaction_kind", "customer_confirmed_at", "resolved_at",
            "recovery_action", "complaint_severity", "complaint_category",
        ):  # fmt: skip
            batch.drop_column(name)
    with op.batch_alter_table("accounts") as batch:  # a rebuild: columns and references go
        for name in (
            "referred_by_contact_id", "referred_by_account_id",
            "reference_limits", "reference_agreed_at",
        ):  # fmt: skip
            batch.drop_column(name)
    op.execute("CREATE INDEX IF NOT EXISTS ix_accounts_name_lower ON accounts (lower(name))")
    op.drop_index("ix_status_changes_to_changed", table_name="status_changes")
    op.drop_index("ix_status_changes_account_changed", table_name="status_changes")
    op.drop_table("status_changes")
