"""What the health score is computed from, gathered for a whole portfolio
in a handful of SQL aggregates (GROUP BY / window queries), never by
walking accounts one by one.

Each gatherer fills its fields of :class:`Facts` for every selected
account in one query. A new health component that needs new data adds its
fields here and one gatherer to :data:`GATHERERS` (see crmdesk.core.health).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, distinct, func, select, text
from sqlalchemy.orm import Session

from crmdesk.core import cadence
from crmdesk.core.activities import start_of_local_day
from crmdesk.db.enums import (
    AccountStatus,
    BuyingRole,
    ContactLevel,
    Tier,
)
from crmdesk.db.models import Account, Activity, Contact, activity_contacts
from crmdesk.db.models_plans import AccountPlan, PlanStatus
from crmdesk.db.types import UTCDateTime

TREND_DAYS = 90  # activity trend: the last 90 days against the 90 before
SATISFACTION_DAYS = 730  # satisfaction checks older than two years are not used


@dataclass(frozen=True)
class Selection:
    """Which accounts: live and not lost, optionally by tier, owner, ids."""

    tiers: frozenset[Tier] = frozenset()
    owner: str | None = None
    ids: frozenset[int] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = [
            Account.deleted_at.is_(None),
            Account.status != AccountStatus.LOST,
        ]
        if self.tiers:
            out.append(Account.tier.in_(sorted(self.tiers)))
        if self.owner:
            out.append(Account.owner == self.owner)
        if self.ids is not None:
            out.append(Account.id.in_(sorted(self.ids)))
        return out

    @property
    def is_everything(self) -> bool:
        return not self.tiers and not self.owner and self.ids is None


@dataclass(frozen=True)
class Watched:
    """A contact with a cadence and their last touch."""

    id: int
    name: str
    role: BuyingRole | None
    stay_in_touch_days: int | None
    last_touch: datetime | None


@dataclass
class Facts:
    """One account's raw numbers (filled in place by the gatherers)."""

    account_id: int
    uuid: uuid.UUID
    name: str
    tier: Tier
    owner: str | None
    cadence_days: int | None
    last_touch: datetime | None = None
    touches_recent: int = 0
    touches_before: int = 0
    open_complaints: int = 0
    oldest_complaint: datetime | None = None
    overdue_complaints: int = 0  # past the tier's response target (core.complaints)
    overdue_follow_ups: int = 0
    oldest_overdue: datetime | None = None
    satisfaction_checks: int = 0
    latest_score: int | None = None
    latest_score_at: datetime | None = None
    previous_score: int | None = None
    mean_before: float | None = None
    contacts: int = 0
    has_decision_maker: bool = False
    has_champion: bool = False
    has_executive: bool = False
    levels: int = 0
    watched: list[Watched] = field(default_factory=list)
    plan_period: tuple[date, date] | None = None
    plan_reviewed_at: datetime | None = None


_UTC = UTCDateTime()


