"""Portfolio analysis: what the retention data says, for the whole portfolio.

Gathered in one read-only session into frozen dataclasses (the review
pack renders them without the database); each figure is one or two SQL
aggregates, never a loop over accounts. Periods are calendar quarters and
months in UTC, ending with the current one.

Definitions (the README's "Retention" section repeats them):

- **Defection rate** of a quarter and tier: of the accounts that existed
  and were not lost at the quarter's start, the share with a change to
  *lost* during the quarter. Changes whose date is unknown (the rows
  migration 0006 seeded) are not counted in any quarter.
- **Value lost by defection type**: every change to lost or reduced, with
  the annual value it lost (lost: the account's annual value unless given).
- **Retention by acquisition source**: live accounts per source, and the
  share of them not lost now.
- **Life-cycle funnel**: live, not-lost accounts at each stage, and how
  many reached at least that stage.
- **Complaints**: opened (received) and closed (resolved or rejected) per
  month; median days from receipt to resolution, per category, for
  complaints resolved in the last 12 months.
- **Satisfaction by tier**: mean of the checks (on the 0–10 scale of
  crmdesk.core.satisfaction) per quarter and tier.
- **Referrals**: accounts referred by another (given), and of those the
  ones that became customers — not lost, with an annual value (won).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, exists, func, literal, or_, select, text
from sqlalchemy.orm import Session, aliased

from crmdesk.core.complaints import COMPLAINT_SQL
from crmdesk.core.health_facts import SATISFACTION_SQL
from crmdesk.core.satisfaction import normalised_sql
from crmdesk.db.engine import Database
from crmdesk.db.enums import (
    AccountStatus,
    AcquisitionSource,
    ComplaintCategory,
    ComplaintStatus,
    DefectionType,
    LifecycleStage,
    Tier,
)
from crmdesk.db.models import Account, Activity
from crmdesk.db.models_retention import StatusChange
from crmdesk.db.types import utcnow

QUARTERS = 8
MONTHS = 12


@dataclass(frozen=True)
class Period:
    label: str  # "2026-Q2" or "2026-05"
    start: datetime
    end: datetime  # exclusive


def quarters(today: date, count: int = QUARTERS) -> list[Period]:
    """The ``count`` calendar quarters ending with the one containing today."""
    year, q = today.year, (today.month - 1) // 3
    out = []
    for _ in range(count):
        start = datetime(year, 3 * q + 1, 1, tzinfo=UTC)
        end = datetime(year + (q == 3), (3 * q + 3) % 12 + 1, 1, tzinfo=UTC)
        out.append(Period(f"{year}-Q{q + 1}", start, end))
        year, q = (year, q - 1) if q else (year - 1, 3)
    return out[::-1]


def months(today: date, count: int = MONTHS) -> list[Period]:
    year, m = today.year, today.month
    out = []
    for _ in range(count):
        start = datetime(year, m, 1, tzinfo=UTC)
        end = datetime(year + (m == 12), m % 12 + 1, 1, tzinfo=UTC)
        out.append(Period(f"{year}-{m:02d}", start, end))
        year, m = (year, m - 1) if m > 1 else (year - 1, 12)
    return out[::-1]


def _bucket(column: Any, periods: list[Period]) -> Any:
    """The period label of a time, as SQL (portable: no date functions)."""
    return case(
        *[(and_(column >= p.start, column < p.end), literal(p.label)) for p in periods],
        else_=None,
    )


# --- the figures ------------------------------------------------------------


@dataclass(frozen=True)
class DefectionRate:
    quarter: str
    tier: Tier
    at_start: int
    lost: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.lost / self.at_start, 1) if self.at_start else None


@dataclass(frozen=True)
class ValueLost:
    defection_type: DefectionType
    lost: int
    lost_value: Decimal
    reduced: int
    reduced_value: Decimal


@dataclass(frozen=True)
class SourceRetention:
    source: AcquisitionSource | None
    accounts: int
    lost: int
    won_back: int

    @property
    def retained(self) -> int:
        return self.accounts - self.lost

    @property
    def rate(self) -> float | None:
        return round(100 * self.retained / self.accounts, 1) if self.accounts else None


@dataclass(frozen=True)
class FunnelStage:
    stage: LifecycleStage
    at_stage: int
    reached: int


@dataclass(frozen=True)
class ComplaintMonth:
    month: str
    opened: int
    closed: int


@dataclass(frozen=True)
class ResolutionTime:
    category: ComplaintCategory
    resolved: int
    median_days: float | None


@dataclass(frozen=True)
class SatisfactionPoint:
    quarter: str
    tier: Tier
    checks: int
    mean: float | None


@dataclass(frozen=True)
class Referrer:
    name: str
    given: int
    won: int


@dataclass(frozen=True)
class Referrals:
    given: int
    won: int
    references: int  # accounts that agreed to be a reference
    top: tuple[Referrer, ...]


@dataclass(frozen=True)
class PortfolioAnalysis:
    as_of: date
    quarters: tuple[str, ...]
    months: tuple[str, ...]
    defection: tuple[DefectionRate, ...]
    undated_losses: int  # lost accounts whose loss date is unknown
    value_lost: tuple[ValueLost, ...]
    by_source: tuple[SourceRetention, ...]
    funnel: tuple[FunnelStage, ...]
    complaints: tuple[ComplaintMonth, ...]
    resolution: tuple[ResolutionTime, ...]
    satisfaction: tuple[SatisfactionPoint, ...]
    referrals: Referrals

    def rate(self, quarter: str, tier: Tier) -> DefectionRate:
        return next(d for d in self.defection if d.quarter == quarter and d.tier is tier)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "defection_rate": [
                {"quarter": d.quarter, "tier": d.tier.value, "at_start": d.at_start,
                 "lost": d.lost, "rate_percent": d.rate}
                for d in self.defection
            ],
            "undated_losses": self.undated_losses,
            "value_lost_by_defection_type": [
                {"defection_type": v.defection_type.value, "lost": v.lost,
                 "lost_value": str(v.lost_value), "reduced": v.reduced,
                 "reduced_value": str(v.reduced_value)}
                for v in self.value_lost
            ],
            "retention_by_source": [
                {"source": s.source.value if s.source else None, "accounts": s.accounts,
                 "retained": s.retained, "lost": s.lost, "won_back": s.won_back,
                 "retention_percent": s.rate}
                for s in self.by_source
            ],
            "lifecycle_funnel": [
                {"stage": f.stage.value, "at_stage": f.at_stage, "reached": f.reached}
                for f in self.funnel
            ],
            "complaints_per_month": [
                {"month": c.month, "opened": c.opened, "closed": c.closed}
                for c in self.complaints
            ],
            "median_days_to_resolve": [
                {"category": r.category.value, "resolved": r.resolved,
                 "median_days": r.median_days}
                for r in self.resolution
            ],
            "satisfaction_by_tier": [
                {"quarter": p.quarter, "tier": p.tier.value, "checks": p.checks,
                 "mean": p.mean}
                for p in self.satisfaction
            ],
            "referrals": {
                "given": self.referrals.given, "won": self.referrals.won,
                "references": self.referrals.references,
                "top": [{"account": r.name, "given": r.given, "won": r.won}
                        for r in self.referrals.top],
            },
        }  # fmt: skip


# --- gathering --------------------------------------------------------------


def _live() -> Any:
    return Account.deleted_at.is_(None)


def defection_rates(session: Session, periods: list[Period]) -> list[DefectionRate]:
    """Three aggregates over all quarters at once (a column per quarter):
    accounts created before each start; accounts lost at each start (a
    change to lost before it, not followed by another change before it);
    accounts with a dated change to lost inside each quarter."""
    s = StatusChange
    lost = AccountStatus.LOST
    created = (
        select(
            Account.tier,
            *[func.sum(case((Account.created_at < p.start, 1), else_=0)) for p in periods],
        )
        .where(_live())
        .group_by(Account.tier)
    )
    spans = (
        select(
            s.account_id,
            s.to_status,
            s.changed_at,
            s.date_known,
            func.lead(s.changed_at)
            .over(partition_by=s.account_id, order_by=(s.changed_at, s.id))
            .label("until"),
        )
        .where(s.deleted_at.is_(None))
        .subquery()
    )
    c = spans.c
    lost_then = select(
        Account.tier,
        *[
            func.sum(case((and_(c.to_status == lost, c.changed_at < p.start,
                                 or_(c.until.is_(None), c.until >= p.start)), 1), else_=0))
            for p in periods
        ],
    ).select_from(spans).join(Account, Account.id == c.account_id)  # fmt: skip
    lost_inside = select(
        Account.tier,
        *[
            func.count(func.distinct(case((
                and_(c.to_status == lost, c.date_known.is_(True), c.changed_at >= p.start,
                     c.changed_at < p.end, Account.created_at < p.start),
                c.account_id))))
            for p in periods
        ],
    ).select_from(spans).join(Account, Account.id == c.account_id)  # fmt: skip
    lost_then = lost_then.where(_live()).group_by(Account.tier)
    lost_inside = lost_inside.where(_live()).group_by(Account.tier)
    empty = [0] * len(periods)

    def run(stmt: Any) -> dict[Tier, list[int]]:
        return {row[0]: [int(x or 0) for x in row[1:]] for row in session.execute(stmt)}

    made, gone, inside = run(created), run(lost_then), run(lost_inside)
    return [
        DefectionRate(
            p.label, t, made.get(t, empty)[i] - gone.get(t, empty)[i], inside.get(t, empty)[i]
        )
        for i, p in enumerate(periods)
        for t in Tier
    ]


def _money(total: Any) -> Decimal:
    """SUM over a Money column comes back through Money (a Decimal)."""
    if isinstance(total, Decimal):
        return total.quantize(Decimal("0.01"))
    return (Decimal(int(total or 0)) / 100).quantize(Decimal("0.01"))


def value_lost(session: Session) -> list[ValueLost]:
    s = StatusChange
    stmt = (
        select(s.defection_type, s.to_status, func.count(), func.sum(s.value_lost))
        .join(Account, Account.id == s.account_id)
        .where(
            _live(),
            s.deleted_at.is_(None),
            s.defection_type.is_not(None),
            s.to_status.in_([AccountStatus.LOST, AccountStatus.REDUCED]),
        )
        .group_by(s.defection_type, s.to_status)
    )
    found: dict[tuple[Any, Any], tuple[int, Any]] = {
        (t, st): (int(n), total) for t, st, n, total in session.execute(stmt)
    }

    def get(t: DefectionType, st: AccountStatus) -> tuple[int, Any]:
        return found.get((t, st), (0, 0))

    return [
        ValueLost(
            t,
            get(t, AccountStatus.LOST)[0],
            _money(get(t, AccountStatus.LOST)[1]),
            get(t, AccountStatus.REDUCED)[0],
            _money(get(t, AccountStatus.REDUCED)[1]),
        )
        for t in DefectionType
    ]


def retention_by_source(session: Session) -> list[SourceRetention]:
    stmt = (
        select(
            Account.acquisition_source,
            func.count(),
            func.sum(case((Account.status == AccountStatus.LOST, 1), else_=0)),
            func.sum(case((Account.status == AccountStatus.WON_BACK, 1), else_=0)),
        )
        .where(_live())
        .group_by(Account.acquisition_source)
    )
    found = {
        src: (int(n), int(lost or 0), int(back or 0))
        for src, n, lost, back in session.execute(stmt)
    }
    order: list[AcquisitionSource | None] = [*AcquisitionSource, None]
    return [SourceRetention(src, *found[src]) for src in order if src in found]


def funnel(session: Session) -> list[FunnelStage]:
    stmt = (
        select(Account.lifecycle_stage, func.count())
        .where(_live(), Account.status != AccountStatus.LOST)
        .group_by(Account.lifecycle_stage)
    )
    found = {stage: int(n) for stage, n in session.execute(stmt)}
    stages = list(LifecycleStage)
    out, reached = [], 0
    for stage in reversed(stages):
        reached += found.get(stage, 0)
        out.append(FunnelStage(stage, found.get(stage, 0), reached))
    return out[::-1]


def _complaints() -> list[Any]:
    # literal, as the partial index of migration 0006 repeats it
    return [text(f"({COMPLAINT_SQL})"), _live()]


def complaints_per_month(session: Session, periods: list[Period]) -> list[ComplaintMonth]:
    start, end = periods[0].start, periods[-1].end
    opened_bucket = _bucket(Activity.occurred_at, periods)
    opened = (
        select(opened_bucket, func.count())
        .join(Account, Account.id == Activity.account_id)
        .where(*_complaints(), Activity.occurred_at >= start, Activity.occurred_at < end)
        .group_by(opened_bucket)
    )
    closed_bucket = _bucket(Activity.resolved_at, periods)
    closed = (
        select(closed_bucket, func.count())
        .join(Account, Account.id == Activity.account_id)
        .where(
            *_complaints(),
            Activity.complaint_status.in_([ComplaintStatus.RESOLVED, ComplaintStatus.REJECTED]),
            Activity.resolved_at >= start,
            Activity.resolved_at < end,
        )
        .group_by(closed_bucket)
    )
    o = {label: int(n) for label, n in session.execute(opened)}
    c = {label: int(n) for label, n in session.execute(closed)}
    return [ComplaintMonth(p.label, o.get(p.label, 0), c.get(p.label, 0)) for p in periods]


def _days_between(session: Session, start: Any, end: Any) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(end) - func.julianday(start)
    return func.extract("epoch", end - start) / 86400.0


def resolution_times(session: Session, now: datetime) -> list[ResolutionTime]:
    """The median in SQL: rank each category's durations, average the one or
    two middle ones."""
    a = Activity
    days = _days_between(session, a.occurred_at, a.resolved_at)
    ranked = (
        select(
            a.complaint_category.label("category"),
            days.label("days"),
            func.row_number()
            .over(partition_by=a.complaint_category, order_by=(days, a.id))
            .label("rn"),
            func.count().over(partition_by=a.complaint_category).label("n"),
        )
        .join(Account, Account.id == a.account_id)
        .where(
            *_complaints(),
            a.complaint_status == ComplaintStatus.RESOLVED,
            a.resolved_at.is_not(None),
            a.resolved_at > now - timedelta(days=365),
            a.resolved_at <= now,
        )
        .subquery()
    )
    r = ranked.c
    middle = r.rn.in_([(r.n + 1) // 2, (r.n + 2) // 2])
    stmt = select(r.category, func.max(r.n), func.avg(r.days)).where(middle).group_by(r.category)
    found = {cat: (int(n), float(m)) for cat, n, m in session.execute(stmt) if cat is not None}
    return [
        ResolutionTime(c, found[c][0], round(found[c][1], 1))
        if c in found
        else ResolutionTime(c, 0, None)
        for c in ComplaintCategory
    ]


def satisfaction_by_tier(session: Session, periods: list[Period]) -> list[SatisfactionPoint]:
    a = Activity
    bucket = _bucket(a.occurred_at, periods)
    stmt = (
        select(bucket, Account.tier, func.count(), func.avg(normalised_sql()))
        .join(Account, Account.id == a.account_id)
        .where(
            _live(),
            text(f"({SATISFACTION_SQL})"),
            a.occurred_at >= periods[0].start,
            a.occurred_at < periods[-1].end,
        )
        .group_by(bucket, Account.tier)
    )
    found = {(label, tier): (int(n), m) for label, tier, n, m in session.execute(stmt)}
    return [
        SatisfactionPoint(
            p.label, t, found.get((p.label, t), (0, None))[0],
            _round(found.get((p.label, t), (0, None))[1]),
        )
        for p in periods
        for t in Tier
    ]  # fmt: skip


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def won_condition(account: Any) -> Any:
    """A referred account that became a customer: not lost, with a value."""
    return and_(account.status != AccountStatus.LOST, func.coalesce(account.annual_value, 0) > 0)


def referrals(session: Session, top: int = 10) -> Referrals:
    referred, referrer = aliased(Account), aliased(Account)
    won = func.sum(case((won_condition(referred), 1), else_=0))
    base = (
        select(referrer.name, func.count(), won)
        .join(referrer, referrer.id == referred.referred_by_account_id)
        .where(referred.deleted_at.is_(None), referred.referred_by_account_id.is_not(None))
    )
    by = list(
        session.execute(
            base.group_by(referrer.id, referrer.name).order_by(
                func.count().desc(), won.desc(), referrer.name
            )
        )
    )
    refs = session.scalar(
        select(func.count()).where(_live(), Account.reference_agreed_at.is_not(None))
    )
    return Referrals(
        given=sum(int(r[1]) for r in by),
        won=sum(int(r[2] or 0) for r in by),
        references=int(refs or 0),
        top=tuple(Referrer(r[0], int(r[1]), int(r[2] or 0)) for r in by[:top]),
    )


def undated_losses(session: Session) -> int:
    s = StatusChange
    dated = exists().where(
        s.account_id == Account.id,
        s.to_status == AccountStatus.LOST,
        s.date_known.is_(True),
        s.deleted_at.is_(None),
    )
    stmt = select(func.count()).where(_live(), Account.status == AccountStatus.LOST, ~dated)
    return int(session.scalar(stmt) or 0)


def analyse_in_session(session: Session, now: datetime) -> PortfolioAnalysis:
    """Every figure, in the caller's read-only session (the review pack's)."""
    today = now.astimezone(UTC).date()
    qs, ms = quarters(today), months(today)
    return PortfolioAnalysis(
        as_of=today,
        quarters=tuple(p.label for p in qs),
        months=tuple(p.label for p in ms),
        defection=tuple(defection_rates(session, qs)),
        undated_losses=undated_losses(session),
        value_lost=tuple(value_lost(session)),
        by_source=tuple(retention_by_source(session)),
        funnel=tuple(funnel(session)),
        complaints=tuple(complaints_per_month(session, ms)),
        resolution=tuple(resolution_times(session, now)),
        satisfaction=tuple(satisfaction_by_tier(session, qs)),
        referrals=referrals(session),
    )


def analyse(db: Database, *, now: datetime | None = None) -> PortfolioAnalysis:
    """Every figure, in one read-only session."""
    with db.session() as session:
        return analyse_in_session(session, now or utcnow())
