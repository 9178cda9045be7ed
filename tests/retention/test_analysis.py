"""Every figure of the portfolio analysis against answers worked out by hand
over the fixture portfolio (tests/retention/portfolio.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.core import analysis
from crmdesk.db.enums import AcquisitionSource, ComplaintCategory, DefectionType, Tier

from .portfolio import NOW, build


@pytest.fixture
def result(db):
    build(db)
    return analysis.analyse(db, now=NOW)


def test_periods_end_with_the_current_quarter_and_month(result):
    assert result.quarters == (
        "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
    )  # fmt: skip
    assert result.months[0] == "2025-08" and result.months[-1] == "2026-07"


def test_defection_rate_per_quarter_and_tier(result):
    q2 = result.rate("2026-Q2", Tier.TRANSACTIONAL)
    assert (q2.at_start, q2.lost, q2.rate) == (12, 3, 25.0)  # 3 of 12; the newcomer is not in
    q3 = result.rate("2026-Q3", Tier.TRANSACTIONAL)
    assert (q3.at_start, q3.lost, q3.rate) == (9, 0, 0.0)  # 13 existed, 4 already lost
    q1 = result.rate("2026-Q1", Tier.PARTNER)
    assert (q1.at_start, q1.lost, q1.rate) == (4, 1, 25.0)
    assert result.rate("2026-Q2", Tier.PARTNER).at_start == 3
    assert result.rate("2025-Q2", Tier.TRANSACTIONAL).rate is None  # nobody existed yet
    assert result.undated_losses == 0


def test_value_lost_and_reduced_by_defection_type(result):
    by = {v.defection_type: v for v in result.value_lost}
    assert (by[DefectionType.PRICE].lost, by[DefectionType.PRICE].lost_value) == (
        2, Decimal("30000.00"),
    )  # fmt: skip
    assert by[DefectionType.SERVICE].lost_value == Decimal("5000.00")  # given, not the 30k
    assert (by[DefectionType.MARKET].lost, by[DefectionType.MARKET].lost_value) == (1, 0)
    assert by[DefectionType.TECHNOLOGICAL].lost_value == Decimal("200000.00")
    assert (by[DefectionType.PRODUCT].reduced, by[DefectionType.PRODUCT].reduced_value) == (
        1, Decimal("30000.00"),
    )  # fmt: skip
    assert by[DefectionType.ORGANISATIONAL].lost == 0


def test_retention_by_acquisition_source(result):
    by = {s.source: s for s in result.by_source}
    referral = by[AcquisitionSource.REFERRAL]
    assert (referral.accounts, referral.lost, referral.rate) == (6, 4, 33.3)
    assert by[AcquisitionSource.ENQUIRY].rate == 100.0
    assert (by[AcquisitionSource.SUSPECT].accounts, by[AcquisitionSource.SUSPECT].rate) == (4, 75.0)
    assert by[None].accounts == 1


def test_life_cycle_funnel(result):
    got = [(f.stage.value, f.at_stage, f.reached) for f in result.funnel]
    assert got == [
        ("identification", 2, 13),
        ("differentiation", 0, 11),
        ("interaction", 1, 11),
        ("personalisation", 0, 10),
        ("retention", 6, 10),
        ("advocacy", 4, 4),
    ]


def test_complaints_per_month_and_median_time_to_resolve(result):
    months = {c.month: (c.opened, c.closed) for c in result.complaints}
    assert months["2026-05"] == (3, 2)
    assert months["2026-06"] == (2, 3)
    assert months["2026-07"] == (3, 0)
    assert sum(o for o, _c in months.values()) == 8
    by = {r.category: r for r in result.resolution}
    delivery = by[ComplaintCategory.DELIVERY]
    assert (delivery.resolved, delivery.median_days) == (3, 4.0)  # 2, 4 and 9 days
    assert by[ComplaintCategory.PRODUCT].median_days == 2.0  # 1 and 3 days
    assert by[ComplaintCategory.SERVICE].median_days is None


def test_satisfaction_by_tier_over_time(result):
    points = {(p.quarter, p.tier): (p.checks, p.mean) for p in result.satisfaction}
    assert points[("2026-Q3", Tier.TRANSACTIONAL)] == (1, 7.5)  # CSAT 4
    assert points[("2026-Q2", Tier.TRANSACTIONAL)] == (2, 7.5)  # NPS 9 and 6
    assert points[("2026-Q1", Tier.TRANSACTIONAL)] == (1, 2.5)  # CSAT 2
    assert points[("2025-Q2", Tier.TRANSACTIONAL)] == (1, 4.0)
    assert points[("2026-Q2", Tier.PARTNER)] == (0, None)


def test_referrals_given_and_won(result):
    r = result.referrals
    assert (r.given, r.won, r.references) == (2, 1, 1)
    assert [(t.name, t.given, t.won) for t in r.top] == [("Trans 04", 2, 1)]


def test_json_has_every_section(result):
    data = result.to_json()
    assert set(data) >= {
        "defection_rate", "value_lost_by_defection_type", "retention_by_source",
        "lifecycle_funnel", "complaints_per_month", "median_days_to_resolve",
        "satisfaction_by_tier", "referrals",
    }  # fmt: skip
