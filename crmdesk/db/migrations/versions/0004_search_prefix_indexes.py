"""Rebuild the search index with prefix indexes (fast search-as-you-type).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from crmdesk.db import fts

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if fts.fts_available(bind):
        fts.drop_fts(bind)
        # env.py re-indexes every account once all migrations have run
        fts.create_fts(bind, populate=False)


def downgrade() -> None:
    pass  # the prefix indexes are harmless to an older crmdesk
