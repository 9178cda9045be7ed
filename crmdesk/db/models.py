"""The data model (SQLAlchemy 2.0 typed declarative).

Every row a user owns has an integer key for joins, a stable UUID for
merging and synchronising between laptops and a server, UTC timestamps and a
``deleted_at`` tombstone: deletes are soft so they can be undone.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import Enum as PyEnum

from sqlalchemy import (
    Column,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from crmdesk.db.enums import (
    AccountStatus,
    AcquisitionSource,
    ActivityKind,
    BuyingRole,
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    ContactLevel,
    DefectionType,
    Direction,
    EmployeeBand,
    LifecycleStage,
    SatisfactionKind,
    Stance,
    Tier,
)
from crmdesk.db.types import Money, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def enum_column(enum_cls: type[PyEnum]) -> Enum:
    """Stored as the enum's value text (not its Python name), no CHECK
    constraint, so adding a member never needs a table rebuild."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Identity, timestamps and tombstone shared by every user-owned row."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Account(Tracked, Base):
    """A customer organisation and our relationship with it."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(100))
    employee_band: Mapped[EmployeeBand | None] = mapped_column(enum_column(EmployeeBand))
    website: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    tier: Mapped[Tier] = mapped_column(enum_column(Tier), default=Tier.TRANSACTIONAL)
    lifecycle_stage: Mapped[LifecycleStage] = mapped_column(
        enum_column(LifecycleStage), default=LifecycleStage.IDENTIFICATION
    )
    acquisition_source: Mapped[AcquisitionSource | None] = mapped_column(
        enum_column(AcquisitionSource)
    )
    status: Mapped[AccountStatus] = mapped_column(
        enum_column(AccountStatus), default=AccountStatus.ACTIVE
    )
    defection_type: Mapped[DefectionType | None] = mapped_column(enum_column(DefectionType))
    defection_reason: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    annual_value: Mapped[Decimal | None] = mapped_column(Money)
    potential_value: Mapped[Decimal | None] = mapped_column(Money)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    # ideal days between touches when the tier's default does not fit
    # (crmdesk.core.cadence derives the maximum from it)
    cadence_days: Mapped[int | None] = mapped_column(Integer)
    # advocacy (0006): agreed to act as a reference, and within which limits;
    # who referred a new account whose acquisition source is "referral"
    reference_agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reference_limits: Mapped[str | None] = mapped_column(Text)
    referred_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    referred_by_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", use_alter=True)  # contacts point at accounts too
    )

    parent: Mapped[Account | None] = relationship(
        remote_side="Account.id", foreign_keys=[parent_id]
    )
    tier_changes: Mapped[list[TierChange]] = relationship(
        back_populates="account", order_by="TierChange.changed_at"
    )

    __table_args__ = (
        Index("ix_accounts_tier_name", "tier", "name"),
        Index("ix_accounts_status", "status"),
        Index("ix_accounts_owner", "owner"),
        Index("ix_accounts_name", "name"),
        # the portfolio's default order; lets a broad search walk accounts in
        # name order and stop after one page instead of sorting every match
        Index("ix_accounts_name_lower", func.lower(name)),
        Index("ix_accounts_updated_at", "updated_at"),  # health cache: anything changed?
    )


class TierChange(Base):
    """One move of an account between tiers: the tier history."""

    __tablename__ = "tier_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4, unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    from_tier: Mapped[Tier | None] = mapped_column(enum_column(Tier))
    to_tier: Mapped[Tier] = mapped_column(enum_column(Tier))
    reason: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str | None] = mapped_column(String(100))

    account: Mapped[Account] = relationship(back_populates="tier_changes")


activity_contacts = Table(
    "activity_contacts",
    Base.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_activity_contacts_contact_id", "contact_id"),
)


class Contact(Tracked, Base):
    """A person at an account."""

    __tablename__ = "contacts"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    job_title: Mapped[str | None] = mapped_column(String(150))
    department: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[ContactLevel | None] = mapped_column(enum_column(ContactLevel))
    email: Mapped[str | None] = mapped_column(String(254))
    email_secondary: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(40))
    buying_role: Mapped[BuyingRole | None] = mapped_column(enum_column(BuyingRole))
    stance: Mapped[Stance | None] = mapped_column(enum_column(Stance))
    reports_to_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    relationship_holder: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    # "stay in touch every N days": makes any contact a watched one
    # (key buying roles are watched by default, see crmdesk.core.cadence)
    stay_in_touch_days: Mapped[int | None] = mapped_column(Integer)

    account: Mapped[Account] = relationship(foreign_keys=[account_id])
    reports_to: Mapped[Contact | None] = relationship(remote_side="Contact.id")

    __table_args__ = (
        Index("ix_contacts_account_id", "account_id"),
        Index("ix_contacts_email", "email"),
        Index("ix_contacts_last_name", "last_name"),
        Index("ix_contacts_updated_at", "updated_at"),  # health cache: anything changed?
    )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class Activity(Tracked, Base):
    """An interaction with an account, or a follow-up still to do."""

    __tablename__ = "activities"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    direction: Mapped[Direction | None] = mapped_column(enum_column(Direction))
    subject: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(Text)
    complaint_status: Mapped[ComplaintStatus | None] = mapped_column(enum_column(ComplaintStatus))
    satisfaction_score: Mapped[int | None] = mapped_column(Integer)
    # retention (0006): the complaint's register fields and the check's scale
    complaint_category: Mapped[ComplaintCategory | None] = mapped_column(
        enum_column(ComplaintCategory)
    )
    complaint_severity: Mapped[ComplaintSeverity | None] = mapped_column(
        enum_column(ComplaintSeverity)
    )
    recovery_action: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    customer_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    satisfaction_kind: Mapped[SatisfactionKind | None] = mapped_column(
        enum_column(SatisfactionKind)
    )

    account: Mapped[Account] = relationship()
    contacts: Mapped[list[Contact]] = relationship(secondary=activity_contacts)

    __table_args__ = (
        Index("ix_activities_account_occurred", "account_id", "occurred_at"),
        Index("ix_activities_due_open", "due_at", "completed_at"),
        Index("ix_activities_account_due", "account_id", "due_at"),
        Index("ix_activities_updated_at", "updated_at"),  # health cache: anything changed?
    )

    @property
    def is_follow_up(self) -> bool:
        return self.due_at is not None

    @property
    def is_open(self) -> bool:
        return self.due_at is not None and self.completed_at is None
