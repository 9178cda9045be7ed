"""Activities: the interaction timeline and the follow-ups still to do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core import accounts
from crmdesk.core import validation as v
from crmdesk.db.engine import Database
from crmdesk.db.enums import (
    ActivityKind,
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    Direction,
    SatisfactionKind,
)
from crmdesk.db.models import Account, Activity, Contact
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError, NotFoundError


def _aware(value: Any, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(f"{field} '{value}' is not a date and time") from None
    if not isinstance(value, datetime):
        raise InvalidValueError(f"{field} is not a date and time")
    if value.tzinfo is None:
        value = value.astimezone()  # a naive time is the user's local time
    return value


_FIELDS: dict[str, Any] = {
    "kind": lambda x: v.parse_enum(ActivityKind, x, "Kind"),
    "direction": lambda x: v.parse_enum(Direction, x, "Direction"),
    "subject": lambda x: v.clean_text(x, "Subject", required=True, max_len=300),
    "notes": lambda x: v.clean_text(x, "Notes"),
    "occurred_at": lambda x: _aware(x, "When"),
    "due_at": lambda x: _aware(x, "Due"),
    "completed_at": lambda x: _aware(x, "Completed"),
    "outcome": lambda x: v.clean_text(x, "Outcome"),
    "complaint_status": lambda x: v.parse_enum(ComplaintStatus, x, "Complaint status"),
    "satisfaction_score": v.parse_score,
    "complaint_category": lambda x: v.parse_enum(ComplaintCategory, x, "Complaint category"),
    "complaint_severity": lambda x: v.parse_enum(ComplaintSeverity, x, "Severity"),
    "satisfaction_kind": lambda x: v.parse_enum(SatisfactionKind, x, "Kind of score"),
}
EDITABLE_FIELDS = tuple(_FIELDS)


def _clean(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidValueError(f"unknown activity field(s): {', '.join(sorted(unknown))}")
    return {key: _FIELDS[key](value) for key, value in changes.items()}


def _check_kind_fields(activity: Activity) -> None:
    if activity.kind is ActivityKind.COMPLAINT:
        activity.complaint_status = activity.complaint_status or ComplaintStatus.OPEN
    else:
        activity.complaint_status = None
    if activity.kind is not ActivityKind.SATISFACTION_CHECK:
        activity.satisfaction_score = None
    # complaint register fields and the check's scale: crmdesk.core.complaints
    # and crmdesk.core.satisfaction own those rules
    from crmdesk.core import complaints, satisfaction

    complaints.check_fields(activity)
    satisfaction.check_fields(activity)


def _set_contacts(session: Session, activity: Activity, contact_ids: Iterable[int]) -> None:
    ids = sorted(set(contact_ids))
    people = list(session.scalars(select(Contact).where(Contact.id.in_(ids)))) if ids else []
    if len(people) != len(ids) or any(
        p.account_id != activity.account_id or p.is_deleted for p in people
    ):
        raise InvalidValueError("the people involved must be contacts of this account")
    activity.contacts = people


def load(session: Session, activity_id: int, *, include_deleted: bool = False) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or (activity.is_deleted and not include_deleted):
        raise NotFoundError(f"no activity with id {activity_id}")
    return activity


def log_activity(
    db: Database, account_id: int, *, contact_ids: Iterable[int] = (), **fields: Any
) -> Activity:
    """Record an interaction (or a follow-up, when ``due_at`` is given)."""
    cleaned = _clean(fields)
    if cleaned.get("kind") is None:
        raise InvalidValueError("Kind is required")
    if not cleaned.get("subject"):
        raise InvalidValueError("Subject is required")
    cleaned.setdefault("occurred_at", None)
    cleaned["occurred_at"] = cleaned["occurred_at"] or utcnow()
    with db.session() as session:
        accounts.load(session, account_id)
        activity = Activity(account_id=account_id, **cleaned)
        _check_kind_fields(activity)
        session.add(activity)
        _set_contacts(session, activity, contact_ids)
        session.flush()
    return activity


def update_activity(
    db: Database, activity_id: int, *, contact_ids: Iterable[int] | None = None, **changes: Any
) -> Activity:
    cleaned = _clean(changes)
    with db.session() as session:
        activity = load(session, activity_id)
        for key, value in cleaned.items():
            if key in ("kind", "subject", "occurred_at") and value is None:
                raise InvalidValueError(f"{key.replace('_', ' ').capitalize()} is required")
            setattr(activity, key, value)
        _check_kind_fields(activity)
        if contact_ids is not None:
            _set_contacts(session, activity, contact_ids)
    return activity


def set_done(db: Database, activity_id: int, done: bool = True) -> Activity:
    """Mark a follow-up done (or not done again)."""
    with db.session() as session:
        activity = load(session, activity_id)
        if activity.due_at is None:
            raise InvalidValueError("only a follow-up can be marked done")
        activity.completed_at = utcnow() if done else None
    return activity


def delete_activity(db: Database, activity_id: int) -> None:
    with db.session() as session:
        load(session, activity_id).deleted_at = utcnow()


def restore_activity(db: Database, activity_id: int) -> Activity:
    with db.session() as session:
        activity = load(session, activity_id, include_deleted=True)
        activity.deleted_at = None
    return activity


def timeline(
    db: Database,
    account_id: int,
    *,
    kinds: Iterable[ActivityKind] = (),
    limit: int | None = 500,
) -> list[Activity]:
    """An account's activities, newest first, with the people involved."""
    with db.session() as session:
        stmt = (
            select(Activity)
            .options(selectinload(Activity.contacts))
            .where(Activity.account_id == account_id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        )
        wanted = list(kinds)
        if wanted:
            stmt = stmt.where(Activity.kind.in_(wanted))
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(session.scalars(stmt))


@dataclass(frozen=True)
class FollowUp:
    activity: Activity
    account_name: str

    def state(self, now: datetime) -> str:
        """'overdue', 'today' or 'upcoming' in the user's local day."""
        due = self.activity.due_at
        assert due is not None
        local_now = now.astimezone()
        local_due = due.astimezone()
        if local_due.date() < local_now.date():
            return "overdue"
        if local_due.date() == local_now.date():
            return "today"
        return "upcoming"


def follow_ups(
    db: Database,
    *,
    account_id: int | None = None,
    horizon_days: int | None = 14,
    now: datetime | None = None,
    limit: int | None = 1000,
) -> list[FollowUp]:
    """Open follow-ups (overdue first, then by due date), optionally for one
    account, up to ``horizon_days`` ahead (None: all)."""
    now = now or utcnow()
    with db.session() as session:
        stmt = (
            select(Activity, Account.name)
            .join(Account, Account.id == Activity.account_id)
            .options(selectinload(Activity.contacts))
            .where(
                Activity.deleted_at.is_(None),
                Account.deleted_at.is_(None),
                Activity.due_at.is_not(None),
                Activity.completed_at.is_(None),
            )
            .order_by(Activity.due_at, Activity.id)
        )
        if account_id is not None:
            stmt = stmt.where(Activity.account_id == account_id)
        if horizon_days is not None:
            stmt = stmt.where(Activity.due_at <= now + timedelta(days=horizon_days))
        if limit is not None:
            stmt = stmt.limit(limit)
        return [FollowUp(activity, name) for activity, name in session.execute(stmt)]


def start_of_local_day(now: datetime) -> datetime:
    """Midnight of the user's local day containing ``now``: a follow-up due
    before it is overdue, one due later today is just 'today'."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def overdue_count(db: Database, now: datetime | None = None) -> int:
    cutoff = start_of_local_day(now or utcnow())
    with db.session() as session:
        stmt = (
            select(func.count())
            .select_from(Activity)
            .join(Account, Account.id == Activity.account_id)
            .where(
                Activity.deleted_at.is_(None),
                Account.deleted_at.is_(None),
                Activity.due_at < cutoff,
                Activity.completed_at.is_(None),
            )
        )
        return int(session.scalar(stmt) or 0)
