"""Relationship-health history: one snapshot per account per ISO week, so
trends (arrows, sparklines, the health-over-time chart) are real rather than
recomputed from today's data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.db.models import Base, Tracked
from crmdesk.db.types import UTCDateTime, utcnow


class HealthSnapshot(Tracked, Base):
    """An account's health score, band and components as they were in one
    ISO week (``week`` is e.g. ``"2026-W49"``); taking another snapshot in
    the same week replaces the values, never adds a row."""

    __tablename__ = "health_snapshots"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    week: Mapped[str] = mapped_column(String(8))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    score: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(10))
    components: Mapped[list[dict[str, Any]]] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_health_snapshots_account_week", "account_id", "week", unique=True),
        Index("ix_health_snapshots_week", "week"),
    )
