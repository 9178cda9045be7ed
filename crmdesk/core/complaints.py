"""The complaints register and service recovery.

A complaint is an activity of kind ``complaint`` (migration 0006 added its
register fields). It is *due* a number of working days (Monday to Friday,
no holidays) after the local day it was received; the number comes from
:data:`RESPONSE_TARGET_DAYS` by the account's tier. A complaint still open
or in progress after its due day is *overdue* — that feeds the health
score. Resolving it records the recovery action; until the customer
confirms it closed it stays a signal: *awaiting customer confirmation*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, select, text

from crmdesk.core import validation as v
from crmdesk.db.engine import Database
from crmdesk.db.enums import (
    ActivityKind,
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    Tier,
)
from crmdesk.db.models import Account, Activity
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError, NotFoundError

#: working days from receipt to resolution, by tier: the one table to change
RESPONSE_TARGET_DAYS: dict[Tier, int] = {
    Tier.STRATEGIC: 2,
    Tier.PARTNER: 5,
    Tier.TRANSACTIONAL: 10,
}
#: SQL text of the complaint rows: literal, as the partial index of migration
#: 0006 (ixp_complaints) repeats it; SQLite uses it only for these terms
COMPLAINT_SQL = "activities.kind = 'complaint' AND activities.deleted_at IS NULL"
from crmdesk.core.activity_rules import CLOSED_STATES, OPEN_STATES  # noqa: E402
from crmdesk.core.activity_rules import check_complaint_fields as check_fields  # noqa: E402,F401


class Signal(StrEnum):
    """What a complaint asks of the account manager now."""

    OVERDUE = "overdue"  # open or in progress past its due day
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # resolved, customer not yet agreed
    CLOSED = "closed"  # resolved and confirmed by the customer
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            "awaiting_confirmation": "Awaiting customer confirmation",
            "in_progress": "In progress",
        }.get(self.value, self.value.capitalize())

    @property
    def needs_action(self) -> bool:
        return self in (
            Signal.OVERDUE,
            Signal.OPEN,
            Signal.IN_PROGRESS,
            Signal.AWAITING_CONFIRMATION,
        )


@lru_cache(maxsize=8192)
def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Mon–Fri) after ``start``; a complaint
    received at a weekend counts from the Friday before (Saturday + 1 is
    Monday, as Friday + 1 is)."""
    if days <= 0:
        return start
    weekday = start.weekday()
    if weekday > 4:
        start -= timedelta(days=weekday - 4)
        weekday = 4
    weeks, rest = divmod(days, 5)
    return start + timedelta(days=7 * weeks + rest + (2 if weekday + rest > 4 else 0))


def due_date(tier: Tier, received: datetime) -> date:
    """The due day of a complaint received at ``received`` (the user's local
    day counts)."""
    return add_working_days(received.astimezone().date(), RESPONSE_TARGET_DAYS[tier])


def is_overdue(
    tier: Tier, received: datetime, status: ComplaintStatus | None, now: datetime
) -> bool:
    return status in OPEN_STATES and now.astimezone().date() > due_date(tier, received)


def signal_of(
    tier: Tier,
    received: datetime,
    status: ComplaintStatus | None,
    confirmed_at: datetime | None,
    now: datetime,
) -> Signal:
    if status is ComplaintStatus.REJECTED:
        return Signal.REJECTED
    if status is ComplaintStatus.RESOLVED:
        return Signal.CLOSED if confirmed_at else Signal.AWAITING_CONFIRMATION
    if is_overdue(tier, received, status, now):
        return Signal.OVERDUE
    return Signal.IN_PROGRESS if status is ComplaintStatus.IN_PROGRESS else Signal.OPEN


@dataclass(frozen=True)
class ComplaintRow:
    """One line of the register."""

    id: int
    account_id: int
    account: str
    tier: Tier
    owner: str | None
    subject: str
    category: ComplaintCategory | None
    severity: ComplaintSeverity | None
    status: ComplaintStatus | None
    received: datetime
    due: date
    age_days: int
    signal: Signal
    recovery_action: str | None
    resolved_at: datetime | None
    confirmed_at: datetime | None

    @property
    def overdue(self) -> bool:
        return self.signal is Signal.OVERDUE

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "account": self.account,
            "tier": self.tier.value,
            "owner": self.owner,
            "subject": self.subject,
            "category": self.category.value if self.category else None,
            "severity": self.severity.value if self.severity else None,
            "status": self.status.value if self.status else None,
            "received": self.received.isoformat(),
            "due": self.due.isoformat(),
            "age_days": self.age_days,
            "overdue": self.overdue,
            "signal": self.signal.value,
            "recovery_action": self.recovery_action,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "customer_confirmed": self.confirmed_at is not None,
        }


_ORDER = {s: i for i, s in enumerate(Signal)}


