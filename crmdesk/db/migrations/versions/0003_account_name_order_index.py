"""Index on lower(name): the portfolio's default order.

Alembic cannot reflect expression indexes on SQLite, so autogenerate skips
it (with a warning); it is written here by hand.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:36:14.486536
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_accounts_name_lower", "accounts", [sa.text("lower(name)")])


def downgrade() -> None:
    op.drop_index("ix_accounts_name_lower", table_name="accounts")
