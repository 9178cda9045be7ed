"""Relationship health with known answers, on real databases built through
the services (issue 14's correctness list)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crmdesk.core import accounts, activities, cadence, contacts, health, health_store, plans
from crmdesk.core.health import WEIGHTS, Band, account_health
from crmdesk.db.types import utcnow
from crmdesk.errors import InvalidValueError


def _call(db, account_id, days_ago, **kw):
    return activities.log_activity(
        db, account_id, kind=kw.pop("kind", "call"), subject=kw.pop("subject", "Call"),
        occurred_at=utcnow() - timedelta(days=days_ago), **kw,
    )  # fmt: skip


def test_weights_add_up_to_100_and_every_component_is_scored():
    assert sum(WEIGHTS.values()) == 100
    assert set(WEIGHTS) == set(health.SCORERS) == set(health.TITLES)


def test_maximum_is_ideal_plus_half_rounded_up():
    assert [cadence.maximum_for(d) for d in (30, 60, 120, 45, 1)] == [45, 90, 180, 68, 2]
    strategic = cadence.account_cadence(cadence.Tier.STRATEGIC)
    assert (strategic.ideal_days, strategic.max_days) == (30, 45)
    assert strategic.state(30) is cadence.State.OK
    assert strategic.state(31) is cadence.State.DUE
    assert strategic.state(46) is cadence.State.OVERDUE
    assert strategic.state(None) is cadence.State.OVERDUE


def test_logging_a_call_resets_last_touch_and_raises_the_score_by_its_weight(db):
    a = accounts.create_account(db, name="Quiet Buyer GmbH", tier="transactional")
    _call(db, a.id, 200)  # transactional: every 120 days, at most 180
    before = account_health(db, a.id)
    assert before.days_since_touch == 200
    assert before.component("last_touch").points == 0
    assert before.band is Band.RED and before.needs_attention

    _call(db, a.id, 0)
    after = account_health(db, a.id)
    assert after.days_since_touch == 0
    assert after.component("last_touch").points == WEIGHTS["last_touch"] == 30
    assert after.score - before.score == WEIGHTS["last_touch"]
    assert after.band is Band.GREEN and not after.needs_attention


def test_no_touch_for_longer_than_the_maximum_is_red(db):
    a = accounts.create_account(db, name="Partner AG", tier="partner")  # 60 / 90 days
    _call(db, a.id, 91)
    h = account_health(db, a.id)
    assert h.component("last_touch").band is Band.RED
    assert "past the maximum of 90" in h.component("last_touch").text
    assert h.band is Band.RED
    never = accounts.create_account(db, name="Never Called", tier="transactional")
    assert account_health(db, never.id).component("last_touch").band is Band.RED


def test_past_the_ideal_is_yellow_with_fewer_points(db):
    a = accounts.create_account(db, name="Due Soon", tier="transactional")  # 120 / 180
    _call(db, a.id, 150)
    c = account_health(db, a.id).component("last_touch")
    assert c.band is Band.YELLOW
    assert 15 <= c.points < 30  # from 30 at the ideal down to 15 at the maximum


def test_what_counts_as_a_touch(db):
    a = accounts.create_account(db, name="Touchy", tier="transactional")
    _call(db, a.id, 1, kind="note", subject="Internal note")
    _call(db, a.id, 1, kind="email", subject="FYI colleague", direction="internal")
    _call(db, a.id, 1, kind="letter", subject="Brochure")
    activities.log_activity(db, a.id, kind="call", subject="Planned call",
                            due_at=utcnow() + timedelta(days=2))  # fmt: skip
    assert account_health(db, a.id).last_touch is None
    _call(db, a.id, 3, kind="email", subject="Their reply", direction="inbound")
    assert account_health(db, a.id).days_since_touch == 3


def test_a_silent_decision_maker_appears_and_goes_when_a_meeting_is_logged(db):
    a = accounts.create_account(db, name="Boss Silent SE", tier="strategic")
    maria = contacts.create_contact(
        db, a.id, first_name="Maria", last_name="Rossi", level="executive",
        buying_role="decision_maker",
    )  # fmt: skip
    other = contacts.create_contact(db, a.id, last_name="Ops", level="operational")
    _call(db, a.id, 2, contact_ids=[other.id])  # the account itself is touched
    _call(db, a.id, 100, kind="meeting", subject="Kick-off", contact_ids=[maria.id])
    c = account_health(db, a.id).component("key_contacts")
    assert c.band is Band.RED and c.points < WEIGHTS["key_contacts"]
    assert "Maria Rossi" in c.text and maria.id in c.contact_ids
    assert c.details == (
        "Maria Rossi (decision maker): no touch for 100 days; keep in touch every 60 days, "
        "at most 90.",
    )

    _call(db, a.id, 0, kind="meeting", subject="Quarterly review", contact_ids=[maria.id])
    c = account_health(db, a.id).component("key_contacts")
    assert c.band is Band.GREEN and c.points == WEIGHTS["key_contacts"]
    assert "Maria" not in c.text and not c.details and not c.contact_ids


def test_overrides_beat_tier_defaults(db):
    a = accounts.create_account(db, name="Override Oy", tier="transactional")
    person = contacts.create_contact(db, a.id, first_name="Ann", last_name="User",
                                     buying_role="user")  # fmt: skip
    _call(db, a.id, 40, contact_ids=[person.id])
    assert account_health(db, a.id).component("last_touch").band is Band.GREEN  # 120 days
    assert cadence.set_account_cadence(db, a.id, 30).max_days == 45
    h = account_health(db, a.id)
    assert h.cadence.source is cadence.Source.ACCOUNT
    assert h.component("last_touch").band is Band.YELLOW
    assert "set for this account" in h.component("last_touch").text
    cadence.set_account_cadence(db, a.id, 20)
    assert account_health(db, a.id).component("last_touch").band is Band.RED

    # a user is not watched, until "stay in touch every 10 days"
    assert account_health(db, a.id).component("key_contacts").details == ()
    assert cadence.set_contact_cadence(db, person.id, "10").max_days == 15
    c = account_health(db, a.id).component("key_contacts")
    assert c.band is Band.RED and c.contact_ids == (person.id,)
    assert cadence.set_contact_cadence(db, person.id, None) is None
    cadence.set_account_cadence(db, a.id, None)
    h = account_health(db, a.id)
    assert h.cadence.source is cadence.Source.TIER and h.component("key_contacts").band is (
        Band.GREEN
    )
    for bad in (0, 731, "soon"):
        with pytest.raises(InvalidValueError):
            cadence.set_account_cadence(db, a.id, bad)


def test_components_explain_coverage_complaints_satisfaction_trend_follow_ups_plan(db):
    a = accounts.create_account(db, name="Many Signals BV", tier="partner")
    contacts.create_contact(db, a.id, last_name="Only", level="operational", buying_role="user")
    for days in (100, 110, 120, 130, 140, 150):
        _call(db, a.id, days)
    _call(db, a.id, 5)
    _call(db, a.id, 45, kind="complaint", subject="Late", complaint_status="open")
    for days, score in ((300, 9), (200, 8), (20, 4)):
        _call(db, a.id, days, kind="satisfaction_check", subject="CSAT", satisfaction_score=score)
    activities.log_activity(db, a.id, kind="task", subject="Quote",
                            due_at=utcnow() - timedelta(days=3))  # fmt: skip
    h = account_health(db, a.id)
    by = {c.key: c for c in h.components}
    assert by["coverage"].band is Band.RED and "No decision maker" in by["coverage"].text
    assert by["complaints"].text == "1 open complaint, open for 45 days (limit 30)."
    assert by["complaints"].points == 0 and by["complaints"].band is Band.RED
    assert by["satisfaction"].band is Band.RED and "falling from an average of 8.5" in (
        by["satisfaction"].text
    )
    assert by["activity_trend"].text == (
        "Declining: 1 touch in the last 90 days against 6 in the 90 before."
    )
    assert by["follow_ups"].band is Band.YELLOW and by["follow_ups"].points == 2
    assert by["plan"].action == "start_plan" and by["plan"].points == 0
    assert h.score == sum(c.points for c in h.components)

    today = utcnow().date()
    plan = plans.create_plan(db, a.id, today.replace(month=1, day=1),
                             today.replace(month=12, day=31))  # fmt: skip
    plans.save_plan(db, plan.id, status="active")
    assert account_health(db, a.id).component("plan").points == WEIGHTS["plan"]


def test_lost_accounts_have_no_score_and_portfolio_is_worst_first(db):
    good = accounts.create_account(db, name="Good", tier="transactional")
    _call(db, good.id, 1)
    bad = accounts.create_account(db, name="Bad", tier="transactional")
    lost = accounts.create_account(
        db,
        name="Gone",
        tier="transactional",
        status="lost",
        defection_type="market",
        defection_reason="Plant closed",
    )
    rows = health.portfolio_health(db)
    assert [r.name for r in rows] == ["Bad", "Good"]
    assert [r.name for r in health.portfolio_health(db, needs_attention=True)] == ["Bad"]
    assert lost.id not in {r.account_id for r in rows}
    assert bad.id == rows[0].account_id


def test_snapshots_are_one_per_account_per_week_however_often_taken(db):
    a = accounts.create_account(db, name="Weekly", tier="transactional")
    b = accounts.create_account(db, name="Weekly Too", tier="partner")
    now = utcnow()
    first = health_store.take_snapshots(db, now=now)
    assert (first.added, first.replaced) == (2, 0)
    _call(db, a.id, 0)
    for _ in range(3):
        again = health_store.take_snapshots(db, now=now + timedelta(minutes=5))
        assert (again.added, again.replaced) == (0, 2)
    points = health_store.history(db, a.id)
    assert len(points) == 1 and points[0].score == account_health(db, a.id).score
    health_store.take_snapshots(db, now=now + timedelta(days=7))
    assert [p.week for p in health_store.history(db, b.id)] == [
        health_store.iso_week(now), health_store.iso_week(now + timedelta(days=7))
    ]  # fmt: skip
    from crmdesk.db.models_health import HealthSnapshot

    with db.session() as session:
        rows = session.query(HealthSnapshot).all()
        assert len(rows) == 4
        assert all(r.uuid and r.created_at and r.deleted_at is None for r in rows)
        assert {c["key"] for c in rows[0].components} == set(WEIGHTS)


def test_the_window_takes_a_snapshot_once_a_week(db):
    accounts.create_account(db, name="Opened Often", tier="transactional")
    now = utcnow()
    assert health_store.ensure_weekly_snapshot(db, now=now).added == 1
    assert health_store.ensure_weekly_snapshot(db, now=now + timedelta(hours=1)) is None
    assert health_store.ensure_weekly_snapshot(db, now=now + timedelta(days=7)).added == 1
