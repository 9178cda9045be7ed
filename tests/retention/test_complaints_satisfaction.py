"""The complaints register (due dates in working days by tier, overdue,
awaiting confirmation), the health score's use of it, and the satisfaction
index, over the fixture portfolio at known dates."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.core import activities, complaints, health, satisfaction
from crmdesk.core.complaints import Signal, add_working_days
from crmdesk.db.enums import ComplaintStatus, Tier
from crmdesk.errors import InvalidValueError, NotFoundError

from .portfolio import NOW, at, build


def test_working_days_skip_weekends():
    thursday = date(2026, 7, 9)
    assert add_working_days(thursday, 2) == date(2026, 7, 13)  # Friday, Monday
    assert add_working_days(date(2026, 7, 11), 1) == date(2026, 7, 13)  # Saturday -> Monday
    assert add_working_days(date(2026, 7, 8), 5) == date(2026, 7, 15)
    assert add_working_days(date(2026, 7, 10), 10) == date(2026, 7, 24)
    assert complaints.RESPONSE_TARGET_DAYS == {
        Tier.STRATEGIC: 2, Tier.PARTNER: 5, Tier.TRANSACTIONAL: 10,
    }  # fmt: skip


def test_register_due_dates_overdue_and_awaiting_confirmation(db):
    ids = build(db)
    rows = complaints.register(db, open_only=True, now=NOW)
    assert [r.id for r in rows] == [ids["c_strategic"], ids["c_partner"], ids["c_trans"],
                                    ids["c_awaiting"]]  # fmt: skip
    by = {r.id: r for r in rows}
    strategic = by[ids["c_strategic"]]
    assert (strategic.due, strategic.signal, strategic.age_days) == (
        date(2026, 7, 13), Signal.OVERDUE, 6,
    )  # fmt: skip
    assert by[ids["c_partner"]].due == date(2026, 7, 15)  # due today: not late yet
    assert by[ids["c_partner"]].signal is Signal.OPEN
    assert by[ids["c_trans"]].due == date(2026, 7, 24)
    awaiting = by[ids["c_awaiting"]]
    assert awaiting.signal is Signal.AWAITING_CONFIRMATION and awaiting.age_days == 9
    assert awaiting.recovery_action == "Express"
    everything = complaints.register(db, now=NOW)
    assert len(everything) == 8 and everything[-1].signal is Signal.CLOSED
    assert [r.id for r in complaints.register(db, open_only=True, tiers=[Tier.STRATEGIC],
                                              now=NOW)] == [ids["c_strategic"]]  # fmt: skip


def test_confirming_closes_it_and_an_open_one_cannot_be_confirmed(db):
    ids = build(db)
    with pytest.raises(InvalidValueError, match="not resolved yet"):
        complaints.confirm(db, ids["c_trans"])
    complaints.confirm(db, ids["c_awaiting"], when=at(2026, 7, 14))
    row = next(r for r in complaints.register(db, now=NOW) if r.id == ids["c_awaiting"])
    assert row.signal is Signal.CLOSED
    with pytest.raises(InvalidValueError, match="Recovery action is required"):
        complaints.resolve(db, ids["c_trans"], action="  ")
    with pytest.raises(NotFoundError):
        complaints.resolve(db, 999999, action="x")


def test_reopening_a_complaint_clears_its_resolution(db):
    ids = build(db)
    activities.update_activity(db, ids["c_awaiting"], complaint_status="open")
    row = next(r for r in complaints.register(db, now=NOW) if r.id == ids["c_awaiting"])
    assert (row.status, row.resolved_at, row.confirmed_at) == (ComplaintStatus.OPEN, None, None)


def test_an_overdue_complaint_turns_the_health_component_red(db):
    ids = build(db)
    h = health.account_health(db, ids["S"], now=NOW)
    c = h.component("complaints")
    assert c.band is health.Band.RED and c.points == 0
    assert "past the response target of 2 working days for a strategic account" in c.text
    partner = health.account_health(db, ids["P1"], now=NOW).component("complaints")
    assert partner.band is health.Band.YELLOW  # due today, 7 days old: not red yet


def test_satisfaction_index_latest_trend_and_nps_classes(db):
    ids = build(db)
    idx = satisfaction.index(db, now=NOW)
    by = {a.account_id: a for a in idx.accounts}
    t10 = by[ids["T10"]]
    assert (t10.latest, t10.latest_score, t10.latest_kind.value) == (7.5, 4, "csat")
    assert round(t10.mean_12m, 2) == 6.33  # (2.5 + 9 + 7.5) / 3
    assert (t10.mean_6m, t10.mean_before, t10.trend) == (8.25, 2.5, 5.75)
    assert t10.nps_class is satisfaction.NpsClass.PROMOTER
    assert by[ids["T11"]].nps_class is satisfaction.NpsClass.DETRACTOR
    tier = {g.key: g for g in idx.by_tier}["transactional"]
    assert (tier.accounts, tier.latest_mean, tier.mean_12m) == (2, 6.75, 6.25)
    assert (tier.promoters, tier.passives, tier.detractors, tier.nps) == (1, 0, 1, 0)
    owners = {g.key for g in idx.by_owner}
    assert owners == {""}  # the fixture accounts have no owner


def test_scores_must_fit_their_scale(db):
    ids = build(db)
    with pytest.raises(InvalidValueError, match=r"CSAT \(1–5\) score must be between 1 and 5"):
        satisfaction.record(db, ids["T4"], "csat", 7)
    with pytest.raises(InvalidValueError, match="between 1 and 5"):
        satisfaction.record(db, ids["T4"], "csat", 0)
    check = satisfaction.record(db, ids["T4"], "nps", 10)
    assert check.satisfaction_kind.value == "nps"
    plain = activities.log_activity(db, ids["T4"], kind="satisfaction_check", subject="Asked",
                                    satisfaction_score=8)  # fmt: skip
    assert plain.satisfaction_kind.value == "score"  # the 0-10 scale when none is given


def test_satisfaction_per_contact(db):
    from crmdesk.core import contacts

    ids = build(db)
    anna = contacts.create_contact(db, ids["T4"], first_name="Anna", last_name="Berg")
    satisfaction.record(db, ids["T4"], "nps", 7, contact_ids=[anna.id], when=at(2026, 6, 1))
    satisfaction.record(db, ids["T4"], "csat", 5, contact_ids=[anna.id], when=at(2026, 7, 1))
    people = satisfaction.by_contact(db, ids["T4"], now=NOW)
    assert [(p.name, p.latest_kind.value, p.latest_score) for p in people] == [
        ("Anna Berg", "csat", 5)
    ]


def test_the_worklist_lists_complaints_past_their_response_target(db):
    from crmdesk.core.health_store import forget_scores
    from crmdesk.core.worklist import ItemKind, worklist

    ids = build(db)
    forget_scores()
    items = [i for i in worklist(db, now=NOW).items if i.kind is ItemKind.COMPLAINT]
    assert [i.activity_id for i in items] == [ids["c_strategic"]]  # due Mon 13 July
    assert items[0].due == date(2026, 7, 13) and items[0].overdue_days == 2
    assert "respond within 2 working days" in items[0].detail
