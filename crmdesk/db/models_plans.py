"""Account plans: one account, one period, sections shaped by the tier.

Free-text sections are columns of the plan; list sections (objectives,
SWOT entries, competitors, opportunities, risks, actions) are rows of
``plan_items`` with the columns each kind needs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.db.enums import LabelledEnum
from crmdesk.db.models import Account, Base, Tracked, enum_column
from crmdesk.db.types import Money


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class PlanSection(StrEnum):
    OBJECTIVE = "objective"
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OPPORTUNITY_SWOT = "swot_opportunity"
    THREAT = "threat"
    COMPETITOR = "competitor"
    OPPORTUNITY = "opportunity"
    RISK = "risk"
    ACTION = "action"


class AccountPlan(Tracked, Base):
    __tablename__ = "account_plans"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(enum_column(PlanStatus), default=PlanStatus.DRAFT)
    previous_plan_id: Mapped[int | None] = mapped_column(ForeignKey("account_plans.id"))
    since_last_review: Mapped[str | None] = mapped_column(Text)
    customer_priorities: Mapped[str | None] = mapped_column(Text)
    customer_markets: Mapped[str | None] = mapped_column(Text)
    relationship_strategy: Mapped[str | None] = mapped_column(Text)
    value_proposition: Mapped[str | None] = mapped_column(Text)
    review_of_last_period: Mapped[str | None] = mapped_column(Text)

    account: Mapped[Account] = relationship()
    items: Mapped[list[PlanItem]] = relationship(
        back_populates="plan",
        order_by="(PlanItem.section, PlanItem.position, PlanItem.id)",
        cascade="all, delete-orphan",
    )

    __table_args__ = (Index("ix_account_plans_account_period", "account_id", "period_start"),)


class PlanItem(Base):
    """One entry of a list section; which columns matter depends on ``section``."""

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("account_plans.id", ondelete="CASCADE"))
    section: Mapped[PlanSection] = mapped_column(enum_column(PlanSection))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    party: Mapped[str | None] = mapped_column(String(20))  # objectives: "ours" | "customer"
    owner: Mapped[str | None] = mapped_column(String(100))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(30))
    measure: Mapped[str | None] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(Money)
    stage: Mapped[str | None] = mapped_column(String(50))
    expected_close: Mapped[date | None] = mapped_column(Date)
    likelihood: Mapped[str | None] = mapped_column(String(10))  # low | medium | high
    impact: Mapped[str | None] = mapped_column(String(10))
    mitigation: Mapped[str | None] = mapped_column(Text)
    changed_since_previous: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[AccountPlan] = relationship(back_populates="items")

    __table_args__ = (Index("ix_plan_items_plan_section", "plan_id", "section", "position"),)
