"""Contacts, activities, timelines and follow-ups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crmdesk.core import accounts, activities, contacts
from crmdesk.core.portfolio import list_accounts
from crmdesk.core.stats import stats
from crmdesk.db.enums import ActivityKind, ComplaintStatus
from crmdesk.errors import InvalidValueError, NotFoundError


@pytest.fixture
def acme(db):
    return accounts.create_account(db, name="Acme")


def test_contact_email_is_validated_and_normalised(db, acme):
    with pytest.raises(InvalidValueError, match="E-mail 'anna@@acme' is not valid"):
        contacts.create_contact(db, acme.id, last_name="Smith", email="anna@@acme")
    anna = contacts.create_contact(db, acme.id, last_name="Smith", email="Anna@ACME.example")
    assert anna.email == "Anna@acme.example"
    assert [c.last_name for c in contacts.contacts_for_account(db, acme.id)] == ["Smith"]


def test_reports_to_must_stay_in_account_and_not_loop(db, acme):
    other = accounts.create_account(db, name="Other")
    boss = contacts.create_contact(db, acme.id, last_name="Boss")
    worker = contacts.create_contact(db, acme.id, last_name="Worker", reports_to_id=boss.id)
    outsider = contacts.create_contact(db, other.id, last_name="Outsider")
    with pytest.raises(InvalidValueError, match="same account"):
        contacts.update_contact(db, outsider.id, reports_to_id=boss.id)
    with pytest.raises(InvalidValueError, match="circle"):
        contacts.update_contact(db, boss.id, reports_to_id=worker.id)
    assert contacts.get_contact(db, boss.id).reports_to_id is None


def test_contact_for_missing_account_is_a_clear_error(db):
    with pytest.raises(NotFoundError, match="no account with id 999"):
        contacts.create_contact(db, 999, last_name="X")


def test_timeline_newest_first_with_people_and_kind_filter(db, acme):
    anna = contacts.create_contact(db, acme.id, last_name="Anna")
    now = datetime.now(UTC)
    activities.log_activity(
        db, acme.id, kind="call", subject="old", occurred_at=now - timedelta(days=3)
    )
    activities.log_activity(
        db, acme.id, kind="meeting", subject="new", occurred_at=now, contact_ids=[anna.id]
    )
    line = activities.timeline(db, acme.id)
    assert [a.subject for a in line] == ["new", "old"]
    assert [c.last_name for c in line[0].contacts] == ["Anna"]
    calls = activities.timeline(db, acme.id, kinds=[ActivityKind.CALL])
    assert [a.subject for a in calls] == ["old"]


def test_people_involved_must_belong_to_the_account(db, acme):
    other = accounts.create_account(db, name="Other")
    stranger = contacts.create_contact(db, other.id, last_name="Stranger")
    with pytest.raises(InvalidValueError, match="contacts of this account"):
        activities.log_activity(db, acme.id, kind="call", subject="x", contact_ids=[stranger.id])
    assert activities.timeline(db, acme.id) == []


def test_complaint_and_satisfaction_fields(db, acme):
    complaint = activities.log_activity(db, acme.id, kind="complaint", subject="Late delivery")
    assert complaint.complaint_status is ComplaintStatus.OPEN
    check = activities.log_activity(
        db, acme.id, kind="satisfaction_check", subject="Q3", satisfaction_score=8
    )
    assert check.satisfaction_score == 8
    with pytest.raises(InvalidValueError, match="between 0 and 10"):
        activities.log_activity(
            db, acme.id, kind="satisfaction_check", subject="Q4", satisfaction_score=11
        )
    call = activities.log_activity(db, acme.id, kind="call", subject="x", satisfaction_score=5)
    assert call.satisfaction_score is None


def test_follow_ups_overdue_today_upcoming_and_done(db, acme):
    now = datetime.now(UTC).replace(hour=12, minute=0)
    late = activities.log_activity(
        db, acme.id, kind="task", subject="late", due_at=now - timedelta(days=2)
    )
    activities.log_activity(db, acme.id, kind="task", subject="today", due_at=now)
    activities.log_activity(
        db, acme.id, kind="task", subject="soon", due_at=now + timedelta(days=3)
    )
    activities.log_activity(
        db, acme.id, kind="task", subject="far", due_at=now + timedelta(days=60)
    )
    due = activities.follow_ups(db, now=now)
    assert [(f.activity.subject, f.state(now)) for f in due] == [
        ("late", "overdue"),
        ("today", "today"),
        ("soon", "upcoming"),
    ]
    assert due[0].account_name == "Acme"
    assert activities.overdue_count(db, now=now) == 1
    assert stats(db).overdue_follow_ups == activities.overdue_count(db)

    activities.set_done(db, late.id)
    assert activities.overdue_count(db, now=now) == 0
    assert [f.activity.subject for f in activities.follow_ups(db, now=now)] == ["today", "soon"]
    activities.set_done(db, late.id, done=False)
    assert activities.overdue_count(db, now=now) == 1


def test_only_follow_ups_can_be_done(db, acme):
    call = activities.log_activity(db, acme.id, kind="call", subject="x")
    with pytest.raises(InvalidValueError, match="follow-up"):
        activities.set_done(db, call.id)


def test_portfolio_row_shows_last_interaction_and_next_follow_up(db, acme):
    now = datetime.now(UTC).replace(microsecond=0)
    activities.log_activity(
        db, acme.id, kind="call", subject="c", occurred_at=now - timedelta(days=1)
    )
    activities.log_activity(
        db, acme.id, kind="task", subject="t", occurred_at=now, due_at=now + timedelta(days=2)
    )
    row = list_accounts(db)[0]
    assert row.last_interaction == now - timedelta(days=1)
    assert row.next_follow_up == now + timedelta(days=2)


def test_times_are_stored_utc_and_naive_input_is_local(db, acme):
    local_noon = datetime(2026, 3, 1, 12, 0)
    activity = activities.log_activity(
        db, acme.id, kind="call", subject="x", occurred_at=local_noon
    )
    stored = activities.timeline(db, acme.id)[0].occurred_at
    assert stored.tzinfo is UTC
    assert stored == local_noon.astimezone()
    assert activity.id


def test_deleting_an_activity_is_undoable(db, acme):
    act = activities.log_activity(db, acme.id, kind="call", subject="x")
    activities.delete_activity(db, act.id)
    assert activities.timeline(db, acme.id) == []
    activities.restore_activity(db, act.id)
    assert [a.subject for a in activities.timeline(db, acme.id)] == ["x"]