def register(
    db: Database,
    *,
    open_only: bool = False,
    tiers: Iterable[Tier] = (),
    owner: str | None = None,
    account_id: int | None = None,
    now: datetime | None = None,
) -> list[ComplaintRow]:
    """Every live complaint, most urgent first (overdue, open, in progress,
    awaiting confirmation, then closed), oldest first within each.
    ``open_only`` keeps those that still need action."""
    now = now or utcnow()
    a = Activity
    conditions: list[Any] = [text(f"({COMPLAINT_SQL})"), Account.deleted_at.is_(None)]
    tiers = sorted(set(tiers))
    if tiers:
        conditions.append(Account.tier.in_(tiers))
    if owner:
        conditions.append(Account.owner == owner)
    if account_id is not None:
        conditions.append(a.account_id == account_id)
    if open_only:
        conditions.append(
            a.complaint_status.in_(OPEN_STATES)
            | and_(
                a.complaint_status == ComplaintStatus.RESOLVED,
                a.customer_confirmed_at.is_(None),
            )
        )
    stmt = (
        select(
            a.id, a.account_id, Account.name, Account.tier, Account.owner, a.subject,
            a.complaint_category, a.complaint_severity, a.complaint_status, a.occurred_at,
            a.recovery_action, a.resolved_at, a.customer_confirmed_at,
        )
        .join(Account, Account.id == a.account_id)
        .where(*conditions)
    )  # fmt: skip
    rows = []
    for r in _run(db, stmt):
        end = r.resolved_at or now
        rows.append(
            ComplaintRow(
                id=r.id, account_id=r.account_id, account=r.name, tier=r.tier, owner=r.owner,
                subject=r.subject, category=r.complaint_category, severity=r.complaint_severity,
                status=r.complaint_status, received=r.occurred_at,
                due=due_date(r.tier, r.occurred_at),
                age_days=max(0, (end - r.occurred_at).days),
                signal=signal_of(r.tier, r.occurred_at, r.complaint_status,
                                 r.customer_confirmed_at, now),
                recovery_action=r.recovery_action, resolved_at=r.resolved_at,
                confirmed_at=r.customer_confirmed_at,
            )
        )  # fmt: skip
    rows.sort(key=lambda c: (_ORDER[c.signal], c.received, c.id))
    return rows


def _run(db: Database, stmt: Any) -> list[Any]:
    with db.engine.connect() as conn:  # plain rows: no ORM work per row
        return list(conn.execute(stmt))


def _load(session: Any, complaint_id: int) -> Activity:
    activity = session.get(Activity, complaint_id)
    if activity is None or activity.is_deleted or activity.kind is not ActivityKind.COMPLAINT:
        raise NotFoundError(f"no complaint with id {complaint_id}")
    return activity


def resolve(
    db: Database,
    complaint_id: int,
    *,
    action: str,
    confirmed: bool = False,
    rejected: bool = False,
    when: datetime | None = None,
) -> Activity:
    """Close a complaint with the recovery action taken (or, rejected, the
    reason); ``confirmed`` when the customer has agreed it is closed."""
    what = "Reason for rejecting" if rejected else "Recovery action"
    text = v.clean_text(action, what, required=True)
    when = when or utcnow()
    with db.session() as session:
        activity = _load(session, complaint_id)
        activity.complaint_status = (
            ComplaintStatus.REJECTED if rejected else ComplaintStatus.RESOLVED
        )
        activity.recovery_action = text
        activity.resolved_at = when
        activity.customer_confirmed_at = when if confirmed else None
    return activity


def confirm(db: Database, complaint_id: int, when: datetime | None = None) -> Activity:
    """The customer confirmed a resolved complaint closed."""
    with db.session() as session:
        activity = _load(session, complaint_id)
        if activity.complaint_status is not ComplaintStatus.RESOLVED:
            raise InvalidValueError(
                f"complaint {complaint_id} is not resolved yet: resolve it with its recovery action"
            )
        activity.customer_confirmed_at = when or utcnow()
    return activity


def classify(
    db: Database,
    complaint_id: int,
    *,
    category: ComplaintCategory | str | None = None,
    severity: ComplaintSeverity | str | None = None,
    in_progress: bool = False,
) -> Activity:
    with db.session() as session:
        activity = _load(session, complaint_id)
        if category is not None:
            activity.complaint_category = v.parse_enum(ComplaintCategory, category, "Category")
        if severity is not None:
            activity.complaint_severity = v.parse_enum(ComplaintSeverity, severity, "Severity")
        if in_progress:
            if activity.complaint_status in CLOSED_STATES:
                raise InvalidValueError(f"complaint {complaint_id} is already closed")
            activity.complaint_status = ComplaintStatus.IN_PROGRESS
    return activity
