"""The satisfaction index: what customers said when asked ("ask them").

A check records its scale (:class:`SatisfactionKind`): CSAT 1–5, NPS 0–10
("would you recommend us") or the original 0–10 score. To compare them
the index puts every answer on 0–10: CSAT *s* counts as (*s* − 1) × 2.5
(1 → 0, 3 → 5, 5 → 10); NPS and the 0–10 score as they are.

Per account, tier and owner: the *latest* value (checks up to two years
old), the mean over the last 12 months, and the 12-month *trend*: the mean
of the last six months minus the mean of the six months before.
NPS classes use the latest NPS answer per account: promoter 9–10, passive
7–8, detractor 0–6; a group's NPS is % promoters − % detractors.
Everything is computed in a few SQL aggregates over the whole portfolio.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Float, and_, case, cast, func, select, text

from crmdesk.core import activities
from crmdesk.db.engine import Database
from crmdesk.db.enums import ActivityKind, SatisfactionKind, Tier
from crmdesk.db.models import Account, Activity, Contact, activity_contacts
from crmdesk.db.types import utcnow

YEAR = timedelta(days=365)
HALF = timedelta(days=182)  # the trend: the last six months against the six before


class NpsClass(StrEnum):
    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def nps_class(score: int) -> NpsClass:
    return (
        NpsClass.PROMOTER if score >= 9 else NpsClass.PASSIVE if score >= 7 else NpsClass.DETRACTOR
    )


def normalised(kind: SatisfactionKind | None, score: int) -> float:
    """An answer on the common 0–10 scale."""
    return (score - 1) * 2.5 if kind is SatisfactionKind.CSAT else float(score)


def normalised_sql() -> Any:
    """The same as :func:`normalised`, as a SQL expression."""
    score = cast(Activity.satisfaction_score, Float)
    return case(
        (Activity.satisfaction_kind == SatisfactionKind.CSAT, (score - 1.0) * 2.5), else_=score
    )


from crmdesk.core.activity_rules import (  # noqa: E402,F401
    check_satisfaction_fields as check_fields,
)


def record(
    db: Database,
    account_id: int,
    kind: SatisfactionKind | str,
    score: int | str,
    *,
    contact_ids: Iterable[int] = (),
    when: datetime | None = None,
    notes: str | None = None,
) -> Activity:
    """Key in one answer from an "ask them" questionnaire."""
    parsed = SatisfactionKind.parse(kind) if isinstance(kind, str) else kind
    return activities.log_activity(
        db, account_id, contact_ids=contact_ids, kind=ActivityKind.SATISFACTION_CHECK,
        subject=f"Satisfaction check ({parsed.label})", satisfaction_kind=parsed,
        satisfaction_score=score, occurred_at=when, notes=notes,
    )  # fmt: skip


@dataclass(frozen=True)
class AccountSatisfaction:
    account_id: int
    name: str
    tier: Tier
    owner: str | None
    latest: float | None
    latest_kind: SatisfactionKind | None
    latest_score: int | None
    latest_at: datetime | None
    mean_12m: float | None
    mean_6m: float | None
    mean_before: float | None  # months 7-12 back
    checks_12m: int
    nps_score: int | None  # the latest NPS answer

    @property
    def trend(self) -> float | None:
        if self.mean_6m is None or self.mean_before is None:
            return None
        return round(self.mean_6m - self.mean_before, 2)

    @property
    def nps_class(self) -> NpsClass | None:
        return nps_class(self.nps_score) if self.nps_score is not None else None

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.name,
            "tier": self.tier.value,
            "owner": self.owner,
            "latest": self.latest,
            "latest_kind": self.latest_kind.value if self.latest_kind else None,
            "latest_score": self.latest_score,
            "latest_at": self.latest_at.isoformat() if self.latest_at else None,
            "mean_12m": _r(self.mean_12m),
            "mean_6m": _r(self.mean_6m),
            "mean_before": _r(self.mean_before),
            "trend": self.trend,
            "checks_12m": self.checks_12m,
            "nps_score": self.nps_score,
            "nps_class": self.nps_class.value if self.nps_class else None,
        }


@dataclass(frozen=True)
class GroupSatisfaction:
    """A tier or an owner: means over its accounts' checks."""

    key: str
    accounts: int  # accounts with a check in the last two years
    latest_mean: float | None  # mean of the accounts' latest values
    mean_12m: float | None
    mean_6m: float | None
    mean_before: float | None  # months 7-12 back
    promoters: int
    passives: int
    detractors: int

    @property
    def trend(self) -> float | None:
        if self.mean_6m is None or self.mean_before is None:
            return None
        return round(self.mean_6m - self.mean_before, 2)

    @property
    def nps(self) -> int | None:
        answered = self.promoters + self.passives + self.detractors
        if not answered:
            return None
        return round(100 * (self.promoters - self.detractors) / answered)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "accounts": self.accounts,
            "latest_mean": _r(self.latest_mean),
            "mean_12m": _r(self.mean_12m),
            "mean_6m": _r(self.mean_6m),
            "mean_before": _r(self.mean_before),
            "trend": self.trend,
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
            "nps": self.nps,
        }


