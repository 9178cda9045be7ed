"""Retention history (0006): every change of an account's status, so the
date of a loss is known and defection rates can be computed.

Like the tier history, rows are facts that are added, never edited; unlike
it, a row carries the full identity, timestamps and tombstone (sync).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.db.enums import AccountStatus, DefectionType
from crmdesk.db.models import Base, Tracked, enum_column
from crmdesk.db.types import Money, UTCDateTime, utcnow


class StatusChange(Tracked, Base):
    """One change of an account's status: when, from what to what, why; for
    lost and reduced also the defection type and the annual value lost.

    ``date_known`` is false for the row migration 0006 wrote for each
    existing account (its status then, dated at the account's creation
    because the real date was never recorded); analyses by period skip
    those rows."""

    __tablename__ = "status_changes"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    from_status: Mapped[AccountStatus | None] = mapped_column(enum_column(AccountStatus))
    to_status: Mapped[AccountStatus] = mapped_column(enum_column(AccountStatus))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    date_known: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(Text)
    defection_type: Mapped[DefectionType | None] = mapped_column(enum_column(DefectionType))
    value_lost: Mapped[Decimal | None] = mapped_column(Money)
    changed_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index("ix_status_changes_account_changed", "account_id", "changed_at"),
        Index("ix_status_changes_to_changed", "to_status", "changed_at"),
    )
