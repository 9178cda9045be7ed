"""Domain rules that live once in core: account field checks, owners and
"me", an activity with its follow-up in one transaction, follow-up filters."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from crmdesk.core import accounts, activities, contacts
from crmdesk.db.engine import Database
from crmdesk.db.enums import ActivityKind, EmployeeBand
from crmdesk.db.models import Activity
from crmdesk.errors import InvalidValueError
from crmdesk.preferences import Preferences, save_preferences


@contextmanager
def commits() -> Iterator[list[int]]:
    """Counts the transactions committed inside the block."""
    seen: list[int] = []

    def count(_session: Session) -> None:
        seen.append(1)

    event.listen(Session, "after_commit", count)
    try:
        yield seen
    finally:
        event.remove(Session, "after_commit", count)


def _all_activities(db: Database) -> int:
    """Every activity row, tombstones included."""
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Activity)) or 0)


def test_field_problems_are_the_services_own_checks(db: Database) -> None:
    problems = accounts.field_problems(
        {
            "name": "",
            "website": "not a site",
            "country": "Germany",
            "annual_value": "-5",
            "industry": "x" * 101,
            "employee_band": "1-9",
            "status": "active",
        }
    )
    assert set(problems) == {"name", "website", "country", "annual_value", "industry"}
    for field, value in (("website", "not a site"), ("country", "Germany")):
        with pytest.raises(InvalidValueError, match=problems[field].split("'")[0]):
            accounts.create_account(db, name="Acme", **{field: value})


def test_employee_band_values_parse_as_themselves(db: Database) -> None:
    """The defect: EmployeeBand.parse("1-9") failed (dashes were turned into
    underscores on one side only), so saving any account with a band did."""
    assert [EmployeeBand.parse(b.value) for b in EmployeeBand] == list(EmployeeBand)
    acme = accounts.create_account(db, name="Acme", employee_band="1-9")
    assert accounts.update_account(db, acme.id, employee_band="1000+").employee_band is (
        EmployeeBand.ENTERPRISE
    )


def test_new_accounts_belong_to_me_and_owners_match_in_any_case(db: Database) -> None:
    save_preferences(Preferences(me="Dana Kowalczyk"))
    mine = accounts.create_account(db, name="Mine")
    assert mine.owner == "Dana Kowalczyk"
    nobody = accounts.create_account(db, name="Unowned", owner=None)
    assert nobody.owner is None  # an explicit "no owner" stays
    theirs = accounts.create_account(db, name="Theirs", owner="hugo martin")
    assert theirs.owner == "hugo martin"  # the first spelling of a new owner
    again = accounts.create_account(db, name="Again", owner="HUGO MARTIN")
    assert again.owner == "hugo martin"
    assert accounts.update_account(db, mine.id, owner="dana KOWALCZYK").owner == "Dana Kowalczyk"


def test_activity_and_follow_up_are_one_transaction(db: Database) -> None:
    acme = accounts.create_account(db, name="Acme")
    anna = contacts.create_contact(db, acme.id, last_name="Schmidt")
    with commits() as seen:
        logged = activities.log_with_follow_up(
            db,
            acme.id,
            kind="call",
            subject="Pricing",
            contact_ids=[anna.id],
            follow_up_due="2030-01-15",
        )
    assert len(seen) == 1
    call, task = logged
    assert (call.kind, task.kind) == (ActivityKind.CALL, ActivityKind.TASK)
    assert task.subject == "Follow up: Pricing"
    assert task.due_at is not None
    local_due = task.due_at.astimezone()
    assert (local_due.date().isoformat(), local_due.hour) == ("2030-01-15", 9)
    assert [c.id for c in activities.find_activity(db, task.id).contacts] == [anna.id]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "call", "subject": "x", "follow_up_due": "2030-13-01"}, "is not a date"),
        ({"kind": "call", "subject": "", "follow_up_due": "2030-01-01"}, "Subject is required"),
        ({"kind": "chitchat", "subject": "x", "follow_up_due": "2030-01-01"}, "Kind"),
    ],
)
def test_a_bad_follow_up_writes_nothing_at_all(
    db: Database, fields: dict[str, str], message: str
) -> None:
    """The defect: the pane wrote the activity, then deleted it again when the
    follow-up failed, leaving a tombstone (two writes, a compensating delete)."""
    acme = accounts.create_account(db, name="Acme")
    before = _all_activities(db)
    with pytest.raises(InvalidValueError, match=message):
        activities.log_with_follow_up(db, acme.id, **fields)  # type: ignore[arg-type]
    assert _all_activities(db) == before


def test_people_of_another_account_write_nothing(db: Database) -> None:
    acme = accounts.create_account(db, name="Acme")
    other = accounts.create_account(db, name="Other")
    stranger = contacts.create_contact(db, other.id, last_name="Stranger")
    with pytest.raises(InvalidValueError, match="contacts of this account"):
        activities.log_with_follow_up(
            db,
            acme.id,
            kind="call",
            subject="x",
            contact_ids=[stranger.id],
            follow_up_due="2030-01-01",
        )
    assert _all_activities(db) == 0


def test_undo_and_redo_of_both_are_one_step(db: Database) -> None:
    acme = accounts.create_account(db, name="Acme")
    logged = activities.log_with_follow_up(
        db, acme.id, kind="note", subject="x", follow_up_due="2030-01-01"
    )
    ids = [a.id for a in logged]
    with commits() as seen:
        activities.delete_activities(db, ids)
    assert len(seen) == 1 and activities.timeline(db, acme.id) == []
    activities.restore_activities(db, ids)
    assert sorted(a.id for a in activities.timeline(db, acme.id)) == sorted(ids)


def test_follow_ups_by_owner_in_any_case_and_overdue_only(db: Database) -> None:
    now = datetime.now(UTC)
    dana = accounts.create_account(db, name="Dana's", owner="Dana Kowalczyk")
    hugo = accounts.create_account(db, name="Hugo's", owner="Hugo Martin")
    late = activities.log_activity(
        db, dana.id, kind="task", subject="late", due_at=now - timedelta(days=3)
    )
    soon = activities.log_activity(
        db, dana.id, kind="task", subject="soon", due_at=now + timedelta(days=3)
    )
    activities.log_activity(db, hugo.id, kind="task", subject="his", due_at=now)
    mine = activities.follow_ups(db, owner="DANA kowalczyk", horizon_days=None)
    assert [f.activity.id for f in mine] == [late.id, soon.id]
    assert {f.owner for f in mine} == {"Dana Kowalczyk"}
    overdue = activities.follow_ups(db, owner="dana kowalczyk", overdue_only=True)
    assert [f.activity.id for f in overdue] == [late.id]


def test_done_with_an_outcome_and_undone(db: Database) -> None:
    acme = accounts.create_account(db, name="Acme")
    call, task = activities.log_with_follow_up(
        db, acme.id, kind="call", subject="x", follow_up_due="2030-01-01"
    )
    done = activities.set_done(db, task.id, outcome="Signed")
    assert done.completed_at is not None and done.outcome == "Signed"
    with pytest.raises(InvalidValueError, match="done already"):
        activities.set_done(db, task.id)
    with pytest.raises(InvalidValueError, match="not a follow-up"):
        activities.set_done(db, call.id)
    assert activities.set_done(db, task.id, False).completed_at is None
