"""Build the plain data of a printed account plan or review pack.

One read-only session gathers everything (accounts, current plans,
contacts, a year of activity, follow-ups) in a handful of queries for the
whole selection; the result is frozen dataclasses that the PDF writers
render without touching the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core import signals
from crmdesk.core.analysis import analyse_in_session
from crmdesk.core.health import AccountHealth, health_in_session
from crmdesk.core.health_facts import Selection
from crmdesk.core.health_store import history_in_session
from crmdesk.core.plan_data import (
    AccountSnapshot,
    AtRiskRow,
    FollowUpEntry,
    OverdueRow,
    PackDocument,
    PlanDocument,
    TierSummary,
    TimelineEntry,
)
from crmdesk.core.plan_templates import template_for
from crmdesk.core.plans import TEXT_FIELDS, item_data, pick_current
from crmdesk.core.portfolio import AccountFilter, SortKey, _conditions, list_accounts
from crmdesk.core.stakeholders import stakeholders_by_account
from crmdesk.db.engine import Database
from crmdesk.db.enums import AccountStatus, Tier
from crmdesk.db.models import Account, Activity
from crmdesk.db.models_plans import AccountPlan, PlanStatus
from crmdesk.db.types import utcnow
from crmdesk.errors import CrmError, InvalidValueError, NotFoundError

TIMELINE_DAYS = 90
TIMELINE_LIMIT = 40
FOLLOW_UP_LIMIT = 30
MAX_PACK = 2000
Progress = Callable[[int, int], None]


class Cancelled(CrmError):
    """The user stopped a long export."""


def _snapshot(a: Account) -> AccountSnapshot:
    return AccountSnapshot(
        id=a.id,
        uuid=a.uuid,
        name=a.name,
        tier=a.tier,
        status=a.status,
        lifecycle_stage=a.lifecycle_stage,
        owner=a.owner,
        currency=a.currency,
        annual_value=a.annual_value,
        potential_value=a.potential_value,
        industry=a.industry,
        country=a.country,
    )


def _plans(session: Session, ids: Sequence[int]) -> dict[int, list[AccountPlan]]:
    stmt = (
        select(AccountPlan)
        .options(selectinload(AccountPlan.items))
        .where(AccountPlan.account_id.in_(ids), AccountPlan.deleted_at.is_(None))
    )
    out: dict[int, list[AccountPlan]] = defaultdict(list)
    for plan in session.scalars(stmt):
        out[plan.account_id].append(plan)
    return out


def _activities(
    session: Session, ids: Sequence[int], now: datetime
) -> tuple[dict[int, list[Activity]], dict[int, list[Activity]]]:
    """Last-90-days timeline and open follow-ups, per account."""
    since = now - timedelta(days=TIMELINE_DAYS)
    base = (
        select(Activity)
        .options(selectinload(Activity.contacts))
        .where(Activity.account_id.in_(ids), Activity.deleted_at.is_(None))
    )
    recent: dict[int, list[Activity]] = defaultdict(list)
    stmt = base.where(Activity.occurred_at >= since, Activity.occurred_at <= now)
    for act in session.scalars(stmt.order_by(Activity.occurred_at.desc(), Activity.id.desc())):
        recent[act.account_id].append(act)
    open_: dict[int, list[Activity]] = defaultdict(list)
    stmt = base.where(Activity.due_at.is_not(None), Activity.completed_at.is_(None))
    for act in session.scalars(stmt.order_by(Activity.due_at, Activity.id)):
        open_[act.account_id].append(act)
    return recent, open_


def _follow_up_state(due: datetime, now: datetime) -> str:
    day, today = due.astimezone().date(), now.astimezone().date()
    return "overdue" if day < today else "today" if day == today else "upcoming"


def _documents(
    session: Session,
    accounts: Sequence[Account],
    now: datetime,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PlanDocument]:
    ids = [a.id for a in accounts]
    today = now.astimezone().date()
    plans = _plans(session, ids)
    people = stakeholders_by_account(session, ids)
    facts = signals.load_facts(session, ids, now)
    recent, open_ = _activities(session, ids, now)
    health = health_in_session(session, Selection(ids=frozenset(ids)), now)
    history = history_in_session(session, ids)
    out = []
    for index, account in enumerate(accounts):
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled")
        plan = pick_current(plans.get(account.id, []), today)
        previous = None
        if plan is not None and plan.previous_plan_id is not None:
            previous = next(
                (p for p in plans.get(account.id, []) if p.id == plan.previous_plan_id), None
            )
        mine = facts.get(account.id, [])
        stakeholders = people.get(account.id, [])
        timeline = recent.get(account.id, [])
        ups = open_.get(account.id, [])
        mine_health = health.get(account.id)
        out.append(
            PlanDocument(
                account=_snapshot(account),
                printed_at=now,
                has_plan=plan is not None,
                period_start=plan.period_start if plan else None,
                period_end=plan.period_end if plan else None,
                plan_status=plan.status.label if plan else None,
                previous_period=(previous.period_start, previous.period_end) if previous else None,
                texts={k: getattr(plan, k) for k in TEXT_FIELDS if getattr(plan, k)}
                if plan
                else {},
                items=tuple(item_data(row) for row in plan.items) if plan else (),
                stakeholders=tuple(stakeholders),
                coverage_gaps=_coverage_gaps(account.tier, mine_health),
                signals=tuple(signals.defection_signals(mine_health)) if mine_health else (),
                health=mine_health,
                health_history=tuple(history.get(account.id, ())),
                activity=signals.activity_series(mine, today),
                satisfaction=tuple(signals.satisfaction(mine)),
                timeline=tuple(
                    TimelineEntry(
                        when=a.occurred_at,
                        kind=a.kind.label,
                        subject=a.subject,
                        people=", ".join(c.full_name for c in a.contacts if not c.is_deleted),
                        outcome=a.outcome,
                    )
                    for a in timeline[:TIMELINE_LIMIT]
                ),
                timeline_more=max(0, len(timeline) - TIMELINE_LIMIT),
                follow_ups=tuple(
                    FollowUpEntry(
                        due=a.due_at, subject=a.subject, state=_follow_up_state(a.due_at, now)
                    )
                    for a in ups[:FOLLOW_UP_LIMIT]
                    if a.due_at is not None
                ),
            )
        )
        if progress is not None:
            progress(index + 1, len(accounts))
    return out


def _coverage_gaps(tier: Tier, h: AccountHealth | None) -> tuple[str, ...]:
    """The stakeholder map's gaps: the health score's coverage and key-contact
    lines (partner and strategic relationships only)."""
    if h is None or not template_for(tier).checks_coverage:
        return ()
    return h.component("coverage").details + h.component("key_contacts").details


def build_plan_document(
    db: Database, account_id: int, *, now: datetime | None = None
) -> PlanDocument:
    """Everything the account plan PDF shows for one account."""
    now = now or utcnow()
    with db.reading() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFoundError(f"no account with id {account_id}")
        return _documents(session, [account], now)[0]


def describe_selection(flt: AccountFilter, names: Sequence[str] = ()) -> str:
    parts = []
    if flt.tiers:
        parts.append(" and ".join(sorted(t.label.lower() for t in flt.tiers)) + " accounts")
    if flt.statuses:
        parts.append("status " + " or ".join(sorted(s.label.lower() for s in flt.statuses)))
    if flt.owner:
        parts.append(f"owned by {flt.owner}")
    if names:
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        parts.append(f"chosen: {shown}")
    return "; ".join(parts) or "all accounts"


PAGES_PER_PLAN = 4  # a partner or strategic plan with its last 90 days, typically
PAGES_WITHOUT_PLAN = 1  # the compact page


@dataclass(frozen=True)
class PackEstimate:
    """What a pack of a selection would hold, before anything is laid out."""

    accounts: int
    with_plan: int
    everything: bool  # the selection is every live account

    @property
    def pages(self) -> int:
        without = self.accounts - self.with_plan
        return 3 + self.with_plan * PAGES_PER_PLAN + without * PAGES_WITHOUT_PLAN


def estimate_pack(db: Database, flt: AccountFilter, *, today: date | None = None) -> PackEstimate:
    """Accounts and (roughly) pages a review pack of ``flt`` would print, so
    the window can ask before printing a whole portfolio."""
    today = today or date.today()
    current = or_(
        and_(AccountPlan.period_start <= today, AccountPlan.period_end >= today),
        and_(AccountPlan.period_start > today, AccountPlan.status != PlanStatus.ARCHIVED),
    )
    with db.session() as session:
        count = select(func.count()).select_from(Account)
        chosen = int(session.scalar(count.where(and_(*_conditions(db, flt)))) or 0)
        every = int(session.scalar(count.where(Account.deleted_at.is_(None))) or 0)
        planned = session.scalar(
            select(func.count(distinct(AccountPlan.account_id)))
            .join(Account, Account.id == AccountPlan.account_id)
            .where(AccountPlan.deleted_at.is_(None), current, *_conditions(db, flt))
        )
    return PackEstimate(chosen, int(planned or 0), everything=chosen == every)


def build_pack(
    db: Database,
    flt: AccountFilter,
    *,
    names: Sequence[str] = (),
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackDocument:
    """A review pack of every live account the filter selects: strategic
    first, then partner, then transactional, by name within a tier."""
    now = now or utcnow()
    rows = list_accounts(db, flt, sort=SortKey.TIER, descending=True, limit=MAX_PACK + 1)
    if not rows:
        raise InvalidValueError("no accounts match the review pack's selection")
    if len(rows) > MAX_PACK:
        raise InvalidValueError(
            f"more than {MAX_PACK} accounts match; narrow the selection (tier, owner, status)"
        )
    order = {row.id: i for i, row in enumerate(rows)}
    with db.reading() as session:
        stmt = select(Account).where(Account.id.in_(list(order)))
        accounts = sorted(session.scalars(stmt), key=lambda a: order[a.id])
        plans = _documents(session, accounts, now, progress=progress, cancelled=cancelled)
        portfolio = analyse_in_session(session, now)  # the pack's analysis section
    return PackDocument(
        title="Account review pack",
        selection=describe_selection(flt, names),
        printed_at=now,
        tiers=_tier_summary(plans),
        at_risk=tuple(_at_risk(plans)),
        overdue=tuple(_overdue(plans)),
        plans=tuple(plans),
        analysis=portfolio,
    )


def _tier_summary(plans: Sequence[PlanDocument]) -> tuple[TierSummary, ...]:
    out = []
    for tier in (Tier.STRATEGIC, Tier.PARTNER, Tier.TRANSACTIONAL):
        mine = [p.account for p in plans if p.account.tier is tier]
        value: dict[str, Decimal] = defaultdict(Decimal)
        for a in mine:
            if a.annual_value is not None:
                value[a.currency] += a.annual_value
        out.append(TierSummary(tier=tier, accounts=len(mine), value=dict(value)))
    return tuple(out)


def _at_risk(plans: Sequence[PlanDocument]) -> list[AtRiskRow]:
    out = []
    for p in plans:
        if p.account.status is AccountStatus.LOST:
            continue
        h = p.health
        reasons = [c.title.lower() for c in h.components if c.band.value == "red"] if h else []
        if p.account.status is AccountStatus.AT_RISK:
            reasons.insert(0, "marked at risk")
        if reasons or (h is not None and h.needs_attention):
            out.append(
                AtRiskRow(
                    p.account.name,
                    p.account.tier,
                    p.account.owner,
                    "; ".join(reasons).capitalize(),
                    score=h.score if h else None,
                )
            )
    return out


def _overdue(plans: Sequence[PlanDocument]) -> list[OverdueRow]:
    out = []
    for p in plans:
        late = [f for f in p.follow_ups if f.state == "overdue"]
        if late:
            oldest = min(f.due for f in late).astimezone().date()
            out.append(OverdueRow(p.account.name, p.account.owner, len(late), oldest))
    return sorted(out, key=lambda r: (-r.overdue, r.oldest, r.name))
