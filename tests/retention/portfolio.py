"""A small portfolio with known answers, built through the services at fixed
dates (``NOW`` is 15 July 2026, in 2026-Q3)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import update

from crmdesk.core import accounts, activities, complaints, retention, satisfaction
from crmdesk.db.engine import Database
from crmdesk.db.models import Account
from crmdesk.db.models_retention import StatusChange

NOW = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)
CREATED = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def at(y: int, m: int, d: int, h: int = 12) -> datetime:
    return datetime(y, m, d, h, tzinfo=UTC)


def make_account(db: Database, name: str, created: datetime = CREATED, **fields: object) -> int:
    """An account as if it had been created at ``created`` (with its first
    status row)."""
    acc = accounts.create_account(db, name=name, **fields)
    with db.session() as s:
        s.execute(update(Account).where(Account.id == acc.id).values(created_at=created))
        s.execute(
            update(StatusChange).where(StatusChange.account_id == acc.id).values(changed_at=created)
        )
    return acc.id


def build(db: Database) -> dict[str, int]:
    """12 transactional accounts, 3 lost in 2026-Q2 (25 %); 4 partner
    accounts, 1 lost in 2026-Q1 (25 %); one account created in Q2 (not in
    Q2's base); a reduced account; referrals; complaints; satisfaction."""
    ids: dict[str, int] = {}
    sources = ["referral"] * 4 + ["enquiry"] * 8
    stages = ["identification", "interaction", "retention", "retention", "advocacy", "advocacy"]
    for i in range(12):
        ids[f"T{i}"] = make_account(
            db, f"Trans {i:02d}", tier="transactional", annual_value=Decimal(10_000 * (i + 1)),
            acquisition_source=sources[i], lifecycle_stage=stages[i % 6],
        )  # fmt: skip
    for i in range(4):
        ids[f"P{i}"] = make_account(
            db, f"Partner {i}", tier="partner", annual_value=Decimal(200_000),
            acquisition_source="suspect", lifecycle_stage="retention",
        )  # fmt: skip
    ids["New"] = make_account(
        db, "Newcomer", at(2026, 5, 1), tier="transactional", acquisition_source="enquiry"
    )
    # 2026-Q2: three transactional losses (price 10k + price 20k; service, 5k given)
    retention.change_status(db, ids["T0"], "lost", reason="Cheaper tender",
                            defection_type="price", when=at(2026, 4, 10))  # fmt: skip
    retention.change_status(db, ids["T1"], "lost", reason="Cheaper tender",
                            defection_type="price", when=at(2026, 5, 20))  # fmt: skip
    retention.change_status(
        db, ids["T2"], "lost", reason="Late deliveries", defection_type="service",
        value_lost=5000, when=at(2026, 6, 30),
    )  # fmt: skip
    # the newcomer is lost in Q2 too, but was not a customer at the start of Q2
    retention.change_status(db, ids["New"], "lost", reason="Went bust",
                            defection_type="market", when=at(2026, 6, 1))  # fmt: skip
    # 2026-Q1: one partner loss (all of its 200k, technological)
    retention.change_status(db, ids["P0"], "lost", reason="New platform",
                            defection_type="technological", when=at(2026, 2, 1))  # fmt: skip
    # a reduction (product, 30k) in Q3
    retention.change_status(
        db, ids["T3"], "reduced", reason="Second source", defection_type="product",
        value_lost=30000, when=at(2026, 7, 1),
    )  # fmt: skip
    # referrals: T4 referred T5 (won: has a value) and Newcomer (lost: not won)
    retention.set_referral(db, ids["T5"], by_account_id=ids["T4"])
    retention.set_referral(db, ids["New"], by_account_id=ids["T4"])
    retention.set_reference(db, ids["T4"], agreed=True, limits="Calls only")
    _complaints(db, ids)
    _satisfaction(db, ids)
    return ids


def _complaint(db: Database, account: int, when: datetime, category: str) -> int:
    act = activities.log_activity(
        db, account, kind="complaint", subject=f"{category} complaint", occurred_at=when,
        complaint_category=category, complaint_severity="high",
    )  # fmt: skip
    return act.id


def _complaints(db: Database, ids: dict[str, int]) -> None:
    """Delivery: resolved after 2, 4 and 9 days (median 4); product: after 1
    and 3 days (median 2). Opened: 3 in May, 2 in June, 3 in July; closed:
    2 in May, 3 in June (one confirmed later), and the rest open."""
    d1 = _complaint(db, ids["T6"], at(2026, 5, 4), "delivery")
    d2 = _complaint(db, ids["T6"], at(2026, 5, 11), "delivery")
    d3 = _complaint(db, ids["T7"], at(2026, 5, 25), "delivery")
    p1 = _complaint(db, ids["T7"], at(2026, 6, 8), "product")
    p2 = _complaint(db, ids["T8"], at(2026, 6, 15), "product")
    complaints.resolve(db, d1, action="Re-delivered", confirmed=True, when=at(2026, 5, 6))
    complaints.resolve(db, d2, action="Credit note", confirmed=True, when=at(2026, 5, 15))
    complaints.resolve(db, d3, action="Express", when=at(2026, 6, 3))  # awaiting confirmation
    complaints.resolve(db, p1, action="Swap", confirmed=True, when=at(2026, 6, 9))
    complaints.resolve(db, p2, action="Swap", confirmed=True, when=at(2026, 6, 18))
    # open ones: a partner one received Wed 8 July (due Wed 15 July: not late yet),
    # a strategic one received Thu 9 July (due Mon 13 July: overdue on the 15th),
    # a transactional one received Fri 10 July (due Fri 24 July)
    strategic = make_account(db, "Strategic One", tier="strategic")
    ids["S"] = strategic
    ids["c_partner"] = _complaint(db, ids["P1"], at(2026, 7, 8), "service")
    ids["c_strategic"] = _complaint(db, strategic, at(2026, 7, 9), "invoicing")
    ids["c_trans"] = _complaint(db, ids["T9"], at(2026, 7, 10), "price")
    ids["c_awaiting"] = d3


def _satisfaction(db: Database, ids: dict[str, int]) -> None:
    """Trans 10: score 4 (13 months ago: not in the 12-month mean), NPS 9
    five months... no: NPS 9 on 1 Apr 2026 (months 0-6), CSAT 2 on 1 Jan 2026
    (months 7-12, = 2.5), CSAT 4 on 1 Jul 2026 (= 7.5, latest).
    12-month mean (9 + 2.5 + 7.5) / 3 = 6.33; last six months (9 + 7.5) / 2
    = 8.25 against 2.5 before: trend +5.75. Latest NPS 9: promoter.
    Trans 11: NPS 6 on 1 Jun 2026: detractor, latest 6."""
    t10, t11 = ids["T10"], ids["T11"]
    satisfaction.record(db, t10, "score", 4, when=at(2025, 6, 10))
    satisfaction.record(db, t10, "csat", 2, when=at(2026, 1, 1))
    satisfaction.record(db, t10, "nps", 9, when=at(2026, 4, 1))
    satisfaction.record(db, t10, "csat", 4, when=at(2026, 7, 1))
    satisfaction.record(db, t11, "nps", 6, when=at(2026, 6, 1))