def _utc(value: Any) -> datetime | None:
    """A datetime from an aggregate, however the driver returned it."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return _UTC.process_result_value(value, None)  # type: ignore[arg-type]


def _in_selection(column: Any, sel: Selection) -> list[ColumnElement[bool]]:
    if sel.is_everything:
        return []  # facts of unselected (lost) accounts are simply dropped
    return [column.in_(select(Account.id).where(and_(*sel.conditions())))]


def gather_accounts(session: Session, sel: Selection, now: datetime) -> dict[int, Facts]:
    stmt = select(
        Account.id, Account.uuid, Account.name, Account.tier, Account.owner, Account.cadence_days
    ).where(and_(*sel.conditions()))
    return {row.id: Facts(*row) for row in session.connection().execute(stmt)}


#: SQL text of the open-complaint and satisfaction-check rows: literal, as the
#: partial indexes of migration 0005 repeat them (see cadence.touch_sql)
OPEN_COMPLAINT_SQL = (
    "activities.kind = 'complaint' AND activities.complaint_status IN ('open', 'in_progress') "
    "AND activities.deleted_at IS NULL"
)
OPEN_FOLLOW_UP_SQL = (
    "activities.due_at IS NOT NULL AND activities.completed_at IS NULL "
    "AND activities.deleted_at IS NULL"
)
SATISFACTION_SQL = (
    "activities.kind = 'satisfaction_check' AND activities.satisfaction_score IS NOT NULL "
    "AND activities.deleted_at IS NULL"
)


def _where(sql: str) -> ColumnElement[bool]:
    return and_(text(f"({sql})"))


def gather_touches(session: Session, sel: Selection, now: datetime, out: dict[int, Facts]) -> None:
    """Last touch and the trend counts, from the touches' partial index."""
    recent_from = now - timedelta(days=TREND_DAYS)
    before_from = now - timedelta(days=2 * TREND_DAYS)
    at = Activity.occurred_at
    stmt = (
        select(
            Activity.account_id,
            func.max(at),
            func.sum(case((at > recent_from, 1), else_=0)),
            func.sum(case((and_(at > before_from, at <= recent_from), 1), else_=0)),
        )
        .where(cadence.touch_condition(), at <= now, *_in_selection(Activity.account_id, sel))
        .group_by(Activity.account_id)
    )
    for acc, last, recent, before in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None:
            f.last_touch = _utc(last)
            f.touches_recent, f.touches_before = int(recent or 0), int(before or 0)


def gather_complaints(
    session: Session, sel: Selection, now: datetime, out: dict[int, Facts]
) -> None:
    stmt = (
        select(Activity.account_id, func.count(), func.min(Activity.occurred_at))
        .where(_where(OPEN_COMPLAINT_SQL), *_in_selection(Activity.account_id, sel))
        .group_by(Activity.account_id)
    )
    for acc, count, oldest in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None:
            f.open_complaints, f.oldest_complaint = int(count), _utc(oldest)


def gather_overdue_complaints(
    session: Session, sel: Selection, now: datetime, out: dict[int, Facts]
) -> None:
    """Open complaints past their tier's response target: the open rows
    (account, received) from the partial index, due dates by crmdesk.core.complaints."""
    from crmdesk.core import complaints

    stmt = select(Activity.account_id, Activity.occurred_at).where(
        _where(OPEN_COMPLAINT_SQL), *_in_selection(Activity.account_id, sel)
    )
    today = now.astimezone().date()
    for acc, received in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None and today > complaints.due_date(f.tier, _utc(received) or now):
            f.overdue_complaints += 1


def gather_follow_ups(
    session: Session, sel: Selection, now: datetime, out: dict[int, Facts]
) -> None:
    """Overdue follow-ups: due before today (local) and not done."""
    stmt = (
        select(Activity.account_id, func.count(), func.min(Activity.due_at))
        .where(
            _where(OPEN_FOLLOW_UP_SQL),
            Activity.due_at < start_of_local_day(now),
            *_in_selection(Activity.account_id, sel),
        )
        .group_by(Activity.account_id)
    )
    for acc, count, oldest in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None:
            f.overdue_follow_ups, f.oldest_overdue = int(count), _utc(oldest)


def gather_satisfaction(
    session: Session, sel: Selection, now: datetime, out: dict[int, Facts]
) -> None:
    """The latest score, the one before it and the mean of all earlier
    ones, folded from the checks in (account, time) order — the partial
    index's order, so SQLite neither sorts nor reads the table."""
    stmt = (
        select(Activity.account_id, Activity.occurred_at, Activity.satisfaction_score)
        .where(
            _where(SATISFACTION_SQL),
            Activity.occurred_at > now - timedelta(days=SATISFACTION_DAYS),
            Activity.occurred_at <= now,
            *_in_selection(Activity.account_id, sel),
        )
        .order_by(Activity.account_id, Activity.occurred_at)
    )
    totals: dict[int, int] = {}
    for acc, when, score in session.connection().execute(stmt):
        f = out.get(acc)
        if f is None or score is None:
            continue
        if f.latest_score is not None:
            f.previous_score = f.latest_score
        f.satisfaction_checks += 1
        totals[acc] = totals.get(acc, 0) + int(score)
        f.latest_score, f.latest_score_at = int(score), _utc(when)
    for acc, total in totals.items():
        f = out[acc]
        if f.satisfaction_checks > 1 and f.latest_score is not None:
            f.mean_before = (total - f.latest_score) / (f.satisfaction_checks - 1)