@dataclass(frozen=True)
class SatisfactionIndex:
    accounts: tuple[AccountSatisfaction, ...]
    by_tier: tuple[GroupSatisfaction, ...]
    by_owner: tuple[GroupSatisfaction, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "accounts": [a.to_json() for a in self.accounts],
            "by_tier": [g.to_json() for g in self.by_tier],
            "by_owner": [g.to_json() for g in self.by_owner],
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _checks(now: datetime) -> list[Any]:
    # literal, as the partial index of migration 0005 repeats it
    from crmdesk.core.health_facts import SATISFACTION_SQL

    return [
        text(f"({SATISFACTION_SQL})"),
        Activity.occurred_at > now - 2 * YEAR,
        Activity.occurred_at <= now,
    ]


def index(
    db: Database,
    *,
    account_ids: Iterable[int] | None = None,
    now: datetime | None = None,
) -> SatisfactionIndex:
    """The index for every live account with a check in the last two years."""
    now = now or utcnow()
    a, norm = Activity, normalised_sql()
    recent, half = a.occurred_at > now - YEAR, a.occurred_at > now - HALF
    where = [*_checks(now), Account.deleted_at.is_(None)]
    if account_ids is not None:
        where.append(a.account_id.in_(sorted(set(account_ids))))
    ranked = (
        select(
            a.account_id.label("account_id"),
            a.occurred_at.label("at"),
            a.satisfaction_kind.label("kind"),
            a.satisfaction_score.label("score"),
            norm.label("norm"),
            func.row_number()
            .over(partition_by=a.account_id, order_by=(a.occurred_at.desc(), a.id.desc()))
            .label("rn"),
            func.row_number()
            .over(
                partition_by=(a.account_id, a.satisfaction_kind == SatisfactionKind.NPS),
                order_by=(a.occurred_at.desc(), a.id.desc()),
            )
            .label("rn_kind"),
            case((recent, norm)).label("norm_12m"),
            case((half, norm)).label("norm_6m"),
            case((and_(recent, ~half), norm)).label("norm_before"),
        )
        .join(Account, Account.id == a.account_id)
        .where(*where)
        .subquery()
    )
    r = ranked.c
    stmt = (
        select(
            Account.id, Account.name, Account.tier, Account.owner,
            func.max(case((r.rn == 1, r.norm))),
            func.max(case((r.rn == 1, r.kind))),
            func.max(case((r.rn == 1, r.score))),
            func.max(case((r.rn == 1, r.at))),
            func.avg(r.norm_12m), func.avg(r.norm_6m), func.avg(r.norm_before),
            func.count(r.norm_12m),
            func.max(case((and_(r.rn_kind == 1, r.kind == SatisfactionKind.NPS), r.score))),
        )
        .join(ranked, r.account_id == Account.id)
        .group_by(Account.id)
        .order_by(func.lower(Account.name), Account.id)
    )  # fmt: skip
    with db.session() as session:
        rows = list(session.execute(stmt))
    accounts = tuple(
        AccountSatisfaction(
            account_id=row[0], name=row[1], tier=row[2], owner=row[3],
            latest=_r(row[4]),
            latest_kind=SatisfactionKind(row[5]) if row[5] else None,
            latest_score=row[6], latest_at=_utc(row[7]),
            mean_12m=row[8], mean_6m=row[9], mean_before=row[10], checks_12m=int(row[11]),
            nps_score=row[12],
        )
        for row in rows
    )  # fmt: skip
    by_tier, by_owner = _groups(db, where, now)
    return SatisfactionIndex(accounts=accounts, by_tier=by_tier, by_owner=by_owner)


def _utc(value: Any) -> datetime | None:
    from crmdesk.db.types import UTCDateTime

    return UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]


