"""This week: what the account manager should do before Sunday.

Overdue and due follow-ups, accounts and key contacts past (or reaching,
this week) their cadence, open complaints past their age limit and plans
due for review — each row says what it is and carries the ids the window
needs to offer its actions (log a touch, mark done, snooze, open).
Cadence and complaint rules come from the health score's components, so
the worklist and the score never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, select, text

from crmdesk.core import health_facts as hf
from crmdesk.core.activities import start_of_local_day
from crmdesk.core.health import (
    COMPLAINT_AGE_LIMIT,
    PLAN_REVIEW_DAYS,
    AccountHealth,
    Band,
    health_in_session,
)
from crmdesk.core.health_store import current_scores, iso_week
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus
from crmdesk.db.models import Account, Activity
from crmdesk.db.models_plans import AccountPlan, PlanStatus
from crmdesk.db.types import utcnow


class ItemKind(StrEnum):
    FOLLOW_UP = "follow_up"
    ACCOUNT_CADENCE = "account_cadence"
    CONTACT_CADENCE = "contact_cadence"
    COMPLAINT = "complaint"
    PLAN_REVIEW = "plan_review"


ACTIONS: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.FOLLOW_UP: ("done", "snooze", "open"),
    ItemKind.ACCOUNT_CADENCE: ("log", "open"),
    ItemKind.CONTACT_CADENCE: ("log", "open"),
    ItemKind.COMPLAINT: ("open",),
    ItemKind.PLAN_REVIEW: ("open",),
}


@dataclass(frozen=True)
class WorkItem:
    kind: ItemKind
    title: str
    detail: str
    account_id: int
    account_name: str
    owner: str | None
    due: date
    overdue_days: int  # > 0: overdue by that many days; 0: due today; < 0: later this week
    activity_id: int | None = None
    contact_id: int | None = None
    plan_id: int | None = None

    @property
    def actions(self) -> tuple[str, ...]:
        return ACTIONS[self.kind]

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "title": self.title,
            "detail": self.detail,
            "account": self.account_name,
            "account_id": self.account_id,
            "owner": self.owner,
            "due": self.due.isoformat(),
            "overdue_days": self.overdue_days,
            "activity_id": self.activity_id,
            "contact_id": self.contact_id,
            "plan_id": self.plan_id,
            "actions": list(self.actions),
        }


@dataclass(frozen=True)
class Worklist:
    owner: str | None  # None: everyone's
    week: str
    start: date
    end: date
    items: tuple[WorkItem, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.is_overdue)

    def to_json(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "week": self.week,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "overdue": self.overdue,
            "items": [i.to_json() for i in self.items],
        }


def _late(due: date, today: date) -> int:
    return (today - due).days


def _follow_ups(session: Any, owner: str | None, now: datetime, until: datetime) -> list[WorkItem]:
    today = now.astimezone().date()
    stmt = (
        select(
            Activity.id, Activity.subject, Activity.due_at, Account.id, Account.name, Account.owner
        )  # fmt: skip
        .join(Account, Account.id == Activity.account_id)
        .where(
            text(f"({hf.OPEN_FOLLOW_UP_SQL})"),
            Activity.due_at < until,
            Account.deleted_at.is_(None),
            Account.status != AccountStatus.LOST,
            *([Account.owner == owner] if owner else []),
        )
        .order_by(Activity.due_at, Activity.id)
    )
    out = []
    for act_id, subject, due_at, acc_id, name, acc_owner in session.connection().execute(stmt):
        due = hf._utc(due_at).astimezone().date()  # type: ignore[union-attr]
        late = _late(due, today)
        state = (
            f"overdue by {late} days"
            if late > 0
            else "due today"
            if late == 0
            else (f"due {due.strftime('%A')}")
        )
        out.append(WorkItem(ItemKind.FOLLOW_UP, subject, f"Follow-up {state}.", acc_id, name,
                            acc_owner, due, late, activity_id=act_id))  # fmt: skip
    return out


def _cadence_items(h: AccountHealth, today: date, end: date) -> list[WorkItem]:
    out = []
    cad = h.cadence
    if h.days_since_touch is None:
        due = today
    else:
        due = today + timedelta(days=cad.ideal_days - h.days_since_touch)
    if due <= end:
        since = (
            f"last touch {h.days_since_touch} days ago" if h.days_since_touch is not None
            else "never touched"
        )  # fmt: skip
        out.append(WorkItem(ItemKind.ACCOUNT_CADENCE, f"Touch {h.name}",
                            f"{since.capitalize()}; cadence {cad.describe()}.", h.account_id,
                            h.name, h.owner, due, _late(due, today)))  # fmt: skip
    contacts = h.component("key_contacts")
    for contact_id, line in zip(contacts.contact_ids, contacts.details, strict=False):
        name = line.split(":", 1)[0]
        out.append(WorkItem(ItemKind.CONTACT_CADENCE, f"Get in touch with {name}", line,
                            h.account_id, h.name, h.owner, today, 0,
                            contact_id=contact_id))  # fmt: skip
    return out


def _among(column: Any, ids: list[int] | None) -> list[ColumnElement[bool]]:
    return [] if ids is None else [column.in_(ids)]


def _complaints(session: Any, ids: list[int] | None, names: dict[int, AccountHealth],
                now: datetime) -> list[WorkItem]:  # fmt: skip
    """Open complaints past their tier's response target (working days,
    crmdesk.core.complaints) or the health score's age limit, whichever
    comes first."""
    from crmdesk.core.complaints import RESPONSE_TARGET_DAYS, due_date

    today = now.astimezone().date()
    stmt = (
        select(Activity.id, Activity.account_id, Activity.subject, Activity.occurred_at)
        .where(text(f"({hf.OPEN_COMPLAINT_SQL})"), *_among(Activity.account_id, ids))
        .order_by(Activity.occurred_at)
    )
    out = []
    for act_id, acc, subject, when in session.connection().execute(stmt):
        h = names.get(acc)
        received = hf._utc(when)
        if h is None or received is None:
            continue
        opened = received.astimezone().date()
        due = min(due_date(h.tier, received), opened + timedelta(days=COMPLAINT_AGE_LIMIT))
        if due >= today:
            continue
        why = (
            f"Complaint open since {opened.isoformat()} (respond within "
            f"{RESPONSE_TARGET_DAYS[h.tier]} working days; limit {COMPLAINT_AGE_LIMIT} days)."
        )
        out.append(WorkItem(ItemKind.COMPLAINT, subject, why, acc, h.name, h.owner, due,
                            _late(due, today), activity_id=act_id))  # fmt: skip
    return out


def _plans(session: Any, ids: list[int] | None, names: dict[int, AccountHealth], now: datetime,
           end: date) -> list[WorkItem]:  # fmt: skip
    today = now.astimezone().date()
    stmt = select(AccountPlan.id, AccountPlan.account_id, AccountPlan.period_end,
                  AccountPlan.updated_at).where(
        AccountPlan.deleted_at.is_(None), AccountPlan.status == PlanStatus.ACTIVE,
        AccountPlan.period_start <= today, *_among(AccountPlan.account_id, ids),
    )  # fmt: skip
    out = []
    for plan_id, acc, period_end, saved in session.connection().execute(stmt):
        h = names.get(acc)
        if h is None:
            continue
        days = PLAN_REVIEW_DAYS.get(h.tier)
        if days is None:
            continue
        review = saved.astimezone().date() + timedelta(days=days)
        due = min(review, period_end)
        if due > end:
            continue
        why = "period ends" if due == period_end else f"review every {days} days"
        out.append(WorkItem(ItemKind.PLAN_REVIEW, f"Review the plan of {h.name}",
                            f"Plan review due {due.isoformat()} ({why}).", acc, h.name, h.owner,
                            due, _late(due, today), plan_id=plan_id))  # fmt: skip
    return out


def week_bounds(now: datetime) -> tuple[date, date]:
    today = now.astimezone().date()
    start = today - timedelta(days=today.weekday())
    return start, start + timedelta(days=6)


def worklist(db: Database, *, owner: str | None = None, now: datetime | None = None) -> Worklist:
    """This week's list for ``owner`` (None: everyone), overdue first."""
    now = now or utcnow()
    start, end = week_bounds(now)
    today = now.astimezone().date()
    until = start_of_local_day(now) + timedelta(days=(end - today).days + 1)
    if owner is None:
        scores = current_scores(db, now=now)
    with db.session() as session:
        if owner is not None:
            scores = health_in_session(session, hf.Selection(owner=owner), now)
        ids = sorted(scores) if owner is not None else None
        items = _follow_ups(session, owner, now, until)
        for h in scores.values():
            items += _cadence_items(h, today, end)
        if any(h.component("complaints").band is Band.RED for h in scores.values()):
            items += _complaints(session, ids, scores, now)
        items += _plans(session, ids, scores, now, end)
    items.sort(key=lambda i: (-i.overdue_days, i.account_name.lower(), i.kind.value, i.title))
    return Worklist(owner, iso_week(now), start, end, tuple(items))