def gather_contacts(session: Session, sel: Selection, now: datetime, out: dict[int, Facts]) -> None:
    """Coverage: decision maker, champion, executive, distinct levels."""

    def has(condition: ColumnElement[bool]) -> Any:
        return func.max(case((condition, 1), else_=0))

    stmt = (
        select(
            Contact.account_id,
            func.count(),
            has(Contact.buying_role == BuyingRole.DECISION_MAKER),
            has(Contact.buying_role == BuyingRole.CHAMPION),
            has(Contact.level == ContactLevel.EXECUTIVE),
            func.count(distinct(Contact.level)),
        )
        .where(Contact.deleted_at.is_(None), *_in_selection(Contact.account_id, sel))
        .group_by(Contact.account_id)
    )
    for acc, count, dm, champion, executive, levels in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None:
            f.contacts, f.levels = int(count), int(levels)
            f.has_decision_maker, f.has_champion = bool(dm), bool(champion)
            f.has_executive = bool(executive)


def gather_watched(session: Session, sel: Selection, now: datetime, out: dict[int, Facts]) -> None:
    """Each watched contact with the last touch they took part in."""
    last = (
        select(func.max(Activity.occurred_at))
        .select_from(activity_contacts)
        .join(Activity, Activity.id == activity_contacts.c.activity_id)
        .where(
            activity_contacts.c.contact_id == Contact.id,
            cadence.touch_condition(),
            Activity.occurred_at <= now,
        )
        .correlate(Contact)
        .scalar_subquery()
    )
    stmt = (
        select(
            Contact.id,
            Contact.account_id,
            Contact.first_name,
            Contact.last_name,
            Contact.buying_role,
            Contact.stay_in_touch_days,
            last.label("last"),
        )
        .where(
            Contact.deleted_at.is_(None),
            cadence.watched_contact_condition(),
            *_in_selection(Contact.account_id, sel),
        )
        .order_by(Contact.account_id, Contact.id)
    )
    for row in session.connection().execute(stmt):
        f = out.get(row.account_id)
        if f is not None:
            name = " ".join(p for p in (row.first_name, row.last_name) if p)
            f.watched.append(
                Watched(row.id, name, row.buying_role, row.stay_in_touch_days, _utc(row.last))
            )


def gather_plans(session: Session, sel: Selection, now: datetime, out: dict[int, Facts]) -> None:
    """The active plan covering today, and when it was last saved."""
    today = now.astimezone().date()
    stmt = (
        select(
            AccountPlan.account_id,
            func.min(AccountPlan.period_start),
            func.max(AccountPlan.period_end),
            func.max(AccountPlan.updated_at),
        )
        .where(
            AccountPlan.deleted_at.is_(None),
            AccountPlan.status == PlanStatus.ACTIVE,
            AccountPlan.period_start <= today,
            AccountPlan.period_end >= today,
            *_in_selection(AccountPlan.account_id, sel),
        )
        .group_by(AccountPlan.account_id)
    )
    for acc, start, end, saved in session.connection().execute(stmt):
        f = out.get(acc)
        if f is not None:
            f.plan_period = (_date(start), _date(end))
            f.plan_reviewed_at = _utc(saved)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


Gatherer = Callable[[Session, Selection, datetime, dict[int, Facts]], None]
#: every query that feeds the components; each fills its fields of Facts
GATHERERS: tuple[Gatherer, ...] = (
    gather_touches,
    gather_complaints,
    gather_overdue_complaints,
    gather_follow_ups,
    gather_satisfaction,
    gather_contacts,
    gather_watched,
    gather_plans,
)


def gather(session: Session, sel: Selection, now: datetime) -> dict[int, Facts]:
    out = gather_accounts(session, sel, now)
    if out:
        for gatherer in GATHERERS:
            gatherer(session, sel, now, out)
    return out
