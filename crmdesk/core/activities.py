"""Activities: the interaction timeline and the follow-ups still to do.

A follow-up is an activity with a due time; one given as a day is due at
:data:`FOLLOW_UP_TIME` local time that day. Follow-ups belong to the owner of
their account (activities carry no owner of their own).
"""

from __future__ import annotations

import uuid as uuid_mod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core import accounts, activity_rules
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

FOLLOW_UP_TIME = time(9, 0)


def _aware(value: Any, field: str, day_time: time | None = None) -> datetime | None:
    """An aware datetime from a datetime, ISO text or (with ``day_time``) a
    day: "2026-12-10" is that day at ``day_time``, local time."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if day_time is not None and len(text) == 10:
                value = date.fromisoformat(text)
            else:
                value = datetime.fromisoformat(text)
        except ValueError:
            what = "a date (YYYY-MM-DD)" if day_time is not None else "a date and time"
            raise InvalidValueError(
                f"{field} '{value}' is not {what}, like 2026-12-31"
                + ("" if day_time is not None else " 14:30")
            ) from None
    if isinstance(value, date) and not isinstance(value, datetime) and day_time is not None:
        value = datetime.combine(value, day_time)
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
    "due_at": lambda x: _aware(x, "Due", FOLLOW_UP_TIME),
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
    # complaint register fields and the check's scale (crmdesk.core.activity_rules)
    activity_rules.check_complaint_fields(activity)
    activity_rules.check_satisfaction_fields(activity)


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


def find_activity(db: Database, id_or_uuid: str | int) -> Activity:
    """One live activity by its id or UUID, with its account and people."""
    text = str(id_or_uuid).strip()
    with db.session() as session:
        stmt = select(Activity).options(
            selectinload(Activity.contacts), selectinload(Activity.account)
        )
        if text.isdigit():
            stmt = stmt.where(Activity.id == int(text))
        else:
            try:
                stmt = stmt.where(Activity.uuid == uuid_mod.UUID(text))
            except ValueError:
                raise InvalidValueError(
                    f"'{text}' is not an activity id (a number, or a UUID)"
                ) from None
        activity = session.scalars(stmt.where(Activity.deleted_at.is_(None))).first()
        if activity is None:
            raise NotFoundError(f"no activity with id {text}")
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


def log_with_follow_up(
    db: Database,
    account_id: int,
    *,
    follow_up_due: Any = None,
    follow_up_subject: str | None = None,
    contact_ids: Iterable[int] = (),
    **fields: Any,
) -> list[Activity]:
    """Record an interaction and, when ``follow_up_due`` is given, the task
    to follow it up (same people; subject "Follow up: …" unless given), in
    one transaction: both are written or neither. Returns [activity,
    follow-up] (the follow-up only when there is one)."""
    people = list(contact_ids)
    cleaned = _clean(fields)
    if cleaned.get("kind") is None:
        raise InvalidValueError("Kind is required")
    if not cleaned.get("subject"):
        raise InvalidValueError("Subject is required")
    cleaned["occurred_at"] = cleaned.get("occurred_at") or utcnow()
    due = _FIELDS["due_at"](follow_up_due)
    task: dict[str, Any] | None = None
    if due is not None:
        subject = (follow_up_subject or f"Follow up: {cleaned['subject']}")[:300]
        task = _clean({"kind": ActivityKind.TASK, "subject": subject, "due_at": due})
        task["occurred_at"] = utcnow()
    with db.session() as session:
        accounts.load(session, account_id)
        logged = []
        for values in (cleaned, task):
            if values is None:
                continue
            activity = Activity(account_id=account_id, **values)
            _check_kind_fields(activity)
            session.add(activity)
            _set_contacts(session, activity, people)
            logged.append(activity)
        session.flush()
    return logged


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


def set_done(
    db: Database, activity_id: int, done: bool = True, *, outcome: str | None = None
) -> Activity:
    """Mark a follow-up done (or not done again); ``outcome``, when given,
    records how it went."""
    text = v.clean_text(outcome, "Outcome")
    with db.session() as session:
        activity = load(session, activity_id)
        if activity.due_at is None:
            raise InvalidValueError(
                f"'{activity.subject}' is not a follow-up: nothing to mark done"
            )
        if done and activity.completed_at is not None:
            raise InvalidValueError(f"'{activity.subject}' is done already")
        activity.completed_at = utcnow() if done else None
        if text is not None:
            activity.outcome = text
    return activity


def reschedule(db: Database, activity_id: int, due: Any) -> datetime:
    """Move an open follow-up to ``due`` (a day, due at :data:`FOLLOW_UP_TIME`
    local time, or a date and time); returns the due time it had, so the
    window can undo it. A done follow-up is not moved (reopen it first)."""
    new_due = _aware(due, "Due", FOLLOW_UP_TIME)
    if new_due is None:
        raise InvalidValueError("Due is required to reschedule a follow-up")
    with db.session() as session:
        activity = load(session, activity_id)
        if activity.due_at is None:
            raise InvalidValueError(f"'{activity.subject}' is not a follow-up: nothing to move")
        if activity.completed_at is not None:
            raise InvalidValueError(f"'{activity.subject}' is done already: nothing to move")
        old_due = activity.due_at
        activity.due_at = new_due
    return old_due


def snoozed_due(due: datetime, days: int) -> datetime:
    """``days`` after ``due`` at the same local time, never before tomorrow:
    snoozing a follow-up overdue for a month by a day makes it tomorrow's."""
    local_due = due.astimezone()
    tomorrow = datetime.combine(utcnow().astimezone().date() + timedelta(days=1), local_due.time())
    moved = local_due + timedelta(days=days)
    return max(moved, tomorrow.astimezone())


def delete_activity(db: Database, activity_id: int) -> None:
    delete_activities(db, [activity_id])


def restore_activity(db: Database, activity_id: int) -> Activity:
    return restore_activities(db, [activity_id])[0]


def delete_activities(db: Database, activity_ids: Iterable[int]) -> None:
    """Soft-delete several activities in one transaction (one user action)."""
    with db.session() as session:
        now = utcnow()
        for activity_id in activity_ids:
            load(session, activity_id).deleted_at = now


def restore_activities(db: Database, activity_ids: Iterable[int]) -> list[Activity]:
    with db.session() as session:
        restored = [load(session, i, include_deleted=True) for i in activity_ids]
        for activity in restored:
            activity.deleted_at = None
    return restored


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
    owner: str | None = None
    """the account's owner, who the follow-up is for"""

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
    owner: str | None = None,
    overdue_only: bool = False,
) -> list[FollowUp]:
    """Open follow-ups (overdue first, then by due date), optionally for one
    account or one owner (any case), up to ``horizon_days`` ahead (None: all);
    ``overdue_only``: only those due before today."""
    now = now or utcnow()
    with db.session() as session:
        stmt = (
            select(Activity, Account.name, Account.owner)
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
        if owner is not None:
            stmt = stmt.where(func.lower(Account.owner) == owner.strip().lower())
        if overdue_only:
            stmt = stmt.where(Activity.due_at < start_of_local_day(now))
        if horizon_days is not None:
            stmt = stmt.where(Activity.due_at <= now + timedelta(days=horizon_days))
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            FollowUp(activity, name, account_owner)
            for activity, name, account_owner in session.execute(stmt)
        ]


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
