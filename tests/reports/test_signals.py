"""Stakeholder coverage gaps and defection signals computed from real data:
both are the health score's components (one implementation)."""

from __future__ import annotations

from datetime import timedelta

from crmdesk.core import accounts, activities, contacts
from crmdesk.core.plan_document import build_plan_document
from crmdesk.db.types import utcnow

from .helpers import rich_account


def test_partner_coverage_gaps(db):
    a = accounts.create_account(db, name="Thin Cover GmbH", tier="partner")
    for last in ("Ames", "Berg"):
        contacts.create_contact(db, a.id, last_name=last, level="operational", buying_role="user")
    doc = build_plan_document(db, a.id)
    gaps = " | ".join(doc.coverage_gaps)
    assert "No decision maker" in gaps
    assert "No champion" in gaps
    assert "Only one level covered" in gaps


def test_silent_key_contact_is_a_gap_and_transactional_has_none(db):
    a = accounts.create_account(db, name="Quiet Boss SE", tier="strategic")
    boss = contacts.create_contact(
        db, a.id, last_name="Chef", level="executive", buying_role="decision_maker"
    )
    activities.log_activity(
        db, a.id, kind="meeting", subject="Kick-off", contact_ids=[boss.id],
        occurred_at=utcnow() - timedelta(days=120),
    )  # fmt: skip
    gaps = build_plan_document(db, a.id).coverage_gaps
    # strategic key contacts: every 60 days, at most 90 (crmdesk.core.cadence)
    assert (
        "Chef (decision maker): no touch for 120 days; keep in touch every 60 days, at most 90."
        in gaps
    )
    t = accounts.create_account(db, name="Just Orders", tier="transactional")
    assert build_plan_document(db, t.id).coverage_gaps == ()


def test_defection_signals_from_data(db):
    doc = build_plan_document(db, rich_account(db))
    titles = [s.title for s in doc.signals]
    assert "1 open complaint" in titles
    assert "Satisfaction falling" in titles
    assert all(s.proposed and s.impact == "high" for s in doc.signals)
    assert doc.activity is not None and len(doc.activity.months) == 12
    assert doc.activity.total >= 30
    assert [score for _d, score in doc.satisfaction] == [9, 8, 4]


def test_quiet_and_declining_activity(db):
    now = utcnow()
    quiet = accounts.create_account(db, name="Gone Quiet", tier="partner")
    activities.log_activity(db, quiet.id, kind="call", subject="Last call",
                            occurred_at=now - timedelta(days=100))  # fmt: skip
    assert [s.title for s in build_plan_document(db, quiet.id).signals] == ["Activity gone quiet"]
    fading = accounts.create_account(db, name="Fading", tier="transactional")
    for days in (100, 110, 120, 130, 140, 150, 10):
        activities.log_activity(db, fading.id, kind="email", subject="Mail",
                                occurred_at=now - timedelta(days=days))  # fmt: skip
    assert [s.title for s in build_plan_document(db, fading.id).signals] == ["Activity declining"]


def test_plan_pdf_shows_health_components_and_the_weekly_chart(db, tmp_path):
    from crmdesk.core import health_store
    from crmdesk.reports.plan_pdf import write_plan_pdf

    from .helpers import assert_structurally_sound, pdf_text

    account_id = rich_account(db)
    now = utcnow()
    for weeks in (2, 1, 0):
        health_store.take_snapshots(db, now=now - timedelta(days=7 * weeks))
    doc = build_plan_document(db, account_id)
    assert doc.health is not None and len(doc.health_history) == 3
    path = write_plan_pdf(doc, tmp_path / "plan.pdf")
    assert_structurally_sound(path)
    first = pdf_text(path)[0]
    assert "Relationship health" in first and f"{doc.health.score}/100" in first
    for c in doc.health.components:
        assert c.title in first and f"{c.points}/{c.weight}" in first
    assert "Health over time (weekly snapshots)" in first
    # the signals in the risk section are the non-green defection components
    assert {s.detail for s in doc.signals} <= {c.text for c in doc.health.components}