@dataclass
class _Sums:
    """Sums and counts of one (tier, owner) cell, folded into groups."""

    accounts: int = 0
    latest: float = 0.0
    n12: int = 0
    s12: float = 0.0
    n6: int = 0
    s6: float = 0.0
    nb: int = 0
    sb: float = 0.0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    def add(self, other: _Sums) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def group(self, key: str) -> GroupSatisfaction:
        def mean(total: float, n: int) -> float | None:
            return total / n if n else None

        return GroupSatisfaction(
            key, self.accounts, mean(self.latest, self.accounts), mean(self.s12, self.n12),
            mean(self.s6, self.n6), mean(self.sb, self.nb),
            self.promoters, self.passives, self.detractors,
        )  # fmt: skip


def _groups(
    db: Database, where: list[Any], now: datetime
) -> tuple[tuple[GroupSatisfaction, ...], tuple[GroupSatisfaction, ...]]:
    """Per (tier, owner) cell, one query: sums and counts of the checks and
    of each account's latest value and latest NPS class (window functions);
    tiers and owners are then folded from the few cells."""
    a, norm = Activity, normalised_sql()
    recent, half = a.occurred_at > now - YEAR, a.occurred_at > now - HALF
    nps = a.satisfaction_kind == SatisfactionKind.NPS
    ranked = (
        select(
            Account.tier.label("tier"),
            func.coalesce(Account.owner, "").label("owner"),
            norm.label("norm"),
            a.satisfaction_score.label("score"),
            nps.label("is_nps"),
            case((recent, norm)).label("norm_12m"),
            case((half, norm)).label("norm_6m"),
            case((and_(recent, ~half), norm)).label("norm_before"),
            func.row_number()
            .over(partition_by=a.account_id, order_by=(a.occurred_at.desc(), a.id.desc()))
            .label("rn"),
            func.row_number()
            .over(partition_by=(a.account_id, nps), order_by=(a.occurred_at.desc(), a.id.desc()))
            .label("rn_kind"),
        )
        .join(Account, Account.id == a.account_id)
        .where(*where)
        .subquery()
    )
    r = ranked.c
    latest_nps = and_(r.is_nps, r.rn_kind == 1)

    def count(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    stmt = select(
        r.tier, r.owner, count(r.rn == 1), func.sum(case((r.rn == 1, r.norm), else_=0.0)),
        func.count(r.norm_12m), func.sum(r.norm_12m),
        func.count(r.norm_6m), func.sum(r.norm_6m),
        func.count(r.norm_before), func.sum(r.norm_before),
        count(and_(latest_nps, r.score >= 9)),
        count(and_(latest_nps, r.score >= 7, r.score <= 8)),
        count(and_(latest_nps, r.score <= 6)),
    ).group_by(r.tier, r.owner)  # fmt: skip
    tiers: dict[str, _Sums] = {}
    owners: dict[str, _Sums] = {}
    with db.session() as session:
        for row in session.execute(stmt):
            cell = _Sums(*(x or 0 for x in row[2:]))
            tiers.setdefault(Tier(row[0]).value, _Sums()).add(cell)
            owners.setdefault(str(row[1]), _Sums()).add(cell)
    return (
        tuple(tiers[t.value].group(t.value) for t in Tier if t.value in tiers),
        tuple(owners[k].group(k) for k in sorted(owners)),
    )


@dataclass(frozen=True)
class ContactSatisfaction:
    contact_id: int
    name: str
    latest_kind: SatisfactionKind
    latest_score: int
    latest_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "contact": self.name,
            "kind": self.latest_kind.value,
            "score": self.latest_score,
            "at": self.latest_at.isoformat(),
        }


def by_contact(
    db: Database, account_id: int, now: datetime | None = None
) -> list[ContactSatisfaction]:
    """The latest answer of each person at one account who was asked."""
    now = now or utcnow()
    a = Activity
    ranked = (
        select(
            Contact.id.label("cid"),
            Contact.first_name,
            Contact.last_name,
            a.satisfaction_kind.label("kind"),
            a.satisfaction_score.label("score"),
            a.occurred_at.label("at"),
            func.row_number()
            .over(partition_by=Contact.id, order_by=(a.occurred_at.desc(), a.id.desc()))
            .label("rn"),
        )
        .join(activity_contacts, activity_contacts.c.activity_id == a.id)
        .join(Contact, Contact.id == activity_contacts.c.contact_id)
        .where(*_checks(now), a.account_id == account_id, Contact.deleted_at.is_(None))
        .subquery()
    )
    stmt = select(ranked).where(ranked.c.rn == 1).order_by(ranked.c.last_name, ranked.c.cid)
    with db.session() as session:
        rows = list(session.execute(stmt))
    return [
        ContactSatisfaction(
            r.cid, " ".join(p for p in (r.first_name, r.last_name) if p),
            SatisfactionKind(r.kind or "score"), int(r.score), _utc(r.at) or now,
        )
        for r in rows
    ]  # fmt: skip
